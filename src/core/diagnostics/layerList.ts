/**
 * The layers of one container as written: `nn.Sequential(a, b, *[…])`, `nn.ModuleList([...])`,
 * `keras.Sequential([...])`, with list literals, `[E for _ in range(N)]`, `+` and `* N` expanded
 * (nested `nn.Sequential` inlined). Each layer is classified for the stack rules.
 */
import type { SyntaxNode } from '@lezer/common';
import { parseNumber, parseStringLiteral } from '../python/literals';
import { argsOf } from './edits';
import { kerasLayer } from './flow';
import type { Program, Stmt } from './program';
import { nameUses } from './rule';

const CONTAINER =
  /^(?:torch\.nn\.(?:Sequential|ModuleList)|(?:keras|tf_keras)\.(?:models\.)?Sequential)$/;
/** Largest repeat count expanded, and most layers read per container. */
const MAX_REPEAT = 200;
const MAX_LAYERS = 2000;

/** One container: the callee expression and its layer nodes in order (repeats repeated). */
export interface Container {
  s: Stmt;
  expr: SyntaxNode;
  layers: SyntaxNode[];
}

function items(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling)
    if (!['(', ')', '[', ']', ','].includes(c.name)) out.push(c);
  return out;
}

/** Containers whose statement text passes `filter` (a cheap pre-check). */
export function containers(p: Program, filter: (text: string) => boolean): Container[] {
  const out: Container[] = [];
  for (const u of nameUses(
    p,
    /\b(?:Sequential|ModuleList)\b/g,
    (q) => CONTAINER.test(q),
    200,
    filter,
  )) {
    if (!u.call) continue;
    const layers = containerLayers(p, u.s, u.call, 0);
    if (layers) out.push({ s: u.s, expr: u.expr, layers });
  }
  return out;
}

function containerLayers(
  p: Program,
  s: Stmt,
  call: SyntaxNode,
  depth: number,
): SyntaxNode[] | undefined {
  const q = p.qualify(s, call.firstChild as SyntaxNode) ?? '';
  const list = call.getChild('ArgList');
  if (!list || depth > 4) return undefined;
  if (q === 'torch.nn.Sequential') {
    const out: SyntaxNode[] = [];
    const kids = items(list);
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i];
      if (c.name === '*') {
        const e = kids[++i] && expand(p, s, kids[i], depth);
        if (!e) return undefined;
        out.push(...e);
      } else if (c.name === '**' || (c.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp'))
        return undefined;
      else out.push(...(nested(p, s, c, depth) ?? [c]));
      if (out.length > MAX_LAYERS) return undefined;
    }
    return out;
  }
  const a = argsOf(p, s, call);
  const first = a?.positional[0] ?? a?.keywords.get('layers') ?? a?.keywords.get('modules');
  return first ? expand(p, s, first, depth) : [];
}

function nested(p: Program, s: Stmt, n: SyntaxNode, depth: number): SyntaxNode[] | undefined {
  if (n.name !== 'CallExpression') return undefined;
  const q = p.qualify(s, n.firstChild as SyntaxNode);
  return q === 'torch.nn.Sequential' ? containerLayers(p, s, n, depth + 1) : undefined;
}

function expand(p: Program, s: Stmt, n: SyntaxNode, depth: number): SyntaxNode[] | undefined {
  switch (n.name) {
    case 'ArrayExpression': {
      const out: SyntaxNode[] = [];
      for (const c of items(n)) {
        if (c.name === '*' || c.type.isError) return undefined;
        out.push(...(nested(p, s, c, depth) ?? [c]));
      }
      return out;
    }
    case 'ArrayComprehensionExpression': {
      const kids = items(n);
      const fors = kids.filter((c) => c.name === 'for').length;
      const range = kids[kids.length - 1];
      if (fors !== 1 || kids.some((c) => c.name === 'if') || range?.name !== 'CallExpression')
        return undefined;
      if (p.src(s, range.firstChild as SyntaxNode) !== 'range') return undefined;
      const a = argsOf(p, s, range);
      const times =
        a && a.positional.length === 1 ? parseNumber(p.src(s, a.positional[0])) : undefined;
      const body = nested(p, s, kids[0], depth) ?? [kids[0]];
      if (times === undefined || !Number.isInteger(times) || times < 0 || times > MAX_REPEAT)
        return undefined;
      return Array.from({ length: times }, () => body).flat();
    }
    case 'BinaryExpression': {
      const [l, op, r] = items(n);
      const o = op && p.src(s, op);
      if (o === '+') {
        const a = expand(p, s, l, depth);
        const b = a && expand(p, s, r, depth);
        return b && a && [...a, ...b];
      }
      if (o === '*') {
        const [list, num] = l.name === 'Number' ? [r, l] : [l, r];
        const times = num.name === 'Number' ? parseNumber(p.src(s, num)) : undefined;
        const a = expand(p, s, list, depth);
        if (!a || times === undefined || !Number.isInteger(times) || times > MAX_REPEAT)
          return undefined;
        return Array.from({ length: times }, () => a).flat();
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

export type LayerClass =
  | { kind: 'saturating'; act: 'sigmoid' | 'tanh' }
  | { kind: 'softmax'; axisLast: boolean }
  | { kind: 'units'; units: number | undefined; act?: string }
  | { kind: 'transparent' }
  | { kind: 'reset' };

const TORCH_TRANSPARENT =
  /^torch\.nn\.(?:Linear|LazyLinear|Bilinear|Conv[123]d|ConvTranspose[123]d|Dropout[123]?d?|AlphaDropout|Flatten|Unflatten|Identity)$/;
const KERAS_TRANSPARENT =
  /^(?:Dropout|Flatten|InputLayer|Reshape|SpatialDropout[123]D|GaussianNoise)$/;

/** Keras activation name (`"tanh"`, `tf.nn.tanh`, None → `linear`), or undefined. */
function kerasActName(p: Program, s: Stmt, n: SyntaxNode): string | undefined {
  if (n.name === 'None') return 'linear';
  if (n.name === 'String') return parseStringLiteral(p.src(s, n));
  const q = p.qualify(s, n);
  const m = q && /^(?:keras|tf_keras|tensorflow)\.(?:activations|nn|ops|math)\.(\w+)$/.exec(q);
  return m ? m[1] : undefined;
}

/** What one layer node does, as far as the stack rules care. */
export function classify(p: Program, s: Stmt, n: SyntaxNode): LayerClass {
  if (n.name !== 'CallExpression') return { kind: 'reset' };
  const q = p.qualify(s, n.firstChild as SyntaxNode) ?? '';
  const a = argsOf(p, s, n);
  if (!a || a.spread) return { kind: 'reset' };
  const num = (x: SyntaxNode | undefined): number | undefined =>
    x && x.name === 'Number' ? parseNumber(p.src(s, x)) : undefined;
  if (q === 'torch.nn.Sigmoid') return { kind: 'saturating', act: 'sigmoid' };
  if (q === 'torch.nn.Tanh') return { kind: 'saturating', act: 'tanh' };
  if (q === 'torch.nn.Softmax') {
    const d = a.keywords.get('dim') ?? a.positional[0];
    return { kind: 'softmax', axisLast: !!d && p.src(s, d).replace(/\s/g, '') === '-1' };
  }
  if (q === 'torch.nn.Linear')
    return { kind: 'units', units: num(a.keywords.get('out_features') ?? a.positional[1]) };
  if (TORCH_TRANSPARENT.test(q)) return { kind: 'transparent' };
  const layer = kerasLayer(q);
  if (!layer) return { kind: 'reset' };
  if (layer === 'Softmax')
    return { kind: 'softmax', axisLast: !a.keywords.has('axis') && a.positional.length === 0 };
  if (layer === 'Activation') {
    const v = a.positional[0] ?? a.keywords.get('activation');
    const act = v && kerasActName(p, s, v);
    if (act === 'sigmoid' || act === 'tanh') return { kind: 'saturating', act };
    if (act === 'softmax') return { kind: 'softmax', axisLast: true };
    return act === 'linear' ? { kind: 'transparent' } : { kind: 'reset' };
  }
  if (layer === 'Dense') {
    const v = a.keywords.get('activation') ?? a.positional[1];
    const act = v ? kerasActName(p, s, v) : 'linear';
    if (act === 'sigmoid' || act === 'tanh') return { kind: 'saturating', act };
    if (act === 'linear')
      return { kind: 'units', units: num(a.keywords.get('units') ?? a.positional[0]) };
    return { kind: 'reset' };
  }
  return KERAS_TRANSPARENT.test(layer) ? { kind: 'transparent' } : { kind: 'reset' };
}
