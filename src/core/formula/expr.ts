/**
 * The one expression tree of the extension: an element-wise function of one input `x`, as plain
 * data. Three producers build it — the custom-formula parser (parse.ts), the neutral definitions
 * the snippet generator prints as Python (snippets/definitions.ts), and the translation of
 * activations defined in Python code (python/codeDefined.ts) — and one safe compiler (compile.ts)
 * evaluates it with f′ by forward-mode differentiation. No `eval`, no `new Function`; being plain
 * data, a tree can be posted to the training worker as is.
 */
import { erf, logSigmoid, sigmoid, softplus } from '../math/special';

export type BinOp = '+' | '-' | '*' | '/' | '^';
export type CmpOp = '>' | '>=' | '<' | '<=';

/**
 * A node. `name` is the input `x`, a constant (`pi`, `e`, `tau`) or, in the snippet definitions,
 * a parameter or local bound by the caller. `num.text` is the literal as written (`1.702`, `1.0`),
 * kept so printers show numbers the way the person wrote them.
 */
export type Expr =
  | { k: 'num'; v: number; text?: string }
  | { k: 'name'; name: string }
  | { k: 'neg'; a: Expr }
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr }
  | { k: 'cmp'; op: CmpOp; a: Expr; b: Expr }
  | { k: 'call'; fn: FnName; args: Expr[] };

/** The name of the input variable. */
export const X = 'x';

/** Whether `table` has `key` as its own property (never `constructor`, `__proto__`…). */
export function hasOwn<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** Named constants a formula may use: π, e and τ = 2π. */
export const CONSTANTS = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI } as const;
export type ConstantName = keyof typeof CONSTANTS;

/** Other spellings of the constants (`π`, `PI`, `E`). */
const CONSTANT_ALIASES: Record<string, ConstantName> = {
  π: 'pi',
  PI: 'pi',
  E: 'e',
  τ: 'tau',
};

type Unary = { arity: 1; v: (u: number) => number; d: (u: number, v: number) => number };
type Binary = {
  arity: 2;
  v: (a: number, b: number) => number;
  /** Partial derivatives ∂/∂a and ∂/∂b at (a, b). */
  d: (a: number, b: number) => [number, number];
};
type Select = { arity: 3; v: (c: number, a: number, b: number) => number };

const u1 = (v: Unary['v'], d: Unary['d']): Unary => ({ arity: 1, v, d });

/**
 * The functions a tree may call, with their derivatives. Kinks use the frameworks' convention
 * (0 at 0 for relu, abs; ½ each for a tie of max/min). `where(c, a, b)` is a when c ≠ 0 else b;
 * `finite(p)` is 1 when p is finite (the snippets store Python `None` limits as infinity).
 */
export const FUNCTIONS = {
  sin: u1(Math.sin, Math.cos),
  cos: u1(Math.cos, (u) => -Math.sin(u)),
  tan: u1(Math.tan, (u) => 1 / Math.cos(u) ** 2),
  atan: u1(Math.atan, (u) => 1 / (1 + u * u)),
  asinh: u1(Math.asinh, (u) => 1 / Math.sqrt(u * u + 1)),
  sinh: u1(Math.sinh, Math.cosh),
  cosh: u1(Math.cosh, Math.sinh),
  tanh: u1(Math.tanh, (_u, v) => 1 - v * v),
  exp: u1(Math.exp, (_u, v) => v),
  expm1: u1(Math.expm1, (u) => Math.exp(u)),
  log: u1(Math.log, (u) => 1 / u),
  log1p: u1(Math.log1p, (u) => 1 / (1 + u)),
  sqrt: u1(Math.sqrt, (_u, v) => 0.5 / v),
  cbrt: u1(Math.cbrt, (_u, v) => 1 / (3 * v * v)),
  abs: u1(Math.abs, (u) => Math.sign(u)),
  sign: u1(Math.sign, () => 0),
  erf: u1(erf, (u) => (2 / Math.sqrt(Math.PI)) * Math.exp(-u * u)),
  sigmoid: u1(sigmoid, (_u, v) => v * (1 - v)),
  softplus: u1(softplus, (u) => sigmoid(u)),
  logSigmoid: u1(logSigmoid, (u) => sigmoid(-u)),
  relu: u1(
    (u) => (u > 0 ? u : 0),
    (u) => (u > 0 ? 1 : 0),
  ),
  finite: u1(
    (u) => (Number.isFinite(u) ? 1 : 0),
    () => 0,
  ),
  max: {
    arity: 2,
    v: Math.max,
    d: (a, b) => (a > b ? [1, 0] : a < b ? [0, 1] : [0.5, 0.5]),
  } as Binary,
  min: {
    arity: 2,
    v: Math.min,
    d: (a, b) => (a < b ? [1, 0] : a > b ? [0, 1] : [0.5, 0.5]),
  } as Binary,
  where: { arity: 3, v: (c, a, b) => (c !== 0 ? a : b) } as Select,
} satisfies Record<string, Unary | Binary | Select>;

export type FnName = keyof typeof FUNCTIONS;

/** Other spellings a parser accepts for a function (NumPy's `maximum`, `arctan`…). */
const FUNCTION_ALIASES: Record<string, FnName> = {
  maximum: 'max',
  minimum: 'min',
  arctan: 'atan',
  arcsinh: 'asinh',
};

/** The canonical name `name` denotes in `table` or as an alias (own properties only). */
function canonical<K extends string>(
  table: Record<K, unknown>,
  aliases: Record<string, K>,
  name: string,
): K | undefined {
  if (hasOwn(table, name)) return name;
  return hasOwn(aliases, name) ? aliases[name] : undefined;
}

/** The function a name denotes (`max`, `maximum`), or undefined. */
export const functionNamed = (name: string) => canonical(FUNCTIONS, FUNCTION_ALIASES, name);
/** The constant a name denotes (`pi`, `π`, `PI`), or undefined. */
export const constantNamed = (name: string) => canonical(CONSTANTS, CONSTANT_ALIASES, name);

/** Whether the tree reads `name` (the input `x` by default). */
export function dependsOn(e: Expr, name: string = X): boolean {
  switch (e.k) {
    case 'num':
      return false;
    case 'name':
      return e.name === name;
    case 'neg':
      return dependsOn(e.a, name);
    case 'bin':
    case 'cmp':
      return dependsOn(e.a, name) || dependsOn(e.b, name);
    case 'call':
      return e.args.some((a) => dependsOn(a, name));
  }
}

/** Names an expression reads (x, parameters, locals; not the constants). */
export function namesIn(e: Expr, out = new Set<string>()): Set<string> {
  if (e.k === 'name' && !hasOwn(CONSTANTS, e.name)) out.add(e.name);
  else if (e.k === 'neg') namesIn(e.a, out);
  else if (e.k === 'bin' || e.k === 'cmp') {
    namesIn(e.a, out);
    namesIn(e.b, out);
  } else if (e.k === 'call') for (const a of e.args) namesIn(a, out);
  return out;
}

/** Number of nodes, counting at most `cap + 1` (so a shared-subtree DAG cannot run away). */
export function countNodes(e: Expr, cap = Infinity): number {
  let n = 0;
  const walk = (x: Expr): void => {
    if (++n > cap) return;
    if (x.k === 'neg') walk(x.a);
    else if (x.k === 'bin' || x.k === 'cmp') {
      walk(x.a);
      walk(x.b);
    } else if (x.k === 'call') for (const a of x.args) walk(a);
  };
  walk(e);
  return n;
}

/** Deepest and largest tree a message may carry (the worker checks before compiling). */
const MAX_EXPR_DEPTH = 64;
const MAX_EXPR_NODES = 1000;

const BIN_OPS: readonly string[] = ['+', '-', '*', '/', '^'] satisfies BinOp[];
const CMP_OPS: readonly string[] = ['>', '>=', '<', '<='] satisfies CmpOp[];

/**
 * Runtime check that `e` is an `Expr` (for data that crossed a boundary): bounded in depth and
 * size, every function whitelisted with its arity, every name the input or a constant.
 */
export function isFormulaTree(e: unknown): e is Expr {
  let nodes = 0;
  const ok = (n: unknown, depth: number): boolean => {
    if (++nodes > MAX_EXPR_NODES || depth > MAX_EXPR_DEPTH) return false;
    if (typeof n !== 'object' || n === null) return false;
    const o = n as Record<string, unknown>;
    switch (o.k) {
      case 'num':
        return typeof o.v === 'number';
      case 'name':
        return o.name === X || (typeof o.name === 'string' && hasOwn(CONSTANTS, o.name));
      case 'neg':
        return ok(o.a, depth + 1);
      case 'bin':
      case 'cmp':
        return (
          typeof o.op === 'string' &&
          (o.k === 'bin' ? BIN_OPS : CMP_OPS).includes(o.op) &&
          ok(o.a, depth + 1) &&
          ok(o.b, depth + 1)
        );
      case 'call':
        return (
          typeof o.fn === 'string' &&
          hasOwn(FUNCTIONS, o.fn) &&
          Array.isArray(o.args) &&
          o.args.length === FUNCTIONS[o.fn].arity &&
          o.args.every((a) => ok(a, depth + 1))
        );
      default:
        return false;
    }
  };
  return ok(e, 0);
}
