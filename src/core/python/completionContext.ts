/**
 * What the cursor is in the middle of typing, for activation completions: an activation name
 * string (`layers.Dense(64, activation="le|`) or a member of an activation module (`nn.ge|`,
 * `F.|`, `jax.nn.|`, `keras.activations.|`). Works on half-typed code (no closing quote or paren).
 */
import type { SyntaxNode } from '@lezer/common';
import type { Framework } from '../catalog/types';
import { stringLayout } from './literals';
import { activationStringContext, stringArgument } from './mentions';
import { analyzePython, PythonAnalysis, reportDetectorError } from './parse';
import { canonicalize } from './qualify';
import { isIdentChar, isIdentStart } from './scan';
import { nodeText, resolveDotted, type ScopeContext } from './scope';

/** Inside an activation name string; replace `[replaceFrom, replaceTo)` (the string's content). */
export interface KerasStringContext {
  kind: 'kerasString';
  /** Whose names to offer: `kerasStringNames(framework)`. */
  framework: 'keras' | 'tf-keras';
  /** What is typed between the opening quote and the cursor. */
  prefix: string;
  replaceFrom: number;
  replaceTo: number;
}

/** After `receiver.` where the receiver resolves to a framework module. */
export interface MemberContext {
  kind: 'member';
  /** Canonical module: `torch.nn`, `torch.nn.functional`, `jax.nn`, `keras.activations`, `flax.linen`. */
  module: string;
  framework: Framework;
  /** Identifier characters typed after the dot, up to the cursor. */
  prefix: string;
  replaceFrom: number;
  /** End of the identifier the cursor is in (equals the cursor when typing at its end). */
  replaceTo: number;
}

export type CompletionContext = KerasStringContext | MemberContext;

/** Longest receiver (`tf.keras.activations`) read back from the cursor. */
const MAX_RECEIVER_CHARS = 200;

function insideNode(node: SyntaxNode, names: ReadonlySet<string>): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (names.has(n.name)) return n;
  return undefined;
}

const STRINGISH = new Set(['String', 'FormatString', 'Comment']);

function stringContext(
  ctx: ScopeContext,
  str: SyntaxNode,
  offset: number,
): KerasStringContext | undefined {
  if (str.name !== 'String') return undefined;
  const base = ctx.window.base;
  const layout = stringLayout(nodeText(ctx, str));
  if (/[fFbB]/.test(layout.prefix)) return undefined;
  const from = str.from + base + layout.contentFrom;
  const to = str.from + base + layout.contentTo;
  if (offset < from || offset > to) return undefined;
  const where = activationStringContext(ctx, stringArgument(ctx, str), offset);
  // PyTorch transformer layers take only "relu" and "gelu": nothing worth completing.
  if (!where || (where.framework !== 'keras' && where.framework !== 'tf-keras')) return undefined;
  return {
    kind: 'kerasString',
    framework: where.framework,
    prefix: ctx.analysis.text.slice(from, offset),
    replaceFrom: from,
    replaceTo: to,
  };
}

function memberContext(
  ctx: ScopeContext,
  node: SyntaxNode,
  offset: number,
): MemberContext | undefined {
  const text = ctx.analysis.text;
  let p = offset;
  while (p > 0 && offset - p < MAX_RECEIVER_CHARS && isIdentChar(text.charCodeAt(p - 1))) p--;
  const replaceFrom = p;
  if (p < offset && !isIdentStart(text.charCodeAt(p))) return undefined;
  if (text.charCodeAt(p - 1) !== 46) return undefined;
  let r = p - 1;
  while (r > 0 && p - r < MAX_RECEIVER_CHARS) {
    const c = text.charCodeAt(r - 1);
    if (isIdentChar(c) || c === 46) r--;
    else break;
  }
  const receiver = text.slice(r, p - 1);
  if (!/^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u.test(receiver)) return undefined;
  let replaceTo = offset;
  while (
    replaceTo < text.length &&
    replaceTo - offset < MAX_RECEIVER_CHARS &&
    isIdentChar(text.charCodeAt(replaceTo))
  )
    replaceTo++;
  const q = resolveDotted(ctx, node, receiver.split('.'), offset);
  const canon = q !== undefined ? canonicalize(q) : undefined;
  if (!canon) return undefined;
  return {
    kind: 'member',
    module: canon.qualifiedName,
    framework: canon.framework,
    prefix: text.slice(replaceFrom, offset),
    replaceFrom,
    replaceTo,
  };
}

/**
 * The completion context at `offset` (a UTF-16 offset, the cursor), or undefined. Accepts an
 * analysis or the document text. Inside comments and ordinary strings there is none. Never throws.
 */
export function completionContext(
  source: PythonAnalysis | string,
  offset: number,
): CompletionContext | undefined {
  try {
    const analysis = source instanceof PythonAnalysis ? source : analyzePython(source);
    const window = analysis.windowAt(offset);
    if (!window) return undefined;
    const ctx: ScopeContext = { analysis, window };
    const node = window.tree.resolveInner(offset - window.base, -1);
    const inString = insideNode(node, STRINGISH);
    if (inString) return stringContext(ctx, inString, offset);
    // At the very start of a string, resolveInner(-1) sees the token before it.
    const after = window.tree.resolveInner(offset - window.base, 1);
    const startsString = insideNode(after, STRINGISH);
    if (startsString && startsString.from + window.base < offset)
      return stringContext(ctx, startsString, offset);
    return memberContext(ctx, node, offset);
  } catch (e) {
    reportDetectorError(e);
    return undefined;
  }
}
