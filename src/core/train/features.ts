/**
 * Input features of the network: x, y, x², y², xy, sin x, sin y computed from a point, then
 * standardised with the training set's mean and standard deviation, (v − μ)/σ, so that every
 * feature enters the first layer on the same scale whatever its raw range (x² reaches 36).
 */
import { FEATURE_IDS } from './config';
import type { FeatureId } from './config';
import type { DataSplit } from './datasets';

/** Features that depend on x only (the ones a 1-D dataset allows). */
export const FEATURES_1D: readonly FeatureId[] = ['x', 'x2', 'sinX'];

/** Raw value of one feature at (x, y). */
function featureValue(id: FeatureId, x: number, y: number): number {
  switch (id) {
    case 'x':
      return x;
    case 'y':
      return y;
    case 'x2':
      return x * x;
    case 'y2':
      return y * y;
    case 'xy':
      return x * y;
    case 'sinX':
      return Math.sin(x);
    case 'sinY':
      return Math.sin(y);
  }
}

/** A chosen, ordered feature set with its standardisation constants. */
export class FeatureMap {
  /** Features in canonical `FEATURE_IDS` order. */
  readonly ids: FeatureId[];
  /** μ per feature (training-set mean of the raw feature). */
  readonly mean: Float64Array;
  /** 1/σ per feature (1 when σ = 0). */
  readonly invStd: Float64Array;
  private readonly codes: Int8Array;

  constructor(ids: readonly FeatureId[], train: DataSplit) {
    this.ids = FEATURE_IDS.filter((f) => ids.includes(f));
    const k = this.ids.length;
    this.codes = Int8Array.from(this.ids, (f) => FEATURE_IDS.indexOf(f));
    this.mean = new Float64Array(k);
    this.invStd = new Float64Array(k);
    const n = train.length;
    for (let f = 0; f < k; f++) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const v = featureValue(this.ids[f], train.x[i], train.y[i]);
        s += v;
        s2 += v * v;
      }
      const mu = n > 0 ? s / n : 0;
      const variance = n > 0 ? Math.max(0, s2 / n - mu * mu) : 0;
      this.mean[f] = mu;
      this.invStd[f] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 1;
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** Writes the standardised features of (x, y) into out[offset … offset + size). */
  fill(x: number, y: number, out: Float64Array, offset: number): void {
    const codes = this.codes;
    for (let f = 0; f < codes.length; f++) {
      let v: number;
      switch (codes[f]) {
        case 0:
          v = x;
          break;
        case 1:
          v = y;
          break;
        case 2:
          v = x * x;
          break;
        case 3:
          v = y * y;
          break;
        case 4:
          v = x * y;
          break;
        case 5:
          v = Math.sin(x);
          break;
        default:
          v = Math.sin(y);
      }
      out[offset + f] = (v - this.mean[f]) * this.invStd[f];
    }
  }

  /**
   * Tables for a grid with column coordinates `xs` and row coordinates `ys`: `cols[c·k + f]` holds
   * the standardised x-only features (x, x², sin x) of column c and 0 elsewhere, `rows[r·k + f]`
   * the y-only ones (y, y², sin y), so a cell's features are cols + rows, except xy (at index
   * `xy`, −1 if not selected), which the caller computes per cell. Costs O(res) sines, not O(res²).
   */
  gridTables(
    xs: Float64Array,
    ys: Float64Array,
  ): { cols: Float64Array; rows: Float64Array; xy: number } {
    const k = this.size;
    const cols = new Float64Array(xs.length * k);
    const rows = new Float64Array(ys.length * k);
    const X_ONLY = [0, 2, 5];
    const Y_ONLY = [1, 3, 6];
    for (let f = 0; f < k; f++) {
      const code = this.codes[f];
      if (X_ONLY.includes(code)) {
        for (let c = 0; c < xs.length; c++)
          cols[c * k + f] = (featureValue(this.ids[f], xs[c], 0) - this.mean[f]) * this.invStd[f];
      } else if (Y_ONLY.includes(code)) {
        for (let r = 0; r < ys.length; r++)
          rows[r * k + f] = (featureValue(this.ids[f], 0, ys[r]) - this.mean[f]) * this.invStd[f];
      }
    }
    return { cols, rows, xy: this.ids.indexOf('xy') };
  }

  /** Standardised feature matrix of a whole split, row-major (length × size). */
  matrix(split: DataSplit): Float64Array {
    const k = this.size;
    const m = new Float64Array(split.length * k);
    for (let i = 0; i < split.length; i++) this.fill(split.x[i], split.y[i], m, i * k);
    return m;
  }
}
