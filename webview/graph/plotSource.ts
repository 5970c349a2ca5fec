/**
 * What the graph needs to know about one plotted curve, whatever it comes from (a catalog entry
 * with parameters, or the custom formula).
 */
import type { SampleBuffers } from '../catalog';

export interface PlotSource {
  /** Stable key of the curve in the UI state. */
  key: number;
  label: string;
  color: string;
  visible: boolean;
  /** The curve may be undefined on parts of the range (NaN samples): break the line there. */
  gaps?: boolean;
  /** Fills f, f′ (and f″ if the buffer is there) at n evenly spaced points of [x0, x1]. */
  sample(x0: number, x1: number, n: number, out: SampleBuffers): void;
  /** Exact f, f′, f″ at one point (f″ is NaN where the source has none). */
  at(x: number): { f: number; df: number; d2f: number };
}

/** A region of x where |f′| is below the shading threshold. */
export interface FlatRegion {
  x0: number;
  x1: number;
  /**
   * `dead`: f′ is exactly zero there (dying ReLU); `saturated`: small but not zero, one sign
   * (vanishing gradient); `stationary`: f′ crosses zero (a minimum or maximum of f).
   */
  kind: 'dead' | 'saturated' | 'stationary';
}

/** Finds the regions of a sampled grid where |f′| < threshold. */
export function flatRegions(
  x0: number,
  x1: number,
  df: Float64Array,
  n: number,
  threshold: number,
): FlatRegion[] {
  const h = n > 1 ? (x1 - x0) / (n - 1) : 0;
  const out: FlatRegion[] = [];
  let start = -1;
  let pos = false;
  let neg = false;
  for (let i = 0; i <= n; i++) {
    const flat = i < n && Math.abs(df[i]) < threshold;
    if (flat) {
      if (start < 0) {
        start = i;
        pos = neg = false;
      }
      if (df[i] > 0) pos = true;
      else if (df[i] < 0) neg = true;
    } else if (start >= 0) {
      // A lone sample (a kink crossing zero) is not a region a person would call flat.
      if (i - start > 1) {
        out.push({
          x0: Math.max(x0, x0 + (start - 0.5) * h),
          x1: Math.min(x1, x0 + (i - 0.5) * h),
          kind: pos && neg ? 'stationary' : pos || neg ? 'saturated' : 'dead',
        });
      }
      start = -1;
    }
  }
  return out;
}

/**
 * The largest |fa − fb| on the sampled grid, refined between the neighbouring samples by a
 * golden-section search on the exact functions.
 */
export function maxDifference(
  x0: number,
  x1: number,
  fa: Float64Array,
  fb: Float64Array,
  n: number,
  exact: (x: number) => number,
): { x: number; delta: number } | undefined {
  const h = n > 1 ? (x1 - x0) / (n - 1) : 0;
  let best = -1;
  let bestAbs = -1;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(fa[i] - fb[i]);
    if (d > bestAbs) {
      bestAbs = d;
      best = i;
    }
  }
  if (best < 0 || !Number.isFinite(bestAbs)) return undefined;
  let lo = Math.max(x0, x0 + (best - 1) * h);
  let hi = Math.min(x1, x0 + (best + 1) * h);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 40 && hi - lo > 1e-12; k++) {
    const c = hi - g * (hi - lo);
    const d = lo + g * (hi - lo);
    if (Math.abs(exact(c)) > Math.abs(exact(d))) hi = d;
    else lo = c;
  }
  const xr = (lo + hi) / 2;
  const xs = x0 + best * h;
  return Math.abs(exact(xr)) >= bestAbs
    ? { x: xr, delta: exact(xr) }
    : { x: xs, delta: fa[best] - fb[best] };
}
