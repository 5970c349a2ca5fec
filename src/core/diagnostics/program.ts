/**
 * The shared walker of the pitfall rules: one Python text read as logical lines (the detector's
 * scanner), with single statements parsed by lezer on demand and cached. Rules start from cheap
 * textual triggers (a loss's name, `softmax`, `Sequential`) and parse only the statements they
 * read, so a large file costs a linear scan plus a few small parses. Bindings are followed the
 * way a reader follows them: the assignment that certainly reaches a use in straight-line code of
 * the same block (or an enclosing one), the single assignment of a `self.` attribute in its
 * class, the single module-level assignment of a name a function reads. Anything less certain
 * answers undefined, and the rules then say nothing.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { canonicalize } from '../python/qualify';
import { targetNames } from '../python/moduleTable';
import { MAX_DOCUMENT_CHARS, type PythonAnalysis } from '../python/parse';
import { Kw, lineIndexAt, type LogicalLines } from '../python/scan';
import { nodeText, resolveDotted, type ScopeContext } from '../python/scope';

/** Statements parsed per document at most; beyond it queries answer undefined. */
export const MAX_STATEMENT_PARSES = 1500;
/** Logical lines one binding search may visit. */
const MAX_LINES_PER_SEARCH = 4000;
/** Longest statement parsed (longer ones are data tables, not models). */
const MAX_STATEMENT_CHARS = 20_000;

/** One parsed logical line: `node` is its statement; positions plus `ctx.window.base` are offsets. */
export interface Stmt {
  line: number;
  ctx: ScopeContext;
  node: SyntaxNode;
}

/** How a logical line binds a name: not at all, by a plain `name = value`, or otherwise. */
type BindKind = 'no' | 'assign' | 'other';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Program {
  readonly text: string;
  readonly lines: LogicalLines | undefined;
  private readonly parsed = new Map<number, Stmt | null>();
  private parses = 0;
  /** Work left for binding searches (logical lines visited). */
  private budget = 200_000;

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
    let n = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1))
      n++;
    return n;
  }

  /** The parsed statement of logical line `k`, or undefined (too long, or out of budget). */
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
    const to = l.end[k];
    const tree = parser.parse(this.text, undefined, [{ from, to }]);
    const node = tree.topNode.firstChild;
    const s: Stmt | null = node
      ? { line: k, node, ctx: { analysis: this.analysis, window: { tree, base: from, from, to } } }
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

  // ---- binding search over logical lines ----

  private spend(n = 1): boolean {
    this.budget -= n;
    return this.budget >= 0;
  }

  private keywordOf(k: number): string {
    return /^[A-Za-z_]+/.exec(this.lineText(k))?.[0] ?? '';
  }

  private isDef(k: number): boolean {
    return (this.lines as LogicalLines).keyword[k] === Kw.Def;
  }
  private isClass(k: number): boolean {
    return (this.lines as LogicalLines).keyword[k] === Kw.Class;
  }

  /** The previous logical line in the same block as `k`, or -1. */
  prevSibling(k: number): number {
    const p = (this.lines as LogicalLines).parent;
    let i = k - 1;
    while (i >= 0 && i !== p[k] && p[i] !== p[k]) i = p[i];
    return i < 0 || i === p[k] ? -1 : i;
  }

  /** The next logical line in the same block as `k`, or -1. */
  nextSibling(k: number): number {
    const l = this.lines as LogicalLines;
    const n = l.last[k] + 1;
    return n < l.count && l.parent[n] === l.parent[k] ? n : -1;
  }

  /** How logical line `k` itself (not its block) binds `name`. */
  bindsOnLine(k: number, name: string): BindKind {
    const l = this.lines as LogicalLines;
    const t = this.lineText(k);
    const n = escapeRe(name);
    if (!new RegExp(`(?:^|[^.\\w])${n}\\b`).test(t)) return 'no';
    const kw = this.keywordOf(k);
    if (kw === 'def' || kw === 'class' || kw === 'async') {
      return new RegExp(`^(?:async\\s+)?(?:def|class)\\s+${n}\\b`).test(t) ? 'other' : 'no';
    }
    if (['import', 'from', 'global', 'nonlocal', 'del'].includes(kw)) return 'other';
    if (kw === 'for' && new RegExp(`^for\\b[^]*?\\b${n}\\b[^]*?\\bin\\b`).test(t)) return 'other';
    if (new RegExp(`\\bas\\s+${n}\\b`).test(t)) return 'other';
    if (new RegExp(`\\b${n}\\s*(?::=|(?:[-+*/%&|^@]|\\*\\*|//|>>|<<)=)`).test(t)) return 'other';
    const eq = l.eq[k];
    if (eq >= 0 && !['if', 'elif', 'while', 'return', 'assert', 'with', 'for'].includes(kw)) {
      const lhs = this.text.slice(l.start[k], eq);
      if (targetNames(lhs).includes(name))
        return lhs.trim() === name && !this.text.slice(eq + 1, l.end[k]).includes('=')
          ? 'assign'
          : this.plainChained(k, name);
    }
    return 'no';
  }

  /** `name = value` where value itself contains `=` (keyword arguments): parse to be sure. */
  private plainChained(k: number, name: string): BindKind {
    const s = this.stmt(k);
    if (!s || s.node.name !== 'AssignStatement') return 'other';
    let ops = 0;
    for (let c = s.node.firstChild; c; c = c.nextSibling) if (c.name === 'AssignOp') ops++;
    const first = s.node.firstChild;
    return ops === 1 && first?.name === 'VariableName' && this.src(s, first) === name
      ? 'assign'
      : 'other';
  }

  /** Whether any line of `k`'s block (or `k` itself) binds `name` in `k`'s scope. */
  blockBinds(k: number, name: string): boolean {
    const l = this.lines as LogicalLines;
    const from = l.start[k];
    const to = l.end[l.last[k]];
    if (!new RegExp(`\\b${escapeRe(name)}\\b`).test(this.text.slice(from, to))) return false;
    for (let i = k; i <= l.last[k]; i++) {
      if (!this.spend()) return true;
      if (i > k && (this.isDef(i) || this.isClass(i))) {
        if (this.bindsOnLine(i, name) !== 'no') return true;
        i = l.last[i];
        continue;
      }
      if (this.bindsOnLine(i, name) !== 'no') return true;
    }
    return false;
  }

  /**
   * The logical line of the plain assignment `name = value` that certainly reaches a use of
   * `name` on line `k`, or undefined. Walks back through the same block, then out through
   * enclosing blocks; a compound statement or loop that may rebind the name makes it uncertain.
   * A name free in a function resolves to its single module-level assignment.
   */
  reachingAssignment(k: number, name: string): number | undefined {
    const l = this.lines;
    if (!l) return undefined;
    let cur = k;
    for (let steps = 0; steps < MAX_LINES_PER_SEARCH; steps++) {
      for (let j = this.prevSibling(cur); j >= 0; j = this.prevSibling(j)) {
        if (!this.spend()) return undefined;
        if (this.isDef(j) || this.isClass(j)) {
          if (this.bindsOnLine(j, name) !== 'no') return undefined;
          continue;
        }
        if (l.last[j] === j) {
          const b = this.bindsOnLine(j, name);
          if (b === 'assign') return j;
          if (b === 'other') return undefined;
        } else if (this.blockBinds(j, name)) return undefined;
      }
      const p = l.parent[cur];
      if (p < 0) return undefined;
      if (this.isClass(p)) return undefined;
      if (this.isDef(p)) return this.freeName(p, name);
      const kw = this.keywordOf(p);
      if ((kw === 'for' || kw === 'while' || kw === 'async') && this.blockBinds(p, name))
        return undefined;
      if (this.bindsOnLine(p, name) !== 'no') return undefined;
      cur = p;
    }
    return undefined;
  }

  /** A name read but not bound in function `def` (nor its enclosing functions): its single
   * plain module-level assignment, or undefined. */
  private freeName(def: number, name: string): number | undefined {
    const l = this.lines as LogicalLines;
    const param = new RegExp(`[(,*\\s]${escapeRe(name)}\\s*[:=,)]`);
    for (let d = def; d >= 0; d = l.parent[d]) {
      if (!this.isDef(d)) continue;
      if (param.test(this.lineText(d)) || this.blockBindsBody(d, name)) return undefined;
    }
    let found: number | undefined;
    for (let j = 0; j < l.count; j = l.last[j] + 1) {
      if (!this.spend()) return undefined;
      if (this.isDef(j) || this.isClass(j)) {
        if (this.bindsOnLine(j, name) !== 'no') return undefined;
        continue;
      }
      const b =
        l.last[j] === j ? this.bindsOnLine(j, name) : this.blockBinds(j, name) ? 'other' : 'no';
      if (b === 'other' || (b === 'assign' && found !== undefined)) return undefined;
      if (b === 'assign') found = j;
    }
    return found;
  }

  private blockBindsBody(def: number, name: string): boolean {
    const l = this.lines as LogicalLines;
    for (let i = def + 1; i <= l.last[def]; i = l.last[i] + 1) {
      if (l.parent[i] !== def) continue;
      if (this.isDef(i) || this.isClass(i)) {
        if (this.bindsOnLine(i, name) !== 'no') return true;
      } else if (this.blockBinds(i, name)) return true;
    }
    return false;
  }

  /** Document range of the innermost function (or, with `kind` Class, class) around line `k`;
   * the whole text when there is none. */
  scopeRange(k: number, kw: Kw = Kw.Def): { from: number; to: number } {
    const l = this.lines as LogicalLines;
    for (let p = l.parent[k]; p >= 0; p = l.parent[p])
      if (l.keyword[p] === kw) return { from: l.start[p], to: l.end[l.last[p]] };
    return { from: 0, to: this.text.length };
  }

  /** The class whose method contains line `k` (the method's `self`), or -1. */
  enclosingClass(k: number): number {
    const l = this.lines as LogicalLines;
    for (let p = l.parent[k]; p >= 0; p = l.parent[p]) {
      if (this.isDef(p)) {
        const c = l.parent[p];
        return c >= 0 && this.isClass(c) ? c : -1;
      }
    }
    return -1;
  }

  /** The single plain assignment `self.attr = value` in class `cls` (any method), or undefined
   * when there is none or more than one, or the attribute is bound in another way. */
  selfAssignment(cls: number, attr: string): number | undefined {
    const l = this.lines as LogicalLines;
    const re = new RegExp(`\\bself\\s*\\.\\s*${escapeRe(attr)}\\b(?!\\s*\\()`, 'g');
    const body = this.text.slice(l.start[cls], l.end[l.last[cls]]);
    if (!re.test(body)) return undefined;
    if (new RegExp(`setattr\\s*\\(\\s*self\\s*,\\s*['"]${escapeRe(attr)}['"]`).test(body))
      return undefined;
    let found: number | undefined;
    const plain = new RegExp(`^self\\s*\\.\\s*${escapeRe(attr)}\\s*$`);
    const target = new RegExp(
      `\\bself\\s*\\.\\s*${escapeRe(attr)}\\s*(?:=(?!=)|(?:[-+*/%&|^@]|\\*\\*|//)=|,|\\))`,
    );
    for (let i = cls + 1; i <= l.last[cls]; i++) {
      if (!this.spend()) return undefined;
      if (this.isClass(i)) {
        i = l.last[i];
        continue;
      }
      const eq = l.eq[i];
      const t = this.lineText(i);
      if (!target.test(t)) continue;
      const lhs = eq >= 0 ? this.text.slice(l.start[i], eq) : '';
      if (eq >= 0 && plain.test(lhs)) {
        if (found !== undefined) return undefined;
        found = i;
      } else if (eq >= 0 && target.test(lhs)) return undefined;
      else if (/^(?:for|with)\b/.test(t)) return undefined;
    }
    return found;
  }

  /** Class definitions named `name` anywhere in the file: the single one, or undefined. */
  classNamed(name: string): number | undefined {
    return this.singleDef(name, Kw.Class);
  }

  /** Function definitions named `name` at module level: the single one, or undefined. */
  functionNamed(name: string): number | undefined {
    return this.singleDef(name, Kw.Def, true);
  }

  private singleDef(name: string, kw: Kw, topLevel = false): number | undefined {
    const l = this.lines;
    if (!l) return undefined;
    const re = new RegExp(`^(?:async\\s+)?(?:def|class)\\s+${escapeRe(name)}\\b`);
    let found: number | undefined;
    for (const at of this.matches(new RegExp(`\\b(?:def|class)\\s+${escapeRe(name)}\\b`, 'g'))) {
      const k = this.lineAt(at);
      if (k < 0 || !re.test(this.lineText(k))) continue;
      if (l.keyword[k] !== kw || (topLevel && l.parent[k] >= 0)) return undefined;
      if (found !== undefined && found !== k) return undefined;
      found = k;
    }
    return found;
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

  /** The value node of the plain assignment on line `k`. */
  assignedValue(k: number): { s: Stmt; value: SyntaxNode } | undefined {
    const s = this.stmt(k);
    if (!s || s.node.name !== 'AssignStatement') return undefined;
    const op = s.node.getChild('AssignOp');
    const value = op?.nextSibling;
    return value && !value.type.isError ? { s, value } : undefined;
  }
}

/** Flattens `a.b.c` to its names, or undefined when it is not a plain dotted name. */
export function dotted(s: Stmt, expr: SyntaxNode): string[] | undefined {
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
