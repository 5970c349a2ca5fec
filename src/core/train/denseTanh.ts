/**
 * The dense-layer loops of `dense.ts` specialised for a tanh layer: the forward product followed
 * by tanh in the same call, and the input gradient multiplied by the tanh derivative 1 − a² in
 * the same pass. They are separate functions, not a flag on the shared kernels: a flag that
 * inlined one more activation into `denseForward`/`denseGradInput` made V8 stop inlining and
 * slowed every network down. Fused, a tanh layer needs no z buffer and no call into the generic
 * activation loops.
 *
 * A deliberate kernel: the loops repeat `dense.ts`'s register blocks on purpose. The readable
 * version is `denseReference.ts`; test/unit/trainGradients.test.ts checks these equal the generic
 * kernels followed by tanh, and test/unit/denseKernels.test.ts checks those against the reference.
 */
import { tanhTrain } from './fastMath';

/**
 * a[r, j] = tanh(b[j] + Σᵢ W[j, i]·x[r, i]) for r < rows, with the tanh of `tanhTrain` and the
 * operands in `m` as for `denseForward`: the same product (2 × 4 blocking), then one loop over
 * the block that applies tanh in place (a single inlined copy of the rational, whose constants
 * then stay in registers).
 */
export function denseForwardTanh(
  m: Float64Array,
  wOff: number,
  bOff: number,
  nIn: number,
  nOut: number,
  xOff: number,
  aOff: number,
  rows: number,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const xa = xOff + r * nIn;
    const xb = xa + nIn;
    const za = aOff + r * nOut;
    const zb = za + nOut;
    let j = 0;
    for (; j + 3 < nOut; j += 4) {
      const w0 = wOff + j * nIn;
      const w1 = w0 + nIn;
      const w2 = w1 + nIn;
      const w3 = w2 + nIn;
      let s0 = m[bOff + j];
      let s1 = m[bOff + j + 1];
      let s2 = m[bOff + j + 2];
      let s3 = m[bOff + j + 3];
      let t0 = s0;
      let t1 = s1;
      let t2 = s2;
      let t3 = s3;
      for (let i = 0; i < nIn; i++) {
        const u = m[xa + i];
        const v = m[xb + i];
        const c0 = m[w0 + i];
        const c1 = m[w1 + i];
        const c2 = m[w2 + i];
        const c3 = m[w3 + i];
        s0 += c0 * u;
        s1 += c1 * u;
        s2 += c2 * u;
        s3 += c3 * u;
        t0 += c0 * v;
        t1 += c1 * v;
        t2 += c2 * v;
        t3 += c3 * v;
      }
      m[za + j] = s0;
      m[za + j + 1] = s1;
      m[za + j + 2] = s2;
      m[za + j + 3] = s3;
      m[zb + j] = t0;
      m[zb + j + 1] = t1;
      m[zb + j + 2] = t2;
      m[zb + j + 3] = t3;
    }
    for (; j < nOut; j++) {
      const w0 = wOff + j * nIn;
      let s = m[bOff + j];
      let t = s;
      for (let i = 0; i < nIn; i++) {
        const c = m[w0 + i];
        s += c * m[xa + i];
        t += c * m[xb + i];
      }
      m[za + j] = s;
      m[zb + j] = t;
    }
  }
  for (; r < rows; r++) {
    const xo = xOff + r * nIn;
    const zo = aOff + r * nOut;
    for (let j = 0; j < nOut; j++) {
      const w0 = wOff + j * nIn;
      let s = m[bOff + j];
      for (let i = 0; i < nIn; i++) s += m[w0 + i] * m[xo + i];
      m[zo + j] = s;
    }
  }
  const end = aOff + rows * nOut;
  for (let k = aOff; k < end; k++) m[k] = tanhTrain(m[k]);
}

/**
 * dx[r, i] = (Σⱼ W[j, i]·d[r, j])·(1 − x[r, i]²): the input gradient of `denseGradInput` (same
 * operands in `m`) times the tanh derivative of the layer below, whose output x = tanh z is this
 * layer's input. The result is ∂L/∂z of the layer below. Blocked 2 rows × 4 inputs.
 */
export function denseGradInputTanh(
  m: Float64Array,
  wOff: number,
  nIn: number,
  nOut: number,
  dOff: number,
  dxOff: number,
  rows: number,
  xOff: number,
): void {
  // x and dx have the same shape: the same index plus this shift reads x.
  const xs = xOff - dxOff;
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const da = dOff + r * nOut;
    const db = da + nOut;
    const xa = dxOff + r * nIn;
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
        const u = m[da + j];
        const v = m[db + j];
        const w = wOff + j * nIn + i;
        const c0 = m[w];
        const c1 = m[w + 1];
        const c2 = m[w + 2];
        const c3 = m[w + 3];
        s0 += c0 * u;
        s1 += c1 * u;
        s2 += c2 * u;
        s3 += c3 * u;
        t0 += c0 * v;
        t1 += c1 * v;
        t2 += c2 * v;
        t3 += c3 * v;
      }
      const y0 = m[xs + xa + i];
      const y1 = m[xs + xa + i + 1];
      const y2 = m[xs + xa + i + 2];
      const y3 = m[xs + xa + i + 3];
      const q0 = m[xs + xb + i];
      const q1 = m[xs + xb + i + 1];
      const q2 = m[xs + xb + i + 2];
      const q3 = m[xs + xb + i + 3];
      m[xa + i] = s0 * (1 - y0 * y0);
      m[xa + i + 1] = s1 * (1 - y1 * y1);
      m[xa + i + 2] = s2 * (1 - y2 * y2);
      m[xa + i + 3] = s3 * (1 - y3 * y3);
      m[xb + i] = t0 * (1 - q0 * q0);
      m[xb + i + 1] = t1 * (1 - q1 * q1);
      m[xb + i + 2] = t2 * (1 - q2 * q2);
      m[xb + i + 3] = t3 * (1 - q3 * q3);
    }
    for (; i < nIn; i++) {
      let s = 0;
      let t = 0;
      for (let j = 0; j < nOut; j++) {
        const c = m[wOff + j * nIn + i];
        s += c * m[da + j];
        t += c * m[db + j];
      }
      const y = m[xs + xa + i];
      const q = m[xs + xb + i];
      m[xa + i] = s * (1 - y * y);
      m[xb + i] = t * (1 - q * q);
    }
  }
  for (; r < rows; r++) {
    const dO = dOff + r * nOut;
    const xo = dxOff + r * nIn;
    for (let i = 0; i < nIn; i++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += m[wOff + j * nIn + i] * m[dO + j];
      const y = m[xs + xo + i];
      m[xo + i] = s * (1 - y * y);
    }
  }
}
