/**
 * `single-unit-softmax`: softmax over one unit is exp(z)/exp(z) = 1 for every input, so the
 * output is constant and nothing is learned. Found as `Dense(1, activation="softmax")`, and as a
 * one-unit `Linear`/`Dense` directly followed by a softmax over the last axis in a container.
 */
import { argsOf, replaceNode } from './edits';
import { kerasActivationKind } from './flow';
import { classify, containers } from './layerList';
import type { Program, Stmt } from './program';
import { nameUses, show, type Finding, type Rule } from './rule';
import type { SyntaxNode } from '@lezer/common';
import { parseNumber } from '../python/literals';

const MESSAGE = {
  en: 'Softmax over a single unit is always 1: this output cannot learn anything. Use sigmoid for one output (binary), or more units.',
  ja: '1 ユニットに対する softmax は常に 1 なので、この出力は何も学習できません。1 出力（二値）なら sigmoid を使うか、ユニットを増やしてください。',
};
const TITLE = { en: 'Use sigmoid', ja: 'sigmoid を使う' };

function finding(
  p: Program,
  s: Stmt,
  n: SyntaxNode,
  edits: ReturnType<typeof replaceNode>[],
): Finding {
  return {
    code: 'single-unit-softmax',
    start: p.from(s, n),
    end: p.to(s, n),
    message: MESSAGE,
    fixes: edits.length ? [{ title: TITLE, edits }] : [],
    explain: show(['softmax'], 'vector'),
  };
}

/** The edit that turns a softmax activation value into sigmoid (`"softmax"`, `tf.nn.softmax`). */
function toSigmoid(p: Program, s: Stmt, v: SyntaxNode): ReturnType<typeof replaceNode>[] {
  const src = p.src(s, v);
  if (v.name === 'String') return [replaceNode(s, v, src.replace('softmax', 'sigmoid'))];
  if (v.name === 'MemberExpression' && v.lastChild) return [replaceNode(s, v.lastChild, 'sigmoid')];
  return [];
}

export const singleUnitSoftmax: Rule = (ctx) => {
  const p = ctx.program;
  const out: Finding[] = [];
  const dense = nameUses(
    p,
    /\bDense\b/g,
    (q) => /^(?:keras|tf_keras)\.layers\.Dense$/.test(q),
    200,
    (t) => t.includes('softmax'),
  );
  for (const u of dense) {
    const a = u.call && argsOf(p, u.s, u.call);
    if (!a || a.spread) continue;
    const units = a.keywords.get('units') ?? a.positional[0];
    const v = a.keywords.get('activation') ?? a.positional[1];
    if (!units || !v || parseNumber(p.src(u.s, units)) !== 1) continue;
    if (kerasActivationKind(p, u.s, v) === 'softmax')
      out.push(finding(p, u.s, v, toSigmoid(p, u.s, v)));
  }
  for (const c of containers(p, (t) => /softmax/i.test(t))) {
    for (let i = 1; i < c.layers.length; i++) {
      const prev = classify(p, c.s, c.layers[i - 1]);
      const cur = classify(p, c.s, c.layers[i]);
      if (prev.kind !== 'units' || prev.units !== 1 || cur.kind !== 'softmax' || !cur.axisLast)
        continue;
      const layer = c.layers[i];
      if (out.some((f) => f.start === p.from(c.s, layer))) continue;
      const callee = layer.firstChild as SyntaxNode;
      const q = p.qualify(c.s, callee) ?? '';
      const a = argsOf(p, c.s, layer);
      let edits: ReturnType<typeof replaceNode>[] = [];
      const prefix =
        callee.name === 'MemberExpression' ? p.src(c.s, callee).replace(/\w+$/, '') : undefined;
      if (q === 'torch.nn.Softmax' && prefix !== undefined)
        edits = [replaceNode(c.s, layer, `${prefix}Sigmoid()`)];
      else if (q.endsWith('.Activation') && a?.positional[0])
        edits = toSigmoid(p, c.s, a.positional[0]);
      else if (q.endsWith('.Softmax') && prefix !== undefined)
        edits = [replaceNode(c.s, layer, `${prefix}Activation("sigmoid")`)];
      out.push(finding(p, c.s, layer, edits));
    }
  }
  return out;
};
