/**
 * The mini-trainer: a dataset, a network and an optimiser behind a synchronous, deterministic
 * `step(epochs)`. It never schedules itself; the worker decides how often to call it. All the
 * buffers `step` uses are allocated here, once.
 */
import type { ActivationLookup } from './activations';
import { TRAIN_LIMITS } from './config';
import { generateDataset } from './datasets';
import type { Dataset, Extent } from './datasets';
import { FeatureMap } from './features';
import { initNetwork } from './init';
import { Network } from './network';
import { createOptimizer } from './optimizers';
import type { Optimizer } from './optimizers';
import { createRng } from './rng';
import { buildTableDataset } from './tableDataset';
import { predictPoints } from './trainerPredict';
import type { Rng } from './rng';
import type { ConfigIssue, ResolvedTrainerConfig } from './validate';
import { validateWith } from './validate';
import type { StepResult, Trainer } from './trainerTypes';
import { evalGradients, evalDead, evalLoss, fillGrid } from './trainerEval';

export type { StepResult, Trainer } from './trainerTypes';

/** Thrown by `createTrainer` only, for an invalid config; `issues` lists every problem. */
export class TrainerConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; '));
    this.name = 'TrainerConfigError';
  }
}

/** Result of `tryCreateTrainerWith`. */
export type CreateResult =
  | { ok: true; trainer: Trainer; warnings: ConfigIssue[] }
  | { ok: false; errors: ConfigIssue[]; warnings: ConfigIssue[] };

/** Rows of the evaluation chunks (grid, losses); the batch buffers are at least this tall. */
const EVAL_ROWS = 128;

class TrainerImpl implements Trainer {
  readonly dataset: Dataset;
  readonly problem: 'binary' | 'multiclass' | 'regression';
  readonly net: Network;
  readonly features: FeatureMap;
  /** Standardised feature matrices, row-major. */
  readonly trainX: Float64Array;
  readonly testX: Float64Array;
  readonly targets: Float64Array;
  private readonly order: Int32Array;
  private readonly opt: Optimizer;
  private readonly rng: Rng;
  private readonly lastGood: Float64Array;
  private lastResult: StepResult;
  epoch = 0;
  diverged: { epoch: number } | undefined;
  private error: string | undefined;

  constructor(readonly config: ResolvedTrainerConfig) {
    const ds = config.dataset;
    this.dataset = ds.name === 'table' ? buildTableDataset(ds) : generateDataset(ds.name, ds)!;
    const k = this.dataset.classes;
    this.problem =
      this.dataset.kind === 'regression' ? 'regression' : k > 2 ? 'multiclass' : 'binary';
    this.features = new FeatureMap(config.features, this.dataset.train);
    this.trainX = this.features.matrix(this.dataset.train);
    this.testX = this.features.matrix(this.dataset.test);
    const sizes = [this.features.size, ...config.hidden, this.problem === 'multiclass' ? k : 1];
    const head =
      this.problem === 'binary' ? 'sigmoid' : this.problem === 'multiclass' ? 'softmax' : 'linear';
    this.net = new Network(sizes, config.activations, head, Math.max(EVAL_ROWS, config.batchSize));
    this.targets = new Float64Array(this.net.capacity);
    initNetwork(this.net, config.init, createRng(config.seed, 0x1417));
    this.rng = createRng(config.seed, 0xba7c);
    this.order = Int32Array.from({ length: this.dataset.train.length }, (_, i) => i);
    this.opt = createOptimizer(config.optimizer, this.net.params.length);
    this.lastGood = this.net.params.slice();
    this.lastResult = this.evaluate();
  }

  get layerSizes(): readonly number[] {
    return this.net.sizes;
  }

  step(epochs = 1): StepResult {
    if (this.diverged)
      return { ...this.lastResult, epoch: this.epoch, diverged: this.diverged, error: this.error };
    const n = epochCount(epochs);
    let r: StepResult;
    try {
      for (let e = 0; e < n; e++) {
        this.epoch++;
        this.trainEpoch();
        if (!withinLimit(this.net.params)) return this.diverge();
      }
      r = this.evaluate();
    } catch (ex) {
      // Custom activations are guarded and cannot throw; this is a last line of defence.
      this.error = ex instanceof Error ? ex.message : String(ex);
      return this.diverge();
    }
    const lim = TRAIN_LIMITS.divergenceLimit;
    if (!(Math.abs(r.trainLoss) <= lim && Math.abs(r.testLoss) <= lim)) return this.diverge();
    this.lastGood.set(this.net.params);
    this.lastResult = r;
    return r;
  }

  /** One epoch: shuffle, then for each mini-batch forward, backward, penalty, update. */
  private trainEpoch(): void {
    const net = this.net;
    const order = this.order;
    const nTrain = order.length;
    for (let i = nTrain - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    const B = this.config.batchSize;
    const nIn = net.sizes[0];
    const x0 = net.a[0];
    const X = this.trainX;
    const labels = this.dataset.train.label;
    const targets = this.targets;
    const { learningRate, regularization, optimizer } = this.config;
    const penalty = regularization.type !== 'none' && regularization.rate > 0;
    // Plain SGD without a penalty needs no gradient array: the step is applied inside backward.
    const fusedSgd = optimizer.type === 'sgd' && !penalty;
    for (let start = 0; start < nTrain; start += B) {
      const rows = Math.min(B, nTrain - start);
      for (let r = 0; r < rows; r++) {
        const src = order[start + r];
        targets[r] = labels[src];
        const so = src * nIn;
        const dO = r * nIn;
        for (let f = 0; f < nIn; f++) x0[dO + f] = X[so + f];
      }
      net.forward(rows);
      net.outputGrad(rows, targets, 0, 1 / rows);
      if (fusedSgd) {
        net.backward(rows, learningRate);
      } else {
        net.backward(rows);
        if (penalty) this.penalise();
        this.opt.update(net.params, net.grads, learningRate);
      }
    }
  }

  /** Adds the penalty gradient to the weights' gradients: λ·sign w (L1) or λ·w (L2). */
  private penalise(): void {
    const { params: w, grads: g } = this.net;
    const { type, rate } = this.config.regularization;
    for (let l = 1; l <= this.net.depth; l++) {
      const o = this.net.wOff[l - 1];
      const end = o + this.net.weightCount(l);
      if (type === 'l2') for (let k = o; k < end; k++) g[k] += rate * w[k];
      else for (let k = o; k < end; k++) g[k] += rate * (w[k] > 0 ? 1 : w[k] < 0 ? -1 : 0);
    }
  }

  private diverge(): StepResult {
    this.diverged = { epoch: this.epoch };
    for (const a of this.config.activations) {
      if (!this.error && a.failure?.message) this.error = `${a.label}: ${a.failure.message}`;
    }
    this.net.params.set(this.lastGood);
    return { ...this.lastResult, epoch: this.epoch, diverged: this.diverged, error: this.error };
  }

  evaluate(): StepResult {
    const { train, test } = this.dataset;
    const tr = evalLoss(this.net, this.trainX, train.label, train.length);
    const te = evalLoss(this.net, this.testX, test.label, test.length);
    const r: StepResult = { epoch: this.epoch, trainLoss: tr.loss, testLoss: te.loss };
    if (this.problem !== 'regression') {
      r.trainAccuracy = tr.accuracy;
      r.testAccuracy = te.accuracy;
    }
    return r;
  }

  predictGrid(resolution: number, out?: Float32Array | Float64Array): Float32Array | Float64Array {
    return this.grid(resolution, 'primary', out);
  }

  predictGridClasses(
    resolution: number,
    out?: Float32Array | Float64Array,
  ): Float32Array | Float64Array {
    return this.grid(resolution, 'classes', out);
  }

  predictCurve(resolution: number, out?: Float32Array | Float64Array): Float32Array | Float64Array {
    return this.grid(resolution, 'curve', out);
  }

  private grid(
    resolution: number,
    mode: 'primary' | 'classes' | 'curve',
    out?: Float32Array | Float64Array,
  ) {
    const res = Math.min(
      TRAIN_LIMITS.maxGridResolution,
      Math.max(1, Math.round(Number.isFinite(resolution) ? resolution : 1)),
    );
    const per = mode === 'classes' ? this.net.sizes[this.net.depth] : 1;
    const len = (mode === 'curve' ? res : res * res) * per;
    const o = out && out.length >= len ? out : new Float32Array(len);
    fillGrid(this.net, this.features, this.dataset.extent as Extent, res, mode, o);
    return o;
  }

  gradientNorms(): number[] {
    return evalGradients(
      this.net,
      this.trainX,
      this.dataset.train.label,
      this.dataset.train.length,
    );
  }

  deadFraction(): number[] {
    return evalDead(this.net, this.trainX, this.dataset.train.length);
  }

  predict(points: number[][]): (number | number[])[] {
    return predictPoints(this.net, this.features, this.dataset, points);
  }

  getWeights(): Float64Array {
    return this.net.params.slice();
  }

  setWeights(w: ArrayLike<number>): boolean {
    const p = this.net.params;
    if (!w || w.length !== p.length) return false;
    for (let k = 0; k < p.length; k++) if (!Number.isFinite(w[k])) return false;
    for (let k = 0; k < p.length; k++) p[k] = w[k];
    this.opt.setState(
      this.opt.getState().map((s) => s.fill(0)),
      0,
    );
    this.diverged = undefined;
    this.error = undefined;
    this.lastGood.set(p);
    this.lastResult = this.evaluate();
    return true;
  }
}

/** True if every |a[k]| ≤ `divergenceLimit` (false for NaN, which fails every comparison). */
function withinLimit(a: Float64Array): boolean {
  const lim = TRAIN_LIMITS.divergenceLimit;
  for (let k = 0; k < a.length; k++) if (!(Math.abs(a[k]) <= lim)) return false;
  return true;
}

/** Validates `config` and creates a trainer, or returns the errors. Never throws. */
export function tryCreateTrainerWith(config: unknown, lookup: ActivationLookup): CreateResult {
  const v = validateWith(config, lookup);
  if (!v.ok) return v;
  try {
    return { ok: true, trainer: new TrainerImpl(v.config), warnings: v.warnings };
  } catch (e) {
    // Only a custom activation can throw here (while evaluating the initial loss).
    const message = `activation throws: ${e instanceof Error ? e.message : String(e)}`;
    return {
      ok: false,
      errors: [{ field: 'activation', code: 'invalid', message }],
      warnings: v.warnings,
    };
  }
}

/** Creates a trainer; throws `TrainerConfigError` (and nothing else) if the config is invalid. */
export function createTrainerWith(config: unknown, lookup: ActivationLookup): Trainer {
  const r = tryCreateTrainerWith(config, lookup);
  if (!r.ok) throw new TrainerConfigError(r.errors);
  return r.trainer;
}

/**
 * The one rule for `step(epochs)`: undefined means 1; a finite integer ≥ 0 trains that many epochs,
 * capped at `TRAIN_LIMITS.maxEpochsPerStep`; anything else (a string, NaN, ±Infinity, 2.5, a
 * negative number) trains none.
 */
export function epochCount(epochs: unknown = 1): number {
  if (typeof epochs !== 'number' || !Number.isInteger(epochs) || epochs < 0) return 0;
  return Math.min(TRAIN_LIMITS.maxEpochsPerStep, epochs);
}
