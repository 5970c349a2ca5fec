/**
 * The playground controller: owns the UI state and wires the layout, the graph, the cards, the
 * custom formula box and the vector tab together. State changes come in two sizes: structural
 * (curves added or removed, options toggled: datasets and cards are rebuilt) and parameter or
 * range changes (samples are recomputed in place and the chart redrawn, nothing else rebuilt).
 */
import type { InitMessage, ShowRequest } from '../src/core/protocol/webviewProtocol';
import { elementwiseEntries, entryOf, paramProblem, paramsFor, presetsFor } from './catalog';
import { customBox, compileFormula, type CompiledFormula } from './custom/customFormula';
import { h } from './dom';
import { Crosshair } from './graph/crosshair';
import { GraphView } from './graph/graphView';
import { attachZoomPan, zoomRange } from './graph/zoomPan';
import { t } from './i18n';
import { buildLayout, showTab, wireTabs, type Layout, type Tab } from './layout';
import { curveLabel, curveName, sourceFor } from './sources';
import {
  CUSTOM_ID,
  DEFAULT_X,
  MAX_CURVES,
  MAX_SPAN,
  MIN_SPAN,
  persist,
  type CurveState,
  type UiState,
} from './state';
import { readTheme, reducedMotion, watchTheme, type Theme } from './theme';
import { matchingPreset, renderCards } from './ui/curveCards';
import { graphCsv, saveFile } from './ui/exporter';
import { showCustom, showEntry, showNothing } from './ui/infoPanel';
import { renderLegend, renderShadeKey } from './ui/legend';
import type { PlotSource } from './graph/plotSource';
import { VectorTab } from './vector/vectorTab';
import type { TrainingTab } from './train/trainingTab';

export class App {
  private theme: Theme = readTheme();
  private readonly l: Layout;
  private readonly graph: GraphView;
  private readonly crosshair: Crosshair;
  private readonly vector: VectorTab;
  /** The training tab, mounted (and its code loaded) when it is first shown. */
  private training: Promise<TrainingTab> | undefined;
  private sources: PlotSource[] = [];
  private custom: CompiledFormula | undefined;
  /** The y range held still while a slider is dragged (auto-fit resumes on release). */
  private dragY: [number, number] | null = null;

  constructor(
    root: HTMLElement,
    private state: UiState,
    private readonly settings: InitMessage['settings'],
  ) {
    this.l = buildLayout(root);
    this.graph = new GraphView(this.l.canvas, this.theme);
    this.crosshair = new Crosshair(this.l.chartWrap, this.graph.chart, this.l.readout, this.theme);
    this.vector = new VectorTab(
      {
        state: () => this.state.vector,
        change: (next) => {
          this.state.vector = next;
          this.save();
        },
        reducedMotion: () => this.reduced(),
      },
      this.theme,
    );
    this.l.vectorSlot.append(this.vector.el);
    this.l.customSlot.append(
      customBox({
        text: () => this.state.custom.text,
        onText: (text) => {
          this.state.custom.text = text;
          this.save();
        },
        onCompiled: (f, plot) => this.customCompiled(f, plot),
      }),
    );
    this.wire();
    this.syncControls();
    wireTabs(this.l, (tab) => this.selectTab(tab));
    showTab(this.l, this.state.tab);
    if (this.state.tab === 'train') void this.trainingTab();
    watchTheme((th) => this.setTheme(th));
    this.rebuild();
    performance.measure('al:first-chart', { start: 0, end: performance.now() });
    // A saved custom curve needs its formula compiled again (this loads the parser chunk).
    if (this.state.curves.some((c) => c.id === CUSTOM_ID))
      void compileFormula(this.state.custom.text).then(
        (r) => r.compiled && this.customCompiled(r.compiled, false),
      );
  }

  /** Applies a show request from the host (a hover link or a command). */
  show(req: ShowRequest): void {
    const unknown: string[] = [];
    const curves: CurveState[] = [];
    let vectorId: string | undefined;
    for (const c of req.curves) {
      const e = entryOf(c.id);
      if (!e) unknown.push(c.id);
      else if (e.kind === 'vector') vectorId = e.id;
      else if (curves.length < MAX_CURVES)
        curves.push({
          key: curves.length,
          id: e.id,
          params: paramsFor(e.id, c.params),
          api: c.api,
          color: curves.length,
          visible: true,
        });
    }
    if (unknown.length) this.status(t('Unknown activation: {0}', unknown.join(', ')), true);
    if (curves.length) {
      this.state.curves = curves;
      this.state.active = curves[0].key;
      this.state.diff = { on: false, a: -1, b: -1 };
      this.state.x = [...DEFAULT_X];
      this.state.y = null;
    }
    if (vectorId) {
      this.state.vector = { ...this.state.vector, id: vectorId, params: {} };
      this.vector.renderControls();
      this.vector.update();
    }
    this.selectTab(req.tab ?? (vectorId && !curves.length ? 'vector' : 'graphs'));
    const first = req.curves[0];
    if (req.tab === 'train' && first)
      void this.trainingTab().then((tab) =>
        tab.show({ id: first.id, params: first.params, start: req.train === true }),
      );
    this.syncControls();
    this.rebuild();
  }

  /** Shows the result of a `file/save` request. */
  saved(ok: boolean, detail: string): void {
    if (detail === 'cancelled') return;
    this.status(ok ? t('Saved to {0}', detail) : t('Could not save: {0}', detail), !ok);
  }

  private reduced(): boolean {
    return reducedMotion(this.settings.reducedMotion);
  }

  private status(text: string, error = false): void {
    this.l.status.textContent = text;
    this.l.status.classList.toggle('error', error);
  }

  private save(): void {
    persist(this.state);
  }

  private selectTab(tab: Tab): void {
    this.state.tab = tab;
    showTab(this.l, tab);
    if (tab === 'train') void this.trainingTab();
    this.save();
  }

  /** Mounts the training tab on first use: its code and worker are a chunk of their own. */
  private trainingTab(): Promise<TrainingTab> {
    this.training ??= import('./train/trainingTab').then(({ mountTrainingTab }) => {
      this.l.trainRoot.replaceChildren();
      return mountTrainingTab(this.l.trainRoot, {
        saved: this.state.training,
        save: (s) => {
          this.state.training = s;
          this.save();
        },
        maxEpochs: this.settings.maxTrainingEpochs,
      });
    });
    return this.training;
  }

  private find(key: number): CurveState | undefined {
    return this.state.curves.find((c) => c.key === key);
  }

  private addCurve(id: string, params?: Record<string, number>, api?: string): void {
    const s = this.state;
    if (s.curves.length >= MAX_CURVES) {
      this.status(t('At most {0} curves can be plotted at once.', MAX_CURVES), true);
      return;
    }
    const used = new Set(s.curves.map((c) => c.color));
    let color = 0;
    while (used.has(color)) color++;
    const key = Math.max(-1, ...s.curves.map((c) => c.key)) + 1;
    s.curves.push({
      key,
      id,
      params: id === CUSTOM_ID ? {} : paramsFor(id, params),
      api,
      color,
      visible: true,
    });
    s.active = key;
    if (s.curves.length === 2 && s.diff.a < 0) s.diff = { ...s.diff, a: s.curves[0].key, b: key };
    this.rebuild();
  }

  private customCompiled(f: CompiledFormula, plot: boolean): void {
    this.custom = f;
    const existing = this.state.curves.find((c) => c.id === CUSTOM_ID);
    if (!existing && plot) return this.addCurve(CUSTOM_ID);
    if (existing) {
      if (plot) this.state.active = existing.key;
      this.rebuild();
    }
  }

  private wire(): void {
    const l = this.l;
    l.addButton.addEventListener('click', () => this.addCurve(l.addSelect.value));
    l.addSelect.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.addCurve(l.addSelect.value);
    });
    const toggle = (el: HTMLInputElement, set: (v: boolean) => void) =>
      el.addEventListener('change', () => {
        set(el.checked);
        this.rebuild();
      });
    toggle(l.showDf, (v) => (this.state.showDf = v));
    toggle(l.showD2f, (v) => (this.state.showD2f = v));
    toggle(l.shadeOn, (v) => (this.state.shade.on = v));
    toggle(l.diffOn, (v) => (this.state.diff.on = v));
    l.shadeThreshold.addEventListener('input', () => {
      const v = +l.shadeThreshold.value;
      if (!(v >= 0 && v <= 10) || l.shadeThreshold.value === '') return;
      this.state.shade.threshold = v;
      this.paramRedraw();
    });
    for (const [sel, k] of [
      [l.diffA, 'a'],
      [l.diffB, 'b'],
    ] as const)
      sel.addEventListener('change', () => {
        this.state.diff[k] = +sel.value;
        this.rebuild();
      });
    const range = () => {
      const a = +l.xMin.value;
      const b = +l.xMax.value;
      const ok = Number.isFinite(a) && Number.isFinite(b) && b - a >= MIN_SPAN && b - a <= MAX_SPAN;
      l.xMin.toggleAttribute('aria-invalid', !ok);
      l.xMax.toggleAttribute('aria-invalid', !ok);
      if (ok) this.setRanges([a, b], this.state.y, false);
    };
    l.xMin.addEventListener('change', range);
    l.xMax.addEventListener('change', range);
    const zoom = (k: number) => {
      const r = this.graph.ranges();
      this.setRanges(
        zoomRange(r.x, (r.x[0] + r.x[1]) / 2, k),
        zoomRange(r.y, (r.y[0] + r.y[1]) / 2, k),
      );
    };
    l.zoomIn.addEventListener('click', () => zoom(0.8));
    l.zoomOut.addEventListener('click', () => zoom(1.25));
    l.reset.addEventListener('click', () => this.resetView());
    l.exportPng.addEventListener('click', () =>
      saveFile('png', 'activation-lab.png', this.graph.pngBase64()),
    );
    l.exportCsv.addEventListener('click', () =>
      saveFile('csv', 'activation-lab.csv', graphCsv(this.graph)),
    );
    attachZoomPan(l.canvas, {
      chart: this.graph.chart,
      ranges: () => this.graph.ranges(),
      setRanges: (x, y) => this.setRanges(x, y),
      reset: () => this.resetView(),
      crosshair: (x) => this.crosshair.set(x),
      crosshairX: () => this.crosshair.get(),
    });
  }

  private resetView(): void {
    this.setRanges([...DEFAULT_X], null);
  }

  private setRanges(x: [number, number], y: [number, number] | null, syncInputs = true): void {
    this.state.x = x;
    this.state.y = y;
    if (syncInputs) this.syncRangeInputs();
    this.paramRedraw();
  }

  private syncRangeInputs(): void {
    this.l.xMin.value = String(+this.state.x[0].toPrecision(4));
    this.l.xMax.value = String(+this.state.x[1].toPrecision(4));
  }

  private syncControls(): void {
    const { l, state: s } = this;
    l.showDf.checked = s.showDf;
    l.showD2f.checked = s.showD2f;
    l.shadeOn.checked = s.shade.on;
    l.shadeThreshold.value = String(s.shade.threshold);
    l.diffOn.checked = s.diff.on;
    this.syncRangeInputs();
  }

  private graphOptions() {
    const s = this.state;
    return {
      showDf: s.showDf,
      showD2f: s.showD2f,
      shade: s.shade.on && s.active >= 0 ? { key: s.active, threshold: s.shade.threshold } : null,
      diff: s.diff.on ? { a: s.diff.a, b: s.diff.b } : null,
    };
  }

  /** Structural change: rebuild sources, datasets, cards, legend, info. */
  private rebuild(): void {
    const s = this.state;
    if (!this.find(s.active)) s.active = s.curves[0]?.key ?? -1;
    const ctx = {
      color: (i: number) => this.theme.palette[i % this.theme.palette.length],
      custom: () => this.custom,
    };
    this.sources = s.curves.map((c) => sourceFor(c, ctx));
    this.graph.setRange(s.x, s.y);
    this.graph.setSources(this.sources, this.graphOptions());
    this.crosshair.setSources(this.sources, s.showD2f);
    this.renderDiffSelects();
    renderCards(this.l.cards, {
      curves: () => s.curves,
      active: () => s.active,
      name: curveName,
      color: (c) => ctx.color(c.color),
      customText: () => s.custom.text,
      onParam: (key, name, v, final) => this.setParam(key, name, v, final),
      onPreset: (key, preset) => this.applyPreset(key, preset),
      onOverlayFrameworks: (key) => this.overlayFrameworks(key),
      onRemove: (key) => {
        s.curves = s.curves.filter((c) => c.key !== key);
        this.rebuild();
      },
      onToggle: (key) => {
        const c = this.find(key);
        if (c) c.visible = !c.visible;
        this.rebuild();
      },
      onActivate: (key) => {
        s.active = key;
        this.rebuild();
      },
    });
    this.renderInfo();
    this.afterRedraw();
    this.save();
  }

  /** Parameter, threshold or range change: resample in place and redraw (measured). */
  private paramRedraw(): void {
    performance.mark('al:param-start');
    this.graph.setRange(this.state.x, this.state.y ?? this.dragY);
    this.graph.setShade(this.graphOptions().shade);
    this.graph.redraw();
    this.crosshair.refresh();
    this.afterRedraw();
    performance.measure('al:param-redraw', 'al:param-start');
    // Keep the performance timeline small in a long session.
    if (performance.getEntriesByName('al:param-redraw').length > 2000) {
      performance.clearMeasures('al:param-redraw');
      performance.clearMeasures('al:chart-update');
      performance.clearMarks();
    }
    this.save();
  }

  private setParam(key: number, name: string, v: number, final: boolean): string | undefined {
    const c = this.find(key);
    if (!c) return undefined;
    const problem = paramProblem(c.id, { ...c.params, [name]: v });
    if (problem) return problem;
    c.params[name] = v;
    this.dragY = final ? null : (this.dragY ?? this.graph.ranges().y);
    this.paramRedraw();
    if (final) {
      const preset = matchingPreset(c, presetsFor(c.id));
      if (!preset) c.api = undefined;
      const sel = this.l.cards.querySelector<HTMLSelectElement>(
        `[data-key="${key}"] .preset select`,
      );
      if (sel) sel.value = preset?.key ?? '';
    }
    return undefined;
  }

  private applyPreset(key: number, presetKey: string): void {
    const c = this.find(key);
    if (!c) return;
    const p = presetsFor(c.id).find((x) => x.key === presetKey);
    if (p) {
      c.params = { ...p.params };
      c.api = p.key;
    } else c.api = undefined;
    this.rebuild();
  }

  /** One curve per distinct framework default of the curve's entry, so their gap shows. */
  private overlayFrameworks(key: number): void {
    const c = this.find(key);
    if (!c) return;
    const seen = new Set([JSON.stringify(c.params)]);
    const first = this.state.curves.length;
    for (const p of presetsFor(c.id)) {
      const k = JSON.stringify(p.params);
      if (seen.has(k)) continue;
      seen.add(k);
      this.addCurve(c.id, p.params, p.key);
    }
    const added = this.state.curves[first];
    if (added) this.state.diff = { ...this.state.diff, a: c.key, b: added.key };
    this.rebuild();
  }

  private afterRedraw(): void {
    const s = this.state;
    this.l.canvas.setAttribute(
      'aria-label',
      t(
        'Graph of {0} for x from {1} to {2}',
        s.curves.map(curveLabel).join(', ') || t('no activation'),
        s.x[0],
        s.x[1],
      ),
    );
    const byKey = (k: number) => s.curves.find((c) => c.key === k);
    const da = byKey(s.diff.a);
    const db = byKey(s.diff.b);
    renderLegend(this.l.legend, this.sources, {
      showDf: s.showDf,
      showD2f: s.showD2f,
      diff:
        s.diff.on && da && db && da !== db
          ? { a: curveLabel(da), b: curveLabel(db), max: this.graph.diffMax }
          : undefined,
    });
    const active = byKey(s.active);
    renderShadeKey(
      this.l.shadeKey,
      this.theme,
      active && s.shade.on ? curveLabel(active) : undefined,
      s.shade.threshold,
      this.graph.regions,
    );
  }

  private renderDiffSelects(): void {
    const s = this.state;
    for (const [sel, k] of [
      [this.l.diffA, 'a'],
      [this.l.diffB, 'b'],
    ] as const) {
      sel.replaceChildren(
        ...s.curves.map((c) =>
          h('option', { value: c.key, selected: c.key === s.diff[k] }, curveLabel(c)),
        ),
      );
      if (!this.find(s.diff[k]) && s.curves.length)
        s.diff[k] = s.curves[k === 'a' ? 0 : Math.min(1, s.curves.length - 1)].key;
      sel.value = String(s.diff[k]);
      sel.disabled = s.curves.length < 2;
    }
    this.l.diffOn.disabled = s.curves.length < 2;
  }

  private renderInfo(): void {
    const c = this.find(this.state.active);
    if (!c) return showNothing(this.l.info);
    if (c.id === CUSTOM_ID)
      return showCustom(
        this.l.info,
        this.state.custom.text,
        this.custom?.latex,
        this.custom?.derivativeLatex,
      );
    const e = entryOf(c.id);
    if (e) showEntry(this.l.info, e, curveName(c));
  }

  private setTheme(th: Theme): void {
    this.theme = th;
    this.graph.setTheme(th);
    this.crosshair.setTheme(th);
    this.vector.setTheme(th);
    this.rebuild();
  }
}

/** A first-run selection that shows what the playground is for. */
export function starterCurves(): CurveState[] {
  const ids = ['relu', 'gelu', 'sigmoid'].filter((id) =>
    elementwiseEntries().some((e) => e.id === id),
  );
  return ids.map((id, i) => ({ key: i, id, params: paramsFor(id), color: i, visible: true }));
}
