/**
 * Activations defined in the file itself: `def gelu(x): return 0.5*x*(1+tf.tanh(…))`, or a module
 * class whose `forward(self, x)` (Keras: `call`) is one `return` expression, possibly after simple
 * local assignments. The body is translated to the core's formula tree (pyExpr.ts; the code is
 * never run), evaluated by the formula compiler, and compared with every element-wise catalog
 * entry (default parameters) on a dense grid, so the hover can say which entry it is.
 */
import type { SyntaxNode } from '@lezer/common';
import { listActivations, defaultParams } from '../catalog/catalog';
import { compileExpr } from '../formula/compile';
import type { ScalarFunction } from '../math/scalarFunction';
import type { Expr } from '../formula/expr';
import { reportDetectorError, type PythonAnalysis } from './parse';
import { pyToExpr, type PyContext } from './pyExpr';
import { nodeText, type ScopeContext } from './scope';
import { lineOf, moduleSites } from './bindingSites';

/** The comparison grid: `GRID_POINTS` evenly spaced points of [−GRID_SPAN, GRID_SPAN]. */
export const GRID_SPAN = 10;
export const GRID_POINTS = 2001;
/** Largest max |Δ| on the grid still called "equal" to a catalog entry. */
export const MATCH_TOLERANCE = 1e-6;
/** Longest definition block read (characters). */
const MAX_BLOCK = 8_000;

/** A recognised definition and how it compares with the catalog. */
export interface CodeDefined {
  /** The defined name (`gelu`, `NewGELU`). */
  name: string;
  kind: 'function' | 'class';
  /** 0-based line of the `def` or `class`. */
  line: number;
  /** Document offset of the `def` or `class`. */
  offset: number;
  /** The `return` expression as written. */
  source: string;
  expr: Expr;
  fn: ScalarFunction;
  /** The catalog entry equal on the grid (max |Δ| ≤ `MATCH_TOLERANCE`), if any. */
  match?: { id: string; maxDelta: number };
  /** The closest entry when none matches. */
  closest?: { id: string; maxDelta: number };
}

const child = (n: SyntaxNode | null, name: string) => {
  for (let c = n?.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return null;
};

/**
 * The element-wise input: the first parameter other than `self`. Every other parameter must have
 * a default (`def softmax(x, axis=-1)`), so calling it with one argument is what the code does.
 */
function inputOf(ctx: ScopeContext, params: SyntaxNode | null): string | undefined {
  let input: string | undefined;
  for (let c = params?.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'VariableName') continue;
    const n = nodeText(ctx, c);
    const prev = c.prevSibling?.name;
    if (prev === '*' || prev === '**') continue;
    let next = c.nextSibling;
    if (next?.name === 'TypeDef') next = next.nextSibling;
    const hasDefault = next?.name === 'AssignOp';
    if (n === 'self' && input === undefined && !hasDefault) continue;
    if (input === undefined && !hasDefault) input = n;
    else if (!hasDefault) return undefined;
  }
  return input;
}

type Helper = (name: string) => Expr | undefined;

/** Most statements read in a body (docstring, comments, simple assignments, the return). */
const MAX_STATEMENTS = 12;

/** The function's body as one expression over its input, or undefined. */
function bodyExpr(
  ctx: ScopeContext,
  def: SyntaxNode,
  helper: Helper,
): { expr: Expr; source: string } | undefined {
  const input = inputOf(ctx, child(def, 'ParamList'));
  const body = child(def, 'Body');
  if (!input || !body) return undefined;
  const py: PyContext = {
    text: ctx.analysis.text,
    base: ctx.window.base,
    input,
    locals: new Map(),
    nodes: 0,
    helper,
  };
  let statements = 0;
  for (let s = body.firstChild; s; s = s.nextSibling) {
    if (s.name === ':' || s.name === 'Comment') continue;
    if (++statements > MAX_STATEMENTS) return undefined;
    if (s.name === 'ExpressionStatement' && s.firstChild?.name === 'String') continue;
    if (s.name === 'AssignStatement') {
      const target = s.firstChild;
      const value = s.lastChild;
      if (target?.name !== 'VariableName' || target.nextSibling?.name !== 'AssignOp' || !value)
        return undefined;
      const e = pyToExpr(py, value);
      if (!e) return undefined;
      py.locals.set(nodeText(ctx, target), e);
      continue;
    }
    if (s.name === 'ReturnStatement') {
      const value = s.lastChild;
      if (!value || value.name === 'return') return undefined;
      const expr = pyToExpr(py, value);
      return expr && { expr, source: nodeText(ctx, value, 400) };
    }
    return undefined;
  }
  return undefined;
}

const METHODS = new Set(['forward', 'call', '__call__']);

/** Most nested helper functions followed (`hard_swish` → `hard_sigmoid`). */
const MAX_HELPER_DEPTH = 3;

/** Most helper definitions read for one definition (each is translated once). */
const MAX_HELPERS = 8;

/**
 * Helpers: module-level one-argument functions of the same file (found through the binding
 * model's module index), followed at most `MAX_HELPER_DEPTH` deep and `MAX_HELPERS` in all, each
 * translated once however often it is called.
 */
function helpersOf(
  analysis: PythonAnalysis,
  depth: number,
  seen: ReadonlySet<number>,
  memo = new Map<string, Expr | undefined>(),
): Helper {
  return (name) => {
    if (memo.has(name)) return memo.get(name);
    if (depth >= MAX_HELPER_DEPTH || memo.size >= MAX_HELPERS) return undefined;
    memo.set(name, undefined);
    const sites = moduleSites(analysis, name, Infinity);
    const site = sites.length === 1 ? sites[0] : undefined;
    if (site?.node.name !== 'FunctionDefinition' || seen.has(site.pos)) return undefined;
    if (site.node.to - site.node.from > MAX_BLOCK) return undefined;
    const next = helpersOf(analysis, depth + 1, new Set([...seen, site.pos]), memo);
    const e = bodyExpr(site.ctx, site.node, next)?.expr;
    memo.set(name, e);
    return e;
  };
}

/** The function that computes: the definition itself, or a class's `forward`/`call`. */
function computingFunction(ctx: ScopeContext, def: SyntaxNode): SyntaxNode | undefined {
  if (def.name === 'FunctionDefinition') return def;
  if (def.name !== 'ClassDefinition') return undefined;
  let found: SyntaxNode | undefined;
  for (let c = child(def, 'Body')?.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'FunctionDefinition') continue;
    const n = child(c, 'VariableName');
    if (n && METHODS.has(nodeText(ctx, n))) found = c;
  }
  return found;
}

/** Points of the first, coarse pass; only entries it cannot rule out get the dense grid. */
const COARSE_POINTS = 81;

/** max |f − g| over n grid points (∞ where they differ and one side is NaN). */
function maxDelta(f: (x: number) => number, g: (x: number) => number, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const x = -GRID_SPAN + (2 * GRID_SPAN * i) / (n - 1);
    const a = f(x);
    const b = g(x);
    if (a === b) continue;
    const d = Math.abs(a - b);
    if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
  }
  return worst;
}

/**
 * The element-wise catalog entry (default parameters) nearest to `f`: max |Δ| over the dense grid
 * of [−GRID_SPAN, GRID_SPAN]. A coarse pass over every entry picks the candidates (those within
 * the tolerance there, or else the nearest one), and only they are measured on the dense grid.
 */
export function nearestCatalogEntry(
  f: (x: number) => number,
): { id: string; maxDelta: number } | undefined {
  const coarse: { id: string; g: (x: number) => number; d: number }[] = [];
  for (const e of listActivations()) {
    if (e.kind !== 'elementwise') continue;
    const p = defaultParams(e.id);
    const g = (x: number) => e.f(x, p);
    try {
      coarse.push({ id: e.id, g, d: maxDelta(f, g, COARSE_POINTS) });
    } catch {
      // An entry that throws at some point cannot be compared; it is simply not a candidate.
    }
  }
  coarse.sort((a, b) => a.d - b.d);
  const close = coarse.filter((c) => c.d <= MATCH_TOLERANCE);
  let best: { id: string; maxDelta: number } | undefined;
  for (const c of close.length ? close : coarse.slice(0, 1)) {
    const d = maxDelta(f, c.g, GRID_POINTS);
    if (!best || d < best.maxDelta) best = { id: c.id, maxDelta: d };
  }
  return best;
}

/** Definitions read per analysis (one document version), by document offset. */
const memo = new WeakMap<PythonAnalysis, Map<number, CodeDefined | null>>();

/** Most definitions compared with the catalog per analysis (each costs about a millisecond). */
export const MAX_DEFINITIONS = 200;

/**
 * The activation a `def` or `class` node (in `ctx`'s window) defines: its body read as a formula
 * and compared with the catalog, or undefined when it is not element-wise math of one input the
 * translator understands. Cheap gates first (size, one input, a short body of assignments and one
 * `return`); the result is remembered per analysis. Never throws.
 */
export function codeDefinedAt(ctx: ScopeContext, def: SyntaxNode): CodeDefined | undefined {
  const pos = def.from + ctx.window.base;
  let table = memo.get(ctx.analysis);
  if (!table) memo.set(ctx.analysis, (table = new Map()));
  const hit = table.get(pos);
  if (hit !== undefined) return hit ?? undefined;
  if (table.size >= MAX_DEFINITIONS) return undefined;
  let found: CodeDefined | undefined;
  try {
    found = recognise(ctx, def, pos);
  } catch (e) {
    reportDetectorError(e);
  }
  table.set(pos, found ?? null);
  return found;
}

function recognise(ctx: ScopeContext, def: SyntaxNode, pos: number): CodeDefined | undefined {
  if (def.to - def.from > MAX_BLOCK) return undefined;
  const fnNode = computingFunction(ctx, def);
  const nameNode = child(def, 'VariableName');
  if (!fnNode || !nameNode) return undefined;
  const body = bodyExpr(ctx, fnNode, helpersOf(ctx.analysis, 0, new Set([pos])));
  if (!body) return undefined;
  const fn = compileExpr(body.expr);
  const best = nearestCatalogEntry(fn.f);
  const base = {
    name: nodeText(ctx, nameNode, 200),
    kind: def.name === 'ClassDefinition' ? 'class' : 'function',
    line: lineOf(ctx.analysis, pos) - 1,
    offset: pos,
    ...body,
    fn,
  } as const;
  if (best && best.maxDelta <= MATCH_TOLERANCE) return { ...base, match: best };
  return best ? { ...base, closest: best } : base;
}

/** Whether the formula applies some non-linear function (not only + − × ÷ and powers). */
export function hasNonlinearity(e: Expr): boolean {
  switch (e.k) {
    case 'num':
    case 'name':
      return false;
    case 'neg':
      return hasNonlinearity(e.a);
    case 'cmp':
    case 'call':
      return true;
    case 'bin':
      return hasNonlinearity(e.a) || hasNonlinearity(e.b);
  }
}
