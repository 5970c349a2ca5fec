/**
 * `keras-hard-sigmoid-changed`: Keras 3 computes hard_sigmoid(x) = relu6(x + 3)/6 (slope 1/6,
 * flat beyond ±3); Keras 2 (tf.keras before TensorFlow 2.16) computed clip(0.2x + 0.5, 0, 1)
 * (slope 0.2, flat beyond ±2.5). The same code gives different curves by version.
 */
import { activationStringContext } from '../python/mentions';
import { nameUses, show, type Finding, type Rule } from './rule';

const HARD = /^(?:keras|tf_keras)\.(?:activations|ops|backend)\.hard_sigmoid$/;
const MESSAGE = {
  en: 'hard_sigmoid differs by Keras version: Keras 3 computes relu6(x + 3) / 6, Keras 2 (tf.keras before TF 2.16) 0.2·x + 0.5 clipped to [0, 1]. Check which one your weights expect.',
  ja: 'hard_sigmoid は Keras のバージョンで異なります。Keras 3 は relu6(x + 3) / 6、Keras 2（TF 2.16 より前の tf.keras）は 0.2·x + 0.5 を [0, 1] に制限したものです。重みがどちらを前提にしているか確認してください。',
};

export const kerasHardSigmoidChanged: Rule = (ctx) => {
  const p = ctx.program;
  const out: Finding[] = [];
  const add = (start: number, end: number): void => {
    out.push({
      code: 'keras-hard-sigmoid-changed',
      start,
      end,
      message: MESSAGE,
      fixes: [],
      explain: show(['hard_sigmoid', 'hard_sigmoid_tf2']),
    });
  };
  for (const u of nameUses(p, /\bhard_sigmoid\b/g, (q) => HARD.test(q), 20))
    add(p.from(u.s, u.expr), p.to(u.s, u.expr));
  for (const at of p.matches(/(['"])hard_sigmoid\1/g, 20)) {
    const k = p.lineAt(at);
    const s = k >= 0 ? p.stmt(k) : undefined;
    if (!s) continue;
    const str = p.nodeAt(s, at + 1);
    if (str.name !== 'String') continue;
    const where = activationStringContext(s.ctx, str, at);
    if (where && (where.framework === 'keras' || where.framework === 'tf-keras'))
      add(p.from(s, str), p.to(s, str));
  }
  return out;
};
