/**
 * Shrinkage functions (softshrink, hardshrink, tanhshrink), the identity, and activations from
 * papers that frameworks do not ship: Snake, Sine (SIREN), Gaussian, Bent identity.
 * Shrinkage derivatives are 0 at ±λ, as in PyTorch.
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { ElementwiseActivation } from '../types';
import {
  t,
  arg,
  param,
  torchModule,
  torchF,
  torchFn,
  kerasAct,
  kerasOps,
  tfKerasAct,
  mlx,
} from '../build';

const none = () => [];
const lambdaParam = param(
  'lambda',
  'λ',
  0.5,
  [0, 2, 0.05],
  t('Half-width of the dead zone.', '0 になる区間の半幅。'),
  {
    valid: { min: 0 },
  },
);
const shrinkApis = (
  torchName: string,
  torchCls: string,
  kerasName: string,
  mlxFn?: string,
  mlxCls?: string,
) => [
  torchModule(torchCls, [arg('lambd', '0.5', 'lambda')]),
  torchF(torchName, [arg('lambd', '0.5', 'lambda')]),
  kerasAct(kerasName, [arg('threshold', '0.5', 'lambda')]),
  kerasOps(kerasName, [arg('threshold', '0.5', 'lambda')]),
  ...(mlxFn ? [mlx(mlxFn, 'function', [arg('lambd', '0.5', 'lambda')])] : []),
  ...(mlxCls ? [mlx(mlxCls, 'module', [arg('lambd', '0.5', 'lambda')])] : []),
];

const softshrink: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'softshrink',
  name: 'Softshrink',
  aliases: ['soft_shrink', 'soft thresholding'],
  family: 'shrink',
  latex:
    '\\begin{cases}x - \\lambda & x > \\lambda\\\\ x + \\lambda & x < -\\lambda\\\\ 0 & \\text{otherwise}\\end{cases}',
  text: 'x − λ above λ, x + λ below −λ, 0 between',
  derivativeLatex: '\\begin{cases}1 & |x| > \\lambda\\\\ 0 & |x| \\le \\lambda\\end{cases}',
  derivativeText: '1 for |x| > λ, else 0',
  params: [lambdaParam],
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: true,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      '0 on [−λ, λ] including the ends (PyTorch).',
      '[−λ, λ] で 0（端点も含む、PyTorch）。',
    ),
    cost: 1,
  },
  apis: shrinkApis('softshrink', 'Softshrink', 'soft_shrink', 'softshrink', 'Softshrink'),
  origin: { year: 1995, title: 'De-noising by soft-thresholding', authors: 'D. L. Donoho' },
  summary: t(
    'Shrinks inputs towards zero by λ and zeroes the band [−λ, λ].',
    '入力を λ だけ 0 に近づけ、[−λ, λ] の帯を 0 にする。',
  ),
  whenToUse: t(
    'Sparse coding and denoising (it is the proximal operator of the L1 norm).',
    'スパースコーディングやノイズ除去（L1 ノルムの近接写像）。',
  ),
  pitfalls: t(
    'PyTorch calls the parameter `lambd`, Keras `threshold`.',
    '引数名は PyTorch では `lambd`、Keras では `threshold`。',
  ),
  related: ['hardshrink', 'tanhshrink'],
  f: (x, p) => (x > p.lambda ? x - p.lambda : x < -p.lambda ? x + p.lambda : 0),
  df: (x, p) => (x > p.lambda || x < -p.lambda ? 1 : 0),
  d2f: () => 0,
  kinks: (p) => [-p.lambda, p.lambda],
};

const hardshrink: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'hardshrink',
  name: 'Hardshrink',
  aliases: ['hard_shrink', 'hard thresholding'],
  family: 'shrink',
  latex: '\\begin{cases}x & |x| > \\lambda\\\\ 0 & \\text{otherwise}\\end{cases}',
  text: 'x for |x| > λ, else 0',
  derivativeLatex: '\\begin{cases}1 & |x| > \\lambda\\\\ 0 & |x| \\le \\lambda\\end{cases}',
  derivativeText: '1 for |x| > λ, else 0',
  params: [lambdaParam],
  properties: {
    range: '(−∞, −λ) ∪ {0} ∪ (λ, ∞)',
    monotonic: false,
    smoothness: 'discontinuous',
    zeroCentred: true,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      '0 on [−λ, λ]; the jumps at ±λ carry no gradient.',
      '[−λ, λ] で 0。±λ での跳びに勾配は流れない。',
    ),
    cost: 1,
  },
  apis: [
    ...shrinkApis('hardshrink', 'Hardshrink', 'hard_shrink', 'hard_shrink', 'HardShrink'),
    torchFn('hardshrink', [arg('lambd', '0.5', 'lambda')]),
  ],
  origin: {
    year: 1994,
    title: 'Ideal spatial adaptation by wavelet shrinkage',
    authors: 'D. L. Donoho, I. M. Johnstone',
  },
  summary: t(
    'Keeps inputs with |x| > λ unchanged and zeroes the rest.',
    '|x| > λ の入力はそのまま残し、それ以外を 0 にする。',
  ),
  whenToUse: t('Hard thresholding for sparsity.', 'スパース化のための硬しきい値処理。'),
  pitfalls: t(
    'Discontinuous at ±λ; PyTorch `lambd` is Keras `threshold`.',
    '±λ で不連続。PyTorch の `lambd` は Keras の `threshold` に当たる。',
  ),
  related: ['softshrink', 'threshold'],
  f: (x, p) => (x > p.lambda || x < -p.lambda ? x : 0),
  df: (x, p) => (x > p.lambda || x < -p.lambda ? 1 : 0),
  d2f: () => 0,
  kinks: (p) => [-p.lambda, p.lambda],
};

/** x − tanh x, by its Taylor series near 0 where the subtraction would cancel. */
function tanhshrinkValue(x: number): number {
  if (Math.abs(x) < 0.01) {
    const x2 = x * x;
    return x * x2 * (1 / 3 - x2 * (2 / 15 - x2 * (17 / 315 - x2 * (62 / 2835))));
  }
  return x - Math.tanh(x);
}

const tanhshrink: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'tanhshrink',
  name: 'Tanhshrink',
  aliases: ['tanh_shrink'],
  family: 'shrink',
  latex: 'x - \\tanh x',
  text: 'x − tanh x',
  derivativeLatex: '\\tanh^2 x',
  derivativeText: 'tanh²x',
  params: [],
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: true,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'Near 0 around the origin (like x²), 1 for large |x|.',
      '原点付近ではほぼ 0（x² 程度）、|x| が大きいと 1。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('Tanhshrink'),
    torchF('tanhshrink'),
    kerasAct('tanh_shrink'),
    kerasOps('tanh_shrink'),
  ],
  summary: t(
    'The identity minus tanh: flat near 0, linear far away.',
    '恒等関数から tanh を引いたもの。0 付近では平坦で、遠くでは線形。',
  ),
  whenToUse: t(
    'Rare; sparse-coding style networks.',
    'まれ。スパースコーディング型のネットワーク。',
  ),
  pitfalls: t(
    'Tiny gradients around 0 slow down learning of small activations.',
    '0 付近の勾配がとても小さいため、小さな活性の学習が遅くなる。',
  ),
  related: ['tanh', 'softshrink'],
  f: tanhshrinkValue,
  df: (x) => {
    const th = Math.tanh(x);
    return th * th;
  },
  d2f: (x) => {
    const c = Math.cosh(x);
    return (2 * Math.tanh(x)) / (c * c);
  },
  kinks: none,
};

const linear: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'linear',
  name: 'Linear (identity)',
  aliases: ['identity', 'none'],
  family: 'other',
  latex: 'x',
  text: 'x',
  derivativeLatex: '1',
  derivativeText: '1',
  params: [],
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: true,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t('Always 1.', '常に 1。'),
    cost: 1,
  },
  apis: [
    torchModule('Identity', [], { acceptsKwargs: true }),
    kerasAct('linear'),
    tfKerasAct('linear'),
  ],
  summary: t(
    'Returns the input unchanged (Keras uses it when activation=None).',
    '入力をそのまま返す（Keras では activation=None のときこれになる）。',
  ),
  whenToUse: t(
    'Regression outputs and logits fed to a loss that applies its own softmax or sigmoid.',
    '回帰の出力層や、softmax・sigmoid を内部で適用する損失に渡すロジット。',
  ),
  pitfalls: t(
    'Stacking layers with no non-linearity between them collapses into a single linear map.',
    '非線形性のない層をいくつ重ねても、1 つの線形写像と同じになる。',
  ),
  related: ['relu'],
  f: (x) => x,
  df: () => 1,
  d2f: () => 0,
  kinks: none,
};

const snake: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'snake',
  name: 'Snake',
  aliases: ['snake activation'],
  family: 'periodic',
  latex: 'x + \\frac{1}{\\alpha}\\sin^2(\\alpha x)',
  text: 'x + (1/α)·sin²(αx)',
  derivativeLatex: '1 + \\sin(2\\alpha x)',
  derivativeText: '1 + sin(2αx)',
  params: [
    param(
      'alpha',
      'α',
      1,
      [0.1, 5, 0.05],
      t(
        'Frequency (learnable per channel, initialised at 1).',
        '周波数（チャネルごとに学習、初期値 1）。',
      ),
      {
        valid: { min: 0, minExclusive: true, max: 1e6 },
      },
    ),
  ],
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'Oscillates in [0, 2]; touches 0 periodically but never stays there.',
      '[0, 2] の範囲で振動し、周期的に 0 に触れるがとどまらない。',
    ),
    cost: 2,
  },
  apis: [],
  origin: {
    year: 2020,
    title: 'Neural Networks Fail to Learn Periodic Functions and How to Fix It',
    authors: 'L. Ziyin, T. Hartwig, M. Ueda',
    ref: 'arXiv:2006.08195',
  },
  summary: t(
    'A monotonic, periodic-plus-linear activation for learning periodic signals.',
    '周期的な信号を学習するための、線形成分と周期成分を持つ単調な活性化関数。',
  ),
  whenToUse: t(
    'Audio vocoders (BigVGAN) and extrapolating periodic time series.',
    '音声ボコーダ（BigVGAN）や周期的な時系列の外挿。',
  ),
  pitfalls: t(
    'Implementations add a small ε (1e-9) to α to avoid division by zero; some learn log α instead of α.',
    '実装によっては 0 除算を避けるため α に小さな ε（1e-9）を足す。α の代わりに log α を学習する実装もある。',
  ),
  related: ['sine', 'linear'],
  f: (x, p) => {
    const s = Math.sin(p.alpha * x);
    return x + (s * s) / p.alpha;
  },
  df: (x, p) => 1 + Math.sin(2 * p.alpha * x),
  d2f: (x, p) => 2 * p.alpha * Math.cos(2 * p.alpha * x),
  kinks: none,
};

const sine: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'sine',
  name: 'Sine (SIREN)',
  aliases: ['siren', 'sin', 'sinusoid'],
  family: 'periodic',
  latex: '\\sin(\\omega_0 x)',
  text: 'sin(ω₀·x)',
  derivativeLatex: '\\omega_0 \\cos(\\omega_0 x)',
  derivativeText: 'ω₀·cos(ω₀x)',
  params: [
    param(
      'omega',
      'ω₀',
      1,
      [0.1, 60, 0.1],
      t(
        'Frequency; SIREN uses ω₀ = 30 with its own initialisation.',
        '周波数。SIREN は独自の初期化と組み合わせて ω₀ = 30 を使う。',
      ),
      {
        valid: { min: 0, minExclusive: true, max: 1e4 },
      },
    ),
  ],
  properties: {
    range: '[−1, 1]',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: true,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      'Periodic, with zeros at every extremum of f.',
      '周期的で、f の極値ごとに 0 になる。',
    ),
    cost: 2,
  },
  apis: [],
  origin: {
    year: 2020,
    title: 'Implicit Neural Representations with Periodic Activation Functions',
    authors: 'V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell, G. Wetzstein',
    ref: 'arXiv:2006.09661',
  },
  summary: t(
    'A sine as activation, the basis of SIREN networks.',
    '正弦関数を活性化関数として使うもの。SIREN の基礎。',
  ),
  whenToUse: t(
    'Implicit neural representations: images, signed distance fields, audio as functions of coordinates.',
    '座標の関数として画像・符号付き距離場・音声を表す暗黙的ニューラル表現。',
  ),
  pitfalls: t(
    'Needs the SIREN initialisation (first layer U(−1/n, 1/n), later layers U(−√(6/n)/ω₀, √(6/n)/ω₀)); with ordinary initialisation training is unstable.',
    'SIREN の初期化（最初の層は U(−1/n, 1/n)、以降は U(−√(6/n)/ω₀, √(6/n)/ω₀)）が必要。通常の初期化では学習が不安定になる。',
  ),
  related: ['snake', 'gaussian'],
  f: (x, p) => Math.sin(p.omega * x),
  df: (x, p) => p.omega * Math.cos(p.omega * x),
  d2f: (x, p) => -p.omega * p.omega * Math.sin(p.omega * x),
  kinks: none,
};

const gaussian: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'gaussian',
  name: 'Gaussian',
  aliases: ['rbf', 'bell'],
  family: 'other',
  latex: 'e^{-x^2}',
  text: 'e^(−x²)',
  derivativeLatex: '-2x\\,e^{-x^2}',
  derivativeText: '−2x·e^(−x²)',
  params: [],
  properties: {
    range: '(0, 1]',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t('Vanishes for |x| > 3 and at 0.', '|x| > 3 と x = 0 で勾配が消える。'),
    cost: 2,
  },
  apis: [],
  summary: t(
    'A bell curve: responds only to inputs near zero.',
    '釣鐘型の曲線。0 付近の入力にだけ反応する。',
  ),
  whenToUse: t('Radial-basis-style units and teaching.', 'RBF 型のユニットや教育用。'),
  pitfalls: t(
    'Gradients vanish away from 0; not monotonic.',
    '0 から離れると勾配が消える。単調ではない。',
  ),
  related: ['sine', 'sigmoid'],
  f: (x) => Math.exp(-x * x),
  df: (x) => -2 * x * Math.exp(-x * x),
  d2f: (x) => (4 * x * x - 2) * Math.exp(-x * x),
  kinks: none,
};

const bentIdentity: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'bent_identity',
  name: 'Bent identity',
  aliases: ['bent'],
  family: 'other',
  latex: '\\frac{\\sqrt{x^2 + 1} - 1}{2} + x',
  text: '(√(x² + 1) − 1)/2 + x',
  derivativeLatex: '\\frac{x}{2\\sqrt{x^2 + 1}} + 1',
  derivativeText: 'x/(2√(x² + 1)) + 1',
  params: [],
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: true,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'Between 0.5 and 1.5: never vanishes.',
      '0.5 と 1.5 の間にあり、消えることはない。',
    ),
    cost: 1,
  },
  apis: [],
  summary: t(
    'The identity bent upwards: slope 1/2 on the far left, 3/2 on the far right.',
    '上に曲げた恒等関数。左の遠方で傾き 1/2、右の遠方で 3/2。',
  ),
  whenToUse: t(
    'Teaching and experiments; a smooth, non-saturating alternative to leaky ReLU.',
    '教育や実験用。飽和しない滑らかな leaky ReLU の代替。',
  ),
  pitfalls: t(
    'Unbounded in both directions; not in any framework.',
    '両方向に有界でなく、どのフレームワークにもない。',
  ),
  related: ['leaky_relu', 'softplus'],
  f: (x) => {
    const h = Math.hypot(x, 1);
    return (0.5 * x * x) / (h + 1) + x;
  },
  df: (x) => x / (2 * Math.hypot(x, 1)) + 1,
  d2f: (x) => {
    const h = Math.hypot(x, 1);
    return 1 / (2 * h * h * h);
  },
  kinks: none,
};

/** Entries of this file, in display order. */
export const SHRINK_AND_OTHER_ENTRIES: ElementwiseActivation[] = [
  softshrink,
  hardshrink,
  tanhshrink,
  linear,
  snake,
  sine,
  gaussian,
  bentIdentity,
];
