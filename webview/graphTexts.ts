/**
 * The text around the graph that follows the state: the canvas's accessible name, the legend,
 * the shading key, the difference pickers and the formula/properties panel.
 */
import { entryOf } from './catalog';
import type { CompiledFormula } from './custom/customFormula';
import { h } from './dom';
import type { GraphView } from './graph/graphView';
import type { PlotSource } from './graph/plotSource';
import { t } from './i18n';
import type { Layout } from './layout';
import { curveLabel, curveName } from './sources';
import { CUSTOM_ID, type UiState } from './state';
import type { Theme } from './theme';
import { showCustom, showEntry, showNothing } from './ui/infoPanel';
import { renderLegend, renderShadeKey } from './ui/legend';

const lastKey = new WeakMap<Element, string>();

/** Whether what an element shows would change (so a slider drag rebuilds no DOM needlessly). */
function changed(el: Element, key: string): boolean {
  if (lastKey.get(el) === key) return false;
  lastKey.set(el, key);
  return true;
}

/** The canvas label, the legend and the shading key (after every redraw). */
export function renderGraphTexts(
  l: Layout,
  s: UiState,
  sources: PlotSource[],
  graph: GraphView,
  theme: Theme,
): void {
  const label = t(
    'Graph of {0} for x from {1} to {2}',
    s.curves.map(curveLabel).join(', ') || t('no activation'),
    s.x[0],
    s.x[1],
  );
  if (changed(l.canvas, label)) l.canvas.setAttribute('aria-label', label);
  const byKey = (k: number) => s.curves.find((c) => c.key === k);
  const da = byKey(s.diff.a);
  const db = byKey(s.diff.b);
  const diff =
    s.diff.on && da && db && da !== db
      ? { a: curveLabel(da), b: curveLabel(db), max: graph.diffMax }
      : undefined;
  const legendKey = JSON.stringify([
    sources.map((x) => [x.label, x.color, x.visible]),
    s.showDf,
    s.showD2f,
    diff,
  ]);
  if (changed(l.legend, legendKey))
    renderLegend(l.legend, sources, { showDf: s.showDf, showD2f: s.showD2f, diff });
  // The difference pickers name the curves with their parameters too: keep them in step.
  const names = JSON.stringify(s.curves.map((c) => [c.key, curveLabel(c)]));
  if (changed(l.diffA, names))
    for (const option of [...l.diffA.options, ...l.diffB.options]) {
      const c = byKey(+option.value);
      if (c) option.text = curveLabel(c);
    }
  const active = byKey(s.active);
  const curve = active && s.shade.on ? curveLabel(active) : undefined;
  const shadeKey = JSON.stringify([
    curve,
    s.shade.threshold,
    graph.regions,
    theme.dead,
    theme.saturated,
  ]);
  if (changed(l.shadeKey, shadeKey))
    renderShadeKey(l.shadeKey, theme, curve, s.shade.threshold, graph.regions);
}

/** The two pickers of the difference curve (defaults: the first two curves). */
export function renderDiffSelects(l: Layout, s: UiState): void {
  const has = (key: number) => s.curves.some((c) => c.key === key);
  for (const [sel, k] of [
    [l.diffA, 'a'],
    [l.diffB, 'b'],
  ] as const) {
    sel.replaceChildren(
      ...s.curves.map((c) =>
        h('option', { value: c.key, selected: c.key === s.diff[k] }, curveLabel(c)),
      ),
    );
    if (!has(s.diff[k]) && s.curves.length)
      s.diff[k] = s.curves[k === 'a' ? 0 : Math.min(1, s.curves.length - 1)].key;
    sel.value = String(s.diff[k]);
    sel.disabled = s.curves.length < 2;
  }
  l.diffOn.disabled = s.curves.length < 2;
}

/** The formula and properties of the selected curve. */
export function renderInfo(
  panel: HTMLElement,
  s: UiState,
  custom: (key: number) => CompiledFormula | undefined,
): void {
  const c = s.curves.find((x) => x.key === s.active);
  if (!c) return showNothing(panel);
  if (c.id === CUSTOM_ID) {
    const f = custom(c.key);
    return showCustom(panel, c.formula ?? '', f?.latex, f?.derivative);
  }
  const e = entryOf(c.id);
  if (e) showEntry(panel, e, curveName(c));
}
