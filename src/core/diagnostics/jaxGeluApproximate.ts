/**
 * `jax-gelu-approximate`: `jax.nn.gelu` (and Flax's re-exports) default to `approximate=True`,
 * the tanh form 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))), where PyTorch's `nn.GELU()` computes
 * the exact x·Φ(x). Ported weights then differ slightly; saying which one is meant avoids that.
 */
import { appendArgument, argsOf } from './edits';
import { nameUses, show, type Finding, type Rule } from './rule';

const GELU = /^(?:jax\.nn|flax\.linen|flax\.nnx)\.gelu$/;

export const jaxGeluApproximate: Rule = (ctx) => {
  const p = ctx.program;
  const out: Finding[] = [];
  for (const u of nameUses(p, /\bgelu\b/g, (q) => GELU.test(q), 20)) {
    let fixes: Finding['fixes'] = [];
    if (u.call) {
      const a = argsOf(p, u.s, u.call);
      if (!a || a.spread || a.keywords.has('approximate') || a.positional.length >= 2) continue;
      fixes = [
        {
          title: {
            en: 'Make it explicit: approximate=True (tanh form, the current behaviour)',
            ja: '明示する: approximate=True（tanh 近似、現在の動作）',
          },
          edits: appendArgument(u.s, a, 'approximate=True'),
        },
        {
          title: {
            en: 'Use the exact GELU: approximate=False (as PyTorch)',
            ja: '厳密な GELU を使う: approximate=False（PyTorch と同じ）',
          },
          edits: appendArgument(u.s, a, 'approximate=False'),
        },
      ];
    }
    out.push({
      code: 'jax-gelu-approximate',
      start: p.from(u.s, u.expr),
      end: p.to(u.s, u.expr),
      message: {
        en: 'jax.nn.gelu uses the tanh approximation by default (approximate=True), unlike PyTorch’s exact nn.GELU(). Say which one you mean.',
        ja: 'jax.nn.gelu は既定で tanh 近似（approximate=True）を使います。PyTorch の nn.GELU() は厳密な式です。どちらを使うか明示してください。',
      },
      fixes,
      explain: show(['gelu', 'gelu_tanh']),
    });
  }
  return out;
};
