/**
 * The numeric inner loops of the trainer, on row-major typed arrays (row = sample):
 * dense forward z = W·x + b, its two backward products, and element-wise activations with
 * their derivatives. Loops are blocked four outputs at a time so that four independent sums
 * run in parallel instead of one dependent chain; no allocation, no calls per element except
 * on the generic activation path.
 */
import type { LayerActivation } from './activations';
import {
  K_ELU,
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
 * `p[wOff …]` and b at `p[bOff …]`.
 */
export function denseForward(
  p: Float64Array, wOff: number, bOff: number, nIn: number, nOut: number,
  x: Float64Array, z: Float64Array, rows: number,
): void {
  for (let r = 0; r < rows; r++) {
    const xo = r * nIn;
    const zo = r * nOut;
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
      for (let i = 0; i < nIn; i++) {
        const xi = x[xo + i];
        s0 += p[w0 + i] * xi;
        s1 += p[w1 + i] * xi;
        s2 += p[w2 + i] * xi;
        s3 += p[w3 + i] * xi;
      }
      z[zo + j] = s0;
      z[zo + j + 1] = s1;
      z[zo + j + 2] = s2;
      z[zo + j + 3] = s3;
    }
    for (; j < nOut; j++) {
      const w0 = wOff + j * nIn;
      let s = p[bOff + j];
      for (let i = 0; i < nIn; i++) s += p[w0 + i] * x[xo + i];
      z[zo + j] = s;
    }
  }
}

/**
 * Weight and bias gradients of a dense layer from the upstream gradient d = ∂L/∂z (rows × nOut):
 * ∂L/∂W[j, i] = Σ_r d[r, j]·x[r, i] and ∂L/∂b[j] = Σ_r d[r, j], written (not added) into `g`.
 */
export function denseGradParams(
  g: Float64Array, wOff: number, bOff: number, nIn: number, nOut: number,
  x: Float64Array, d: Float64Array, rows: number,
): void {
  for (let j = 0; j < nOut; j++) {
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

/** Gradient with respect to the layer input: dx[r, i] = Σⱼ W[j, i]·d[r, j]. */
export function denseGradInput(
  p: Float64Array, wOff: number, nIn: number, nOut: number,
  d: Float64Array, dx: Float64Array, rows: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dOff = r * nOut;
    const xo = r * nIn;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < nOut; j++) {
        const dj = d[dOff + j];
        const w = wOff + j * nIn + i;
        s0 += p[w] * dj;
        s1 += p[w + 1] * dj;
        s2 += p[w + 2] * dj;
        s3 += p[w + 3] * dj;
      }
      dx[xo + i] = s0;
      dx[xo + i + 1] = s1;
      dx[xo + i + 2] = s2;
      dx[xo + i + 3] = s3;
    }
    for (; i < nIn; i++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += p[wOff + j * nIn + i] * d[dOff + j];
      dx[xo + i] = s;
    }
  }
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
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v > 0 ? v : 0;
      }
      return;
    case K_LEAKY:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v >= 0 ? v : a0 * v;
      }
      return;
    case K_ELU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v > 0 ? v : a0 * (Math.exp(v) - 1);
      }
      return;
    case K_SELU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v > 0 ? SELU_LAMBDA * v : SELU_LA * (Math.exp(v) - 1);
      }
      return;
    case K_SIGMOID:
      for (let k = 0; k < n; k++) a[k] = 1 / (1 + Math.exp(-z[k]));
      return;
    case K_TANH:
      for (let k = 0; k < n; k++) a[k] = Math.tanh(z[k]);
      return;
    case K_SILU:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = v / (1 + Math.exp(-v));
      }
      return;
    case K_GELU_TANH:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
      }
      return;
    case K_SOFTPLUS:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        a[k] = a0 * v > a1 ? v : Math.log1p(Math.exp(a0 * v)) / a0;
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
      for (let k = 0; k < n; k++) if (!(z[k] > 0)) g[k] = 0;
      return;
    case K_LEAKY:
      for (let k = 0; k < n; k++) if (z[k] < 0) g[k] *= a0;
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
        const s = 1 / (1 + Math.exp(-v));
        g[k] *= s * (1 + v * (1 - s));
      }
      return;
    case K_GELU_TANH:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        const t = Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v));
        g[k] *= 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 0.134145 * v * v);
      }
      return;
    case K_SOFTPLUS:
      for (let k = 0; k < n; k++) {
        const v = z[k];
        if (!(a0 * v > a1)) g[k] *= 1 / (1 + Math.exp(-a0 * v));
      }
      return;
    default: {
      const df = act.df;
      for (let k = 0; k < n; k++) g[k] *= df(z[k]);
    }
  }
}
