/**
 * Standardisation of columns: z = (v − μ)/σ with μ the mean and σ the population standard
 * deviation of the column, and its inverse v = μ + σ·z. A constant column gets σ = 1, so it maps
 * to 0 instead of dividing by zero.
 */

/** μ and σ per column. */
export interface Standardizer {
  mean: number[];
  std: number[];
}

/** Fits μ and σ of every column of `rows` (all rows the same length, at least one row). */
export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  const k = rows[0]?.length ?? 0;
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (const r of rows) s += r[c];
    const mu = s / rows.length;
    let s2 = 0;
    for (const r of rows) s2 += (r[c] - mu) * (r[c] - mu);
    const sd = Math.sqrt(s2 / rows.length);
    mean.push(mu);
    std.push(sd > 1e-12 * Math.max(1, Math.abs(mu)) ? sd : 1);
  }
  return { mean, std };
}

/** z = (v − μ)/σ of one value of column c. */
export function standardize(s: Standardizer, c: number, v: number): number {
  return (v - s.mean[c]) / s.std[c];
}

/** v = μ + σ·z of one value of column c (the inverse of `standardize`). */
export function unstandardize(s: Standardizer, c: number, z: number): number {
  return s.mean[c] + s.std[c] * z;
}
