/**
 * The largest difference between two element-wise activations on an interval, measured rather
 * than quoted: max over x ∈ [x0, x1] of |f_a(x) − f_b(x)|, found on a grid and refined by a
 * golden-section search around the best grid point.
 */

/** Where two curves differ most: the gap |f_a(x) − f_b(x)| and its x. */
export interface Gap {
  gap: number;
  at: number;
}

const GRID = 2000;
const PHI = (Math.sqrt(5) - 1) / 2;

/**
 * max over [x0, x1] of |a(x) − b(x)| (non-finite differences are skipped). Exact for maxima at
 * the ends; an interior maximum is refined to about 1e-9 relative in x. Returns `{ gap: 0, at: x0 }`
 * for identical curves or an empty interval.
 */
export function largestGap(
  a: (x: number) => number,
  b: (x: number) => number,
  x0: number,
  x1: number,
): Gap {
  const d = (x: number) => {
    const v = Math.abs(a(x) - b(x));
    return Number.isFinite(v) ? v : -1;
  };
  if (!(x1 > x0)) return { gap: 0, at: x0 };
  const h = (x1 - x0) / GRID;
  let best = 0;
  let bi = 0;
  for (let i = 0; i <= GRID; i++) {
    const v = d(x0 + i * h);
    if (v > best) [best, bi] = [v, i];
  }
  if (best <= 0) return { gap: 0, at: x0 };
  if (bi === 0 || bi === GRID) return { gap: best, at: x0 + bi * h };
  // Golden-section search for the maximum on the two grid cells around the best point.
  let lo = x0 + (bi - 1) * h;
  let hi = x0 + (bi + 1) * h;
  let c = hi - PHI * (hi - lo);
  let e = lo + PHI * (hi - lo);
  let fc = d(c);
  let fe = d(e);
  for (let k = 0; k < 60 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); k++) {
    if (fc > fe) {
      hi = e;
      [e, fe] = [c, fc];
      c = hi - PHI * (hi - lo);
      fc = d(c);
    } else {
      lo = c;
      [c, fc] = [e, fe];
      e = lo + PHI * (hi - lo);
      fe = d(e);
    }
  }
  const x = (lo + hi) / 2;
  const v = d(x);
  return v >= best ? { gap: v, at: x } : { gap: best, at: x0 + bi * h };
}

/** A gap for a person: two significant digits, `e` notation below 0.01 (`4.7e-4`). */
export function formatGap(v: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) < 0.01) {
    const [m, e] = v.toExponential(1).split('e');
    return `${m}e${Number(e)}`;
  }
  return String(Number(v.toPrecision(2)));
}

/** An x position for a person: two decimals, true minus sign. */
export function formatX(x: number): string {
  const s = (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);
  return s.replace('-', '−');
}
