/**
 * Where a name or an attribute of `self` was bound in the same file: assignments and parameters
 * of the enclosing function, module-level assignments and definitions, and `self.<attr> = …` in
 * any method of the enclosing class (or `<attr> = …` in its body). When several bindings can reach
 * a use (branches, loops, several methods), all of them are returned; a binding that always runs
 * before the use (not inside an `if`/`for`/`while`/`except` branch the use is not in) hides the
 * ones before it.
 */
import type { SyntaxNode } from '@lezer/common';
import type { PythonAnalysis } from './parse';
import { Kw, lastAtMost, lineIndexAt, type LogicalLines } from './scan';
import { scopeBindings, type ScopeContext } from './scope';
import { targetNames } from './moduleTable';
import { STEP_TEXT_MAX, type BindingStep } from './boundValue';

/** One binding site: its parsed node in the window that holds it. */
export interface Site {
  ctx: ScopeContext;
  /** `AssignStatement`, a parameter's `VariableName` (in a `ParamList`), `FunctionDefinition`,
   * `ClassDefinition`, or another node that binds (a `for` target). */
  node: SyntaxNode;
  /** Document offset of the site. */
  pos: number;
  /** Bound in a class body with an annotation (a dataclass or flax field): a constructor
   * argument may replace it. */
  field?: boolean;
}

/** Most binding sites followed for one name. */
const MAX_SITES = 16;

const BRANCHING = new Set([
  'IfStatement',
  'ForStatement',
  'WhileStatement',
  'TryStatement',
  'MatchStatement',
  'MatchClause',
]);
const CONDITIONAL_WORDS = new Set(['if', 'elif', 'else', 'for', 'while', 'except', 'case']);

const lineStarts = new WeakMap<PythonAnalysis, Int32Array>();

/** 1-based line of a document offset (physical lines, `\n`-separated). */
export function lineOf(analysis: PythonAnalysis, offset: number): number {
  let starts = lineStarts.get(analysis);
  if (!starts) {
    const list: number[] = [0];
    const t = analysis.text;
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) list.push(i + 1);
    starts = Int32Array.from(list);
    lineStarts.set(analysis, starts);
  }
  // starts[0] = 0, so a non-negative offset always has a line.
  return Math.max(0, lastAtMost(starts, offset)) + 1;
}

/** The step that names a site: its line and the first line of its source text. */
export function stepOf(site: Site, overridable?: boolean): BindingStep {
  const { analysis } = site.ctx;
  let from = site.pos;
  let to = site.node.to + site.ctx.window.base;
  // A parameter is shown with its default: `act_layer=nn.GELU`.
  if (site.node.parent?.name === 'ParamList') {
    for (let n = site.node.nextSibling; n && n.name !== ','; n = n.nextSibling)
      to = n.to + site.ctx.window.base;
  }
  if (site.node.name === 'FunctionDefinition' || site.node.name === 'ClassDefinition') {
    const body = site.node.getChild('Body');
    if (body) to = body.from + site.ctx.window.base;
    from = site.node.from + site.ctx.window.base;
  }
  const raw = analysis.text.slice(from, Math.min(to, from + 4 * STEP_TEXT_MAX));
  let text = raw.split(/\r?\n/)[0].trim();
  if (text.length > STEP_TEXT_MAX) text = text.slice(0, STEP_TEXT_MAX - 1) + '…';
  else if (raw.includes('\n') && raw.trim() !== text) text += ' …';
  return {
    offset: from,
    line: lineOf(analysis, from),
    text,
    ...(overridable ? { overridable: true } : {}),
  };
}

/** The node that binds at `pos` in `ctx`'s window (see `Site.node`), or undefined. */
function siteNode(ctx: ScopeContext, pos: number): SyntaxNode | undefined {
  const rel = pos - ctx.window.base;
  if (rel < 0 || rel > ctx.window.tree.length) return undefined;
  let n: SyntaxNode | null = ctx.window.tree.resolveInner(rel, 1);
  for (let k = 0; n && k < 64; n = n.parent, k++) {
    if (n.name === 'VariableName' && n.parent?.name === 'ParamList' && n.from === rel) return n;
    if (
      n.name === 'AssignStatement' ||
      n.name === 'FunctionDefinition' ||
      n.name === 'ClassDefinition' ||
      n.name === 'ForStatement' ||
      n.name === 'WithStatement' ||
      n.name === 'TryStatement' ||
      n.name === 'ImportStatement' ||
      n.name === 'UpdateStatement' ||
      n.name === 'NamedExpression'
    )
      return n;
  }
  return undefined;
}

/** A site at a document offset, parsed in the window around it. */
export function siteAt(analysis: PythonAnalysis, pos: number): Site | undefined {
  const window = analysis.windowAt(pos);
  if (!window) return undefined;
  const ctx: ScopeContext = { analysis, window };
  const node = siteNode(ctx, pos);
  return node ? { ctx, node, pos } : undefined;
}

/** Whether two nodes are the same tree node (lezer hands out new objects for one node). */
export function same(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to && a.name === b.name;
}

/** Whether a site inside function `scope` may not run before `use` (it sits in a branch that
 * does not also hold the use). */
function conditionalInFunction(site: SyntaxNode, scope: SyntaxNode, use: number): boolean {
  for (let n = site.parent; n && !same(n, scope); n = n.parent) {
    if (n.name !== 'Body' || !n.parent || !BRANCHING.has(n.parent.name)) continue;
    if (n.from <= use && use <= n.to) continue;
    // The body of `try:` itself runs (the handlers are the branches).
    if (n.parent.name === 'TryStatement' && same(n.parent.getChild('Body'), n)) continue;
    return true;
  }
  return false;
}

/** Keeps the sites that can reach `use`: from the last one before it back to the first that
 * always runs. `sites` are in document order; `ends[k]` is where site k's statement ends. */
function reaching<T>(
  sites: T[],
  pos: (s: T) => number,
  end: (s: T) => number,
  conditional: (s: T) => boolean,
  use: number,
): T[] {
  const before = sites.filter((s) => end(s) <= use || pos(s) < 0);
  const pool = before.length > 0 ? before : sites.slice(0, 1);
  const out: T[] = [];
  for (let k = pool.length - 1; k >= 0 && out.length < MAX_SITES; k--) {
    out.unshift(pool[k]);
    if (!conditional(pool[k])) break;
  }
  return out;
}

/**
 * The local binding sites of `name` that reach `use` inside the innermost enclosing function (or
 * class body, for code directly in it) that binds the name; undefined when no function binds it
 * (the name is module-level or unbound) or a `global` statement sends it there.
 */
export function localSites(
  ctx: ScopeContext,
  node: SyntaxNode,
  name: string,
  use: number,
): Site[] | undefined {
  let passedFunction = false;
  for (let s = node.parent; s; s = s.parent) {
    const isFn = s.name === 'FunctionDefinition' || s.name === 'LambdaExpression';
    if (!isFn && s.name !== 'ClassDefinition') continue;
    if (!isFn && passedFunction) continue;
    const body = s.name === 'LambdaExpression' ? s : s.getChild('Body');
    if (!body || node.from < body.from || node.to > body.to) continue;
    const res = scopeBindings(ctx, s, name);
    if (res === 'global') return undefined;
    if (res.length > 0) {
      const scope = s;
      const sites: Site[] = [];
      for (const b of res) {
        const n = siteNode(ctx, b.pos);
        if (n) sites.push({ ctx, node: n, pos: b.pos });
      }
      const base = ctx.window.base;
      return reaching(
        sites,
        (x) => x.pos,
        (x) => x.node.to + base,
        (x) => conditionalInFunction(x.node, scope, use - base),
        use,
      );
    }
    if (isFn) passedFunction = true;
  }
  return undefined;
}

interface ModuleIndex {
  names: Map<string, number[]>;
}
const moduleIndexes = new WeakMap<PythonAnalysis, ModuleIndex>();

/** Module-level assignments and definitions by name (logical line indices), built once. */
function moduleIndex(analysis: PythonAnalysis, lines: LogicalLines): ModuleIndex {
  const hit = moduleIndexes.get(analysis);
  if (hit) return hit;
  const names = new Map<string, number[]>();
  const add = (name: string, k: number) => {
    const list = names.get(name);
    if (list) list.push(k);
    else names.set(name, [k]);
  };
  const text = analysis.text;
  const nested = new Uint8Array(lines.count);
  for (let k = 0; k < lines.count; k++) {
    const p = lines.parent[k];
    if (p < 0) continue;
    const kw = lines.keyword[p];
    nested[k] = kw === Kw.Def || kw === Kw.Class ? 1 : nested[p];
  }
  for (let k = 0; k < lines.count; k++) {
    if (nested[k]) continue;
    const s = lines.start[k];
    const kw = lines.keyword[k];
    if (kw === Kw.Def || kw === Kw.Class) {
      const m = /^(?:async\s+)?(?:def|class)\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(
        text.slice(s, s + 200),
      );
      if (m) add(m[1], k);
      continue;
    }
    const eq = lines.eq[k];
    if (kw !== Kw.None || eq < 0 || eq - s > 400) continue;
    for (const name of targetNames(text.slice(s, eq))) add(name, k);
  }
  const index = { names };
  moduleIndexes.set(analysis, index);
  return index;
}

/** Whether logical line `k` at module level sits in a branch (`if`, `for`, `except`, …). */
function conditionalLine(text: string, lines: LogicalLines, k: number): boolean {
  for (let p = lines.parent[k]; p >= 0; p = lines.parent[p]) {
    const m = /^[a-z]+/.exec(text.slice(lines.start[p], lines.start[p] + 8));
    if (m && CONDITIONAL_WORDS.has(m[0])) return true;
  }
  return false;
}

/**
 * Module-level assignment and definition sites of `name` that reach `use` (a use inside a
 * function runs after the whole module: every site counts, the last unconditional one hides the
 * earlier ones).
 */
export function moduleSites(analysis: PythonAnalysis, name: string, use: number): Site[] {
  const lines = analysis.lines();
  const out: Site[] = [];
  for (const k of lines ? moduleSiteLines(analysis, name, use) : []) {
    const s = siteAt(analysis, (lines as LogicalLines).start[k]);
    if (s) out.push(s);
  }
  return out;
}

/** The logical lines of `moduleSites`, without parsing them (a `def`/`class` line is known by
 * its keyword). */
export function moduleSiteLines(analysis: PythonAnalysis, name: string, use: number): number[] {
  const lines = analysis.lines();
  if (!lines) return [];
  const ks = moduleIndex(analysis, lines).names.get(name) ?? [];
  const text = analysis.text;
  return reaching(
    ks,
    (k) => lines.start[k],
    (k) => lines.end[k],
    (k) => conditionalLine(text, lines, k),
    use,
  );
}

/** Index of the logical line of the class whose body holds `offset`, or -1. */
export function enclosingClassLine(analysis: PythonAnalysis, offset: number): number {
  const lines = analysis.lines();
  if (!lines) return -1;
  for (let p = lineIndexAt(lines, offset); p >= 0; p = lines.parent[p]) {
    if (lines.keyword[p] === Kw.Class && lines.start[p] < offset) return p;
  }
  return -1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Sites binding attribute `attr` of instances of the class at logical line `cls`:
 * `self.<attr> = …` in any of its methods (not in nested classes) and `<attr> = …` /
 * `<attr>: T = …` directly in its body. When every site is in one method, the usual rule picks
 * those that reach the method's end; sites in several methods are all kept.
 */
export function attributeSites(analysis: PythonAnalysis, cls: number, attr: string): Site[] {
  const lines = analysis.lines();
  if (!lines) return [];
  const text = analysis.text;
  const selfTarget = new RegExp(`^self\\s*\\.\\s*${escapeRegExp(attr)}\\s*(?::[^=]*)?$`, 'u');
  const bodyTarget = new RegExp(`^${escapeRegExp(attr)}\\s*(:[^=]*)?$`, 'u');
  const found: { k: number; method: number; field: boolean }[] = [];
  for (let k = cls + 1; k <= lines.last[cls] && found.length < MAX_SITES; k++) {
    const eq = lines.eq[k];
    if (eq < 0 || lines.keyword[k] !== Kw.None) continue;
    const target = text.slice(lines.start[k], eq).trim();
    if (lines.parent[k] === cls) {
      const m = bodyTarget.exec(target);
      if (m) found.push({ k, method: -1, field: m[1] !== undefined });
      continue;
    }
    if (!selfTarget.test(target)) continue;
    // The innermost class around the line must be this one, and the method directly in it.
    let method = -1;
    let p = lines.parent[k];
    for (; p >= 0 && lines.keyword[p] !== Kw.Class; p = lines.parent[p])
      if (lines.keyword[p] === Kw.Def) method = p;
    if (p === cls && method >= 0) found.push({ k, method, field: false });
  }
  const methods = new Set(found.map((f) => f.method));
  let kept = found;
  if (methods.size === 1) {
    kept = reaching(
      found,
      (f) => lines.start[f.k],
      (f) => lines.end[f.k],
      (f) => conditionalLine(text, lines, f.k) && lines.parent[f.k] !== f.method,
      Infinity,
    );
  }
  const out: Site[] = [];
  for (const f of kept) {
    const s = siteAt(analysis, lines.start[f.k]);
    if (s) out.push(f.field ? { ...s, field: true } : s);
  }
  return out;
}
