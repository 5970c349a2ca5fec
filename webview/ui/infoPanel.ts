/**
 * What the selected curve is: its formula and derivative rendered with KaTeX (`katex.render`
 * builds DOM and styles it through the CSSOM, which the page's CSP allows), a summary, the
 * properties table and the pitfalls. KaTeX (about 260 KB) is its own chunk, loaded right after
 * the first chart has painted, so the graph never waits for it.
 */
import type KatexModule from 'katex';
import type { Activation, Properties } from '../../src/core/catalog/types';
import { local } from '../catalog';
import { h } from '../dom';
import { t } from '../i18n';
import { shortFormula } from '../sources';
import type { DerivativeTex } from '../../src/core/formula/formula';
import { post } from '../vscodeApi';

type Katex = typeof KatexModule;
let katexLoading: Promise<Katex> | undefined;

/** Loads KaTeX once. */
function loadKatex(): Promise<Katex> {
  katexLoading ??= import('katex').then((m) => m.default);
  return katexLoading;
}

/**
 * Renders LaTeX into an element (the plain text stands in until KaTeX has loaded); a formula
 * KaTeX cannot read stays plain text.
 */
export function renderTex(el: HTMLElement, latex: string, display = true, plain = latex): void {
  el.textContent = plain;
  el.classList.add('tex-pending');
  void loadKatex().then(
    (katex) => {
      try {
        // Display math never breaks; a long formula (a custom f′) is set inline so it wraps at
        // its operators instead of running out of the side panel.
        const long = latex.length > 80;
        el.classList.toggle('tex-wrap', long);
        katex.render(long ? `\\displaystyle ${latex}` : latex, el, {
          throwOnError: false,
          displayMode: display && !long,
          output: 'htmlAndMathml',
        });
      } catch {
        el.textContent = plain;
      }
      el.classList.remove('tex-pending');
    },
    () => el.classList.remove('tex-pending'),
  );
}

function yesNo(b: boolean): string {
  return b ? t('yes') : t('no');
}

function propertyRows(p: Properties): [string, string][] {
  const smooth: Record<Properties['smoothness'], string> = {
    discontinuous: t('discontinuous'),
    C0: t('continuous, with kinks (C⁰)'),
    C1: t('once differentiable (C¹)'),
    Cinf: t('smooth (C∞)'),
  };
  const bounded: Record<Properties['bounded'], string> = {
    both: t('above and below'),
    below: t('below only'),
    above: t('above only'),
    none: t('no'),
  };
  const cost = [t('cheap (compare)'), t('one exp or tanh'), t('several transcendental calls')];
  return [
    [t('Output range'), p.range],
    [t('Monotonic'), yesNo(p.monotonic)],
    [t('Smoothness'), smooth[p.smoothness]],
    [t('Zero-centred'), yesNo(p.zeroCentred)],
    [t('Bounded'), bounded[p.bounded]],
    [t('Self-normalising'), yesNo(p.selfNormalising)],
    [t('Where the gradient vanishes'), local(p.gradientNotes) || '—'],
    [t('Compute cost'), cost[p.cost - 1] ?? String(p.cost)],
  ];
}

function table(rows: [string, string][], caption: string): HTMLTableElement {
  const tbl = h('table', { class: 'props' }, h('caption', {}, caption));
  const body = tbl.createTBody();
  for (const [k, v] of rows) {
    const r = body.insertRow();
    r.append(h('th', { scope: 'row' }, k));
    r.insertCell().textContent = v;
  }
  return tbl;
}

/** Shows a catalog entry. */
export function showEntry(panel: HTMLElement, e: Activation, title: string): void {
  const f = h('div', { class: 'tex' });
  renderTex(f, `f(x) = ${e.latex}`, true, `f(x) = ${e.text}`);
  const parts: (HTMLElement | undefined)[] = [
    h('h2', {}, title),
    h('p', { class: 'summary' }, local(e.summary)),
    f,
  ];
  if (e.derivativeLatex) {
    const df = h('div', { class: 'tex' });
    renderTex(df, `f'(x) = ${e.derivativeLatex}`, true, `f′(x) = ${e.derivativeText ?? ''}`);
    parts.push(df);
  }
  parts.push(table(propertyRows(e.properties), t('Properties')));
  if (e.kind === 'elementwise')
    parts.push(
      h(
        'button',
        {
          type: 'button',
          class: 'insert-code',
          title: t('Insert an implementation of {0} at the cursor of the editor', e.name),
          onclick: () => post({ type: 'snippet/insert', id: e.id }),
        },
        t('Insert code'),
      ),
    );
  const when = local(e.whenToUse);
  if (when) parts.push(h('p', {}, h('strong', {}, `${t('When to use')}: `), when));
  const pit = local(e.pitfalls);
  if (pit) parts.push(h('p', { class: 'pitfall' }, h('strong', {}, `${t('Pitfalls')}: `), pit));
  if (e.origin) {
    const o = e.origin;
    parts.push(
      h(
        'p',
        { class: 'origin' },
        `${o.authors} (${o.year}), “${o.title}”${o.ref ? ` — ${o.ref}` : ''}`,
      ),
    );
  }
  panel.replaceChildren(...parts.filter((p): p is HTMLElement => !!p));
}

/** Shows the custom formula and its symbolic derivative (or why the derivative is not shown). */
export function showCustom(
  panel: HTMLElement,
  text: string,
  latex?: string,
  derivative?: DerivativeTex,
): void {
  const f = h('div', { class: 'tex' });
  renderTex(f, `f(x) = ${latex ?? text}`, true, `f(x) = ${text}`);
  // Named by its formula, as in the legend: the form above is already headed "Custom activation".
  const parts: HTMLElement[] = [h('h2', {}, t('Custom: {0}', shortFormula(text))), f];
  if (derivative?.ok) {
    const df = h('div', { class: 'tex' });
    renderTex(df, `f'(x) = ${derivative.latex}`);
    parts.push(df);
  } else if (derivative) {
    parts.push(h('p', { class: 'hint derivative-note' }, local(derivative.message)));
  }
  parts.push(
    h(
      'p',
      { class: 'hint' },
      t(
        'f′ is computed exactly by automatic differentiation (forward mode); the symbolic form above is for reading.',
      ),
    ),
  );
  panel.replaceChildren(...parts);
}

export function showNothing(panel: HTMLElement): void {
  panel.replaceChildren(
    h('p', { class: 'hint' }, t('Select a curve to see its formula and properties.')),
  );
}
