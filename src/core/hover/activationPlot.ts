/**
 * Samples a catalog activation for exactly the given parameters and draws it with svgPlot:
 * f(x) and f′(x) = df/dx on [x0, x1]. Kinks are sampled on both sides and the line is broken
 * there, so a jump in f′ (ReLU at 0) is drawn as a jump, not as a steep segment. A vector entry
 * is drawn as its first output on the two-element row [x, 0] (softmax → σ(x)).
 */
import { reportCoreError } from '../errors';
import type { Activation, Params } from '../catalog/types';
import { localize, type Lang } from '../catalog/text';
import { L, fill } from './labels';
import { plotSvg, svgDataUri, tickLabel, type PlotSeries, type ThemeKind } from './svgPlot';

export interface PlotRequest {
  entry: Activation;
  params: Params;
  x0: number;
  x1: number;
  theme: ThemeKind;
  showDerivative: boolean;
  lang: Lang;
  /** Samples across the range (before kinks are added); 121 by default. */
  samples?: number;
}

const EPS = 1e-9;

/** Largest |x| of a hover plot's range, and its largest width. */
const PLOT_X_LIMIT = 1e6;
const PLOT_SPAN_MAX = 1e4;
/** The default hover range. */
const DEFAULT_PLOT_RANGE: readonly [number, number] = [-5, 5];

/**
 * The hover's x range from the settings: [xMin, xMax] when both are finite numbers within
 * ±`PLOT_X_LIMIT`, xMin < xMax and xMax − xMin ≤ `PLOT_SPAN_MAX` (±1e308 would make the span
 * infinite and every sample NaN); otherwise the default [−5, 5].
 */
export function plotRange(xMin: unknown, xMax: unknown): [number, number] {
  const ok =
    typeof xMin === 'number' &&
    typeof xMax === 'number' &&
    Math.abs(xMin) <= PLOT_X_LIMIT &&
    Math.abs(xMax) <= PLOT_X_LIMIT &&
    xMin < xMax &&
    xMax - xMin <= PLOT_SPAN_MAX;
  return ok ? [xMin, xMax] : [DEFAULT_PLOT_RANGE[0], DEFAULT_PLOT_RANGE[1]];
}

/** Sample positions: a uniform grid plus both sides of every kink inside the range. */
function positions(
  x0: number,
  x1: number,
  n: number,
  kinks: number[],
): { xs: number[]; breaks: Set<number> } {
  const pts: { x: number; breakAfter: boolean }[] = [];
  const inside = kinks.filter((k) => k > x0 && k < x1);
  const gap = (x1 - x0) / (n - 1) / 4;
  for (let i = 0; i < n; i++) {
    const x = x0 + ((x1 - x0) * i) / (n - 1);
    // A grid point on (or right next to) a kink would join the two sides of a jump.
    if (!inside.some((k) => Math.abs(x - k) < gap)) pts.push({ x, breakAfter: false });
  }
  for (const k of inside) {
    const h = EPS * Math.max(1, Math.abs(k));
    pts.push({ x: k - h, breakAfter: true }, { x: k + h, breakAfter: false });
  }
  pts.sort((a, b) => a.x - b.x);
  const breaks = new Set<number>();
  pts.forEach((p, i) => p.breakAfter && breaks.add(i));
  return { xs: pts.map((p) => p.x), breaks };
}

/** f and f′ of an element-wise entry, or of a vector entry's first output on [x, 0], sampled. */
export function sampleEntry(
  entry: Activation,
  params: Params,
  x0: number,
  x1: number,
  n = 121,
): { xs: number[]; f: number[]; df: number[]; breaks: Set<number> } {
  if (entry.kind === 'elementwise') {
    let kinks: number[] = [];
    try {
      kinks = entry.kinks(params).filter(Number.isFinite);
    } catch (e) {
      reportCoreError(e, 'activationPlot kinks');
      kinks = [];
    }
    const { xs, breaks } = positions(x0, x1, n, kinks);
    const f = xs.map((x) => entry.f(x, params));
    const df = xs.map((x) => entry.df(x, params));
    return { xs, f, df, breaks };
  }
  const { xs, breaks } = positions(x0, x1, n, []);
  const g = (x: number) => entry.apply([x, 0], params)[0];
  const f = xs.map(g);
  // Central difference: the vector entries are smooth in x except sparsemax's kinks.
  const h = 1e-5 * Math.max(1, x1 - x0);
  const df = xs.map((x) => (g(x + h) - g(x - h)) / (2 * h));
  return { xs, f, df, breaks };
}

/** A drawn plot: its SVG, as a data URI, and its alt text. */
export interface DrawnPlot {
  uri: string;
  alt: string;
  svg: string;
}

/** Recently drawn plots by request, least recently used first; each is some 30 KB. */
const drawn = new Map<string, { entry: Activation; plot: DrawnPlot | undefined }>();
const PLOTS_KEPT = 48;

/** The request as text (`String` keeps NaN and ±Infinity apart). */
function requestKey(req: PlotRequest): string {
  const params = Object.keys(req.params).map((k) => `${k}=${req.params[k]}`);
  const rest = [req.x0, req.x1, req.theme, req.showDerivative, req.lang, req.samples ?? 121];
  return [req.entry.id, ...params, ...rest].join('|');
}

/**
 * An SVG data URI of the plot and its alt text, or undefined when sampling fails. A plot is a
 * pure function of the request, and hovers ask for the same few again and again (every `nn.GELU()`
 * of a file, every hover of one token), so the recent ones are kept.
 */
export function activationPlot(req: PlotRequest): DrawnPlot | undefined {
  const key = requestKey(req);
  const hit = drawn.get(key);
  if (hit && hit.entry === req.entry) {
    drawn.delete(key);
    drawn.set(key, hit);
    return hit.plot;
  }
  const plot = drawPlot(req);
  drawn.set(key, { entry: req.entry, plot });
  if (drawn.size > PLOTS_KEPT) drawn.delete(drawn.keys().next().value as string);
  return plot;
}

function drawPlot(req: PlotRequest): DrawnPlot | undefined {
  try {
    const [x0, x1] = req.x1 > req.x0 ? [req.x0, req.x1] : [-5, 5];
    const s = sampleEntry(req.entry, req.params, x0, x1, req.samples ?? 121);
    const name =
      req.entry.kind === 'vector'
        ? fill(localize(L.vectorPlot, req.lang), req.entry.name)
        : req.entry.name;
    const title = fill(
      localize(req.showDerivative ? L.plotTitle : L.plotTitleF, req.lang),
      name,
      tickLabel(x0),
      tickLabel(x1),
    );
    const series: PlotSeries[] = [
      { role: 'f', label: 'f', xs: s.xs, ys: s.f, breakAfter: s.breaks },
    ];
    if (req.showDerivative)
      series.push({ role: 'df', label: 'f′', xs: s.xs, ys: s.df, breakAfter: s.breaks });
    const svg = plotSvg(series, { theme: req.theme, x0, x1, title });
    return { uri: svgDataUri(svg), alt: title, svg };
  } catch (e) {
    reportCoreError(e, 'activationPlot');
    return undefined;
  }
}
