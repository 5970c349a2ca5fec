/**
 * The `table` dataset: rows from a person's file instead of a generator. Its inputs (one or two
 * columns, in the file's units) are standardised, u = (v − μ)/σ per column over the rows used, and
 * the network's plane is that standardised plane; a regression target is standardised the same
 * way, so one learning rate suits any units. `TableScale` keeps μ and σ so predictions, exports
 * and plots go back to the file's units.
 */
import { fitStandardizer, standardize, type Standardizer } from '../data/standardize';
import { sampleIndices } from '../data/tableColumns';
import { TABLE_LIMITS } from '../data/limits';
import { TRAIN_LIMITS } from './config';
import type { DatasetOptions } from './config';
import type { Dataset, Extent } from './datasets';
import { resolveDatasetOptions, shuffleSplit } from './datasets';
import { createRng } from './rng';

/** Rows of a table to train on (see `pickColumns` in `core/data` for building them from a file). */
export interface TableDatasetConfig {
  name: 'table';
  /** Input values per row in the file's units: one or two numbers each, every row the same length. */
  x: number[][];
  /** Class index 0 … K − 1 (classification, K ≤ 10) or the target value (regression). */
  y: number[];
  task: 'classification' | 'regression';
  /** Fraction held out for testing, clamped to [0.1, 0.9]; default 0.5. */
  testFraction?: number;
  /** Seed of the split (and of the sample when there are more than `maxSamples` rows). */
  seed?: number;
  /** Names for plots and exported code. */
  inputNames?: string[];
  targetName?: string;
  classes?: string[];
}

/** Smallest table that can be split into a training and a test set. */
export const MIN_TABLE_ROWS = TABLE_LIMITS.minRows;

/** The affine maps between the file's units and the network's: v = μ + σ·u. */
export interface TableScale {
  inputs: Standardizer;
  /** μ and σ of a regression target (identity for classes). */
  target: { mean: number; std: number };
  inputNames: string[];
  targetName: string;
  /** Class names in index order (classification). */
  classes?: string[];
}

/** A table config after checking, with every row still in the file's units. */
export interface ResolvedTable extends Required<DatasetOptions> {
  name: 'table';
  x: number[][];
  y: number[];
  task: 'classification' | 'regression';
  inputDims: 1 | 2;
  classes: number;
  inputNames: string[];
  targetName: string;
  classNames?: string[];
}

type Report = (field: string, message: string) => void;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a table config: errors for rows of the wrong shape, non-finite values, class indices
 * that are not whole numbers in [0, 9], fewer than two classes or `MIN_TABLE_ROWS` rows; a
 * warning when more than `maxSamples` rows are sampled down. Returns undefined after an error.
 */
export function resolveTableDataset(
  raw: unknown,
  report: Report,
  warn: Report,
): ResolvedTable | undefined {
  const t = raw as Partial<TableDatasetConfig>;
  let failed = false;
  const err: Report = (field, message) => {
    failed = true;
    report(field, message);
  };
  if (!Array.isArray(t.x) || !Array.isArray(t.y)) {
    err('dataset', 'a table needs x (rows of inputs) and y (targets)');
    return undefined;
  }
  const dims = Array.isArray(t.x[0]) ? t.x[0].length : 0;
  if (dims !== 1 && dims !== 2) err('dataset.x', 'each row of x must have one or two inputs');
  else if (!t.x.every((r) => Array.isArray(r) && r.length === dims && r.every(finite)))
    err('dataset.x', `every row of x must hold ${dims} finite number(s)`);
  if (t.y.length !== t.x.length) err('dataset.y', 'y must have one value per row of x');
  else if (!t.y.every(finite)) err('dataset.y', 'every y must be a finite number');
  if (t.task !== 'classification' && t.task !== 'regression')
    err('dataset.task', 'task must be classification or regression');
  let classes = 1;
  if (t.task === 'classification' && t.y.every(finite)) {
    if (!t.y.every((v) => Number.isInteger(v) && v >= 0 && v < 10))
      err('dataset.y', 'class indices must be whole numbers from 0 to 9');
    classes = Math.max(2, ...t.y.map((v) => v + 1));
    if (new Set(t.y).size < 2) err('dataset.y', 'at least two classes are needed');
  }
  if (t.x.length < MIN_TABLE_ROWS) err('dataset', `at least ${MIN_TABLE_ROWS} rows are needed`);
  for (const k of ['testFraction', 'seed'] as const)
    if (t[k] !== undefined && !finite(t[k]))
      err(`dataset.${k}`, `dataset.${k} must be a finite number`);
  if (failed) return undefined;
  const opts = resolveDatasetOptions({ testFraction: t.testFraction, seed: t.seed });
  if (finite(t.testFraction) && t.testFraction !== opts.testFraction)
    warn(
      'dataset.testFraction',
      `dataset.testFraction ${t.testFraction} clamped to ${opts.testFraction}`,
    );
  let x = t.x;
  let y = t.y;
  if (x.length > TRAIN_LIMITS.maxSamples) {
    warn('dataset.x', `${x.length} rows: a sample of ${TRAIN_LIMITS.maxSamples} is used`);
    const keep = sampleIndices(x.length, TRAIN_LIMITS.maxSamples, opts.seed);
    x = keep.map((i) => t.x![i]);
    y = keep.map((i) => t.y![i]);
  }
  const inputNames =
    Array.isArray(t.inputNames) && t.inputNames.length === dims
      ? t.inputNames.map(String)
      : dims === 1
        ? ['x']
        : ['x', 'y'];
  return {
    name: 'table',
    x: x.map((r) => r.slice()),
    y: y.slice(),
    task: t.task!,
    inputDims: dims as 1 | 2,
    classes: t.task === 'classification' ? classes : 1,
    inputNames,
    targetName: typeof t.targetName === 'string' ? t.targetName : 'target',
    classNames:
      Array.isArray(t.classes) && t.classes.length === classes ? t.classes.map(String) : undefined,
    nSamples: x.length,
    noise: 0,
    testFraction: opts.testFraction,
    seed: opts.seed,
  };
}

/** [lo, hi] widened by 5% on each side (±1 around a single value). */
function padded(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  const pad = hi > lo ? 0.05 * (hi - lo) : 1;
  return [lo - pad, hi + pad];
}

/**
 * Builds the dataset of a checked table: inputs (and a regression target) standardised, rows
 * shuffled with the seed and round(testFraction·n) of them held out, as `generateDataset` does.
 * For one input, y holds the target so that a point lies on the fitted curve.
 */
export function buildTableDataset(t: ResolvedTable): Dataset {
  const inputs = fitStandardizer(t.x);
  const regression = t.task === 'regression';
  const tScale = regression ? fitStandardizer(t.y.map((v) => [v])) : { mean: [0], std: [1] };
  const xs = Float64Array.from(t.x, (r) => standardize(inputs, 0, r[0]));
  const ls = Float64Array.from(t.y, (v) => (regression ? standardize(tScale, 0, v) : v));
  // One input: y holds the target, so that a point lies on the fitted curve.
  const ys = t.inputDims === 2 ? Float64Array.from(t.x, (r) => standardize(inputs, 1, r[1])) : ls;
  const { train, test } = shuffleSplit(createRng(t.seed, 0x5eed), t.testFraction, xs, ys, ls);
  const [xMin, xMax] = padded(xs);
  let [yMin, yMax] = padded(ys);
  if (t.inputDims === 1 && !regression) [yMin, yMax] = [-0.25, t.classes - 0.75];
  const extent: Extent = { xMin, xMax, yMin, yMax };
  const scale: TableScale = {
    inputs,
    target: { mean: tScale.mean[0], std: tScale.std[0] },
    inputNames: t.inputNames,
    targetName: t.targetName,
    classes: t.classNames,
  };
  return {
    name: 'table',
    kind: t.task,
    classes: t.classes,
    inputDims: t.inputDims,
    extent,
    train,
    test,
    options: { nSamples: t.x.length, noise: 0, testFraction: t.testFraction, seed: t.seed },
    table: scale,
  };
}
