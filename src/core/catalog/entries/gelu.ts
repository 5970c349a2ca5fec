/**
 * GELU and its two approximations. Exact: x·Φ(x) with Φ(x) = ½·erfc(−x/√2) (Cody's erfc, so the
 * left tail keeps its relative accuracy). Tanh form: 1 + tanh(u) is evaluated as 2σ(2u), which
 * neither overflows nor cancels for x ≪ 0.
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { ElementwiseActivation } from '../types';
import { SQRT_2_OVER_PI, sigmoid as sig, normCdf, normPdf } from '../../math/special';
import {
  t,
  arg,
  torchModule,
  torchF,
  kerasAct,
  kerasOps,
  tfKerasAct,
  tfFn,
  jaxAndFlax,
  mlx,
} from '../build';

const K = SQRT_2_OVER_PI;
/** The cubic coefficient of the tanh approximation. */
const C3 = 0.044715;
/** The sigmoid approximation's slope, x·σ(1.702x). */
const S = 1.702;

const none = () => [];
const approxNote = t(
  'Default approximate=True: the tanh approximation, unlike PyTorch and keras.activations.gelu.',
  '既定は approximate=True で tanh 近似。PyTorch や keras.activations.gelu とは異なる。',
);

const gelu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'gelu',
  name: 'GELU (exact)',
  aliases: ['gaussian error linear unit', 'gelu erf'],
  family: 'smooth',
  latex: 'x\\,\\Phi(x) = \\tfrac{x}{2}\\bigl(1 + \\operatorname{erf}(x/\\sqrt{2})\\bigr)',
  text: 'x·Φ(x) = (x/2)(1 + erf(x/√2))',
  derivativeLatex: '\\Phi(x) + x\\,\\varphi(x)',
  derivativeText: 'Φ(x) + x·φ(x)',
  params: [],
  properties: {
    range: '[≈ −0.1700, ∞)',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Slightly negative for x < −0.75 (the dip), tends to 0 for x → −∞ and 1 for x → ∞.',
      'x < −0.75 ではわずかに負（くぼみ）、x → −∞ で 0、x → ∞ で 1 に近づく。',
    ),
    cost: 3,
  },
  apis: [
    torchModule('GELU', [arg('approximate', "'none'")]),
    torchF('gelu', [arg('approximate', "'none'")]),
    kerasAct('gelu', [arg('approximate', 'False')]),
    kerasOps('gelu', [arg('approximate', 'True')], { requires: { approximate: 'False' } }),
    tfKerasAct('gelu', [arg('approximate', 'False')]),
    tfFn('nn.gelu', [arg('approximate', 'False'), arg('name', 'None')]),
    ...jaxAndFlax('gelu', [arg('approximate', 'True')], { requires: { approximate: 'False' } }),
    mlx('gelu', 'function'),
    mlx('GELU', 'module', [arg('approx', "'none'")]),
  ],
  origin: {
    year: 2016,
    title: 'Gaussian Error Linear Units (GELUs)',
    authors: 'D. Hendrycks, K. Gimpel',
    ref: 'arXiv:1606.08415',
  },
  summary: t(
    'Weights the input by the probability that a standard normal variable is below it.',
    '入力に、標準正規分布に従う変数がそれ以下になる確率を掛ける活性化関数。',
  ),
  whenToUse: t(
    'Transformers (BERT, GPT, ViT) and most modern language and vision models.',
    'Transformer（BERT・GPT・ViT）をはじめ、最近の言語・画像モデルの多く。',
  ),
  pitfalls: t(
    'Frameworks disagree on the default: PyTorch, tf.nn and keras.activations are exact; jax.nn, Flax and keras.ops use the tanh approximation (differences up to 4.7e-4). Match the form a checkpoint was trained with.',
    '既定がフレームワークで異なる：PyTorch・tf.nn・keras.activations は厳密、jax.nn・Flax・keras.ops は tanh 近似（差は最大 4.7e-4）。学習済みの重みを使うときは学習時と同じ形に合わせること。',
  ),
  related: ['gelu_tanh', 'gelu_sigmoid', 'silu', 'relu'],
  f: (x) => x * normCdf(x),
  df: (x) => normCdf(x) + x * normPdf(x),
  d2f: (x) => normPdf(x) * (2 - x * x),
  kinks: none,
};

const geluTanh: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'gelu_tanh',
  name: 'GELU (tanh approximation)',
  aliases: ['gelu approximate', 'gelu_new', 'gelu_pytorch_tanh', 'approximate gelu'],
  family: 'smooth',
  latex: '\\tfrac{x}{2}\\Bigl(1 + \\tanh\\bigl(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\bigr)\\Bigr)',
  text: '(x/2)(1 + tanh(√(2/π)(x + 0.044715x³)))',
  derivativeLatex: '\\tfrac12(1 + t) + \\tfrac{x}{2}(1 - t^2)\\sqrt{2/\\pi}\\,(1 + 0.134145\\,x^2)',
  derivativeText: '½(1 + t) + ½x(1 − t²)√(2/π)(1 + 0.134145x²), t the tanh term',
  params: [],
  properties: {
    range: '[≈ −0.1700, ∞)',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Like exact GELU: a small dip below zero, 0 for x → −∞, 1 for x → ∞.',
      '厳密な GELU と同様：0 より下に小さなくぼみがあり、x → −∞ で 0、x → ∞ で 1 に近づく。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('GELU', [arg('approximate', "'none'")], { requires: { approximate: "'tanh'" } }),
    torchF('gelu', [arg('approximate', "'none'")], { requires: { approximate: "'tanh'" } }),
    kerasAct('gelu', [arg('approximate', 'False')], { requires: { approximate: 'True' } }),
    kerasOps('gelu', [arg('approximate', 'True')], { note: approxNote }),
    tfKerasAct('gelu', [arg('approximate', 'False')], { requires: { approximate: 'True' } }),
    tfFn('nn.gelu', [arg('approximate', 'False'), arg('name', 'None')], {
      requires: { approximate: 'True' },
    }),
    ...jaxAndFlax('gelu', [arg('approximate', 'True')], { note: approxNote }),
    mlx('gelu_approx', 'function'),
    mlx('GELU', 'module', [arg('approx', "'none'")], { requires: { approx: "'precise'" } }),
    mlx('GELU', 'module', [arg('approx', "'none'")], { requires: { approx: "'tanh'" } }),
  ],
  origin: {
    year: 2016,
    title: 'Gaussian Error Linear Units (GELUs)',
    authors: 'D. Hendrycks, K. Gimpel',
    ref: 'arXiv:1606.08415',
  },
  summary: t(
    'The tanh approximation of GELU used by the original BERT and GPT-2 code.',
    '元の BERT や GPT-2 のコードで使われた GELU の tanh 近似。',
  ),
  whenToUse: t(
    'Reproducing checkpoints trained with it (GPT-2, many JAX models); slightly cheaper than erf.',
    'この近似で学習された重み（GPT-2 や多くの JAX モデル）を再現するとき。erf よりわずかに軽い。',
  ),
  pitfalls: t(
    'It is the default of jax.nn.gelu, Flax and keras.ops.gelu, but not of PyTorch or keras.activations.gelu.',
    'jax.nn.gelu・Flax・keras.ops.gelu では既定だが、PyTorch や keras.activations.gelu では既定ではない。',
  ),
  related: ['gelu', 'gelu_sigmoid'],
  f: (x) => x * sig(2 * K * (x + C3 * x * x * x)),
  df: (x) => {
    const u = K * (x + C3 * x * x * x);
    const du = K * (1 + 3 * C3 * x * x);
    const s = sig(2 * u);
    return s + 2 * x * s * sig(-2 * u) * du;
  },
  d2f: (x) => {
    const u = K * (x + C3 * x * x * x);
    const du = K * (1 + 3 * C3 * x * x);
    const d2u = K * 6 * C3 * x;
    const s = sig(2 * u);
    const q = s * sig(-2 * u);
    const ds = 2 * q * du;
    const d2s = 2 * du * (1 - 2 * s) * ds + 2 * q * d2u;
    return 2 * ds + x * d2s;
  },
  kinks: none,
};

const geluSigmoid: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'gelu_sigmoid',
  name: 'GELU (sigmoid approximation)',
  aliases: ['quick gelu', 'gelu fast', 'quickgelu'],
  family: 'smooth',
  latex: 'x\\,\\sigma(1.702\\,x)',
  text: 'x·σ(1.702x)',
  derivativeLatex: '\\sigma(1.702x) + 1.702x\\,\\sigma(1.702x)(1 - \\sigma(1.702x))',
  derivativeText: 'σ(1.702x) + 1.702x·σ(1.702x)(1 − σ(1.702x))',
  params: [],
  properties: {
    range: '[≈ −0.1636, ∞)',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t('Swish with β = 1.702.', 'β = 1.702 の Swish と同じ。'),
    cost: 2,
  },
  apis: [
    mlx('gelu_fast_approx', 'function'),
    mlx('GELU', 'module', [arg('approx', "'none'")], { requires: { approx: "'fast'" } }),
  ],
  origin: {
    year: 2016,
    title: 'Gaussian Error Linear Units (GELUs)',
    authors: 'D. Hendrycks, K. Gimpel',
    ref: 'arXiv:1606.08415',
  },
  summary: t(
    'The coarser sigmoid approximation of GELU ("QuickGELU" in CLIP).',
    'GELU のより粗いシグモイド近似（CLIP の「QuickGELU」）。',
  ),
  whenToUse: t(
    'Reproducing CLIP-style checkpoints; the cheapest GELU form.',
    'CLIP 系の学習済み重みを再現するとき。最も軽い GELU の形。',
  ),
  pitfalls: t(
    'Differs from exact GELU by up to about 0.02; do not swap it into a model trained with exact GELU.',
    '厳密な GELU とは最大で約 0.02 異なる。厳密な GELU で学習したモデルに差し替えないこと。',
  ),
  related: ['gelu', 'gelu_tanh', 'swish'],
  f: (x) => x * sig(S * x),
  df: (x) => {
    const z = S * x;
    return sig(z) * (1 + z * sig(-z));
  },
  d2f: (x) => {
    const z = S * x;
    const s = sig(z);
    return S * s * sig(-z) * (2 + z * (1 - 2 * s));
  },
  kinks: none,
};

/** GELU entries, exact first. */
export const GELU_ENTRIES: ElementwiseActivation[] = [gelu, geluTanh, geluSigmoid];
