/**
 * `double-softmax`: probabilities fed to a loss that normalises again. PyTorch's
 * `CrossEntropyLoss`/`F.cross_entropy` compute log_softmax(x) themselves, so a softmax before them
 * trains on log_softmax(softmax(z)) — gradients flatten as the softmax saturates; a log_softmax
 * before them is redundant (log_softmax is idempotent) and `NLLLoss` is the loss meant for it.
 * Keras: a final softmax/sigmoid with a loss built with `from_logits=True` squashes twice.
 */
import { show, type Finding, type Rule } from './rule';

export const doubleSoftmax: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const u of ctx.lossUses()) {
    const o = u.output;
    const line = ctx.program.lineNumber(u.from);
    if (u.framework === 'pytorch' && u.family === 'ce' && o.kind === 'softmax') {
      out.push({
        code: 'double-softmax',
        start: o.from,
        end: o.to,
        message: {
          en: `This softmax output goes into the cross-entropy loss at line ${line}, which applies log-softmax itself: the loss sees log(softmax(softmax(z))) and learns slowly. Pass the logits.`,
          ja: `この softmax の出力は ${line} 行目の交差エントロピー損失に入りますが、損失自身が log-softmax を適用します。log(softmax(softmax(z))) となり学習が遅くなります。ロジットを渡してください。`,
        },
        fixes: o.remove
          ? [{ title: { en: 'Remove the softmax', ja: 'softmax を削除' }, edits: o.remove }]
          : [],
        explain: show(['softmax'], 'vector'),
      });
    } else if (u.framework === 'pytorch' && u.family === 'ce' && o.kind === 'logSoftmax') {
      const fixes: Finding['fixes'] = [];
      const nll = u.rename?.(
        /_entropy$/.test(ctx.program.text.slice(u.from, u.to)) ? 'nll_loss' : 'NLLLoss',
      );
      if (nll) fixes.push({ title: { en: 'Use NLLLoss', ja: 'NLLLoss を使う' }, edits: nll });
      if (o.remove)
        fixes.push({
          title: { en: 'Remove the log-softmax', ja: 'log-softmax を削除' },
          edits: o.remove,
        });
      out.push({
        code: 'double-softmax',
        start: o.from,
        end: o.to,
        message: {
          en: `This log-softmax output goes into the cross-entropy loss at line ${line}, which applies log-softmax again. The result is the same but the work is done twice: use NLLLoss after log-softmax, or pass logits.`,
          ja: `この log-softmax の出力は ${line} 行目の交差エントロピー損失に入り、もう一度 log-softmax が適用されます。結果は同じですが計算が二重です。log-softmax の後には NLLLoss を使うか、ロジットを渡してください。`,
        },
        fixes,
        explain: show(['log_softmax'], 'vector'),
      });
    } else if (
      u.framework === 'keras' &&
      u.fromLogits &&
      (o.kind === 'softmax' || o.kind === 'sigmoid')
    ) {
      const fixes: Finding['fixes'] = [];
      if (o.remove)
        fixes.push({
          title: { en: `Remove the final ${o.kind}`, ja: `最後の ${o.kind} を削除` },
          edits: o.remove,
        });
      const f = u.setFromLogits?.(false);
      if (f)
        fixes.push({
          title: { en: 'Set from_logits=False', ja: 'from_logits=False にする' },
          edits: f,
        });
      out.push({
        code: 'double-softmax',
        start: o.from,
        end: o.to,
        message: {
          en: `The model ends in ${o.kind}, but the loss at line ${line} is built with from_logits=True and applies ${o.kind} again. Remove the final activation or set from_logits=False.`,
          ja: `モデルの最後は ${o.kind} ですが、${line} 行目の損失は from_logits=True なのでもう一度 ${o.kind} が適用されます。最後の活性化を削除するか from_logits=False にしてください。`,
        },
        fixes,
        explain: show([o.kind], o.kind === 'softmax' ? 'vector' : undefined),
      });
    }
  }
  return out;
};
