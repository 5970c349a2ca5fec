/**
 * Turns a start request's plain data (setup + activation spec) into a core trainer, and narrows
 * the trainer to what a session needs. Catalog activations are looked up in the catalog; a custom
 * formula's tree is compiled by the compiler the caller passes in (the worker's, since functions
 * cannot cross `postMessage`).
 */
import { getActivation } from '../catalog/catalog';
import type { ScalarFunction } from '../math/scalarFunction';
import { ExportError, exportModel, type ExportFramework } from '../export/exportModel';
import type { ActivationSpec, TableRows, TrainSetup } from '../protocol/workerProtocol';
import type { ActivationChoice, FeatureId, TrainerConfig } from '../train/config';
import { FEATURES_1D } from '../train/features';
import type { Dataset } from '../train/datasets';
import { tryCreateTrainer } from '../train/createTrainer';
import type { StepResult } from '../train/trainer';

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
  /** Trains `epochs` whole epochs synchronously (the session decides how many per slice). */
  step(epochs: number): StepResult;
  /** The grid (res² × channels) or, for a 1-D dataset, the fitted curve (res values). */
  predictGrid(res: number, out?: Float32Array): Float32Array;
  gradientNorms(): number[];
  deadFraction(): number[];
  /** The network as Python source for `framework` (core `exportModel`), or why it cannot be written. */
  exportCode(framework: ExportFramework): { source: string } | { error: string };
}

/** Builds a run's trainer (on `table`'s rows when given), or says why it cannot. */
export type TrainerFactory = (
  setup: TrainSetup,
  activation: ActivationSpec,
  table?: TableRows,
) => RunTrainer | string;

/** Compiles a custom formula's plain-data tree, or says why it cannot be trained. */
export type CustomCompiler = (expr: unknown) => ScalarFunction | string;

/**
 * The core trainer config of a setup, with one activation for every hidden layer. With `table`,
 * the data are its rows (split by the setup's test fraction and seed) instead of the built-in
 * dataset; the features are then the ones a table of that many inputs has (x, x², sin x for one).
 */
export function trainerConfig(
  setup: TrainSetup,
  activation: ActivationChoice,
  table?: TableRows,
): TrainerConfig {
  return {
    dataset: table
      ? {
          name: 'table',
          x: table.x,
          y: table.y,
          task: table.task,
          inputNames: table.inputNames,
          targetName: table.targetName,
          classes: table.classes,
          testFraction: setup.dataset.testFraction,
          seed: setup.dataset.seed,
        }
      : { ...setup.dataset },
    features: table ? featuresFor(setup.features, table.x[0].length) : [...setup.features],
    hidden: [...setup.hidden],
    activation,
    init: setup.init,
    optimizer: { type: setup.optimizer },
    learningRate: setup.learningRate,
    batchSize: setup.batchSize,
    regularization: { type: setup.regularization, rate: setup.regularizationRate },
    seed: setup.seed,
  };
}

/** The features of `features` a dataset of `inputDims` inputs has (x alone when none is left). */
export function featuresFor(features: readonly FeatureId[], inputDims: number): FeatureId[] {
  if (inputDims !== 1) return [...features];
  const kept = features.filter((f) => FEATURES_1D.includes(f));
  return kept.length ? kept : ['x'];
}

function choiceOf(
  a: ActivationSpec,
  compile: CustomCompiler,
): { choice: ActivationChoice; label: string } | string {
  if (a.kind === 'catalog') {
    const e = getActivation(a.id);
    const label = e?.name ?? a.id;
    return { choice: a.params ? { id: a.id, params: a.params } : a.id, label };
  }
  const compiled = compile(a.expr);
  if (typeof compiled === 'string') return compiled;
  const label = a.formula;
  // The tree goes along so an export can print the formula (functions cannot be printed).
  return { choice: { ...compiled, name: label, expr: a.expr }, label };
}

/** The factory of run trainers over the catalog, compiling custom formulas with `compile`. */
export function runTrainerFactory(compile: CustomCompiler): TrainerFactory {
  return (setup, activation, table) => {
    const c = choiceOf(activation, compile);
    if (typeof c === 'string') return c;
    const r = tryCreateTrainer(trainerConfig(setup, c.choice, table));
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
      exportCode: (framework) => {
        try {
          return { source: exportModel(tr, framework) };
        } catch (e) {
          if (e instanceof ExportError) return { error: e.message };
          throw e;
        }
      },
    };
  };
}
