/**
 * Exponential-linear units: ELU, SELU, CELU, ISRLU, and the plain exponential. Negative parts use
 * `expm1` so that α(eˣ − 1) keeps its relative accuracy near 0. PyTorch's conventions at x = 0:
 * elu′(0) = α, selu′(0) = λα, celu′(0) = 1.
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { ElementwiseActivation } from '../types';
import {
  t,
  arg,
  INPLACE,
  param,
  torchModule,
  torchF,
  torchFn,
  kerasAct,
  kerasOps,
  kerasLayer,
  tfKerasAct,
  tfKerasLayer,
  tfFn,
  jaxAndFlax,
  mlx,
} from '../build';
import { SELU_ALPHA, SELU_LAMBDA } from '../../math/special';

const SELU_LA = SELU_LAMBDA * SELU_ALPHA;

const alphaDoc = t(
  'Scale of the negative part: the output tends to −α as x → −∞.',
  '負の部分のスケール。x → −∞ で出力は −α に近づく。',
);

/** ELU: x for x > 0, α(eˣ − 1) otherwise. */
export const elu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'elu',
  name: 'ELU',
  aliases: ['exponential linear unit'],
  family: 'exponential',
  latex: '\\begin{cases}x & x > 0\\\\ \\alpha (e^{x} - 1) & x \\le 0\\end{cases}',
  text: 'x if x > 0, else α(eˣ − 1)',
  derivativeLatex: '\\begin{cases}1 & x > 0\\\\ \\alpha e^{x} & x \\le 0\\end{cases}',
  derivativeText: '1 if x > 0, else α·eˣ',
  params: [param('alpha', 'α', 1, [0, 3, 0.05], alphaDoc, { valid: { min: 0 } })],
  properties: {
    range: '(−α, ∞)',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Decays like α·eˣ for x < 0 (saturates, but never exactly 0). C¹ only when α = 1; PyTorch takes α at x = 0.',
      'x < 0 では α·eˣ のように減衰する（飽和するが厳密に 0 にはならない）。C¹ になるのは α = 1 のときだけ。PyTorch は x = 0 で α を取る。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('ELU', [arg('alpha', '1.0', 'alpha'), INPLACE]),
    torchF('elu', [arg('alpha', '1.0', 'alpha'), INPLACE]),
    kerasAct('elu', [arg('alpha', '1.0', 'alpha')], {
      note: t(
        'The Keras 3 docstring calls alpha the "slope of positive section"; it actually scales the negative saturation.',
        'Keras 3 の docstring は alpha を「正の部分の傾き」と説明しているが、実際には負の側の飽和値を決める係数である。',
      ),
    }),
    kerasOps('elu', [arg('alpha', '1.0', 'alpha')]),
    kerasLayer('ELU', [arg('alpha', '1.0', 'alpha')]),
    tfKerasAct('elu', [arg('alpha', '1.0', 'alpha')]),
    tfKerasLayer('ELU', [arg('alpha', '1.0', 'alpha')]),
    tfFn('nn.elu', [arg('name', 'None')], { fixed: { alpha: 1 } }),
    ...jaxAndFlax('elu', [arg('alpha', '1.0', 'alpha')]),
    mlx('elu', 'function', [arg('alpha', '1.0', 'alpha')]),
    mlx('ELU', 'module', [arg('alpha', '1.0', 'alpha')]),
  ],
  origin: {
    year: 2015,
    title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
    authors: 'D.-A. Clevert, T. Unterthiner, S. Hochreiter',
    ref: 'arXiv:1511.07289',
  },
  summary: t(
    'Identity for positive inputs, a smooth exponential saturation to −α for negative ones.',
    '正の入力では恒等写像、負の入力では −α へ滑らかに飽和する指数関数。',
  ),
  whenToUse: t(
    'Instead of ReLU when mean activations near zero speed up learning and dead units are a problem.',
    '活性の平均を 0 に近づけて学習を速めたいときや、死にゆくニューロンが問題になるときの ReLU の代替。',
  ),
  pitfalls: t(
    'Costs an exponential per negative element; the kink at 0 remains for α ≠ 1.',
    '負の要素ごとに指数関数の計算が必要。α ≠ 1 では 0 の折れ目が残る。',
  ),
  related: ['selu', 'celu', 'relu', 'leaky_relu'],
  f: (x, p) => (x > 0 ? x : p.alpha * Math.expm1(x)),
  df: (x, p) => (x > 0 ? 1 : p.alpha * Math.exp(x)),
  d2f: (x, p) => (x > 0 ? 0 : p.alpha * Math.exp(x)),
  kinks: () => [0],
};

/** SELU: λ·ELU_α(x) with the fixed self-normalising constants. */
export const selu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'selu',
  name: 'SELU',
  aliases: ['scaled exponential linear unit', 'self-normalizing'],
  family: 'exponential',
  latex: '\\lambda\\begin{cases}x & x > 0\\\\ \\alpha (e^{x} - 1) & x \\le 0\\end{cases}',
  text: 'λ·x if x > 0, else λα(eˣ − 1); λ ≈ 1.0507, α ≈ 1.6733',
  derivativeLatex:
    '\\begin{cases}\\lambda & x > 0\\\\ \\lambda\\alpha e^{x} & x \\le 0\\end{cases}',
  derivativeText: 'λ if x > 0, else λα·eˣ',
  params: [],
  properties: {
    range: '(−λα, ∞) ≈ (−1.7581, ∞)',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: true,
    gradientNotes: t(
      'λ > 1 for x > 0, λα·eˣ for x ≤ 0 (λα ≈ 1.758 at 0 in PyTorch).',
      'x > 0 では λ (> 1)、x ≤ 0 では λα·eˣ（PyTorch は 0 で λα ≈ 1.758）。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('SELU', [INPLACE], {
      note: t(
        "PyTorch's docs: initialise with `kaiming_normal_(..., nonlinearity='linear')`, not 'selu'.",
        "PyTorch のドキュメントでは、初期化に 'selu' ではなく `kaiming_normal_(..., nonlinearity='linear')` を使うよう勧めている。",
      ),
    }),
    torchF('selu', [INPLACE]),
    torchFn('selu'),
    kerasAct('selu'),
    kerasOps('selu'),
    tfKerasAct('selu'),
    tfFn('nn.selu', [arg('name', 'None')]),
    ...jaxAndFlax('selu'),
    mlx('selu', 'function'),
    mlx('SELU', 'module'),
  ],
  origin: {
    year: 2017,
    title: 'Self-Normalizing Neural Networks',
    authors: 'G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter',
    ref: 'arXiv:1706.02515',
  },
  summary: t(
    'ELU scaled so that activations keep zero mean and unit variance through the layers.',
    '層を通しても活性が平均 0・分散 1 に保たれるようにスケールした ELU。',
  ),
  whenToUse: t(
    'Deep fully connected networks without batch normalisation, with LeCun-normal initialisation and AlphaDropout.',
    'バッチ正規化を使わない深い全結合ネットワーク。LeCun 正規分布による初期化と AlphaDropout と組み合わせる。',
  ),
  pitfalls: t(
    'Self-normalisation only holds with LeCun-normal weights and AlphaDropout; ordinary dropout or other initialisations break it.',
    '自己正規化が成り立つのは LeCun 正規分布の重みと AlphaDropout を使う場合だけで、通常の dropout や他の初期化では崩れる。',
  ),
  related: ['elu', 'celu'],
  f: (x) => (x > 0 ? SELU_LAMBDA * x : SELU_LA * Math.expm1(x)),
  df: (x) => (x > 0 ? SELU_LAMBDA : SELU_LA * Math.exp(x)),
  d2f: (x) => (x > 0 ? 0 : SELU_LA * Math.exp(x)),
  kinks: () => [0],
};

/** CELU: max(0, x) + min(0, α(e^{x/α} − 1)). */
export const celu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'celu',
  name: 'CELU',
  aliases: ['continuously differentiable exponential linear unit'],
  family: 'exponential',
  latex: '\\max(0, x) + \\min\\bigl(0, \\alpha (e^{x/\\alpha} - 1)\\bigr)',
  text: 'max(0, x) + min(0, α(e^{x/α} − 1))',
  derivativeLatex: '\\begin{cases}1 & x > 0\\\\ e^{x/\\alpha} & x \\le 0\\end{cases}',
  derivativeText: '1 if x > 0, else e^{x/α}',
  params: [
    param('alpha', 'α', 1, [0.05, 3, 0.05], alphaDoc, { valid: { min: 0, minExclusive: true } }),
  ],
  properties: {
    range: '(−α, ∞)',
    monotonic: true,
    smoothness: 'C1',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Continuous derivative for every α (f′(0) = 1); decays like e^{x/α} for x < 0.',
      'どの α でも導関数が連続（f′(0) = 1）。x < 0 では e^{x/α} のように減衰する。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('CELU', [arg('alpha', '1.0', 'alpha'), INPLACE]),
    torchF('celu', [arg('alpha', '1.0', 'alpha'), INPLACE]),
    torchFn('celu', [arg('alpha', '1.0', 'alpha')]),
    kerasAct('celu', [arg('alpha', '1.0', 'alpha')]),
    kerasOps('celu', [arg('alpha', '1.0', 'alpha')]),
    ...jaxAndFlax('celu', [arg('alpha', '1.0', 'alpha')]),
    mlx('celu', 'function', [arg('alpha', '1.0', 'alpha')]),
    mlx('CELU', 'module', [arg('alpha', '1.0', 'alpha')]),
  ],
  origin: {
    year: 2017,
    title: 'Continuously Differentiable Exponential Linear Units',
    authors: 'J. T. Barron',
    ref: 'arXiv:1704.07483',
  },
  summary: t(
    'ELU reparameterised so that its derivative is continuous for every α.',
    'どの α でも導関数が連続になるように再パラメータ化した ELU。',
  ),
  whenToUse: t(
    'When you want ELU with α ≠ 1 but without the kink in the gradient.',
    'α ≠ 1 の ELU を使いたいが、勾配の折れ目は避けたいとき。',
  ),
  pitfalls: t(
    'Equal to ELU at α = 1; small α makes it close to ReLU.',
    'α = 1 では ELU と同じ。α を小さくすると ReLU に近づく。',
  ),
  related: ['elu', 'selu'],
  f: (x, p) => (x > 0 ? x : p.alpha * Math.expm1(x / p.alpha)),
  df: (x, p) => (x > 0 ? 1 : Math.exp(x / p.alpha)),
  d2f: (x, p) => (x > 0 ? 0 : Math.exp(x / p.alpha) / p.alpha),
  kinks: () => [0],
};

/** ISRLU: x for x ≥ 0, x/√(1 + αx²) otherwise. */
export const isrlu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'isrlu',
  name: 'ISRLU',
  aliases: ['inverse square root linear unit'],
  family: 'exponential',
  latex: '\\begin{cases}x & x \\ge 0\\\\ \\dfrac{x}{\\sqrt{1 + \\alpha x^2}} & x < 0\\end{cases}',
  text: 'x if x ≥ 0, else x/√(1 + αx²)',
  derivativeLatex: '\\begin{cases}1 & x \\ge 0\\\\ (1 + \\alpha x^2)^{-3/2} & x < 0\\end{cases}',
  derivativeText: '1 if x ≥ 0, else (1 + αx²)^(−3/2)',
  params: [
    param(
      'alpha',
      'α',
      1,
      [0.05, 5, 0.05],
      t('Sets the negative saturation −1/√α.', '負の側の飽和値 −1/√α を決める。'),
      {
        valid: { min: 0, minExclusive: true, max: 1e12 },
      },
    ),
  ],
  properties: {
    range: '(−1/√α, ∞)',
    monotonic: true,
    smoothness: 'C1',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Twice continuously differentiable at 0; decays like |x|⁻³ for x → −∞ (slower than ELU).',
      '0 で 2 回連続微分可能。x → −∞ では |x|⁻³ のように減衰する（ELU より遅い）。',
    ),
    cost: 2,
  },
  apis: [],
  origin: {
    year: 2017,
    title: 'Improving Deep Learning by Inverse Square Root Linear Units (ISRLUs)',
    authors: 'B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney',
    ref: 'arXiv:1710.09967',
  },
  summary: t(
    'An ELU-like unit whose negative part uses an inverse square root instead of an exponential.',
    '負の部分に指数関数ではなく逆平方根を使う、ELU に似た活性化関数。',
  ),
  whenToUse: t(
    'Where ELU fits but exponentials are expensive (the inverse square root is cheap in hardware).',
    'ELU が適しているが指数関数の計算が重い場面（逆平方根はハードウェアで安く計算できる）。',
  ),
  pitfalls: t(
    'Not built into the major frameworks; you write it yourself.',
    '主要なフレームワークには組み込まれておらず、自分で実装する必要がある。',
  ),
  related: ['elu', 'isru'],
  f: (x, p) => (x >= 0 ? x : x / Math.sqrt(1 + p.alpha * x * x)),
  df: (x, p) => {
    if (x >= 0) return 1;
    const r = 1 / Math.sqrt(1 + p.alpha * x * x);
    return r * r * r;
  },
  d2f: (x, p) => {
    if (x >= 0) return 0;
    const q = 1 + p.alpha * x * x;
    return (-3 * p.alpha * x) / (q * q * Math.sqrt(q));
  },
  kinks: () => [0],
};

/** Exponential: eˣ. */
export const exponential: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'exponential',
  name: 'Exponential',
  aliases: ['exp'],
  family: 'exponential',
  latex: 'e^{x}',
  text: 'eˣ',
  derivativeLatex: 'e^{x}',
  derivativeText: 'eˣ',
  params: [],
  properties: {
    range: '(0, ∞)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Equal to the value: vanishes for x ≪ 0 and explodes for x ≫ 0; overflows to ∞ above x ≈ 709.78 in float64 (in every framework).',
      '導関数は値そのもの。x ≪ 0 で消え、x ≫ 0 で爆発する。float64 では x ≈ 709.78 を超えると ∞ にオーバーフローする（どのフレームワークでも同じ）。',
    ),
    cost: 2,
  },
  apis: [kerasAct('exponential'), tfKerasAct('exponential')],
  summary: t('The exponential function as an activation.', '指数関数をそのまま使う活性化関数。'),
  whenToUse: t(
    'Output layers that must be positive, such as a Poisson rate or a predicted variance.',
    'ポアソン分布のレートや予測分散など、正の値を出力する必要がある出力層。',
  ),
  pitfalls: t(
    'Explodes quickly; softplus is the safer choice for positive outputs.',
    'すぐに爆発する。正の出力には softplus の方が安全。',
  ),
  related: ['softplus', 'elu'],
  f: (x) => Math.exp(x),
  df: (x) => Math.exp(x),
  d2f: (x) => Math.exp(x),
  kinks: () => [],
};

/** The entries of this file in catalog order (`catalog.ts` lists these arrays, not entries). */
export const EXPONENTIAL_ENTRIES: ElementwiseActivation[] = [elu, selu, celu, isrlu, exponential];
