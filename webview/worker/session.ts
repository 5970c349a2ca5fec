/**
 * One training session of the worker: the runs of a `train/start` (one run, or up to six racing
 * on the same data from the same initial-weights seed), advanced in lockstep a slice at a time.
 * Plain TypeScript over the core trainer (no DOM, no worker globals), so it is tested in Node.
 * The session never schedules itself; the worker calls `tick` and `progress`.
 */
import { dataMessage, MAX_HISTORY_POINTS } from '../../src/core/protocol/workerProtocol';
import type {
  DataMessage,
  ProgressMessage,
  RunSpec,
  RunState,
  StartMessage,
  TrainStatus,
} from '../../src/core/protocol/workerProtocol';
import { ThinnedHistory } from './history';
import type { RunTrainer, TrainerFactory } from './trainerAdapter';

interface Run {
  spec: RunSpec;
  label: string;
  trainer: RunTrainer;
  history: ThinnedHistory;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy?: number;
  testAccuracy?: number;
  divergedAt?: number;
  epochsToTarget?: number;
  trainMs: number;
  epochsTimed: number;
  gradNormsInit?: number[];
  gradNorms?: number[];
  deadFraction?: number[];
  grid?: Float32Array;
  /** Epoch at which `grid` and the gradients were computed. */
  viewEpoch?: number;
}

/** What `tick` did, for the worker's scheduling. */
export interface TickResult {
  /** Epochs each live run advanced. */
  epochs: number;
  /** The status changed (paused after a step, or every run finished). */
  statusChanged: boolean;
}

export class TrainingSession {
  readonly runId: number;
  private readonly runs: Run[];
  private status: TrainStatus;
  private epochsPerTick: number;
  /** Epochs still to train for a `train/step` before pausing again. */
  private stepsLeft = 0;
  private readonly gridChannels: number;

  /** Builds every run; throws an `Error` whose message names the run that could not be built. */
  constructor(
    private readonly start: StartMessage,
    private readonly factory: TrainerFactory,
    private readonly now: () => number,
  ) {
    this.runId = start.runId;
    this.epochsPerTick = start.epochsPerTick;
    this.runs = start.runs.map((spec) => this.buildRun(spec));
    this.gridChannels = this.runs[0].trainer.gridChannels;
    this.status = start.paused ? 'paused' : 'running';
  }

  private buildRun(spec: RunSpec): Run {
    const built = this.factory(this.start.setup, spec.activation);
    if (typeof built === 'string') throw new RunError(spec.key, built);
    const trainer = built;
    const first = trainer.evaluate();
    const history = new ThinnedHistory(MAX_HISTORY_POINTS, first.testAccuracy !== undefined);
    const run: Run = {
      spec,
      label: trainer.label,
      trainer,
      history,
      epoch: 0,
      trainLoss: first.trainLoss,
      testLoss: first.testLoss,
      trainAccuracy: first.trainAccuracy,
      testAccuracy: first.testAccuracy,
      trainMs: 0,
      epochsTimed: 0,
    };
    history.add(0, first.trainLoss, first.testLoss, first.testAccuracy ?? NaN);
    if (this.start.gradients) run.gradNormsInit = trainer.gradientNorms();
    this.checkTarget(run);
    return run;
  }

  get currentStatus(): TrainStatus {
    return this.status;
  }

  pause(): boolean {
    if (this.status !== 'running') return false;
    this.status = 'paused';
    this.stepsLeft = 0;
    return true;
  }

  resume(): boolean {
    if (this.status !== 'paused') return false;
    this.status = 'running';
    this.stepsLeft = 0;
    return true;
  }

  /** Trains `epochs` more epochs, then pauses. */
  step(epochs: number): boolean {
    if (this.status === 'done') return false;
    this.status = 'running';
    this.stepsLeft = epochs;
    return true;
  }

  setSpeed(epochsPerTick: number): void {
    this.epochsPerTick = epochsPerTick;
  }

  /** The speed in epochs per tick (0: as many as fit in the time budget). */
  get speed(): number {
    return this.stepsLeft > 0 ? Math.min(this.stepsLeft, 50) : this.epochsPerTick;
  }

  /**
   * Advances every live run by the same number of epochs: `epochsPerTick`, or, when that is 0, as
   * many as the measured time per epoch lets fit in `budgetMs`.
   */
  tick(budgetMs: number): TickResult {
    if (this.status !== 'running') return { epochs: 0, statusChanged: false };
    const live = this.runs.filter((r) => this.isLive(r));
    let k = this.speed > 0 ? this.speed : this.epochsForBudget(live, budgetMs);
    if (this.stepsLeft > 0) k = Math.min(k, this.stepsLeft);
    const remaining = this.start.maxEpochs - Math.max(0, ...live.map((r) => r.epoch));
    k = Math.max(0, Math.min(k, remaining));
    for (const run of live) this.advance(run, k);
    const before = this.status;
    if (this.stepsLeft > 0) {
      this.stepsLeft -= k;
      if (this.stepsLeft <= 0) this.status = 'paused';
    }
    if (!this.runs.some((r) => this.isLive(r))) this.status = 'done';
    return { epochs: k, statusChanged: this.status !== before };
  }

  private epochsForBudget(live: Run[], budgetMs: number): number {
    let ms = 0;
    for (const r of live) ms += r.epochsTimed > 0 ? r.trainMs / r.epochsTimed : 1;
    return Math.max(1, Math.floor(budgetMs / Math.max(ms, 1e-3)));
  }

  private isLive(r: Run): boolean {
    return r.divergedAt === undefined && r.epoch < this.start.maxEpochs;
  }

  /** Trains `k` epochs in chunks aligned to the history's stride, so every kept point is exact. */
  private advance(run: Run, k: number): void {
    let left = k;
    while (left > 0) {
      const stride = run.history.stride;
      const chunk = Math.min(left, stride - (run.epoch % stride));
      const t0 = this.now();
      const r = run.trainer.step(chunk);
      run.trainMs += this.now() - t0;
      run.epochsTimed += chunk;
      left -= chunk;
      run.epoch = r.epoch;
      run.trainLoss = r.trainLoss;
      run.testLoss = r.testLoss;
      run.trainAccuracy = r.trainAccuracy;
      run.testAccuracy = r.testAccuracy;
      if (r.diverged || !Number.isFinite(r.trainLoss) || !Number.isFinite(r.testLoss)) {
        run.divergedAt = r.epoch;
        return;
      }
      run.history.add(r.epoch, r.trainLoss, r.testLoss, r.testAccuracy ?? NaN);
      this.checkTarget(run);
    }
  }

  private checkTarget(run: Run): void {
    const target = this.start.targetLoss;
    if (target !== undefined && run.epochsToTarget === undefined && run.testLoss <= target) {
      run.epochsToTarget = run.epoch;
    }
  }

  /** The data message: the points every run trains on (they share the dataset). */
  data(): DataMessage {
    const first = this.runs[0].trainer;
    return dataMessage(first.dataset, this.runId, first.notes.slice(0, 20));
  }

  /** The complete state of every run (grids and gradients computed now). */
  progress(): ProgressMessage {
    const res = this.start.gridResolution;
    return {
      type: 'train/progress',
      runId: this.runId,
      status: this.status,
      maxEpochs: this.start.maxEpochs,
      gridResolution: res,
      gridChannels: res > 0 ? this.gridChannels : 0,
      runs: this.runs.map((r) => this.runState(r, res)),
    };
  }

  private runState(r: Run, res: number): RunState {
    const s: RunState = {
      key: r.spec.key,
      label: r.label,
      epoch: r.epoch,
      trainLoss: r.trainLoss,
      testLoss: r.testLoss,
      msPerEpoch: r.epochsTimed > 0 ? r.trainMs / r.epochsTimed : NaN,
      history: r.history.snapshot({
        epoch: r.epoch,
        train: r.trainLoss,
        test: r.testLoss,
        accuracy: r.testAccuracy ?? NaN,
      }),
    };
    if (r.trainAccuracy !== undefined) s.trainAccuracy = r.trainAccuracy;
    if (r.testAccuracy !== undefined) s.testAccuracy = r.testAccuracy;
    if (r.divergedAt !== undefined) s.divergedAt = r.divergedAt;
    if (r.epochsToTarget !== undefined) s.epochsToTarget = r.epochsToTarget;
    // Recomputed only when the weights changed. A diverged run keeps its last finite weights
    // (the trainer restores them), so its picture is the last good one, never NaN.
    if (r.viewEpoch !== r.epoch || (res > 0 && !r.grid)) {
      r.viewEpoch = r.epoch;
      if (res > 0) r.grid = r.trainer.predictGrid(res, r.grid);
      if (this.start.gradients) {
        r.gradNorms = r.trainer.gradientNorms();
        r.deadFraction = r.trainer.deadFraction();
      }
    }
    if (r.grid) s.grid = r.grid;
    if (r.gradNorms) s.gradNorms = r.gradNorms;
    if (r.deadFraction) s.deadFraction = r.deadFraction;
    if (r.gradNormsInit) s.gradNormsInit = r.gradNormsInit;
    return s;
  }
}

/** A run that could not be built (unknown activation, bad formula, rejected configuration). */
export class RunError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}
