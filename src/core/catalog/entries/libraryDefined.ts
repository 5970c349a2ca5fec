/**
 * Activations that libraries define in their own code rather than take from a framework:
 * transformers' clipped GELU (`gelu_10`) and Laplace activation (MEGA), timm's hard Mish.
 * They are reached through dispatch tables (`ACT2FN["gelu_10"]`, `get_act_layer("hard_mish")`).
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { ElementwiseActivation, Params } from '../types';
import { t } from '../build';
import { normCdf, normPdf } from '../../math/special';

const clippedGelu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'clipped_gelu',
  name: 'Clipped GELU',
  aliases: ['gelu_10', 'gelu 10', 'clipped gelu'],
  family: 'smooth',
  latex: '\\operatorname{clip}\\bigl(x\\,\\Phi(x),\\ \\text{min},\\ \\text{max}\\bigr)',
  text: 'clip(x·Φ(x), min, max)',
  derivativeLatex:
    '\\Phi(x) + x\\,\\varphi(x)\\ \\text{where}\\ \\text{min} < x\\Phi(x) < \\text{max},\\ 0\\ \\text{elsewhere}',
  derivativeText: 'Φ(x) + x·φ(x) where min < x·Φ(x) < max, 0 elsewhere',
  params: [
    {
      name: 'minVal',
      symbol: 'min',
      default: -10,
      min: -20,
      max: 0,
      step: 0.5,
      description: t('Lower clip of the output.', '出力の下限。'),
    },
    {
      name: 'maxVal',
      symbol: 'max',
      default: 10,
      min: 0,
      max: 20,
      step: 0.5,
      description: t('Upper clip of the output.', '出力の上限。'),
    },
  ],
  checkParams: (p) =>
    p.minVal > p.maxVal
      ? t('min must not exceed max.', 'min は max 以下でなければならない。')
      : undefined,
  properties: {
    range: '[max(min, −0.17), max]',
    monotonic: false,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      'Exact GELU inside the clip; 0 once the output reaches max (x ≥ max for max ≥ 1).',
      'クリップの内側は厳密な GELU と同じ。出力が max に達すると（max ≥ 1 なら x ≥ max 付近）勾配は 0。',
    ),
    cost: 3,
  },
  apis: [],
  origin: {
    year: 2020,
    title: 'Integer Quantization for Deep Learning Inference: Principles and Empirical Evaluation',
    authors: 'H. Wu, P. Judd, X. Zhang, M. Isaev, P. Micikevicius',
    ref: 'arXiv:2004.08955',
  },
  summary: t(
    'Exact GELU with its output clipped to [min, max]; transformers\' "gelu_10" clips to [−10, 10].',
    '出力を [min, max] にクリップした厳密な GELU。transformers の "gelu_10" は [−10, 10]。',
  ),
  whenToUse: t(
    'Models trained for int8 quantisation, where a bounded output range maps to fewer bits.',
    'int8 量子化を前提に学習したモデル。出力範囲が有界なので少ないビットに収まる。',
  ),
  pitfalls: t(
    'Identical to GELU for inputs below the clip; large activations lose their gradient.',
    'クリップより小さい入力では GELU と同じ。大きな活性は勾配を失う。',
  ),
  related: ['gelu', 'relu6'],
  f: (x, p) => Math.min(Math.max(x * normCdf(x), p.minVal), p.maxVal),
  df: (x, p) => {
    const y = x * normCdf(x);
    // torch.clip passes the gradient on the bounds themselves (min ≤ y ≤ max).
    return y < p.minVal || y > p.maxVal ? 0 : normCdf(x) + x * normPdf(x);
  },
  kinks: (p) => clipPoints(p),
};

/** Where x·Φ(x) crosses min or max: sign changes on a grid over [−12, max + 2], then bisection. */
function clipPoints(p: Params): number[] {
  const g = (x: number) => x * normCdf(x);
  const hi = Number.isFinite(p.maxVal) ? Math.max(p.maxVal, 0) + 2 : 12;
  const out: number[] = [];
  for (const level of [p.minVal, p.maxVal]) {
    if (!Number.isFinite(level)) continue;
    const steps = 400;
    for (let i = 0; i < steps; i++) {
      let a = -12 + ((hi + 12) * i) / steps;
      let b = -12 + ((hi + 12) * (i + 1)) / steps;
      if (g(a) - level === 0) out.push(a);
      if ((g(a) - level) * (g(b) - level) >= 0) continue;
      for (let k = 0; k < 80; k++) {
        const m = (a + b) / 2;
        if ((g(a) - level) * (g(m) - level) <= 0) b = m;
        else a = m;
      }
      out.push((a + b) / 2);
    }
  }
  return out.sort((u, v) => u - v);
}

const hardMish: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'hard_mish',
  name: 'Hard Mish',
  aliases: ['hardmish', 'hard-mish'],
  family: 'smooth',
  latex: '\\tfrac12\\,x\\,\\operatorname{clip}(x + 2,\\ 0,\\ 2)',
  text: '½·x·clip(x + 2, 0, 2): 0 for x ≤ −2, x for x ≥ 0, x(x + 2)/2 between',
  derivativeLatex:
    '\\begin{cases}0 & x < -2\\\\ x + 1 & -2 \\le x < 0\\\\ 1 & x \\ge 0\\end{cases}',
  derivativeText: '0 below −2, x + 1 on [−2, 0), 1 from 0 on',
  params: [],
  properties: {
    range: '[−0.5, ∞)',
    monotonic: false,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Zero for x < −2; the minimum −0.5 is at x = −1.',
      'x < −2 では 0。最小値 −0.5 は x = −1。',
    ),
    cost: 1,
  },
  apis: [],
  origin: {
    year: 2020,
    title: 'timm: hard_mish, a piecewise-quadratic Mish (Ross Wightman)',
    authors: 'R. Wightman',
    ref: 'https://github.com/huggingface/pytorch-image-models',
  },
  summary: t(
    'A piecewise-quadratic stand-in for Mish, in the spirit of hard swish.',
    'hard swish と同じ発想で Mish を区分二次式で置き換えたもの。',
  ),
  whenToUse: t(
    'timm models built with act_layer="hard_mish"; cheap on hardware without fast exponentials.',
    'act_layer="hard_mish" で組んだ timm のモデル。指数関数が遅いハードウェアでも軽い。',
  ),
  pitfalls: t(
    'Its derivative jumps from 0 to −1 at x = −2: a kink, unlike the smooth Mish it imitates.',
    '導関数は x = −2 で 0 から −1 に跳ぶ。真似ている Mish と違い、折れ点がある。',
  ),
  related: ['mish', 'hard_swish'],
  f: (x) => 0.5 * x * Math.min(Math.max(x + 2, 0), 2),
  df: (x) => (x < -2 ? 0 : x < 0 ? x + 1 : 1),
  // torch.clamp's backward is inclusive at both bounds, so f″ = 1 on [−2, 0].
  d2f: (x) => (x >= -2 && x <= 0 ? 1 : 0),
  kinks: () => [-2, 0],
};

const laplace: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'laplace',
  name: 'Laplace',
  aliases: ['laplace attention', 'mega laplace'],
  family: 'sigmoid',
  latex:
    '\\tfrac12\\Bigl(1 + \\operatorname{erf}\\bigl(\\tfrac{x - \\mu}{\\sigma\\sqrt2}\\bigr)\\Bigr)',
  text: '½(1 + erf((x − μ)/(σ√2)))',
  derivativeLatex: '\\frac{1}{\\sigma\\sqrt{2\\pi}}\\,e^{-(x-\\mu)^2/(2\\sigma^2)}',
  derivativeText: 'exp(−(x − μ)²/(2σ²))/(σ√(2π))',
  params: [
    {
      name: 'mu',
      symbol: 'μ',
      default: 0.707107,
      min: -2,
      max: 2,
      step: 0.01,
      description: t(
        'Centre of the step (where the output is ½).',
        '段の中心（出力が ½ になる点）。',
      ),
    },
    {
      name: 'sigma',
      symbol: 'σ',
      default: 0.282095,
      min: 0.05,
      max: 2,
      step: 0.01,
      description: t('Width of the step.', '段の幅。'),
      valid: { min: 0, minExclusive: true },
    },
  ],
  properties: {
    range: '(0, 1)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      'A Gaussian bump around μ; vanishes a few σ away from it.',
      'μ の周りのガウス型の山。μ から数 σ 離れると消える。',
    ),
    cost: 3,
  },
  apis: [],
  origin: {
    year: 2022,
    title: 'Mega: Moving Average Equipped Gated Attention',
    authors: 'X. Ma et al.',
    ref: 'arXiv:2209.10655',
  },
  summary: t(
    'The normal CDF shifted to μ and scaled by σ, used by MEGA as an attention activation.',
    'μ だけずらし σ で拡大した正規分布の累積分布関数。MEGA が注意の活性化に使う。',
  ),
  whenToUse: t(
    'MEGA-style attention, as a bounded replacement for squared ReLU.',
    'MEGA 型の注意機構で、squared ReLU の代わりに有界な関数として使う。',
  ),
  pitfalls: t(
    'Not zero at zero (≈ 0.0061 with the defaults); it is a gate in [0, 1], not a rectifier.',
    '0 での値は 0 ではない（既定値で ≈ 0.0061）。[0, 1] のゲートであって整流関数ではない。',
  ),
  related: ['sigmoid', 'squared_relu', 'gelu'],
  // ½(1 + erf(z/√2)) is Φ(z); normCdf keeps the left tail's relative accuracy.
  f: (x, p) => normCdf((x - p.mu) / p.sigma),
  df: (x, p) => {
    const z = (x - p.mu) / p.sigma;
    return Number.isFinite(z) ? normPdf(z) / p.sigma : 0;
  },
  d2f: (x, p) => {
    const z = (x - p.mu) / p.sigma;
    return Number.isFinite(z) ? (-z * normPdf(z)) / p.sigma / p.sigma : 0;
  },
  kinks: () => [],
};

/** Entries defined in library code, in display order. */
export const LIBRARY_DEFINED_ENTRIES: ElementwiseActivation[] = [clippedGelu, hardMish, laplace];
