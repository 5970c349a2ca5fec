/**
 * Axis ticks in a file's units for the plots of standardised data: the plane a network sees is
 * u = (v − μ)/σ per axis, so a tick at the file value v sits at u = (v − μ)/σ, and a plot of
 * [uMin, uMax] shows the file range [μ + σ·uMin, μ + σ·uMax].
 */

/** One tick: its value in the file's units, its text, and its place along the axis in [0, 1]. */
export interface AxisTick {
  value: number;
  label: string;
  at: number;
}

/** How many multiples of `step` lie in [lo, hi]. */
function countTicks(lo: number, hi: number, step: number): number {
  return Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1;
}

/**
 * Round ticks over [lo, hi]: the multiples of a step of 1, 2 or 5 × 10ᵏ, the smallest such step
 * that gives at most `maxCount` ticks, or a smaller one when that leaves fewer than two; each
 * labelled with as many decimals as the step needs (a minus sign as U+2212). Empty when the
 * range is not finite or not increasing.
 */
export function niceTicks(lo: number, hi: number, maxCount = 5): AxisTick[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo) || maxCount < 2) return [];
  const mag = 10 ** Math.floor(Math.log10((hi - lo) / (maxCount - 1)));
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50].map((m) => m * mag);
  let i = steps.findIndex((s) => countTicks(lo, hi, s) <= maxCount);
  while (i > 0 && countTicks(lo, hi, steps[i]) < 2) i--;
  const step = steps[Math.max(0, i)];
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks: AxisTick[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    const value = +(k * step).toFixed(decimals);
    const label = (Object.is(value, -0) ? 0 : value).toFixed(decimals).replace('-', '−');
    ticks.push({ value, label, at: (value - lo) / (hi - lo) });
  }
  return ticks;
}

/**
 * Ticks in the file's units for an axis that shows standardised values [uMin, uMax] of a column
 * with mean `mean` and standard deviation `std` (> 0).
 */
export function fileUnitTicks(
  uMin: number,
  uMax: number,
  mean: number,
  std: number,
  maxCount = 5,
): AxisTick[] {
  return niceTicks(mean + std * uMin, mean + std * uMax, maxCount);
}
