/**
 * The legend under the graph (one entry per curve, the line styles of f, f′, f″ and Δ) and the
 * key of the shaded regions, which says what a flat derivative means for training.
 */
import { h } from '../dom';
import { fmt, t } from '../i18n';
import type { FlatRegion, PlotSource } from '../graph/plotSource';
import type { Theme } from '../theme';

function lineKey(cls: string, text: string): HTMLElement {
  return h(
    'span',
    { class: 'line-key' },
    h('span', { class: `line-sample ${cls}`, 'aria-hidden': 'true' }),
    text,
  );
}

export function renderLegend(
  el: HTMLElement,
  sources: PlotSource[],
  opts: {
    showDf: boolean;
    showD2f: boolean;
    diff?: { a: string; b: string; max?: { x: number; delta: number } };
  },
): void {
  const items = sources.map((s) => {
    const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    sw.style.background = s.color;
    return h('li', { class: s.visible ? 'legend-item' : 'legend-item hidden-curve' }, sw, s.label);
  });
  const keys = h(
    'div',
    { class: 'line-keys' },
    lineKey('solid', 'f(x)'),
    opts.showDf ? lineKey('dashed', 'f′(x)') : undefined,
    opts.showD2f ? lineKey('dotted', 'f″(x)') : undefined,
    opts.diff
      ? lineKey('dashdot', t('Δ = {0} − {1} (right axis)', opts.diff.a, opts.diff.b))
      : undefined,
  );
  const diffText =
    opts.diff?.max &&
    h(
      'p',
      { class: 'diff-max' },
      t(
        'Largest difference in view: |Δ| = {0} at x = {1}',
        fmt(Math.abs(opts.diff.max.delta), 3),
        fmt(opts.diff.max.x, 4),
      ),
    );
  el.replaceChildren(
    h('ul', { class: 'legend', 'aria-label': t('Legend') }, ...items),
    keys,
    diffText || '',
  );
}

/**
 * A region's ends as text. An end found on the sampling grid lies up to one step past a kink at 0
 * (ReLU's dead zone ends at 6.9e−5 after a zoom): an end that close to 0 is shown as 0.
 */
function intervals(regions: FlatRegion[]): string {
  const end = (x: number, r: FlatRegion) => fmt(Math.abs(x) < 1e-3 * (r.x1 - r.x0) ? 0 : x, 3);
  return regions.map((r) => `[${end(r.x0, r)}, ${end(r.x1, r)}]`).join(' ∪ ');
}

export function renderShadeKey(
  el: HTMLElement,
  theme: Theme,
  curve: string | undefined,
  threshold: number,
  regions: FlatRegion[] | undefined,
): void {
  if (!regions || !curve) {
    el.replaceChildren();
    return;
  }
  const dead = regions.filter((r) => r.kind === 'dead');
  const sat = regions.filter((r) => r.kind === 'saturated');
  const flat = regions.filter((r) => r.kind === 'stationary');
  const entry = (color: string, title: string, where: string, text: string) => {
    const sw = h('span', { class: 'shade-swatch', 'aria-hidden': 'true' });
    sw.style.background = color;
    return h('li', {}, sw, h('strong', {}, title), ` ${where} — ${text}`);
  };
  const list = h('ul', { class: 'shade-list' });
  if (dead.length)
    list.append(
      entry(
        theme.dead,
        t('Dead zone (f′ = 0)'),
        intervals(dead),
        t(
          'a unit whose input stays here gets no gradient at all and stops learning: the “dying ReLU” problem.',
        ),
      ),
    );
  if (sat.length)
    list.append(
      entry(
        theme.saturated,
        t('Saturation (|f′| < {0})', fmt(threshold)),
        intervals(sat),
        t(
          'gradients are multiplied by this small slope at every layer and shrink towards zero: the vanishing-gradient problem.',
        ),
      ),
    );
  if (flat.length)
    list.append(
      entry(
        theme.stationary,
        t('Turning point (f′ crosses 0)'),
        intervals(flat),
        t('f has a minimum or maximum here; the gradient is small only in this narrow band.'),
      ),
    );
  if (!regions.length)
    list.append(h('li', {}, t('No region of {0} with |f′| < {1} in view.', curve, fmt(threshold))));
  el.replaceChildren(h('p', { class: 'shade-title' }, t('Shaded for {0}:', curve)), list);
}
