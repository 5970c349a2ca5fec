/**
 * The training views' UI configuration, saved with the page state (never training results):
 * which view is open, the shared data/network/optimiser setup, the Train view's activation,
 * the Race view's activations and target, the Gradient-flow view's deep network.
 * It is validated when read back, since an older version may have written it.
 */
import * as v from 'valibot';
import { DEFAULT_DATASET_OPTIONS, DEFAULT_TRAINER_CONFIG } from '../../src/core/train/config';
import { DEFAULT_EARLY_STOP, TrainSetupSchema } from '../../src/core/protocol/workerProtocol';
import type { TrainSetup } from '../../src/core/protocol/workerProtocol';
import { MAX_FORMULA, MAX_RUNS } from '../../src/core/protocol/workerProtocol';
import { GRADIENT_DEPTH } from '../../src/core/protocol/webviewProtocol';
import { ExportFrameworkSchema } from '../../src/core/protocol/exportCode';
import { MAX_URI } from '../../src/core/protocol/webviewProtocol';

const finite = v.pipe(v.number(), v.finite());
const id = v.pipe(v.string(), v.maxLength(64));
const params = v.record(id, finite);

export { GRADIENT_DEPTH };
/** Narrowest/widest network of the gradient-flow view. */
export const GRADIENT_WIDTH = { min: 2, max: 32 } as const;
/** Speeds offered, in epochs per tick (0 = as fast as possible). */
export const SPEEDS = [1, 5, 20, 0] as const;

const name = v.pipe(v.string(), v.maxLength(256));

/**
 * The data file chosen (by the URI the host gave) and its columns by name, and whether the views
 * train on it. Not the file's text: a reloaded page asks the host to read the file again.
 */
const DataChoiceSchema = v.object({
  uri: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URI)),
  name,
  inputs: v.pipe(v.array(name), v.minLength(1), v.maxLength(2)),
  target: name,
  use: v.boolean(),
});

/** The activation of the Train view: a catalog entry with parameters, or the custom formula. */
const TrainActivationSchema = v.object({
  id,
  params,
  /** Used when `id` is `custom`. */
  formula: v.pipe(v.string(), v.maxLength(MAX_FORMULA)),
});

/** The training tab's views, in tab order (their titles are a `Record<ViewName, …>` in trainingTab.ts). */
export const VIEW_NAMES = ['train', 'race', 'gradient'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

const TrainingUiSchema = v.object({
  version: v.literal(1),
  view: v.picklist(VIEW_NAMES),
  setup: TrainSetupSchema,
  train: v.object({ activation: TrainActivationSchema, speed: v.picklist(SPEEDS) }),
  race: v.object({
    ids: v.pipe(v.array(id), v.maxLength(MAX_RUNS)),
    targetLoss: v.pipe(finite, v.minValue(0), v.maxValue(10)),
    speed: v.picklist(SPEEDS),
  }),
  gradient: v.object({
    id,
    depth: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(GRADIENT_DEPTH.min),
      v.maxValue(GRADIENT_DEPTH.max),
    ),
    width: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(GRADIENT_WIDTH.min),
      v.maxValue(GRADIENT_WIDTH.max),
    ),
    learningRate: v.pipe(finite, v.minValue(1e-6), v.maxValue(100)),
    init: v.picklist(['auto', 'xavier', 'he', 'lecun']),
    optimizer: v.picklist(['sgd', 'momentum', 'adam']),
    dataset: TrainSetupSchema.entries.dataset.entries.name,
    speed: v.picklist(SPEEDS),
  }),
  /** The framework "Export as code" writes for (absent in a state saved before export existed). */
  exportFramework: v.optional(ExportFrameworkSchema, 'pytorch'),
  /** A data file the views train on instead of the built-in datasets. */
  data: v.optional(DataChoiceSchema),
});
export type TrainingUiState = v.InferOutput<typeof TrainingUiSchema>;

/**
 * The runs live in each view (activation names, epoch reached, epoch limit), saved beside the UI
 * state: not results, only what a page that starts again must tell the person was lost (the
 * worker dies with its page). Kept apart from `TrainingUiSchema` so a bad record costs only itself.
 */
const RunRecordSchema = v.object({
  labels: v.pipe(v.string(), v.maxLength(1000)),
  epoch: v.pipe(v.number(), v.integer(), v.minValue(0)),
  maxEpochs: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
const LiveRunsSchema = v.object({
  train: v.optional(RunRecordSchema),
  race: v.optional(RunRecordSchema),
  gradient: v.optional(RunRecordSchema),
});
export type LiveRuns = v.InferOutput<typeof LiveRunsSchema>;

/** The saved record of live runs, or none when it is missing or invalid. */
export function restoreLiveRuns(raw: unknown): LiveRuns {
  const r = v.safeParse(LiveRunsSchema, (raw as { liveRuns?: unknown } | null)?.liveRuns);
  return r.success ? r.output : {};
}
export type TrainActivation = TrainingUiState['train']['activation'];

/** The trainer's defaults (`DEFAULT_TRAINER_CONFIG`: (x, y), 8-8 hidden, SGD 0.03, batch 10) on the circle. */
export function defaultSetup(): TrainSetup {
  const d = DEFAULT_TRAINER_CONFIG;
  return {
    dataset: { name: 'circle', ...DEFAULT_DATASET_OPTIONS },
    features: [...d.features],
    hidden: [...d.hidden],
    init: d.init,
    optimizer: d.optimizer.type,
    learningRate: d.learningRate,
    batchSize: d.batchSize,
    regularization: d.regularization.type,
    regularizationRate: d.regularization.rate,
    seed: d.seed,
    earlyStop: { ...DEFAULT_EARLY_STOP },
  };
}

function defaultTrainingUi(): TrainingUiState {
  return {
    version: 1,
    view: 'train',
    setup: defaultSetup(),
    train: { activation: { id: 'relu', params: {}, formula: 'x * sigmoid(1.702 * x)' }, speed: 5 },
    race: { ids: ['relu', 'tanh', 'sigmoid'], targetLoss: 0.1, speed: 5 },
    gradient: {
      id: 'sigmoid',
      depth: 20,
      width: 8,
      learningRate: DEFAULT_TRAINER_CONFIG.learningRate,
      init: 'auto',
      optimizer: 'sgd',
      dataset: 'circle',
      speed: 1,
    },
    exportFramework: 'pytorch',
  };
}

/** The saved slice read part by part: an invalid part (view, setup, …) gets its default alone. */
export function restoreTrainingUi(raw: unknown): TrainingUiState {
  const whole = v.safeParse(TrainingUiSchema, raw);
  if (whole.success) return whole.output;
  const saved = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out = defaultTrainingUi();
  const parts = TrainingUiSchema.entries;
  for (const key of Object.keys(parts) as (keyof typeof parts)[]) {
    const r = v.safeParse(parts[key], saved[key]);
    if (r.success) (out as Record<typeof key, unknown>)[key] = r.output;
  }
  return out;
}
