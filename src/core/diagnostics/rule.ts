/**
 * What a rule returns before the display language and the severity setting are applied, and the
 * context rules share (the program and, computed once, the proven loss uses).
 */
import type { SyntaxNode } from '@lezer/common';
import type { LocalText } from '../catalog/types';
import type { ShowRequest } from '../protocol/webviewProtocol';
import { lossUses, type LossUse } from './losses';
import type { Program, Stmt } from './program';
import type { DiagnosticCode, TextEdit } from './types';

export interface Finding {
  code: DiagnosticCode;
  start: number;
  end: number;
  message: LocalText;
  fixes: Array<{ title: LocalText; edits: TextEdit[] }>;
  explain: ShowRequest;
}

export class RuleContext {
  private uses: LossUse[] | undefined;
  constructor(readonly program: Program) {}
  /** Proven loss/model pairs of the file (computed on first use). */
  lossUses(): LossUse[] {
    this.uses ??= lossUses(this.program);
    return this.uses;
  }
}

export type Rule = (ctx: RuleContext) => Finding[];

/** A request that shows catalog activations in the playground. */
export function show(ids: string[], tab?: ShowRequest['tab']): ShowRequest {
  return { curves: ids.map((id) => ({ id, params: {} })), ...(tab ? { tab } : {}) };
}

/** A name used in the file: its statement, the dotted expression, its canonical name and the
 * call it is the callee of (null for a reference). */
export interface NameUse {
  s: Stmt;
  expr: SyntaxNode;
  q: string;
  call: SyntaxNode | null;
}

/** Uses of dotted names whose last name matches `re` (global) and whose canonical name passes
 * `accept`; at most `max`. */
export function nameUses(
  p: Program,
  re: RegExp,
  accept: (q: string) => boolean,
  max = 200,
  lineFilter?: (line: string) => boolean,
): NameUse[] {
  const out: NameUse[] = [];
  for (const at of p.matches(re, max * 4)) {
    if (out.length >= max) break;
    const k = p.lineAt(at);
    if (k < 0 || (lineFilter && !lineFilter(p.lineText(k)))) continue;
    const s = p.stmt(k);
    if (!s) continue;
    const tok = p.nodeAt(s, at);
    if (tok.name !== 'VariableName' && tok.name !== 'PropertyName') continue;
    const expr = tok.name === 'PropertyName' ? tok.parent : tok;
    if (!expr || (tok.name === 'PropertyName' && expr.name !== 'MemberExpression')) continue;
    if (expr.parent?.name === 'MemberExpression' && expr.parent.firstChild?.from === expr.from)
      continue;
    const q = p.qualify(s, expr);
    if (q === undefined || !accept(q)) continue;
    const parent = expr.parent;
    const call =
      parent?.name === 'CallExpression' && parent.firstChild?.from === expr.from ? parent : null;
    out.push({ s, expr, q, call });
  }
  return out;
}
