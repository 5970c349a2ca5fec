/**
 * Translation of a Python expression (a lezer tree) into the core's formula tree, for
 * activations defined in code. Only element-wise math is understood: numbers, the input name,
 * + − * / ** and unary −, comparisons, and calls of NumPy / PyTorch / JAX / TensorFlow / Keras /
 * `math` functions (`torch.tanh`, `np.maximum`, `tf.pow`, `x.pow(3)`, `layers.ReLU(6.)(x)`…).
 * Anything else (an unknown call, a subscript, a lambda) makes the translation fail: the code is
 * never run, and nothing is guessed.
 */
import type { SyntaxNode } from '@lezer/common';
import { CONSTANTS, countNodes, hasOwn, type Expr, type FnName } from '../formula/expr';

/** Largest translated tree and deepest nesting. */
export const MAX_PY_NODES = 400;
export const MAX_PY_DEPTH = 60;

/** Translation context: the source text, the input parameter's name and the locals so far. */
export interface PyContext {
  /** The document text; `base` plus a node's position is its document offset. */
  text: string;
  base: number;
  input: string;
  locals: Map<string, Expr>;
  nodes: number;
  /** Another one-argument function defined in the file (`hard_sigmoid` inside `hard_swish`). */
  helper?(name: string): Expr | undefined;
}

/** The source text of a node. */
function textOf(ctx: PyContext, n: SyntaxNode): string {
  return ctx.text.slice(n.from + ctx.base, n.to + ctx.base);
}

class Untranslatable extends Error {}
const fail = (): never => {
  throw new Untranslatable();
};

const x = (): Expr => ({ k: 'name', name: 'x' });
const num = (v: number, text?: string): Expr => ({ k: 'num', v, ...(text ? { text } : {}) });
const call = (fn: FnName, ...args: Expr[]): Expr => ({ k: 'call', fn, args });

/** Array-library prefixes whose element-wise functions share NumPy's names. */
const LIBS = new Set([
  'np',
  'numpy',
  'jnp',
  'jax.numpy',
  'torch',
  'tf',
  'tf.math',
  'tf.nn',
  'math',
  'F',
  'torch.nn.functional',
  'jax.nn',
  'nn',
  'ops',
  'keras.ops',
  'K',
  'tf.keras.backend',
  'scipy.special',
  'special',
  'jax.scipy.special',
  'torch.special',
  'tf.keras.activations',
  'keras.activations',
]);

/** Function names (after the library prefix) that are one of ours, with their arity. */
const NAMES: Record<string, FnName> = {
  tanh: 'tanh',
  exp: 'exp',
  expm1: 'expm1',
  log: 'log',
  log1p: 'log1p',
  sqrt: 'sqrt',
  abs: 'abs',
  absolute: 'abs',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  atan: 'atan',
  arctan: 'atan',
  asinh: 'asinh',
  arcsinh: 'asinh',
  sinh: 'sinh',
  cosh: 'cosh',
  cbrt: 'cbrt',
  sign: 'sign',
  erf: 'erf',
  sigmoid: 'sigmoid',
  expit: 'sigmoid',
  softplus: 'softplus',
  relu: 'relu',
  maximum: 'max',
  minimum: 'min',
  max: 'max',
  min: 'min',
  fmax: 'max',
  fmin: 'min',
  where: 'where',
  log_sigmoid: 'logSigmoid',
  logsigmoid: 'logSigmoid',
};

/** Tensor methods (`x.pow(3)`, `x.sigmoid()`): the receiver is the first argument. */
const METHODS: Record<string, FnName | 'pow'> = {
  pow: 'pow',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  exp: 'exp',
  abs: 'abs',
  sqrt: 'sqrt',
  relu: 'relu',
  erf: 'erf',
  log: 'log',
};

/** The dotted name of a callee or attribute (`torch.nn.functional.relu`), or undefined. */
function dotted(ctx: PyContext, n: SyntaxNode): string | undefined {
  if (n.name === 'VariableName') return textOf(ctx, n);
  if (n.name !== 'MemberExpression') return undefined;
  const obj = n.firstChild;
  const prop = n.lastChild;
  if (!obj || !prop || prop.name !== 'PropertyName') return undefined;
  const head = dotted(ctx, obj);
  return head === undefined ? undefined : `${head}.${textOf(ctx, prop)}`;
}

function splitDotted(name: string): { lib: string; fn: string } {
  const i = name.lastIndexOf('.');
  return i < 0 ? { lib: '', fn: name } : { lib: name.slice(0, i), fn: name.slice(i + 1) };
}

/** Positional and keyword arguments of an ArgList. */
function argsOf(ctx: PyContext, list: SyntaxNode | null, depth: number) {
  const positional: Expr[] = [];
  const keywords: Record<string, Expr> = {};
  let keyword: string | undefined;
  for (let c = list?.firstChild; c; c = c.nextSibling) {
    if (c.name === '(' || c.name === ')' || c.name === ',') continue;
    if (c.name === 'VariableName' && c.nextSibling?.name === 'AssignOp') {
      keyword = textOf(ctx, c);
      continue;
    }
    if (c.name === 'AssignOp') continue;
    if (c.name === '*' || c.name === '**') fail();
    const e = translate(ctx, c, depth + 1);
    if (keyword !== undefined) keywords[keyword] = e;
    else positional.push(e);
    keyword = undefined;
  }
  return { positional, keywords };
}

/** The elements of a two-or-more-element list display `[u, v]`. */
function listItems(ctx: PyContext, n: SyntaxNode, depth: number): Expr[] {
  if (n.name !== 'ArrayExpression') return fail();
  const items: Expr[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling)
    if (c.name !== '[' && c.name !== ']' && c.name !== ',')
      items.push(translate(ctx, c, depth + 1));
  return items.length >= 2 ? items : fail();
}

/** `e` with its input x replaced by `u` (a helper function applied to an argument). */
export function substitute(e: Expr, u: Expr): Expr {
  switch (e.k) {
    case 'num':
      return e;
    case 'name':
      return e.name === 'x' ? u : e;
    case 'neg':
      return { k: 'neg', a: substitute(e.a, u) };
    case 'bin':
    case 'cmp':
      return { ...e, a: substitute(e.a, u), b: substitute(e.b, u) };
    case 'call':
      return { k: 'call', fn: e.fn, args: e.args.map((a) => substitute(a, u)) };
  }
}

/** How often the input x occurs in `e`. */
function inputUses(e: Expr): number {
  switch (e.k) {
    case 'num':
      return 0;
    case 'name':
      return e.name === 'x' ? 1 : 0;
    case 'neg':
      return inputUses(e.a);
    case 'bin':
    case 'cmp':
      return inputUses(e.a) + inputUses(e.b);
    case 'call':
      return e.args.reduce((n, a) => n + inputUses(a), 0);
  }
}

/** `min(max(u, lo), hi)` with either bound absent (clip, clamp, hardtanh-like calls). */
function clip(u: Expr, lo: Expr | undefined, hi: Expr | undefined): Expr {
  const low = lo ? call('max', u, lo) : u;
  return hi ? call('min', low, hi) : low;
}

function translateCall(ctx: PyContext, n: SyntaxNode, depth: number): Expr {
  const callee = n.firstChild;
  const list = n.lastChild;
  if (!callee || list?.name !== 'ArgList') return fail();
  // Keras applications: `layers.ReLU(6.)(u)` is min(max(u, 0), 6), and
  // `layers.Multiply()([u, v])` is u·v.
  if (callee.name === 'CallExpression') {
    const layer = splitDotted(dotted(ctx, callee.firstChild ?? callee) ?? '').fn;
    if (layer === 'ReLU') {
      const { positional: a } = argsOf(ctx, list, depth);
      const { positional: p, keywords: k } = argsOf(ctx, callee.lastChild, depth);
      return a.length === 1 ? clip(a[0], num(0), p[0] ?? k.max_value) : fail();
    }
    if ((layer === 'Multiply' || layer === 'Add') && list.firstChild?.nextSibling) {
      const items = listItems(ctx, list.firstChild.nextSibling, depth);
      const op = layer === 'Multiply' ? '*' : '+';
      return items.reduce((acc, e): Expr => ({ k: 'bin', op, a: acc, b: e }));
    }
    return fail();
  }
  const name = dotted(ctx, callee);
  if (name === undefined) {
    return fail();
  }
  const { positional: a, keywords: kw } = argsOf(ctx, list, depth);
  const { lib, fn } = splitDotted(name);
  const helper = lib === '' && a.length === 1 ? ctx.helper?.(fn) : undefined;
  if (helper) {
    // The substituted tree's size is known before it is built: a helper that uses its input
    // many times on a large argument fails instead of growing the tree.
    const size =
      countNodes(helper, MAX_PY_NODES) + inputUses(helper) * countNodes(a[0], MAX_PY_NODES);
    return size > MAX_PY_NODES ? fail() : substitute(helper, a[0]);
  }
  // A method of the input or of a sub-expression: `x.pow(3)`, `(x + 1).sigmoid()`.
  if (callee.name === 'MemberExpression' && !LIBS.has(lib) && hasOwn(METHODS, fn)) {
    const receiver = translate(ctx, callee.firstChild ?? fail(), depth + 1);
    const m = METHODS[fn];
    if (m === 'pow' && a.length === 1) return { k: 'bin', op: '^', a: receiver, b: a[0] };
    if (m !== 'pow' && a.length === 0) return call(m, receiver);
    return fail();
  }
  if (lib !== '' && !LIBS.has(lib)) return fail();
  if (fn === 'pow' || fn === 'power') {
    if (a.length !== 2) return fail();
    return { k: 'bin', op: '^', a: a[0], b: a[1] };
  }
  if (fn === 'clip' || fn === 'clamp' || fn === 'clip_by_value') {
    const lo = a[1] ?? kw.min ?? kw.a_min ?? kw.clip_value_min;
    const hi = a[2] ?? kw.max ?? kw.a_max ?? kw.clip_value_max;
    return a[0] && (lo || hi) ? clip(a[0], lo, hi) : fail();
  }
  if (fn === 'relu6' && a.length === 1) return clip(a[0], num(0), num(6));
  if (fn === 'square' && a.length === 1) return { k: 'bin', op: '^', a: a[0], b: num(2) };
  if (!hasOwn(NAMES, fn)) return fail();
  const f = NAMES[fn];
  // Python's built-in max/min of two numbers is the same function as np.maximum.
  if (lib === '' && !(f === 'max' || f === 'min' || f === 'abs')) return fail();
  if (a.length !== arity(f) || Object.keys(kw).length > 0) return fail();
  return call(f, ...a);
}

function arity(f: FnName): number {
  return f === 'where' ? 3 : f === 'max' || f === 'min' ? 2 : 1;
}

const ARITH: Record<string, '+' | '-' | '*' | '/' | '^'> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '**': '^',
};
const CMP: Record<string, '>' | '>=' | '<' | '<='> = { '>': '>', '>=': '>=', '<': '<', '<=': '<=' };

/** Translates one expression node; throws `Untranslatable` on anything it does not understand. */
function translate(ctx: PyContext, n: SyntaxNode, depth: number): Expr {
  if (++ctx.nodes > MAX_PY_NODES || depth > MAX_PY_DEPTH) return fail();
  const src = () => textOf(ctx, n);
  switch (n.name) {
    case 'Number': {
      const t = src().replace(/_/g, '');
      const v = Number(t);
      return Number.isFinite(v) && !/[jJ]$/.test(t) ? num(v, t) : fail();
    }
    case 'VariableName': {
      const name = src();
      if (name === ctx.input) return x();
      const local = ctx.locals.get(name);
      return local ?? fail();
    }
    case 'MemberExpression': {
      // lezer reads a trailing-dot float (`6.`) as a member access with a missing name.
      const head = n.firstChild;
      const written = src().trim();
      if (head?.name === 'Number' && /^\d+\.$/.test(written)) return num(Number(written), written);
      const name = dotted(ctx, n);
      const { lib, fn } = splitDotted(name ?? '');
      if (LIBS.has(lib) && (fn === 'pi' || fn === 'e') && hasOwn(CONSTANTS, fn))
        return { k: 'name', name: fn };
      return fail();
    }
    case 'ParenthesizedExpression': {
      const inner = n.firstChild?.nextSibling;
      return inner && inner.nextSibling?.name === ')' ? translate(ctx, inner, depth + 1) : fail();
    }
    case 'UnaryExpression': {
      const op = n.firstChild;
      const arg = n.lastChild;
      if (!op || !arg || op === arg) return fail();
      const a = translate(ctx, arg, depth + 1);
      const o = textOf(ctx, op);
      return o === '-' ? { k: 'neg', a } : o === '+' ? a : fail();
    }
    case 'BinaryExpression': {
      const left = n.firstChild;
      const op = left?.nextSibling;
      const right = n.lastChild;
      if (!left || !op || !right || op === right) return fail();
      const o = textOf(ctx, op).trim();
      const a = translate(ctx, left, depth + 1);
      const b = translate(ctx, right, depth + 1);
      if (op.name === 'CompareOp' && hasOwn(CMP, o)) return { k: 'cmp', op: CMP[o], a, b };
      if (op.name === 'ArithOp' && hasOwn(ARITH, o)) return { k: 'bin', op: ARITH[o], a, b };
      return fail();
    }
    case 'CallExpression':
      return translateCall(ctx, n, depth);
    default:
      return fail();
  }
}

/** The formula tree of a Python expression, or undefined when it is not element-wise math. */
export function pyToExpr(ctx: PyContext, n: SyntaxNode): Expr | undefined {
  try {
    return translate(ctx, n, 0);
  } catch (e) {
    if (e instanceof Untranslatable) return undefined;
    throw e;
  }
}
