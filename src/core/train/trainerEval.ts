/**
 * Whole-set evaluations of a network, chunk by chunk through its preallocated buffers:
 * mean loss and accuracy, the full training-set gradient per layer, dead units, and the
 * prediction grid. Chunks of at most `net.capacity` rows are copied into a[0].
 */
import type { Extent } from './datasets';
import type { FeatureMap } from './features';
import type { Network } from './network';

// One scratch cell for the correct-prediction count, so `lossSum` needs no result object.
const correct = new Float64Array(1);

/** Copies rows [start, start + rows) of the row-major matrix X into a[0]. */
function load(net: Network, X: Float64Array, start: number, rows: number): void {
  const k = net.sizes[0];
  const a0 = net.a[0];
  const o = start * k;
  for (let q = 0; q < rows * k; q++) a0[q] = X[o + q];
}

/** Mean per-sample loss over the n rows of X and the fraction predicted correctly (see `Network.lossSum`). */
export function evalLoss(
  net: Network,
  X: Float64Array,
  labels: Float64Array,
  n: number,
): { loss: number; accuracy: number } {
  let sum = 0;
  correct[0] = 0;
  for (let s = 0; s < n; s += net.capacity) {
    const rows = Math.min(net.capacity, n - s);
    load(net, X, s, rows);
    net.forward(rows);
    sum += net.lossSum(rows, labels, s, correct);
  }
  return { loss: n > 0 ? sum / n : NaN, accuracy: n > 0 ? correct[0] / n : NaN };
}

/**
 * Mean |∂L/∂W_l| for each weight layer l, where L is the mean loss over all n rows. The gradient
 * is accumulated chunk by chunk (each chunk's output gradient scaled by 1/n). Overwrites `grads`.
 */
export function evalGradients(
  net: Network,
  X: Float64Array,
  labels: Float64Array,
  n: number,
): number[] {
  const acc = new Float64Array(net.params.length);
  for (let s = 0; s < n; s += net.capacity) {
    const rows = Math.min(net.capacity, n - s);
    load(net, X, s, rows);
    net.forward(rows);
    net.outputGrad(rows, labels, s, 1 / n);
    net.backward(rows);
    for (let k = 0; k < acc.length; k++) acc[k] += net.grads[k];
  }
  const out: number[] = [];
  for (let l = 1; l <= net.depth; l++) {
    const o = net.wOff[l - 1];
    const m = net.weightCount(l);
    let s = 0;
    for (let k = o; k < o + m; k++) s += Math.abs(acc[k]);
    out.push(s / m);
  }
  return out;
}

/** Per hidden layer, the fraction of units with output exactly 0 on all n rows of X. */
export function evalDead(net: Network, X: Float64Array, n: number): number[] {
  const alive = net.sizes.map((w) => new Uint8Array(w));
  for (let s = 0; s < n; s += net.capacity) {
    const rows = Math.min(net.capacity, n - s);
    load(net, X, s, rows);
    net.forward(rows);
    for (let l = 1; l < net.depth; l++) {
      const w = net.sizes[l];
      const a = net.a[l];
      const al = alive[l];
      for (let k = 0; k < rows * w; k++) if (a[k] !== 0) al[k % w] = 1;
    }
  }
  const out: number[] = [];
  for (let l = 1; l < net.depth; l++) {
    let dead = 0;
    for (const v of alive[l]) if (v === 0) dead++;
    out.push(dead / net.sizes[l]);
  }
  return out;
}

/**
 * Fills `out` with predictions at cell centres over `extent` (layout documented on
 * `Trainer.predictGrid`). `primary`: one value per cell (p₁, ŷ or argmax class); `classes`: K
 * probabilities per cell; `curve`: `res` values along x at y = 0.
 */
export function fillGrid(
  net: Network,
  features: FeatureMap,
  extent: Extent,
  res: number,
  mode: 'primary' | 'classes' | 'curve',
  out: Float32Array | Float64Array,
): void {
  const curve = mode === 'curve';
  const cells = curve ? res : res * res;
  const dx = (extent.xMax - extent.xMin) / res;
  const dy = (extent.yMax - extent.yMin) / res;
  const xs = Float64Array.from({ length: res }, (_, c) => extent.xMin + (c + 0.5) * dx);
  const ys = curve
    ? new Float64Array(1)
    : Float64Array.from({ length: res }, (_, r) => extent.yMax - (r + 0.5) * dy);
  const { cols, rows: rowTable, xy } = features.gridTables(xs, ys);
  const xyMean = xy >= 0 ? features.mean[xy] : 0;
  const xyInv = xy >= 0 ? features.invStd[xy] : 0;
  const k = net.sizes[0];
  const K = net.sizes[net.depth];
  const x0 = net.a[0];
  const outA = net.a[net.depth];
  const softmax = net.head === 'softmax';
  for (let s = 0; s < cells; s += net.capacity) {
    const rows = Math.min(net.capacity, cells - s);
    for (let r = 0; r < rows; r++) {
      const cell = s + r;
      const row = curve ? 0 : Math.floor(cell / res);
      const col = cell - row * res;
      const o = r * k;
      const co = col * k;
      const ro = row * k;
      for (let f = 0; f < k; f++) x0[o + f] = cols[co + f] + rowTable[ro + f];
      if (xy >= 0) x0[o + xy] = (xs[col] * ys[row] - xyMean) * xyInv;
    }
    net.forward(rows);
    if (mode === 'classes') {
      for (let q = 0; q < rows * K; q++) out[s * K + q] = outA[q];
    } else if (!softmax) {
      for (let r = 0; r < rows; r++) out[s + r] = outA[r];
    } else {
      for (let r = 0; r < rows; r++) {
        let arg = 0;
        for (let c = 1; c < K; c++) if (outA[r * K + c] > outA[r * K + arg]) arg = c;
        out[s + r] = arg;
      }
    }
  }
}
