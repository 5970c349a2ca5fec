/**
 * Prints a custom formula's tree (the playground's formula language: numbers, x, − + × ÷ ^ and a
 * whitelist of functions) as a Python expression in x for one array library. Sub-trees that do
 * not depend on x are computed here, in float64, and printed as literals (`torch.exp(2.0)` would
 * be an error); everything else maps to the library's element-wise function with the same
 * definition the playground computes (σ and softplus in their overflow-safe forms).
 */
import { erf } from '../math/special';
import type { ImplFramework } from '../snippets/generate';
import { pyNumber } from '../snippets/pyPrint';

interface Node {
  k: string;
  v?: number;
  a?: Node;
  b?: Node;
  op?: string;
  fn?: string;
  args?: Node[];
}

const sigmoid = (u: number) => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));

/** JavaScript values of the functions, for folding constant sub-trees. */
const JS: Record<string, (a: number, b: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  atan: Math.atan,
  asinh: Math.asinh,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  exp: Math.exp,
  expm1: Math.expm1,
  log: Math.log,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  abs: Math.abs,
  sign: Math.sign,
  erf: (u) => erf(u),
  sigmoid: (u) => sigmoid(u),
  softplus: (u) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u))),
  relu: (u) => (u > 0 ? u : 0),
  max: Math.max,
  min: Math.min,
  pow: Math.pow,
};

/** Names of the formula functions an export can print (tests check them against the playground's list). */
export const EXPORTABLE_FUNCTIONS = Object.keys(JS);

type Lib = { ns: string; fn: Record<string, string> };

const common = (ns: string): Record<string, string> => ({
  sin: `${ns}.sin`,
  cos: `${ns}.cos`,
  tan: `${ns}.tan`,
  sinh: `${ns}.sinh`,
  cosh: `${ns}.cosh`,
  tanh: `${ns}.tanh`,
  exp: `${ns}.exp`,
  expm1: `${ns}.expm1`,
  log: `${ns}.log`,
  log1p: `${ns}.log1p`,
  sqrt: `${ns}.sqrt`,
  abs: `${ns}.abs`,
  sign: `${ns}.sign`,
  max: `${ns}.maximum`,
  min: `${ns}.minimum`,
});

const LIBS: Record<ImplFramework, Lib> = {
  numpy: {
    ns: 'np',
    fn: { ...common('np'), atan: 'np.arctan', asinh: 'np.arcsinh', cbrt: 'np.cbrt', erf: '_erf' },
  },
  jax: {
    ns: 'jnp',
    fn: {
      ...common('jnp'),
      atan: 'jnp.arctan',
      asinh: 'jnp.arcsinh',
      cbrt: 'jnp.cbrt',
      erf: 'jax.scipy.special.erf',
    },
  },
  keras: {
    ns: 'ops',
    fn: { ...common('ops'), atan: 'ops.arctan', asinh: 'ops.arcsinh', erf: 'ops.erf' },
  },
  pytorch: {
    ns: 'torch',
    fn: { ...common('torch'), atan: 'torch.atan', asinh: 'torch.asinh', erf: 'torch.special.erf' },
  },
};

function dependsOnX(n: Node): boolean {
  if (n.k === 'x') return true;
  return [n.a, n.b, ...(n.args ?? [])].some((c) => c !== undefined && dependsOnX(c));
}

function fold(n: Node): number {
  switch (n.k) {
    case 'num':
      return n.v ?? NaN;
    case 'neg':
      return -fold(n.a!);
    case 'bin': {
      const a = fold(n.a!);
      const b = fold(n.b!);
      return n.op === '+'
        ? a + b
        : n.op === '-'
          ? a - b
          : n.op === '*'
            ? a * b
            : n.op === '/'
              ? a / b
              : Math.pow(a, b);
    }
    case 'call':
      return JS[n.fn!](fold(n.args![0]), n.args![1] ? fold(n.args![1]) : NaN);
    default:
      return NaN;
  }
}

/** Library-specific forms of the functions that are not one call everywhere. */
function special(
  fw: ImplFramework,
  fn: string,
  a: string[],
  needs: Set<string>,
): string | undefined {
  const ns = LIBS[fw].ns;
  const [u, v] = a;
  switch (fn) {
    case 'relu':
      return fw === 'pytorch' ? `torch.clamp(${u}, min=0.0)` : `${ns}.maximum(${u}, 0.0)`;
    case 'sigmoid':
      needs.add('sigmoid');
      return `_formula_sigmoid(${u})`;
    case 'softplus':
      return `(${ns}.maximum(${u}, 0.0) + ${ns}.log1p(${ns}.exp(-${ns}.abs(${u}))))`;
    case 'pow':
      return `(${u} ** ${v})`;
    case 'cbrt':
      if (fw === 'pytorch' || fw === 'keras')
        return `(${ns}.sign(${u}) * ${ns}.abs(${u}) ** (1.0 / 3.0))`;
      return undefined;
    case 'erf':
      if (fw === 'numpy') needs.add('erf');
      return undefined;
    case 'max':
    case 'min':
      // torch.maximum needs two tensors; a number bound is a clamp.
      if (fw === 'pytorch' && /^[-\d.]/.test(v ?? ''))
        return `torch.clamp(${u}, ${fn === 'max' ? 'min' : 'max'}=${v})`;
      if (fw === 'pytorch' && /^[-\d.]/.test(u ?? ''))
        return `torch.clamp(${v}, ${fn === 'max' ? 'min' : 'max'}=${u})`;
      return undefined;
  }
  return undefined;
}

/** The Python expression of `expr` in `x` for `fw`, with the helpers it needs, or why not. */
export function formulaPython(
  expr: unknown,
  fw: ImplFramework,
): { code: string; imports: string[]; helpers: string } | { error: string } {
  const needs = new Set<string>();
  const lib = LIBS[fw];
  const print = (n: Node): string => {
    if (!dependsOnX(n)) return pyNumber(fold(n));
    switch (n.k) {
      case 'x':
        return 'x';
      case 'neg':
        return `(-${print(n.a!)})`;
      case 'bin':
        return `(${print(n.a!)} ${n.op === '^' ? '**' : n.op} ${print(n.b!)})`;
      case 'call': {
        const args = n.args!.map(print);
        if (!(n.fn! in JS)) throw new Error(`the function ${n.fn} cannot be exported`);
        const s = special(fw, n.fn!, args, needs);
        if (s) return s;
        const f = lib.fn[n.fn!];
        if (!f) throw new Error(`the function ${n.fn} cannot be exported to ${fw}`);
        return `${f}(${args.join(', ')})`;
      }
    }
    throw new Error('the custom formula is not valid');
  };
  let code: string;
  try {
    code = print(expr as Node);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const imports = fw === 'numpy' && needs.has('erf') ? ['import math'] : [];
  let helpers = '';
  if (needs.has('erf')) helpers += `_erf = np.vectorize(math.erf, otypes=[float])\n\n\n`;
  if (needs.has('sigmoid')) {
    const ns = lib.ns;
    const where = fw === 'pytorch' ? 'torch.where' : `${ns}.where`;
    helpers +=
      `def _formula_sigmoid(u):\n` +
      `    """σ(u) as the playground computes it: 1/(1 + e^−u) for u ≥ 0, e^u/(1 + e^u) below."""\n` +
      `    e = ${ns}.exp(-${ns}.abs(u))\n` +
      `    return ${where}(u >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n\n\n`;
  }
  return { code, imports, helpers };
}
