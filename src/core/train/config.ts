/**
 * Configuration types of the training engine: what the panel, the worker, the race and the
 * benchmarks pass to `createTrainer`. Plain data except for a custom activation, which carries
 * its two functions (compile custom formulas inside the worker, never send functions).
 */
import type { Params } from '../catalog/types';
import type { ScalarFunction } from '../math/scalarFunction';
import type { DatasetId } from './datasets';
import type { TableDatasetConfig } from './tableDataset';

/** Input features computed from a point (x, y); the names are the ones the panel shows. */
export type FeatureId = 'x' | 'y' | 'x2' | 'y2' | 'xy' | 'sinX' | 'sinY';

/** Every feature, in the order the network sees them when all are selected. */
export const FEATURE_IDS: readonly FeatureId[] = ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY'];

/** How a dataset is generated and split. Omitted fields take `DEFAULT_DATASET_OPTIONS`. */
export interface DatasetOptions {
  /** Total number of points before the split; clamped to [`TRAIN_LIMITS.minSamples`, `maxSamples`]. */
  nSamples?: number;
  /**
   * Noise level in [0, 1]. Classification: each point is moved by Gaussian jitter of standard
   * deviation `noise` in data units (the plane is [−6, 6]², so 1 is heavy); for `gauss` the two
   * clusters' spread grows from 1 to 1 + noise instead. Regression: Gaussian noise of standard
   * deviation `noise / 2` is added to the target.
   */
  noise?: number;
  /** Fraction of the points held out as the test set, clamped to [0.1, 0.9]. */
  testFraction?: number;
  /** Seed of the data generator and of the split (integer; the same seed gives the same points). */
  seed?: number;
}

/** A dataset by name with its options. */
export interface DatasetConfig extends DatasetOptions {
  name: DatasetId;
}

/** A custom element-wise activation, e.g. compiled from a formula: f and df/dx. */
export interface CustomActivation extends ScalarFunction {
  /** Label shown in race tables; defaults to `custom`. */
  name?: string;
  /** The formula's plain-data tree (the playground's formula language), for exporting the network as code. */
  expr?: unknown;
}

/** One hidden layer's activation: a catalog id, a catalog id with parameters, or custom functions. */
export type ActivationChoice = string | { id: string; params?: Params } | CustomActivation;

/** Weight initialisation: weights ~ N(0, σ²) with σ² = 2/(fanIn+fanOut) (Xavier/Glorot), 2/fanIn (He), 1/fanIn (LeCun). */
export type InitScheme = 'xavier' | 'he' | 'lecun';

/**
 * The optimiser and its hyperparameters (the learning rate is `TrainerConfig.learningRate`).
 * - `sgd`: w ← w − η·g.
 * - `momentum` (PyTorch convention): v ← μ·v + g; w ← w − η·v. Default μ = 0.9.
 * - `adam` (Kingma & Ba): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 *   w ← w − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Defaults β₁ = 0.9, β₂ = 0.999, ε = 1e−8.
 */
export type OptimizerConfig =
  | { type: 'sgd' }
  | { type: 'momentum'; momentum?: number }
  | { type: 'adam'; beta1?: number; beta2?: number; epsilon?: number };

/**
 * Weight penalty added to the data loss, on weights only (never on biases):
 * L1: λ·Σ|w| (subgradient λ·sign w); L2: (λ/2)·Σw² (gradient λ·w).
 */
export interface RegularizationConfig {
  type: 'none' | 'l1' | 'l2';
  /** λ ≥ 0. */
  rate: number;
}

/**
 * Everything `createTrainer` needs. Every field except `dataset` is optional; see
 * `DEFAULT_TRAINER_CONFIG` for the defaults. The output layer and the loss follow from the dataset:
 * two classes → one sigmoid unit + binary cross-entropy; three or more classes → softmax +
 * cross-entropy; regression → one linear unit + mean squared error.
 */
export interface TrainerConfig {
  /** A dataset name (with default options), a name with options, or rows of a table (`name: 'table'`). */
  dataset: DatasetId | DatasetConfig | TableDatasetConfig;
  /** Input features, a non-empty subset of `FEATURE_IDS` (order does not matter; duplicates are dropped). For 1-D datasets (`sine`) only x, x², sin x are allowed. */
  features?: FeatureId[];
  /** Hidden layer widths, e.g. [8, 8]; may be empty (a linear/logistic model). Widths are clamped to [1, maxLayerWidth], depth to maxHiddenLayers. */
  hidden?: number[];
  /** One activation for every hidden layer, or one per hidden layer (same length as `hidden`). */
  activation?: ActivationChoice | ActivationChoice[];
  /** Weight initialisation; `auto` (default) picks per layer: He for ReLU-like, LeCun for SELU, Xavier otherwise (tanh, sigmoid, custom, the output layer). */
  init?: InitScheme | 'auto';
  /** Optimiser, default `{ type: 'sgd' }`. */
  optimizer?: OptimizerConfig;
  /** Learning rate η > 0. */
  learningRate?: number;
  /** Mini-batch size, clamped to [1, min(maxBatchSize, training-set size)]. */
  batchSize?: number;
  /** L1/L2 weight penalty, default none. */
  regularization?: RegularizationConfig;
  /** Seed of the initial weights and of the batch order (independent of the dataset's seed). */
  seed?: number;
}

/** Stated limits; sizes outside them are clamped (with a warning), never refused. */
export const TRAIN_LIMITS = {
  minSamples: 20,
  maxSamples: 5000,
  minTestFraction: 0.1,
  maxTestFraction: 0.9,
  maxNoise: 1,
  maxHiddenLayers: 30,
  maxLayerWidth: 32,
  maxBatchSize: 256,
  /** Largest `epochs` argument of one `step` call. */
  maxEpochsPerStep: 100000,
  /** Largest `resolution` of `predictGrid`. */
  maxGridResolution: 512,
  /**
   * A run has diverged once a weight or the mean training/test loss is NaN, ±∞ or larger in
   * magnitude than this: no healthy run gets near it, and a run past it only draws overflow.
   */
  divergenceLimit: 1e15,
} as const;

/**
 * Bounds and default of one run's epoch limit (the `activationLab.playground.maxTrainingEpochs`
 * setting; package.json states the same numbers and a unit test keeps them equal).
 */
export const EPOCH_LIMIT = { min: 1, max: 100000, default: 2000 } as const;

/**
 * A setting's value as an epoch limit: a finite number ≥ `EPOCH_LIMIT.min` rounded and capped at
 * `EPOCH_LIMIT.max`; anything else (a string, NaN, 0, a negative number) gives the default.
 */
export function epochLimit(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= EPOCH_LIMIT.min
    ? Math.min(Math.round(n), EPOCH_LIMIT.max)
    : EPOCH_LIMIT.default;
}

/** Dataset options used when a field is omitted (Playground-like: 500 points, no noise, half held out). */
export const DEFAULT_DATASET_OPTIONS: Required<DatasetOptions> = {
  nSamples: 500,
  noise: 0,
  testFraction: 0.5,
  seed: 1,
};

/** Defaults of every optional `TrainerConfig` field: the "default network" 2 → 8 → 8 → 1. */
export const DEFAULT_TRAINER_CONFIG: Required<Omit<TrainerConfig, 'dataset'>> = {
  features: ['x', 'y'],
  hidden: [8, 8],
  activation: 'relu',
  init: 'auto',
  optimizer: { type: 'sgd' },
  learningRate: 0.03,
  batchSize: 10,
  regularization: { type: 'none', rate: 0 },
  seed: 1,
};
