/**
 * A fully connected network in typed arrays, evaluated a layer at a time on a block of rows.
 *
 * Layers l = 1 … L map a[l−1] (rows × n[l−1]) to z[l] = a[l−1]·W_lᵀ + b_l and a[l] = f_l(z[l]);
 * hidden layers use their activation, the output layer its head: sigmoid (binary), softmax
 * (multi-class) or identity (regression). All parameters live in one Float64Array `params`
 * laid out per layer as [W_l (n[l] × n[l−1], row-major), b_l], so the optimisers run one loop.
 * Every buffer is allocated once, for `capacity` rows, as a view into one Float64Array `mem`,
 * which the dense kernels address by offsets (see `dense.ts` for why one array).
 */
import { K_RELU, K_TANH } from './activations';
import type { LayerActivation } from './activations';
import { expFast } from './fastMath';
import { activateBackward, activateForward } from './activationLoops';
import { denseForward, denseGradInput, denseGradParams } from './dense';
import { denseForwardTanh, denseGradInputTanh } from './denseTanh';

/** Output head and its loss. */
export type Head = 'sigmoid' | 'softmax' | 'linear';

export class Network {
  /** Layer widths n[0] (inputs) … n[L] (outputs). */
  readonly sizes: readonly number[];
  /** Number of weight layers L. */
  readonly depth: number;
  /** All the buffers below, as views into this one array. */
  readonly mem: Float64Array;
  readonly params: Float64Array;
  /** ∂L/∂params of the last `backward` (same layout as `params`). */
  readonly grads: Float64Array;
  /** Offset of W_l and b_l in `params` (and in `mem`), index l − 1. */
  readonly wOff: Int32Array;
  readonly bOff: Int32Array;
  /** Rows each buffer holds. */
  readonly capacity: number;
  /** a[0] is the input block; a[l] the output of layer l (a[L] = probabilities or predictions). */
  readonly a: Float64Array[];
  /** z[l], pre-activations (z[0] unused). */
  readonly z: Float64Array[];
  /** d[l] = ∂L/∂z[l] during backward (d[0] unused). */
  readonly d: Float64Array[];
  /** Offsets of a[l], z[l], d[l] and `grads` in `mem`. */
  private readonly aOff: number[];
  private readonly zOff: number[];
  private readonly dOff: number[];
  private readonly gOff: number;
  /** Offset in `mem` of the learning rate `denseGradParams` reads (0: write plain gradients). */
  private readonly rateOff: number;
  readonly acts: readonly LayerActivation[];
  readonly head: Head;

  constructor(
    sizes: readonly number[],
    acts: readonly LayerActivation[],
    head: Head,
    capacity: number,
  ) {
    this.sizes = sizes.slice();
    this.depth = sizes.length - 1;
    this.acts = acts.slice();
    this.head = head;
    this.capacity = capacity;
    this.wOff = new Int32Array(this.depth);
    this.bOff = new Int32Array(this.depth);
    let off = 0;
    for (let l = 1; l <= this.depth; l++) {
      this.wOff[l - 1] = off;
      off += sizes[l] * sizes[l - 1];
      this.bOff[l - 1] = off;
      off += sizes[l];
    }
    const nParams = off;
    // Layout of `mem`: params, grads, the rate, then a[0 … L], z[1 … L], d[1 … L].
    this.gOff = nParams;
    this.rateOff = 2 * nParams;
    let end = this.rateOff + 1;
    const place = (n: number) => {
      const at = end;
      end += n;
      return at;
    };
    this.aOff = sizes.map((n) => place(capacity * n));
    this.zOff = sizes.map((n, l) => place(l === 0 ? 0 : capacity * n));
    this.dOff = sizes.map((n, l) => place(l === 0 ? 0 : capacity * n));
    this.mem = new Float64Array(end);
    const view = (at: number, n: number) => this.mem.subarray(at, at + n);
    this.params = view(0, nParams);
    this.grads = view(this.gOff, nParams);
    this.a = sizes.map((n, l) => view(this.aOff[l], capacity * n));
    this.z = sizes.map((n, l) => view(this.zOff[l], l === 0 ? 0 : capacity * n));
    this.d = sizes.map((n, l) => view(this.dOff[l], l === 0 ? 0 : capacity * n));
  }

  /** Number of weights (excluding biases) of layer l, 1-based. */
  weightCount(l: number): number {
    return this.sizes[l] * this.sizes[l - 1];
  }

  /**
   * Forward pass of the first `rows` rows of a[0]; fills a[1 … L] and z[1 … L], except z[l] of
   * ReLU and tanh layers, whose activation is fused into the dense pass (their backward reads a[l]).
   */
  forward(rows: number): void {
    const L = this.depth;
    for (let l = 1; l <= L; l++) {
      const n = this.sizes[l];
      const kernel = l < L ? this.acts[l - 1].kernel : -1;
      // The same layer geometry for both kernels: weights, bias, fan-in, fan-out, input rows.
      const w = this.wOff[l - 1];
      const b = this.bOff[l - 1];
      const fanIn = this.sizes[l - 1];
      const aIn = this.aOff[l - 1];
      if (kernel === K_TANH) {
        denseForwardTanh(this.mem, w, b, fanIn, n, aIn, this.aOff[l], rows);
        continue;
      }
      const relu = kernel === K_RELU;
      denseForward(this.mem, w, b, fanIn, n, aIn, relu ? this.aOff[l] : this.zOff[l], rows, relu);
      if (l < L && !relu) activateForward(this.acts[l - 1], this.z[l], this.a[l], rows * n);
    }
    this.applyHead(rows);
  }

  private applyHead(rows: number): void {
    const n = this.sizes[this.depth];
    const z = this.z[this.depth];
    const a = this.a[this.depth];
    if (this.head === 'sigmoid') {
      for (let r = 0; r < rows; r++) a[r] = 1 / (1 + expFast(-z[r]));
    } else if (this.head === 'linear') {
      for (let k = 0; k < rows * n; k++) a[k] = z[k];
    } else {
      for (let r = 0; r < rows; r++) {
        const o = r * n;
        let m = z[o];
        for (let c = 1; c < n; c++) if (z[o + c] > m) m = z[o + c];
        let s = 0;
        for (let c = 0; c < n; c++) {
          const e = expFast(z[o + c] - m);
          a[o + c] = e;
          s += e;
        }
        const inv = 1 / s;
        for (let c = 0; c < n; c++) a[o + c] *= inv;
      }
    }
  }

  /**
   * Sets d[L] = ∂L/∂z[L] for the loss Σ_r ℓ_r scaled by `scale` (1/rows for a batch mean).
   * Sigmoid + BCE and softmax + CE give p − y (y one-hot for softmax); linear + squared error
   * ℓ = (ŷ − y)² gives 2(ŷ − y). `targets[tOff + r]` is the label (class index or value) of row r.
   */
  outputGrad(rows: number, targets: Float64Array, tOff: number, scale: number): void {
    const n = this.sizes[this.depth];
    const a = this.a[this.depth];
    const d = this.d[this.depth];
    if (this.head === 'softmax') {
      for (let r = 0; r < rows; r++) {
        const o = r * n;
        const y = targets[tOff + r];
        for (let c = 0; c < n; c++) d[o + c] = (a[o + c] - (c === y ? 1 : 0)) * scale;
      }
    } else if (this.head === 'sigmoid') {
      for (let r = 0; r < rows; r++) d[r] = (a[r] - targets[tOff + r]) * scale;
    } else {
      for (let r = 0; r < rows; r++) d[r] = 2 * (a[r] - targets[tOff + r]) * scale;
    }
  }

  /**
   * Sum over the first `rows` rows of the per-sample loss, from z[L] (numerically stable):
   * BCE ℓ = max(z, 0) − z·y + log(1 + e^{−|z|}); CE ℓ = log Σ_c e^{z_c} − z_y; MSE ℓ = (ŷ − y)².
   * Adds the number of correct predictions (p ≥ ½, argmax) to `correct[0]` for classification.
   */
  lossSum(rows: number, targets: Float64Array, tOff: number, correct: Float64Array): number {
    const n = this.sizes[this.depth];
    const z = this.z[this.depth];
    const a = this.a[this.depth];
    let sum = 0;
    let ok = 0;
    if (this.head === 'sigmoid') {
      for (let r = 0; r < rows; r++) {
        const v = z[r];
        const y = targets[tOff + r];
        sum += (v > 0 ? v : 0) - v * y + Math.log1p(expFast(-Math.abs(v)));
        if ((a[r] >= 0.5 ? 1 : 0) === y) ok++;
      }
    } else if (this.head === 'softmax') {
      for (let r = 0; r < rows; r++) {
        const o = r * n;
        let m = z[o];
        let arg = 0;
        for (let c = 1; c < n; c++) {
          if (z[o + c] > m) {
            m = z[o + c];
            arg = c;
          }
        }
        let s = 0;
        for (let c = 0; c < n; c++) s += expFast(z[o + c] - m);
        const y = targets[tOff + r];
        sum += m + Math.log(s) - z[o + y];
        if (arg === y) ok++;
      }
    } else {
      for (let r = 0; r < rows; r++) {
        const e = a[r] - targets[tOff + r];
        sum += e * e;
      }
    }
    correct[0] += ok;
    return sum;
  }

  /**
   * Backward pass after `forward` and `outputGrad`: propagates d[l−1] = (d[l]·W_l) ⊙ f′(z[l−1])
   * and writes ∂L/∂W_l and ∂L/∂b_l of every layer into `grads`. With `sgdLr` > 0 it applies the
   * plain SGD step to `params` instead, layer by layer once W_l has served the input gradient
   * (the result equals computing all gradients first). The input gradient is not computed.
   */
  backward(rows: number, sgdLr = 0): void {
    const m = this.mem;
    const sgd = sgdLr > 0;
    const gOff = sgd ? 0 : this.gOff;
    m[this.rateOff] = sgd ? sgdLr : 0;
    for (let l = this.depth; l >= 1; l--) {
      const nIn = this.sizes[l - 1];
      const nOut = this.sizes[l];
      const wOff = this.wOff[l - 1];
      // Deltas of this layer's output and input, and its input activations (all kernels share them).
      const dOut = this.dOff[l];
      const dIn = this.dOff[l - 1];
      const aIn = this.aOff[l - 1];
      if (l > 1 && this.acts[l - 2].kernel === K_TANH) {
        denseGradInputTanh(m, wOff, nIn, nOut, dOut, dIn, rows, aIn);
      } else if (l > 1) {
        const act = this.acts[l - 2];
        const relu = act.kernel === K_RELU;
        denseGradInput(m, wOff, nIn, nOut, dOut, dIn, rows, relu, aIn);
        if (!relu) activateBackward(act, this.z[l - 1], this.a[l - 1], this.d[l - 1], rows * nIn);
      }
      denseGradParams(
        m,
        gOff + wOff,
        gOff + this.bOff[l - 1],
        nIn,
        nOut,
        aIn,
        dOut,
        rows,
        this.rateOff,
      );
    }
  }
}
