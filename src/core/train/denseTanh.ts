/**
 * The dense-layer loops of `dense.ts` specialised for a tanh layer: the forward product followed
 * by tanh in the same call, and the input gradient multiplied by the tanh derivative 1 − a² in
 * the same pass. They are separate functions, not a flag on the shared kernels: a flag that
 * inlined one more activation into `denseForward`/`denseGradInput` made V8 stop inlining and
 * slowed every network down. Fused, a tanh layer needs no z buffer and no call into the generic
 * activation loops.
 */
import { tanhTrain } from './fastMath';

/**
 * a[r, j] = tanh(b[j] + Σᵢ W[j, i]·x[r, i]) for r < rows, with the tanh of `tanhTrain`: the
 * product of `denseForward` (same 2 × 4 blocking), then one loop over the block that applies tanh
 * in place (a single inlined copy of the rational, whose constants then stay in registers).
 */
export function denseForwardTanh(
  p: Float64Array,
  wOff: number,
  bOff: number,
  nIn: number,
  nOut: number,
  x: Float64Array,
  a: Float64Array,
  rows: number,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const xa = r * nIn;
    const xb = xa + nIn;
    const za = r * nOut;
    const zb = za + nOut;
    let j = 0;
    for (; j + 3 < nOut; j += 4) {
      const w0 = wOff + j * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      let s0 = p[bOff + j];
      let s1 = p[bOff + j + 1];
      let s2 = p[bOff + j + 2];
      let s3 = p[bOff + j + 3];
      let t0 = s0;
      let t1 = s1;
      let t2 = s2;
      let t3 = s3;
      for (let i = 0; i < nIn; i++) {
        const u = x[xa + i];
        const v = x[xb + i];
        const c0 = p[w0 + i];
        const c1 = p[w1 + i];
        const c2 = p[w2 + i];
        const c3 = p[w3 + i];
        s0 += c0 * u;
        s1 += c1 * u;
        s2 += c2 * u;
        s3 += c3 * u;
        t0 += c0 * v;
        t1 += c1 * v;
        t2 += c2 * v;
        t3 += c3 * v;
      }
      a[za + j] = s0;
      a[za + j + 1] = s1;
      a[za + j + 2] = s2;
      a[za + j + 3] = s3;
      a[zb + j] = t0;
      a[zb + j + 1] = t1;
      a[zb + j + 2] = t2;
      a[zb + j + 3] = t3;
    }
    for (; j < nOut; j++) {
      const w0 = wOff + j * nIn;
      let s = p[bOff + j];
      let t = s;
      for (let i = 0; i < nIn; i++) {
        const c = p[w0 + i];
        s += c * x[xa + i];
        t += c * x[xb + i];
      }
      a[za + j] = s;
      a[zb + j] = t;
    }
  }
  for (; r < rows; r++) {
    const xo = r * nIn;
    const zo = r * nOut;
    for (let j = 0; j < nOut; j++) {
      const w0 = wOff + j * nIn;
      let s = p[bOff + j];
      for (let i = 0; i < nIn; i++) s += p[w0 + i] * x[xo + i];
      a[zo + j] = s;
    }
  }
  const n = rows * nOut;
  for (let k = 0; k < n; k++) a[k] = tanhTrain(a[k]);
}

/**
 * dx[r, i] = (Σⱼ W[j, i]·d[r, j])·(1 − x[r, i]²): the input gradient of `denseGradInput` times
 * the tanh derivative of the layer below, whose output x = tanh z is this layer's input. The
 * result is ∂L/∂z of the layer below. Blocked 2 rows × 4 inputs.
 */
export function denseGradInputTanh(
  p: Float64Array,
  wOff: number,
  nIn: number,
  nOut: number,
  d: Float64Array,
  dx: Float64Array,
  rows: number,
  x: Float64Array,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const da = r * nOut;
    const db = da + nOut;
    const xa = r * nIn;
    const xb = xa + nIn;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let j = 0; j < nOut; j++) {
        const u = d[da + j];
        const v = d[db + j];
        const w = wOff + j * nIn + i;
        const c0 = p[w];
        const c1 = p[w + 1];
        const c2 = p[w + 2];
        const c3 = p[w + 3];
        s0 += c0 * u;
        s1 += c1 * u;
        s2 += c2 * u;
        s3 += c3 * u;
        t0 += c0 * v;
        t1 += c1 * v;
        t2 += c2 * v;
        t3 += c3 * v;
      }
      const y0 = x[xa + i];
      const y1 = x[xa + i + 1];
      const y2 = x[xa + i + 2];
      const y3 = x[xa + i + 3];
      const q0 = x[xb + i];
      const q1 = x[xb + i + 1];
      const q2 = x[xb + i + 2];
      const q3 = x[xb + i + 3];
      dx[xa + i] = s0 * (1 - y0 * y0);
      dx[xa + i + 1] = s1 * (1 - y1 * y1);
      dx[xa + i + 2] = s2 * (1 - y2 * y2);
      dx[xa + i + 3] = s3 * (1 - y3 * y3);
      dx[xb + i] = t0 * (1 - q0 * q0);
      dx[xb + i + 1] = t1 * (1 - q1 * q1);
      dx[xb + i + 2] = t2 * (1 - q2 * q2);
      dx[xb + i + 3] = t3 * (1 - q3 * q3);
    }
    for (; i < nIn; i++) {
      let s = 0;
      let t = 0;
      for (let j = 0; j < nOut; j++) {
        const c = p[wOff + j * nIn + i];
        s += c * d[da + j];
        t += c * d[db + j];
      }
      const y = x[xa + i];
      const q = x[xb + i];
      dx[xa + i] = s * (1 - y * y);
      dx[xb + i] = t * (1 - q * q);
    }
  }
  for (; r < rows; r++) {
    const dO = r * nOut;
    const xo = r * nIn;
    for (let i = 0; i < nIn; i++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += p[wOff + j * nIn + i] * d[dO + j];
      const y = x[xo + i];
      dx[xo + i] = s * (1 - y * y);
    }
  }
}
