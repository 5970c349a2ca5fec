/**
 * The dense-layer loops of the trainer on row-major blocks (row = sample): the forward product
 * z = W·x + b and its two backward products. They are register-blocked (2 × 4): eight
 * independent sums run in parallel instead of one dependent chain, and each load feeds two
 * multiply-adds. No allocation, no calls per element. `denseReference.ts` computes the same
 * products in plain loops; test/unit/denseKernels.test.ts checks the two agree.
 *
 * Every operand lives in one Float64Array `m` (the network's memory, see `Network`), addressed by
 * offsets: V8 checks the map and reloads the base of each distinct typed array on every loop
 * iteration (the loop's interrupt check makes it forget them), so one array instead of two or
 * three saves those loads (the forward product runs about 8% faster).
 *
 * A deliberate kernel: the unrolled blocks and their remainder loops repeat on purpose (a loop
 * or helper in their place lets V8 keep one dependent chain); read `denseReference.ts` for the math.
 */

/**
 * The ReLU derivative from its output a = max(z, 0) ≥ 0, without a branch: ⌈a/(a + 1)⌉ is
 * exactly 1 for a > 0 and 0 for a = 0 (NaN stays NaN).
 */
export function reluDerivative(a: number): number {
  return Math.ceil(a / (a + 1));
}

/**
 * z[r, j] = b[j] + Σᵢ W[j, i]·x[r, i] for r < rows, with W (nOut × nIn, row-major) at
 * `m[wOff …]`, b at `m[bOff …]`, x (rows × nIn) at `m[xOff …]` and z (rows × nOut) at
 * `m[zOff …]`. Blocked 2 rows × 4 outputs: each weight load feeds two sums. With `relu`, writes
 * max(z, 0) instead (the ReLU fused into the same pass).
 */
export function denseForward(
  m: Float64Array,
  wOff: number,
  bOff: number,
  nIn: number,
  nOut: number,
  xOff: number,
  zOff: number,
  rows: number,
  relu: boolean,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const xa = xOff + r * nIn;
    const xb = xa + nIn;
    const za = zOff + r * nOut;
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
      if (relu) {
        s0 = (s0 + Math.abs(s0)) * 0.5;
        s1 = (s1 + Math.abs(s1)) * 0.5;
        s2 = (s2 + Math.abs(s2)) * 0.5;
        s3 = (s3 + Math.abs(s3)) * 0.5;
        t0 = (t0 + Math.abs(t0)) * 0.5;
        t1 = (t1 + Math.abs(t1)) * 0.5;
        t2 = (t2 + Math.abs(t2)) * 0.5;
        t3 = (t3 + Math.abs(t3)) * 0.5;
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
      m[za + j] = relu ? (s + Math.abs(s)) * 0.5 : s;
      m[zb + j] = relu ? (t + Math.abs(t)) * 0.5 : t;
    }
  }
  for (; r < rows; r++) {
    const xo = xOff + r * nIn;
    const zo = zOff + r * nOut;
    for (let j = 0; j < nOut; j++) {
      const w0 = wOff + j * nIn;
      let s = m[bOff + j];
      for (let i = 0; i < nIn; i++) s += m[w0 + i] * m[xo + i];
      m[zo + j] = relu ? (s + Math.abs(s)) * 0.5 : s;
    }
  }
}

/**
 * Weight and bias gradients of a dense layer from the upstream gradient d = ∂L/∂z (rows × nOut,
 * at `m[dOff …]`) and its input x (rows × nIn, at `m[xOff …]`): ∂L/∂W[j, i] = Σ_r d[r, j]·x[r, i]
 * and ∂L/∂b[j] = Σ_r d[r, j], written (not added) at `m[wOff …]` and `m[bOff …]`. With
 * lr = m[rateOff] > 0, those are the parameters themselves and the plain SGD step
 * W ← W − lr·∂L/∂W is applied in the same pass (no gradient array); the rate is read from memory
 * because a number argument is boxed into a new heap object at every call V8 does not inline.
 * Blocked 2 outputs × 4 inputs.
 */
export function denseGradParams(
  m: Float64Array,
  wOff: number,
  bOff: number,
  nIn: number,
  nOut: number,
  xOff: number,
  dOff: number,
  rows: number,
  rateOff: number,
): void {
  const lr = m[rateOff];
  let j = 0;
  for (; j + 1 < nOut; j += 2) {
    const wa = wOff + j * nIn;
    const wb = wa + nIn;
    // The bias gradients Σ_r d[r, j] ride along in whichever input block runs (every one of
    // them loads d[r, j] anyway); a separate pass over the rows cost a fifth of the kernel.
    let sa = 0;
    let sb = 0;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      let ba = 0;
      let bb = 0;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let r = 0; r < rows; r++) {
        const dO = dOff + r * nOut + j;
        const da = m[dO];
        const db = m[dO + 1];
        const xo = xOff + r * nIn + i;
        const x0 = m[xo];
        const x1 = m[xo + 1];
        const x2 = m[xo + 2];
        const x3 = m[xo + 3];
        s0 += da * x0;
        s1 += da * x1;
        s2 += da * x2;
        s3 += da * x3;
        t0 += db * x0;
        t1 += db * x1;
        t2 += db * x2;
        t3 += db * x3;
        ba += da;
        bb += db;
      }
      sa = ba;
      sb = bb;
      if (lr === 0) {
        m[wa + i] = s0;
        m[wa + i + 1] = s1;
        m[wa + i + 2] = s2;
        m[wa + i + 3] = s3;
        m[wb + i] = t0;
        m[wb + i + 1] = t1;
        m[wb + i + 2] = t2;
        m[wb + i + 3] = t3;
      } else {
        m[wa + i] -= lr * s0;
        m[wa + i + 1] -= lr * s1;
        m[wa + i + 2] -= lr * s2;
        m[wa + i + 3] -= lr * s3;
        m[wb + i] -= lr * t0;
        m[wb + i + 1] -= lr * t1;
        m[wb + i + 2] -= lr * t2;
        m[wb + i + 3] -= lr * t3;
      }
    }
    // Two and then one input left (nIn = 2 or 7, say): 2 × 2, then 2 × 1.
    for (; i + 1 < nIn; i += 2) {
      let ba = 0;
      let bb = 0;
      let s0 = 0;
      let s1 = 0;
      let t0 = 0;
      let t1 = 0;
      for (let r = 0; r < rows; r++) {
        const dO = dOff + r * nOut + j;
        const da = m[dO];
        const db = m[dO + 1];
        const xo = xOff + r * nIn + i;
        const x0 = m[xo];
        const x1 = m[xo + 1];
        s0 += da * x0;
        s1 += da * x1;
        t0 += db * x0;
        t1 += db * x1;
        ba += da;
        bb += db;
      }
      sa = ba;
      sb = bb;
      if (lr === 0) {
        m[wa + i] = s0;
        m[wa + i + 1] = s1;
        m[wb + i] = t0;
        m[wb + i + 1] = t1;
      } else {
        m[wa + i] -= lr * s0;
        m[wa + i + 1] -= lr * s1;
        m[wb + i] -= lr * t0;
        m[wb + i + 1] -= lr * t1;
      }
    }
    for (; i < nIn; i++) {
      let ba = 0;
      let bb = 0;
      let s = 0;
      let t = 0;
      for (let r = 0; r < rows; r++) {
        const xv = m[xOff + r * nIn + i];
        const da = m[dOff + r * nOut + j];
        const db = m[dOff + r * nOut + j + 1];
        s += da * xv;
        t += db * xv;
        ba += da;
        bb += db;
      }
      sa = ba;
      sb = bb;
      if (lr === 0) {
        m[wa + i] = s;
        m[wb + i] = t;
      } else {
        m[wa + i] -= lr * s;
        m[wb + i] -= lr * t;
      }
    }
    if (lr === 0) {
      m[bOff + j] = sa;
      m[bOff + j + 1] = sb;
    } else {
      m[bOff + j] -= lr * sa;
      m[bOff + j + 1] -= lr * sb;
    }
  }
  for (; j < nOut; j++) {
    const w = wOff + j * nIn;
    let sb = 0;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      let bj = 0;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < rows; r++) {
        const dj = m[dOff + r * nOut + j];
        const xo = xOff + r * nIn + i;
        s0 += dj * m[xo];
        s1 += dj * m[xo + 1];
        s2 += dj * m[xo + 2];
        s3 += dj * m[xo + 3];
        bj += dj;
      }
      sb = bj;
      if (lr === 0) {
        m[w + i] = s0;
        m[w + i + 1] = s1;
        m[w + i + 2] = s2;
        m[w + i + 3] = s3;
      } else {
        m[w + i] -= lr * s0;
        m[w + i + 1] -= lr * s1;
        m[w + i + 2] -= lr * s2;
        m[w + i + 3] -= lr * s3;
      }
    }
    for (; i < nIn; i++) {
      let bj = 0;
      let s = 0;
      for (let r = 0; r < rows; r++) {
        const dj = m[dOff + r * nOut + j];
        s += dj * m[xOff + r * nIn + i];
        bj += dj;
      }
      sb = bj;
      if (lr === 0) {
        m[w + i] = s;
      } else {
        m[w + i] -= lr * s;
      }
    }
    if (lr === 0) {
      m[bOff + j] = sb;
    } else {
      m[bOff + j] -= lr * sb;
    }
  }
}

/**
 * Gradient with respect to the layer input: dx[r, i] = Σⱼ W[j, i]·d[r, j], with d (rows × nOut)
 * at `m[dOff …]` and dx (rows × nIn) at `m[dxOff …]`. Blocked 2 rows × 4 inputs. With `relu`,
 * the input x = max(z, 0) (at `m[xOff …]`) came from a ReLU and the result is multiplied by its
 * derivative [x > 0], giving ∂L/∂z of the layer below in the same pass.
 */
export function denseGradInput(
  m: Float64Array,
  wOff: number,
  nIn: number,
  nOut: number,
  dOff: number,
  dxOff: number,
  rows: number,
  relu: boolean,
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
      if (relu) {
        s0 *= reluDerivative(m[xs + xa + i]);
        s1 *= reluDerivative(m[xs + xa + i + 1]);
        s2 *= reluDerivative(m[xs + xa + i + 2]);
        s3 *= reluDerivative(m[xs + xa + i + 3]);
        t0 *= reluDerivative(m[xs + xb + i]);
        t1 *= reluDerivative(m[xs + xb + i + 1]);
        t2 *= reluDerivative(m[xs + xb + i + 2]);
        t3 *= reluDerivative(m[xs + xb + i + 3]);
      }
      m[xa + i] = s0;
      m[xa + i + 1] = s1;
      m[xa + i + 2] = s2;
      m[xa + i + 3] = s3;
      m[xb + i] = t0;
      m[xb + i + 1] = t1;
      m[xb + i + 2] = t2;
      m[xb + i + 3] = t3;
    }
    for (; i < nIn; i++) {
      let s = 0;
      let t = 0;
      for (let j = 0; j < nOut; j++) {
        const c = m[wOff + j * nIn + i];
        s += c * m[da + j];
        t += c * m[db + j];
      }
      m[xa + i] = relu ? s * reluDerivative(m[xs + xa + i]) : s;
      m[xb + i] = relu ? t * reluDerivative(m[xs + xb + i]) : t;
    }
  }
  for (; r < rows; r++) {
    const dO = dOff + r * nOut;
    const xo = dxOff + r * nIn;
    for (let i = 0; i < nIn; i++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += m[wOff + j * nIn + i] * m[dO + j];
      m[xo + i] = relu ? s * reluDerivative(m[xs + xo + i]) : s;
    }
  }
}
