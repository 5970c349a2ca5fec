/**
 * Hidden-layer activations for the trainer. A catalog activation or a custom pair (f, f′) is
 * resolved once into a `LayerActivation`: common functions get a specialised loop (no call per
 * element), anything else goes through its own f and f′. A specialised loop is used only after
 * it has been checked against the catalog's f and f′ at probe points with the same parameters,
 * so a renamed parameter or a different convention in the catalog falls back to the exact path.
 */
import type { Params } from '../catalog/types';
import type { ScalarFunction } from '../math/scalarFunction';
import { SELU_ALPHA, SELU_LAMBDA, SQRT_2_OVER_PI, normCdf, normPdf } from '../math/special';
import { expFast, tanhFast } from './fastMath';
import type { ActivationChoice, CustomActivation, InitScheme } from './config';

/** What the trainer needs from the catalog for one id: f, f′, default parameters, properties. */
export interface TrainableEntry {
  f(x: number, p: Params): number;
  df(x: number, p: Params): number;
  params: Params;
  /** Used for the default initialisation of ids the trainer does not know. */
  bounded?: 'both' | 'below' | 'above' | 'none';
  selfNormalising?: boolean;
  /** Catalog family (`rectifier`, `exponential`, `smooth`, `sigmoid`, …), for the default initialisation. */
  family?: string;
  /** The catalog's parameter check (domain and cross-parameter rules): why `p` is refused, or undefined. */
  check?(p: Params): string | undefined;
}

/** Looks up an element-wise catalog activation with its default parameters (undefined if unknown or not element-wise). */
export type ActivationLookup = (id: string) => TrainableEntry | undefined;

// Kernel codes; the forward and backward loops switch on them once per layer, not per element.
export const K_GENERIC = 0;
export const K_IDENTITY = 1;
export const K_RELU = 2;
export const K_LEAKY = 3;
export const K_ELU = 4;
export const K_SELU = 5;
export const K_SIGMOID = 6;
export const K_TANH = 7;
export const K_SILU = 8;
export const K_GELU = 9;
export const K_GELU_TANH = 10;
export const K_SOFTPLUS = 11;

/** A resolved hidden-layer activation. `f`/`df` are always exact; `kernel` selects the fast loop. */
export interface LayerActivation extends ScalarFunction {
  /** Catalog id, or the custom activation's name. */
  label: string;
  kernel: number;
  /** Parameters of the specialised kernel (α of leaky ReLU/ELU, β of softplus). */
  a0: number;
  a1: number;
  /** Initialisation this activation wants by default. */
  defaultInit: InitScheme;
  /** The first error a custom f or f′ threw (it then returns NaN, so the run diverges). */
  failure?: { message: string };
  /** What it was made from, for exporting the network as code: a catalog id with its effective parameters, or a custom formula's tree. */
  source?: { id: string; params: Params } | { expr: unknown };
}

/** Families whose members want He initialisation (ReLU-like: unbounded above, about half the units active). */
const HE_FAMILIES = ['rectifier', 'exponential', 'smooth'];

/** Ids whose default is known even without a family (and the exceptions inside a family). */
const INIT_BY_ID: Record<string, InitScheme> = {
  relu: 'he',
  leaky_relu: 'he',
  elu: 'he',
  gelu: 'he',
  silu: 'he',
  softplus: 'he',
  selu: 'lecun',
  tanh: 'xavier',
  sigmoid: 'xavier',
  linear: 'xavier',
};

/**
 * Default initialisation of a catalog entry: LeCun for self-normalising (SELU), He for the
 * rectifier, exponential and smooth (GELU, SiLU, …) families, Xavier otherwise (tanh, sigmoid,
 * shrink, periodic, linear).
 */
function defaultInitFor(id: string, entry: TrainableEntry): InitScheme {
  if (INIT_BY_ID[id]) return INIT_BY_ID[id];
  if (entry.selfNormalising) return 'lecun';
  if (entry.family !== undefined) return HE_FAMILIES.includes(entry.family) ? 'he' : 'xavier';
  return entry.bounded === 'below' ? 'he' : 'xavier';
}

interface KernelSpec {
  kernel: number;
  /** Kernel parameters from the effective catalog params, or undefined if the names are not recognised. */
  args(p: Params): [number, number] | undefined;
}

const none = (): [number, number] => [0, 0];
const pick = (p: Params, names: string[]): number | undefined => {
  for (const n of names) if (typeof p[n] === 'number') return p[n];
  return undefined;
};

const KERNELS: Record<string, KernelSpec> = {
  linear: { kernel: K_IDENTITY, args: none },
  identity: { kernel: K_IDENTITY, args: none },
  relu: { kernel: K_RELU, args: none },
  leaky_relu: {
    kernel: K_LEAKY,
    args: (p) => {
      const a = pick(p, ['negativeSlope', 'negative_slope', 'alpha', 'slope', 'a']);
      return a === undefined ? undefined : [a, 0];
    },
  },
  elu: {
    kernel: K_ELU,
    args: (p) => {
      const a = pick(p, ['alpha']);
      return a === undefined ? undefined : [a, 0];
    },
  },
  selu: { kernel: K_SELU, args: none },
  sigmoid: { kernel: K_SIGMOID, args: none },
  tanh: { kernel: K_TANH, args: none },
  silu: { kernel: K_SILU, args: none },
  swish: { kernel: K_SILU, args: none },
  gelu: { kernel: K_GELU, args: none },
  gelu_tanh: { kernel: K_GELU_TANH, args: none },
  softplus: {
    kernel: K_SOFTPLUS,
    args: (p) => {
      const b = pick(p, ['beta']) ?? 1;
      const t = pick(p, ['threshold']) ?? 20;
      return [b, t];
    },
  },
};

/** f of a specialised kernel (the loops in `activationLoops.ts` inline the same formulas, with `tanhTrain` for tanh). */
function kernelF(k: number, a0: number, a1: number, x: number): number {
  switch (k) {
    case K_IDENTITY:
      return x;
    case K_RELU:
      return x > 0 ? x : 0;
    case K_LEAKY:
      return x >= 0 ? x : a0 * x;
    case K_ELU:
      return x > 0 ? x : a0 * (expFast(x) - 1);
    case K_SELU:
      return x > 0 ? SELU_LAMBDA * x : SELU_LAMBDA * SELU_ALPHA * (expFast(x) - 1);
    case K_SIGMOID:
      return 1 / (1 + expFast(-x));
    case K_TANH:
      return tanhFast(x);
    case K_SILU:
      return x / (1 + expFast(-x));
    case K_GELU:
      return x * normCdf(x);
    case K_GELU_TANH:
      return x / (1 + expFast(-2 * SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
    case K_SOFTPLUS:
      return a0 * x > a1 ? x : Math.log1p(expFast(a0 * x)) / a0;
    default:
      return NaN;
  }
}

/** f′ of a specialised kernel. */
function kernelDf(k: number, a0: number, a1: number, x: number): number {
  switch (k) {
    case K_IDENTITY:
      return 1;
    case K_RELU:
      return x > 0 ? 1 : 0;
    case K_LEAKY:
      return x >= 0 ? 1 : a0;
    case K_ELU:
      return x > 0 ? 1 : a0 * expFast(x);
    case K_SELU:
      return x > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * expFast(x);
    case K_SIGMOID: {
      const s = 1 / (1 + expFast(-x));
      return s * (1 - s);
    }
    case K_TANH: {
      const t = tanhFast(x);
      return 1 - t * t;
    }
    case K_SILU: {
      const s = 1 / (1 + expFast(-x));
      return s * (1 + x * (1 - s));
    }
    case K_GELU:
      return normCdf(x) + x * normPdf(x);
    case K_GELU_TANH: {
      const sg = 1 / (1 + expFast(-2 * SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
      return sg + x * sg * (1 - sg) * 2 * SQRT_2_OVER_PI * (1 + 0.134145 * x * x);
    }
    case K_SOFTPLUS:
      return a0 * x > a1 ? 1 : 1 / (1 + expFast(-a0 * x));
    default:
      return NaN;
  }
}

/** Probe points for the kernel self-check; they avoid kinks at 0 and typical thresholds. */
const PROBES = [-7.5, -3.1, -1.3, -0.41, -0.013, 0.017, 0.37, 1.1, 2.9, 6.3];

function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * (1 + Math.abs(b));
}

function isCustom(c: ActivationChoice): c is CustomActivation {
  return typeof c === 'object' && c !== null && typeof (c as CustomActivation).f === 'function';
}

/**
 * Resolves one hidden layer's activation. Returns an error string for an unknown id, a vector
 * activation, parameters that are not finite numbers, or a custom pair that does not return
 * finite numbers at the probe points.
 */
export function resolveLayerActivation(
  choice: ActivationChoice,
  lookup: ActivationLookup,
): LayerActivation | string {
  if (isCustom(choice)) {
    if (typeof choice.df !== 'function') return 'custom activation needs both f(x) and df(x)';
    try {
      for (const x of PROBES) {
        if (!Number.isFinite(choice.f(x)) || !Number.isFinite(choice.df(x))) {
          return `custom activation is not finite at x = ${x}`;
        }
      }
    } catch (e) {
      return `custom activation throws: ${e instanceof Error ? e.message : String(e)}`;
    }
    // A formula that throws mid-training yields NaN (the run then stops as diverged) and the
    // first message is kept for the report: nothing the trainer does throws into its caller.
    const failure = { message: '' };
    const guard = (fn: (x: number) => number) => (x: number) => {
      try {
        return fn.call(choice, x);
      } catch (e) {
        if (!failure.message)
          failure.message = `${e instanceof Error ? e.message : String(e)} (x = ${x})`;
        return NaN;
      }
    };
    const label = typeof choice.name === 'string' && choice.name ? choice.name : 'custom';
    return {
      label,
      kernel: K_GENERIC,
      a0: 0,
      a1: 0,
      f: guard(choice.f),
      df: guard(choice.df),
      defaultInit: 'xavier',
      failure,
      source: choice.expr === undefined ? undefined : { expr: choice.expr },
    };
  }
  const id = typeof choice === 'string' ? choice : choice?.id;
  if (typeof id !== 'string') return 'activation must be a catalog id, { id, params } or { f, df }';
  const entry = lookup(id);
  if (!entry) return `unknown or non-element-wise activation "${id}"`;
  const given = typeof choice === 'object' && choice.params ? choice.params : {};
  const p: Params = { ...entry.params };
  for (const [k, v] of Object.entries(given)) {
    if (!Object.hasOwn(entry.params, k)) {
      const names = Object.keys(entry.params);
      return `${id} has no parameter ${JSON.stringify(k)} (${names.length ? `its parameters: ${names.join(', ')}` : 'it has none'})`;
    }
    if (typeof v !== 'number' || !Number.isFinite(v))
      return `parameter ${k} of ${id} must be a finite number`;
    p[k] = v;
  }
  const refused = entry.check?.(p);
  if (refused) return `${id}: ${refused}`;
  const f = (x: number) => entry.f(x, p);
  const df = (x: number) => entry.df(x, p);
  const defaultInit = defaultInitFor(id, entry);
  const source = { id, params: p };
  const spec = KERNELS[id];
  const args = spec?.args(p);
  if (spec && args) {
    const [a0, a1] = args;
    const ok = PROBES.every(
      (x) =>
        agrees(kernelF(spec.kernel, a0, a1, x), f(x)) &&
        agrees(kernelDf(spec.kernel, a0, a1, x), df(x)),
    );
    if (ok) return { label: id, kernel: spec.kernel, a0, a1, f, df, defaultInit, source };
  }
  return { label: id, kernel: K_GENERIC, a0: 0, a1: 0, f, df, defaultInit, source };
}
