/**
 * The shared walker of the pitfall rules: one Python text read as logical lines (the detector's
 * scanner). Rules start from cheap textual triggers (a loss's name, `softmax`, `Sequential`) and
 * read only the statements they need, from the analysis's parsed windows (the whole text when it
 * is small, else the function around the statement), so a large file costs a linear scan plus
 * the parses of the functions a rule looks into. Names and `self.` attributes are followed
 * through the binding model (`python/bindingSites.ts`, the one the hover uses): a binding counts
 * only when it is the single site that reaches the use; anything less certain answers undefined,
 * and the rules then say nothing.
 */
import type { SyntaxNode } from '@lezer/common';
import { canonicalize } from '../python/qualify';
import { lineOf, type Site } from '../python/bindingSites';
import {
  assignedValueNode,
  nameBinding,
  nameSites,
  selfAttributeSites,
  targetIsAttribute,
  targetIsName,
} from '../python/evaluateValue';
import { MAX_DOCUMENT_CHARS, type PythonAnalysis } from '../python/parse';
import { Kw, lineIndexAt, type LogicalLines } from '../python/scan';
import { nodeText, resolveDotted, type ScopeContext } from '../python/scope';

/** Statements parsed per document at most; beyond it queries answer undefined. */
const MAX_STATEMENT_PARSES = 1500;
/** Longest statement parsed (longer ones are data tables, not models). */
const MAX_STATEMENT_CHARS = 20_000;

/** One parsed logical line: `node` is its statement; positions plus `ctx.window.base` are offsets. */
export interface Stmt {
  line: number;
  ctx: ScopeContext;
  node: SyntaxNode;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Program {
  readonly text: string;
  readonly lines: LogicalLines | undefined;
  private readonly parsed = new Map<number, Stmt | null>();
  private parses = 0;

  constructor(readonly analysis: PythonAnalysis) {
    this.text = analysis.text;
    this.lines = analysis.text.length <= MAX_DOCUMENT_CHARS ? analysis.lines() : undefined;
  }

  /** Index of the logical line containing `offset`, or -1. */
  lineAt(offset: number): number {
    if (!this.lines) return -1;
    const k = lineIndexAt(this.lines, offset);
    return k >= 0 && offset <= this.lines.end[k] ? k : -1;
  }

  /** Source of logical line `k` (from its first non-blank character). */
  lineText(k: number): string {
    const l = this.lines as LogicalLines;
    return this.text.slice(l.start[k], l.end[k]);
  }

  /** 1-based physical line number of an offset. */
  lineNumber(offset: number): number {
    return lineOf(this.analysis, offset);
  }

  /** The parsed statement of logical line `k`, or undefined (too long, or out of budget). It is
   * read from the analysis's window around it (the whole text when small, else the enclosing
   * function), the same tree the binding model and the hover read. */
  stmt(k: number): Stmt | undefined {
    const l = this.lines;
    if (!l || k < 0 || k >= l.count) return undefined;
    const hit = this.parsed.get(k);
    if (hit !== undefined) return hit ?? undefined;
    if (this.parses >= MAX_STATEMENT_PARSES || l.end[k] - l.start[k] > MAX_STATEMENT_CHARS) {
      return undefined;
    }
    this.parses++;
    const from = l.start[k];
    const window = this.analysis.windowAt(from);
    let node: SyntaxNode | null = window ? window.tree.resolveInner(from - window.base, 1) : null;
    while (node && node.parent && node.parent.name !== 'Body' && node.parent.name !== 'Script')
      node = node.parent;
    const s: Stmt | null =
      window && node && node.from === from - window.base
        ? { line: k, node, ctx: { analysis: this.analysis, window } }
        : null;
    this.parsed.set(k, s);
    return s ?? undefined;
  }

  /** The innermost node of statement `s` at document offset `offset` (entering on the right). */
  nodeAt(s: Stmt, offset: number): SyntaxNode {
    return s.ctx.window.tree.resolveInner(offset - s.ctx.window.base, 1);
  }

  /** Document offsets of a node. */
  from(s: Stmt, n: SyntaxNode): number {
    return n.from + s.ctx.window.base;
  }
  to(s: Stmt, n: SyntaxNode): number {
    return n.to + s.ctx.window.base;
  }
  src(s: Stmt, n: SyntaxNode): string {
    return nodeText(s.ctx, n);
  }

  /** Canonical qualified name of a dotted expression through the imports (`nn.Softmax` →
   * `torch.nn.Softmax`), or undefined when its head is not imported. */
  qualify(s: Stmt, expr: SyntaxNode): string | undefined {
    const path = dotted(s, expr);
    if (!path) return undefined;
    const q = resolveDotted(s.ctx, expr, path, this.from(s, expr));
    return q === undefined ? undefined : canonicalize(q)?.qualifiedName;
  }

  /** Whether a name is imported anywhere at module level (or in an earlier cell). */
  importsRoot(re: RegExp): boolean {
    for (const list of this.analysis.moduleTable().values())
      for (const b of list) if (b.kind === 'import' && re.test(b.target)) return true;
    return false;
  }

  /** Every match of `re` (global) in the text, as offsets, at most `max`. */
  matches(re: RegExp, max = 500, from = 0, to = this.text.length): number[] {
    const out: number[] = [];
    re.lastIndex = from;
    for (
      let m = re.exec(this.text);
      m && m.index < to && out.length < max;
      m = re.exec(this.text)
    ) {
      out.push(m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
    return out;
  }

  // ---- bindings, through the binding model (python/bindingSites.ts) ----

  /**
   * The one binding site of the name or `self.<attr>` expression `n` (of statement `s`) that
   * reaches it, through the binding model: undefined when no site or several sites reach the use
   * (branches, loops, several methods), or an import binds the name. A single site is certain.
   */
  site(s: Stmt, n: SyntaxNode): Site | undefined {
    const use = this.useNode(s, n);
    if (!use) return undefined;
    let sites: Site[] | 'import';
    if (n.name === 'VariableName') sites = nameSites(use.ctx, use.node, this.src(s, n));
    else {
      const path = dotted(s, n);
      if (path?.length !== 2 || path[0] !== 'self') return undefined;
      sites = selfAttributeSites(use.ctx, use.node, path[1]);
    }
    return sites !== 'import' && sites.length === 1 && !sites[0].field ? sites[0] : undefined;
  }

  /** Node `n` of statement `s` again, in the parsed window around it (whose tree holds the
   * enclosing function, which the binding model reads). */
  private useNode(s: Stmt, n: SyntaxNode): { ctx: ScopeContext; node: SyntaxNode } | undefined {
    const use = this.from(s, n);
    const window = this.analysis.windowAt(use);
    if (!window) return undefined;
    let node: SyntaxNode | null = window.tree.resolveInner(use - window.base, 1);
    const to = this.to(s, n) - window.base;
    while (node && !(node.name === n.name && node.to === to)) node = node.parent;
    if (!node || node.from !== use - window.base) return undefined;
    return { ctx: { analysis: this.analysis, window }, node };
  }

  /**
   * The value bound by the single plain assignment that reaches `n` (`name = value`,
   * `self.attr = value`), as a statement of the program and the value's node; undefined when
   * the binding is not one certain assignment.
   */
  bound(s: Stmt, n: SyntaxNode): { s: Stmt; value: SyntaxNode } | undefined {
    const site = this.site(s, n);
    if (!site || site.node.name !== 'AssignStatement') return undefined;
    const path = dotted(s, n);
    if (!path) return undefined;
    const match = path.length === 1 ? targetIsName(path[0]) : targetIsAttribute(path[1]);
    const value = assignedValueNode(site.ctx, site.node, match);
    if (!value || value.type.isError) return undefined;
    return { s: { line: this.lineAt(site.pos), ctx: site.ctx, node: site.node }, value };
  }

  /** The logical line of the class or function definition the name `n` is bound to, if that is
   * its single binding site. A module-level definition is known by its line's keyword, without
   * parsing the class. */
  definition(s: Stmt, n: SyntaxNode, kind: 'class' | 'def'): number | undefined {
    const use = n.name === 'VariableName' ? this.useNode(s, n) : undefined;
    const b = use && nameBinding(use.ctx, use.node, this.src(s, n));
    if (!b || b === 'import') return undefined;
    if ('module' in b) {
      const k = b.module.length === 1 ? b.module[0] : -1;
      const want = kind === 'class' ? Kw.Class : Kw.Def;
      return k >= 0 && this.lines?.keyword[k] === want ? k : undefined;
    }
    const want = kind === 'class' ? 'ClassDefinition' : 'FunctionDefinition';
    return b.local.length === 1 && b.local[0].node.name === want
      ? this.lineAt(b.local[0].pos)
      : undefined;
  }

  private isDef(k: number): boolean {
    return (this.lines as LogicalLines).keyword[k] === Kw.Def;
  }
  private isClass(k: number): boolean {
    return (this.lines as LogicalLines).keyword[k] === Kw.Class;
  }

  /** Document range of the innermost function (or, with `kind` Class, class) around line `k`;
   * the whole text when there is none. */
  scopeRange(k: number, kw: Kw = Kw.Def): { from: number; to: number } {
    const l = this.lines as LogicalLines;
    for (let p = l.parent[k]; p >= 0; p = l.parent[p])
      if (l.keyword[p] === kw) return { from: l.start[p], to: l.end[l.last[p]] };
    return { from: 0, to: this.text.length };
  }

  /** The method `name` defined directly in class `cls`, or undefined. */
  method(cls: number, name: string): number | undefined {
    const l = this.lines as LogicalLines;
    const re = new RegExp(`^(?:async\\s+)?def\\s+${escapeRe(name)}\\s*\\(`);
    for (let i = cls + 1; i <= l.last[cls]; i = l.last[i] + 1) {
      if (l.parent[i] === cls && this.isDef(i) && re.test(this.lineText(i))) return i;
    }
    return undefined;
  }

  /** `return` lines of function `def` (not of functions nested in it), in order. */
  returns(def: number): number[] {
    const l = this.lines as LogicalLines;
    const out: number[] = [];
    for (let i = def + 1; i <= l.last[def]; i++) {
      if (this.isDef(i) || this.isClass(i)) {
        i = l.last[i];
        continue;
      }
      if (/^return\b/.test(this.lineText(i))) out.push(i);
      if (/^(?:yield)\b/.test(this.lineText(i))) return [];
    }
    return out;
  }
}

/** Flattens `a.b.c` to its names, or undefined when it is not a plain dotted name. */
function dotted(s: Stmt, expr: SyntaxNode): string[] | undefined {
  const path: string[] = [];
  let n: SyntaxNode = expr;
  while (n.name === 'MemberExpression') {
    const last = n.lastChild;
    const first = n.firstChild;
    if (!last || !first || last.name !== 'PropertyName') return undefined;
    path.unshift(nodeText(s.ctx, last));
    n = first;
  }
  if (n.name !== 'VariableName') return undefined;
  path.unshift(nodeText(s.ctx, n));
  return path;
}
