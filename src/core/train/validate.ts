/**
 * Validation of a `TrainerConfig`: fills defaults, clamps sizes to `TRAIN_LIMITS` (reported as
 * warnings) and reports everything else that is wrong as errors. Never throws, whatever it is
 * given (the config may come from a message).
 */
import type { LayerActivation, ActivationLookup } from './activations';
import { resolveLayerActivation } from './activations';
import { DEFAULT_TRAINER_CONFIG, FEATURE_IDS, TRAIN_LIMITS } from './config';
import type {
  ActivationChoice,
  DatasetOptions,
  FeatureId,
  InitScheme,
  OptimizerConfig,
  RegularizationConfig,
  TrainerConfig,
} from './config';
import { DATASET_INFO, isDatasetId, resolveDatasetOptions, type DatasetId } from './datasets';
import { FEATURES_1D } from './features';
import { OPTIMIZER_DEFAULTS } from './optimizers';
import { resolveTableDataset, type ResolvedTable } from './tableDataset';

/** One problem found in a config: the field path (e.g. `hidden[2]`), a stable code and English text. */
export interface ConfigIssue {
  field: string;
  code: 'invalid' | 'unknown' | 'unavailable' | 'clamped';
  message: string;
}

/** A config with every default filled in and every size clamped; activations resolved. */
export interface ResolvedTrainerConfig {
  dataset: ({ name: DatasetId } & Required<DatasetOptions>) | ResolvedTable;
  features: FeatureId[];
  hidden: number[];
  /** One per hidden layer. */
  activations: LayerActivation[];
  /** One per weight layer (hidden layers, then the output layer). */
  init: InitScheme[];
  optimizer: Required<OptimizerConfig>;
  learningRate: number;
  batchSize: number;
  regularization: RegularizationConfig;
  seed: number;
}

/** Result of `validateTrainerConfig`: the resolved config with warnings, or the errors. */
export type ConfigResult =
  | { ok: true; config: ResolvedTrainerConfig; warnings: ConfigIssue[] }
  | { ok: false; errors: ConfigIssue[]; warnings: ConfigIssue[] };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const INIT_SCHEMES = ['xavier', 'he', 'lecun'];

/** Validates and resolves `config`; activation ids are looked up with `lookup`. */
export function validateWith(config: unknown, lookup: ActivationLookup): ConfigResult {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const err = (field: string, code: ConfigIssue['code'], message: string) =>
    errors.push({ field, code, message });
  const warn = (field: string, message: string) =>
    warnings.push({ field, code: 'clamped', message });
  if (typeof config !== 'object' || config === null) {
    err('', 'invalid', 'config must be an object');
    return { ok: false, errors, warnings };
  }
  const c = config as Partial<TrainerConfig> & Record<string, unknown>;
  const d = DEFAULT_TRAINER_CONFIG;

  // Dataset.
  const ds = typeof c.dataset === 'string' ? { name: c.dataset } : c.dataset;
  const name = (ds as { name?: unknown } | undefined)?.name;
  const table =
    name === 'table' ? resolveTableDataset(ds, (f, m) => err(f, 'invalid', m), warn) : undefined;
  if (name === 'table' && !table) return { ok: false, errors, warnings };
  if (!isDatasetId(name) && !table) {
    err('dataset', 'unknown', `unknown dataset ${JSON.stringify(name)}`);
    return { ok: false, errors, warnings };
  }
  const rawOpts = (table ? {} : ds) as DatasetOptions;
  for (const k of ['nSamples', 'noise', 'testFraction', 'seed'] as const) {
    if (rawOpts[k] !== undefined && !isNum(rawOpts[k]))
      err(`dataset.${k}`, 'invalid', `dataset.${k} must be a finite number`);
  }
  const opts = table ?? resolveDatasetOptions(rawOpts);
  for (const k of ['nSamples', 'noise', 'testFraction'] as const) {
    const v = rawOpts[k];
    if (isNum(v) && v !== opts[k] && !(k === 'nSamples' && Math.round(v) === opts[k])) {
      warn(`dataset.${k}`, `dataset.${k} ${v} clamped to ${opts[k]}`);
    }
  }
  const info = table ?? DATASET_INFO[name as DatasetId];

  // Features.
  const allowed = info.inputDims === 1 ? FEATURES_1D : FEATURE_IDS;
  let features: FeatureId[] = info.inputDims === 1 ? ['x'] : d.features.slice();
  if (c.features !== undefined) {
    if (!Array.isArray(c.features)) err('features', 'invalid', 'features must be an array');
    else {
      features = [];
      c.features.forEach((f, i) => {
        if (!(FEATURE_IDS as readonly unknown[]).includes(f))
          err(`features[${i}]`, 'unknown', `unknown feature ${JSON.stringify(f)}`);
        else if (!allowed.includes(f))
          err(
            `features[${i}]`,
            'unavailable',
            `feature ${f} needs y, but ${name} has one input (x)`,
          );
        else if (!features.includes(f)) features.push(f);
      });
      if (c.features.length === 0) err('features', 'invalid', 'select at least one feature');
    }
  }

  // Hidden layers.
  let hidden = d.hidden.slice();
  if (c.hidden !== undefined) {
    if (!Array.isArray(c.hidden))
      err('hidden', 'invalid', 'hidden must be an array of layer widths');
    else {
      hidden = [];
      // Layers beyond the limit are dropped unread, so a huge array costs one warning, not one
      // per entry.
      const max = TRAIN_LIMITS.maxHiddenLayers;
      if (c.hidden.length > max)
        warn('hidden', `${c.hidden.length} hidden layers clamped to ${max}`);
      c.hidden.slice(0, max).forEach((w, i) => {
        if (!isNum(w)) return err(`hidden[${i}]`, 'invalid', 'layer width must be a finite number');
        const v = Math.min(TRAIN_LIMITS.maxLayerWidth, Math.max(1, Math.round(w)));
        if (v !== w) warn(`hidden[${i}]`, `layer width ${w} clamped to ${v}`);
        hidden.push(v);
      });
    }
  }

  // Activations.
  const choices: ActivationChoice[] = [];
  const rawAct = c.activation ?? d.activation;
  if (Array.isArray(rawAct)) {
    if (rawAct.length !== 1 && rawAct.length !== hidden.length) {
      err(
        'activation',
        'invalid',
        `give one activation or one per hidden layer (${hidden.length}), not ${rawAct.length}`,
      );
    }
    for (let i = 0; i < hidden.length; i++)
      choices.push(rawAct.length === 1 ? rawAct[0] : (rawAct[i] ?? rawAct[0]));
  } else {
    for (let i = 0; i < hidden.length; i++) choices.push(rawAct as ActivationChoice);
  }
  const activations: LayerActivation[] = [];
  const cache = new Map<ActivationChoice, LayerActivation | string>();
  choices.forEach((ch, i) => {
    let r = cache.get(ch);
    if (r === undefined) {
      r = resolveLayerActivation(ch, lookup);
      cache.set(ch, r);
    }
    if (typeof r === 'string')
      err(Array.isArray(rawAct) ? `activation[${i}]` : 'activation', 'unknown', r);
    else activations.push(r);
  });
  if (!Array.isArray(rawAct) && hidden.length === 0 && c.activation !== undefined) {
    const r = resolveLayerActivation(rawAct as ActivationChoice, lookup);
    if (typeof r === 'string') err('activation', 'unknown', r);
  }

  // Initialisation.
  const rawInit = c.init ?? d.init;
  if (rawInit !== 'auto' && !INIT_SCHEMES.includes(rawInit as string))
    err('init', 'unknown', `unknown init ${JSON.stringify(rawInit)}`);
  const init: InitScheme[] = activations.map((a) =>
    rawInit === 'auto' ? a.defaultInit : (rawInit as InitScheme),
  );
  init.push(
    rawInit === 'auto' || !INIT_SCHEMES.includes(rawInit as string)
      ? 'xavier'
      : (rawInit as InitScheme),
  );

  const optimizer = resolveOptimizer(c.optimizer, err);

  const learningRate = c.learningRate ?? d.learningRate;
  if (!isNum(learningRate) || learningRate <= 0)
    err('learningRate', 'invalid', 'learning rate must be a finite number > 0');

  const nTrain =
    opts.nSamples -
    Math.min(opts.nSamples - 1, Math.max(1, Math.round(opts.testFraction * opts.nSamples)));
  let batchSize = d.batchSize;
  if (c.batchSize !== undefined) {
    if (!isNum(c.batchSize)) err('batchSize', 'invalid', 'batch size must be a finite number');
    else batchSize = Math.round(c.batchSize);
  }
  const maxBatch = Math.min(TRAIN_LIMITS.maxBatchSize, nTrain);
  if (batchSize < 1 || batchSize > maxBatch) {
    const v = Math.min(maxBatch, Math.max(1, batchSize));
    warn('batchSize', `batch size ${batchSize} clamped to ${v}`);
    batchSize = v;
  }

  const reg = c.regularization ?? d.regularization;
  if (typeof reg !== 'object' || reg === null || !['none', 'l1', 'l2'].includes(reg.type)) {
    err('regularization', 'invalid', 'regularization must be { type: none | l1 | l2, rate }');
  } else if (!isNum(reg.rate) || reg.rate < 0)
    err('regularization.rate', 'invalid', 'regularization rate must be ≥ 0');

  const seed = c.seed ?? d.seed;
  if (!isNum(seed)) err('seed', 'invalid', 'seed must be a finite number');

  if (errors.length > 0) return { ok: false, errors, warnings };
  return {
    ok: true,
    warnings,
    config: {
      dataset: table ?? { ...opts, name: name as DatasetId },
      features,
      hidden,
      activations,
      init,
      optimizer,
      learningRate,
      batchSize,
      regularization: { type: reg.type, rate: reg.rate },
      seed: Math.trunc(seed),
    },
  };
}

function resolveOptimizer(
  raw: unknown,
  err: (field: string, code: ConfigIssue['code'], message: string) => void,
): Required<OptimizerConfig> {
  const o = (raw ?? DEFAULT_TRAINER_CONFIG.optimizer) as Record<string, unknown>;
  const D = OPTIMIZER_DEFAULTS;
  const unit = (k: string, def: number): number => {
    const v = o[k] ?? def;
    if (!isNum(v) || v < 0 || v >= 1) {
      err(`optimizer.${k}`, 'invalid', `optimizer.${k} must be in [0, 1)`);
      return def;
    }
    return v;
  };
  if (typeof o !== 'object' || o === null) {
    err('optimizer', 'invalid', 'optimizer must be { type: sgd | momentum | adam, … }');
    return { type: 'sgd' };
  }
  switch (o.type) {
    case 'sgd':
      return { type: 'sgd' };
    case 'momentum':
      return { type: 'momentum', momentum: unit('momentum', D.momentum) };
    case 'adam': {
      const eps = o.epsilon ?? D.epsilon;
      if (!isNum(eps) || eps <= 0)
        err('optimizer.epsilon', 'invalid', 'optimizer.epsilon must be > 0');
      return {
        type: 'adam',
        beta1: unit('beta1', D.beta1),
        beta2: unit('beta2', D.beta2),
        epsilon: isNum(eps) ? eps : D.epsilon,
      };
    }
    default:
      err('optimizer.type', 'unknown', `unknown optimizer ${JSON.stringify(o.type)}`);
      return { type: 'sgd' };
  }
}
