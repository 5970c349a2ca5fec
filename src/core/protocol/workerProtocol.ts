/**
 * The message protocol between the playground page and its training worker.
 * One union per direction, discriminated by `type` in `noun/verb` form, validated at runtime on
 * both sides (a malformed message is dropped and reported, never thrown). Progress messages carry
 * the complete state a view needs (every run's latest numbers, its decimated loss history, its
 * decision-boundary grid), so the page can always draw from the last message alone.
 */
import * as v from 'valibot';
import { replyEntries, RequestIdSchema } from './channel';
import { check, type Checked } from './validate';
import { FEATURE_IDS, TRAIN_LIMITS } from '../train/config';
import { DATASET_IDS } from '../train/datasets';
import type { Dataset } from '../train/datasets';
import { isFormulaTree } from '../formula/expr';
import { TABLE_LIMITS } from '../data/limits';
import type { TableScale } from '../train/tableDataset';
import type { TableData } from '../data/tableColumns';
import { MAX_FORMULA } from '../formula/parse';
import { ExportedCodeSchema, ExportFrameworkSchema } from './exportCode';

/** Most runs one `train/start` may ask for (a race of six activations). */
export const MAX_RUNS = 6;
/** Most points of a loss history a progress message carries per series (older points are thinned). */
export const MAX_HISTORY_POINTS = 600;
/** Largest decision-boundary grid the page may ask for (resolution × resolution cells). */
export const MAX_VIEW_GRID = 128;
/** Longest custom formula accepted (the same bound as the graphs' formula box). */
export { MAX_FORMULA };

const text = (max = 200) => v.pipe(v.string(), v.maxLength(max));
const finite = v.pipe(v.number(), v.finite());
const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const num = (min: number, max: number) => v.pipe(finite, v.minValue(min), v.maxValue(max));
/**
 * A loss may be NaN or ±Infinity once a run diverges, so progress numbers are not `finite`
 * (valibot's `number()` refuses NaN).
 */
const anyNumber = v.custom<number>((x) => typeof x === 'number', 'expected a number');
/** A run's id: the request id of the `train/start` that began it. */
const runId = RequestIdSchema;
const f64 = v.custom<Float64Array>((x) => x instanceof Float64Array, 'expected a Float64Array');
const f32 = v.custom<Float32Array>((x) => x instanceof Float32Array, 'expected a Float32Array');

/**
 * Shape check of a custom formula's plain-data tree, bounded in depth and size, every function
 * whitelisted (the one check, kept with the tree type in the core's formula module).
 */
export const isExprTree = isFormulaTree;

/** A hidden layer's activation: a catalog entry with parameters, or a custom formula in x. */
export const ActivationSpecSchema = v.variant('kind', [
  v.object({
    kind: v.literal('catalog'),
    id: text(64),
    params: v.optional(
      v.pipe(
        v.record(text(64), finite),
        v.check((r) => Object.keys(r).length <= 16, 'too many parameters'),
      ),
    ),
  }),
  v.object({
    kind: v.literal('custom'),
    /** The formula as typed (its label). */
    formula: text(MAX_FORMULA),
    /** Its parsed tree; the worker compiles it (functions cannot be posted). */
    expr: v.custom<unknown>(isExprTree, 'not a valid formula tree'),
  }),
]);
export type ActivationSpec = v.InferOutput<typeof ActivationSpecSchema>;

/** Why a run stopped before its epoch limit. */
export const StopReasonSchema = v.picklist(['target', 'plateau']);
export type StopReason = v.InferOutput<typeof StopReasonSchema>;

/**
 * When a run stops before the epoch limit: `off` (never), `target` (at the first epoch whose test
 * loss is ≤ `targetLoss`) or `plateau` (once the best test loss has not fallen by more than 0.001
 * for `patience` epochs). Both numbers are kept whatever the mode, so the form remembers them.
 */
export const EarlyStopSchema = v.object({
  mode: v.picklist(['off', 'target', 'plateau']),
  targetLoss: num(0, 1e6),
  patience: int(1, TRAIN_LIMITS.maxEpochsPerStep),
});
export type EarlyStop = v.InferOutput<typeof EarlyStopSchema>;

/** Early stopping of a setup saved before it existed, and of a new one. */
export const DEFAULT_EARLY_STOP: EarlyStop = { mode: 'target', targetLoss: 0.01, patience: 200 };

/** Everything of a training run except the activation: data, network shape and optimiser. */
export const TrainSetupSchema = v.object({
  dataset: v.object({
    name: v.picklist(DATASET_IDS),
    nSamples: int(TRAIN_LIMITS.minSamples, TRAIN_LIMITS.maxSamples),
    noise: num(0, TRAIN_LIMITS.maxNoise),
    testFraction: num(TRAIN_LIMITS.minTestFraction, TRAIN_LIMITS.maxTestFraction),
    seed: int(0, 2 ** 31 - 1),
  }),
  features: v.pipe(v.array(v.picklist(FEATURE_IDS)), v.minLength(1), v.maxLength(7)),
  hidden: v.pipe(
    v.array(int(1, TRAIN_LIMITS.maxLayerWidth)),
    v.maxLength(TRAIN_LIMITS.maxHiddenLayers),
  ),
  init: v.picklist(['auto', 'xavier', 'he', 'lecun']),
  optimizer: v.picklist(['sgd', 'momentum', 'adam']),
  learningRate: num(1e-6, 100),
  batchSize: int(1, TRAIN_LIMITS.maxBatchSize),
  regularization: v.picklist(['none', 'l1', 'l2']),
  regularizationRate: num(0, 10),
  /** Seed of the initial weights; a race gives every run the same one. */
  seed: int(0, 2 ** 31 - 1),
  earlyStop: v.optional(EarlyStopSchema, () => ({ ...DEFAULT_EARLY_STOP })),
});
export type TrainSetup = v.InferOutput<typeof TrainSetupSchema>;

/** A column or class name from a person's file (data: shown with `textContent` only). */
const name = text(256);

/**
 * Rows of a table from a person's file, in the file's units (see `pickColumns`): one or two
 * inputs per row and a class index or regression target. When a start carries one, the runs train
 * on it instead of `setup.dataset.name` (the split still follows `testFraction` and `seed`).
 */
export const TableRowsSchema = v.pipe(
  v.object({
    x: v.pipe(
      v.array(v.pipe(v.array(finite), v.minLength(1), v.maxLength(2))),
      v.minLength(TABLE_LIMITS.minRows),
      v.maxLength(TABLE_LIMITS.maxRows),
    ),
    y: v.pipe(v.array(finite), v.maxLength(TABLE_LIMITS.maxRows)),
    task: v.picklist(['classification', 'regression']),
    inputNames: v.pipe(v.array(name), v.minLength(1), v.maxLength(2)),
    targetName: name,
    classes: v.optional(v.pipe(v.array(name), v.maxLength(TABLE_LIMITS.maxClasses))),
  }),
  v.check((t) => t.y.length === t.x.length, 'y needs one value per row of x'),
  v.check((t) => t.x.every((r) => r.length === t.inputNames.length), 'rows and input names differ'),
);
export type TableRows = v.InferOutput<typeof TableRowsSchema>;

/** The rows a start message carries for a column choice's data (see `pickColumns`). */
export function tableRows(d: TableData): TableRows {
  return {
    x: d.x,
    y: d.y,
    task: d.task,
    inputNames: d.inputNames,
    targetName: d.targetName,
    ...(d.classes ? { classes: d.classes } : {}),
  };
}

/** One run of a start request: a key the page uses to match progress, and its activation. */
export const RunSpecSchema = v.object({ key: text(64), activation: ActivationSpecSchema });
export type RunSpec = v.InferOutput<typeof RunSpecSchema>;

// ---- page → worker ----

/**
 * Build the runs (same data, same weight seed) and start training them, or stay paused. A request
 * whose id is `runId`: the worker answers with one `train/started`.
 */
export const StartSchema = v.object({
  type: v.literal('train/start'),
  runId,
  setup: TrainSetupSchema,
  runs: v.pipe(v.array(RunSpecSchema), v.minLength(1), v.maxLength(MAX_RUNS)),
  /** Stop every run after this many epochs. */
  maxEpochs: int(1, TRAIN_LIMITS.maxEpochsPerStep),
  /** Epochs each run advances per worker tick; 0 means "as many as fit in the tick's time budget". */
  epochsPerTick: int(0, 1000),
  /** Test loss a race counts "epochs to target" against; absent: not counted. */
  targetLoss: v.optional(num(0, 1e6)),
  /** Decision-boundary grid resolution (cells per side); 0: no grid. */
  gridResolution: int(0, MAX_VIEW_GRID),
  /** Also report per-layer gradient norms and dead-unit fractions (the gradient-flow view). */
  gradients: v.boolean(),
  /** Build the runs and report epoch 0, but do not train until `train/resume` or `train/step`. */
  paused: v.boolean(),
  /** Train on these rows from a file instead of the setup's built-in dataset. */
  table: v.optional(TableRowsSchema),
});
/** Pause every run of `runId` (progress stops after one last report). */
export const PauseSchema = v.object({ type: v.literal('train/pause'), runId });
/** Resume training. */
export const ResumeSchema = v.object({ type: v.literal('train/resume'), runId });
/** Train exactly `epochs` more epochs, then pause. */
export const StepSchema = v.object({ type: v.literal('train/step'), runId, epochs: int(1, 1000) });
/** Change the speed of a running training. */
export const SpeedSchema = v.object({
  type: v.literal('train/speed'),
  runId,
  epochsPerTick: int(0, 1000),
});
/** The page has drawn the last progress message; the worker may send the next one. */
export const FrameSchema = v.object({ type: v.literal('view/frame'), runId });

/**
 * Write run `key` of `runId` as Python for `framework` (the core's `exportModel`, with the weights
 * as they are now). A request: the worker answers with one `model/exported`.
 */
export const ExportSchema = v.object({
  type: v.literal('model/export'),
  requestId: RequestIdSchema,
  runId,
  key: text(64),
  framework: ExportFrameworkSchema,
});

export const PageToWorkerSchema = v.variant('type', [
  StartSchema,
  PauseSchema,
  ResumeSchema,
  StepSchema,
  SpeedSchema,
  FrameSchema,
  ExportSchema,
]);
export type PageToWorker = v.InferOutput<typeof PageToWorkerSchema>;
export type StartMessage = v.InferOutput<typeof StartSchema>;

// ---- worker → page ----

/** A loss history thinned to at most `MAX_HISTORY_POINTS` points (same epochs for both series). */
export const HistorySchema = v.object({
  epoch: f64,
  train: f64,
  test: f64,
  /** Test accuracy in [0, 1] (classification); empty for regression. */
  accuracy: f64,
});
export type History = v.InferOutput<typeof HistorySchema>;

/** The complete state of one run. */
export const RunStateSchema = v.object({
  key: text(64),
  /** Name shown in legends and tables (catalog name or the custom formula's label). */
  label: text(200),
  epoch: int(0, Number.MAX_SAFE_INTEGER),
  trainLoss: anyNumber,
  testLoss: anyNumber,
  trainAccuracy: v.optional(anyNumber),
  testAccuracy: v.optional(anyNumber),
  /** The epoch at which the loss became NaN or infinite; the run stopped there. */
  divergedAt: v.optional(int(0, Number.MAX_SAFE_INTEGER)),
  /** The epoch at which the early-stopping rule stopped the run, and why. */
  stoppedAt: v.optional(int(0, Number.MAX_SAFE_INTEGER)),
  stopReason: v.optional(StopReasonSchema),
  /** First epoch whose test loss was at or below the target loss. */
  epochsToTarget: v.optional(int(0, Number.MAX_SAFE_INTEGER)),
  /** Mean wall time of one training epoch of this run, in milliseconds. */
  msPerEpoch: anyNumber,
  history: HistorySchema,
  /** Row-major grid, `gridResolution`² × `gridChannels` values, row 0 at the top (y max). */
  grid: v.optional(f32),
  /** Per weight layer (first hidden … output): mean |∂L/∂W| now, and at initialisation. */
  gradNorms: v.optional(v.array(anyNumber)),
  gradNormsInit: v.optional(v.array(anyNumber)),
  /** Per hidden layer: fraction of units whose output is zero on every training sample. */
  deadFraction: v.optional(v.array(anyNumber)),
});
export type RunState = v.InferOutput<typeof RunStateSchema>;

/** The data being trained on, sent once after `train/start` (the points the views draw). */
export const DataSchema = v.object({
  type: v.literal('train/data'),
  runId,
  kind: v.picklist(['classification', 'regression']),
  classes: int(1, 16),
  inputDims: v.picklist([1, 2]),
  extent: v.object({ xMin: finite, xMax: finite, yMin: finite, yMax: finite }),
  train: v.object({
    x: f64,
    y: f64,
    label: f64,
  }),
  test: v.object({
    x: f64,
    y: f64,
    label: f64,
  }),
  /** Values the trainer clamped or adjusted, as sentences for the person (English; keys of `t()`). */
  notes: v.array(text(300)),
  /**
   * For rows from a file: the points above are standardised, u = (v − mean)/std per input (and
   * per regression target); these maps and names take plots back to the file's units.
   */
  table: v.optional(
    v.object({
      inputs: v.object({
        mean: v.pipe(v.array(finite), v.maxLength(2)),
        std: v.pipe(v.array(finite), v.maxLength(2)),
      }),
      target: v.object({ mean: finite, std: finite }),
      inputNames: v.pipe(v.array(name), v.maxLength(2)),
      targetName: name,
      classes: v.optional(v.pipe(v.array(name), v.maxLength(TABLE_LIMITS.maxClasses))),
    }),
  ),
});

/** A plain copy of a table's scale (no shared arrays between a dataset and its message). */
function tableScaleCopy(s: TableScale): NonNullable<DataMessage['table']> {
  return {
    inputs: { mean: [...s.inputs.mean], std: [...s.inputs.std] },
    target: { ...s.target },
    inputNames: [...s.inputNames],
    targetName: s.targetName,
    ...(s.classes ? { classes: [...s.classes] } : {}),
  };
}

/** The data message of a dataset (the page's preview and the worker send the same shape). */
export function dataMessage(d: Dataset, runId: number, notes: readonly string[]): DataMessage {
  return {
    type: 'train/data',
    runId,
    kind: d.kind,
    classes: d.classes,
    inputDims: d.inputDims,
    extent: { ...d.extent },
    train: { x: d.train.x, y: d.train.y, label: d.train.label },
    test: { x: d.test.x, y: d.test.y, label: d.test.label },
    notes: [...notes],
    ...(d.table ? { table: tableScaleCopy(d.table) } : {}),
  };
}

/** Status of a training: every run has stopped when it is `done`. */
export const StatusSchema = v.picklist(['paused', 'running', 'done']);
export type TrainStatus = v.InferOutput<typeof StatusSchema>;

/** The complete state of every run of `runId`. */
export const ProgressSchema = v.object({
  type: v.literal('train/progress'),
  runId,
  status: StatusSchema,
  maxEpochs: int(1, Number.MAX_SAFE_INTEGER),
  gridResolution: int(0, MAX_VIEW_GRID),
  gridChannels: int(0, 16),
  runs: v.pipe(v.array(RunStateSchema), v.maxLength(MAX_RUNS)),
});
/**
 * The reply to `train/start` (`inReplyTo` is its `runId`): `ok` before the run's data and first
 * progress, or `error` with the reason in `detail` (bad formula, unknown activation, a message
 * the worker could not read, …) and the failing run's key, if one failed.
 */
export const StartedSchema = v.object({
  type: v.literal('train/started'),
  ...replyEntries,
  key: v.optional(text(64)),
});
/** Training of `runId` stopped on an error after it started (a bug in a run, a bad message). */
export const ErrorSchema = v.object({
  type: v.literal('train/error'),
  runId,
  message: text(1000),
});

/**
 * The reply to `model/export`: `ok` with `code`, or `error` with the reason in `detail` (no such
 * run, an activation that cannot be written).
 */
export const ExportedSchema = v.object({
  type: v.literal('model/exported'),
  ...replyEntries,
  code: v.optional(ExportedCodeSchema),
});

export const WorkerToPageSchema = v.variant('type', [
  StartedSchema,
  DataSchema,
  ProgressSchema,
  ErrorSchema,
  ExportedSchema,
]);
export type WorkerToPage = v.InferOutput<typeof WorkerToPageSchema>;
export type DataMessage = v.InferOutput<typeof DataSchema>;
export type ProgressMessage = v.InferOutput<typeof ProgressSchema>;
export type StartedMessage = v.InferOutput<typeof StartedSchema>;
export type ExportMessage = v.InferOutput<typeof ExportSchema>;
export type ExportedMessage = v.InferOutput<typeof ExportedSchema>;

/**
 * The `runId` of a message the worker could not validate, if it has a usable one, so the answer
 * reaches the run that sent it (0 otherwise, which no run has).
 */
export function rawRunId(raw: unknown): number {
  const id = (raw as { runId?: unknown } | null)?.runId;
  return v.is(RequestIdSchema, id) ? id : 0;
}

/** Whether a message the worker could not validate was meant to start a run. */
export function isRawStart(raw: unknown): boolean {
  return (raw as { type?: unknown } | null)?.type === 'train/start';
}

/** The request id of an export request the worker could not validate, if it has a usable one. */
export function rawExportId(raw: unknown): number | undefined {
  const m = raw as { type?: unknown; requestId?: unknown } | null;
  return m?.type === 'model/export' && v.is(RequestIdSchema, m.requestId) ? m.requestId : undefined;
}

/** Validates a message the worker received from the page. */
export function parsePageToWorker(raw: unknown): Checked<PageToWorker> {
  return check(PageToWorkerSchema, raw);
}

/** Validates a message the page received from the worker. */
export function parseWorkerToPage(raw: unknown): Checked<WorkerToPage> {
  return check(WorkerToPageSchema, raw);
}
