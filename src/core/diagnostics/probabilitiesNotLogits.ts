/**
 * `probabilities-not-logits`: a Keras model whose last layer has no activation (it outputs
 * logits z ∈ ℝ) trained with a cross-entropy that expects probabilities (`from_logits=False`, the
 * default): Keras clips z to [ε, 1−ε] (and normalises by the sum for the categorical loss) before
 * the log, so negative logits carry no gradient.
 */
import { show, type Finding, type Rule } from './rule';

export const probabilitiesNotLogits: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const u of ctx.lossUses()) {
    if (u.framework !== 'keras' || u.fromLogits !== false || u.output.kind !== 'linear') continue;
    const line = ctx.program.lineNumber(u.output.from);
    const f = u.setFromLogits?.(true);
    out.push({
      code: 'probabilities-not-logits',
      start: u.from,
      end: u.to,
      message: {
        en: `The model's last layer (line ${line}) has no activation, so it outputs logits, but this loss expects probabilities (from_logits=False). Set from_logits=True.`,
        ja: `モデルの最終層（${line} 行目）には活性化がなくロジットを出力しますが、この損失は確率を想定しています（from_logits=False）。from_logits=True にしてください。`,
      },
      fixes: f
        ? [{ title: { en: 'Set from_logits=True', ja: 'from_logits=True にする' }, edits: f }]
        : [],
      explain: show(
        u.family === 'ce' ? ['softmax'] : ['sigmoid'],
        u.family === 'ce' ? 'vector' : undefined,
      ),
    });
  }
  return out;
};
