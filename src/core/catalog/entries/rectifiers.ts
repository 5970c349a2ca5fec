/**
 * Piecewise-linear rectifiers: ReLU, ReLU6, Leaky ReLU, PReLU, RReLU. Derivatives at the kinks follow
 * PyTorch autograd (checked against torch 1.13 in test/fixtures/golden.json): relu′(0) = 0,
 * relu6′(0) = relu6′(6) = 0, and the leaky family takes the negative slope at 0.
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
  torchMethod,
  kerasAct,
  kerasOps,
  kerasLayer,
  tfKerasLayer,
  tfFn,
  jaxAndFlax,
  mlx,
  api,
} from '../build';

const NONE: [] = [];
const kinkAt0 = () => [0];

/** ReLU: max(0, x). */
export const relu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'relu',
  name: 'ReLU',
  aliases: ['rectified linear unit', 'rectifier', 'ramp'],
  family: 'rectifier',
  latex: '\\max(0, x)',
  text: 'max(0, x)',
  derivativeLatex: '\\begin{cases}1 & x > 0\\\\ 0 & x \\le 0\\end{cases}',
  derivativeText: '1 if x > 0, else 0 (f′(0) = 0)',
  params: NONE,
  properties: {
    range: '[0, ∞)',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Zero for x ≤ 0 (a unit that only sees negative inputs stops learning). PyTorch, TensorFlow and JAX all use f′(0) = 0.',
      'x ≤ 0 では勾配が 0（負の入力しか受けないユニットは学習しなくなる）。PyTorch・TensorFlow・JAX はいずれも f′(0) = 0 とする。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('ReLU', [INPLACE]),
    torchF('relu', [INPLACE]),
    torchFn('relu'),
    torchMethod('relu'),
    kerasAct(
      'relu',
      [arg('negative_slope', '0.0'), arg('max_value', 'None'), arg('threshold', '0.0')],
      {
        listingOnly: true,
        note: t(
          'With its default arguments; other values are the `keras_relu` entry.',
          '既定の引数の場合。それ以外の値は `keras_relu` の項目を参照。',
        ),
      },
    ),
    kerasOps('relu'),
    kerasLayer(
      'ReLU',
      [arg('max_value', 'None'), arg('negative_slope', '0.0'), arg('threshold', '0.0')],
      {
        listingOnly: true,
        note: t('With its default arguments.', '既定の引数の場合。'),
      },
    ),
    tfFn('nn.relu', [arg('name', 'None')]),
    ...jaxAndFlax('relu'),
    mlx('relu', 'function'),
    mlx('ReLU', 'module'),
  ],
  origin: {
    year: 2010,
    title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
    authors: 'V. Nair, G. E. Hinton',
  },
  summary: t(
    'Passes positive inputs unchanged and sets negative inputs to zero.',
    '正の入力はそのまま通し、負の入力を 0 にする活性化関数。',
  ),
  whenToUse: t(
    'The default for hidden layers of MLPs and CNNs: cheap, and its gradient does not vanish for x > 0.',
    'MLP や CNN の隠れ層の標準的な選択。計算が軽く、x > 0 では勾配消失が起きない。',
  ),
  pitfalls: t(
    'Dying ReLU: with a large learning rate or a bad initialisation a unit can get stuck at 0 for every input and never recover. Outputs are not zero-centred.',
    'dying ReLU（死にゆくニューロン）：学習率が大きすぎたり初期化が悪かったりすると、すべての入力で出力が 0 になり、二度と学習しなくなることがある。出力は 0 中心ではない。',
  ),
  related: ['leaky_relu', 'relu6', 'gelu', 'silu', 'keras_relu'],
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x > 0 ? 1 : 0),
  d2f: () => 0,
  kinks: kinkAt0,
};

/** ReLU6: min(max(0, x), 6). */
export const relu6: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'relu6',
  name: 'ReLU6',
  aliases: ['relu 6', 'clipped relu'],
  family: 'rectifier',
  latex: '\\min(\\max(0, x), 6)',
  text: 'min(max(0, x), 6)',
  derivativeLatex: '\\begin{cases}1 & 0 < x < 6\\\\ 0 & \\text{otherwise}\\end{cases}',
  derivativeText: '1 on (0, 6), else 0 (0 at both kinks)',
  params: NONE,
  properties: {
    range: '[0, 6]',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      'Zero for x ≤ 0 and x ≥ 6; PyTorch and JAX both give 0 at the kinks 0 and 6.',
      'x ≤ 0 と x ≥ 6 で勾配が 0。PyTorch と JAX はどちらも折れ点 0 と 6 で 0 とする。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('ReLU6', [INPLACE]),
    torchF('relu6', [INPLACE]),
    kerasAct('relu6'),
    kerasOps('relu6'),
    tfFn('nn.relu6', [arg('name', 'None')]),
    ...jaxAndFlax('relu6'),
    mlx('relu6', 'function'),
    mlx('ReLU6', 'module'),
  ],
  origin: {
    year: 2010,
    title: 'Convolutional Deep Belief Networks on CIFAR-10',
    authors: 'A. Krizhevsky',
  },
  summary: t('ReLU clipped at 6.', '上限 6 でクリップした ReLU。'),
  whenToUse: t(
    'Mobile networks (MobileNetV1/V2) and low-precision inference, where a bounded range quantises well.',
    'MobileNet V1/V2 などのモバイル向けネットワークや低精度推論。値域が有界なので量子化しやすい。',
  ),
  pitfalls: t(
    'Besides dying units for x < 0, units saturated above 6 also get no gradient.',
    'x < 0 で死にゆくニューロンが生じるのに加え、6 を超えて飽和したユニットにも勾配が流れない。',
  ),
  related: ['relu', 'hard_tanh', 'hard_sigmoid'],
  f: (x) => (x > 0 ? (x < 6 ? x : 6) : 0),
  df: (x) => (x > 0 && x < 6 ? 1 : 0),
  d2f: () => 0,
  kinks: () => [0, 6],
};

const slopeDoc = t('Slope for negative inputs.', '負の入力に対する傾き。');

/** Leaky ReLU: x for x ≥ 0, a·x otherwise. */
export const leakyRelu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'leaky_relu',
  name: 'Leaky ReLU',
  aliases: ['leakyrelu', 'lrelu'],
  family: 'rectifier',
  latex: '\\begin{cases}x & x \\ge 0\\\\ a x & x < 0\\end{cases}',
  text: 'x if x ≥ 0, else a·x',
  derivativeLatex: '\\begin{cases}1 & x > 0\\\\ a & x \\le 0\\end{cases}',
  derivativeText: '1 if x > 0, else a (a at x = 0)',
  params: [param('negativeSlope', 'a', 0.01, [0, 1, 0.01], slopeDoc, { valid: { min: 0 } })],
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'Never zero (for a > 0), so units cannot die; PyTorch takes the slope a at x = 0.',
      'a > 0 なら勾配は 0 にならず、ニューロンが死なない。PyTorch は x = 0 で傾き a を取る。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('LeakyReLU', [arg('negative_slope', '0.01', 'negativeSlope'), INPLACE]),
    torchF('leaky_relu', [arg('negative_slope', '0.01', 'negativeSlope'), INPLACE]),
    kerasAct('leaky_relu', [arg('negative_slope', '0.2', 'negativeSlope')]),
    kerasOps('leaky_relu', [arg('negative_slope', '0.2', 'negativeSlope')]),
    kerasLayer(
      'LeakyReLU',
      [
        arg('negative_slope', '0.3', 'negativeSlope'),
        arg('alpha', undefined, 'negativeSlope', { keywordOnly: true }),
      ],
      {
        note: t(
          'The layer defaults to 0.3, unlike `keras.activations.leaky_relu` (0.2). `alpha=` is the deprecated Keras 2 spelling.',
          'このレイヤーの既定値は 0.3 で、`keras.activations.leaky_relu`（0.2）とは異なる。`alpha=` は Keras 2 時代の非推奨の引数名。',
        ),
      },
    ),
    tfKerasLayer('LeakyReLU', [arg('alpha', '0.3', 'negativeSlope')]),
    tfFn('nn.leaky_relu', [arg('alpha', '0.2', 'negativeSlope'), arg('name', 'None')]),
    ...jaxAndFlax('leaky_relu', [arg('negative_slope', '0.01', 'negativeSlope')]),
    mlx('leaky_relu', 'function', [arg('negative_slope', '0.01', 'negativeSlope')]),
    mlx('LeakyReLU', 'module', [arg('negative_slope', '0.01', 'negativeSlope')]),
  ],
  origin: {
    year: 2013,
    title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    authors: 'A. L. Maas, A. Y. Hannun, A. Y. Ng',
  },
  summary: t(
    'ReLU with a small fixed slope a for negative inputs.',
    '負の入力に小さな固定の傾き a を持たせた ReLU。',
  ),
  whenToUse: t(
    'When ReLU units die; common in GAN discriminators (a = 0.2).',
    'ReLU のニューロンが死んでしまうとき。GAN の識別器でよく使われる（a = 0.2）。',
  ),
  pitfalls: t(
    'The default slope differs by framework: 0.01 (PyTorch, JAX), 0.2 (keras.activations, tf.nn), 0.3 (the Keras LeakyReLU layer).',
    '既定の傾きはフレームワークで異なる：0.01（PyTorch・JAX）、0.2（keras.activations・tf.nn）、0.3（Keras の LeakyReLU レイヤー）。',
  ),
  related: ['relu', 'prelu', 'rrelu', 'elu'],
  f: (x, p) => (x >= 0 ? x : p.negativeSlope * x),
  df: (x, p) => (x > 0 ? 1 : p.negativeSlope),
  d2f: () => 0,
  kinks: kinkAt0,
};

/** PReLU: leaky ReLU whose slope is learned. */
export const prelu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'prelu',
  name: 'PReLU',
  aliases: ['parametric relu'],
  family: 'rectifier',
  latex: '\\begin{cases}x & x \\ge 0\\\\ a x & x < 0\\end{cases},\\ a\\ \\text{learned}',
  text: 'x if x ≥ 0, else a·x (a is learned)',
  derivativeLatex: '\\begin{cases}1 & x > 0\\\\ a & x \\le 0\\end{cases}',
  derivativeText: '1 if x > 0, else a',
  params: [
    param(
      'negativeSlope',
      'a',
      0.25,
      [0, 1, 0.01],
      t(
        'Negative slope; a trainable weight, shown here at its initial value.',
        '負の領域の傾き。学習される重みで、ここでは初期値を示す。',
      ),
    ),
  ],
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'df/dx = a for x ≤ 0 (PyTorch takes a at 0); the slope itself also receives the gradient Σ x·g over x < 0.',
      'x ≤ 0 では df/dx = a（PyTorch は 0 で a）。傾き a 自身も x < 0 の入力から勾配 Σ x·g を受け取る。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('PReLU', [arg('num_parameters', '1'), arg('init', '0.25', 'negativeSlope')]),
    torchF('prelu', [arg('weight', undefined, 'negativeSlope')], {
      note: t(
        '`weight` is a tensor; its value is only known at run time.',
        '`weight` はテンソルなので、値は実行時にしか分からない。',
      ),
    }),
    kerasLayer(
      'PReLU',
      [
        arg('alpha_initializer', "'Zeros'", 'negativeSlope', {
          valueMap: { "'Zeros'": 0, "'zeros'": 0, "'Ones'": 1, "'ones'": 1 },
        }),
        arg('alpha_regularizer', 'None'),
        arg('alpha_constraint', 'None'),
        arg('shared_axes', 'None'),
      ],
      {
        note: t(
          'Keras starts the slope at zero (plain ReLU) with one slope per element of `input_shape[1:]` unless `shared_axes` is set.',
          'Keras は傾きを 0（つまり通常の ReLU）から始め、`shared_axes` を指定しない限り `input_shape[1:]` の要素ごとに別々の傾きを持つ。',
        ),
      },
    ),
    tfKerasLayer('PReLU', [
      arg('alpha_initializer', "'zeros'", 'negativeSlope', {
        valueMap: { "'Zeros'": 0, "'zeros'": 0, "'Ones'": 1, "'ones'": 1 },
      }),
      arg('alpha_regularizer', 'None'),
      arg('alpha_constraint', 'None'),
      arg('shared_axes', 'None'),
    ]),
    api('flax.linen.PReLU', 'flax', 'module', [
      arg('negative_slope_init', '0.01', 'negativeSlope'),
    ]),
    // flax/nnx/nn/activations.py: PReLU(negative_slope_init=0.01, *, negative_slope_metadata, param_dtype).
    api('flax.nnx.PReLU', 'flax', 'module', [arg('negative_slope_init', '0.01', 'negativeSlope')], {
      acceptsKwargs: true,
    }),
    mlx('PReLU', 'module', [arg('num_parameters', '1'), arg('init', '0.25', 'negativeSlope')]),
  ],
  origin: {
    year: 2015,
    title:
      'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    authors: 'K. He, X. Zhang, S. Ren, J. Sun',
    ref: 'arXiv:1502.01852',
  },
  summary: t(
    'Leaky ReLU whose negative slope is a trainable parameter.',
    '負の傾きを学習可能なパラメータにした Leaky ReLU。',
  ),
  whenToUse: t(
    'Deep CNNs where a learned slope per channel helps (the paper that introduced He initialisation).',
    'チャネルごとに傾きを学習させたい深い CNN（He の初期化を提案した論文で導入）。',
  ),
  pitfalls: t(
    'Initial slope and sharing differ: PyTorch 0.25 shared, Keras 0 per element, Flax 0.01 scalar. Weight decay on the slope pushes it towards plain ReLU.',
    '初期値と共有の仕方が異なる：PyTorch は 0.25 で共有、Keras は 0 で要素ごと、Flax は 0.01 のスカラー。傾きに weight decay をかけると通常の ReLU に近づいていく。',
  ),
  related: ['leaky_relu', 'rrelu', 'relu'],
  f: (x, p) => (x >= 0 ? x : p.negativeSlope * x),
  df: (x, p) => (x > 0 ? 1 : p.negativeSlope),
  d2f: () => 0,
  kinks: kinkAt0,
};

const checkLowerUpper = (p: { lower: number; upper: number }) =>
  p.lower <= p.upper
    ? undefined
    : t('lower must not exceed upper.', 'lower は upper 以下でなければならない。');

/** RReLU: random negative slope in training, the mean slope in evaluation. */
export const rrelu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'rrelu',
  name: 'RReLU',
  aliases: ['randomized leaky relu', 'randomised relu'],
  family: 'rectifier',
  latex: '\\begin{cases}x & x \\ge 0\\\\ \\tfrac{l+u}{2}\\, x & x < 0\\end{cases}\\ (\\text{eval})',
  text: 'x if x ≥ 0, else ((l+u)/2)·x in evaluation; a ~ U(l, u) in training',
  derivativeLatex: '\\begin{cases}1 & x > 0\\\\ \\tfrac{l+u}{2} & x \\le 0\\end{cases}',
  derivativeText: '1 if x > 0, else (l+u)/2',
  params: [
    param(
      'lower',
      'l',
      1 / 8,
      [0, 1, 0.005],
      t('Lower bound of the random slope.', 'ランダムな傾きの下限。'),
      {
        valid: { min: 0 },
      },
    ),
    param(
      'upper',
      'u',
      1 / 3,
      [0, 1, 0.005],
      t('Upper bound of the random slope.', 'ランダムな傾きの上限。'),
      {
        valid: { min: 0 },
      },
    ),
  ],
  checkParams: (p) => checkLowerUpper({ lower: p.lower, upper: p.upper }),
  properties: {
    range: '(−∞, ∞)',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'The curve is the evaluation mode; in training each negative element gets its own random slope.',
      'グラフは評価モードの曲線。学習時は負の要素ごとにランダムな傾きが使われる。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('RReLU', [arg('lower', '1/8', 'lower'), arg('upper', '1/3', 'upper'), INPLACE], {
      note: t(
        'Follows `module.training`: random slopes after `.train()`, the mean slope after `.eval()`.',
        '`module.training` に従う：`.train()` 後はランダムな傾き、`.eval()` 後は平均の傾き。',
      ),
    }),
    torchF(
      'rrelu',
      [
        arg('lower', '1/8', 'lower'),
        arg('upper', '1/3', 'upper'),
        arg('training', 'False'),
        INPLACE,
      ],
      {
        note: t(
          '`training=False` by default, so the slope is the fixed mean (1/8+1/3)/2 = 11/48 ≈ 0.229.',
          '既定は `training=False` なので、傾きは固定の平均値 (1/8+1/3)/2 = 11/48 ≈ 0.229。',
        ),
      },
    ),
    torchFn('rrelu', [
      arg('lower', '1/8', 'lower'),
      arg('upper', '1/3', 'upper'),
      arg('training', 'False'),
    ]),
  ],
  origin: {
    year: 2015,
    title: 'Empirical Evaluation of Rectified Activations in Convolutional Network',
    authors: 'B. Xu, N. Wang, T. Chen, M. Li',
    ref: 'arXiv:1505.00853',
  },
  summary: t(
    'Leaky ReLU with a random negative slope during training, as a regulariser.',
    '学習中は負の傾きをランダムにする Leaky ReLU。正則化の効果がある。',
  ),
  whenToUse: t(
    'Small datasets where the noise of a random slope reduces overfitting.',
    '小さなデータセットで、ランダムな傾きのノイズによって過学習を抑えたいとき。',
  ),
  pitfalls: t(
    'Training and evaluation compute different functions; forgetting `.eval()` makes inference random.',
    '学習時と評価時で異なる関数になる。`.eval()` を忘れると推論結果がランダムになる。',
  ),
  related: ['leaky_relu', 'prelu'],
  f: (x, p) => (x >= 0 ? x : 0.5 * (p.lower + p.upper) * x),
  df: (x, p) => (x > 0 ? 1 : 0.5 * (p.lower + p.upper)),
  d2f: () => 0,
  kinks: kinkAt0,
};

/** The entries of this file in catalog order (`catalog.ts` lists these arrays, not entries). */
export const RECTIFIER_ENTRIES: ElementwiseActivation[] = [relu, relu6, leakyRelu, prelu, rrelu];
