/**
 * The public shape of a trainer: what `step` reports and the `Trainer`
 * interface the worker, the race and `dist/core.js` use.
 */
import type { Dataset } from './datasets';
import type { ResolvedTrainerConfig } from './validate';

/** What one `step` call reports. Losses are mean data losses (without the weight penalty). */
export interface StepResult {
  /** Epochs completed so far (an epoch is one pass over the shuffled training set). */
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** Fraction of correctly classified points (classification only). */
  trainAccuracy?: number;
  testAccuracy?: number;
  /**
   * Set once a weight or loss became NaN, ±∞ or exceeded `TRAIN_LIMITS.divergenceLimit` in that
   * epoch; the weights and losses are then those of the last good evaluation, and `step` is a no-op.
   */
  diverged?: { epoch: number };
  /** Set if a custom activation threw; training stops as if diverged. */
  error?: string;
}

/** A trainer created by `createTrainer`. */
export interface Trainer {
  readonly config: ResolvedTrainerConfig;
  readonly dataset: Dataset;
  /** Output head: sigmoid + BCE, softmax + CE or linear + MSE. */
  readonly problem: 'binary' | 'multiclass' | 'regression';
  /** Widths n[0] (features) … n[L] (outputs). */
  readonly layerSizes: readonly number[];
  readonly epoch: number;
  readonly diverged: { epoch: number } | undefined;
  /**
   * Trains `epochs` epochs and evaluates train and test loss once. `epochs` (default 1) must be a
   * finite integer ≥ 0 and is capped at `TRAIN_LIMITS.maxEpochsPerStep`; any other value trains
   * none (`epochCount`).
   */
  step(epochs?: number): StepResult;
  /** The result at the current weights, without training. */
  evaluate(): StepResult;
  /**
   * Network output on a resolution × resolution grid of cell centres over `dataset.extent`:
   * index r·res + c ↔ x = xMin + (c + ½)·Δx, y = yMax − (r + ½)·Δy (row 0 at the top).
   * Binary: p(class 1); regression: ŷ; multi-class: the argmax class index (see `predictGridClasses`).
   * Fills `out` if it is long enough, else a new Float32Array.
   */
  predictGrid(resolution: number, out?: Float32Array | Float64Array): Float32Array | Float64Array;
  /** Class probabilities on the same grid, K per cell: index (r·res + c)·K + k. */
  predictGridClasses(
    resolution: number,
    out?: Float32Array | Float64Array,
  ): Float32Array | Float64Array;
  /** Output at `resolution` evenly spaced cell centres of x over the extent, at y = 0 (the fitted curve of a 1-D dataset). */
  predictCurve(resolution: number, out?: Float32Array | Float64Array): Float32Array | Float64Array;
  /**
   * Mean |∂L/∂W| per weight layer (hidden layers, then the output layer), of the mean data loss on
   * the whole training set at the current weights (after the last step, or at initialisation).
   */
  gradientNorms(): number[];
  /** Per hidden layer, the fraction of units whose output is exactly 0 on every training point. */
  deadFraction(): number[];
  /**
   * The network's output at each point, computed exactly in float64 (the catalog's f, `Math.exp`;
   * no fast approximations). Points are in the data's own units: (x, y), or (x) for one input;
   * a table's rows in the file's units. Binary: p(class 1); several classes: the class
   * probabilities; regression: the predicted value (a table's in the target's units).
   */
  predict(points: number[][]): (number | number[])[];
  /** A copy of all parameters (per layer: W row-major, then b). */
  getWeights(): Float64Array;
  /** Replaces the parameters, resets the optimiser state and re-evaluates; false if the length differs or a value is not finite. */
  setWeights(w: ArrayLike<number>): boolean;
}
