/**
 * `sigmoid-then-bce`: PyTorch `BCELoss`/`F.binary_cross_entropy` on a sigmoid output computes
 * −[y·log σ(z) + (1−y)·log(1−σ(z))] in two steps; for large |z| σ(z) rounds to 0 or 1 and the
 * log is clamped. `BCEWithLogitsLoss` computes the same from z with the log-sum-exp trick.
 */
import { show, type Finding, type Rule } from './rule';

export const sigmoidThenBce: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const u of ctx.lossUses()) {
    const o = u.output;
    if (u.framework !== 'pytorch' || u.family !== 'bce' || o.kind !== 'sigmoid') continue;
    const functional = /_entropy$/.test(ctx.program.text.slice(u.from, u.to));
    const rename = u.rename?.(
      functional ? 'binary_cross_entropy_with_logits' : 'BCEWithLogitsLoss',
    );
    const line = ctx.program.lineNumber(u.from);
    out.push({
      code: 'sigmoid-then-bce',
      start: o.from,
      end: o.to,
      message: {
        en: `This sigmoid output goes into BCELoss at line ${line}: numerically unstable for large logits. Drop the sigmoid and use BCEWithLogitsLoss (apply torch.sigmoid only when you need probabilities).`,
        ja: `この sigmoid の出力は ${line} 行目の BCELoss に入ります。ロジットが大きいと数値的に不安定です。sigmoid を外して BCEWithLogitsLoss を使ってください（確率が必要なときだけ torch.sigmoid を適用）。`,
      },
      fixes:
        o.remove && rename
          ? [
              {
                title: {
                  en: 'Drop the sigmoid and use BCEWithLogitsLoss',
                  ja: 'sigmoid を外して BCEWithLogitsLoss を使う',
                },
                edits: [...o.remove, ...rename],
              },
            ]
          : [],
      explain: show(['sigmoid']),
    });
  }
  return out;
};
