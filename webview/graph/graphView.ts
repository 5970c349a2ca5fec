/**
 * The graph: chart.js line chart of f, f′ and f″ of every plotted curve, updated in place.
 * Samples go into typed arrays that are reused, points are mutated in place and the chart is
 * redrawn with `update('none')`, so a slider drag redraws at pointer speed.
 */
import {
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  type ChartDataset,
  type ChartOptions,
  type ScriptableScaleContext,
  type ScriptableLineSegmentContext,
} from 'chart.js';
import type { SampleBuffers } from '../catalog';
import { t, tickLabel } from '../i18n';
import type { Theme } from '../theme';
import { graphPlugins } from './chartPlugins';
import { FAST_LINE_OPTIONS } from './lineDefaults';
import { flatRegions, maxDifference, type FlatRegion, type PlotSource } from './plotSource';

Chart.register(LineController, LineElement, PointElement, LinearScale);

/** Points per curve. */
export const SAMPLES = 1000;
/** Values beyond this are drawn at this height (canvas coordinates must stay reasonable). */
const Y_CLAMP = 1e6;

type Pt = { x: number; y: number };
type LineDataset = ChartDataset<'line', Pt[]>;
type ScaleOptions = NonNullable<ChartOptions<'line'>['scales']>;

interface Series {
  source: PlotSource;
  buf: Required<SampleBuffers>;
  f: Pt[];
  df: Pt[];
  d2f: Pt[];
}

export interface GraphOptions {
  showDf: boolean;
  showD2f: boolean;
  /** Shade where |f′| of the curve with this key is below the threshold. */
  shade: { key: number; threshold: number } | null;
  /** Plot f_a − f_b (keys) on a second axis. */
  diff: { a: number; b: number } | null;
}

/** Line dash patterns (CSS pixels) of f, f′, f″ and the difference Δ: the chart's and exports'. */
export const DASH: Record<'f' | 'df' | 'd2f' | 'diff', number[]> = {
  f: [],
  df: [6, 4],
  d2f: [2, 3],
  diff: [10, 3, 2, 3],
};

/** One drawn line, for an image export. */
export interface ExportLine {
  label: string;
  color: string;
  dash: number[];
  /** Line width relative to the theme's curve width. */
  weight: number;
  /** Samples at SAMPLES evenly spaced x over the view's x range. */
  values: Float64Array;
  axis: 'y' | 'y2';
  /** A custom formula's line: not joined across a pole (see `poleJump`). */
  poles?: boolean;
}

const points = () => Array.from({ length: SAMPLES }, () => ({ x: 0, y: 0 }));
const clampY = (y: number) => (y > Y_CLAMP ? Y_CLAMP : y < -Y_CLAMP ? -Y_CLAMP : y);

export class GraphView {
  private built: Chart<'line', Pt[]> | undefined;
  private series: Series[] = [];
  private options: GraphOptions = { showDf: true, showD2f: false, shade: null, diff: null };
  private x: [number, number] = [-5, 5];
  private fixedY: [number, number] | null = null;
  private shownY: [number, number] = [-1, 1];
  /** The difference axis: shown only with a difference curve. */
  private y2: { display: boolean; min?: number; max?: number } = { display: false };
  private theme: Theme;
  private readonly diffPts = points();
  private readonly diffMarker: Pt[] = [{ x: 0, y: 0 }];
  /** Regions shaded on the last redraw. */
  regions: FlatRegion[] = [];
  /** The difference curve's largest |Δ| on the last redraw. */
  diffMax: { x: number; delta: number } | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    theme: Theme,
  ) {
    this.theme = theme;
  }

  /**
   * The chart.js chart. It is built by the first redraw, with its data, ranges and theme, so the
   * first chart is laid out and drawn once rather than once empty and once more with the curves.
   */
  get chart(): Chart<'line', Pt[]> {
    return (this.built ??= this.build());
  }

  private build(): Chart<'line', Pt[]> {
    Chart.defaults.font.family = this.theme.font;
    const chart = new Chart<'line', Pt[]>(this.canvas, {
      type: 'line',
      data: { datasets: this.buildDatasets() },
      options: {
        ...FAST_LINE_OPTIONS,
        // Catalog curves have no gaps worth breaking the line for; chart.js draws one path faster.
        spanGaps: true,
        layout: { padding: { top: 8, right: 8 } },
        elements: { point: { radius: 0, hoverRadius: 0 }, line: { tension: 0 } },
        scales: this.themedScales({
          // Only round numbers as ticks: the range ends are rarely round after a zoom.
          x: {
            type: 'linear',
            min: this.x[0],
            max: this.x[1],
            ticks: { includeBounds: false, callback: tickLabel },
          },
          y: {
            type: 'linear',
            min: this.shownY[0],
            max: this.shownY[1],
            ticks: { includeBounds: false, callback: tickLabel },
          },
          y2: {
            type: 'linear',
            position: 'right',
            ...this.y2,
            // Round ticks only: the axis ends are the data's extremes, rarely round numbers.
            ticks: { includeBounds: false, callback: tickLabel },
            grid: { drawOnChartArea: false },
          },
        }),
        // The legend, title and tooltip are the page's own (HTML under the chart); the training
        // tab registers chart.js's Legend globally, which must not add a second one here.
        plugins: {
          legend: { display: false },
          title: { display: false },
          tooltip: { enabled: false },
        },
      },
      plugins: graphPlugins({
        theme: () => this.theme,
        regions: () => this.regions,
        diffMax: () => (this.diffActive() ? this.diffMax : undefined),
      }),
    });
    return chart;
  }

  /** Replaces the plotted curves (structure change: datasets are rebuilt). */
  setSources(sources: PlotSource[], options: GraphOptions): void {
    const old = new Map(this.series.map((s) => [s.source.key, s]));
    this.options = options;
    this.series = sources.map((source) => {
      const prev = old.get(source.key);
      if (prev) return { ...prev, source };
      const n = SAMPLES;
      return {
        source,
        buf: { f: new Float64Array(n), df: new Float64Array(n), d2f: new Float64Array(n) },
        f: points(),
        df: points(),
        d2f: points(),
      };
    });
    if (this.built) this.built.data.datasets = this.buildDatasets();
    this.redraw();
  }

  /** Changes the shading (curve or threshold) without rebuilding the datasets. */
  setShade(shade: GraphOptions['shade']): void {
    this.options = { ...this.options, shade };
  }

  /** Sets the visible x range and a fixed y range (`null` fits y to the curves). */
  setRange(x: [number, number], y: [number, number] | null): void {
    this.x = [x[0], x[1]];
    this.fixedY = y ? [y[0], y[1]] : null;
  }

  /** The x and y ranges on screen. */
  ranges(): { x: [number, number]; y: [number, number] } {
    return { x: [...this.x], y: [...this.shownY] };
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    const chart = this.built;
    if (!chart) return;
    Chart.defaults.font.family = theme.font;
    chart.data.datasets = this.buildDatasets();
    this.themedScales(chart.options.scales!);
    chart.update('none');
  }

  /** Resamples every curve over the current range and redraws (no structural change). */
  redraw(): void {
    const [x0, x1] = this.x;
    const h = (x1 - x0) / (SAMPLES - 1);
    const { showDf, showD2f } = this.options;
    for (const s of this.series) {
      if (!s.source.visible) continue;
      s.source.sample(x0, x1, SAMPLES, showD2f ? s.buf : { f: s.buf.f, df: s.buf.df });
      const { f, df, d2f } = s.buf;
      for (let i = 0; i < SAMPLES; i++) {
        const x = x0 + i * h;
        s.f[i].x = x;
        s.f[i].y = clampY(f[i]);
        if (showDf) {
          s.df[i].x = x;
          s.df[i].y = clampY(df[i]);
        }
        if (showD2f) {
          s.d2f[i].x = x;
          s.d2f[i].y = clampY(d2f[i]);
        }
      }
    }
    this.updateDifference(x0, x1, h);
    const shaded = this.options.shade && this.find(this.options.shade.key);
    this.regions =
      shaded && shaded.source.visible
        ? flatRegions(x0, x1, shaded.buf.df, SAMPLES, this.options.shade!.threshold)
        : [];
    this.shownY = this.fixedY ?? this.fitY();
    performance.mark('al:chart-update-start');
    if (!this.built) {
      this.built = this.build();
    } else {
      const scales = this.built.options.scales!;
      Object.assign(scales.x!, { min: x0, max: x1 });
      Object.assign(scales.y!, { min: this.shownY[0], max: this.shownY[1] });
      Object.assign(scales.y2!, this.y2);
      this.built.update('none');
    }
    performance.measure('al:chart-update', 'al:chart-update-start');
  }

  /** PNG of the chart as base64 (without the `data:` prefix). */
  pngBase64(): string {
    return this.chart.toBase64Image('image/png', 1).split(',')[1] ?? '';
  }

  /** The sampled series, for the CSV export. */
  sampled(): { label: string; f: Float64Array; df: Float64Array; d2f?: Float64Array }[] {
    return this.series
      .filter((s) => s.source.visible)
      .map((s) => ({
        label: s.source.label,
        f: s.buf.f,
        df: s.buf.df,
        d2f: this.options.showD2f ? s.buf.d2f : undefined,
      }));
  }

  /** Every line on screen with its style, and the axes' ranges, for the PNG and SVG exports. */
  exportLines(): {
    x: [number, number];
    y: [number, number];
    y2?: [number, number];
    lines: ExportLine[];
  } {
    const lines: ExportLine[] = [];
    const { showDf, showD2f } = this.options;
    for (const s of this.series) {
      if (!s.source.visible) continue;
      const base = {
        label: s.source.label,
        color: s.source.color,
        axis: 'y' as const,
        poles: s.source.gaps,
      };
      lines.push({ ...base, dash: DASH.f, weight: 1, values: s.buf.f });
      if (showDf) lines.push({ ...base, dash: DASH.df, weight: 0.75, values: s.buf.df });
      if (showD2f) lines.push({ ...base, dash: DASH.d2f, weight: 0.75, values: s.buf.d2f });
    }
    const diff = this.difference();
    const y2 = this.y2;
    if (diff && y2.min !== undefined && y2.max !== undefined) {
      lines.push({
        label: 'Δ',
        color: this.theme.difference,
        dash: DASH.diff,
        weight: 0.75,
        values: diff,
        axis: 'y2',
      });
    }
    return {
      ...this.ranges(),
      y2: diff && y2.min !== undefined && y2.max !== undefined ? [y2.min, y2.max] : undefined,
      lines,
    };
  }

  /** The difference curve's samples, when it is shown. */
  difference(): Float64Array | undefined {
    if (!this.diffActive()) return undefined;
    return Float64Array.from(this.diffPts, (p) => p.y);
  }

  destroy(): void {
    this.built?.destroy();
  }

  private find(key: number): Series | undefined {
    return this.series.find((s) => s.source.key === key);
  }

  private diffActive(): [Series, Series] | undefined {
    const d = this.options.diff;
    if (!d || d.a === d.b) return undefined;
    const a = this.find(d.a);
    const b = this.find(d.b);
    return a && b && a.source.visible && b.source.visible ? [a, b] : undefined;
  }

  private updateDifference(x0: number, x1: number, h: number): void {
    const pair = this.diffActive();
    this.y2 = { display: !!pair };
    this.diffMax = undefined;
    if (!pair) return;
    const [a, b] = pair;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < SAMPLES; i++) {
      const d = a.buf.f[i] - b.buf.f[i];
      this.diffPts[i].x = x0 + i * h;
      this.diffPts[i].y = clampY(d);
      if (Number.isFinite(d)) {
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      }
    }
    this.diffMax = maxDifference(
      x0,
      x1,
      a.buf.f,
      b.buf.f,
      SAMPLES,
      (x) => a.source.at(x).f - b.source.at(x).f,
    );
    if (this.diffMax) {
      this.diffMarker[0].x = this.diffMax.x;
      this.diffMarker[0].y = this.diffMax.delta;
    }
    const span = Math.max(hi - lo, Math.abs(hi), Math.abs(lo), 1e-12);
    this.y2 = {
      display: true,
      min: Math.min(lo, 0) - span * 0.1,
      max: Math.max(hi, 0) + span * 0.1,
    };
  }

  /**
   * A y range holding every shown curve, padded, never thinner than 0.5. Robust to poles: a line
   * with a pole (1/x near 0) counts only with its typical size (`robustExtent`), so the other
   * curves are not flattened.
   */
  private fitY(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    const scan = (a: Float64Array) => {
      const r = robustExtent(a);
      if (r) [lo, hi] = [Math.min(lo, r[0]), Math.max(hi, r[1])];
    };
    for (const s of this.series) {
      if (!s.source.visible) continue;
      scan(s.buf.f);
      if (this.options.showDf) scan(s.buf.df);
      if (this.options.showD2f) scan(s.buf.d2f);
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [-1, 1];
    lo = Math.max(lo, -1e4);
    hi = Math.min(hi, 1e4);
    const pad = Math.max((hi - lo) * 0.08, 0.25);
    return [lo - pad, hi + pad];
  }

  /**
   * A custom formula's line is not drawn between two neighbouring samples beyond opposite edges of
   * the view: that is a pole (1/x jumps from −∞ to +∞ between two samples), and the joining segment
   * would be a vertical line the function does not have. A continuous curve crosses the whole view
   * within one sample step (a 1/1000 of the x range) only when it is steeper than any axis shows.
   */
  private readonly poleJump = (ctx: ScriptableLineSegmentContext): string | undefined => {
    const [lo, hi] = this.shownY;
    const [a, b] = [ctx.p0.parsed.y ?? NaN, ctx.p1.parsed.y ?? NaN];
    return (a > hi && b < lo) || (a < lo && b > hi) ? 'transparent' : undefined;
  };

  private buildDatasets(): LineDataset[] {
    const th = this.theme;
    const out: LineDataset[] = [];
    for (const s of this.series) {
      const base = {
        borderColor: s.source.color,
        backgroundColor: s.source.color,
        pointRadius: 0,
        hidden: !s.source.visible,
        spanGaps: !s.source.gaps,
        yAxisID: 'y',
        ...(s.source.gaps ? { segment: { borderColor: this.poleJump } } : {}),
      };
      out.push({ ...base, label: s.source.label, data: s.f, borderWidth: th.lineWidth });
      if (this.options.showDf)
        out.push({
          ...base,
          label: `${s.source.label} f′`,
          data: s.df,
          borderWidth: th.lineWidth * 0.75,
          borderDash: DASH.df,
        });
      if (this.options.showD2f)
        out.push({
          ...base,
          label: `${s.source.label} f″`,
          data: s.d2f,
          borderWidth: th.lineWidth * 0.75,
          borderDash: DASH.d2f,
        });
    }
    if (this.diffActive()) {
      out.push({
        label: 'Δ',
        data: this.diffPts,
        borderColor: th.difference,
        borderWidth: th.lineWidth * 0.75,
        borderDash: DASH.diff,
        pointRadius: 0,
        yAxisID: 'y2',
      });
      out.push({
        label: 'max |Δ|',
        data: this.diffMarker,
        borderColor: th.difference,
        backgroundColor: th.difference,
        showLine: false,
        pointRadius: 5,
        pointStyle: 'crossRot',
        borderWidth: 2,
        yAxisID: 'y2',
      });
    }
    return out;
  }

  /** The scales' options with the theme's colours applied. */
  private themedScales(s: ScaleOptions): ScaleOptions {
    const th = this.theme;
    const zeroAware = (ctx: ScriptableScaleContext) => (ctx.tick?.value === 0 ? th.axis : th.grid);
    for (const id of ['x', 'y', 'y2'] as const) {
      const sc = s[id]!;
      sc.ticks = { ...sc.ticks, color: th.muted };
      sc.border = { color: th.grid };
      sc.grid = {
        ...sc.grid,
        color: id === 'y2' ? th.grid : zeroAware,
        lineWidth: (c: ScriptableScaleContext) => (c.tick?.value === 0 ? 1.5 : 1),
      };
    }
    s.y2!.title = { display: true, text: t('difference Δ'), color: th.muted };
    return s;
  }
}

/** How far beyond its 5–95 % band a line's extreme may lie before it counts as a pole. */
const POLE_FACTOR = 10;

/**
 * The y extent of one sampled line, ignoring non-finite samples: [min, max], unless the line has
 * a pole (an extreme more than POLE_FACTOR band widths beyond its 5th–95th percentile band, as
 * 1/x and its derivatives near 0): then it is cut at ±POLE_FACTOR × the larger of |25th| and
 * |75th percentile|, the line's typical size. Undefined when no sample is finite.
 */
function robustExtent(a: Float64Array): [number, number] | undefined {
  // A typed-array sort is numeric and puts NaN last: the finite values are one run.
  const v = a.slice().sort();
  let i0 = 0;
  let i1 = v.length - 1;
  while (i0 <= i1 && !Number.isFinite(v[i0])) i0++;
  while (i1 >= i0 && !Number.isFinite(v[i1])) i1--;
  if (i0 > i1) return undefined;
  const q = (p: number) => v[i0 + Math.floor(p * (i1 - i0))];
  const [min, max] = [v[i0], v[i1]];
  const band = Math.max(q(0.95) - q(0.05), 1e-9);
  if (q(0.05) - min <= POLE_FACTOR * band && max - q(0.95) <= POLE_FACTOR * band) return [min, max];
  const cut = POLE_FACTOR * Math.max(Math.abs(q(0.25)), Math.abs(q(0.75)), 1e-9);
  return [Math.max(min, -cut), Math.min(max, cut)];
}
