/**
 * Prints a custom formula (the core's formula tree, formula/expr.ts) as a Python expression in x
 * for one array library, for exported networks. Sub-trees that do not depend on x are evaluated
 * here with the same compiler the trainer runs and printed as float64 literals (`torch.exp(2.0)`
 * would be an error); every other call maps to the library's element-wise function with the
 * definition the trainer computes (σ and softplus in their overflow-safe forms).
 */
import { evaluate } from '../formula/compile';
import { dependsOn, type Expr, type FnName } from '../formula/expr';
import type { ImplFramework } from '../snippets/generate';
import { pyNumber } from '../snippets/pyPrint';

/** Array namespace per framework. */
const NS: Record<ImplFramework, string> = {
  numpy: 'np',
  jax: 'jnp',
  keras: 'ops',
  pytorch: 'torch',
};

type Call = (a: string[], fw: ImplFramework, needs: Set<string>) => string;

const plain =
  (name: string, names: Partial<Record<ImplFramework, string>> = {}): Call =>
  (a, fw) =>
    `${names[fw] ?? `${NS[fw]}.${name}`}(${a.join(', ')})`;

/** Every formula function, so a new one fails to compile here until it can be exported. */
const CALLS: Record<FnName, Call> = {
  sin: plain('sin'),
  cos: plain('cos'),
  tan: plain('tan'),
  atan: plain('arctan', { pytorch: 'torch.atan' }),
  asinh: plain('arcsinh', { pytorch: 'torch.asinh' }),
  sinh: plain('sinh'),
  cosh: plain('cosh'),
  tanh: plain('tanh'),
  exp: plain('exp'),
  expm1: plain('expm1'),
  log: plain('log'),
  log1p: plain('log1p'),
  sqrt: plain('sqrt'),
  cbrt: (a, fw) =>
    fw === 'numpy' || fw === 'jax'
      ? `${NS[fw]}.cbrt(${a[0]})`
      : `(${NS[fw]}.sign(${a[0]}) * ${NS[fw]}.abs(${a[0]}) ** (1.0 / 3.0))`,
  abs: plain('abs'),
  sign: plain('sign'),
  erf: (a, fw, needs) => {
    if (fw === 'numpy') needs.add('erf');
    return plain('erf', {
      numpy: '_erf',
      jax: 'jax.scipy.special.erf',
      pytorch: 'torch.special.erf',
    })(a, fw, needs);
  },
  sigmoid: (a, _fw, needs) => {
    needs.add('sigmoid');
    return `_formula_sigmoid(${a[0]})`;
  },
  softplus: (a, fw) => {
    const n = NS[fw];
    return `(${minMax('max', [a[0], '0.0'], fw)} + ${n}.log1p(${n}.exp(-${n}.abs(${a[0]}))))`;
  },
  logSigmoid: (a, fw) => {
    const n = NS[fw];
    return `(${minMax('min', [a[0], '0.0'], fw)} - ${n}.log1p(${n}.exp(-${n}.abs(${a[0]}))))`;
  },
  relu: (a, fw) =>
    fw === 'pytorch' ? `torch.clamp(${a[0]}, min=0.0)` : `${NS[fw]}.maximum(${a[0]}, 0.0)`,
  finite: plain('isfinite'),
  max: (a, fw) => minMax('max', a, fw),
  min: (a, fw) => minMax('min', a, fw),
  where: (a, fw) =>
    fw === 'pytorch'
      ? `torch.where(${a[0]} != 0, torch.as_tensor(${a[1]}, dtype=torch.float64), torch.as_tensor(${a[2]}, dtype=torch.float64))`
      : `${NS[fw]}.where(${a[0]} != 0, ${a[1]}, ${a[2]})`,
};

/** torch.maximum needs two tensors: a number bound is a clamp. */
function minMax(fn: 'max' | 'min', a: string[], fw: ImplFramework): string {
  const isNum = (s: string) => /^-?[\d.]/.test(s);
  if (fw === 'pytorch' && (isNum(a[0]) || isNum(a[1]))) {
    const [t, bound] = isNum(a[1]) ? [a[0], a[1]] : [a[1], a[0]];
    return `torch.clamp(${t}, ${fn === 'max' ? 'min' : 'max'}=${bound})`;
  }
  return `${NS[fw]}.${fn === 'max' ? 'maximum' : 'minimum'}(${a.join(', ')})`;
}

/** Names of the formula functions an export can print. */
export const EXPORTABLE_FUNCTIONS = Object.keys(CALLS);

/** The Python expression of `expr` in `x` for `fw`, with the imports and helpers it needs, or why not. */
export function formulaPython(
  expr: unknown,
  fw: ImplFramework,
): { code: string; imports: string[]; helpers: string } | { error: string } {
  const needs = new Set<string>();
  const print = (e: Expr): string => {
    if (!dependsOn(e)) {
      const v = evaluate(e, {});
      return v < 0 || Object.is(v, -0) ? `(${pyNumber(v)})` : pyNumber(v);
    }
    switch (e.k) {
      case 'num':
        return pyNumber(e.v);
      case 'name':
        return 'x';
      case 'neg':
        return `(-${print(e.a)})`;
      case 'bin':
        return `(${print(e.a)} ${e.op === '^' ? '**' : e.op} ${print(e.b)})`;
      case 'cmp':
        return `(${print(e.a)} ${e.op} ${print(e.b)})`;
      case 'call':
        return CALLS[e.fn](e.args.map(print), fw, needs);
    }
  };
  let code: string;
  try {
    code = print(expr as Expr);
  } catch (e) {
    return { error: `the custom formula cannot be exported: ${String(e)}` };
  }
  const n = NS[fw];
  let helpers = '';
  if (needs.has('erf')) helpers += `_erf = np.vectorize(math.erf, otypes=[float])\n\n\n`;
  if (needs.has('sigmoid'))
    helpers +=
      `def _formula_sigmoid(u):\n` +
      `    """sigmoid(u) as the trainer computes it: 1/(1 + e^-u) for u >= 0, e^u/(1 + e^u) below."""\n` +
      `    e = ${n}.exp(-${n}.abs(u))\n` +
      `    return ${n}.where(u >= 0, 1.0 / (1.0 + e), e / (1.0 + e))\n\n\n`;
  return { code, imports: needs.has('erf') ? ['import math'] : [], helpers };
}
