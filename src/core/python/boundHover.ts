/**
 * The binding model's answer for a cursor: which expression the hovered token stands for
 * (`self.act` in `self.act(x)`, `act_layer` in `act_layer()`, `activation` in
 * `Dense(activation=activation)`, `"gelu_new"` in `ACT2FN["gelu_new"]`), what it evaluates to,
 * and the catalog resolution of each activation that can reach it, with the binding steps.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Resolved } from '../catalog/types';
import { isUnknown } from '../catalog/pyLiteral';
import type { Mention } from './mentions';
import { reportDetectorError, type PythonAnalysis } from './parse';
import { resolveMention } from './resolveMention';
import type { BindingStep, BoundValue, UnknownReason } from './boundValue';
import {
  definedValue,
  dottedNames,
  evaluateArgs,
  evaluateNode,
  newEnv,
  nodeAtRange,
  type EvalEnv,
} from './evaluateValue';
import { hasNonlinearity, type CodeDefined } from './codeDefined';
import { defaultParams } from '../catalog/catalog';
import { same } from './bindingSites';
import {
  enclosingDispatch,
  flowSlot,
  forwardSlot,
  isCallee,
  keywordLibrary,
  slotOf,
  type Slot,
} from './slots';
import { dispatchLookup, type DispatchLibrary } from './dispatchLookup';
import type { DispatchSource } from '../catalog/dispatch/types';
import { nodeText, readTokenAt, type ScopeContext } from './scope';
import type { CallArgs } from './literals';

/** One activation that reaches the hovered expression. */
export interface BoundOption {
  mention: Mention;
  resolved: Resolved;
  /** Binding sites from the use outwards. */
  via: BindingStep[];
  /** The activation as a whole is a default a caller may replace. */
  overridable: boolean;
  /** For a library's name (`ACT2FN["gelu_new"]`): where the table was read. */
  dispatch?: { library: DispatchLibrary; key: string; source: DispatchSource };
  /** For an activation defined in this file: the definition read as a formula. */
  code?: CodeDefined;
}

/** The binding model's answer at a cursor. */
export interface BoundHover {
  /** Document range of the hovered token. */
  from: number;
  to: number;
  /** Activations that reach the expression (several: branches); empty when `unknown`. */
  options: BoundOption[];
  /** An activation is expected here but cannot be known statically. */
  unknown?: { reason: UnknownReason; text: string; via: BindingStep[] };
}

/** Framework modules that are activations only in an activation slot. */
const PLACEHOLDERS = new Set(['torch.nn.Identity']);

/** Names whose unknown value is still worth saying so (`act_layer`, `self.act`, `activation`). */
const ACTIVATION_NAME = /(?:^|_)(?:act|activation|nonlinearity)(?:$|_)|_act$|^act/i;

function children(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Whether a name token is a definition, keyword-argument name or import, not a use. */
function isDefinition(n: SyntaxNode): boolean {
  const p = n.parent;
  if (!p) return true;
  switch (p.name) {
    case 'ParamList':
      // A parameter's default (`intermediate_act_fn=gelu`) is a use.
      return n.prevSibling?.name !== 'AssignOp';
    case 'FunctionDefinition':
    case 'ClassDefinition':
    case 'ImportStatement':
    case 'ScopeStatement':
      return true;
    case 'ArgList':
      return n.nextSibling?.name === 'AssignOp';
    default:
      return false;
  }
}

/** The statement node a target belongs to when `n` is an assignment target, else undefined. */
function assignmentOf(n: SyntaxNode): SyntaxNode | undefined {
  const p = n.parent;
  if (p?.name !== 'AssignStatement') return undefined;
  for (let c = n.nextSibling; c; c = c.nextSibling) if (c.name === 'AssignOp') return p;
  return undefined;
}

function stringMentionOption(
  slot: Extract<Slot, { kind: 'string' }>,
  value: string,
  via: BindingStep[],
  overridable: boolean,
): BoundOption | undefined {
  const mention: Mention = {
    kind: 'string',
    qualifiedName: slot.qualifiedPrefix + value,
    framework: slot.framework,
    from: 0,
    to: 0,
    args: { positional: [], keywords: {} },
    value,
    importedName: slot.importedName,
  };
  const resolved = resolveMention(mention);
  return resolved ? { mention, resolved, via, overridable } : undefined;
}

/** Catalog parameters whose shown value a caller may change or that are not known statically. */
function uncertainParams(resolved: Resolved, args: CallArgs, overridable: string[]): string[] {
  const out = new Set<string>();
  const api = resolved.api;
  if (!api) return [];
  const positional = api.args.filter((a) => !a.keywordOnly);
  for (const a of api.args) {
    if (!a.param || !(a.param in resolved.params)) continue;
    const i = positional.indexOf(a);
    const byKeyword = Object.prototype.hasOwnProperty.call(args.keywords, a.name);
    const byPosition = i >= 0 && i < args.positional.length;
    const value = byKeyword ? args.keywords[a.name] : byPosition ? args.positional[i] : undefined;
    if (isUnknown(value)) out.add(a.param);
    else if (byKeyword && overridable.includes(a.name)) out.add(a.param);
    else if (byPosition && overridable.includes(`#${i}`)) out.add(a.param);
    else if (!byKeyword && !byPosition && overridable.includes('*')) out.add(a.param);
  }
  return [...out];
}

/** The activations a value stands for; `applied` results only when the hovered name is called. */
function optionsOf(
  v: BoundValue,
  slot: Slot | undefined,
  called: boolean,
  via: BindingStep[] = [],
): BoundOption[] {
  const steps = [...via, ...v.via];
  const overridable = !!v.overridable;
  switch (v.kind) {
    case 'alternatives':
      return v.options.flatMap((o) =>
        optionsOf(overridable ? { ...o, overridable } : o, slot, called, steps),
      );
    case 'callable':
    case 'instance':
    case 'applied': {
      if (v.kind === 'applied' && !called) return [];
      const hasArgs = v.args.positional.length > 0 || Object.keys(v.args.keywords).length > 0;
      const mention: Mention = {
        kind: v.kind === 'callable' && !hasArgs ? 'reference' : 'call',
        qualifiedName: v.callee.qualifiedName,
        framework: v.callee.framework,
        from: 0,
        to: 0,
        args: v.args,
        importedName: v.importedName,
      };
      const r = resolveMention(mention) ?? kerasActivationLayer(v, steps, overridable);
      if (!r) return [];
      if ('mention' in r) return [r];
      const uncertain = uncertainParams(r, v.args, v.overridableArgs);
      const resolved = uncertain.length > 0 ? { ...r, uncertain } : r;
      return [{ mention, resolved, via: steps, overridable }];
    }
    case 'dispatch': {
      if (v.stage === 'applied' && !called) return [];
      const mention: Mention = {
        kind: 'reference',
        qualifiedName: v.callee.qualifiedName,
        framework: v.callee.framework,
        from: 0,
        to: 0,
        args: { positional: [], keywords: {} },
        value: v.key,
        importedName: v.shown,
      };
      const dispatch = { library: v.library, key: v.key, source: v.source };
      return [{ mention, resolved: v.resolved, via: steps, overridable, dispatch }];
    }
    case 'code':
      return v.stage === 'applied' && !called ? [] : [codeOption(v.definition, steps, overridable)];
    case 'literal': {
      // `activation=None` is the identity in Keras layers.
      const none = v.value === null && slot?.kind === 'string' && slot.framework !== 'pytorch';
      const name = none ? 'linear' : v.value;
      if (typeof name !== 'string' || !slot) return [];
      if (slot.kind === 'string') {
        const o = stringMentionOption(slot, name, steps, overridable);
        return o ? [o] : [];
      }
      const hit = dispatchLookup(slot.library, name);
      if (!hit) return [];
      const mention: Mention = {
        kind: 'reference',
        qualifiedName: hit.callee.qualifiedName,
        framework: hit.callee.framework,
        from: 0,
        to: 0,
        args: { positional: [], keywords: {} },
        value: name,
        importedName: hit.callee.qualifiedName,
      };
      const dispatch = { library: slot.library, key: name, source: hit.source };
      return [{ mention, resolved: hit.resolved, via: steps, overridable, dispatch }];
    }
    default:
      return [];
  }
}

/** An activation defined in this file: the catalog entry it equals (defaults), if any. */
function codeOption(code: CodeDefined, via: BindingStep[], overridable: boolean): BoundOption {
  const id = code.match?.id ?? '';
  const mention: Mention = {
    kind: 'reference',
    qualifiedName: code.name,
    framework: 'paper',
    from: 0,
    to: 0,
    args: { positional: [], keywords: {} },
    importedName: code.name,
  };
  const resolved: Resolved = { id, params: id ? defaultParams(id) : {} };
  return { mention, resolved, via, overridable, code };
}

/** `layers.Activation("gelu")` (or `Activation(activation=…)`) as an activation. */
function kerasActivationLayer(
  v: Extract<BoundValue, { kind: 'instance' | 'callable' | 'applied' }>,
  via: BindingStep[],
  overridable: boolean,
): BoundOption | undefined {
  if (!/^(keras|tf_keras)\.layers\.Activation$/.test(v.callee.qualifiedName)) return undefined;
  const value = v.args.positional[0] ?? v.args.keywords.activation;
  if (typeof value !== 'string') return undefined;
  const root = v.callee.framework === 'keras' ? 'keras' : 'tf_keras';
  return stringMentionOption(
    {
      kind: 'string',
      framework: v.callee.framework,
      qualifiedPrefix: `${root}.activations.`,
      importedName: v.importedName,
    },
    value,
    via,
    overridable,
  );
}

/** Keeps one option per distinct (id, parameters). */
function distinct(options: BoundOption[]): BoundOption[] {
  const seen = new Set<string>();
  return options.filter((o) => {
    const key = `${o.resolved.id}|${JSON.stringify(o.resolved.params)}|${o.code?.offset ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first unknown with a reason worth telling, searching alternatives too. */
function firstUnknown(v: BoundValue, via: BindingStep[] = []): BoundHover['unknown'] | undefined {
  if (v.kind === 'unknown') return { reason: v.reason, text: v.text, via: [...via, ...v.via] };
  if (v.kind === 'alternatives')
    for (const o of v.options) {
      const u = firstUnknown(o, [...via, ...v.via]);
      if (u) return u;
    }
  return undefined;
}

/** What the hovered token stands for, or undefined for tokens the model does not read. */
interface Target {
  expr: SyntaxNode;
  token: SyntaxNode;
  called: boolean;
  slot?: Slot;
  /** A name bound where it is hovered (`self.act = …`, `act = …`): its value is the right side. */
  assigned?: SyntaxNode;
  /** The name as written (for the "worth saying unknown" test). */
  name: string;
  /** A parameter without a default, hovered in its `def`: the caller decides. */
  unknownHere?: true;
  /** The hovered token names this `def`/`class`. */
  definition?: SyntaxNode;
}

function nameTarget(ctx: ScopeContext, token: SyntaxNode, offset: number): Target | undefined {
  const name = nodeText(ctx, token, 200);
  if (token.name === 'VariableName') {
    const p = token.parent;
    // A keyword argument's name stands for its value: `act_layer=nn.SiLU`, `act=self.act`.
    if (p?.name === 'ArgList' && token.nextSibling?.name === 'AssignOp') {
      const value = token.nextSibling.nextSibling;
      if (!value || value.name === ',' || value.name === ')') return undefined;
      return { expr: value, token, called: false, slot: slotOf(ctx, value, offset), name };
    }
    // A parameter's name stands for its default, read where the function uses it.
    if (p?.name === 'ParamList' && token.prevSibling?.name !== 'AssignOp')
      return parameterTarget(ctx, token, offset, name);
    // The name of a `def`/`class` stands for what it defines (an activation written in code).
    if (
      (p?.name === 'FunctionDefinition' || p?.name === 'ClassDefinition') &&
      same(p.getChild('VariableName'), token)
    )
      return { expr: token, token, called: false, name, definition: p };
    if (isDefinition(token)) return undefined;
    if (p?.name === 'MemberExpression' && p.firstChild?.from === token.from) {
      // `ACT2FN` in `ACT2FN["gelu"]` stands for the lookup; `nn` in `nn.GELU` for nothing.
      if (token.nextSibling?.name !== '[') return undefined;
    }
  }
  let expr: SyntaxNode = token.name === 'PropertyName' ? (token.parent as SyntaxNode) : token;
  if (!expr || (token.name === 'PropertyName' && expr.name !== 'MemberExpression'))
    return undefined;
  const stmt = assignmentOf(expr);
  if (stmt) {
    const kids = children(stmt);
    const rhs = kids[kids.length - 1];
    const ops = kids.filter((c) => c.name === 'AssignOp');
    if (ops.length !== 1 || kids.filter((c) => c.name === ',').length > 0) return undefined;
    return { expr, token, called: false, assigned: rhs, name, slot: flowSlot(ctx, rhs, offset) };
  }
  const dispatch = enclosingDispatch(ctx, expr);
  if (dispatch) expr = dispatch.node;
  let called = false;
  if (isCallee(expr)) {
    expr = expr.parent as SyntaxNode;
    called = true;
  }
  const slot = called ? undefined : slotOf(ctx, expr, offset);
  return { expr, token, called, slot, name };
}

/** A parameter name in a `def`: its default, in the slot the function passes it to. */
function parameterTarget(
  ctx: ScopeContext,
  token: SyntaxNode,
  offset: number,
  name: string,
): Target | undefined {
  const prev = token.prevSibling?.name;
  if (prev === '*' || prev === '**') return undefined;
  let n = token.nextSibling;
  if (n?.name === 'TypeDef') n = n.nextSibling;
  const def = n?.name === 'AssignOp' ? n.nextSibling : null;
  const fn = token.parent?.parent;
  if (!fn || fn.name !== 'FunctionDefinition') return undefined;
  const slot = forwardSlot(ctx, fn, name, offset);
  if (!def)
    return slot ? { expr: token, token, called: false, slot, name, unknownHere: true } : undefined;
  return { expr: def, token, called: false, slot, name };
}

/**
 * A string a function compares its argument with to pick what it returns (BERT's
 * `get_activation`: `elif act == "gelu": return gelu`): the returned expression of that branch.
 */
function comparedBranch(ctx: ScopeContext, token: SyntaxNode): SyntaxNode | undefined {
  const test = token.parent;
  if (test?.name !== 'BinaryExpression' || test.parent?.name !== 'IfStatement') return undefined;
  const kids = children(test);
  if (kids.length !== 3 || kids[1].name !== 'CompareOp' || nodeText(ctx, kids[1]) !== '==')
    return undefined;
  const other = same(kids[0], token) ? kids[2] : kids[0];
  if (other.name === 'String') return undefined;
  const body = test.nextSibling;
  if (body?.name !== 'Body') return undefined;
  let first = body.firstChild;
  while (first && (first.name === ':' || first.name === 'Comment')) first = first.nextSibling;
  if (first?.name !== 'ReturnStatement') return undefined;
  const value = first.lastChild;
  return value && value.name !== 'return' ? value : undefined;
}

function stringTarget(ctx: ScopeContext, token: SyntaxNode, offset: number): Target | undefined {
  const dispatch = enclosingDispatch(ctx, token);
  if (dispatch) return { expr: dispatch.node, token, called: false, name: '' };
  const returned = comparedBranch(ctx, token);
  if (returned) return { expr: returned, token, called: false, name: '' };
  const p = token.parent;
  const prev = token.prevSibling;
  let key: string | undefined;
  if (p?.name === 'ArgList' && prev?.name === 'AssignOp' && prev.prevSibling)
    key = nodeText(ctx, prev.prevSibling);
  else if (p?.name === 'ParamList' && prev?.name === 'AssignOp') {
    let k = prev.prevSibling;
    if (k?.name === 'TypeDef') k = k.prevSibling;
    if (k?.name === 'VariableName') key = nodeText(ctx, k);
  } else if (p?.name === 'AssignStatement' && prev?.name === 'AssignOp') {
    let k = prev.prevSibling;
    if (k?.name === 'TypeDef') k = k.prevSibling;
    const path = k ? dottedNames(ctx, k) : [];
    key = path[path.length - 1];
  } else if (p?.name === 'DictionaryExpression' && prev?.name === ':') {
    const k = prev.prevSibling;
    if (k?.name === 'String') key = nodeText(ctx, k).replace(/^['"]|['"]$/g, '');
  }
  const library = key ? keywordLibrary(ctx, key) : undefined;
  if (library)
    return {
      expr: token,
      token,
      called: false,
      slot: { kind: 'dispatch', library },
      name: key ?? '',
    };
  const slot = flowSlot(ctx, token, offset);
  return slot ? { expr: token, token, called: false, slot, name: '' } : undefined;
}

function targetAt(ctx: ScopeContext, node: SyntaxNode, offset: number): Target | undefined {
  if (node.name === 'String') return stringTarget(ctx, node, offset);
  if (node.name === 'VariableName' || node.name === 'PropertyName')
    return nameTarget(ctx, node, offset);
  return undefined;
}

/**
 * Whether a code-defined function is worth a hover: its formula is non-linear, or it sits where
 * an activation is expected, or its name says it is one. A mere scaling or identity helper
 * (`def scale(x): return x / 255`, `def softmax(z): return z`) is not, whatever it equals.
 */
function shownCode(code: CodeDefined, activationPlace: boolean): boolean {
  return activationPlace || ACTIVATION_NAME.test(code.name) || hasNonlinearity(code.expr);
}

/**
 * What the token at `offset` evaluates to through the bindings of the file, as activations (one
 * or several), or an activation slot whose value cannot be known statically; undefined when the
 * token is not an activation the model can reach. Never throws.
 */
export function boundHoverAt(analysis: PythonAnalysis, offset: number): BoundHover | undefined {
  return readTokenAt(analysis, offset, (ctx, node) => {
    const target = targetAt(ctx, node, offset);
    return target && answerFor(ctx, target);
  });
}

/** Evaluates a hover target and keeps the activations (or the unknown worth telling). */
function answerFor(ctx: ScopeContext, target: Target): BoundHover | undefined {
  if (target.definition) {
    const code = definedValue(ctx, target.definition);
    const from = target.token.from + ctx.window.base;
    const to = target.token.to + ctx.window.base;
    return code && shownCode(code.definition, false)
      ? { from, to, options: [codeOption(code.definition, [], false)] }
      : undefined;
  }
  const value = evaluateNode(newEnv(ctx.analysis), ctx, target.assigned ?? target.expr);
  const from = target.token.from + ctx.window.base;
  const to = target.token.to + ctx.window.base;
  // `nn.Identity()` is an activation only where one is expected (`act_layer`, a slot); as a
  // norm or projection placeholder (`self.norm = … else nn.Identity()`) it is not.
  const activationPlace = target.slot !== undefined || ACTIVATION_NAME.test(target.name);
  const options = distinct(optionsOf(value, target.slot, target.called)).filter(
    (o) =>
      (activationPlace || !PLACEHOLDERS.has(o.mention.qualifiedName)) &&
      (!o.code || shownCode(o.code, activationPlace)),
  );
  if (options.length > 0) return { from, to, options };
  const u = firstUnknown(value);
  const worthSaying =
    u &&
    u.reason !== 'budget' &&
    u.reason !== 'defined' &&
    (target.slot !== undefined ||
      (value.kind === 'unknown' && value.activationSlot) ||
      ((u.reason === 'parameter' || u.reason === 'attribute') &&
        ACTIVATION_NAME.test(target.name)));
  return worthSaying ? { from, to, options: [], unknown: u } : undefined;
}

/**
 * A direct mention whose arguments are names (`nn.LeakyReLU(slope)`, `F.gelu(x, approximate=mode)`)
 * or that forwards `**kwargs`, read again with the arguments followed through their bindings.
 * Returns the refined mention and resolution with `uncertain` set, or undefined when there is
 * nothing to refine.
 */
export function refineDirect(
  analysis: PythonAnalysis,
  mention: Mention,
): { mention: Mention; resolved: Resolved; via: BindingStep[] } | undefined {
  if (mention.kind !== 'call') return undefined;
  const a = mention.args;
  const vals = [...a.positional, ...Object.values(a.keywords)];
  if (!a.spread && !vals.some((v) => isUnknown(v))) return undefined;
  const window = analysis.windowAt(mention.from);
  if (!window) return undefined;
  const ctx: ScopeContext = { analysis, window };
  let n: SyntaxNode | null = window.tree.resolveInner(mention.from - window.base, 1);
  while (n && n.name !== 'CallExpression') n = n.parent;
  const argList = n?.getChild('ArgList');
  if (!n || !argList) return undefined;
  const env: EvalEnv = newEnv(analysis);
  const info = evaluateArgs(env, ctx, argList);
  const inputFirst = mention.args.positional.length < info.args.positional.length;
  const args: CallArgs = inputFirst
    ? { ...info.args, positional: info.args.positional.slice(1) }
    : { ...info.args, keywords: pickKeywords(info.args, mention.args) };
  const overridable = inputFirst
    ? info.overridable
        .filter((k) => k !== '#0')
        .map((k) => (k.startsWith('#') ? `#${Number(k.slice(1)) - 1}` : k))
    : info.overridable;
  const refined: Mention = { ...mention, args };
  const r = resolveMention(refined);
  if (!r) return undefined;
  const uncertain = uncertainParams(r, args, overridable);
  const resolved = uncertain.length > 0 ? { ...r, uncertain } : r;
  return { mention: refined, resolved, via: [] };
}

/** The keywords the detector kept (it drops an input passed by keyword). */
function pickKeywords(all: CallArgs, kept: CallArgs): Record<string, CallArgs['keywords'][string]> {
  const out: CallArgs['keywords'] = {};
  for (const k of Object.keys(kept.keywords)) out[k] = all.keywords[k];
  return out;
}

/**
 * The value of the expression at a document range (as the binding model reads it), for other
 * analyses (diagnostics follow a model's layers and its loss with it); undefined when no
 * expression starts and ends there. Never throws.
 */
export function valueOfExpression(
  analysis: PythonAnalysis,
  range: { from: number; to: number },
): BoundValue | undefined {
  try {
    const at = nodeAtRange(analysis, range);
    return at ? evaluateNode(newEnv(analysis), at.ctx, at.node) : undefined;
  } catch (e) {
    reportDetectorError(e);
    return undefined;
  }
}
