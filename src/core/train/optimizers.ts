/**
 * Optimisers over the flat parameter vector w with gradient g and learning rate η.
 * State is allocated once; `update` never allocates. Formulas are in `OptimizerConfig`.
 */
import type { OptimizerConfig } from './config';

/** An optimiser bound to a parameter count. */
export interface Optimizer {
  /** One update w ← w − η·(direction computed from g and the optimiser state). */
  update(w: Float64Array, g: Float64Array, lr: number): void;
  /** Copies of the state vectors (for snapshots). */
  getState(): Float64Array[];
  /** Restores state from `getState`; false if the shapes do not match. */
  setState(state: readonly Float64Array[], t: number): boolean;
  /** Number of updates done (Adam's t). */
  readonly steps: number;
}

/** Default hyperparameters (PyTorch's). */
export const OPTIMIZER_DEFAULTS = {
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
} as const;

class Sgd implements Optimizer {
  steps = 0;
  update(w: Float64Array, g: Float64Array, lr: number): void {
    for (let k = 0; k < w.length; k++) w[k] -= lr * g[k];
    this.steps++;
  }
  getState(): Float64Array[] {
    return [];
  }
  setState(state: readonly Float64Array[], t: number): boolean {
    this.steps = t;
    return state.length === 0;
  }
}

/** Heavy ball, PyTorch convention: v ← μ·v + g; w ← w − η·v. */
class Momentum implements Optimizer {
  steps = 0;
  private readonly v: Float64Array;
  constructor(
    n: number,
    private readonly mu: number,
  ) {
    this.v = new Float64Array(n);
  }
  update(w: Float64Array, g: Float64Array, lr: number): void {
    const v = this.v;
    const mu = this.mu;
    for (let k = 0; k < w.length; k++) {
      const vk = mu * v[k] + g[k];
      v[k] = vk;
      w[k] -= lr * vk;
    }
    this.steps++;
  }
  getState(): Float64Array[] {
    return [this.v.slice()];
  }
  setState(state: readonly Float64Array[], t: number): boolean {
    if (state.length !== 1 || state[0].length !== this.v.length) return false;
    this.v.set(state[0]);
    this.steps = t;
    return true;
  }
}

/** Adam with bias-corrected moments m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). */
class Adam implements Optimizer {
  steps = 0;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  constructor(
    n: number,
    private readonly b1: number,
    private readonly b2: number,
    private readonly eps: number,
  ) {
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }
  update(w: Float64Array, g: Float64Array, lr: number): void {
    const t = ++this.steps;
    const { m, v, b1, b2 } = this;
    const c1 = 1 - Math.pow(b1, t);
    const c2 = 1 - Math.pow(b2, t);
    // m̂/(√v̂ + ε) = (m/c1)/(√(v/c2) + ε): kept in this exact form so ε acts as documented.
    const invC1 = 1 / c1;
    const invC2 = 1 / c2;
    const eps = this.eps;
    for (let k = 0; k < w.length; k++) {
      const gk = g[k];
      const mk = b1 * m[k] + (1 - b1) * gk;
      const vk = b2 * v[k] + (1 - b2) * gk * gk;
      m[k] = mk;
      v[k] = vk;
      w[k] -= (lr * mk * invC1) / (Math.sqrt(vk * invC2) + eps);
    }
  }
  getState(): Float64Array[] {
    return [this.m.slice(), this.v.slice()];
  }
  setState(state: readonly Float64Array[], t: number): boolean {
    if (
      state.length !== 2 ||
      state[0].length !== this.m.length ||
      state[1].length !== this.v.length
    )
      return false;
    this.m.set(state[0]);
    this.v.set(state[1]);
    this.steps = t;
    return true;
  }
}

/** Creates the optimiser for `n` parameters; hyperparameters default to `OPTIMIZER_DEFAULTS`. */
export function createOptimizer(config: OptimizerConfig, n: number): Optimizer {
  switch (config.type) {
    case 'momentum':
      return new Momentum(n, config.momentum ?? OPTIMIZER_DEFAULTS.momentum);
    case 'adam':
      return new Adam(
        n,
        config.beta1 ?? OPTIMIZER_DEFAULTS.beta1,
        config.beta2 ?? OPTIMIZER_DEFAULTS.beta2,
        config.epsilon ?? OPTIMIZER_DEFAULTS.epsilon,
      );
    default:
      return new Sgd();
  }
}
