/**
 * `saturating-deep-stack`: eight or more sigmoid/tanh layers in a row in one container with no
 * normalisation, other activation or unknown block between them. Backpropagation multiplies one
 * derivative per layer, σ′ ≤ 1/4 and tanh′ ≤ 1, so with saturated units the first layers'
 * gradients shrink geometrically with depth (vanishing gradients). The link opens the training
 * lab's Gradient-flow view with that many hidden layers of that activation (at most its 30).
 */
import { GRADIENT_DEPTH } from '../protocol/webviewProtocol';
import { classify, containers } from './layerList';
import { show, type Finding, type Rule } from './rule';

/** Consecutive saturating layers that draw the note. */
const MIN_SATURATING_RUN = 8;

export const saturatingDeepStack: Rule = (ctx) => {
  const p = ctx.program;
  const out: Finding[] = [];
  const worth = (t: string): boolean => {
    const n = (t.match(/sigmoid|tanh/gi) ?? []).length;
    return n >= MIN_SATURATING_RUN || (n > 0 && /\bfor\b|\*/.test(t));
  };
  for (const c of containers(p, worth)) {
    let run = 0;
    let best = 0;
    const counts = { sigmoid: 0, tanh: 0 };
    let bestCounts = { ...counts };
    for (const layer of c.layers) {
      const k = classify(p, c.s, layer);
      if (k.kind === 'saturating') {
        run++;
        counts[k.act]++;
        if (run > best) [best, bestCounts] = [run, { ...counts }];
      } else if (k.kind !== 'transparent' && k.kind !== 'units') {
        run = 0;
        counts.sigmoid = counts.tanh = 0;
      }
    }
    if (best < MIN_SATURATING_RUN) continue;
    const act = bestCounts.sigmoid >= bestCounts.tanh ? 'sigmoid' : 'tanh';
    out.push({
      code: 'saturating-deep-stack',
      start: p.from(c.s, c.expr),
      end: p.to(c.s, c.expr),
      message: {
        en: `${best} ${act} layers in a row with no normalisation or residual connection: gradients of the first layers shrink with every layer (σ′ ≤ 1/4, tanh′ ≤ 1) and may vanish. Consider ReLU/GELU, normalisation or residual blocks.`,
        ja: `正規化や残差接続のない ${act} 層が ${best} 層連続しています。勾配は層ごとに小さくなり（σ′ ≤ 1/4、tanh′ ≤ 1）、最初の層では消失することがあります。ReLU/GELU、正規化、残差ブロックを検討してください。`,
      },
      fixes: [],
      explain: {
        ...show([act], 'train'),
        gradient: { id: act, depth: Math.min(best, GRADIENT_DEPTH.max) },
      },
    });
  }
  return out;
};
