/**
 * A tiny neutral expression language for element-wise activations, written once per catalog entry
 * and printed as NumPy, PyTorch, JAX or Keras code. The same tree is evaluated in JavaScript by the
 * tests, which is what proves the generated code computes the catalog's f and f′.
 *
 * Syntax: numbers, `x`, parameter names, `pi`, `+ - * / **`, unary `-`, comparisons
 * (`> >= < <=`), and calls: exp, expm1, log, log1p, sqrt, abs, tanh, sin, cos, atan, erf,
 * sigmoid, softplus, logSigmoid, maximum, minimum, where(cond, a, b), and finite(p) (1 when a
 * parameter is finite: Python `None` limits are stored as infinity). No statements.
 */

export type Fn =
  | 'exp'
  | 'expm1'
  | 'log'
  | 'log1p'
  | 'sqrt'
  | 'abs'
  | 'tanh'
  | 'sin'
  | 'cos'
  | 'atan'
  | 'erf'
  | 'sigmoid'
  | 'softplus'
  | 'logSigmoid'
  | 'maximum'
  | 'minimum'
  | 'where'
  | 'finite';

export type BinOp = '+' | '-' | '*' | '/' | '**';
export type CmpOp = '>' | '>=' | '<' | '<=';

/** Syntax tree of a neutral expression. `name` is `x`, `pi`, a parameter or a local variable. */
export type Expr =
  | { k: 'num'; v: number; text: string }
  | { k: 'name'; name: string }
  | { k: 'neg'; a: Expr }
  | { k: 'bin'; op: BinOp; a: Expr; b: Expr }
  | { k: 'cmp'; op: CmpOp; a: Expr; b: Expr }
  | { k: 'call'; fn: Fn; args: Expr[] };

const ARITY: Record<Fn, number> = {
  exp: 1,
  expm1: 1,
  log: 1,
  log1p: 1,
  sqrt: 1,
  abs: 1,
  tanh: 1,
  sin: 1,
  cos: 1,
  atan: 1,
  erf: 1,
  sigmoid: 1,
  softplus: 1,
  logSigmoid: 1,
  maximum: 2,
  minimum: 2,
  where: 3,
  finite: 1,
};

const TOKEN = /\s*(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+|[A-Za-z_]\w*|\*\*|>=|<=|[-+*/(),<>])/y;

/** Parses a neutral expression; throws on a syntax error (the table is static and tested). */
export function parseExpr(src: string): Expr {
  const toks: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(start))) break;
      throw new Error(`bad token at ${start} in ${src}`);
    }
    toks.push(m[1]);
  }
  let i = 0;
  const peek = () => toks[i];
  const eat = (t: string) => {
    if (toks[i] !== t) throw new Error(`expected ${t} at token ${i} in ${src}`);
    i++;
  };
  const cmp = (): Expr => {
    const a = add();
    const op = peek();
    if (op === '>' || op === '>=' || op === '<' || op === '<=') {
      i++;
      return { k: 'cmp', op, a, b: add() };
    }
    return a;
  };
  const add = (): Expr => {
    let a = mul();
    while (peek() === '+' || peek() === '-') a = { k: 'bin', op: toks[i++] as BinOp, a, b: mul() };
    return a;
  };
  const mul = (): Expr => {
    let a = unary();
    while (peek() === '*' || peek() === '/')
      a = { k: 'bin', op: toks[i++] as BinOp, a, b: unary() };
    return a;
  };
  const unary = (): Expr => (peek() === '-' ? (i++, { k: 'neg', a: unary() }) : pow());
  const pow = (): Expr => {
    const a = atom();
    return peek() === '**' ? (i++, { k: 'bin', op: '**', a, b: unary() }) : a;
  };
  const atom = (): Expr => {
    const t = toks[i++];
    if (t === undefined) throw new Error(`unexpected end of ${src}`);
    if (t === '(') {
      const e = cmp();
      eat(')');
      return e;
    }
    if (/^[\d.]/.test(t)) return { k: 'num', v: Number(t), text: t };
    if (!/^[A-Za-z_]/.test(t)) throw new Error(`unexpected ${t} in ${src}`);
    if (peek() !== '(') return { k: 'name', name: t };
    if (!(t in ARITY)) throw new Error(`unknown function ${t} in ${src}`);
    i++;
    const args: Expr[] = [cmp()];
    while (peek() === ',') {
      i++;
      args.push(cmp());
    }
    eat(')');
    if (args.length !== ARITY[t as Fn]) throw new Error(`${t} takes ${ARITY[t as Fn]} arguments`);
    return { k: 'call', fn: t as Fn, args };
  };
  const e = cmp();
  if (i !== toks.length) throw new Error(`trailing ${toks[i]} in ${src}`);
  return e;
}

/** log(1 + e^z) without overflow: max(z, 0) + log1p(e^{−|z|}). */
function softplusJs(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Error function (Abramowitz–Stegun 7.1.26 is too coarse; the catalog's erf is passed in). */
export type ErfFn = (z: number) => number;

/**
 * Evaluates `e` at one point: `env` maps `x`, parameters and local variables to numbers.
 * Comparisons give 1 or 0; `where(c, a, b)` is a if c ≠ 0 else b. `erf` must be supplied.
 */
export function evalExpr(e: Expr, env: Record<string, number>, erf: ErfFn): number {
  const ev = (n: Expr): number => evalExpr(n, env, erf);
  switch (e.k) {
    case 'num':
      return e.v;
    case 'name':
      if (e.name === 'pi') return Math.PI;
      if (!(e.name in env)) throw new Error(`unbound ${e.name}`);
      return env[e.name];
    case 'neg':
      return -ev(e.a);
    case 'bin': {
      const a = ev(e.a);
      const b = ev(e.b);
      return e.op === '+'
        ? a + b
        : e.op === '-'
          ? a - b
          : e.op === '*'
            ? a * b
            : e.op === '/'
              ? a / b
              : a ** b;
    }
    case 'cmp': {
      const a = ev(e.a);
      const b = ev(e.b);
      const r = e.op === '>' ? a > b : e.op === '>=' ? a >= b : e.op === '<' ? a < b : a <= b;
      return r ? 1 : 0;
    }
    case 'call':
      return evalCall(e.fn, e.args.map(ev), erf);
  }
}

function evalCall(fn: Fn, a: number[], erf: ErfFn): number {
  switch (fn) {
    case 'exp':
      return Math.exp(a[0]);
    case 'expm1':
      return Math.expm1(a[0]);
    case 'log':
      return Math.log(a[0]);
    case 'log1p':
      return Math.log1p(a[0]);
    case 'sqrt':
      return Math.sqrt(a[0]);
    case 'abs':
      return Math.abs(a[0]);
    case 'tanh':
      return Math.tanh(a[0]);
    case 'sin':
      return Math.sin(a[0]);
    case 'cos':
      return Math.cos(a[0]);
    case 'atan':
      return Math.atan(a[0]);
    case 'erf':
      return erf(a[0]);
    case 'sigmoid':
      return a[0] >= 0 ? 1 / (1 + Math.exp(-a[0])) : Math.exp(a[0]) / (1 + Math.exp(a[0]));
    case 'softplus':
      return softplusJs(a[0]);
    case 'logSigmoid':
      return -softplusJs(-a[0]);
    case 'maximum':
      return Math.max(a[0], a[1]);
    case 'minimum':
      return Math.min(a[0], a[1]);
    case 'where':
      return a[0] !== 0 ? a[1] : a[2];
    case 'finite':
      return Number.isFinite(a[0]) ? 1 : 0;
  }
}

/** Names an expression reads (x, parameters, locals; not `pi`). */
export function namesIn(e: Expr, out = new Set<string>()): Set<string> {
  if (e.k === 'name' && e.name !== 'pi') out.add(e.name);
  else if (e.k === 'neg') namesIn(e.a, out);
  else if (e.k === 'bin' || e.k === 'cmp') {
    namesIn(e.a, out);
    namesIn(e.b, out);
  } else if (e.k === 'call') for (const a of e.args) namesIn(a, out);
  return out;
}
