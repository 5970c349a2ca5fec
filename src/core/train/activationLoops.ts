/**
 * Element-wise activation loops of the trainer: a = f(z) and g ← g·f′(z) over a whole layer
 * block, one specialised loop per common function (chosen once per layer by a switch), the exact
 * catalog functions otherwise.
 *
 * A deliberate kernel: the per-function loops repeat one shape on purpose, so that each inlines
 * its own f and f′ instead of calling through a table per element. The readable version is the
 * catalog's f and df; test/unit/trainGradients.test.ts checks every specialised loop against it.
 */
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
import { SELU_ALPHA, SELU_LAMBDA, SQRT_2_OVER_PI, normCdf, normPdf } from '../math/special';
import { reluDerivative } from './dense';
import { expFast, tanhTrain } from './fastMath';

const SELU_LA = SELU_LAMBDA * SELU_ALPHA;

/** a[k] = f(z[k]) for k < n. */
export function activateForward(
  act: LayerActivation,
  z: Float64Array,
  a: Float64Array,
  n: number,
): void {
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
      for (let k = 0; k < n; k++) a[k] = tanhTrain(z[k]);
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
  act: LayerActivation,
  z: Float64Array,
  a: Float64Array,
  g: Float64Array,
  n: number,
): void {
  const a0 = act.a0;
  const a1 = act.a1;
  switch (act.kernel) {
    case K_IDENTITY:
      return;
    case K_RELU:
      // From the output a (the fused forward pass does not store z): [z > 0] = [a > 0].
      for (let k = 0; k < n; k++) g[k] *= reluDerivative(a[k]);
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
