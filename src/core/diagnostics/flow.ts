/**
 * Where a model's output comes from: follows a tensor expression (`out`, `model(x)`,
 * `self.net(x)`, `F.softmax(h, dim=1)`) back to the last operation that shapes it, through the
 * bindings the program can prove. The answer says whether the output is squashed (softmax,
 * log-softmax, sigmoid) or raw logits (a Keras `Dense` without activation), where that happens,
 * and the edits that would remove the squashing. Undefined means "not certain".
 */
import type { SyntaxNode } from '@lezer/common';
import { parseStringLiteral } from '../python/literals';
import { argsOf, removeArgument, replaceNode } from './edits';
import type { Program, Stmt } from './program';
import type { TextEdit } from './types';

export type OutputKind = 'softmax' | 'logSoftmax' | 'sigmoid' | 'linear';

/** The last shaping operation of a model's output. */
export interface Output {
  kind: OutputKind;
  framework: 'pytorch' | 'keras';
  /** Document range of the operation as written. */
  from: number;
  to: number;
  /** Edits that leave logits instead, when mechanical. */
  remove?: TextEdit[];
  /** A layer object written directly (its container removes it). */
  direct?: boolean;
}

const MAX_DEPTH = 12;

const TORCH_FUNCTIONS: Record<string, OutputKind> = {
  'torch.nn.functional.softmax': 'softmax',
  'torch.softmax': 'softmax',
  'torch.special.softmax': 'softmax',
  'torch.nn.functional.log_softmax': 'logSoftmax',
  'torch.log_softmax': 'logSoftmax',
  'torch.special.log_softmax': 'logSoftmax',
  'torch.sigmoid': 'sigmoid',
  'torch.nn.functional.sigmoid': 'sigmoid',
  'torch.special.expit': 'sigmoid',
};
const TORCH_MODULES: Record<string, OutputKind> = {
  'torch.nn.Softmax': 'softmax',
  'torch.nn.LogSoftmax': 'logSoftmax',
  'torch.nn.Sigmoid': 'sigmoid',
};
const TENSOR_METHODS: Record<string, OutputKind> = {
  softmax: 'softmax',
  log_softmax: 'logSoftmax',
  sigmoid: 'sigmoid',
};

/** Keras activation given by name or by reference (`"softmax"`, `tf.nn.softmax`). */
export function kerasActivationKind(p: Program, s: Stmt, n: SyntaxNode): OutputKind | undefined {
  if (n.name === 'None') return 'linear';
  let name: string | undefined;
  if (n.name === 'String') name = parseStringLiteral(p.src(s, n));
  else {
    const q = p.qualify(s, n);
    const m = q && /^(?:keras|tf_keras|tensorflow)\.(?:activations|nn|ops|math)\.(\w+)$/.exec(q);
    name = m ? m[1] : undefined;
  }
  if (name === 'softmax' || name === 'sigmoid' || name === 'linear') return name;
  return undefined;
}

/** Whether a canonical name is a Keras layer class (`keras.layers.Dense`). */
export function kerasLayer(q: string | undefined): string | undefined {
  const m = q && /^(?:keras|tf_keras)\.layers\.(\w+)$/.exec(q);
  return m ? m[1] : undefined;
}

const WITH_ACTIVATION = /^(?:Dense|Conv[123]D|Conv[123]DTranspose|EinsumDense)$/;

export class Flow {
  /** Receivers of `.add(` calls anywhere in the text (`model`, `self.net`), read once. */
  private adders: Set<string> | undefined;
  constructor(private readonly p: Program) {}

  private range(s: Stmt, n: SyntaxNode): { from: number; to: number } {
    return { from: this.p.from(s, n), to: this.p.to(s, n) };
  }

  /** The value bound to a name or `self.` attribute as seen from statement `s` (the single
   * assignment the binding model says reaches it). */
  binding(s: Stmt, n: SyntaxNode): { s: Stmt; value: SyntaxNode } | undefined {
    return this.p.bound(s, n);
  }

  /** The output of a tensor expression. */
  tensor(s: Stmt, n: SyntaxNode, depth = 0): Output | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const p = this.p;
    if (n.name === 'ParenthesizedExpression') {
      const inner = n.firstChild?.nextSibling;
      return inner && inner.nextSibling?.name === ')'
        ? this.tensor(s, inner, depth + 1)
        : undefined;
    }
    if (n.name === 'VariableName') {
      const b = this.binding(s, n);
      return b && this.tensor(b.s, b.value, depth + 1);
    }
    if (n.name !== 'CallExpression') return undefined;
    const callee = n.firstChild;
    const a = argsOf(p, s, n);
    if (!callee || !a) return undefined;
    const input = a.positional[0] ?? a.keywords.get('input') ?? a.keywords.get('x');
    const unwrap = (): TextEdit[] | undefined =>
      input && !a.spread ? [replaceNode(s, n, p.src(s, input))] : undefined;
    if (callee.name === 'CallExpression') {
      const layer = this.layer(s, callee);
      if (!layer) return undefined;
      if (layer.direct && layer.kind !== 'linear') return { ...layer, remove: unwrap() };
      return layer;
    }
    const q = p.qualify(s, callee);
    if (q !== undefined) {
      const kind = TORCH_FUNCTIONS[q];
      if (kind) return { kind, framework: 'pytorch', ...this.range(s, callee), remove: unwrap() };
      const keras =
        /^(?:keras|tf_keras|tensorflow)\.(?:activations|nn|ops)\.(softmax|sigmoid)$/.exec(q);
      if (keras)
        return {
          kind: keras[1] as OutputKind,
          framework: 'keras',
          ...this.range(s, callee),
          remove: unwrap(),
        };
      return undefined;
    }
    if (callee.name === 'MemberExpression') {
      const recv = callee.firstChild;
      const prop = callee.lastChild;
      const method = prop?.name === 'PropertyName' ? p.src(s, prop) : '';
      const isSelf = recv?.name === 'VariableName' && p.src(s, recv) === 'self';
      if (!isSelf && recv && TENSOR_METHODS[method] && p.importsRoot(/^torch(\.|$)/)) {
        if (a.positional.length > 1 || a.spread) return undefined;
        return {
          kind: TENSOR_METHODS[method],
          framework: 'pytorch',
          from: p.from(s, prop as SyntaxNode),
          to: p.to(s, n),
          remove: [replaceNode(s, n, p.src(s, recv))],
        };
      }
      if (!isSelf) return undefined;
    }
    const b = this.binding(s, callee);
    if (!b) return undefined;
    const out = this.module(b.s, b.value, depth + 1);
    if (out?.direct && out.kind !== 'linear') return { ...out, direct: false, remove: unwrap() };
    return out && { ...out, direct: false };
  }

  /** The output of a layer constructor call (`nn.Softmax(dim=1)`, `layers.Dense(10, …)`). */
  layer(s: Stmt, call: SyntaxNode): Output | undefined {
    const p = this.p;
    const callee = call.firstChild;
    if (call.name !== 'CallExpression' || !callee) return undefined;
    const q = p.qualify(s, callee);
    if (q === undefined) return undefined;
    const r = this.range(s, call);
    const torch = TORCH_MODULES[q];
    if (torch) return { kind: torch, framework: 'pytorch', ...r, direct: true };
    const name = kerasLayer(q);
    const a = argsOf(p, s, call);
    if (!name || !a) return undefined;
    if (name === 'Softmax') return { kind: 'softmax', framework: 'keras', ...r, direct: true };
    if (name === 'Activation') {
      const v = a.positional[0] ?? a.keywords.get('activation');
      const kind = v && kerasActivationKind(p, s, v);
      return kind && kind !== 'linear'
        ? { kind, framework: 'keras', ...r, direct: true }
        : undefined;
    }
    if (!WITH_ACTIVATION.test(name) || a.spread) return undefined;
    const v = a.keywords.get('activation') ?? (name === 'Dense' ? a.positional[1] : undefined);
    if (!v) return { kind: 'linear', framework: 'keras', ...this.range(s, callee) };
    const kind = kerasActivationKind(p, s, v);
    if (!kind) return undefined;
    if (kind === 'linear') return { kind, framework: 'keras', ...this.range(s, callee) };
    const positionalLast = a.positional[1] === v && a.positional.length === 2;
    const remove =
      a.keywords.get('activation') === v || positionalLast
        ? removeArgument(p, s, a, v)
        : [replaceNode(s, v, 'None')];
    return { kind, framework: 'keras', ...this.range(s, v), remove };
  }

  /** The output of a model object: a layer, a container, a model class or builder defined in
   * the file, or a Keras functional `Model(inputs, outputs)`. */
  module(s: Stmt, n: SyntaxNode, depth = 0): Output | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const p = this.p;
    if (n.name === 'VariableName' || n.name === 'MemberExpression') {
      const b = this.binding(s, n);
      return b && this.module(b.s, b.value, depth + 1);
    }
    if (n.name !== 'CallExpression') return undefined;
    const callee = n.firstChild;
    const a = argsOf(p, s, n);
    if (!callee || !a) return undefined;
    const q = p.qualify(s, callee);
    if (q === 'torch.nn.Sequential') {
      const last = a.positional[a.positional.length - 1];
      if (!last || a.spread || a.keywords.size > 0) return undefined;
      const inner = this.module(s, last, depth + 1) ?? this.layer(s, last);
      if (!inner) return undefined;
      return {
        ...inner,
        direct: false,
        remove: inner.direct ? removeArgument(p, s, a, last) : inner.remove,
      };
    }
    if (q && /^(?:keras|tf_keras)\.(?:models\.)?Sequential$/.test(q)) {
      const list = a.positional[0] ?? a.keywords.get('layers');
      if (list?.name !== 'ArrayExpression' || this.hasAdds(s)) return undefined;
      const items: SyntaxNode[] = [];
      for (let c = list.firstChild; c; c = c.nextSibling)
        if (!['[', ']', ','].includes(c.name)) items.push(c);
      const last = items[items.length - 1];
      if (!last || items.some((c) => c.name === '*' || c.type.isError)) return undefined;
      const out = this.layer(s, last);
      if (!out) return undefined;
      return {
        ...out,
        direct: false,
        remove: out.direct ? removeListItem(s, items, last) : out.remove,
      };
    }
    if (q && /^(?:keras|tf_keras)\.(?:models\.)?Model$/.test(q)) {
      const outputs = a.keywords.get('outputs') ?? a.positional[1];
      return outputs && !a.spread ? this.tensor(s, outputs, depth + 1) : undefined;
    }
    if (q === undefined && callee.name === 'VariableName') {
      const cls = p.definition(s, callee, 'class');
      if (cls !== undefined) return this.classOutput(cls, depth + 1);
      const fn = p.definition(s, callee, 'def');
      if (fn !== undefined) return this.returned(fn, (rs, v) => this.module(rs, v, depth + 1));
    }
    return this.layer(s, n);
  }

  /** Whether a Keras model bound on statement `s` gets layers added later (`model.add(…)`). */
  private hasAdds(s: Stmt): boolean {
    const first = s.node.firstChild;
    if (s.node.name !== 'AssignStatement' || !first) return false;
    const name = this.p.src(s, first).replace(/\s/g, '');
    if (!this.adders) {
      this.adders = new Set();
      const t = this.p.text;
      for (const at of this.p.matches(/\.\s*add\s*\(/g, 5000)) {
        const m = /((?:[A-Za-z_]\w*\s*\.\s*)*[A-Za-z_]\w*)\s*$/.exec(
          t.slice(Math.max(0, at - 200), at),
        );
        if (m) this.adders.add(m[1].replace(/\s/g, ''));
      }
    }
    for (const r of this.adders) if (r === name || r.endsWith('.' + name)) return true;
    return false;
  }

  /** The common output of every `return` of `forward` (PyTorch) or `call` (Keras). */
  private classOutput(cls: number, depth: number): Output | undefined {
    const m = this.p.method(cls, 'forward') ?? this.p.method(cls, 'call');
    return m === undefined ? undefined : this.returned(m, (s, v) => this.tensor(s, v, depth));
  }

  private returned(
    def: number,
    trace: (s: Stmt, v: SyntaxNode) => Output | undefined,
  ): Output | undefined {
    const lines = this.p.returns(def);
    if (lines.length === 0) return undefined;
    let out: Output | undefined;
    const remove: TextEdit[] = [];
    let removable = true;
    for (const k of lines) {
      const s = this.p.stmt(k);
      const v = s?.node.name === 'ReturnStatement' ? s.node.lastChild : null;
      if (!s || !v || v.name === 'return') return undefined;
      const o = trace(s, v);
      if (!o || (out && o.kind !== out.kind)) return undefined;
      out ??= o;
      if (o.remove) remove.push(...o.remove);
      else removable = false;
    }
    return out && { ...out, direct: false, remove: removable ? dedupe(remove) : undefined };
  }
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.start}:${e.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Removes one item of a list literal with its separating comma. */
function removeListItem(s: Stmt, items: SyntaxNode[], item: SyntaxNode): TextEdit[] {
  const base = s.ctx.window.base;
  const k = items.indexOf(item);
  if (k > 0) return [{ start: items[k - 1].to + base, end: item.to + base, newText: '' }];
  const next = items[k + 1];
  return [{ start: item.from + base, end: (next ? next.from : item.to) + base, newText: '' }];
}
