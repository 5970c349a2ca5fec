/**
 * A loss history that never holds more than `2 × max` points: when it fills up, every other point
 * is dropped and the recording stride doubles, so a run of any length is drawn from a bounded,
 * evenly thinned series. The epochs kept are the same for every series.
 */
/** One recorded epoch. */
export interface HistoryPoint {
  epoch: number;
  train: number;
  test: number;
  accuracy: number;
}

/** The series of a history, as the progress message carries them. */
export interface HistoryArrays {
  epoch: Float64Array;
  train: Float64Array;
  test: Float64Array;
  accuracy: Float64Array;
}

export class ThinnedHistory {
  private readonly epoch: Float64Array;
  private readonly train: Float64Array;
  private readonly test: Float64Array;
  private readonly accuracy: Float64Array;
  private n = 0;
  private every = 1;

  constructor(
    private readonly max: number,
    private readonly withAccuracy: boolean,
  ) {
    this.epoch = new Float64Array(2 * max);
    this.train = new Float64Array(2 * max);
    this.test = new Float64Array(2 * max);
    this.accuracy = new Float64Array(withAccuracy ? 2 * max : 0);
  }

  /** Records epoch `e` if it falls on the current stride (epoch 0 always does). */
  add(e: number, train: number, test: number, accuracy: number): void {
    if (e % this.every !== 0) return;
    if (this.n > 0 && this.epoch[this.n - 1] >= e) return;
    if (this.n === this.epoch.length) this.halve();
    if (e % this.every !== 0) return;
    const i = this.n++;
    this.epoch[i] = e;
    this.train[i] = train;
    this.test[i] = test;
    if (this.withAccuracy) this.accuracy[i] = accuracy;
  }

  private halve(): void {
    let j = 0;
    for (let i = 0; i < this.n; i += 2, j++) {
      this.epoch[j] = this.epoch[i];
      this.train[j] = this.train[i];
      this.test[j] = this.test[i];
      if (this.withAccuracy) this.accuracy[j] = this.accuracy[i];
    }
    this.n = j;
    this.every *= 2;
  }

  /**
   * Copies of the kept points, thinned to at most `max`, ending with `latest` (the current epoch,
   * which may not fall on the stride) so the curve always reaches the read-out's numbers.
   */
  snapshot(latest?: HistoryPoint): HistoryArrays {
    const step = Math.max(1, Math.ceil(this.n / (this.max - 1)));
    const kept = Math.ceil(this.n / step);
    const extra = latest && (this.n === 0 || latest.epoch > this.epoch[this.n - 1]) ? 1 : 0;
    const m = kept + extra;
    const out = {
      epoch: new Float64Array(m),
      train: new Float64Array(m),
      test: new Float64Array(m),
      accuracy: new Float64Array(this.withAccuracy ? m : 0),
    };
    for (let k = 0; k < kept; k++) {
      const i = k * step;
      out.epoch[k] = this.epoch[i];
      out.train[k] = this.train[i];
      out.test[k] = this.test[i];
      if (this.withAccuracy) out.accuracy[k] = this.accuracy[i];
    }
    if (extra && latest) {
      out.epoch[kept] = latest.epoch;
      out.train[kept] = latest.train;
      out.test[kept] = latest.test;
      if (this.withAccuracy) out.accuracy[kept] = latest.accuracy;
    }
    return out;
  }

  /** Only epochs that are multiples of this are recorded (1, 2, 4, …). */
  get stride(): number {
    return this.every;
  }

  get length(): number {
    return this.n;
  }
}
