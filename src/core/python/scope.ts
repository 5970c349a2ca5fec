/**
 * Python name resolution inside a parsed window: function parameters and local assignments
 * shadow module-level imports for the whole function (Python's rule: a name assigned anywhere in
 * a function is local to all of it); class bodies are a scope only for code directly in them.
 * Module-level names come from the analysis' module table.
 */
import type { SyntaxNode } from '@lezer/common';
import { importBindings, pickBinding, type Binding } from './imports';
import { reportDetectorError, type ParsedWindow, type PythonAnalysis } from './parse';
import { canonicalize } from './qualify';
import { aliasIndex } from '../catalog/catalog';

const NO_DESCENT = new Set([
  'LambdaExpression',
  'ComprehensionExpression',
  'ArrayComprehensionExpression',
  'SetComprehensionExpression',
  'DictionaryComprehensionExpression',
  'String',
  'FormatString',
  'Comment',
]);

const DOTTED = /^[\p{L}_][\p{L}\p{N}_]*(?:[ \t]*\.[ \t]*[\p{L}_][\p{L}\p{N}_]*)*$/u;

/** Reading context of one query: the analysis and the window parsed for it. */
export interface ScopeContext {
  analysis: PythonAnalysis;
  window: ParsedWindow;
}

/** Document text of a node. */
export function nodeText(ctx: ScopeContext, n: SyntaxNode, max = Infinity): string {
  const from = n.from + ctx.window.base;
  return ctx.analysis.text.slice(from, Math.min(n.to + ctx.window.base, from + max));
}

function children(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Whether `node` lies in the part of `scope` that runs in the scope (its body, not its header). */
function insideBody(scope: SyntaxNode, node: SyntaxNode): boolean {
  if (scope.name === 'LambdaExpression') {
    const colon = children(scope).find((c) => c.name === ':');
    return !!colon && node.from >= colon.to;
  }
  const body = scope.getChild('Body');
  return !!body && node.from >= body.from && node.to <= body.to;
}

/** Binding targets inside an assignment/for target (names, tuples, lists, starred). */
function targetVariables(n: SyntaxNode, out: SyntaxNode[], depth = 0): void {
  if (n.name === 'VariableName') out.push(n);
  else if (
    depth < 32 &&
    (n.name === 'TupleExpression' ||
      n.name === 'ArrayExpression' ||
      n.name === 'ParenthesizedExpression')
  ) {
    for (const c of children(n)) targetVariables(c, out, depth + 1);
  }
}

/** Answers of `scopeBindings` per parsed window, by scope and name: a hover looks up the same
 * few names in the same enclosing scopes again and again, and each answer is a walk of the whole
 * scope body. A window (and its tree) never changes, so neither do they. */
const scopeMemo = new WeakMap<ParsedWindow, Map<string, readonly Binding[] | 'global'>>();
const SCOPE_MEMO_SIZE = 512;

/**
 * Every binding of `name` in the scope `scope` (a function, lambda or class), in document order;
 * `'global'` when the scope declares it `global`/`nonlocal`.
 */
export function scopeBindings(
  ctx: ScopeContext,
  scope: SyntaxNode,
  name: string,
): readonly Binding[] | 'global' {
  let memo = scopeMemo.get(ctx.window);
  if (!memo) scopeMemo.set(ctx.window, (memo = new Map()));
  const key = `${scope.from}:${scope.to}:${scope.name}:${name}`;
  let res = memo.get(key);
  if (res === undefined) {
    if (memo.size >= SCOPE_MEMO_SIZE) memo.clear();
    memo.set(key, (res = readScopeBindings(ctx, scope, name)));
  }
  return res;
}

function readScopeBindings(
  ctx: ScopeContext,
  scope: SyntaxNode,
  name: string,
): Binding[] | 'global' {
  const base = ctx.window.base;
  const found: Binding[] = [];
  const local = (n: SyntaxNode): void => {
    found.push({ kind: 'local', pos: n.from + base });
  };
  const params = scope.getChild('ParamList');
  if (params) {
    let prev: SyntaxNode | null = null;
    for (const c of children(params)) {
      if (c.name === 'VariableName' && prev?.name !== 'AssignOp' && nodeText(ctx, c) === name)
        local(c);
      prev = c;
    }
  }
  const body = scope.name === 'LambdaExpression' ? null : scope.getChild('Body');
  const stack: SyntaxNode[] = body ? [body] : [];
  let globalDecl = false;
  while (stack.length > 0) {
    const n = stack.pop() as SyntaxNode;
    switch (n.name) {
      case 'FunctionDefinition':
      case 'ClassDefinition': {
        const v = n.getChild('VariableName');
        if (v && nodeText(ctx, v) === name) local(n);
        continue;
      }
      case 'ImportStatement':
        for (const [nm, b] of importBindings(n, ctx.analysis.text, base))
          if (nm === name) found.push(b);
        continue;
      case 'AssignStatement':
        readAssign(ctx, n, name, found);
        continue;
      case 'UpdateStatement':
      case 'NamedExpression': {
        const v = n.firstChild;
        if (v?.name === 'VariableName' && nodeText(ctx, v) === name) local(n);
        break;
      }
      case 'ScopeStatement':
        for (const c of children(n))
          if (c.name === 'VariableName' && nodeText(ctx, c) === name) globalDecl = true;
        continue;
      case 'ForStatement': {
        const kids = children(n);
        const inAt = kids.findIndex((c) => c.name === 'in');
        const targets: SyntaxNode[] = [];
        for (const c of kids.slice(0, inAt < 0 ? 0 : inAt)) targetVariables(c, targets);
        for (const v of targets) if (nodeText(ctx, v) === name) local(v);
        break;
      }
      case 'WithStatement':
      case 'TryStatement': {
        let prev: SyntaxNode | null = null;
        for (const c of children(n)) {
          if (c.name === 'VariableName' && prev?.name === 'as' && nodeText(ctx, c) === name)
            local(c);
          prev = c;
        }
        break;
      }
      default:
        if (NO_DESCENT.has(n.name)) continue;
    }
    for (let c = n.lastChild; c; c = c.prevSibling) stack.push(c);
  }
  if (globalDecl) return 'global';
  found.sort((a, b) => a.pos - b.pos);
  return found;
}

function readAssign(ctx: ScopeContext, n: SyntaxNode, name: string, found: Binding[]): void {
  const kids = children(n);
  let lastOp = -1;
  kids.forEach((c, k) => {
    if (c.name === 'AssignOp') lastOp = k;
  });
  if (lastOp < 0) return;
  const targets: SyntaxNode[] = [];
  for (const c of kids.slice(0, lastOp)) if (c.name !== 'AssignOp') targetVariables(c, targets);
  const hits = targets.filter((v) => nodeText(ctx, v) === name);
  if (hits.length === 0) return;
  const pos = n.from + ctx.window.base;
  const rhsNode = kids[lastOp + 1];
  const rhs = rhsNode ? nodeText(ctx, rhsNode, 300).trim() : '';
  if (rhs === 'None') return;
  if (targets.length === 1 && rhsNode && DOTTED.test(rhs)) {
    found.push({ kind: 'alias', pos, path: rhs.split('.').map((p) => p.trim()) });
  } else found.push({ kind: 'local', pos });
}

/**
 * The binding of `name` as seen from `node` at document offset `offset`: the innermost enclosing
 * function (or class body, for code directly in it) that binds the name decides; otherwise the
 * module table (with earlier notebook cells).
 */
function lookupName(
  ctx: ScopeContext,
  node: SyntaxNode,
  name: string,
  offset: number,
): Binding | undefined {
  let passedFunction = false;
  for (let s = node.parent; s; s = s.parent) {
    const isFn = s.name === 'FunctionDefinition' || s.name === 'LambdaExpression';
    if (!isFn && s.name !== 'ClassDefinition') continue;
    if (!isFn && passedFunction) continue;
    if (!insideBody(s, node)) continue;
    const res = scopeBindings(ctx, s, name);
    if (res === 'global') break;
    if (res.length > 0) return pickBinding(res, offset);
    if (isFn) passedFunction = true;
  }
  const table = ctx.analysis.moduleTable();
  return pickBinding(table.get(name), offset) ?? starBinding(table.get('*'), name, offset);
}

/**
 * The star import (`from torch.nn.functional import *`) that binds `name`: the last one before
 * `offset` whose module defines an activation of that name, else the last framework module
 * (the name may be a layer such as `Dense` that takes an activation string).
 */
function starBinding(
  stars: readonly Binding[] | undefined,
  name: string,
  offset: number,
): Binding | undefined {
  if (!stars || name === '*') return undefined;
  const before = stars.filter((b) => b.pos < offset);
  const list = (before.length > 0 ? before : stars.slice(0, 1)).filter((b) => b.kind === 'import');
  let fallback: Binding | undefined;
  for (let k = list.length - 1; k >= 0; k--) {
    const b = list[k] as Extract<Binding, { kind: 'import' }>;
    const canon = canonicalize(`${b.target}.${name}`);
    if (!canon) continue;
    const target = { kind: 'import' as const, pos: b.pos, target: `${b.target}.${name}` };
    if (aliasIndex().has(canon.qualifiedName)) return target;
    fallback ??= target;
  }
  return fallback;
}

/**
 * Resolves a dotted name (`['nn', 'functional', 'gelu']`) to the fully qualified name its head's
 * import gives it (`torch.nn.functional.gelu`), or undefined when the head is unbound or local.
 */
export function resolveDotted(
  ctx: ScopeContext,
  node: SyntaxNode,
  path: readonly string[],
  offset: number,
  depth = 0,
): string | undefined {
  if (path.length === 0 || depth > 4) return undefined;
  const b = lookupName(ctx, node, path[0], offset);
  if (!b || b.kind === 'local') return undefined;
  const rest = path.slice(1);
  if (b.kind === 'import') return [b.target, ...rest].join('.');
  const inner = resolveDotted(ctx, node, b.path, b.pos, depth + 1);
  return inner === undefined ? undefined : [inner, ...rest].join('.');
}

/** Whether `name` is bound by an import (directly or through an alias) as seen from `node`. */
export function isImportBound(
  ctx: ScopeContext,
  node: SyntaxNode,
  name: string,
  offset: number,
): boolean {
  const b = lookupName(ctx, node, name, offset);
  return !!b && b.kind !== 'local';
}

/** Whether the module (or an earlier cell) imports PyTorch. */
export function importsTorch(ctx: ScopeContext): boolean {
  for (const list of ctx.analysis.moduleTable().values()) {
    for (const b of list) if (b.kind === 'import' && /^torch(\.|$)/.test(b.target)) return true;
  }
  return false;
}

/**
 * Reads the token at `offset` with `read`: first the token starting at or after the offset, then
 * the one ending there (a cursor just after `GELU` still hovers it). Never throws: errors go to
 * the detector's error handler and the answer is undefined.
 */
export function readTokenAt<T>(
  analysis: PythonAnalysis,
  offset: number,
  read: (ctx: ScopeContext, node: SyntaxNode) => T | undefined,
): T | undefined {
  try {
    const window = analysis.windowAt(offset);
    if (!window) return undefined;
    const ctx: ScopeContext = { analysis, window };
    const pos = offset - window.base;
    const right = window.tree.resolveInner(pos, 1);
    const found = read(ctx, right);
    if (found !== undefined) return found;
    const left = window.tree.resolveInner(pos, -1);
    return left === right ? undefined : read(ctx, left);
  } catch (e) {
    reportDetectorError(e);
    return undefined;
  }
}
