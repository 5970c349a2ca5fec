/**
 * Static evaluation of Python expressions to `BoundValue`s: names and `self.<attr>` are followed
 * to the sites that bind them (`bindingSites.ts`), framework names resolve through the imports,
 * calls construct or apply, `functools.partial` binds arguments, dispatch tables pick by name,
 * `a if c else b` and `a or b` choose when the condition is known. Nothing is executed. Work is
 * bounded: `MAX_STEPS` evaluations and `MAX_DEPTH` nested bindings per query.
 */
import type { SyntaxNode } from '@lezer/common';
import type { PythonAnalysis } from './parse';
import { canonicalize, INPUT_KEYWORDS, takesInputFirst } from './qualify';
import { evaluate, isKnown, readArgList, type CallArgs, type PyValue } from './literals';
import { importsTorch, nodeText, resolveDotted, type ScopeContext } from './scope';
import { pickBinding } from './imports';
import {
  attributeSites,
  enclosingClassLine,
  localSites,
  moduleSiteLines,
  siteAt,
  stepOf,
  type Site,
} from './bindingSites';
import {
  DISPATCH_KEY_KEYWORDS,
  dispatchFunction,
  dispatchTable,
  type DispatchSite,
} from './dispatchSites';
import { dispatchLookup } from './dispatchLookup';
import { codeDefinedAt } from './codeDefined';
import {
  STEP_TEXT_MAX,
  type BoundValue,
  type CodeValue,
  type SourceRange,
  type UnknownReason,
  type UnknownValue,
} from './boundValue';

/** Most expressions evaluated for one query. */
const MAX_STEPS = 400;
/** Most bindings followed in a chain. */
const MAX_DEPTH = 12;
/** Most items of a list or tuple evaluated. */
const MAX_ITEMS = 64;

/** State of one query: the analysis, the work left and the sites being evaluated (cycles). */
export interface EvalEnv {
  analysis: PythonAnalysis;
  steps: number;
  depth: number;
  active: Set<number>;
  /** Set when a bound was reached: results are then not memoised. */
  exhausted: boolean;
}

/** A fresh query state. */
export function newEnv(analysis: PythonAnalysis): EvalEnv {
  return { analysis, steps: MAX_STEPS, depth: 0, active: new Set(), exhausted: false };
}

/** Call arguments with which of them came from an overridable default. */
export interface ArgsInfo {
  args: CallArgs;
  /** Framework argument keys a caller may replace: keyword names, `#<index>` for positional
   * ones, `*` when `**kwargs` are forwarded. */
  overridable: string[];
  ranges: { positional: SourceRange[]; keywords: Record<string, SourceRange> };
}

function unknown(
  ctx: ScopeContext,
  n: SyntaxNode,
  reason: UnknownReason,
  extra: Partial<UnknownValue> = {},
): UnknownValue {
  return { kind: 'unknown', reason, text: nodeText(ctx, n, STEP_TEXT_MAX), via: [], ...extra };
}

/** Whether a value is truthy in Python, or undefined when that is not known. */
function truthiness(v: BoundValue): boolean | undefined {
  switch (v.kind) {
    case 'literal': {
      const x = v.value;
      if (Array.isArray(x)) return x.length > 0;
      if (x === null) return false;
      if (typeof x === 'object') return undefined;
      return Boolean(x);
    }
    case 'callable':
    case 'instance':
    case 'dispatch':
    case 'code':
      return true;
    default:
      return undefined;
  }
}

/** Marks a value as coming (as a whole) from a default a caller may replace. */
function overridden(v: BoundValue, flag: boolean | undefined): BoundValue {
  return flag ? { ...v, overridable: true } : v;
}

/** The dotted path of `a.b.c` (empty when it is not a plain dotted name). */
export function dottedNames(ctx: ScopeContext, expr: SyntaxNode): string[] {
  const path: string[] = [];
  let n: SyntaxNode = expr;
  while (n.name === 'MemberExpression') {
    const last = n.lastChild;
    const first = n.firstChild;
    if (!last || !first || last.name !== 'PropertyName') return [];
    path.unshift(nodeText(ctx, last));
    n = first;
  }
  if (n.name !== 'VariableName') return [];
  path.unshift(nodeText(ctx, n));
  return path;
}

/** Whether `node` lies in the body of some function. */
function inFunction(node: SyntaxNode): boolean {
  for (let s = node.parent; s; s = s.parent) if (s.name === 'FunctionDefinition') return true;
  return false;
}

/** A framework name as a callable, or undefined when no framework the catalog knows has it. */
function importValue(q: string): BoundValue | undefined {
  const callee = canonicalize(q);
  if (!callee) return undefined;
  const form = takesInputFirst(callee.qualifiedName) ? 'function' : 'class';
  return {
    kind: 'callable',
    callee,
    importedName: q,
    form,
    args: { positional: [], keywords: {} },
    overridableArgs: [],
    via: [],
  };
}

/** Combines the values of several sites: one value, or alternatives. */
function combine(values: BoundValue[]): BoundValue {
  if (values.length === 1) return values[0];
  return { kind: 'alternatives', options: values, via: [] };
}

/** Where a name used at a node is bound: sites in the enclosing function, logical lines at
 * module level (parse them with `siteAt`), or an import. */
export type NameBinding = { local: Site[] } | { module: number[] } | 'import';

/**
 * Where `name` used at `node` is bound: the enclosing function's own sites that reach the use,
 * else the module's; `'import'` when an import binds the name there (after every module-level
 * site).
 */
export function nameBinding(ctx: ScopeContext, node: SyntaxNode, name: string): NameBinding {
  const use = node.from + ctx.window.base;
  const local = localSites(ctx, node, name, use);
  if (local) return { local };
  const imported = pickBinding(ctx.analysis.moduleTable().get(name), use);
  const ks = moduleSiteLines(ctx.analysis, name, inFunction(node) ? Infinity : use);
  const starts = ctx.analysis.lines()?.start;
  const lastSite = ks.length > 0 && starts ? starts[ks[ks.length - 1]] : -Infinity;
  return imported && imported.kind === 'import' && imported.pos >= lastSite
    ? 'import'
    : { module: ks };
}

/** The binding sites of `name` that reach its use at `node`, or `'import'` (see `nameBinding`). */
export function nameSites(ctx: ScopeContext, node: SyntaxNode, name: string): Site[] | 'import' {
  const b = nameBinding(ctx, node, name);
  if (b === 'import' || 'local' in b) return b === 'import' ? b : b.local;
  const starts = ctx.analysis.lines()?.start;
  const out: Site[] = [];
  for (const k of starts ? b.module : []) {
    const s = siteAt(ctx.analysis, (starts as Int32Array)[k]);
    if (s) out.push(s);
  }
  return out;
}

/** The sites binding `self.<attr>` for a use at `node` (in a method of its class), or none. */
export function selfAttributeSites(ctx: ScopeContext, node: SyntaxNode, attr: string): Site[] {
  const cls = enclosingClassLine(ctx.analysis, node.from + ctx.window.base);
  return cls < 0 ? [] : attributeSites(ctx.analysis, cls, attr);
}

/** The value of a name as seen from `node`. */
function nameValue(env: EvalEnv, ctx: ScopeContext, node: SyntaxNode, name: string): BoundValue {
  const sites = nameSites(ctx, node, name);
  if (sites === 'import') {
    const q = resolveDotted(ctx, node, [name], node.from + ctx.window.base);
    const v = q !== undefined ? importValue(q) : undefined;
    return v ?? unknown(ctx, node, 'unbound');
  }
  if (sites.length > 0)
    return combine(sites.map((s) => siteValue(env, s, targetIsName(name), name)));
  return unknown(ctx, node, 'unbound');
}

/** Whether an assignment target is the one looked for. */
export type TargetMatch = (ctx: ScopeContext, target: SyntaxNode) => boolean;

/** Accepts the plain name `name` as a target. */
export function targetIsName(name: string): TargetMatch {
  return (ctx, t) => t.name === 'VariableName' && nodeText(ctx, t) === name;
}

/** `self.<attr>` in a method, or `<attr>` in the class body (a class attribute or field). */
export function targetIsAttribute(attr: string): TargetMatch {
  return (ctx, t) => {
    if (t.name === 'VariableName') return nodeText(ctx, t) === attr;
    if (t.name !== 'MemberExpression') return false;
    const path = dottedNames(ctx, t);
    return path.length === 2 && path[0] === 'self' && path[1] === attr;
  };
}

/** The value a site binds, with the site as the first step of its chain. */
/** Values of binding sites evaluated from the top of a query, per analysis (one document
 * version): hovers on other uses of the same name or attribute reuse them. */
const memo = new WeakMap<PythonAnalysis, Map<string, BoundValue>>();
const MEMO_MAX = 512;

function siteValue(env: EvalEnv, site: Site, match: TargetMatch, key: string): BoundValue {
  const top = env.active.size === 0;
  const memoKey = `${site.pos}|${key}`;
  let table = memo.get(env.analysis);
  const hit = top ? table?.get(memoKey) : undefined;
  if (hit) return hit;
  const exhaustedBefore = env.exhausted;
  env.exhausted = false;
  const v = evaluateSite(env, site, match);
  if (top && !env.exhausted) {
    if (!table) memo.set(env.analysis, (table = new Map()));
    if (table.size >= MEMO_MAX) table.clear();
    table.set(memoKey, v);
  }
  env.exhausted ||= exhaustedBefore;
  return v;
}

function evaluateSite(env: EvalEnv, site: Site, match: TargetMatch): BoundValue {
  const { ctx, node } = site;
  if (env.active.has(site.pos) || env.depth >= MAX_DEPTH || env.steps <= 0) {
    env.exhausted = true;
    return unknown(ctx, node, 'budget');
  }
  env.active.add(site.pos);
  env.depth++;
  try {
    let v: BoundValue;
    let overridable = !!site.field;
    if (node.name === 'VariableName' && node.parent?.name === 'ParamList') {
      const def = parameterDefault(node);
      overridable = true;
      v = def ? evaluateNode(env, ctx, def) : unknown(ctx, node, 'parameter');
      if (!def) overridable = false;
    } else if (node.name === 'AssignStatement') {
      const rhs = assignedValueNode(ctx, node, match);
      v = rhs ? evaluateNode(env, ctx, rhs) : unknown(ctx, node, 'expression');
    } else if (node.name === 'FunctionDefinition' || node.name === 'ClassDefinition') {
      v =
        definedValue(ctx, node) ??
        unknown(ctx, node.getChild('VariableName') ?? node, 'defined', { definedAt: site.pos });
    } else if (node.name === 'NamedExpression' && node.lastChild) {
      v = evaluateNode(env, ctx, node.lastChild);
    } else {
      v = unknown(ctx, node, 'unbound');
    }
    const step = stepOf(site, overridable);
    return { ...overridden(v, overridable), via: [step, ...v.via] } as BoundValue;
  } finally {
    env.depth--;
    env.active.delete(site.pos);
  }
}

/** A `def`/`class` whose body is element-wise math (codeDefined.ts), as a value. */
export function definedValue(ctx: ScopeContext, node: SyntaxNode): CodeValue | undefined {
  const definition = codeDefinedAt(ctx, node);
  if (!definition) return undefined;
  const stage = definition.kind === 'class' ? 'class' : 'function';
  return { kind: 'code', definition, stage, via: [] };
}

/** The default expression of a parameter name in a `ParamList`, if it has one. */
function parameterDefault(param: SyntaxNode): SyntaxNode | undefined {
  const prev = param.prevSibling?.name;
  if (prev === '*' || prev === '**') return undefined;
  let n = param.nextSibling;
  if (n?.name === 'TypeDef') n = n.nextSibling;
  return n?.name === 'AssignOp' && n.nextSibling ? n.nextSibling : undefined;
}

/** The right-hand side node giving the value of the target `match` accepts in an assignment
 * (`a = b = x`, `a, b = x, y`, `a: T = x`), or undefined. */
export function assignedValueNode(
  ctx: ScopeContext,
  stmt: SyntaxNode,
  match: TargetMatch,
): SyntaxNode | undefined {
  const segments: SyntaxNode[][] = [[]];
  for (let c = stmt.firstChild; c; c = c.nextSibling) {
    if (c.name === 'AssignOp') segments.push([]);
    else if (c.name !== 'TypeDef') segments[segments.length - 1].push(c);
  }
  if (segments.length < 2) return undefined;
  const items = (seg: SyntaxNode[]) => seg.filter((c) => c.name !== ',');
  const rhs = items(segments[segments.length - 1]);
  for (const seg of segments.slice(0, -1)) {
    const targets = items(seg);
    const i = targets.findIndex((t) => match(ctx, t));
    if (i < 0) continue;
    if (targets.length === 1 && rhs.length === 1) return rhs[0];
    if (targets.length === rhs.length) return rhs[i];
    return undefined;
  }
  return undefined;
}

/** `self.<attr>` as seen from `node`: the sites in the enclosing class. */
function attributeValue(
  env: EvalEnv,
  ctx: ScopeContext,
  node: SyntaxNode,
  attr: string,
): BoundValue {
  const sites = selfAttributeSites(ctx, node, attr);
  if (sites.length === 0) return unknown(ctx, node, 'unbound');
  return combine(sites.map((s) => siteValue(env, s, targetIsAttribute(attr), `self.${attr}`)));
}

/**
 * What the expression `n` evaluates to (see `BoundValue`). Never throws on odd trees; runs out
 * of budget into `unknown` with reason `budget`.
 */
export function evaluateNode(env: EvalEnv, ctx: ScopeContext, n: SyntaxNode): BoundValue {
  if (--env.steps < 0) {
    env.exhausted = true;
    return unknown(ctx, n, 'budget');
  }
  switch (n.name) {
    case 'VariableName':
      return nameValue(env, ctx, n, nodeText(ctx, n));
    case 'MemberExpression':
      return memberValue(env, ctx, n);
    case 'CallExpression':
      return callValue(env, ctx, n);
    case 'ParenthesizedExpression': {
      const inner = n.firstChild?.nextSibling;
      return inner && inner.nextSibling?.name === ')'
        ? evaluateNode(env, ctx, inner)
        : literalOr(ctx, n);
    }
    case 'ConditionalExpression':
      return conditionalValue(env, ctx, n);
    case 'BinaryExpression': {
      const op = n.firstChild?.nextSibling;
      if (op && (op.name === 'or' || op.name === 'and')) return logicalValue(env, ctx, n, op.name);
      return literalOr(ctx, n);
    }
    case 'ArrayExpression':
    case 'TupleExpression': {
      const items: BoundValue[] = [];
      for (let c = n.firstChild; c && items.length < MAX_ITEMS; c = c.nextSibling) {
        if (c.name === '(' || c.name === ')' || c.name === '[' || c.name === ']' || c.name === ',')
          continue;
        items.push(evaluateNode(env, ctx, c));
      }
      return { kind: 'list', items, via: [] };
    }
    default:
      return literalOr(ctx, n);
  }
}

function literalOr(ctx: ScopeContext, n: SyntaxNode): BoundValue {
  const v = evaluate(ctx, n);
  return isKnown(v) ? { kind: 'literal', value: v, via: [] } : unknown(ctx, n, 'expression');
}

function conditionalValue(env: EvalEnv, ctx: ScopeContext, n: SyntaxNode): BoundValue {
  const a = n.firstChild;
  const test = a?.nextSibling?.nextSibling;
  const b = test?.nextSibling?.nextSibling;
  if (!a || !test || !b) return unknown(ctx, n, 'expression');
  const t = evaluateNode(env, ctx, test);
  const truth = truthiness(t);
  if (truth === undefined) return combine([evaluateNode(env, ctx, a), evaluateNode(env, ctx, b)]);
  const chosen = evaluateNode(env, ctx, truth ? a : b);
  return { ...overridden(chosen, t.overridable), via: [...t.via, ...chosen.via] } as BoundValue;
}

function logicalValue(
  env: EvalEnv,
  ctx: ScopeContext,
  n: SyntaxNode,
  op: 'or' | 'and',
): BoundValue {
  const a = n.firstChild as SyntaxNode;
  const b = a.nextSibling?.nextSibling;
  if (!b) return unknown(ctx, n, 'expression');
  const va = evaluateNode(env, ctx, a);
  const truth = truthiness(va);
  // `act_layer or nn.GELU` with `act_layer` a parameter: nn.GELU unless the caller passes one.
  if (truth === undefined && op === 'or' && va.kind === 'unknown' && va.reason === 'parameter') {
    const vb = evaluateNode(env, ctx, b);
    return { ...vb, overridable: true, via: [...va.via, ...vb.via] } as BoundValue;
  }
  if (truth === undefined) return combine([va, evaluateNode(env, ctx, b)]);
  if ((op === 'or') === truth) return va;
  const vb = evaluateNode(env, ctx, b);
  return { ...overridden(vb, va.overridable), via: [...va.via, ...vb.via] } as BoundValue;
}

function memberValue(env: EvalEnv, ctx: ScopeContext, n: SyntaxNode): BoundValue {
  const first = n.firstChild;
  if (!first) return unknown(ctx, n, 'expression');
  if (first.nextSibling?.name === '[') {
    const key = first.nextSibling.nextSibling;
    const path = dottedNames(ctx, first);
    const table = path.length > 0 ? dispatchTable(path[path.length - 1]) : undefined;
    if (table && key && key.name !== ']') return dispatchValue(env, ctx, table, key, n);
    return unknown(ctx, n, 'expression');
  }
  const path = dottedNames(ctx, n);
  if (path.length === 0) return unknown(ctx, n, 'expression');
  if (path[0] === 'self' && path.length === 2) return attributeValue(env, ctx, n, path[1]);
  const q = path[0] === 'self' ? undefined : resolveDotted(ctx, n, path, n.from + ctx.window.base);
  const v = q !== undefined ? importValue(q) : undefined;
  if (v) return v;
  if (q !== undefined) return unknown(ctx, n, 'unbound');
  // `m.act` with `m = nn.ModuleDict(dict(act=NewGELU(), …))`: the module the container holds.
  if (path.length === 2 || (path[0] === 'self' && path.length === 3)) {
    const item = containerItem(env, ctx, evaluateNode(env, ctx, first), path[path.length - 1]);
    if (item) return item;
  }
  if (path[0] === 'self') return unknown(ctx, n, 'attribute');
  // `config.hidden_act` with `config` a parameter: a configuration decides at run time. An
  // attribute of a local object the model does not follow is just not known.
  let base: SyntaxNode | null = n;
  while (base?.name === 'MemberExpression') base = base.firstChild;
  const sites = base ? localSites(ctx, base, path[0], base.from + ctx.window.base) : undefined;
  const fromParameter = !!sites?.length && sites.every((x) => x.node.parent?.name === 'ParamList');
  return unknown(ctx, n, fromParameter ? 'attribute' : 'expression');
}

/** Containers whose entries are read by attribute (`m.act`). */
const CONTAINERS = new Set(['torch.nn.ModuleDict']);

/**
 * The entry `key` of a container module built in the file from `dict(key=…)` or `{"key": …}`,
 * or undefined when `container` is not one or the entry is not written there.
 */
function containerItem(
  env: EvalEnv,
  ctx: ScopeContext,
  container: BoundValue,
  key: string,
): BoundValue | undefined {
  if (container.kind !== 'instance' || !CONTAINERS.has(container.callee.qualifiedName))
    return undefined;
  const range = container.argRanges?.positional[0];
  const at = range && nodeAtRange(ctx.analysis, range);
  if (!at) return undefined;
  const value = entryNode(at.ctx, at.node, key);
  if (!value) return undefined;
  const item = evaluateNode(env, at.ctx, value);
  return { ...item, via: [...container.via, ...item.via] } as BoundValue;
}

/** The value node of entry `key` in `dict(key=…)` or `{"key": …}`. */
function entryNode(ctx: ScopeContext, n: SyntaxNode, key: string): SyntaxNode | undefined {
  if (n.name === 'CallExpression') {
    const callee = n.firstChild;
    const args = n.getChild('ArgList');
    if (callee?.name !== 'VariableName' || nodeText(ctx, callee) !== 'dict' || !args)
      return undefined;
    for (let c = args.firstChild; c; c = c.nextSibling)
      if (
        c.name === 'VariableName' &&
        c.nextSibling?.name === 'AssignOp' &&
        nodeText(ctx, c) === key
      )
        return c.nextSibling.nextSibling ?? undefined;
    return undefined;
  }
  if (n.name !== 'DictionaryExpression') return undefined;
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.name !== 'String' || c.nextSibling?.name !== ':') continue;
    const k = evaluate(ctx, c);
    if (k === key) return c.nextSibling.nextSibling ?? undefined;
  }
  return undefined;
}

/** The node spanning exactly a document range, in the window around it. */
export function nodeAtRange(
  analysis: PythonAnalysis,
  range: SourceRange,
): { ctx: ScopeContext; node: SyntaxNode } | undefined {
  const window = analysis.windowAt(range.from);
  if (!window) return undefined;
  const ctx: ScopeContext = { analysis, window };
  let n: SyntaxNode | null = window.tree.resolveInner(range.from - window.base, 1);
  while (n && !(n.from === range.from - window.base && n.to === range.to - window.base)) {
    if (n.to > range.to - window.base) return undefined;
    n = n.parent;
  }
  return n ? { ctx, node: n } : undefined;
}

const NO_ARGS: ArgsInfo = {
  args: { positional: [], keywords: {} },
  overridable: [],
  ranges: { positional: [], keywords: {} },
};

/** Looks up a dispatch key (a string, or a value that already is an activation). */
function dispatchValue(
  env: EvalEnv,
  ctx: ScopeContext,
  site: DispatchSite,
  keyNode: SyntaxNode,
  whole: SyntaxNode,
): BoundValue {
  const key = evaluateNode(env, ctx, keyNode);
  return dispatchOf(ctx, site, key, whole, nodeText(ctx, whole, STEP_TEXT_MAX));
}

/** The dispatch of one evaluated key. */
function dispatchOf(
  ctx: ScopeContext,
  site: DispatchSite,
  key: BoundValue,
  whole: SyntaxNode,
  shown: string,
  forwarded?: CallArgs,
): BoundValue {
  if (key.kind === 'alternatives') {
    const options = key.options.map((o) => dispatchOf(ctx, site, o, whole, shown, forwarded));
    return { ...key, options };
  }
  if (key.kind === 'literal' && typeof key.value === 'string') {
    const hit = dispatchLookup(site.library, key.value, forwarded);
    if (!hit)
      return unknown(ctx, whole, 'expression', { via: key.via, overridable: key.overridable });
    return {
      kind: 'dispatch',
      library: site.library,
      key: key.value,
      resolved: hit.resolved,
      callee: hit.callee,
      source: hit.source,
      shown,
      stage: site.stage,
      via: key.via,
      ...(key.overridable ? { overridable: true } : {}),
    };
  }
  // timm passes classes and functions through: `get_act_layer(nn.GELU)` is `nn.GELU`.
  if (key.kind === 'code')
    return site.stage === 'instance' && key.stage === 'class' ? { ...key, stage: 'instance' } : key;
  if (key.kind === 'callable' || key.kind === 'instance' || key.kind === 'dispatch') {
    if (site.stage === 'instance' && key.kind !== 'instance')
      return applyCall(key, NO_ARGS, whole, ctx);
    return key;
  }
  if (key.kind === 'literal') return key;
  return {
    kind: 'unknown',
    reason: key.kind === 'unknown' ? key.reason : 'expression',
    text: key.kind === 'unknown' ? key.text : shown,
    activationSlot: true,
    via: key.via,
  };
}

/** Reads a call's arguments, following names and `self.<attr>` to literal values. */
export function evaluateArgs(env: EvalEnv, ctx: ScopeContext, argList: SyntaxNode): ArgsInfo {
  const { args, positionalNodes, keywordNodes } = readArgList(ctx, argList);
  const overridable: string[] = [];
  const base = ctx.window.base;
  const range = (x: SyntaxNode): SourceRange => ({ from: x.from + base, to: x.to + base });
  const follow = (node: SyntaxNode, value: PyValue, key: string): PyValue => {
    if (isKnown(value) || (node.name !== 'VariableName' && node.name !== 'MemberExpression'))
      return value;
    const v = evaluateNode(env, ctx, node);
    if (v.kind !== 'literal') return value;
    if (v.overridable) overridable.push(key);
    return v.value;
  };
  args.positional = args.positional.map((v, i) => follow(positionalNodes[i], v, `#${i}`));
  for (const [k, node] of keywordNodes) args.keywords[k] = follow(node, args.keywords[k], k);
  if (args.spread) overridable.push('*');
  const keywords: Record<string, SourceRange> = {};
  for (const [k, node] of keywordNodes) keywords[k] = range(node);
  return { args, overridable, ranges: { positional: positionalNodes.map(range), keywords } };
}

/** Drops the input tensor of a functional call (first positional, or `input=`/`x=`/…). */
function stripInput(a: ArgsInfo): ArgsInfo {
  const { args } = a;
  if (args.positional.length > 0) {
    const overridable = a.overridable
      .filter((k) => k !== '#0')
      .map((k) => (k.startsWith('#') ? `#${Number(k.slice(1)) - 1}` : k));
    return { ...a, args: { ...args, positional: args.positional.slice(1) }, overridable };
  }
  const keywords = { ...args.keywords };
  const input = INPUT_KEYWORDS.find((k) => k in keywords);
  if (input) delete keywords[input];
  return { ...a, args: { ...args, keywords } };
}

/** Arguments bound earlier (`partial`) followed by the call's own. */
function mergeArgs(
  bound: CallArgs,
  boundOverridable: string[],
  a: ArgsInfo,
): { args: CallArgs; overridableArgs: string[] } {
  const shift = bound.positional.length;
  const own = a.overridable.map((k) => (k.startsWith('#') ? `#${Number(k.slice(1)) + shift}` : k));
  return {
    args: {
      positional: [...bound.positional, ...a.args.positional],
      keywords: { ...bound.keywords, ...a.args.keywords },
      ...(bound.spread || a.args.spread ? { spread: true } : {}),
    },
    overridableArgs: [...boundOverridable, ...own],
  };
}

/** Whether calling an unknown value keeps its reason (a parameter or a configuration decides). */
function keepsReason(v: UnknownValue): boolean {
  return !!v.activationSlot || v.reason === 'parameter' || v.reason === 'attribute';
}

/** What calling `v` with these arguments gives. */
function applyCall(v: BoundValue, a: ArgsInfo, call: SyntaxNode, ctx: ScopeContext): BoundValue {
  switch (v.kind) {
    case 'callable': {
      const m = mergeArgs(v.args, v.overridableArgs, v.form === 'function' ? stripInput(a) : a);
      const common = { callee: v.callee, importedName: v.importedName, via: v.via, ...m };
      const o = v.overridable ? { overridable: true } : {};
      return v.form === 'class'
        ? { kind: 'instance', ...common, ...o, argRanges: a.ranges }
        : { kind: 'applied', ...common, ...o };
    }
    case 'instance':
      return { ...v, kind: 'applied' };
    case 'dispatch':
      return { ...v, stage: v.stage === 'class' ? 'instance' : 'applied' };
    case 'code':
      return v.stage === 'applied'
        ? unknown(ctx, call, 'call', { via: v.via })
        : { ...v, stage: v.stage === 'class' ? 'instance' : 'applied' };
    case 'alternatives':
      return { ...v, options: v.options.map((o) => applyCall(o, a, call, ctx)) };
    case 'unknown':
      // Calling what a caller or a configuration decides is still decided by them.
      return keepsReason(v) ? v : unknown(ctx, call, 'call', { via: v.via });
    default:
      return unknown(ctx, call, 'call', { via: v.via });
  }
}

function callValue(env: EvalEnv, ctx: ScopeContext, n: SyntaxNode): BoundValue {
  const callee = n.firstChild;
  const argList = n.getChild('ArgList');
  if (!callee || !argList) return unknown(ctx, n, 'expression');
  const path = dottedNames(ctx, callee);
  const use = n.from + ctx.window.base;
  const q = path.length > 0 ? resolveDotted(ctx, callee, path, use) : undefined;
  if (q === 'functools.partial') return partialValue(env, ctx, n, argList);
  const site = path.length > 0 ? dispatchFunction(q, path, importsTorch(ctx)) : undefined;
  if (site) {
    const key = dispatchKeyNode(ctx, argList);
    if (!key) return unknown(ctx, n, 'expression', { activationSlot: true });
    const shown = nodeText(ctx, n, STEP_TEXT_MAX);
    const { args } = evaluateArgs(env, ctx, argList);
    // tf-models `get_activation(name, use_keras_layer=True)` reads its layer allow-list first.
    const chosen: DispatchSite =
      site.library === 'tf-models' && args.keywords.use_keras_layer === true
        ? { ...site, library: 'tf-models-layer' }
        : site;
    return dispatchOf(ctx, chosen, evaluateNode(env, ctx, key), n, shown, args);
  }
  const fn = evaluateNode(env, ctx, callee);
  if (fn.kind === 'unknown' && !keepsReason(fn)) return unknown(ctx, n, 'call');
  return applyCall(fn, evaluateArgs(env, ctx, argList), n, ctx);
}

/** The key argument of a dispatch call: the first positional one or a key keyword. */
function dispatchKeyNode(ctx: ScopeContext, argList: SyntaxNode): SyntaxNode | undefined {
  const { positionalNodes, keywordNodes } = readArgList(ctx, argList);
  if (positionalNodes.length > 0) return positionalNodes[0];
  for (const [k, node] of keywordNodes) if (DISPATCH_KEY_KEYWORDS.has(k)) return node;
  return undefined;
}

/** `functools.partial(f, *args, **kw)`: `f` with those arguments bound. */
function partialValue(
  env: EvalEnv,
  ctx: ScopeContext,
  n: SyntaxNode,
  argList: SyntaxNode,
): BoundValue {
  const a = evaluateArgs(env, ctx, argList);
  const { positionalNodes } = readArgList(ctx, argList);
  if (positionalNodes.length === 0) return unknown(ctx, n, 'expression');
  const fn = evaluateNode(env, ctx, positionalNodes[0]);
  const rest: ArgsInfo = {
    ...a,
    args: { ...a.args, positional: a.args.positional.slice(1) },
    overridable: a.overridable
      .filter((k) => k !== '#0')
      .map((k) => (k.startsWith('#') ? `#${Number(k.slice(1)) - 1}` : k)),
  };
  const bind = (f: BoundValue): BoundValue => {
    if (f.kind === 'alternatives') return { ...f, options: f.options.map(bind) };
    if (f.kind !== 'callable') return f.kind === 'unknown' ? f : unknown(ctx, n, 'call');
    return { ...f, ...mergeArgs(f.args, f.overridableArgs, rest) };
  };
  return bind(fn);
}
