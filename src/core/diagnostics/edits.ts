/**
 * Argument lists of parsed calls and the text edits the quick fixes make to them.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Program, Stmt } from './program';
import type { TextEdit } from './types';

/** One call's arguments with their nodes: positional in order, keyword by name. */
export interface Args {
  list: SyntaxNode;
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** `*args` or `**kwargs`: the lists above may be incomplete. */
  spread: boolean;
  /** Every argument as [from, to) of its whole text (keyword name included). */
  spans: Array<{ from: number; to: number }>;
}

/** Reads the `ArgList` of a call node, or undefined. */
export function argsOf(p: Program, s: Stmt, call: SyntaxNode): Args | undefined {
  const list = call.getChild('ArgList');
  if (!list) return undefined;
  const a: Args = { list, positional: [], keywords: new Map(), spread: false, spans: [] };
  let group: SyntaxNode[] = [];
  const flush = (): void => {
    const g = group;
    group = [];
    if (g.length === 0) return;
    a.spans.push({ from: g[0].from, to: g[g.length - 1].to });
    if (g[0].name === '*' || g[0].name === '**') a.spread = true;
    else if (g.length >= 3 && g[0].name === 'VariableName' && g[1].name === 'AssignOp')
      a.keywords.set(p.src(s, g[0]), g[2]);
    else a.positional.push(g[0]);
  };
  for (let c = list.firstChild; c; c = c.nextSibling) {
    if (c.name === ',') flush();
    else if (c.name !== '(' && c.name !== ')') group.push(c);
  }
  flush();
  return a;
}

/** Removes the argument whose span contains `node`, with the comma that separates it. */
export function removeArgument(p: Program, s: Stmt, a: Args, node: SyntaxNode): TextEdit[] {
  const k = a.spans.findIndex((sp) => sp.from <= node.from && node.to <= sp.to);
  if (k < 0) return [];
  const base = s.ctx.window.base;
  const sp = a.spans[k];
  if (k > 0) return [{ start: a.spans[k - 1].to + base, end: sp.to + base, newText: '' }];
  const next = a.spans[k + 1];
  if (next) return [{ start: sp.from + base, end: next.from + base, newText: '' }];
  // The only argument: drop it and a trailing comma, keep the brackets.
  const close = a.list.lastChild;
  const end = close && close.name === ')' ? close.from : sp.to;
  return [{ start: sp.from + base, end: end + base, newText: '' }];
}

/** Adds `text` (`dim=-1`) as the last argument of the call. */
export function appendArgument(s: Stmt, a: Args, text: string): TextEdit[] {
  const base = s.ctx.window.base;
  const last = a.spans[a.spans.length - 1];
  if (!last) {
    const open = a.list.firstChild;
    return open ? [{ start: open.to + base, end: open.to + base, newText: text }] : [];
  }
  return [{ start: last.to + base, end: last.to + base, newText: `, ${text}` }];
}

/** Inserts `text` right after the positional argument `after`. */
export function insertAfter(s: Stmt, a: Args, after: SyntaxNode, text: string): TextEdit[] {
  const sp = a.spans.find((x) => x.from <= after.from && after.to <= x.to);
  if (!sp) return appendArgument(s, a, text);
  const at = sp.to + s.ctx.window.base;
  return [{ start: at, end: at, newText: `, ${text}` }];
}

/** Replaces a node's text. */
export function replaceNode(s: Stmt, n: SyntaxNode, newText: string): TextEdit {
  const base = s.ctx.window.base;
  return { start: n.from + base, end: n.to + base, newText };
}
