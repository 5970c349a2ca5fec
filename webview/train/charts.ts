/**
 * chart.js charts of the training views: loss and accuracy curves over epochs (one or several
 * runs), per-layer gradient magnitudes on a log scale and dead-unit fractions as bars. Only the
 * chart.js parts used here are registered (tree-shaken). Points are reused between frames and
 * every redraw is `update('none')`, without animation.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  type ChartDataset,
} from 'chart.js';
import { FAST_LINE_OPTIONS } from '../graph/lineDefaults';
import { tickLabel } from '../i18n';
import { withAlpha, type Theme } from '../theme';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  BarController,
  BarElement,
  CategoryScale,
  Legend,
);

type Pt = { x: number; y: number };

/** One curve of a `CurveChart`. */
export interface CurveSpec {
  label: string;
  color: string;
  dashed?: boolean;
  /** Plot on the right-hand axis (0–100 %). */
  percent?: boolean;
}

/** Copies (xs, ys) into `pts`, reusing its objects; non-finite y values end the curve there. */
function fill(pts: Pt[], xs: ArrayLike<number>, ys: ArrayLike<number>, scale = 1): void {
  let n = 0;
  for (let i = 0; i < xs.length && i < ys.length; i++) {
    const y = ys[i] * scale;
    if (!Number.isFinite(y)) break;
    if (n === pts.length) pts.push({ x: 0, y: 0 });
    pts[n].x = xs[i];
    pts[n].y = y;
    n++;
  }
  pts.length = n;
}

function axisColors(theme: Theme) {
  return {
    ticks: { color: theme.muted, callback: tickLabel },
    grid: { color: theme.grid },
    border: { color: theme.axis },
    title: { color: theme.foreground, display: true },
  };
}

/** Line chart of several series over epochs: loss on the left axis, accuracy (%) on the right. */
export class CurveChart {
  readonly chart: Chart<'line', Pt[]>;
  private specs: CurveSpec[] = [];
  private readonly points: Pt[][] = [];

  constructor(
    canvas: HTMLCanvasElement,
    private theme: Theme,
    private readonly labels: { x: string; y: string; y2?: string },
  ) {
    this.chart = new Chart<'line', Pt[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        ...FAST_LINE_OPTIONS,
        elements: { point: { radius: 0 }, line: { tension: 0, borderWidth: 2 } },
        scales: {},
        plugins: { legend: { display: true, labels: { boxHeight: 2, boxWidth: 16 } } },
      },
    });
    this.applyTheme();
  }

  /** Replaces the curves (their number, labels or colours changed). */
  setCurves(specs: CurveSpec[]): void {
    this.specs = specs;
    this.points.length = 0;
    const datasets: ChartDataset<'line', Pt[]>[] = specs.map((s) => {
      const pts: Pt[] = [];
      this.points.push(pts);
      return {
        label: s.label,
        data: pts,
        borderColor: s.color,
        backgroundColor: s.color,
        borderDash: s.dashed ? [6, 4] : [],
        yAxisID: s.percent ? 'y2' : 'y',
        borderWidth: this.theme.lineWidth,
      };
    });
    this.chart.data.datasets = datasets;
    this.applyTheme();
  }

  /** New data for curve `i`; call `draw` once after all curves are set. */
  setData(i: number, xs: ArrayLike<number>, ys: ArrayLike<number>): void {
    const pts = this.points[i];
    if (pts) fill(pts, xs, ys, this.specs[i].percent ? 100 : 1);
  }

  /** Redraws with the x axis over [0, xMax] and the loss axis from 0 to the largest value shown (capped). */
  draw(xMax: number): void {
    const o = this.chart.options.scales!;
    o.x!.max = Math.max(1, xMax);
    let top = 0;
    this.points.forEach((pts, i) => {
      if (this.specs[i].percent) return;
      for (const p of pts) if (p.y > top) top = p.y;
    });
    // One early spike (or a run about to diverge) must not flatten every other curve.
    o.y!.max = top > 0 ? Math.min(niceCeil(top), 10) : 1;
    this.chart.update('none');
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.applyTheme();
    this.chart.update('none');
  }

  private applyTheme(): void {
    const t = this.theme;
    const hasPercent = this.specs.some((s) => s.percent);
    this.chart.options.scales = {
      x: {
        type: 'linear',
        min: 0,
        ...axisColors(t),
        title: { ...axisColors(t).title, text: this.labels.x },
      },
      y: {
        type: 'linear',
        min: 0,
        ...axisColors(t),
        title: { ...axisColors(t).title, text: this.labels.y },
      },
      y2: {
        type: 'linear',
        display: hasPercent,
        position: 'right',
        min: 0,
        max: 100,
        ...axisColors(t),
        grid: { drawOnChartArea: false },
        title: { ...axisColors(t).title, text: this.labels.y2 ?? '' },
      },
    };
    const legend = this.chart.options.plugins!.legend!;
    legend.labels = { ...legend.labels, color: t.foreground, font: { family: t.font } };
    for (const d of this.chart.data.datasets) d.borderWidth = t.lineWidth;
  }

  destroy(): void {
    this.chart.destroy();
  }
}

/** 1, 2 or 5 times a power of ten, at or above v. */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * The floor of the log axis: a power of ten below the smallest positive value, where an exact
 * zero (an all-dead layer, which has no place on a log axis) is drawn and marked.
 */
function zeroFloor(...series: (number[] | undefined)[]): number {
  let min = Infinity;
  for (const v of series) for (const g of v ?? []) if (g > 0 && g < min) min = g;
  return Number.isFinite(min) ? 10 ** (Math.floor(Math.log10(min)) - 1) : 1e-12;
}

/**
 * Points (layer, |g|) for a log axis, layers numbered from 1: an exact zero is drawn at `floor`
 * (and also put in `zeros`, the marked points), a non-finite value is left as a gap.
 */
function layerPoints(pts: Pt[], v: number[] | undefined, floor: number, zeros?: Pt[]): void {
  const n = v?.length ?? 0;
  pts.length = n;
  for (let i = 0; i < n; i++) {
    const g = v![i];
    pts[i] = { x: i + 1, y: g === 0 ? floor : g > 0 && Number.isFinite(g) ? g : NaN };
    if (g === 0) zeros?.push(pts[i]);
  }
}

/** Log-axis tick labels as powers of ten (1e−12), not forty-digit decimals. */
function powerTick(value: number | string): string {
  const v = Number(value);
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9 ? `1e${Math.round(e)}`.replace('-', '−') : '';
}

/** Per-layer mean |∂L/∂W| on a log axis (at initialisation and now), and dead fractions as bars. */
export class LayerCharts {
  readonly grad: Chart<'line', Pt[]>;
  readonly dead: Chart<'bar', number[], string>;
  private readonly initPts: Pt[] = [];
  private readonly nowPts: Pt[] = [];
  /** The layers whose gradient is exactly 0 now, drawn at the axis floor with their own marker. */
  private readonly zeroPts: Pt[] = [];

  constructor(
    gradCanvas: HTMLCanvasElement,
    deadCanvas: HTMLCanvasElement,
    private theme: Theme,
    private readonly text: {
      layer: string;
      hiddenLayer: string;
      grad: string;
      init: string;
      now: string;
      zero: string;
      dead: string;
      deadAxis: string;
    },
  ) {
    this.grad = new Chart<'line', Pt[]>(gradCanvas, {
      type: 'line',
      data: {
        datasets: [
          { label: text.init, data: this.initPts, borderDash: [6, 4], pointRadius: 3 },
          { label: text.now, data: this.nowPts, pointRadius: 3 },
          {
            label: text.zero,
            data: this.zeroPts,
            showLine: false,
            pointStyle: 'triangle',
            pointRotation: 180,
            pointRadius: 7,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        events: [],
        elements: { line: { tension: 0 } },
        plugins: { legend: { display: true } },
      },
    });
    this.dead = new Chart<'bar', number[], string>(deadCanvas, {
      type: 'bar',
      data: { labels: [], datasets: [{ label: text.dead, data: [] }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        plugins: { legend: { display: false } },
      },
    });
    this.applyTheme();
  }

  /** Draws gradient norms per weight layer and dead fractions per hidden layer. */
  update(init: number[] | undefined, now: number[] | undefined, dead: number[] | undefined): void {
    const floor = zeroFloor(init, now);
    this.zeroPts.length = 0;
    layerPoints(this.initPts, init, floor);
    layerPoints(this.nowPts, now, floor, this.zeroPts);
    const layers = Math.max(init?.length ?? 0, now?.length ?? 0);
    const x = this.grad.options.scales!.x!;
    x.min = 1;
    x.max = Math.max(2, layers);
    // While a zero is drawn on the floor, the axis reaches a little below it (so its markers show).
    this.grad.options.scales!.y!.min = this.zeroPts.length ? floor / 2.5 : undefined;
    this.grad.data.datasets[2].hidden = !this.zeroPts.length;
    this.grad.update('none');
    const d = dead ?? [];
    this.dead.data.labels = d.map((_, i) => String(i + 1));
    this.dead.data.datasets[0].data = d.map((f) => f * 100);
    this.dead.update('none');
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.applyTheme();
    this.grad.update('none');
    this.dead.update('none');
  }

  private applyTheme(): void {
    const t = this.theme;
    const ax = axisColors(t);
    const [initDs, nowDs, zeroDs] = this.grad.data.datasets;
    initDs.borderColor = initDs.backgroundColor = t.muted;
    nowDs.borderColor = nowDs.backgroundColor = t.palette[0];
    initDs.borderWidth = nowDs.borderWidth = t.lineWidth;
    zeroDs.borderColor = t.palette[6];
    zeroDs.backgroundColor = withAlpha(t.palette[6], 0.6);
    zeroDs.borderWidth = 1;
    const yMin = this.grad.options.scales?.y?.min as number | undefined;
    this.grad.options.scales = {
      x: {
        type: 'linear',
        ...ax,
        ticks: { ...ax.ticks, stepSize: 1, precision: 0 },
        title: { ...ax.title, text: this.text.layer },
      },
      y: {
        type: 'logarithmic',
        ...ax,
        min: yMin,
        ticks: { ...ax.ticks, callback: powerTick, autoSkip: true },
        title: { ...ax.title, text: this.text.grad },
      },
    };
    this.grad.options.plugins!.legend!.labels = {
      color: t.foreground,
      font: { family: t.font },
      boxHeight: 2,
      boxWidth: 16,
    };
    const bars = this.dead.data.datasets[0];
    bars.backgroundColor = withAlpha(t.palette[6], 0.6);
    bars.borderColor = t.palette[6];
    bars.borderWidth = 1;
    this.dead.options.scales = {
      // Category labels are the layer numbers (from 1); the shared number formatter would print
      // the category index (from 0) instead.
      x: {
        type: 'category',
        ...ax,
        ticks: { color: t.muted },
        title: { ...ax.title, text: this.text.hiddenLayer },
      },
      y: {
        type: 'linear',
        min: 0,
        max: 100,
        ...ax,
        title: { ...ax.title, text: this.text.deadAxis },
      },
    };
  }

  destroy(): void {
    this.grad.destroy();
    this.dead.destroy();
  }
}
