/**
 * Prints a neutral expression (the core's formula tree, formula/expr.ts) as Python for one array library, with the fewest
 * parentheses Python's precedence allows. Sub-expressions that do not depend on the input tensor
 * (functions of the parameters only) are printed with `math`, since `torch.exp(0.5)` is an error.
 */
import { namesIn, type Expr, type FnName as Fn } from '../formula/expr';
import { PREC, type Printed } from '../formula/precedence';

/** The array libraries the generator writes for. */
export type Library = 'numpy' | 'torch' | 'jax' | 'keras';

/** What a print needs to know: how parameters are spelled and which names are tensors. */
export interface PrintContext {
  lib: Library;
  /** Python spelling of a catalog parameter or local (`self.alpha`, `alpha`, `t`). */
  spell(name: string): string;
  /** Names holding tensors: `x`, learnable parameters, locals computed from them. */
  tensors: ReadonlySet<string>;
  /** Imports or helpers the printed code needs, collected as it prints (`math`, `erf`, `sigmoid`). */
  needs: Set<string>;
}

const { CMP, ADD, MUL, UNARY, POW, ATOM } = PREC;

/** True when `e` reads a tensor name, so it must be printed with the array library. */
export function isTensor(e: Expr, tensors: ReadonlySet<string>): boolean {
  for (const n of namesIn(e)) if (tensors.has(n)) return true;
  return false;
}

/** Python number literal: `1e-09`-style exponents become `1e-9`, infinity becomes `float('inf')`. */
export function pyNumber(v: number): string {
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "-float('inf')";
  if (Number.isNaN(v)) return "float('nan')";
  const s = String(v);
  if (/e/.test(s)) return s.replace('e+', 'e');
  return Number.isInteger(v) ? `${s}.0` : s;
}

const NP: Partial<Record<Fn, string>> = {
  exp: 'np.exp',
  expm1: 'np.expm1',
  log: 'np.log',
  log1p: 'np.log1p',
  sqrt: 'np.sqrt',
  abs: 'np.abs',
  tanh: 'np.tanh',
  sin: 'np.sin',
  cos: 'np.cos',
  atan: 'np.arctan',
  max: 'np.maximum',
  min: 'np.minimum',
  where: 'np.where',
};
const TORCH: Partial<Record<Fn, string>> = {
  exp: 'torch.exp',
  expm1: 'torch.expm1',
  log: 'torch.log',
  log1p: 'torch.log1p',
  sqrt: 'torch.sqrt',
  abs: 'torch.abs',
  tanh: 'torch.tanh',
  sin: 'torch.sin',
  cos: 'torch.cos',
  atan: 'torch.atan',
  erf: 'torch.erf',
  sigmoid: 'torch.sigmoid',
  softplus: 'F.softplus',
  logSigmoid: 'F.logsigmoid',
  max: 'torch.maximum',
  min: 'torch.minimum',
  where: 'torch.where',
};
const JAX: Partial<Record<Fn, string>> = {
  exp: 'jnp.exp',
  expm1: 'jnp.expm1',
  log: 'jnp.log',
  log1p: 'jnp.log1p',
  sqrt: 'jnp.sqrt',
  abs: 'jnp.abs',
  tanh: 'jnp.tanh',
  sin: 'jnp.sin',
  cos: 'jnp.cos',
  atan: 'jnp.arctan',
  erf: 'erf',
  sigmoid: 'jax.nn.sigmoid',
  softplus: 'jax.nn.softplus',
  logSigmoid: 'jax.nn.log_sigmoid',
  max: 'jnp.maximum',
  min: 'jnp.minimum',
  where: 'jnp.where',
};
const KERAS: Partial<Record<Fn, string>> = {
  exp: 'ops.exp',
  expm1: 'ops.expm1',
  log: 'ops.log',
  log1p: 'ops.log1p',
  sqrt: 'ops.sqrt',
  abs: 'ops.abs',
  tanh: 'ops.tanh',
  sin: 'ops.sin',
  cos: 'ops.cos',
  atan: 'ops.arctan',
  erf: 'ops.erf',
  sigmoid: 'ops.sigmoid',
  softplus: 'ops.softplus',
  logSigmoid: 'ops.log_sigmoid',
  max: 'ops.maximum',
  min: 'ops.minimum',
  where: 'ops.where',
};
const TABLES: Record<Library, Partial<Record<Fn, string>>> = {
  numpy: NP,
  torch: TORCH,
  jax: JAX,
  keras: KERAS,
};

/** Wraps `p` in parentheses when its precedence is below `min`. */
function at(p: Printed, min: number): string {
  return p.prec < min ? `(${p.s})` : p.s;
}

/** Prints `e` as a Python expression for `ctx.lib`. */
export function printPy(e: Expr, ctx: PrintContext): string {
  return pr(e, ctx).s;
}

function pr(e: Expr, ctx: PrintContext): Printed {
  switch (e.k) {
    case 'num':
      return { s: e.text ?? pyNumber(e.v), prec: ATOM };
    case 'name':
      if (e.name === 'pi' || e.name === 'e' || e.name === 'tau') {
        ctx.needs.add('math');
        return { s: `math.${e.name}`, prec: ATOM };
      }
      return { s: ctx.spell(e.name), prec: ATOM };
    case 'neg':
      return { s: `-${at(pr(e.a, ctx), UNARY)}`, prec: UNARY };
    case 'bin': {
      if (e.op === '^') {
        // Python's ** binds tighter than a unary minus on its left, and is right-associative.
        return { s: `${at(pr(e.a, ctx), ATOM)} ** ${at(pr(e.b, ctx), UNARY)}`, prec: POW };
      }
      const prec = e.op === '+' || e.op === '-' ? ADD : MUL;
      const right = e.op === '-' || e.op === '/' ? prec + 1 : prec;
      return { s: `${at(pr(e.a, ctx), prec)} ${e.op} ${at(pr(e.b, ctx), right)}`, prec };
    }
    case 'cmp':
      return { s: `${at(pr(e.a, ctx), ADD)} ${e.op} ${at(pr(e.b, ctx), ADD)}`, prec: CMP };
    case 'call':
      return isTensor(e, ctx.tensors)
        ? tensorCall(e.fn, e.args, ctx)
        : scalarCall(e.fn, e.args, ctx);
  }
}

/** A call on Python floats (parameters only): `math.exp`, `max`, a conditional expression. */
function scalarCall(fn: Fn, args: Expr[], ctx: PrintContext): Printed {
  const a = args.map((x) => pr(x, ctx).s);
  switch (fn) {
    case 'abs':
      return { s: `abs(${a[0]})`, prec: ATOM };
    case 'max':
      return { s: `max(${a[0]}, ${a[1]})`, prec: ATOM };
    case 'min':
      return { s: `min(${a[0]}, ${a[1]})`, prec: ATOM };
    case 'where':
      return { s: `(${a[1]} if ${a[0]} else ${a[2]})`, prec: ATOM };
    case 'finite':
      ctx.needs.add('math');
      return { s: `math.isfinite(${a[0]})`, prec: ATOM };
    case 'sigmoid':
      ctx.needs.add('math');
      return { s: `1 / (1 + math.exp(-${at(pr(args[0], ctx), UNARY)}))`, prec: MUL };
    case 'softplus':
      ctx.needs.add('math');
      return { s: `math.log1p(math.exp(${a[0]}))`, prec: ATOM };
    case 'logSigmoid':
      ctx.needs.add('math');
      return { s: `-math.log1p(math.exp(-${at(pr(args[0], ctx), UNARY)}))`, prec: UNARY };
    default:
      ctx.needs.add('math');
      return { s: `math.${fn === 'atan' ? 'atan' : fn}(${a.join(', ')})`, prec: ATOM };
  }
}

/** A call on tensors, in the library's own spelling, with the few library-specific rewrites. */
function tensorCall(fn: Fn, args: Expr[], ctx: PrintContext): Printed {
  const a = args.map((x) => pr(x, ctx).s);
  const t = args.map((x) => isTensor(x, ctx.tensors));
  // A condition on parameters only picks a branch once, in Python, in every library.
  if (fn === 'where' && !t[0]) return { s: `(${a[1]} if ${a[0]} else ${a[2]})`, prec: ATOM };
  if (fn === 'finite') throw new Error('finite() takes a parameter, not a tensor');
  if (ctx.lib === 'numpy') {
    if (fn === 'sigmoid') {
      ctx.needs.add('sigmoid');
      return { s: `_sigmoid(${a[0]})`, prec: ATOM };
    }
    if (fn === 'softplus') return { s: `np.logaddexp(0.0, ${a[0]})`, prec: ATOM };
    if (fn === 'logSigmoid')
      return { s: `-np.logaddexp(0.0, -${at(pr(args[0], ctx), UNARY)})`, prec: UNARY };
    if (fn === 'erf') {
      ctx.needs.add('erf');
      return { s: `erf(${a[0]})`, prec: ATOM };
    }
  }
  if (ctx.lib === 'jax' && fn === 'erf') ctx.needs.add('erf');
  if (ctx.lib === 'torch') {
    // torch.maximum/minimum need two tensors; clamp takes a Python number bound.
    if ((fn === 'max' || fn === 'min') && t[0] !== t[1]) {
      const [tensor, bound] = t[0] ? [a[0], a[1]] : [a[1], a[0]];
      return {
        s: `torch.clamp(${tensor}, ${fn === 'max' ? 'min' : 'max'}=${bound})`,
        prec: ATOM,
      };
    }
    if (fn === 'where' && !t[1] && !t[2]) {
      return {
        s: `torch.where(${a[0]}, torch.full_like(x, ${a[1]}), torch.full_like(x, ${a[2]}))`,
        prec: ATOM,
      };
    }
  }
  if (fn === 'where') {
    // Integer branch values would make NumPy return an integer array; write them as floats.
    for (const i of [1, 2]) if (args[i].k === 'num' && /^\d+$/.test(a[i])) a[i] = `${a[i]}.0`;
  }
  const name = TABLES[ctx.lib][fn];
  if (!name) throw new Error(`no ${ctx.lib} spelling for ${fn}`);
  return { s: `${name}(${a.join(', ')})`, prec: ATOM };
}
