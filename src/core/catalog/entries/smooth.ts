/**
 * Smooth rectifiers: GELU (exact, tanh and sigmoid approximations), SiLU/Swish, Mish, hard swish,
 * softplus, squareplus and sparse plus. Written so that no intermediate overflows at |x| = 1000:
 * 1 + tanh(u) is evaluated as 2σ(2u), Φ(x) as ½·erfc(−x/√2), softplus as max(x,0) + log1p(e^{−|x|}).
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { ElementwiseActivation } from '../types';
import { sigmoid as sig, softplus as sp } from '../../math/special';
import {
  t,
  arg,
  INPLACE,
  param,
  torchModule,
  torchF,
  kerasAct,
  kerasOps,
  tfKerasAct,
  tfFn,
  jaxAndFlax,
  jaxFn,
  mlx,
} from '../build';
import { GELU_ENTRIES } from './gelu';

const none = () => [];

const silu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'silu',
  name: 'SiLU (Swish-1)',
  aliases: ['swish', 'swish-1', 'sigmoid linear unit'],
  family: 'smooth',
  latex: 'x\\,\\sigma(x)',
  text: 'x·σ(x)',
  derivativeLatex: '\\sigma(x)\\bigl(1 + x(1 - \\sigma(x))\\bigr)',
  derivativeText: 'σ(x)(1 + x(1 − σ(x)))',
  params: [],
  properties: {
    range: '[≈ −0.2785, ∞)',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Slightly negative for x < −1.28 (the dip), tends to 0 for x → −∞ and to 1 for x → ∞.',
      'x < −1.28 ではわずかに負（くぼみ）、x → −∞ で 0、x → ∞ で 1 に近づく。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('SiLU', [INPLACE]),
    torchF('silu', [INPLACE]),
    kerasAct('silu'),
    kerasAct('swish'),
    kerasOps('silu'),
    kerasOps('swish'),
    tfKerasAct('swish'),
    tfFn('nn.silu', [arg('beta', '1.0')], {
      listingOnly: true,
      note: t(
        'With beta=1.0 (its default); other β is the `swish` entry.',
        'beta=1.0（既定値）の場合。それ以外の β は `swish` の項目。',
      ),
    }),
    ...jaxAndFlax('silu'),
    ...jaxAndFlax('swish'),
    mlx('silu', 'function'),
    mlx('SiLU', 'module'),
  ],
  origin: {
    year: 2017,
    title:
      'Sigmoid-Weighted Linear Units for Neural Network Function Approximation in Reinforcement Learning',
    authors: 'S. Elfwing, E. Uchibe, K. Doya',
    ref: 'arXiv:1702.03118',
  },
  summary: t(
    'The input times its sigmoid: a smooth, non-monotonic ReLU.',
    '入力にそのシグモイドを掛けたもの。滑らかで単調でない ReLU。',
  ),
  whenToUse: t(
    'Modern CNNs (EfficientNet) and gated transformer FFNs (SwiGLU); often slightly better than ReLU.',
    'EfficientNet などの最近の CNN や、ゲート付き Transformer の FFN（SwiGLU）。ReLU よりわずかに良いことが多い。',
  ),
  pitfalls: t(
    'Costs an exponential; the dip below zero means it is not monotonic.',
    '指数関数の計算が必要。0 より下にくぼむため単調ではない。',
  ),
  related: ['swish', 'gelu', 'mish', 'hard_swish', 'swiglu'],
  f: (x) => x * sig(x),
  df: (x) => sig(x) * (1 + x * sig(-x)),
  d2f: (x) => {
    const s = sig(x);
    return s * sig(-x) * (2 + x * (1 - 2 * s));
  },
  kinks: none,
};

const swish: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'swish',
  name: 'Swish (β)',
  aliases: ['swish-beta', 'parametric swish'],
  family: 'smooth',
  latex: 'x\\,\\sigma(\\beta x)',
  text: 'x·σ(βx)',
  derivativeLatex: '\\sigma(\\beta x) + \\beta x\\,\\sigma(\\beta x)(1 - \\sigma(\\beta x))',
  derivativeText: 'σ(βx) + βx·σ(βx)(1 − σ(βx))',
  params: [
    param(
      'beta',
      'β',
      1,
      [0, 5, 0.05],
      t(
        'Sharpness: β = 1 is SiLU, β → ∞ approaches ReLU, β = 0 gives x/2.',
        '鋭さ。β = 1 で SiLU、β → ∞ で ReLU に近づき、β = 0 で x/2。',
      ),
      {
        valid: { min: 0, max: 1e6 },
      },
    ),
  ],
  properties: {
    range: '[≈ −0.2785/β, ∞)',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'As SiLU, with the dip scaled by 1/β.',
      'SiLU と同様で、くぼみの深さが 1/β 倍になる。',
    ),
    cost: 2,
  },
  apis: [
    tfFn('nn.silu', [arg('beta', '1.0', 'beta')]),
    tfFn('nn.swish', [arg('beta', '1.0', 'beta')]),
  ],
  origin: {
    year: 2017,
    title: 'Searching for Activation Functions',
    authors: 'P. Ramachandran, B. Zoph, Q. V. Le',
    ref: 'arXiv:1710.05941',
  },
  summary: t(
    'SiLU with a sharpness β, trainable in the original paper.',
    '鋭さ β を持つ SiLU。元論文では β を学習させる。',
  ),
  whenToUse: t(
    'When you want to interpolate between a linear function and ReLU.',
    '線形関数と ReLU の間を連続的に変えたいとき。',
  ),
  pitfalls: t(
    'Only tf.nn.silu/swish takes β (TF ≥ 2.8); PyTorch, JAX and Keras implement β = 1 only.',
    'β を受け取るのは tf.nn.silu / swish（TF 2.8 以降）だけで、PyTorch・JAX・Keras は β = 1 のみ。',
  ),
  related: ['silu', 'gelu_sigmoid'],
  simplify: (p) => (p.beta === 1 ? { id: 'silu', params: {} } : undefined),
  f: (x, p) => x * sig(p.beta * x),
  df: (x, p) => {
    const z = p.beta * x;
    return sig(z) * (1 + z * sig(-z));
  },
  d2f: (x, p) => {
    const z = p.beta * x;
    const s = sig(z);
    return p.beta * s * sig(-z) * (2 + z * (1 - 2 * s));
  },
  kinks: none,
};

/**
 * tanh(softplus(x)) with one exponential: with e = eˣ and n = e(e + 2), it equals n/(n + 2); written
 * as 1 − 2/(n + 2) for x ≥ 0 so that n = ∞ (x > 354) gives 1 rather than ∞/∞.
 */
function mishTanh(x: number): number {
  const e = Math.exp(x);
  const n = e * (e + 2);
  return x < 0 ? n / (n + 2) : 1 - 2 / (n + 2);
}

const mish: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'mish',
  name: 'Mish',
  aliases: [],
  family: 'smooth',
  latex: 'x \\tanh(\\operatorname{softplus}(x))',
  text: 'x·tanh(softplus(x))',
  derivativeLatex:
    '\\tanh(s) + x\\,\\operatorname{sech}^2(s)\\,\\sigma(x),\\ s = \\operatorname{softplus}(x)',
  derivativeText: 'tanh(s) + x·sech²(s)·σ(x), s = softplus(x)',
  params: [],
  properties: {
    range: '[≈ −0.3088, ∞)',
    monotonic: false,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Like SiLU: a small negative dip, 0 for x → −∞, 1 for x → ∞.',
      'SiLU と同様：小さな負のくぼみがあり、x → −∞ で 0、x → ∞ で 1。',
    ),
    cost: 3,
  },
  apis: [
    torchModule('Mish', [INPLACE]),
    torchF('mish', [INPLACE]),
    kerasAct('mish'),
    tfKerasAct('mish'),
    jaxFn('mish'),
    mlx('mish', 'function'),
    mlx('Mish', 'module'),
  ],
  origin: {
    year: 2019,
    title: 'Mish: A Self Regularized Non-Monotonic Activation Function',
    authors: 'D. Misra',
    ref: 'arXiv:1908.08681',
  },
  summary: t(
    'A smooth, non-monotonic rectifier close to SiLU.',
    'SiLU に近い、滑らかで単調でない整流関数。',
  ),
  whenToUse: t(
    'Object detectors such as YOLOv4; an alternative to SiLU.',
    'YOLOv4 などの物体検出器。SiLU の代替。',
  ),
  pitfalls: t(
    'Three transcendental functions per element: slower than SiLU for similar results.',
    '要素ごとに超越関数を 3 回計算するため、似た結果の SiLU より遅い。',
  ),
  related: ['silu', 'gelu', 'softplus'],
  f: (x) => x * mishTanh(x),
  df: (x) => {
    const e = Math.exp(x);
    const u = 1 + e;
    const w = u + 1 / u;
    const sech2 = 4 / (w * w);
    const s = x >= 0 ? 1 / (1 + 1 / e) : e / u;
    return mishTanh(x) + x * sech2 * s;
  },
  d2f: (x) => {
    const e = Math.exp(x);
    const u = 1 + e;
    const w = u + 1 / u;
    const sech2 = 4 / (w * w);
    const s = x >= 0 ? 1 / (1 + 1 / e) : e / u;
    return s * sech2 * (2 + x * (1 - s) - 2 * x * mishTanh(x) * s);
  },
  kinks: none,
};

const hardSwish: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'hard_swish',
  name: 'Hard swish',
  aliases: ['hardswish', 'hard silu', 'hard_silu', 'h-swish'],
  family: 'smooth',
  latex: 'x\\,\\frac{\\operatorname{ReLU6}(x + 3)}{6}',
  text: 'x·relu6(x + 3)/6: 0 for x ≤ −3, x for x ≥ 3, x(x + 3)/6 between',
  derivativeLatex:
    '\\begin{cases}0 & x < -3\\\\ (2x + 3)/6 & -3 \\le x < 3\\\\ 1 & x \\ge 3\\end{cases}',
  derivativeText: '0 below −3, (2x + 3)/6 on [−3, 3), 1 from 3 on',
  params: [],
  properties: {
    range: '[−0.375, ∞)',
    monotonic: false,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'At the kinks PyTorch gives −0.5 (x = −3) and 1 (x = 3; its scalar kernel, used for tensors of fewer than 8 elements, gives 1.5); JAX gives 0 and 1 (relu6′ is 0 at its kinks).',
      '折れ点での勾配は PyTorch が −0.5（x = −3）と 1（x = 3。要素数 8 未満のテンソルで使われるスカラー版のカーネルでは 1.5）、JAX は 0 と 1（relu6′ が折れ点で 0 のため）。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('Hardswish', [INPLACE]),
    torchF('hardswish', [INPLACE]),
    kerasAct('hard_silu'),
    kerasAct('hard_swish'),
    kerasOps('hard_silu'),
    kerasOps('hard_swish'),
    ...jaxAndFlax('hard_swish'),
    jaxFn('hard_silu'),
    mlx('hardswish', 'function'),
    mlx('Hardswish', 'module'),
  ],
  origin: {
    year: 2019,
    title: 'Searching for MobileNetV3',
    authors: 'A. Howard et al.',
    ref: 'arXiv:1905.02244',
  },
  summary: t('A piecewise-polynomial approximation of SiLU.', 'SiLU を区分多項式で近似したもの。'),
  whenToUse: t(
    'Mobile networks (MobileNetV3) where exponentials are costly.',
    '指数関数が高くつくモバイル向けネットワーク（MobileNetV3）。',
  ),
  pitfalls: t(
    'Named Hardswish in PyTorch and hard_silu / hard_swish in Keras and JAX; the gradient at ±3 differs between them.',
    'PyTorch では Hardswish、Keras と JAX では hard_silu / hard_swish という名前。±3 での勾配も両者で異なる。',
  ),
  related: ['silu', 'hard_sigmoid'],
  f: (x) => (x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6),
  df: (x) => (x < -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1),
  d2f: (x) => (x > -3 && x < 3 ? 1 / 3 : 0),
  kinks: () => [-3, 3],
};

const softplus: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'softplus',
  name: 'Softplus',
  aliases: ['smooth relu'],
  family: 'smooth',
  latex:
    '\\frac{1}{\\beta}\\log(1 + e^{\\beta x})\\ \\ (x\\ \\text{if}\\ \\beta x > \\text{threshold})',
  text: '(1/β)·log(1 + e^(βx)); PyTorch returns x when βx > threshold',
  derivativeLatex: '\\sigma(\\beta x)',
  derivativeText: 'σ(βx) (1 above the threshold)',
  params: [
    param(
      'beta',
      'β',
      1,
      [0.1, 10, 0.1],
      t('Sharpness; larger β is closer to ReLU.', '鋭さ。β が大きいほど ReLU に近い。'),
      {
        valid: { min: 0, minExclusive: true, max: 1e6 },
      },
    ),
    param(
      'threshold',
      'τ',
      20,
      [1, 40, 1],
      t(
        'Above βx > τ PyTorch returns x (for numerical stability).',
        'βx > τ では PyTorch は x をそのまま返す（数値安定性のため）。',
      ),
      { infinityMeansNone: true },
    ),
  ],
  properties: {
    range: '(0, ∞)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'σ(βx): never exactly 0. PyTorch switches to the identity above βx = τ, a jump of about e^(−τ)/β (2e-9 at τ = 20).',
      'σ(βx) で、厳密に 0 にはならない。PyTorch は βx = τ を超えると恒等関数に切り替えるため、約 e^(−τ)/β（τ = 20 で 2e-9）の段差がある。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('Softplus', [arg('beta', '1', 'beta'), arg('threshold', '20', 'threshold')]),
    torchF('softplus', [arg('beta', '1', 'beta'), arg('threshold', '20', 'threshold')]),
    kerasAct('softplus', [], { fixed: { beta: 1, threshold: Infinity } }),
    kerasOps('softplus', [], { fixed: { beta: 1, threshold: Infinity } }),
    tfKerasAct('softplus', [], { fixed: { beta: 1, threshold: Infinity } }),
    tfFn('nn.softplus', [arg('name', 'None')], { fixed: { beta: 1, threshold: Infinity } }),
    tfFn('math.softplus', [arg('name', 'None')], { fixed: { beta: 1, threshold: Infinity } }),
    ...jaxAndFlax('softplus', [], { fixed: { beta: 1, threshold: Infinity } }),
    mlx('softplus', 'function', [], { fixed: { beta: 1, threshold: Infinity } }),
    mlx('Softplus', 'module', [], { fixed: { beta: 1, threshold: Infinity } }),
  ],
  origin: {
    year: 2001,
    title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing',
    authors: 'C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia',
  },
  summary: t(
    'A smooth approximation of ReLU that is always positive.',
    '常に正になる ReLU の滑らかな近似。',
  ),
  whenToUse: t(
    'Outputs that must be positive (standard deviations, rates) and smooth ReLU substitutes.',
    '標準偏差やレートなど正でなければならない出力、および ReLU の滑らかな代替。',
  ),
  pitfalls: t(
    'Only PyTorch has β and threshold; Keras, TF and JAX compute log(1 + eˣ) exactly. Never exactly 0, so it does not give sparse activations.',
    'β と threshold があるのは PyTorch だけで、Keras・TF・JAX は log(1 + eˣ) をそのまま計算する。厳密に 0 にならないため、スパースな活性は得られない。',
  ),
  related: ['relu', 'squareplus', 'sparse_plus', 'log_sigmoid'],
  f: (x, p) => {
    const z = p.beta * x;
    return z > p.threshold ? x : sp(z) / p.beta;
  },
  df: (x, p) => {
    const z = p.beta * x;
    return z > p.threshold ? 1 : sig(z);
  },
  d2f: (x, p) => {
    const z = p.beta * x;
    return z > p.threshold ? 0 : p.beta * sig(z) * sig(-z);
  },
  kinks: (p) => (p.threshold === Infinity ? [] : [p.threshold / p.beta]),
};

const squareplus: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'squareplus',
  name: 'Squareplus',
  aliases: [],
  family: 'smooth',
  latex: '\\frac{x + \\sqrt{x^2 + b}}{2}',
  text: '(x + √(x² + b))/2',
  derivativeLatex: '\\frac{1}{2}\\left(1 + \\frac{x}{\\sqrt{x^2 + b}}\\right)',
  derivativeText: '(1 + x/√(x² + b))/2',
  params: [
    param(
      'b',
      'b',
      4,
      [0.05, 10, 0.05],
      t('Smoothness: b → 0 gives ReLU.', '滑らかさ。b → 0 で ReLU になる。'),
      {
        valid: { min: 0, minExclusive: true, max: 1e12 },
      },
    ),
  ],
  properties: {
    range: '(0, ∞)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Between 0 and 1, decaying like b/(4x²) for x → −∞.',
      '0 と 1 の間で、x → −∞ では b/(4x²) のように減衰する。',
    ),
    cost: 1,
  },
  apis: [
    kerasAct('squareplus', [arg('b', '4', 'b')], {
      note: t(
        'The Keras docstring cites "Ramachandran et al., 2021", but arXiv:2112.11687 is by J. T. Barron.',
        'Keras の docstring は「Ramachandran et al., 2021」を挙げているが、arXiv:2112.11687 の著者は J. T. Barron である。',
      ),
    }),
    kerasOps('squareplus', [arg('b', '4', 'b')]),
    jaxFn('squareplus', [arg('b', '4', 'b')]),
  ],
  origin: {
    year: 2021,
    title: 'Squareplus: A Softplus-Like Algebraic Rectifier',
    authors: 'J. T. Barron',
    ref: 'arXiv:2112.11687',
  },
  summary: t(
    'A softplus-like rectifier built from a square root only.',
    '平方根だけで作った softplus に似た整流関数。',
  ),
  whenToUse: t(
    'A cheaper softplus (no exp or log) on accelerators.',
    'アクセラレータ上での安価な softplus の代替（exp も log も使わない）。',
  ),
  pitfalls: t(
    'Computed naively, x + √(x² + b) cancels for x ≪ 0; this catalog uses b/(√(x² + b) − x) there.',
    'そのまま計算すると x ≪ 0 で x + √(x² + b) が桁落ちする。このカタログではそこで b/(√(x² + b) − x) を使う。',
  ),
  related: ['softplus', 'relu'],
  f: (x, p) => {
    const r = Math.sqrt(x * x + p.b);
    return x >= 0 ? 0.5 * (x + r) : (0.5 * p.b) / (r - x);
  },
  df: (x, p) => {
    const r = Math.sqrt(x * x + p.b);
    return x >= 0 ? 0.5 * (1 + x / r) : (0.5 * p.b) / (r * (r - x));
  },
  d2f: (x, p) => {
    const q = x * x + p.b;
    // b/r³ as (b/r²)/r, so that a tiny b does not underflow r³ to 0.
    return (0.5 * (p.b / q)) / Math.sqrt(q);
  },
  kinks: none,
};

const sparsePlus: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'sparse_plus',
  name: 'Sparse plus',
  aliases: ['sparseplus'],
  family: 'smooth',
  latex:
    '\\begin{cases}0 & x \\le -1\\\\ \\tfrac14 (x + 1)^2 & -1 < x < 1\\\\ x & x \\ge 1\\end{cases}',
  text: '0 for x ≤ −1, (x + 1)²/4 on (−1, 1), x for x ≥ 1',
  derivativeLatex: '\\tfrac12\\operatorname{clip}(x + 1, 0, 2)',
  derivativeText: 'sparse_sigmoid(x) = ½·clip(x + 1, 0, 2)',
  params: [],
  properties: {
    range: '[0, ∞)',
    monotonic: true,
    smoothness: 'C1',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Exactly 0 for x ≤ −1 (sparse), C¹ at ±1.',
      'x ≤ −1 でちょうど 0（スパース）、±1 で C¹。',
    ),
    cost: 1,
  },
  apis: [kerasAct('sparse_plus'), kerasOps('sparse_plus'), jaxFn('sparse_plus')],
  origin: {
    year: 2019,
    title: 'Learning with Fenchel-Young Losses',
    authors: 'M. Blondel, A. F. T. Martins, V. Niculae',
    ref: 'arXiv:1901.02324',
  },
  summary: t(
    'A softplus twin that is exactly 0 below −1 and exactly x above 1.',
    '−1 以下でちょうど 0、1 以上でちょうど x になる softplus の双子。',
  ),
  whenToUse: t(
    'When you want softplus-like smoothness with exact zeros.',
    'softplus のような滑らかさと、ちょうど 0 になる出力の両方が欲しいとき。',
  ),
  pitfalls: t(
    'Dead for x ≤ −1, like ReLU for x < 0.',
    'ReLU の x < 0 と同じく、x ≤ −1 では勾配がない。',
  ),
  related: ['softplus', 'sparse_sigmoid', 'relu'],
  f: (x) => (x <= -1 ? 0 : x >= 1 ? x : 0.25 * (x + 1) * (x + 1)),
  df: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : 0.5 * (x + 1)),
  d2f: (x) => (x > -1 && x < 1 ? 0.5 : 0),
  kinks: () => [-1, 1],
};

/** Entries of this file, in display order. */
export const SMOOTH_ENTRIES: ElementwiseActivation[] = [
  ...GELU_ENTRIES,
  silu,
  swish,
  mish,
  hardSwish,
  softplus,
  squareplus,
  sparsePlus,
];
