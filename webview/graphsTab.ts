/**
 * The Graphs tab: the chart of every plotted curve, the curve cards, the custom formula box and
 * the formula/properties panel, all driven by the UI state. State changes come in two sizes:
 * structural (curves added or removed, options toggled: datasets and cards are rebuilt) and
 * parameter or range changes (samples recomputed in place and the chart redrawn, nothing else
 * rebuilt, measured with the performance mark `al:param-redraw`).
 */
import { paramProblem, paramsFor, presetsFor } from './catalog';
import { compileFormula, customBox, type CompiledFormula } from './custom/customFormula';
import { Crosshair } from './graph/crosshair';
import { DASH, GraphView } from './graph/graphView';
import type { PlotSource } from './graph/plotSource';
import { showRangeProblem, wireGraphControls } from './graphControls';
import { t } from './i18n';
import type { Layout } from './layout';
import { curveLabel, curveName, sourceFor } from './sources';
import { CUSTOM_ID, DEFAULT_X, MAX_CURVES, type CurveState, type UiState } from './state';
import type { Theme } from './theme';
import { assignSlots } from './ui/curveColors';
import { matchingPreset, renderCards } from './ui/curveCards';
import type { ChartExport } from './ui/imageExport';
import { renderDiffSelects, renderGraphTexts, renderInfo } from './graphTexts';

export interface GraphsHost {
  save(): void;
  status(text: string, error?: boolean): void;
}

export class GraphsTab {
  readonly graph: GraphView;
  readonly crosshair: Crosshair;
  private sources: PlotSource[] = [];
  /** The compiled formula of each custom curve, by curve key. */
  private readonly customs = new Map<number, CompiledFormula>();
  /** The y range held still while a slider is dragged (auto-fit resumes on release). */
  private dragY: [number, number] | null = null;

  constructor(
    private readonly l: Layout,
    readonly state: UiState,
    private theme: Theme,
    private readonly host: GraphsHost,
  ) {
    this.graph = new GraphView(l.canvas, theme);
    this.crosshair = new Crosshair(l.chartWrap, this.graph, l.readout, theme);
    l.customSlot.append(
      customBox({
        text: () => state.custom.text,
        onText: (text) => {
          state.custom.text = text;
          host.save();
        },
        onCompiled: (f, plot) => this.customCompiled(f, plot),
      }),
    );
    wireGraphControls(l, this);
    this.syncControls();
    this.restoreCustoms();
  }

  /** Replaces the plotted curves (a show request from the host) and resets the view. */
  showCurves(curves: CurveState[]): void {
    const s = this.state;
    s.curves = curves.slice(0, MAX_CURVES);
    s.active = curves[0]?.key ?? -1;
    s.diff = { on: false, a: -1, b: -1 };
    s.x = [...DEFAULT_X];
    s.y = null;
    this.syncControls();
    this.rebuild();
  }

  setTheme(th: Theme): void {
    this.theme = th;
    this.graph.setTheme(th);
    this.crosshair.setTheme(th);
    this.rebuild();
  }

  /** Sets a view option from the toolbar and rebuilds. */
  setOption(name: 'showDf' | 'showD2f' | 'shade' | 'diff', on: boolean): void {
    const s = this.state;
    if (name === 'shade') s.shade.on = on;
    else if (name === 'diff') s.diff.on = on;
    else s[name] = on;
    this.rebuild();
  }

  private find(key: number): CurveState | undefined {
    return this.state.curves.find((c) => c.key === key);
  }

  /** Adds a curve (a custom one with its compiled formula); its key, or undefined when full. */
  addCurve(
    id: string,
    params?: Record<string, number>,
    api?: string,
    custom?: CompiledFormula,
  ): number | undefined {
    const s = this.state;
    if (s.curves.length >= MAX_CURVES) {
      // Next to the Add button, until a curve is removed (see rebuild).
      this.l.addNote.textContent = t('At most {0} curves can be plotted at once.', MAX_CURVES);
      return undefined;
    }
    // The activation's own colour (the same in every tab), unless a curve here already has it.
    const [color] = assignSlots(
      [id],
      s.curves.map((c) => c.color),
    );
    const key = Math.max(-1, ...s.curves.map((c) => c.key)) + 1;
    s.curves.push({
      key,
      id,
      params: id === CUSTOM_ID ? {} : paramsFor(id, params),
      api,
      color,
      visible: true,
      ...(custom && { formula: custom.text }),
    });
    if (custom) this.customs.set(key, custom);
    s.active = key;
    if (s.curves.length === 2 && s.diff.a < 0) s.diff = { ...s.diff, a: s.curves[0].key, b: key };
    this.rebuild();
    return key;
  }

  /**
   * Compiles the saved custom curves again (linear in their length: start-up never waits long).
   * A curve saved by an older version has no formula of its own and takes the box's text; a
   * custom curve whose formula is empty or no longer valid is dropped rather than drawn empty.
   */
  private restoreCustoms(): void {
    const s = this.state;
    s.curves = s.curves.filter((c) => {
      if (c.id !== CUSTOM_ID) return true;
      c.formula ??= s.custom.text;
      const r = compileFormula(c.formula);
      if (r.ok) this.customs.set(c.key, r.compiled);
      return r.ok;
    });
    this.rebuild();
  }

  /**
   * A formula compiled in the box. Plot (or Enter) adds it as a new curve, so several formulas
   * can be compared; a formula already plotted is selected instead of drawn twice.
   */
  private customCompiled(f: CompiledFormula, plot: boolean): void {
    if (!plot) return;
    const same = this.state.curves.find((c) => c.id === CUSTOM_ID && c.formula === f.text);
    if (same) {
      this.state.active = same.key;
      this.rebuild();
      return;
    }
    const key = this.addCurve(CUSTOM_ID, undefined, undefined, f);
    if (key !== undefined) this.host.save();
  }

  resetView(): void {
    this.setRanges([...DEFAULT_X], null);
  }

  setRanges(x: [number, number], y: [number, number] | null, syncInputs = true): void {
    this.state.x = x;
    this.state.y = y;
    if (syncInputs) this.syncRangeInputs();
    this.paramRedraw();
  }

  /** The range boxes show the view's range; a new range clears an earlier complaint. */
  private syncRangeInputs(): void {
    this.l.xMin.value = String(+this.state.x[0].toPrecision(4));
    this.l.xMax.value = String(+this.state.x[1].toPrecision(4));
    showRangeProblem(this.l, undefined);
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
  rebuild(): void {
    const s = this.state;
    if (s.curves.length < MAX_CURVES) this.l.addNote.textContent = '';
    if (!this.find(s.active)) s.active = s.curves[0]?.key ?? -1;
    const ctx = {
      color: (i: number) => this.theme.palette[i % this.theme.palette.length],
      custom: (key: number) => this.customs.get(key),
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
      onParam: (key, name, v, final) => this.setParam(key, name, v, final),
      onPreset: (key, preset) => this.applyPreset(key, preset),
      onOverlayFrameworks: (key) => this.overlayFrameworks(key),
      onRemove: (key) => {
        this.customs.delete(key);
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
    this.host.save();
  }

  /** Parameter, threshold or range change: resample in place and redraw (measured). */
  paramRedraw(): void {
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
    this.host.save();
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

  /** The title, axis labels and legend texts of an exported image of the chart. */
  exportTexts(): ChartExport {
    const s = this.state;
    const shown = this.sources.filter((x) => x.visible);
    const byKey = (k: number) => s.curves.find((c) => c.key === k);
    const [da, db] = [byKey(s.diff.a), byKey(s.diff.b)];
    const diff = this.graph.difference() && da && db ? [curveLabel(da), curveLabel(db)] : undefined;
    const ys = ['f(x)', ...(s.showDf ? ['f′(x)'] : []), ...(s.showD2f ? ['f″(x)'] : [])];
    return {
      title: t(
        'Activation functions: {0}',
        shown.map((x) => curveName(s.curves.find((c) => c.key === x.key)!)).join(', '),
      ),
      xLabel: 'x',
      yLabel: ys.join(', '),
      y2Label: diff ? t('difference Δ') : undefined,
      curves: shown.map((x) => ({ label: x.label, color: x.color })),
      keys: [
        { text: 'f(x)', dash: DASH.f },
        ...(s.showDf ? [{ text: 'f′(x)', dash: DASH.df }] : []),
        ...(s.showD2f ? [{ text: 'f″(x)', dash: DASH.d2f }] : []),
        ...(diff
          ? [{ text: t('Δ = {0} − {1} (right axis)', diff[0], diff[1]), dash: DASH.diff }]
          : []),
      ],
      theme: this.theme,
    };
  }

  private afterRedraw(): void {
    renderGraphTexts(this.l, this.state, this.sources, this.graph, this.theme);
  }

  private renderDiffSelects(): void {
    renderDiffSelects(this.l, this.state);
  }

  private renderInfo(): void {
    renderInfo(this.l.info, this.state, (key) => this.customs.get(key));
  }
}
