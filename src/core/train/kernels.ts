/**
 * The numeric inner loops of the trainer, on row-major typed arrays (row = sample):
 * dense forward z = W·x + b, its two backward products, and element-wise activations with
 * their derivatives. Loops are register-blocked (2 × 4) so that eight independent sums run
 * in parallel instead of one dependent chain, and each load feeds two multiply-adds; no allocation, no calls per element except
 * on the generic activation path.
 */
import { normCdf, normPdf } from '../math/special';
import { expFast, tanhFast } from './fastMath';
import type { LayerActivation } from './activations';
import {
  K_ELU,
  K_GELU,
  K_GELU_TANH,
  K_IDENTITY,
  K_LEAKY,
  K_RELU,
  K_SELU,
  K_SIGMOID,
  K_SILU,
  K_SOFTPLUS,
  K_TANH,
} from './activations';

/**
 * z[r, j] = b[j] + Σᵢ W[j, i]·x[r, i] for r < rows, with W (nOut × nIn, row-major) at
 * `p[wOff …]` and b at `p[bOff …]`. Blocked 2 rows × 4 outputs: each weight load feeds two sums.
 * With `relu`, writes max(z, 0) instead (the ReLU fused into the same pass).
 */
export function denseForward(
  p: Float64Array, wOff: number, bOff: number, nIn: number, nOut: number,
  x: Float64Array, z: Float64Array, rows: number, relu: boolean,
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
 * Blocked 2 outputs × 4 inputs.
 */
export function denseGradParams(
  g: Float64Array, wOff: number, bOff: number, nIn: number, nOut: number,
  x: Float64Array, d: Float64Array, rows: number,
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
      g[wa + i] = s0;
      g[wa + i + 1] = s1;
      g[wa + i + 2] = s2;
      g[wa + i + 3] = s3;
      g[wb + i] = t0;
      g[wb + i + 1] = t1;
      g[wb + i + 2] = t2;
      g[wb + i + 3] = t3;
    }
    for (; i < nIn; i++) {
      let s = 0;
      let t = 0;
      for (let r = 0; r < rows; r++) {
        const xv = x[r * nIn + i];
        s += d[r * nOut + j] * xv;
        t += d[r * nOut + j + 1] * xv;
      }
      g[wa + i] = s;
      g[wb + i] = t;
    }
    let sa = 0;
    let sb = 0;
    for (let r = 0; r < rows; r++) {
      sa += d[r * nOut + j];
      sb += d[r * nOut + j + 1];
    }
    g[bOff + j] = sa;
    g[bOff + j + 1] = sb;
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
      g[w + i] = s0;
      g[w + i + 1] = s1;
      g[w + i + 2] = s2;
      g[w + i + 3] = s3;
    }
    for (; i < nIn; i++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += d[r * nOut + j] * x[r * nIn + i];
      g[w + i] = s;
    }
    let sb = 0;
    for (let r = 0; r < rows; r++) sb += d[r * nOut + j];
    g[bOff + j] = sb;
  }
}

/**
 * Gradient with respect to the layer input: dx[r, i] = Σⱼ W[j, i]·d[r, j]. Blocked 2 rows × 4
 * inputs. With `relu`, the input x = max(z, 0) came from a ReLU and the result is multiplied by
 * its derivative [x > 0], giving ∂L/∂z of the layer below in the same pass.
 */
export function denseGradInput(
  p: Float64Array, wOff: number, nIn: number, nOut: number,
  d: Float64Array, dx: Float64Array, rows: number, relu: boolean, x: Float64Array,
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
        s0 *= step(x[xa + i]);
        s1 *= step(x[xa + i + 1]);
        s2 *= step(x[xa + i + 2]);
        s3 *= step(x[xa + i + 3]);
        t0 *= step(x[xb + i]);
        t1 *= step(x[xb + i + 1]);
        t2 *= step(x[xb + i + 2]);
        t3 *= step(x[xb + i + 3]);
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
      dx[xa + i] = relu ? s * step(x[xa + i]) : s;
      dx[xb + i] = relu ? t * step(x[xb + i]) : t;
    }
  }
  for (; r < rows; r++) {
    const dO = r * nOut;
    const xo = r * nIn;
    for (let i = 0; i < nIn; i++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += p[wOff + j * nIn + i] * d[dO + j];
      dx[xo + i] = relu ? s * step(x[xo + i]) : s;
    }
  }
}

/**
 * The ReLU derivative from its output a = max(z, 0) ≥ 0, without a branch: ⌈a/(a + 1)⌉ is
 * exactly 1 for a > 0 and 0 for a = 0 (NaN stays NaN).
 */
function step(a: number): number {
  return Math.ceil(a / (a + 1));
}

const SELU_LAMBDA = 1.0507009873554804934193349852946;
const SELU_LA = SELU_LAMBDA * 1.6732632423543772848170429916717;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** a[k] = f(z[k]) for k < n. */
export function activateForward(act: LayerActivation, z: Float64Array, a: Float64Array, n: number): void {
  const a0 = act.a0;
  const a1 = act.a1;
  switch (act.kernel) {
    case K_IDENTITY:
      for (let k = 0; k < n; k++) a[k] = z[k];
      return;
    case K_RELU:
      // Branch-free: (v + |v|)/2 is exactly max(v, 0); a branch here mispredicts on half the units.
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = (v + Math.abs(v)) * 0.5;
      }
      return;
    case K_LEAKY:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        const neg = Math.ceil(-v / (Math.abs(v) + 1));
        a[k] = neg * (a0 * v) + (1 - neg) * v;
      }
      return;
    case K_ELU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v > 0 ? v : a0 * (expFast(v) - 1);
      }
      return;
    case K_SELU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v > 0 ? SELU_LAMBDA * v : SELU_LA * (expFast(v) - 1);
      }
      return;
    case K_SIGMOID:
      for (let k = 0; k < n; k++) a[k] = 1 / (1 + expFast(-z[k]));
      return;
    case K_TANH:
      for (let k = 0; k < n; k++) a[k] = tanhFast(z[k]);
      return;
    case K_SILU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v / (1 + expFast(-v));
      }
      return;
    case K_GELU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v * normCdf(v);
      }
      return;
    case K_GELU_TANH:
      // x·σ(2u) = ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³): no cancellation for x ≪ 0.
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v / (1 + expFast(-2 * SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
      }
      return;
    case K_SOFTPLUS:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = a0 * v > a1 ? v : Math.log1p(expFast(a0 * v)) / a0;
      }
      return;
    default: {
      const f = act.f;
      for (let k = 0; k < n; k++) a[k] = f(z[k]);
    }
  }
}

/**
 * In place g[k] ← g[k]·f′(z[k]) for k < n: turns ∂L/∂a into ∂L/∂z. Uses the stored output
 * a = f(z) where the derivative is cheaper from it (tanh: 1 − a², sigmoid: a(1 − a), ELU: a + α).
 */
export function activateBackward(
  act: LayerActivation, z: Float64Array, a: Float64Array, g: Float64Array, n: number,
): void {
  const a0 = act.a0;
  const a1 = act.a1;
  switch (act.kernel) {
    case K_IDENTITY:
      return;
    case K_RELU:
      // From the output a (the fused forward pass does not store z): [z > 0] = [a > 0].
      for (let k = 0; k < n; k++) g[k] *= step(a[k]);
      return;
    case K_LEAKY:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        const neg = Math.ceil(-v / (Math.abs(v) + 1));
        g[k] *= neg * a0 + (1 - neg);
      }
      return;
    case K_ELU:
      for (let k = 0; k < n; k++) if (!(z[k] > 0)) g[k] *= a[k] + a0;
      return;
    case K_SELU:
      for (let k = 0; k < n; k++) g[k] *= z[k] > 0 ? SELU_LAMBDA : a[k] + SELU_LA;
      return;
    case K_SIGMOID:
      for (let k = 0; k < n; k++) {
        const s = a[k];
        g[k] *= s * (1 - s);
      }
      return;
    case K_TANH:
      for (let k = 0; k < n; k++) {
        const t = a[k];
        g[k] *= 1 - t * t;
      }
      return;
    case K_SILU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        const s = 1 / (1 + expFast(-v));
        g[k] *= s * (1 + v * (1 - s));
      }
      return;
    case K_GELU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        g[k] *= normCdf(v) + v * normPdf(v);
      }
      return;
    case K_GELU_TANH:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        const s = 1 / (1 + expFast(-2 * SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
        g[k] *= s + v * s * (1 - s) * 2 * SQRT_2_OVER_PI * (1 + 0.134145 * v * v);
      }
      return;
    case K_SOFTPLUS:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        if (!(a0 * v > a1)) g[k] *= 1 / (1 + expFast(-a0 * v));
      }
      return;
    default: {
      const df = act.df;
      for (let k = 0; k < n; k++) g[k] *= df(z[k]);
    }
  }
}
