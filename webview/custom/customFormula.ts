/**
 * The custom activation box. mathjs is large, so its chunk is imported only when the box is first
 * used (focus, typing, or a saved custom curve). The compiled function is offered to the rest of
 * the webview (the training lab later) through `currentCustomActivation()`.
 */
import { h } from '../dom';
import { t } from '../i18n';
import { compileExpr, compileSampler, FUNCTIONS, type CustomFunction, type Expr } from './expr';
import type * as FormulaParser from './formulaParser';
import type { ParseResult } from './formulaParser';

/** A valid custom formula, compiled. */
export interface CompiledFormula extends CustomFunction {
  text: string;
  /** Plain-data tree (can be posted to a worker and compiled there with `compileExpr`). */
  expr: Expr;
  latex: string;
  derivativeLatex?: string;
  sample(x0: number, x1: number, n: number, out: { f: Float64Array; df: Float64Array }): void;
}

type Parser = typeof FormulaParser;
let parser: Promise<Parser> | undefined;
let current: CompiledFormula | undefined;
const listeners = new Set<(f: CompiledFormula | undefined) => void>();

/** Loads the formula parser (mathjs) once. */
export function loadParser(): Promise<Parser> {
  parser ??= import('./formulaParser');
  return parser;
}

/** The custom activation the person last entered successfully, as `{ f(x), df(x) }` and its tree. */
export function currentCustomActivation(): CompiledFormula | undefined {
  return current;
}

/** Calls `cb` whenever the custom activation changes. */
export function onCustomActivationChange(cb: (f: CompiledFormula | undefined) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** Parses and compiles a formula; on success it becomes the current custom activation. */
export async function compileFormula(
  text: string,
): Promise<ParseResult & { compiled?: CompiledFormula }> {
  const { parseFormula } = await loadParser();
  const r = parseFormula(text);
  if (!r.ok) return r;
  const fn = compileExpr(r.expr);
  const compiled: CompiledFormula = {
    ...fn,
    text,
    expr: r.expr,
    latex: r.latex,
    derivativeLatex: r.derivativeLatex,
    sample: compileSampler(r.expr),
  };
  current = compiled;
  for (const l of listeners) l(compiled);
  return { ...r, compiled };
}

export interface CustomBoxHost {
  text(): string;
  /** A formula compiled: `plot` is true when the person asked to add it to the graph. */
  onCompiled(f: CompiledFormula, plot: boolean): void;
  onText(text: string): void;
}

/** Builds the formula box with its error line. */
export function customBox(host: CustomBoxHost): HTMLElement {
  const input = h('input', {
    type: 'text',
    id: 'custom-formula',
    class: 'formula-input',
    spellcheck: 'false',
    autocomplete: 'off',
    value: host.text(),
    'aria-describedby': 'custom-error custom-help',
  });
  const error = h('div', {
    id: 'custom-error',
    class: 'formula-error',
    role: 'alert',
    'aria-live': 'assertive',
  });
  const status = h('span', { class: 'formula-status', 'aria-live': 'polite' });
  let seq = 0;
  const run = async (plot: boolean) => {
    const mine = ++seq;
    if (!parser) status.textContent = t('Loading the formula parser…');
    const r = await compileFormula(input.value);
    status.textContent = '';
    if (mine !== seq) return;
    if (!r.ok) {
      input.setAttribute('aria-invalid', 'true');
      error.replaceChildren(h('span', {}, t('Cannot use this formula: {0}', r.message)));
      if (r.index !== undefined) {
        const caret = r.index > 0 ? r.index - 1 : 0;
        error.append(h('pre', { class: 'caret' }, `${input.value}\n${' '.repeat(caret)}^`));
      }
      return;
    }
    input.removeAttribute('aria-invalid');
    error.replaceChildren();
    if (r.compiled) host.onCompiled(r.compiled, plot);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('focus', () => void loadParser(), { once: true });
  input.addEventListener('input', () => {
    host.onText(input.value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(false), 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      void run(true);
    }
  });
  const plotButton = h('button', { type: 'button', onclick: () => void run(true) }, t('Plot'));
  return h(
    'section',
    { class: 'custom', 'aria-labelledby': 'custom-title' },
    h('h2', { id: 'custom-title' }, t('Custom activation')),
    h(
      'div',
      { class: 'formula-row' },
      h('label', { for: 'custom-formula' }, 'f(x) ='),
      input,
      plotButton,
      status,
    ),
    error,
    h(
      'p',
      { id: 'custom-help', class: 'hint' },
      t('Use x, numbers, + − * / ^, pi, e and: {0}.', Object.keys(FUNCTIONS).join(', ')),
    ),
  );
}
