/**
 * One training session of the worker: the runs of a `train/start` (one run, or up to six racing
 * on the same data from the same initial-weights seed), advanced towards a common epoch goal a
 * time slice at a time. Plain TypeScript over the core trainer (no DOM, no worker globals), tested
 * in Node. The session never schedules itself; the worker calls `tick` and `progress`.
 */
import { dataMessage, MAX_HISTORY_POINTS } from '../protocol/workerProtocol';
import type {
  DataMessage,
  ProgressMessage,
  RunSpec,
  RunState,
  StartMessage,
  StopReason,
  TrainStatus,
} from '../protocol/workerProtocol';
import type { ExportFramework } from '../export/exportModel';
import { EarlyStopper } from './earlyStop';
import { ThinnedHistory } from './history';
import type { RunTrainer, TrainerFactory } from './runTrainer';

interface Run {
  spec: RunSpec;
  label: string;
  trainer: RunTrainer;
  history: ThinnedHistory;
  stopper: EarlyStopper;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy?: number;
  testAccuracy?: number;
  divergedAt?: number;
  stoppedAt?: number;
  stopReason?: StopReason;
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
  /** Epochs trained in this slice, summed over the runs. */
  epochs: number;
  /** Every live run reached the goal of this frame (`speed` epochs at a fixed speed). */
  frameDone: boolean;
  /** The status changed (paused after a step, or every run finished). */
  statusChanged: boolean;
}

/** Most epochs of one `train/step` (and of one frame while stepping). */
const MAX_STEP_FRAME = 50;

export class TrainingSession {
  readonly runId: number;
  private readonly runs: Run[];
  private status: TrainStatus;
  private epochsPerTick: number;
  /** Epoch every live run trains to in the current frame; undefined between frames. */
  private goal: number | undefined;
  /** Epoch at which a `train/step` pauses again; undefined when not stepping. */
  private stepGoal: number | undefined;
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
    if (!this.runs.some((r) => this.isLive(r))) this.status = 'done';
  }

  private buildRun(spec: RunSpec): Run {
    const built = this.factory(this.start.setup, spec.activation, this.start.table);
    if (typeof built === 'string') throw new RunError(spec.key, built);
    const trainer = built;
    const first = trainer.evaluate();
    const history = new ThinnedHistory(MAX_HISTORY_POINTS, first.testAccuracy !== undefined);
    const run: Run = {
      spec,
      label: trainer.label,
      trainer,
      history,
      stopper: new EarlyStopper(this.start.setup.earlyStop),
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
    this.checkStop(run);
    return run;
  }

  get currentStatus(): TrainStatus {
    return this.status;
  }

  /** Pauses at once: runs part-way through a frame finish it after `resume`. */
  pause(): boolean {
    if (this.status !== 'running') return false;
    this.status = 'paused';
    this.stepGoal = undefined;
    return true;
  }

  resume(): boolean {
    if (this.status !== 'paused') return false;
    this.status = 'running';
    this.stepGoal = undefined;
    return true;
  }

  /** Trains `epochs` more epochs (from the furthest live run), then pauses. */
  step(epochs: number): boolean {
    if (this.status === 'done') return false;
    this.status = 'running';
    this.stepGoal = Math.max(...this.liveRuns().map((r) => r.epoch)) + epochs;
    this.goal = undefined;
    return true;
  }

  setSpeed(epochsPerTick: number): void {
    this.epochsPerTick = epochsPerTick;
  }

  /** The speed in epochs per frame (0: as many as fit in the time budget). */
  get speed(): number {
    return this.stepGoal !== undefined ? MAX_STEP_FRAME : this.epochsPerTick;
  }

  /**
   * Trains for about `budgetMs`: every live run, the one furthest behind first, advances towards
   * the frame's goal epoch (`speed` epochs past the slowest run, or, at speed 0, as many as the
   * measured time per epoch lets fit in the budget) in chunks sized by its measured time per
   * epoch. At least one chunk is trained per call, so a slice overruns the budget by at most one
   * chunk (one epoch of one run once the times are known). A frame may span several slices.
   */
  tick(budgetMs: number): TickResult {
    if (this.status !== 'running') return { epochs: 0, frameDone: false, statusChanged: false };
    const t0 = this.now();
    const goal = (this.goal ??= this.nextGoal(budgetMs));
    let trained = 0;
    for (const run of this.liveRuns().sort((a, b) => a.epoch - b.epoch)) {
      while (this.isLive(run) && run.epoch < goal) {
        const left = budgetMs - (this.now() - t0);
        if (trained > 0 && left <= 0) break;
        // Until a run's time per epoch is measured, it trains one epoch at a time.
        const fit =
          run.epochsTimed > 0 ? Math.max(1, Math.floor(left / Math.max(msPerEpoch(run), 1e-3))) : 1;
        trained += this.advance(run, Math.min(goal - run.epoch, fit));
      }
    }
    const before = this.status;
    const live = this.liveRuns();
    const frameDone = live.every((r) => r.epoch >= goal);
    if (frameDone) this.goal = undefined;
    if (!live.length) {
      this.status = 'done';
      this.stepGoal = undefined;
    } else if (this.stepGoal !== undefined && live.every((r) => r.epoch >= this.stepGoal!)) {
      this.status = 'paused';
      this.stepGoal = undefined;
    }
    return { epochs: trained, frameDone, statusChanged: this.status !== before };
  }

  /** The epoch the live runs train to in the next frame. */
  private nextGoal(budgetMs: number): number {
    const live = this.liveRuns();
    const from = Math.min(...live.map((r) => r.epoch));
    let k = this.speed > 0 ? this.speed : this.epochsForBudget(live, budgetMs);
    if (this.stepGoal !== undefined) k = Math.min(k, this.stepGoal - from);
    return Math.min(this.start.maxEpochs, from + Math.max(1, k));
  }

  private epochsForBudget(live: Run[], budgetMs: number): number {
    let ms = 0;
    for (const r of live) ms += r.epochsTimed > 0 ? msPerEpoch(r) : 1;
    return Math.max(1, Math.floor(budgetMs / Math.max(ms, 1e-3)));
  }

  private liveRuns(): Run[] {
    return this.runs.filter((r) => this.isLive(r));
  }

  private isLive(r: Run): boolean {
    return (
      r.divergedAt === undefined && r.stoppedAt === undefined && r.epoch < this.start.maxEpochs
    );
  }

  /**
   * Trains up to `k` epochs in chunks aligned to the history's stride, so every kept point is
   * exact (one epoch at a time under an early-stopping rule, which looks at every epoch).
   * Returns the epochs trained.
   */
  private advance(run: Run, k: number): number {
    let left = k;
    while (left > 0 && this.isLive(run)) {
      const stride = run.stopper.active ? 1 : run.history.stride;
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
        break;
      }
      run.history.add(r.epoch, r.trainLoss, r.testLoss, r.testAccuracy ?? NaN);
      this.checkTarget(run);
      this.checkStop(run);
    }
    return k - left;
  }

  private checkTarget(run: Run): void {
    const target = this.start.targetLoss;
    if (target !== undefined && run.epochsToTarget === undefined && run.testLoss <= target) {
      run.epochsToTarget = run.epoch;
    }
  }

  private checkStop(run: Run): void {
    const reason = run.stopper.observe(run.epoch, run.testLoss);
    if (reason === undefined) return;
    run.stoppedAt = run.epoch;
    run.stopReason = reason;
  }

  /** The data message: the points every run trains on (they share the dataset). */
  data(): DataMessage {
    const first = this.runs[0].trainer;
    return dataMessage(first.dataset, this.runId, first.notes.slice(0, 20));
  }

  /**
   * Run `key`'s network as Python source for `framework`, with its label and epoch, or why it
   * cannot be written (no such run, or an activation without code).
   */
  exportRun(
    key: string,
    framework: ExportFramework,
  ): { source: string; label: string; epoch: number } | { error: string } {
    const run = this.runs.find((r) => r.spec.key === key);
    if (!run) return { error: `no run ${key}` };
    const code = run.trainer.exportCode(framework);
    return 'error' in code ? code : { source: code.source, label: run.label, epoch: run.epoch };
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
      msPerEpoch: r.epochsTimed > 0 ? msPerEpoch(r) : NaN,
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
    if (r.stoppedAt !== undefined) s.stoppedAt = r.stoppedAt;
    if (r.stopReason !== undefined) s.stopReason = r.stopReason;
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

/** Mean measured wall time of one epoch of a run (1 ms before anything was measured). */
function msPerEpoch(r: Run): number {
  return r.epochsTimed > 0 ? r.trainMs / r.epochsTimed : 1;
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
