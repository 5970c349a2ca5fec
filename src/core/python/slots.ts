/**
 * Activation slots: places where a value is read as an activation — a Keras/PyTorch argument
 * that takes an activation name (`Dense(activation=…)`, `nn.RNN(nonlinearity=…)`), a library
 * dispatch key (`ACT2FN[…]`, `create_act_layer(…)`, `hidden_act=…`). Besides the slot an
 * expression sits in, a string or parameter default can *flow* into one: `gate_layer='sigmoid'`
 * later passed to `create_act_layer(gate_layer)`, or `{'RNN_TANH': 'tanh'}[t]` assigned to
 * `nonlinearity` and passed to `nn.RNN(nonlinearity=nonlinearity)`.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Framework } from '../catalog/types';
import type { DispatchLibrary } from './dispatchLookup';
import { activationStringContext, argumentSlot } from './mentions';
import { importsTorch, nodeText, resolveDotted, type ScopeContext } from './scope';
import { dispatchFunction, dispatchKeyword, dispatchTable } from './dispatchSites';
import { dottedNames } from './evaluateValue';
import { moduleSites, same } from './bindingSites';

/** A slot: Keras/PyTorch activation names, or a library's dispatch key. */
export type Slot =
  | { kind: 'string'; framework: Framework; qualifiedPrefix: string; importedName: string }
  | { kind: 'dispatch'; library: DispatchLibrary };

/** Most name uses looked at when following a value forward. */
const MAX_USES = 256;

/** Whether `n` is the callee of its parent call. */
export function isCallee(n: SyntaxNode): boolean {
  return n.parent?.name === 'CallExpression' && n.parent.firstChild?.from === n.from;
}

/** The dispatch call or subscript `n` is the table, function or key of, with its library. */
export function enclosingDispatch(
  ctx: ScopeContext,
  n: SyntaxNode,
): { node: SyntaxNode; library: DispatchLibrary } | undefined {
  const p = n.parent;
  if (!p) return undefined;
  // `ACT2FN["gelu"]`: the table or the key.
  if (p.name === 'MemberExpression' && p.firstChild?.nextSibling?.name === '[') {
    const path = dottedNames(ctx, p.firstChild);
    const table = path.length > 0 ? dispatchTable(path[path.length - 1]) : undefined;
    if (table) return { node: p, library: table.library };
  }
  // `get_activation("gelu")`: the function or its key argument.
  const call = isCallee(n) ? p : p.name === 'ArgList' ? p.parent : null;
  if (call?.name === 'CallExpression' && call.firstChild) {
    const path = dottedNames(ctx, call.firstChild);
    if (path.length === 0) return undefined;
    const q = resolveDotted(ctx, call.firstChild, path, call.from + ctx.window.base);
    const site =
      q !== 'functools.partial' ? dispatchFunction(q, path, importsTorch(ctx)) : undefined;
    if (site) return { node: call, library: site.library };
  }
  return undefined;
}

/**
 * The library a config keyword (`hidden_act`, `act_layer`) names in this file; undefined when
 * the file defines its own `get_activation` (BERT's modeling.py maps names itself).
 */
export function keywordLibrary(ctx: ScopeContext, keyword: string): DispatchLibrary | undefined {
  const library = dispatchKeyword(keyword);
  if (library !== 'transformers') return library;
  const own = moduleSites(ctx.analysis, 'get_activation', Infinity);
  return own.some((s) => s.node.name === 'FunctionDefinition') ? undefined : library;
}

/** The slot an argument expression fills, if it is an activation slot. */
export function slotOf(ctx: ScopeContext, expr: SyntaxNode, offset: number): Slot | undefined {
  const s = activationStringContext(ctx, expr, offset);
  if (s) return { kind: 'string', ...s };
  const found = argumentSlot(ctx, expr);
  if (found && 'keyword' in found.slot) {
    const library = keywordLibrary(ctx, found.slot.keyword);
    if (library) return { kind: 'dispatch', library };
  }
  const d = enclosingDispatch(ctx, expr);
  if (d && !same(d.node, expr) && !isCallee(expr)) return { kind: 'dispatch', library: d.library };
  return undefined;
}

/** The first slot a use of `name` inside `scope` fills (uses in nested functions count too). */
export function forwardSlot(
  ctx: ScopeContext,
  scope: SyntaxNode,
  name: string,
  offset: number,
): Slot | undefined {
  const body = scope.getChild('Body') ?? scope;
  const c = body.cursor();
  let seen = 0;
  while (c.next() && c.from < body.to && seen < MAX_USES) {
    if (c.name !== 'VariableName') continue;
    seen++;
    const n = c.node;
    if (nodeText(ctx, n) !== name) continue;
    const slot = slotOf(ctx, n, offset);
    if (slot) return slot;
  }
  return undefined;
}

/** The scope node (function, or the module's top node) enclosing `n`. */
function scopeOf(n: SyntaxNode): SyntaxNode {
  let s: SyntaxNode = n;
  while (s.parent) {
    s = s.parent;
    if (s.name === 'FunctionDefinition') return s;
  }
  return s;
}

/**
 * Where a value written at `n` (a string literal, a parameter default) flows: through a dict
 * lookup, a conditional or `or`, into an assignment target or a parameter, and from there into a
 * slot of the same function (or module). Undefined when it reaches none.
 */
export function flowSlot(ctx: ScopeContext, n: SyntaxNode, offset: number): Slot | undefined {
  let cur = n;
  for (let k = 0; k < 8 && cur.parent; k++) {
    const p: SyntaxNode = cur.parent;
    if (p.name === 'DictionaryExpression') {
      // A value (after `:`), read by subscripting the dict right away.
      if (cur.prevSibling?.name !== ':') return undefined;
      const sub = p.parent;
      if (sub?.name !== 'MemberExpression' || !same(sub.firstChild, p)) return undefined;
      cur = sub;
      continue;
    }
    if (
      p.name === 'ParenthesizedExpression' ||
      p.name === 'ConditionalExpression' ||
      (p.name === 'BinaryExpression' && /^(or|and)$/.test(p.firstChild?.nextSibling?.name ?? ''))
    ) {
      cur = p;
      continue;
    }
    const direct = slotOf(ctx, cur, offset);
    if (direct) return direct;
    let target: SyntaxNode | null = null;
    if (p.name === 'AssignStatement' && cur.prevSibling?.name === 'AssignOp') {
      target = p.firstChild;
      if (target?.nextSibling?.name !== 'AssignOp' && target?.nextSibling?.name !== 'TypeDef')
        return undefined;
    } else if (p.name === 'ParamList' && cur.prevSibling?.name === 'AssignOp') {
      target = cur.prevSibling.prevSibling;
      if (target?.name === 'TypeDef') target = target.prevSibling;
    }
    if (!target || target.name !== 'VariableName') return undefined;
    const name = nodeText(ctx, target);
    const scope = p.name === 'ParamList' ? (p.parent as SyntaxNode) : scopeOf(p);
    return forwardSlot(ctx, scope, name, offset);
  }
  return undefined;
}
