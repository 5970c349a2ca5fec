/**
 * The symbolic derivative d/dx of an expression tree, for display, and a cheap simplifier. Both
 * are linear in the size of the tree: results are memoised per node, so the shared sub-trees the
 * chain rule creates (σ(u)·(1 − σ(u))) are visited once, and the simplifier applies local rules
 * only (identities of 0 and 1, folding of constant operands, constants first in products) — no
 * search over rewrites, unlike a general simplifier whose cost grows exponentially with products.
 * The numbers the graphs draw come from compile.ts (automatic differentiation), not from here.
 */
import { X, dependsOn, type BinOp, type Expr, type FnName } from './expr';

const num = (v: number): Expr => ({ k: 'num', v });
const ZERO = num(0);
const ONE = num(1);
const TWO = num(2);
const neg = (a: Expr): Expr => ({ k: 'neg', a });
const add = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '+', a, b });
const sub = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '-', a, b });
const mul = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '*', a, b });
const div = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '/', a, b });
const pow = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '^', a, b });
const fn = (f: FnName, ...args: Expr[]): Expr => ({ k: 'call', fn: f, args });

/**
 * f′(u) for each function of one argument, given u (the chain rule multiplies by u′ afterwards).
 * Functions of two or three arguments are handled in `derive`.
 */
const OUTER: Record<Exclude<FnName, 'max' | 'min' | 'where'>, (u: Expr) => Expr> = {
  sin: (u) => fn('cos', u),
  cos: (u) => neg(fn('sin', u)),
  tan: (u) => div(ONE, pow(fn('cos', u), TWO)),
  atan: (u) => div(ONE, add(ONE, pow(u, TWO))),
  asinh: (u) => div(ONE, fn('sqrt', add(pow(u, TWO), ONE))),
  sinh: (u) => fn('cosh', u),
  cosh: (u) => fn('sinh', u),
  tanh: (u) => sub(ONE, pow(fn('tanh', u), TWO)),
  exp: (u) => fn('exp', u),
  expm1: (u) => fn('exp', u),
  log: (u) => div(ONE, u),
  log1p: (u) => div(ONE, add(ONE, u)),
  sqrt: (u) => div(ONE, mul(TWO, fn('sqrt', u))),
  cbrt: (u) => div(ONE, mul(num(3), pow(fn('cbrt', u), TWO))),
  abs: (u) => fn('sign', u),
  sign: () => ZERO,
  erf: (u) => mul(div(TWO, fn('sqrt', { k: 'name', name: 'pi' })), fn('exp', neg(pow(u, TWO)))),
  sigmoid: (u) => {
    const s = fn('sigmoid', u);
    return mul(s, sub(ONE, s));
  },
  softplus: (u) => fn('sigmoid', u),
  logSigmoid: (u) => fn('sigmoid', neg(u)),
  relu: (u) => fn('where', { k: 'cmp', op: '>', a: u, b: ZERO }, ONE, ZERO),
  finite: () => ZERO,
};

/** d/dx of `e`, unsimplified (linear in the tree thanks to the memo). */
function derive(e: Expr, memo = new Map<Expr, Expr>()): Expr {
  const hit = memo.get(e);
  if (hit) return hit;
  const d = (a: Expr) => derive(a, memo);
  let r: Expr;
  switch (e.k) {
    case 'num':
    case 'cmp':
      r = ZERO;
      break;
    case 'name':
      r = e.name === X ? ONE : ZERO;
      break;
    case 'neg':
      r = neg(d(e.a));
      break;
    case 'bin':
      r = deriveBin(e, d);
      break;
    case 'call': {
      const [a, b, c] = e.args;
      if (e.fn === 'max' || e.fn === 'min')
        r = fn('where', { k: 'cmp', op: e.fn === 'max' ? '>=' : '<=', a, b }, d(a), d(b));
      else if (e.fn === 'where') r = fn('where', a, d(b), d(c));
      else r = dependsOn(a) ? mul(OUTER[e.fn](a), d(a)) : ZERO;
      break;
    }
  }
  memo.set(e, r);
  return r;
}

function deriveBin(e: Extract<Expr, { k: 'bin' }>, d: (a: Expr) => Expr): Expr {
  const { a, b } = e;
  switch (e.op) {
    case '+':
      return add(d(a), d(b));
    case '-':
      return sub(d(a), d(b));
    case '*':
      if (!dependsOn(a)) return mul(a, d(b));
      if (!dependsOn(b)) return mul(d(a), b);
      return add(mul(d(a), b), mul(a, d(b)));
    case '/':
      if (!dependsOn(b)) return div(d(a), b);
      return div(sub(mul(d(a), b), mul(a, d(b))), pow(b, TWO));
    case '^':
      if (!dependsOn(b)) return mul(mul(b, pow(a, sub(b, ONE))), d(a));
      // d(a^b) = a^b · (b′ ln a + b a′ / a).
      return mul(e, add(mul(d(b), fn('log', a)), div(mul(b, d(a)), a)));
  }
}

const isNum = (e: Expr): e is Extract<Expr, { k: 'num' }> => e.k === 'num';
/** Whether `e` is the constant `v`. */
const is = (e: Expr, v: number): boolean => e.k === 'num' && e.v === v;

/** A folded constant, printed with at most 12 significant digits. */
function folded(v: number): Expr {
  return Number.isFinite(v) ? { k: 'num', v, text: String(+v.toPrecision(12)) } : num(v);
}

/** Local simplification, bottom-up, memoised per node: linear in the (shared) tree. */
function simplify(e: Expr, memo = new Map<Expr, Expr>()): Expr {
  const hit = memo.get(e);
  if (hit) return hit;
  const s = (a: Expr) => simplify(a, memo);
  let r: Expr = e;
  switch (e.k) {
    case 'neg': {
      const a = s(e.a);
      r = isNum(a) ? negated(a) : a.k === 'neg' ? a.a : neg(a);
      break;
    }
    case 'bin':
      r = simplifyBin(e.op, s(e.a), s(e.b));
      break;
    case 'cmp':
      r = { ...e, a: s(e.a), b: s(e.b) };
      break;
    case 'call': {
      const args = e.args.map(s);
      if (e.fn === 'where' && isNum(args[0])) r = args[0].v !== 0 ? args[1] : args[2];
      else r = { k: 'call', fn: e.fn, args };
      break;
    }
  }
  memo.set(e, r);
  return r;
}

/** −c, keeping the literal as written (`1.702` → `-1.702`). */
function negated(a: Extract<Expr, { k: 'num' }>): Expr {
  if (a.text === undefined) return num(-a.v);
  return { k: 'num', v: -a.v, text: a.text.startsWith('-') ? a.text.slice(1) : `-${a.text}` };
}

function simplifyBin(op: BinOp, a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b) && op !== '^' && op !== '/') {
    return folded(op === '+' ? a.v + b.v : op === '-' ? a.v - b.v : a.v * b.v);
  }
  switch (op) {
    case '+':
      if (is(a, 0)) return b;
      if (is(b, 0)) return a;
      if (b.k === 'neg') return simplifyBin('-', a, b.a);
      return add(a, b);
    case '-':
      if (is(b, 0)) return a;
      if (is(a, 0)) return b.k === 'neg' ? b.a : isNum(b) ? negated(b) : neg(b);
      if (b.k === 'neg') return add(a, b.a);
      return sub(a, b);
    case '*':
      if (is(a, 0) || is(b, 0)) return ZERO;
      if (is(a, 1)) return b;
      if (is(b, 1)) return a;
      if (a.k === 'neg') return neg(simplifyBin('*', a.a, b));
      if (b.k === 'neg') return neg(simplifyBin('*', a, b.a));
      // Constants first: c·(d·u) = (cd)·u, u·c = c·u.
      if (isNum(b)) return simplifyBin('*', b, a);
      if (isNum(a) && b.k === 'bin' && b.op === '*' && isNum(b.a))
        return mul(folded(a.v * b.a.v), b.b);
      if (!isNum(a) && b.k === 'bin' && b.op === '*' && isNum(b.a))
        return mul(b.a, simplifyBin('*', a, b.b));
      return mul(a, b);
    case '/':
      if (is(a, 0)) return ZERO;
      if (is(b, 1)) return a;
      // (−c)/b = −(c/b), so a minus sign stands in front of the fraction.
      if (isNum(a) && a.v < 0) return neg(div(negated(a), b));
      return div(a, b);
    case '^':
      if (is(b, 0)) return ONE;
      if (is(b, 1)) return a;
      return pow(a, b);
  }
}

/** Largest derivative tree shown as a formula; beyond it the panel says so instead. */
export const MAX_DERIVATIVE_NODES = 400;

/** The simplified derivative d/dx of `e`. */
export function derivative(e: Expr): Expr {
  return simplify(derive(e));
}
