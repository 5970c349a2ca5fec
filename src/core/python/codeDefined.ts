/**
 * Activations defined in the file itself: `def gelu(x): return 0.5*x*(1+tf.tanh(…))`, or a module
 * class whose `forward(self, x)` (Keras: `call`) is one `return` expression, possibly after simple
 * local assignments. The body is translated to the core's formula tree (pyExpr.ts; the code is
 * never run), evaluated by the formula compiler, and compared with every element-wise catalog
 * entry (default parameters) on a dense grid, so the hover can say which entry it is.
 */
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { listActivations, defaultParams } from '../catalog/catalog';
import { compileExpr, type CustomFunction } from '../formula/compile';
import type { Expr } from '../formula/expr';
import type { PythonAnalysis } from './parse';
import { pyToExpr, type PyContext } from './pyExpr';

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
  /** The `return` expression as written. */
  source: string;
  expr: Expr;
  fn: CustomFunction;
  /** The catalog entry equal on the grid (max |Δ| ≤ `MATCH_TOLERANCE`), if any. */
  match?: { id: string; maxDelta: number };
  /** The closest entry when none matches. */
  closest?: { id: string; maxDelta: number };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The identifier under (or just before) `offset`. */
function wordAt(text: string, offset: number): string | undefined {
  let a = offset;
  let b = offset;
  while (a > 0 && /\w/.test(text[a - 1])) a--;
  while (b < text.length && /\w/.test(text[b])) b++;
  const w = text.slice(a, b);
  return IDENT.test(w) && !/^\d/.test(w) ? w : undefined;
}

/** The `def name` / `class name` block (dedented), its kind and line, or undefined. */
function definitionBlock(text: string, name: string) {
  const re = new RegExp(`^([ \\t]*)(def|class)[ \\t]+${name}\\b`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  const indent = m[1].length;
  const lines = text.slice(m.index, m.index + MAX_BLOCK).split('\n');
  const out = [lines[0].slice(indent)];
  for (const l of lines.slice(1)) {
    if (l.trim() !== '' && l.length - l.trimStart().length <= indent) break;
    out.push(l.slice(indent));
  }
  const line = text.slice(0, m.index).split('\n').length - 1;
  return { block: out.join('\n'), kind: m[2] === 'def' ? 'function' : 'class', line } as const;
}

const child = (n: SyntaxNode | null, name: string) => {
  for (let c = n?.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return null;
};

/** The element-wise input: the first parameter other than `self`. */
function inputOf(block: string, params: SyntaxNode | null): string | undefined {
  for (let c = params?.firstChild; c; c = c.nextSibling)
    if (c.name === 'VariableName') {
      const n = block.slice(c.from, c.to);
      if (n !== 'self') return n;
    }
  return undefined;
}

type Helper = (name: string) => Expr | undefined;

/** The function's body as one expression over its input, or undefined. */
function bodyExpr(
  block: string,
  def: SyntaxNode,
  helper?: Helper,
): { expr: Expr; source: string } | undefined {
  const input = inputOf(block, child(def, 'ParamList'));
  const body = child(def, 'Body');
  if (!input || !body) return undefined;
  const ctx: PyContext = { text: block, input, locals: new Map(), nodes: 0, helper };
  for (let s = body.firstChild; s; s = s.nextSibling) {
    if (s.name === ':' || s.name === 'Comment') continue;
    if (s.name === 'ExpressionStatement' && s.firstChild?.name === 'String') continue;
    if (s.name === 'AssignStatement') {
      const target = s.firstChild;
      const value = s.lastChild;
      if (target?.name !== 'VariableName' || target.nextSibling?.name !== 'AssignOp' || !value)
        return undefined;
      const e = pyToExpr(ctx, value);
      if (!e) return undefined;
      ctx.locals.set(block.slice(target.from, target.to), e);
      continue;
    }
    if (s.name === 'ReturnStatement') {
      const value = s.lastChild;
      if (!value || value.name === 'return') return undefined;
      const expr = pyToExpr(ctx, value);
      return expr && { expr, source: block.slice(value.from, value.to) };
    }
    return undefined;
  }
  return undefined;
}

const METHODS = new Set(['forward', 'call', '__call__']);

/** Most nested helper functions followed (`hard_swish` → `hard_sigmoid`). */
const MAX_HELPER_DEPTH = 3;

/** Most helper definitions read for one hovered name (each is parsed once, then remembered). */
const MAX_HELPERS = 8;

/**
 * Helpers: other one-argument functions of the same file, followed at most `MAX_HELPER_DEPTH`
 * deep and `MAX_HELPERS` in all, each translated once however often it is called.
 */
function helpersOf(
  text: string,
  depth: number,
  seen: ReadonlySet<string>,
  memo = new Map<string, Expr | undefined>(),
): Helper {
  return (name) => {
    if (memo.has(name)) return memo.get(name);
    if (depth >= MAX_HELPER_DEPTH || seen.has(name) || !IDENT.test(name)) return undefined;
    if (memo.size >= MAX_HELPERS) return undefined;
    memo.set(name, undefined);
    const def = definitionBlock(text, name);
    if (!def || def.kind !== 'function') return undefined;
    const next = helpersOf(text, depth + 1, new Set([...seen, name]), memo);
    const e = translateBlock(def.block, 'function', next)?.expr;
    memo.set(name, e);
    return e;
  };
}

function translateBlock(block: string, kind: 'function' | 'class', helper?: Helper) {
  const top = parser.parse(block).topNode.firstChild;
  if (kind === 'function')
    return top?.name === 'FunctionDefinition' ? bodyExpr(block, top, helper) : undefined;
  if (top?.name !== 'ClassDefinition') return undefined;
  for (let c = child(top, 'Body')?.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'FunctionDefinition') continue;
    const n = child(c, 'VariableName');
    if (n && METHODS.has(block.slice(n.from, n.to))) return bodyExpr(block, c, helper);
  }
  return undefined;
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

const cache = new WeakMap<PythonAnalysis, Map<string, CodeDefined | null>>();

/**
 * The activation defined in this file under the name at `offset` (the definition's name or any
 * use of it), or undefined when there is none or its body is not element-wise math the
 * translator understands. Never throws; one comparison per name and analysis.
 */
export function definedActivationAt(
  analysis: PythonAnalysis,
  offset: number,
): CodeDefined | undefined {
  try {
    const name = wordAt(analysis.text, offset);
    if (!name) return undefined;
    let byName = cache.get(analysis);
    if (!byName) cache.set(analysis, (byName = new Map()));
    if (byName.has(name)) return byName.get(name) ?? undefined;
    const found = recognise(analysis.text, name);
    byName.set(name, found ?? null);
    return found;
  } catch {
    return undefined;
  }
}

function recognise(text: string, name: string): CodeDefined | undefined {
  const def = definitionBlock(text, name);
  if (!def) return undefined;
  const body = translateBlock(def.block, def.kind, helpersOf(text, 0, new Set([name])));
  if (!body) return undefined;
  const fn = compileExpr(body.expr);
  const best = nearestCatalogEntry(fn.f);
  const base = { name, kind: def.kind, line: def.line, ...body, fn };
  if (best && best.maxDelta <= MATCH_TOLERANCE) return { ...base, match: best };
  return best ? { ...base, closest: best } : base;
}
