/**
 * The dense-layer loops of the trainer on row-major typed arrays (row = sample): the forward
 * product z = W·x + b and its two backward products. They are register-blocked (2 × 4): eight
 * independent sums run in parallel instead of one dependent chain, and each load feeds two
 * multiply-adds. No allocation, no calls per element.
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
 * `p[wOff …]` and b at `p[bOff …]`. Blocked 2 rows × 4 outputs: each weight load feeds two sums.
 * With `relu`, writes max(z, 0) instead (the ReLU fused into the same pass).
 */
export function denseForward(
  p: Float64Array,
  wOff: number,
  bOff: number,
  nIn: number,
  nOut: number,
  x: Float64Array,
  z: Float64Array,
  rows: number,
  relu: boolean,
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
      z[za + j] = s0;
      z[za + j + 1] = s1;
      z[za + j + 2] = s2;
      z[za + j + 3] = s3;
      z[zb + j] = t0;
      z[zb + j + 1] = t1;
      z[zb + j + 2] = t2;
      z[zb + j + 3] = t3;
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
      z[za + j] = relu ? (s + Math.abs(s)) * 0.5 : s;
      z[zb + j] = relu ? (t + Math.abs(t)) * 0.5 : t;
    }
  }
  for (; r < rows; r++) {
    const xo = r * nIn;
    const zo = r * nOut;
    for (let j = 0; j < nOut; j++) {
      const w0 = wOff + j * nIn;
      let s = p[bOff + j];
      for (let i = 0; i < nIn; i++) s += p[w0 + i] * x[xo + i];
      z[zo + j] = relu ? (s + Math.abs(s)) * 0.5 : s;
    }
  }
}

/**
 * Weight and bias gradients of a dense layer from the upstream gradient d = ∂L/∂z (rows × nOut):
 * ∂L/∂W[j, i] = Σ_r d[r, j]·x[r, i] and ∂L/∂b[j] = Σ_r d[r, j], written (not added) into `g`.
 * With lr > 0, `g` is the parameter vector itself and the plain SGD step W ← W − lr·∂L/∂W is
 * applied in the same pass (no gradient array). Blocked 2 outputs × 4 inputs.
 */
export function denseGradParams(
  g: Float64Array,
  wOff: number,
  bOff: number,
  nIn: number,
  nOut: number,
  x: Float64Array,
  d: Float64Array,
  rows: number,
  lr: number,
): void {
  let j = 0;
  for (; j + 1 < nOut; j += 2) {
    const wa = wOff + j * nIn;
    const wb = wa + nIn;
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
      for (let r = 0; r < rows; r++) {
        const dO = r * nOut + j;
        const da = d[dO];
        const db = d[dO + 1];
        const xo = r * nIn + i;
        const x0 = x[xo];
        const x1 = x[xo + 1];
        const x2 = x[xo + 2];
        const x3 = x[xo + 3];
        s0 += da * x0;
        s1 += da * x1;
        s2 += da * x2;
        s3 += da * x3;
        t0 += db * x0;
        t1 += db * x1;
        t2 += db * x2;
        t3 += db * x3;
      }
      if (lr === 0) {
        g[wa + i] = s0;
        g[wa + i + 1] = s1;
        g[wa + i + 2] = s2;
        g[wa + i + 3] = s3;
        g[wb + i] = t0;
        g[wb + i + 1] = t1;
        g[wb + i + 2] = t2;
        g[wb + i + 3] = t3;
      } else {
        g[wa + i] -= lr * s0;
        g[wa + i + 1] -= lr * s1;
        g[wa + i + 2] -= lr * s2;
        g[wa + i + 3] -= lr * s3;
        g[wb + i] -= lr * t0;
        g[wb + i + 1] -= lr * t1;
        g[wb + i + 2] -= lr * t2;
        g[wb + i + 3] -= lr * t3;
      }
    }
    for (; i < nIn; i++) {
      let s = 0;
      let t = 0;
      for (let r = 0; r < rows; r++) {
        const xv = x[r * nIn + i];
        s += d[r * nOut + j] * xv;
        t += d[r * nOut + j + 1] * xv;
      }
      if (lr === 0) {
        g[wa + i] = s;
        g[wb + i] = t;
      } else {
        g[wa + i] -= lr * s;
        g[wb + i] -= lr * t;
      }
    }
    let sa = 0;
    let sb = 0;
    for (let r = 0; r < rows; r++) {
      sa += d[r * nOut + j];
      sb += d[r * nOut + j + 1];
    }
    if (lr === 0) {
      g[bOff + j] = sa;
      g[bOff + j + 1] = sb;
    } else {
      g[bOff + j] -= lr * sa;
      g[bOff + j + 1] -= lr * sb;
    }
  }
  for (; j < nOut; j++) {
    const w = wOff + j * nIn;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < rows; r++) {
        const dj = d[r * nOut + j];
        const xo = r * nIn + i;
        s0 += dj * x[xo];
        s1 += dj * x[xo + 1];
        s2 += dj * x[xo + 2];
        s3 += dj * x[xo + 3];
      }
      if (lr === 0) {
        g[w + i] = s0;
        g[w + i + 1] = s1;
        g[w + i + 2] = s2;
        g[w + i + 3] = s3;
      } else {
        g[w + i] -= lr * s0;
        g[w + i + 1] -= lr * s1;
        g[w + i + 2] -= lr * s2;
        g[w + i + 3] -= lr * s3;
      }
    }
    for (; i < nIn; i++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += d[r * nOut + j] * x[r * nIn + i];
      if (lr === 0) {
        g[w + i] = s;
      } else {
        g[w + i] -= lr * s;
      }
    }
    let sb = 0;
    for (let r = 0; r < rows; r++) sb += d[r * nOut + j];
    if (lr === 0) {
      g[bOff + j] = sb;
    } else {
      g[bOff + j] -= lr * sb;
    }
  }
}

/**
 * Gradient with respect to the layer input: dx[r, i] = Σⱼ W[j, i]·d[r, j]. Blocked 2 rows × 4
 * inputs. With `relu`, the input x = max(z, 0) came from a ReLU and the result is multiplied by
 * its derivative [x > 0], giving ∂L/∂z of the layer below in the same pass.
 */
export function denseGradInput(
  p: Float64Array,
  wOff: number,
  nIn: number,
  nOut: number,
  d: Float64Array,
  dx: Float64Array,
  rows: number,
  relu: boolean,
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
      if (relu) {
        s0 *= reluDerivative(x[xa + i]);
        s1 *= reluDerivative(x[xa + i + 1]);
        s2 *= reluDerivative(x[xa + i + 2]);
        s3 *= reluDerivative(x[xa + i + 3]);
        t0 *= reluDerivative(x[xb + i]);
        t1 *= reluDerivative(x[xb + i + 1]);
        t2 *= reluDerivative(x[xb + i + 2]);
        t3 *= reluDerivative(x[xb + i + 3]);
      }
      dx[xa + i] = s0;
      dx[xa + i + 1] = s1;
      dx[xa + i + 2] = s2;
      dx[xa + i + 3] = s3;
      dx[xb + i] = t0;
      dx[xb + i + 1] = t1;
      dx[xb + i + 2] = t2;
      dx[xb + i + 3] = t3;
    }
    for (; i < nIn; i++) {
      let s = 0;
      let t = 0;
      for (let j = 0; j < nOut; j++) {
        const c = p[wOff + j * nIn + i];
        s += c * d[da + j];
        t += c * d[db + j];
      }
      dx[xa + i] = relu ? s * reluDerivative(x[xa + i]) : s;
      dx[xb + i] = relu ? t * reluDerivative(x[xb + i]) : t;
    }
  }
  for (; r < rows; r++) {
    const dO = r * nOut;
    const xo = r * nIn;
    for (let i = 0; i < nIn; i++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += p[wOff + j * nIn + i] * d[dO + j];
      dx[xo + i] = relu ? s * reluDerivative(x[xo + i]) : s;
    }
  }
}
