/**
 * Early stopping of one run, decided after every epoch from its test loss L(e):
 * - `target`: stop at the first epoch e with L(e) ≤ `targetLoss`;
 * - `plateau`: stop at the first epoch e with e − e* ≥ `patience`, where e* is the last epoch
 *   that lowered the best test loss so far by more than `PLATEAU_MIN_GAIN`
 *   (L(e*) < min over e′ < e* of L(e′) − PLATEAU_MIN_GAIN; Keras' `min_delta`).
 * A slow start (sigmoid on Circle) is a plateau too, so the default rule is the target.
 */
import type { EarlyStop, StopReason } from '../protocol/workerProtocol';

/** Smallest decrease of the best test loss (absolute) that resets the plateau's patience. */
const PLATEAU_MIN_GAIN = 1e-3;

/** The stopping rule's memory for one run. */
export class EarlyStopper {
  private best = Infinity;
  private bestEpoch = 0;

  constructor(private readonly rule: EarlyStop) {}

  /** Whether checking after every epoch is needed (any rule but `off`). */
  get active(): boolean {
    return this.rule.mode !== 'off';
  }

  /** Records the test loss of `epoch`; the reason to stop there, if the rule says so. */
  observe(epoch: number, testLoss: number): StopReason | undefined {
    switch (this.rule.mode) {
      case 'off':
        return undefined;
      case 'target':
        return testLoss <= this.rule.targetLoss ? 'target' : undefined;
      case 'plateau':
        if (testLoss < this.best - PLATEAU_MIN_GAIN) {
          this.best = Math.min(this.best, testLoss);
          this.bestEpoch = epoch;
          return undefined;
        }
        return epoch - this.bestEpoch >= this.rule.patience ? 'plateau' : undefined;
    }
  }
}
