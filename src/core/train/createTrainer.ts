/**
 * The trainer bound to the activation catalog: the entry points the worker, the benchmarks and
 * `dist/core.js` use. (`trainer.ts` takes the lookup as a parameter so tests can pass stand-ins.)
 */
import { getActivation, validateParams } from '../catalog/catalog';
import type { ActivationLookup, TrainableEntry } from './activations';
import type { TrainerConfig } from './config';
import { createTrainerWith, tryCreateTrainerWith } from './trainer';
import type { CreateResult, Trainer } from './trainer';
import { validateWith } from './validate';
import type { ConfigResult } from './validate';

const cache = new Map<string, TrainableEntry | undefined>();

/**
 * The catalog's element-wise entries as the trainer consumes them: f(x, p), f′(x, p), the
 * default parameters and the properties that choose the default initialisation. Vector
 * activations (softmax, GLU, …) and unknown ids give `undefined`.
 */
export const catalogLookup: ActivationLookup = (id) => {
  if (cache.has(id)) return cache.get(id);
  const e = getActivation(id);
  let entry: TrainableEntry | undefined;
  if (e && e.kind === 'elementwise') {
    const params: Record<string, number> = {};
    for (const p of e.params) params[p.name] = p.default;
    entry = {
      f: e.f,
      df: e.df,
      params,
      bounded: e.properties.bounded,
      selfNormalising: e.properties.selfNormalising,
      family: e.family,
      check: (p) => {
        const v = validateParams(id, p);
        return v.ok ? undefined : v.message.en;
      },
    };
  }
  cache.set(id, entry);
  return entry;
};

/**
 * Checks a trainer config without building anything heavy: defaults filled, sizes clamped to
 * `TRAIN_LIMITS` (as warnings), every other problem as an error with its field. Never throws.
 */
export function validateTrainerConfig(config: unknown): ConfigResult {
  return validateWith(config, catalogLookup);
}

/** Creates a trainer, or returns the config errors. Never throws. */
export function tryCreateTrainer(config: unknown): CreateResult {
  return tryCreateTrainerWith(config, catalogLookup);
}

/**
 * Creates a trainer for `config` (see `TrainerConfig` for every field and its default).
 * Throws `TrainerConfigError` (with `issues`) for an invalid config, and nothing else; use
 * `tryCreateTrainer` to get the errors as a value instead.
 */
export function createTrainer(config: TrainerConfig): Trainer {
  return createTrainerWith(config, catalogLookup);
}
