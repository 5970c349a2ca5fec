/**
 * The two y ranges of the vector chart (inputs on the left, outputs on the right) chosen so that
 * both axes put 0 at the same height: a bar then starts where its neighbour starts, and a
 * probability bar does not seem to rise from −200 on the input scale. Pure; tested in Node.
 */

/** A y range. */
export interface AxisRange {
  min: number;
  max: number;
}

/** Largest share of an axis below zero when the other axis has positive values: 90 %. */
const MOST_BELOW = 0.9;

/** The range of the finite values and 0 (a flat or empty list gets [0, 1]). */
function span(values: readonly number[]): AxisRange {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max > min ? { min, max } : { min: 0, max: 1 };
}

/** The share of the range below zero. */
const below = (r: AxisRange) => -r.min / (r.max - r.min);

/** `r` widened (down or up) so that zero sits at `q` of its height from the bottom. */
function fit(r: AxisRange, q: number): AxisRange {
  const b = below(r);
  if (b < q) return { min: (-q * r.max) / (1 - q), max: r.max };
  if (b > q) return { min: r.min, max: (-r.min * (1 - q)) / q };
  return r;
}

/** The input and output ranges, each holding its values and 0, with zeros at one height. */
export function zeroAlignedRanges(
  inputs: readonly number[],
  outputs: readonly number[],
): [AxisRange, AxisRange] {
  const a = span(inputs);
  const b = span(outputs);
  const q = Math.max(below(a), below(b));
  // Both axes wholly negative: zero at the top of both. Otherwise at most 90 % below zero, so
  // the positive bars of the other axis keep a tenth of the height.
  const at = below(a) === 1 && below(b) === 1 ? 1 : Math.min(q, MOST_BELOW);
  return at === 1 ? [a, b] : [fit(a, at), fit(b, at)];
}
