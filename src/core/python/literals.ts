/**
 * Static evaluation of Python call arguments: literals and simple arithmetic on them, as a
 * reader of the source would see them. Nothing is executed.
 */
import type { SyntaxNode } from '@lezer/common';
import { nodeText, type ScopeContext } from './scope';

/** A statically known Python value, or the source text of an expression that is not one. */
export type PyValue = number | string | boolean | null | PyValue[] | { unknown: string };

/** Arguments of one call: positional in order, keyword by name. */
export interface CallArgs {
  positional: PyValue[];
  keywords: Record<string, PyValue>;
  /** True when the call also has `*args`/`**kwargs`, so the lists above may be incomplete. */
  spread?: boolean;
}

/** Longest source text kept in an `{ unknown }` value. */
const UNKNOWN_TEXT_MAX = 200;
const MAX_DEPTH = 64;

function unknown(ctx: ScopeContext, n: SyntaxNode): PyValue {
  return { unknown: nodeText(ctx, n, UNKNOWN_TEXT_MAX) };
}

/** Whether a value is statically known (no `{ unknown }` in it). */
export function isKnown(v: PyValue): v is number | string | boolean | null {
  return v === null || typeof v !== 'object';
}

/**
 * Value of a Python number literal: decimal, float with exponent, `_` separators, hex, octal,
 * binary. Imaginary literals (`1j`) are not real numbers: undefined.
 */
export function parseNumber(src: string): number | undefined {
  const s = src.replace(/_/g, '');
  if (/[jJ]$/.test(s)) return undefined;
  let v: number;
  if (/^0[xX]/.test(s)) v = parseInt(s.slice(2), 16);
  else if (/^0[oO]/.test(s)) v = parseInt(s.slice(2), 8);
  else if (/^0[bB]/.test(s)) v = parseInt(s.slice(2), 2);
  else v = Number(s);
  return Number.isNaN(v) ? undefined : v;
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Quote layout of a string literal's source: prefix letters, quote length, terminated or not. */
export function stringLayout(src: string): {
  prefix: string;
  quote: string;
  contentFrom: number;
  contentTo: number;
  terminated: boolean;
} {
  const m = /^[a-zA-Z]{0,2}/.exec(src);
  const prefix = m ? m[0] : '';
  const q = src.charAt(prefix.length);
  const triple = src.startsWith(q.repeat(3), prefix.length);
  const quote = triple ? q.repeat(3) : q;
  const contentFrom = Math.min(src.length, prefix.length + quote.length);
  const terminated =
    src.length >= contentFrom + quote.length &&
    src.endsWith(quote) &&
    src.charAt(src.length - quote.length - 1) !== '\\';
  return {
    prefix,
    quote,
    contentFrom,
    contentTo: terminated ? src.length - quote.length : src.length,
    terminated,
  };
}

/** Value of one string literal's source (`'relu'`, `r"a\\b"`, `"""x"""`); f-strings are unknown. */
export function parseStringLiteral(src: string): string | undefined {
  const { prefix, contentFrom, contentTo } = stringLayout(src);
  if (/[fF]/.test(prefix)) return undefined;
  const body = src.slice(contentFrom, contentTo);
  if (/[rR]/.test(prefix)) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|\n|.)/g, (_m, e: string) => {
    if (e.length > 1 && (e[0] === 'x' || e[0] === 'u'))
      return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n') return '';
    return Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : '\\' + e;
  });
}

function arith(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
    case '//':
      return b === 0 ? undefined : Math.floor(a / b);
    case '%':
      return b === 0 ? undefined : a - b * Math.floor(a / b);
    case '**': {
      const v = a ** b;
      return Number.isFinite(v) ? v : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Static value of an expression node: numbers (`1e-2`, `-0.5`, `1/8`, `2**-3`), strings
 * (concatenated when adjacent), `True`/`False` → booleans, `None` → null, tuples and lists of
 * those; anything else → `{ unknown: '<source text>' }`.
 */
export function evaluate(ctx: ScopeContext, n: SyntaxNode, depth = 0): PyValue {
  if (depth > MAX_DEPTH) return unknown(ctx, n);
  switch (n.name) {
    case 'Number': {
      const v = parseNumber(nodeText(ctx, n));
      return v === undefined ? unknown(ctx, n) : v;
    }
    case 'String': {
      const v = parseStringLiteral(nodeText(ctx, n));
      return v === undefined ? unknown(ctx, n) : v;
    }
    case 'ContinuedString': {
      let s = '';
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.name === '⚠') continue;
        const v = evaluate(ctx, c, depth + 1);
        if (typeof v !== 'string') return unknown(ctx, n);
        s += v;
      }
      return s;
    }
    case 'Boolean':
      return nodeText(ctx, n) === 'True';
    case 'None':
      return null;
    case 'ParenthesizedExpression': {
      const inner = n.firstChild?.nextSibling;
      return inner && inner.nextSibling?.name === ')'
        ? evaluate(ctx, inner, depth + 1)
        : unknown(ctx, n);
    }
    case 'TupleExpression':
    case 'ArrayExpression': {
      const items: PyValue[] = [];
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.name === '(' || c.name === ')' || c.name === '[' || c.name === ']' || c.name === ',')
          continue;
        if (c.name === '⚠') return unknown(ctx, n);
        items.push(evaluate(ctx, c, depth + 1));
      }
      return items;
    }
    case 'UnaryExpression': {
      const op = n.firstChild;
      const arg = op?.nextSibling;
      if (!op || !arg || arg.nextSibling) return unknown(ctx, n);
      const v = evaluate(ctx, arg, depth + 1);
      const o = nodeText(ctx, op);
      if (o === 'not') return typeof v === 'boolean' ? !v : unknown(ctx, n);
      if (typeof v !== 'number' || (o !== '-' && o !== '+')) return unknown(ctx, n);
      return o === '-' ? -v : v;
    }
    case 'BinaryExpression': {
      const a = n.firstChild;
      const op = a?.nextSibling;
      const b = op?.nextSibling;
      if (!a || !op || !b || b.nextSibling || op.name !== 'ArithOp') return unknown(ctx, n);
      const va = evaluate(ctx, a, depth + 1);
      const vb = evaluate(ctx, b, depth + 1);
      const o = nodeText(ctx, op);
      if (typeof va === 'string' && typeof vb === 'string' && o === '+') return va + vb;
      if (typeof va !== 'number' || typeof vb !== 'number') return unknown(ctx, n);
      const v = arith(o, va, vb);
      return v === undefined ? unknown(ctx, n) : v;
    }
    default:
      return unknown(ctx, n);
  }
}

const SEPARATORS = new Set(['(', ')', '⚠']);

/**
 * Reads an `ArgList` node: `(x, 0.2, negative_slope=0.3, *rest)` → positional `[{unknown:'x'}, 0.2]`,
 * keywords `{ negative_slope: 0.3 }`, `spread: true`. Returns each argument's node too.
 */
export function readArgList(
  ctx: ScopeContext,
  argList: SyntaxNode,
): { args: CallArgs; positionalNodes: SyntaxNode[]; keywordNodes: Map<string, SyntaxNode> } {
  const args: CallArgs = { positional: [], keywords: {} };
  const positionalNodes: SyntaxNode[] = [];
  const keywordNodes = new Map<string, SyntaxNode>();
  let group: SyntaxNode[] = [];
  const flush = (): void => {
    const g = group;
    group = [];
    if (g.length === 0) return;
    if (g[0].name === '*' || g[0].name === '**') {
      args.spread = true;
      return;
    }
    if (g.length >= 3 && g[0].name === 'VariableName' && g[1].name === 'AssignOp') {
      const key = nodeText(ctx, g[0]);
      // Defined, not assigned: a keyword named `__proto__` is an own entry like any other, never
      // the object's prototype (readers look keywords up with Object.hasOwn).
      Object.defineProperty(args.keywords, key, {
        value: g.length === 3 ? evaluate(ctx, g[2]) : unknown(ctx, g[2]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      keywordNodes.set(key, g[2]);
      return;
    }
    if (g.length === 2 && g[0].name === 'VariableName' && g[1].name === 'AssignOp') return;
    args.positional.push(g.length === 1 ? evaluate(ctx, g[0]) : unknown(ctx, g[0]));
    positionalNodes.push(g[0]);
  };
  for (let c = argList.firstChild; c; c = c.nextSibling) {
    if (c.name === ',') flush();
    else if (!SEPARATORS.has(c.name)) group.push(c);
  }
  flush();
  return { args, positionalNodes, keywordNodes };
}
