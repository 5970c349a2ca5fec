/**
 * Turns a start request's plain data (setup + activation spec) into a core trainer, and narrows
 * the trainer to what a session needs. Catalog activations are looked up in the catalog; a custom
 * formula is compiled here, inside the worker, because functions cannot cross `postMessage`.
 */
import { getActivation } from '../../src/core/catalog/catalog';
import type { ActivationSpec, TrainSetup } from '../../src/core/protocol/workerProtocol';
import type { ActivationChoice } from '../../src/core/train/config';
import type { Dataset } from '../../src/core/train/datasets';
import { tryCreateTrainer } from '../../src/core/train/createTrainer';
import type { StepResult } from '../../src/core/train/trainer';
import { compileCustomActivation } from './customActivation';
import { trainerConfig } from './trainerConfig';

/** The part of a trainer a session uses, with the grid shape fixed per problem. */
export interface RunTrainer {
  /** Name for legends and tables. */
  readonly label: string;
  readonly dataset: Dataset;
  /** Values that were clamped to the stated limits, as English sentences. */
  readonly notes: string[];
  /** Values per grid cell: 1 (p, ŷ), K class probabilities; for a 1-D dataset the grid is a curve. */
  readonly gridChannels: number;
  evaluate(): StepResult;
  step(epochs: number): StepResult;
  /** The grid (res² × channels) or, for a 1-D dataset, the fitted curve (res values). */
  predictGrid(res: number, out?: Float32Array): Float32Array;
  gradientNorms(): number[];
  deadFraction(): number[];
}

/** Builds a run's trainer, or says why it cannot. */
export type TrainerFactory = (setup: TrainSetup, activation: ActivationSpec) => RunTrainer | string;

function choiceOf(a: ActivationSpec): { choice: ActivationChoice; label: string } | string {
  if (a.kind === 'catalog') {
    const e = getActivation(a.id);
    const label = e?.name ?? a.id;
    return { choice: a.params ? { id: a.id, params: a.params } : a.id, label };
  }
  const compiled = compileCustomActivation(a.expr);
  if (typeof compiled === 'string') return compiled;
  const label = a.formula;
  return { choice: { ...compiled, name: label }, label };
}

export const createRunTrainer: TrainerFactory = (setup, activation) => {
  const c = choiceOf(activation);
  if (typeof c === 'string') return c;
  const r = tryCreateTrainer(trainerConfig(setup, c.choice));
  if (!r.ok)
    return r.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
  const tr = r.trainer;
  const curve = tr.dataset.inputDims === 1;
  const channels = tr.problem === 'multiclass' ? tr.dataset.classes : 1;
  return {
    label: c.label,
    dataset: tr.dataset,
    notes: r.warnings.map((w) => w.message),
    gridChannels: curve ? 1 : channels,
    evaluate: () => tr.evaluate(),
    step: (epochs) => tr.step(epochs),
    predictGrid: (res, out) => {
      const g = curve
        ? tr.predictCurve(res, out)
        : channels > 1
          ? tr.predictGridClasses(res, out)
          : tr.predictGrid(res, out);
      return g instanceof Float32Array ? g : Float32Array.from(g);
    },
    gradientNorms: () => tr.gradientNorms(),
    deadFraction: () => tr.deadFraction(),
  };
};
