/**
 * The Graphs toolbar and the chart's pointer and keyboard handling, wired to the Graphs tab:
 * adding curves, view options, the x range boxes, zoom buttons, export, and zoom/pan/crosshair
 * on the canvas.
 */
import type { GraphsTab } from './graphsTab';
import { attachZoomPan, zoomRange } from './graph/zoomPan';
import type { Layout } from './layout';
import { MAX_SPAN, MIN_SPAN } from './state';
import { fmt, t } from './i18n';
import { graphCsv, saveFile } from './ui/exporter';
import { graphPng, graphSvg } from './ui/imageExport';

export function wireGraphControls(l: Layout, tab: GraphsTab): void {
  l.addButton.addEventListener('click', () => tab.addCurve(l.addSelect.value));
  l.addSelect.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') tab.addCurve(l.addSelect.value);
  });
  const toggle = (el: HTMLInputElement, name: Parameters<GraphsTab['setOption']>[0]) =>
    el.addEventListener('change', () => tab.setOption(name, el.checked));
  toggle(l.showDf, 'showDf');
  toggle(l.showD2f, 'showD2f');
  toggle(l.shadeOn, 'shade');
  toggle(l.diffOn, 'diff');
  l.shadeThreshold.addEventListener('input', () => {
    const v = +l.shadeThreshold.value;
    if (!(v >= 0 && v <= 10) || l.shadeThreshold.value === '') return;
    tab.state.shade.threshold = v;
    tab.paramRedraw();
  });
  for (const [sel, k] of [
    [l.diffA, 'a'],
    [l.diffB, 'b'],
  ] as const)
    sel.addEventListener('change', () => {
      tab.state.diff[k] = +sel.value;
      tab.rebuild();
    });
  const range = () => {
    const problem = rangeProblem(l.xMin.value, l.xMax.value);
    showRangeProblem(l, problem);
    if (!problem) tab.setRanges([+l.xMin.value, +l.xMax.value], tab.state.y, false);
  };
  l.xMin.addEventListener('change', range);
  l.xMax.addEventListener('change', range);
  const zoom = (k: number) => {
    const r = tab.graph.ranges();
    tab.setRanges(
      zoomRange(r.x, (r.x[0] + r.x[1]) / 2, k),
      zoomRange(r.y, (r.y[0] + r.y[1]) / 2, k),
    );
  };
  l.zoomIn.addEventListener('click', () => zoom(0.8));
  l.zoomOut.addEventListener('click', () => zoom(1.25));
  l.reset.addEventListener('click', () => tab.resetView());
  l.exportPng.addEventListener('click', () =>
    saveFile('png', 'activation-lab.png', graphPng(tab.graph, tab.exportTexts())),
  );
  l.exportSvg.addEventListener('click', () =>
    saveFile('svg', 'activation-lab.svg', graphSvg(tab.graph, tab.exportTexts())),
  );
  l.exportCsv.addEventListener('click', () =>
    saveFile('csv', 'activation-lab.csv', graphCsv(tab.graph)),
  );
  attachZoomPan(l.canvas, {
    get chart() {
      return tab.graph.chart;
    },
    ranges: () => tab.graph.ranges(),
    setRanges: (x, y) => tab.setRanges(x, y),
    reset: () => tab.resetView(),
    crosshair: (x) => tab.crosshair.set(x),
    crosshairX: () => tab.crosshair.get(),
  });
}

/** Why the x range boxes' values cannot be a view range, or undefined when they can. */
function rangeProblem(from: string, to: string): string | undefined {
  const a = from.trim() === '' ? NaN : +from;
  const b = to.trim() === '' ? NaN : +to;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return t('Enter a number in both x boxes.');
  if (a >= b) return t('“x to” must be greater than “x from”.');
  if (b - a < MIN_SPAN) return t('The x range must be at least {0} wide.', fmt(MIN_SPAN));
  if (b - a > MAX_SPAN) return t('The x range can be at most {0} wide.', fmt(MAX_SPAN));
  return undefined;
}

/** Marks the x range boxes invalid with the reason next to them, or clears both. */
export function showRangeProblem(l: Layout, problem: string | undefined): void {
  l.xMin.toggleAttribute('aria-invalid', !!problem);
  l.xMax.toggleAttribute('aria-invalid', !!problem);
  l.rangeNote.textContent = problem ?? '';
}
