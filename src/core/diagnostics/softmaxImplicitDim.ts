/**
 * `softmax-implicit-dim`: `F.softmax(x)`, `F.log_softmax(x)`, `F.softmin(x)`, `nn.Softmax()`,
 * `nn.LogSoftmax()`, `nn.Softmin()` without `dim`. PyTorch then picks dim 0 for 0-, 1- and 3-D
 * input and dim 1 otherwise (deprecated, with a warning): for a batch of sequences (3-D) that
 * normalises across the batch.
 */
import { appendArgument, argsOf, insertAfter, replaceNode } from './edits';
import { nameUses, show, type Finding, type Rule } from './rule';

const FUNCTIONS = /^torch\.nn\.functional\.(?:log_)?soft(?:max|min)$/;
const MODULES = /^torch\.nn\.(?:Log)?Soft(?:max|min)$/;

export const softmaxImplicitDim: Rule = (ctx) => {
  const p = ctx.program;
  const out: Finding[] = [];
  const uses = nameUses(
    p,
    /\b(?:log_softmax|softmax|softmin|LogSoftmax|Softmax|Softmin)\b/g,
    (q) => FUNCTIONS.test(q) || MODULES.test(q),
  );
  for (const u of uses) {
    if (!u.call) continue;
    const a = argsOf(p, u.s, u.call);
    if (!a || a.spread) continue;
    const functional = FUNCTIONS.test(u.q);
    const dimAt = functional ? 1 : 0;
    const dim = a.keywords.get('dim') ?? a.positional[dimAt];
    if (dim && p.src(u.s, dim) !== 'None') continue;
    let edits;
    if (dim) edits = [replaceNode(u.s, dim, '-1')];
    else if (functional && a.positional[0]) edits = insertAfter(u.s, a, a.positional[0], 'dim=-1');
    else edits = appendArgument(u.s, a, 'dim=-1');
    const name = p.src(u.s, u.expr).replace(/^.*\./, '');
    out.push({
      code: 'softmax-implicit-dim',
      start: p.from(u.s, u.expr),
      end: p.to(u.s, u.call),
      message: {
        en: `${name} without dim: PyTorch picks dim 0 for 1-D and 3-D input and dim 1 otherwise (deprecated). Say which axis to normalise, usually dim=-1.`,
        ja: `dim のない ${name}: PyTorch は 1 次元と 3 次元の入力では dim 0、それ以外では dim 1 を選びます（非推奨）。正規化する軸を指定してください（通常は dim=-1）。`,
      },
      fixes: [{ title: { en: 'Add dim=-1', ja: 'dim=-1 を追加' }, edits }],
      explain: show([/log/i.test(name) ? 'log_softmax' : 'softmax'], 'vector'),
    });
  }
  return out;
};
