/**
 * A small, safe expression language for custom activations: a plain-data tree over one variable
 * `x`, numbers, + − × ÷ ^ and a whitelist of functions. Trees are built from a parsed formula
 * (see formulaParser.ts) and compiled here into closures that compute f(x) and f′(x) together by
 * forward-mode automatic differentiation (dual numbers). No `eval`, no `new Function`, no access
 * to anything but `Math`. Being plain data, a tree can be posted to the training worker as is.
 * This file touches no DOM, so the worker can import it too.
 */

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'x' }
  | { k: 'neg'; a: Expr }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: Expr; b: Expr }
  | { k: 'call'; fn: FnName; args: Expr[] };

/** A compiled custom activation, as the graph and (later) the trainer use it. */
export interface CustomFunction {
  /** f(x). */
  f(x: number): number;
  /** df/dx by forward-mode automatic differentiation. */
  df(x: number): number;
}

type Unary = { arity: 1; v: (u: number) => number; d: (u: number, v: number) => number };
type Binary = {
  arity: 2;
  v: (a: number, b: number) => number;
  /** Partial derivatives ∂/∂a and ∂/∂b at (a, b). */
  d: (a: number, b: number, v: number) => [number, number];
};

const sigmoid = (u: number) => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));
const softplus = (u: number) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));

/** erf by W. J. Cody's rational approximations would be heavier; this series/continued fraction is accurate to ~1e-15. */
function erf(x: number): number {
  const a = Math.abs(x);
  if (a < 2.5) {
    let sum = a;
    let term = a;
    for (let n = 1; n < 60; n++) {
      term *= (-a * a) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (Math.sign(x) * 2 * sum) / Math.sqrt(Math.PI);
  }
  if (a > 6) return Math.sign(x);
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (a + f);
  return Math.sign(x) * (1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f));
}

const u1 = (v: Unary['v'], d: Unary['d']): Unary => ({ arity: 1, v, d });

/** The functions a formula may call, with their derivatives. Kinks use the frameworks' convention: 0 at 0. */
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
  relu: u1(
    (u) => (u > 0 ? u : 0),
    (u) => (u > 0 ? 1 : 0),
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
  pow: { arity: 2, v: Math.pow, d: () => [0, 0] } as Binary,
} satisfies Record<string, Unary | Binary>;

export type FnName = keyof typeof FUNCTIONS;

export function isFnName(name: string): name is FnName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** Whether the tree depends on x (a constant sub-tree lets `a^b` use the power rule). */
export function dependsOnX(e: Expr): boolean {
  switch (e.k) {
    case 'num':
      return false;
    case 'x':
      return true;
    case 'neg':
      return dependsOnX(e.a);
    case 'bin':
      return dependsOnX(e.a) || dependsOnX(e.b);
    case 'call':
      return e.args.some(dependsOnX);
  }
}

/** A compiled node: returns the value and leaves the derivative in `d`. */
interface Node {
  run(x: number): number;
  d: number;
}

function power(A: Node, B: Node, bConst: boolean): Node {
  const n: Node = {
    d: 0,
    run(x) {
      const a = A.run(x);
      const b = B.run(x);
      const v = Math.pow(a, b);
      // With a constant exponent the power rule holds for negative bases too (x^2, x^3).
      if (bConst) n.d = b === 0 ? 0 : b * Math.pow(a, b - 1) * A.d;
      else n.d = v * (B.d * Math.log(a) + (b * A.d) / a);
      return v;
    },
  };
  return n;
}

function compileNode(e: Expr): Node {
  switch (e.k) {
    case 'num':
      return { d: 0, run: () => e.v };
    case 'x':
      return { d: 1, run: (x) => x };
    case 'neg': {
      const A = compileNode(e.a);
      const n: Node = {
        d: 0,
        run: (x) => {
          const v = -A.run(x);
          n.d = -A.d;
          return v;
        },
      };
      return n;
    }
    case 'bin': {
      const A = compileNode(e.a);
      const B = compileNode(e.b);
      if (e.op === '^') return power(A, B, !dependsOnX(e.b));
      const op = e.op;
      const n: Node = {
        d: 0,
        run(x) {
          const a = A.run(x);
          const b = B.run(x);
          switch (op) {
            case '+':
              n.d = A.d + B.d;
              return a + b;
            case '-':
              n.d = A.d - B.d;
              return a - b;
            case '*':
              n.d = A.d * b + a * B.d;
              return a * b;
            case '/':
              n.d = (A.d * b - a * B.d) / (b * b);
              return a / b;
          }
        },
      };
      return n;
    }
    case 'call': {
      const spec = FUNCTIONS[e.fn];
      const args = e.args.map(compileNode);
      if (e.fn === 'pow') return power(args[0], args[1], !dependsOnX(e.args[1]));
      if (spec.arity === 1) {
        const A = args[0];
        const n: Node = {
          d: 0,
          run(x) {
            const u = A.run(x);
            const v = spec.v(u);
            n.d = A.d === 0 ? 0 : spec.d(u, v) * A.d;
            return v;
          },
        };
        return n;
      }
      const [A, B] = args;
      const n: Node = {
        d: 0,
        run(x) {
          const a = A.run(x);
          const b = B.run(x);
          const v = spec.v(a, b);
          const [da, db] = spec.d(a, b, v);
          n.d = da * A.d + db * B.d;
          return v;
        },
      };
      return n;
    }
  }
}

/** Compiles a tree into f and f′ (f′ by forward-mode automatic differentiation). */
export function compileExpr(e: Expr): CustomFunction {
  const root = compileNode(e);
  return {
    f: (x) => root.run(x),
    df: (x) => {
      root.run(x);
      return root.d;
    },
  };
}

/** Fills f and f′ at n evenly spaced points of [x0, x1] in one pass per point. */
export function sampleExpr(
  e: Expr | Node,
  x0: number,
  x1: number,
  n: number,
  out: { f: Float64Array; df: Float64Array },
): void {
  const root = 'run' in e ? e : compileNode(e);
  const h = n > 1 ? (x1 - x0) / (n - 1) : 0;
  for (let i = 0; i < n; i++) {
    out.f[i] = root.run(x0 + i * h);
    out.df[i] = root.d;
  }
}

/** Compiles a tree for repeated sampling (the closure tree is built once). */
export function compileSampler(
  e: Expr,
): (x0: number, x1: number, n: number, out: { f: Float64Array; df: Float64Array }) => void {
  const root = compileNode(e);
  return (x0, x1, n, out) => sampleExpr(root, x0, x1, n, out);
}
