/**
 * Compiles an expression tree into closures that compute f(x) and f′(x) = df/dx together by
 * forward-mode automatic differentiation (dual numbers): each node returns its value and leaves
 * its derivative with respect to x in `d`. Only `Math` and the catalog's special functions run.
 */
import type { ScalarFunction } from '../math/scalarFunction';
import { CONSTANTS, FUNCTIONS, X, dependsOn, hasOwn, type Expr } from './expr';

/** A compiled node: returns the value and leaves the derivative in `d`. */
interface Node {
  run(x: number): number;
  d: number;
}

/** Values of names other than x (parameters, locals); constants are known without it. */
export type Env = Readonly<Record<string, number>>;

const constant = (v: number): Node => ({ d: 0, run: () => v });

function power(A: Node, B: Node, bConst: boolean): Node {
  const n: Node = {
    d: 0,
    run(x) {
      const a = A.run(x);
      const b = B.run(x);
      const v = Math.pow(a, b);
      // With a constant exponent the power rule holds for negative bases too (x^2, x^3).
      if (bConst) n.d = b === 0 || A.d === 0 ? 0 : b * Math.pow(a, b - 1) * A.d;
      else n.d = v * (B.d * Math.log(a) + (b * A.d) / a);
      return v;
    },
  };
  return n;
}

function arithmetic(op: '+' | '-' | '*' | '/', A: Node, B: Node): Node {
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

function compare(op: '>' | '>=' | '<' | '<=', A: Node, B: Node): Node {
  return {
    d: 0,
    run(x) {
      const a = A.run(x);
      const b = B.run(x);
      return (op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b) ? 1 : 0;
    },
  };
}

function call(e: Extract<Expr, { k: 'call' }>, env: Env): Node {
  const args = e.args.map((a) => compileNode(a, env));
  const spec = FUNCTIONS[e.fn];
  const n: Node = { d: 0, run: () => 0 };
  if (spec.arity === 1) {
    const [A] = args;
    n.run = (x) => {
      const u = A.run(x);
      const v = spec.v(u);
      n.d = A.d === 0 ? 0 : spec.d(u, v) * A.d;
      return v;
    };
  } else if (spec.arity === 2) {
    const [A, B] = args;
    n.run = (x) => {
      const a = A.run(x);
      const b = B.run(x);
      const [da, db] = spec.d(a, b);
      n.d = da * A.d + db * B.d;
      return spec.v(a, b);
    };
  } else {
    // Both branches are evaluated (like the array libraries' where); the chosen one's d is kept.
    const [C, A, B] = args;
    n.run = (x) => {
      const c = C.run(x);
      const a = A.run(x);
      const b = B.run(x);
      n.d = c !== 0 ? A.d : B.d;
      return spec.v(c, a, b);
    };
  }
  return n;
}

function compileNode(e: Expr, env: Env): Node {
  switch (e.k) {
    case 'num':
      return constant(e.v);
    case 'name':
      if (e.name === X) return { d: 1, run: (x) => x };
      if (hasOwn(env, e.name)) return constant(env[e.name]);
      return constant(hasOwn(CONSTANTS, e.name) ? CONSTANTS[e.name] : NaN);
    case 'neg': {
      const A = compileNode(e.a, env);
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
      const A = compileNode(e.a, env);
      const B = compileNode(e.b, env);
      if (e.op === '^') return power(A, B, !dependsOn(e.b));
      return arithmetic(e.op, A, B);
    }
    case 'cmp':
      return compare(e.op, compileNode(e.a, env), compileNode(e.b, env));
    case 'call':
      return call(e, env);
  }
}

/**
 * Compiles a tree into f and f′ (f′ = df/dx by forward-mode automatic differentiation). Names
 * other than x and the constants take their values from `env`; an unbound name is NaN.
 */
export function compileExpr(e: Expr, env: Env = {}): ScalarFunction {
  const root = compileNode(e, env);
  return {
    f: (x) => root.run(x),
    df: (x) => {
      root.run(x);
      return root.d;
    },
  };
}

/** Evaluates `e` once with `env` binding x and every other name it reads. */
export function evaluate(e: Expr, env: Env): number {
  return compileNode(e, env).run(hasOwn(env, X) ? env[X] : NaN);
}

/** Output buffers of a sampler: f and f′ at each grid point. */
export interface Samples {
  f: Float64Array;
  df: Float64Array;
}

/**
 * Compiles a tree for repeated sampling (the closure tree is built once); each call fills f and
 * f′ at n evenly spaced points of [x0, x1] in one pass per point.
 */
export function compileSampler(e: Expr): (x0: number, x1: number, n: number, out: Samples) => void {
  const root = compileNode(e, {});
  return (x0, x1, n, out) => {
    const h = n > 1 ? (x1 - x0) / (n - 1) : 0;
    for (let i = 0; i < n; i++) {
      out.f[i] = root.run(x0 + i * h);
      out.df[i] = root.d;
    }
  };
}
