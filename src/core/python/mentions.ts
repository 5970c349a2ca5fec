/**
 * Finds the activation mention at a cursor offset: a framework call (`nn.GELU(approximate="tanh")`,
 * `F.leaky_relu(x, 0.2)`), a reference (`activation=nn.relu`), a PyTorch Tensor method
 * (`x.relu()`), or an activation given by name (`Dense(64, activation="swish")`).
 */
import type { SyntaxNode } from '@lezer/common';
import type { Framework } from '../catalog/types';
import { evaluate, isKnown, readArgList, stringLayout, type CallArgs } from './literals';
import type { PythonAnalysis } from './parse';
import {
  activationStringSlot,
  canonicalize,
  INPUT_KEYWORDS,
  takesInputFirst,
  TENSOR_METHODS,
  type ArgSlot,
  type Qualified,
} from './qualify';
import {
  importsTorch,
  isImportBound,
  nodeText,
  readTokenAt,
  resolveDotted,
  type ScopeContext,
} from './scope';

/**
 * One activation mention.
 *
 * `args` are the call's own arguments, statically evaluated (see `evaluate`). For functional
 * forms — a called name whose last segment is lower-case (`torch.nn.functional.*`, `torch.relu`,
 * `jax.nn.*`, `flax.linen.gelu`, `keras.activations.*`, `keras.ops.*`, `tensorflow.nn.*`) — the
 * input tensor is stripped: `positional` holds only the parameter arguments, in the framework's
 * order after the input (`F.leaky_relu(x, 0.2)` → `[0.2]`), and an input passed by keyword
 * (`input=`, `x=`, `features=`, `logits=`, `inputs=`) is dropped when there is no positional one.
 * Constructors (`nn.GELU(...)`, `layers.LeakyReLU(...)`) and methods (`x.softmax(-1)`, where the
 * receiver is the input) keep every argument. References and strings have empty args.
 */
export interface Mention {
  kind: 'call' | 'reference' | 'method' | 'string';
  /** Catalog spelling: `torch.nn.GELU`, `torch.nn.functional.leaky_relu`, `torch.Tensor.relu`,
   * `keras.activations.leaky_relu` (string form), `jax.nn.gelu`, `flax.linen.gelu`,
   * `keras.layers.LeakyReLU`; code written against `tf.keras` gives `tf_keras.layers.LeakyReLU`
   * (framework `tf-keras`). In-place PyTorch variants name the function (`x.relu_()` →
   * `torch.Tensor.relu`). */
  qualifiedName: string;
  framework: Framework;
  /** Document range of the hovered token: the callee's last name, or the whole string literal. */
  from: number;
  to: number;
  args: CallArgs;
  /** For `string` mentions: the activation name as written (`"leaky_relu"` → `leaky_relu`). */
  value?: string;
  /** The fully qualified name as the imports give it, before canonical spelling
   * (`tensorflow.keras.layers.LeakyReLU`, `torch.Tensor.relu_`); for a string, that of the call
   * receiving it. */
  importedName: string;
}

const NO_ARGS = (): CallArgs => ({ positional: [], keywords: {} });

/** Flattens `a.b.c` to its names; the base is the innermost non-member expression. */
function dottedPath(ctx: ScopeContext, expr: SyntaxNode): { path: string[]; base: SyntaxNode } {
  const path: string[] = [];
  let n: SyntaxNode = expr;
  while (n.name === 'MemberExpression') {
    const last = n.lastChild;
    const first = n.firstChild;
    if (!last || !first || last.name !== 'PropertyName') return { path: [], base: n };
    path.unshift(nodeText(ctx, last));
    n = first;
  }
  if (n.name === 'VariableName') {
    path.unshift(nodeText(ctx, n));
    return { path, base: n };
  }
  return { path: [], base: n };
}

/** Whether a VariableName is a name being defined or a keyword-argument name, not a use. */
function isDefinitionSite(node: SyntaxNode): boolean {
  const p = node.parent;
  if (!p) return false;
  switch (p.name) {
    case 'FunctionDefinition':
    case 'ClassDefinition':
    case 'ParamList':
    case 'ImportStatement':
    case 'ScopeStatement':
    case 'TypeParam':
      return true;
    case 'ArgList':
      return node.nextSibling?.name === 'AssignOp';
    case 'AssignStatement': {
      const next = node.nextSibling?.name;
      return next === 'AssignOp' || next === 'TypeDef' || next === ',';
    }
    default:
      return false;
  }
}

function stripInput(args: CallArgs): CallArgs {
  if (args.positional.length > 0) return { ...args, positional: args.positional.slice(1) };
  const keywords = { ...args.keywords };
  for (const k of INPUT_KEYWORDS) {
    if (Object.hasOwn(keywords, k)) {
      delete keywords[k];
      break;
    }
  }
  return { ...args, keywords };
}

/**
 * Names of the places that hold an activation: `act_layer`, `activation`, `act`, `self.act`,
 * `intermediate_act_fn`, `nonlinearity`; not `norm`, `drop_path`, `to_latent`, `action`.
 */
const ACTIVATION_SLOT_NAME = /(^|_)(act|acts|activation|activations|nonlinearity|nonlin)(_|$)/i;

/** The name a value is bound to: the keyword, parameter or assignment target it is the value of. */
function boundName(ctx: ScopeContext, value: SyntaxNode): string | undefined {
  let n = value;
  while (n.parent && /^(ConditionalExpression|ParenthesizedExpression)$/.test(n.parent.name))
    n = n.parent;
  const p = n.parent;
  const op = n.prevSibling;
  if (!p || op?.name !== 'AssignOp') return undefined;
  const key = op.prevSibling;
  if (!key) return undefined;
  if (p.name === 'ArgList' || p.name === 'ParamList')
    return key.name === 'VariableName' ? nodeText(ctx, key) : undefined;
  if (p.name !== 'AssignStatement') return undefined;
  if (key.name === 'VariableName') return nodeText(ctx, key);
  const last = key.name === 'MemberExpression' ? key.lastChild : null;
  return last?.name === 'PropertyName' ? nodeText(ctx, last) : undefined;
}

/**
 * `torch.nn.Identity` is an activation only where it fills an activation slot
 * (`act_layer=nn.Identity`, `self.act = nn.Identity()`); elsewhere it is a placeholder for a
 * norm, a projection or a drop path, and no hover is shown.
 */
function fillsActivationSlot(ctx: ScopeContext, qualifiedName: string, value: SyntaxNode): boolean {
  if (qualifiedName !== 'torch.nn.Identity') return true;
  const name = boundName(ctx, value);
  return name !== undefined && ACTIVATION_SLOT_NAME.test(name);
}

function nameMention(ctx: ScopeContext, token: SyntaxNode, offset: number): Mention | undefined {
  if (token.name === 'VariableName') {
    if (isDefinitionSite(token)) return undefined;
    if (token.parent?.name === 'MemberExpression' && token.parent.firstChild?.from === token.from)
      return undefined;
  }
  const expr = token.name === 'PropertyName' ? token.parent : token;
  if (!expr || (token.name === 'PropertyName' && expr.name !== 'MemberExpression'))
    return undefined;
  const call =
    expr.parent?.name === 'CallExpression' && expr.parent.firstChild?.from === expr.from
      ? expr.parent
      : null;
  const argList = call?.getChild('ArgList') ?? null;
  const base = ctx.window.base;
  const range = { from: token.from + base, to: token.to + base };
  const { path, base: receiver } = dottedPath(ctx, expr);
  const q = path.length > 0 ? resolveDotted(ctx, expr, path, offset) : undefined;
  const canon = q !== undefined ? canonicalize(q) : undefined;
  if (canon && q !== undefined) {
    if (!fillsActivationSlot(ctx, canon.qualifiedName, call ?? expr)) return undefined;
    if (!argList)
      return { kind: 'reference', ...canon, ...range, args: NO_ARGS(), importedName: q };
    const { args } = readArgList(ctx, argList);
    return {
      kind: 'call',
      ...canon,
      ...range,
      args: takesInputFirst(canon.qualifiedName) ? stripInput(args) : args,
      importedName: q,
    };
  }
  // A Tensor method: `x.relu()` on something that is not an imported module.
  if (token.name !== 'PropertyName' || !argList) return undefined;
  const method = nodeText(ctx, token);
  const arity = TENSOR_METHODS.get(method);
  if (arity === undefined || !importsTorch(ctx)) return undefined;
  if (receiver.name === 'VariableName' && isImportBound(ctx, expr, nodeText(ctx, receiver), offset))
    return undefined;
  const { args } = readArgList(ctx, argList);
  // `helpers.relu(x)` passes a tensor: a function of some object, not a Tensor method.
  if (args.positional.length > arity || !args.positional.every(isKnown)) return undefined;
  return {
    kind: 'method',
    qualifiedName: (canonicalize(`torch.Tensor.${method}`) as Qualified).qualifiedName,
    importedName: `torch.Tensor.${method}`,
    framework: 'pytorch',
    ...range,
    args,
  };
}

/** The argument slot a node fills in its ArgList, and the call it belongs to. */
export function argumentSlot(
  ctx: ScopeContext,
  arg: SyntaxNode,
): { slot: ArgSlot; call: SyntaxNode } | undefined {
  const list = arg.parent;
  if (!list || list.name !== 'ArgList' || list.parent?.name !== 'CallExpression') return undefined;
  const prev = arg.prevSibling;
  if (prev?.name === 'AssignOp') {
    const key = prev.prevSibling;
    if (key?.name !== 'VariableName') return undefined;
    return { slot: { keyword: nodeText(ctx, key) }, call: list.parent };
  }
  let index = 0;
  let keywordSeen = false;
  for (let c = list.firstChild; c && c.from < arg.from; c = c.nextSibling) {
    if (c.name === ',') index++;
    if (c.name === 'AssignOp' || c.name === '*' || c.name === '**') keywordSeen = true;
  }
  return keywordSeen ? undefined : { slot: { index }, call: list.parent };
}

/**
 * The framework that accepts a string at `strNode` (a String or ContinuedString argument) as an
 * activation name, with the catalog prefix for it; undefined for ordinary strings.
 */
export function activationStringContext(
  ctx: ScopeContext,
  strNode: SyntaxNode,
  offset: number,
):
  | { framework: Framework; qualifiedPrefix: string; callee: Qualified; importedName: string }
  | undefined {
  const found = argumentSlot(ctx, strNode);
  if (!found) return undefined;
  const calleeExpr = found.call.firstChild;
  if (!calleeExpr) return undefined;
  const { path } = dottedPath(ctx, calleeExpr);
  if (path.length === 0) return undefined;
  const q = resolveDotted(ctx, calleeExpr, path, offset);
  const callee = q !== undefined ? canonicalize(q) : undefined;
  if (!callee) return undefined;
  const where = activationStringSlot(callee, found.slot);
  return where && { ...where, callee, importedName: q as string };
}

function hasError(n: SyntaxNode): boolean {
  let found = false;
  n.toTree().iterate({
    enter: (c) => {
      if (c.type.isError) found = true;
      return !found;
    },
  });
  return found;
}

/**
 * The argument node a string literal stands for: a continued string (`"a" "b"`) as a whole,
 * and, for a string left unterminated while typing, the expression error recovery built on top
 * of it (`"le⏎ layers.Dense(10)` parses as a member call on the string).
 */
export function stringArgument(ctx: ScopeContext, str: SyntaxNode): SyntaxNode {
  if (str.parent?.name === 'ContinuedString') return str.parent;
  if (stringLayout(nodeText(ctx, str, 4096)).terminated) return str;
  let n = str;
  for (
    let k = 0;
    k < 16 && n.parent && n.parent.name !== 'ArgList' && n.parent.from === str.from;
    k++
  )
    n = n.parent;
  return n.parent?.name === 'ArgList' ? n : str;
}

function stringMention(ctx: ScopeContext, str: SyntaxNode, offset: number): Mention | undefined {
  const whole = stringArgument(ctx, str);
  const where = activationStringContext(ctx, whole, offset);
  if (!where) return undefined;
  // Error recovery glues following code onto an unclosed call's last string as a "continued
  // string"; then only the hovered literal is the argument.
  const valueNode = whole !== str && hasError(whole) ? str : whole;
  const value = evaluate(ctx, valueNode);
  if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return undefined;
  const base = ctx.window.base;
  return {
    kind: 'string',
    qualifiedName: where.qualifiedPrefix + value,
    framework: where.framework,
    from: valueNode.from + base,
    to: valueNode.to + base,
    args: NO_ARGS(),
    value,
    importedName: where.importedName,
  };
}

function mentionAt(ctx: ScopeContext, node: SyntaxNode, offset: number): Mention | undefined {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    if (n.name === 'String') return stringMention(ctx, n, offset);
    if (n.name === 'FormatString' || n.name === 'Comment') return undefined;
    if (n.name !== 'Escape') break;
  }
  if (node.name === 'VariableName' || node.name === 'PropertyName')
    return nameMention(ctx, node, offset);
  return undefined;
}

/**
 * The activation mention whose token covers `offset` (a UTF-16 document offset; a token covers
 * `from ≤ offset ≤ to`), or undefined. Only the callee's last name token triggers (`GELU` in
 * `nn.GELU(...)`, not `nn`), and the whole literal for strings. Names resolve through the imports
 * and scopes of the analysis. Never throws.
 */
export function findMention(analysis: PythonAnalysis, offset: number): Mention | undefined {
  return readTokenAt(analysis, offset, (ctx, node) => mentionAt(ctx, node, offset));
}
