/**
 * Where a loss meets a model's output: PyTorch `nn.CrossEntropyLoss`/`nn.BCELoss` objects (bound
 * to a name or a `self.` attribute, then called) and `F.cross_entropy`/`F.binary_cross_entropy`
 * calls; Keras `model.compile(loss=…)` with a cross-entropy given by name or by loss object. Only
 * pairs the program can prove are returned, with the traced output of the model.
 */
import type { SyntaxNode } from '@lezer/common';
import { parseStringLiteral } from '../python/literals';
import { appendArgument, argsOf, replaceNode } from './edits';
import { Flow, type Output } from './flow';
import type { Program, Stmt } from './program';
import { Kw } from '../python/scan';
import type { TextEdit } from './types';

/** One proven (loss, model output) pair. */
export interface LossUse {
  framework: 'pytorch' | 'keras';
  family: 'ce' | 'bce';
  /** Keras: the `from_logits` the loss uses. */
  fromLogits?: boolean;
  /** Range of the loss as written (the constructor/function name, or the string). */
  from: number;
  to: number;
  output: Output;
  /** PyTorch: replaces the loss's name (`CrossEntropyLoss` → `NLLLoss`), when spelled dotted. */
  rename?: (name: string) => TextEdit[];
  /** Keras: sets `from_logits`. */
  setFromLogits?: (value: boolean) => TextEdit[];
}

const TORCH_LOSSES: Record<string, 'ce' | 'bce'> = {
  'torch.nn.CrossEntropyLoss': 'ce',
  'torch.nn.BCELoss': 'bce',
  'torch.nn.functional.cross_entropy': 'ce',
  'torch.nn.functional.binary_cross_entropy': 'bce',
};
const KERAS_CLASSES: Record<string, 'ce' | 'bce'> = {
  CategoricalCrossentropy: 'ce',
  SparseCategoricalCrossentropy: 'ce',
  BinaryCrossentropy: 'bce',
};
const KERAS_FUNCTIONS: Record<string, string> = {
  categorical_crossentropy: 'CategoricalCrossentropy',
  sparse_categorical_crossentropy: 'SparseCategoricalCrossentropy',
  binary_crossentropy: 'BinaryCrossentropy',
};
const MAX_USES = 20;

/** The callee expression whose last name token starts at `offset`, and its call. */
function calleeAt(
  p: Program,
  s: Stmt,
  offset: number,
): { expr: SyntaxNode; call: SyntaxNode } | undefined {
  const tok = p.nodeAt(s, offset);
  if (tok.name !== 'VariableName' && tok.name !== 'PropertyName') return undefined;
  const expr = tok.name === 'PropertyName' ? tok.parent : tok;
  const call = expr?.parent;
  if (!expr || call?.name !== 'CallExpression' || call.firstChild?.from !== expr.from)
    return undefined;
  return { expr, call };
}

/** Replaces the last name of a dotted callee (`nn.BCELoss` → `nn.BCEWithLogitsLoss`). */
function renamer(s: Stmt, expr: SyntaxNode): ((name: string) => TextEdit[]) | undefined {
  const prop = expr.name === 'MemberExpression' ? expr.lastChild : null;
  return prop?.name === 'PropertyName' ? (name) => [replaceNode(s, prop, name)] : undefined;
}

export function lossUses(p: Program): LossUse[] {
  const flow = new Flow(p);
  return [...torchUses(p, flow), ...kerasUses(p, flow)];
}

function torchUses(p: Program, flow: Flow): LossUse[] {
  const out: LossUse[] = [];
  const re = /\b(?:CrossEntropyLoss|BCELoss|cross_entropy|binary_cross_entropy)\b/g;
  for (const at of p.matches(re, 100)) {
    const k = p.lineAt(at);
    const s = k >= 0 ? p.stmt(k) : undefined;
    const found = s && calleeAt(p, s, at);
    if (!s || !found) continue;
    const family = TORCH_LOSSES[p.qualify(s, found.expr) ?? ''];
    if (!family) continue;
    const base = {
      framework: 'pytorch' as const,
      family,
      from: p.from(s, found.expr),
      to: p.to(s, found.expr),
      rename: renamer(s, found.expr),
    };
    const applied = (cs: Stmt, call: SyntaxNode): void => {
      const a = argsOf(p, cs, call);
      const input = a && (a.positional[0] ?? a.keywords.get('input'));
      const output = input && flow.tensor(cs, input);
      if (output && output.framework === 'pytorch') out.push({ ...base, output });
    };
    if (/_entropy$/.test(p.src(s, found.expr))) {
      applied(s, found.call);
      continue;
    }
    const parent = found.call.parent;
    if (parent?.name === 'CallExpression' && parent.firstChild?.from === found.call.from) {
      applied(s, parent);
      continue;
    }
    if (s.node.name !== 'AssignStatement' || parent?.from !== s.node.from) continue;
    const target = s.node.firstChild as SyntaxNode;
    for (const use of targetUses(p, s, target)) {
      const us = p.stmt(p.lineAt(use));
      const c =
        us &&
        calleeAt(p, us, use + (p.text.slice(use).match(/^(?:self\s*\.\s*)?/)?.[0].length ?? 0));
      if (!us || !c) continue;
      const b = flow.binding(us, c.expr);
      if (b && b.s.line === k) applied(us, c.call);
    }
  }
  return out;
}

/** Offsets of calls of an assignment target (`crit(`, `self.crit(`) where it may be visible. */
function targetUses(p: Program, s: Stmt, target: SyntaxNode): number[] {
  const src = p.src(s, target).replace(/\s/g, '');
  const m = /^(self\.)?([A-Za-z_]\w*)$/.exec(src);
  if (!m) return [];
  const re = m[1]
    ? new RegExp(`\\bself\\s*\\.\\s*${m[2]}\\s*\\(`, 'g')
    : new RegExp(`(?<![.\\w])${m[2]}\\s*\\(`, 'g');
  const r = p.scopeRange(s.line, m[1] ? Kw.Class : Kw.Def);
  return p.matches(re, MAX_USES, r.from, r.to);
}

function kerasUses(p: Program, flow: Flow): LossUse[] {
  const out: LossUse[] = [];
  for (const at of p.matches(/\.\s*compile\s*\(/g, 50)) {
    const k = p.lineAt(at);
    const s = k >= 0 ? p.stmt(k) : undefined;
    const nameAt = at + (/compile/.exec(p.text.slice(at, at + 40))?.index ?? 0);
    const found = s && calleeAt(p, s, nameAt);
    if (!s || !found || found.expr.name !== 'MemberExpression') continue;
    const a = argsOf(p, s, found.call);
    const lossNode = a && !a.spread ? (a.keywords.get('loss') ?? a.positional[1]) : undefined;
    const model = found.expr.firstChild;
    if (!lossNode || !model) continue;
    const loss = kerasLoss(p, flow, s, lossNode, 0);
    const output = loss && flow.module(s, model);
    if (loss && output && output.framework === 'keras') out.push({ ...loss, output });
  }
  return out;
}

/** The family and `from_logits` of a Keras loss given by name, function or object. */
function kerasLoss(
  p: Program,
  flow: Flow,
  s: Stmt,
  n: SyntaxNode,
  depth: number,
): Omit<LossUse, 'output'> | undefined {
  const range = { from: p.from(s, n), to: p.to(s, n) };
  const prefix = kerasLossesPrefix(p);
  const asObject = (cls: string): ((v: boolean) => TextEdit[]) | undefined =>
    prefix
      ? (v) => [replaceNode(s, n, `${prefix}.${cls}(from_logits=${v ? 'True' : 'False'})`)]
      : undefined;
  if (n.name === 'String') {
    const v = parseStringLiteral(p.src(s, n)) ?? '';
    const cls = KERAS_FUNCTIONS[v];
    if (!cls) return undefined;
    const family = KERAS_CLASSES[cls];
    return {
      framework: 'keras',
      family,
      fromLogits: false,
      ...range,
      setFromLogits: asObject(cls),
    };
  }
  if (n.name === 'VariableName' && p.qualify(s, n) === undefined) {
    const b = flow.binding(s, n);
    return b && depth < 4 ? kerasLoss(p, flow, b.s, b.value, depth + 1) : undefined;
  }
  const callee = n.name === 'CallExpression' ? n.firstChild : n;
  const q = callee ? p.qualify(s, callee) : undefined;
  const m = q && /^(?:keras|tf_keras|tensorflow)\.(?:losses|metrics)\.(\w+)$/.exec(q);
  if (!m || !callee) return undefined;
  if (n.name !== 'CallExpression') {
    const cls = KERAS_FUNCTIONS[m[1]];
    return cls
      ? {
          framework: 'keras',
          family: KERAS_CLASSES[cls],
          fromLogits: false,
          ...range,
          setFromLogits: asObject(cls),
        }
      : undefined;
  }
  const family = KERAS_CLASSES[m[1]];
  const a = argsOf(p, s, n);
  if (!family || !a || a.spread) return undefined;
  const given = a.keywords.get('from_logits') ?? a.positional[0];
  let fromLogits = false;
  if (given) {
    if (given.name !== 'Boolean') return undefined;
    fromLogits = p.src(s, given) === 'True';
  }
  const setFromLogits = (v: boolean): TextEdit[] =>
    given
      ? [replaceNode(s, given, v ? 'True' : 'False')]
      : appendArgument(s, a, `from_logits=${v ? 'True' : 'False'}`);
  return {
    framework: 'keras',
    family,
    fromLogits,
    from: p.from(s, callee),
    to: p.to(s, callee),
    setFromLogits,
  };
}

/** How this file spells `keras.losses` (`keras.losses`, `tf.keras.losses`, `losses`), if at all. */
function kerasLossesPrefix(p: Program): string | undefined {
  const table = p.analysis.moduleTable();
  const pick = (target: string, suffix: string): string | undefined => {
    for (const [name, list] of table)
      if (list.some((b) => b.kind === 'import' && b.target === target)) return name + suffix;
    return undefined;
  };
  return (
    pick('keras.losses', '') ??
    pick('tensorflow.keras.losses', '') ??
    pick('keras', '.losses') ??
    pick('tensorflow.keras', '.losses') ??
    pick('tensorflow', '.keras.losses')
  );
}
