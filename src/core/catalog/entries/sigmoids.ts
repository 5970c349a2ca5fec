/**
 * Squashing functions: sigmoid and its hard/sparse/log variants, tanh, hard tanh, softsign,
 * arctan and ISRU. Sigmoid is evaluated on the side where e^{…} cannot overflow.
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { ElementwiseActivation } from '../types';
import { sigmoid as sig, logSigmoid } from '../../math/special';
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
  tfKerasAct,
  tfFn,
  jaxAndFlax,
  jaxFn,
  mlx,
  api,
} from '../build';

const none = () => [];

const sigmoid: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'sigmoid',
  name: 'Sigmoid',
  aliases: ['logistic', 'expit', 'σ'],
  family: 'sigmoid',
  latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
  text: 'σ(x) = 1/(1 + e^(−x))',
  derivativeLatex: '\\sigma(x)\\,(1 - \\sigma(x))',
  derivativeText: 'σ(x)(1 − σ(x))',
  params: [],
  properties: {
    range: '(0, 1)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      'At most 0.25 (at x = 0) and below 0.01 for |x| > 4.6: stacked sigmoids make gradients vanish.',
      '最大でも 0.25（x = 0）で、|x| > 4.6 では 0.01 未満。シグモイドを重ねると勾配消失が起きる。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('Sigmoid'),
    torchF('sigmoid'),
    torchFn('sigmoid'),
    torchMethod('sigmoid'),
    torchFn('special.expit'),
    kerasAct('sigmoid'),
    kerasOps('sigmoid'),
    tfKerasAct('sigmoid'),
    tfFn('nn.sigmoid', [arg('name', 'None')]),
    tfFn('math.sigmoid', [arg('name', 'None')]),
    tfFn('sigmoid', [arg('name', 'None')]),
    ...jaxAndFlax('sigmoid'),
    mlx('sigmoid', 'function'),
    mlx('Sigmoid', 'module'),
  ],
  origin: {
    year: 1986,
    title: 'Learning representations by back-propagating errors',
    authors: 'D. E. Rumelhart, G. E. Hinton, R. J. Williams',
  },
  summary: t('Squashes any real number into (0, 1).', '任意の実数を (0, 1) に押し込める関数。'),
  whenToUse: t(
    'Output of binary or multi-label classification, and gates (LSTM, GLU).',
    '2 値分類やマルチラベル分類の出力層、および LSTM や GLU のゲート。',
  ),
  pitfalls: t(
    'Vanishing gradients in deep hidden layers; outputs are not zero-centred. For training, pass logits to a loss with the sigmoid built in (BCEWithLogitsLoss, from_logits=True) instead of applying sigmoid first.',
    '深い隠れ層では勾配消失が起きやすく、出力も 0 中心ではない。学習時は sigmoid を先に適用せず、ロジットをシグモイド込みの損失（BCEWithLogitsLoss、from_logits=True）に渡す方が数値的に安定する。',
  ),
  related: ['tanh', 'hard_sigmoid', 'log_sigmoid', 'softmax'],
  f: sig,
  df: (x) => sig(x) * sig(-x),
  d2f: (x) => {
    const s = sig(x);
    return s * sig(-x) * (1 - 2 * s);
  },
  kinks: none,
};

const hardSigmoid: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'hard_sigmoid',
  name: 'Hard sigmoid',
  aliases: ['hardsigmoid', 'h-sigmoid'],
  family: 'sigmoid',
  latex: '\\frac{\\operatorname{ReLU6}(x + 3)}{6}',
  text: 'relu6(x + 3)/6: 0 for x ≤ −3, 1 for x ≥ 3, x/6 + 1/2 between',
  derivativeLatex: '\\begin{cases}1/6 & -3 < x < 3\\\\ 0 & \\text{otherwise}\\end{cases}',
  derivativeText: '1/6 on (−3, 3), else 0',
  params: [],
  properties: {
    range: '[0, 1]',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      '1/6 on (−3, 3), 0 outside and at ±3 (PyTorch, JAX).',
      '(−3, 3) で 1/6、その外側と ±3 で 0（PyTorch・JAX）。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('Hardsigmoid', [INPLACE]),
    torchF('hardsigmoid', [INPLACE]),
    kerasAct('hard_sigmoid'),
    kerasOps('hard_sigmoid', [], {
      note: t(
        'Its docstring describes the old 0.2·x + 0.5 (example 0.3, 0.5, 0.7), but every backend computes relu6(x + 3)/6.',
        'docstring には旧来の 0.2·x + 0.5（例：0.3, 0.5, 0.7）が書かれているが、どのバックエンドも relu6(x + 3)/6 を計算する。',
      ),
    }),
    ...jaxAndFlax('hard_sigmoid'),
  ],
  origin: {
    year: 2019,
    title: 'Searching for MobileNetV3',
    authors: 'A. Howard et al.',
    ref: 'arXiv:1905.02244',
  },
  summary: t(
    'Piecewise-linear sigmoid with slope 1/6 and knees at ±3.',
    '傾き 1/6、折れ点 ±3 の区分線形なシグモイド。',
  ),
  whenToUse: t(
    'Cheap gates on mobile hardware (MobileNetV3 squeeze-and-excitation, hard swish).',
    'モバイル端末向けの軽いゲート（MobileNetV3 の squeeze-and-excitation や hard swish）。',
  ),
  pitfalls: t(
    'tf.keras 2 (and keras.backend) used a different hard sigmoid, clip(0.2x + 0.5, 0, 1); porting a model to Keras 3 silently changes it.',
    'tf.keras 2（および keras.backend）は別の hard sigmoid、clip(0.2x + 0.5, 0, 1) を使っていた。Keras 3 へ移植すると黙って変わる。',
  ),
  related: ['sigmoid', 'hard_sigmoid_tf2', 'hard_swish', 'sparse_sigmoid'],
  f: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5),
  df: (x) => (x > -3 && x < 3 ? 1 / 6 : 0),
  d2f: () => 0,
  kinks: () => [-3, 3],
};

const hardSigmoidTf2: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'hard_sigmoid_tf2',
  name: 'Hard sigmoid (tf.keras 2)',
  aliases: ['keras backend hard_sigmoid', 'theano hard_sigmoid'],
  family: 'sigmoid',
  latex: '\\operatorname{clip}(0.2x + 0.5,\\ 0,\\ 1)',
  text: 'clip(0.2·x + 0.5, 0, 1): 0 for x < −2.5, 1 for x > 2.5',
  derivativeLatex: '\\begin{cases}0.2 & -2.5 \\le x \\le 2.5\\\\ 0 & \\text{otherwise}\\end{cases}',
  derivativeText: '0.2 on [−2.5, 2.5], else 0',
  params: [],
  properties: {
    range: '[0, 1]',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      '0.2 on [−2.5, 2.5]; TensorFlow’s clip_by_value passes the gradient at the bounds.',
      '[−2.5, 2.5] で 0.2。TensorFlow の clip_by_value は境界でも勾配を通す。',
    ),
    cost: 1,
  },
  apis: [tfKerasAct('hard_sigmoid'), api('tf_keras.backend.hard_sigmoid', 'tf-keras', 'function')],
  summary: t(
    'The hard sigmoid of tf.keras 2 and Theano: slope 0.2, knees at ±2.5.',
    'tf.keras 2 と Theano の hard sigmoid。傾き 0.2、折れ点 ±2.5。',
  ),
  whenToUse: t(
    'Reading or porting tf.keras 2 models that use `hard_sigmoid`.',
    '`hard_sigmoid` を使う tf.keras 2 のモデルを読む・移植するとき。',
  ),
  pitfalls: t(
    'Differs from the PyTorch/JAX/Keras 3 hard sigmoid by up to 0.083 (at x = ±2.5): hs(1) = 0.7 here vs 0.667 there.',
    'PyTorch・JAX・Keras 3 の hard sigmoid とは最大 0.083（x = ±2.5）異なる。たとえば hs(1) はこちらが 0.7、あちらは 0.667。',
  ),
  related: ['hard_sigmoid', 'sigmoid'],
  f: (x) => {
    const y = 0.2 * x + 0.5;
    return y < 0 ? 0 : y > 1 ? 1 : y;
  },
  df: (x) => {
    const y = 0.2 * x + 0.5;
    return y < 0 || y > 1 ? 0 : 0.2;
  },
  d2f: () => 0,
  kinks: () => [-2.5, 2.5],
};

const logSigmoidEntry: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'log_sigmoid',
  name: 'LogSigmoid',
  aliases: ['logsigmoid', 'log σ'],
  family: 'sigmoid',
  latex: '\\log \\sigma(x) = -\\operatorname{softplus}(-x)',
  text: 'log σ(x) = −log(1 + e^(−x))',
  derivativeLatex: '\\sigma(-x)',
  derivativeText: 'σ(−x) = 1 − σ(x)',
  params: [],
  properties: {
    range: '(−∞, 0)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: false,
    bounded: 'above',
    selfNormalising: false,
    gradientNotes: t(
      'Tends to 1 for x → −∞ and to 0 for x → ∞.',
      'x → −∞ で 1、x → ∞ で 0 に近づく。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('LogSigmoid'),
    torchF('logsigmoid'),
    kerasAct('log_sigmoid'),
    kerasOps('log_sigmoid'),
    tfFn('math.log_sigmoid', [arg('name', 'None')]),
    ...jaxAndFlax('log_sigmoid'),
    mlx('log_sigmoid', 'function'),
    mlx('LogSigmoid', 'module'),
  ],
  summary: t(
    'The logarithm of the sigmoid, computed without overflow.',
    'シグモイドの対数。オーバーフローしないように計算する。',
  ),
  whenToUse: t(
    'Log-likelihoods of binary events, e.g. in losses such as the word2vec negative-sampling objective.',
    '2 値事象の対数尤度。word2vec のネガティブサンプリングの目的関数などの損失で使う。',
  ),
  pitfalls: t(
    'Writing log(sigmoid(x)) by hand gives −∞ for x ≪ 0; use this function instead.',
    'log(sigmoid(x)) と手で書くと x ≪ 0 で −∞ になる。この関数を使うこと。',
  ),
  related: ['sigmoid', 'softplus', 'log_softmax'],
  f: logSigmoid,
  df: (x) => sig(-x),
  d2f: (x) => -sig(x) * sig(-x),
  kinks: none,
};

const sparseSigmoid: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'sparse_sigmoid',
  name: 'Sparse sigmoid',
  aliases: ['sparsesigmoid'],
  family: 'sigmoid',
  latex: '\\tfrac{1}{2}\\operatorname{clip}(x + 1, 0, 2)',
  text: '½·clip(x + 1, 0, 2): 0 for x ≤ −1, 1 for x ≥ 1',
  derivativeLatex: '\\begin{cases}1/2 & -1 \\le x \\le 1\\\\ 0 & \\text{otherwise}\\end{cases}',
  derivativeText: '½ on [−1, 1], else 0',
  params: [],
  properties: {
    range: '[0, 1]',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: false,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      '½ on [−1, 1] (a clip passes the gradient at its bounds), 0 outside. It is the derivative of sparse plus.',
      '[−1, 1] で ½（clip は境界でも勾配を通す）、その外で 0。sparse plus の導関数でもある。',
    ),
    cost: 1,
  },
  apis: [kerasAct('sparse_sigmoid'), kerasOps('sparse_sigmoid'), jaxFn('sparse_sigmoid')],
  origin: {
    year: 2019,
    title: 'Learning with Fenchel-Young Losses',
    authors: 'M. Blondel, A. F. T. Martins, V. Niculae',
    ref: 'arXiv:1901.02324',
  },
  summary: t(
    'A sigmoid that reaches exactly 0 and 1 at x = ∓1.',
    'x = ∓1 でちょうど 0 と 1 に達するシグモイド。',
  ),
  whenToUse: t(
    'Sparse gating and probabilities that must be exactly 0 or 1.',
    'ちょうど 0 または 1 になる必要があるスパースなゲートや確率。',
  ),
  pitfalls: t('No gradient outside [−1, 1].', '[−1, 1] の外では勾配がない。'),
  related: ['sparse_plus', 'hard_sigmoid', 'sigmoid'],
  f: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : 0.5 * (x + 1)),
  df: (x) => (x < -1 || x > 1 ? 0 : 0.5),
  d2f: () => 0,
  kinks: () => [-1, 1],
};

const tanh: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'tanh',
  name: 'Tanh',
  aliases: ['hyperbolic tangent'],
  family: 'sigmoid',
  latex: '\\tanh x',
  text: 'tanh x',
  derivativeLatex: '1 - \\tanh^2 x',
  derivativeText: '1 − tanh²x',
  params: [],
  properties: {
    range: '(−1, 1)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: true,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      'Maximal (1) at 0, below 0.01 for |x| > 3: saturating units pass almost no gradient.',
      '0 で最大（1）、|x| > 3 で 0.01 未満。飽和したユニットはほとんど勾配を通さない。',
    ),
    cost: 2,
  },
  apis: [
    torchModule('Tanh'),
    torchF('tanh'),
    torchFn('tanh'),
    torchMethod('tanh'),
    kerasAct('tanh'),
    kerasOps('tanh'),
    tfKerasAct('tanh'),
    tfFn('nn.tanh', [arg('name', 'None')]),
    tfFn('math.tanh', [arg('name', 'None')]),
    tfFn('tanh', [arg('name', 'None')]),
    api('jax.numpy.tanh', 'jax', 'function'),
    api('flax.linen.tanh', 'flax', 'function'),
    mlx('tanh', 'function'),
    mlx('Tanh', 'module'),
  ],
  origin: {
    year: 1998,
    title: 'Efficient BackProp',
    authors: 'Y. LeCun, L. Bottou, G. B. Orr, K.-R. Müller',
  },
  summary: t('Zero-centred squashing into (−1, 1).', '入力を (−1, 1) に押し込める、0 中心の関数。'),
  whenToUse: t(
    'RNN/LSTM cell states, outputs that must lie in (−1, 1), small networks.',
    'RNN や LSTM のセル状態、(−1, 1) に収めたい出力、小さなネットワーク。',
  ),
  pitfalls: t(
    'Saturates for |x| > 3, so deep tanh networks suffer from vanishing gradients; use Xavier/Glorot initialisation.',
    '|x| > 3 で飽和するため、深い tanh ネットワークでは勾配消失が起きる。Xavier（Glorot）初期化を使うこと。',
  ),
  related: ['sigmoid', 'hard_tanh', 'softsign', 'tanhshrink'],
  f: Math.tanh,
  df: (x) => {
    const c = Math.cosh(x);
    return 1 / (c * c);
  },
  d2f: (x) => {
    const c = Math.cosh(x);
    return (-2 * Math.tanh(x)) / (c * c);
  },
  kinks: none,
};

const hardTanh: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'hard_tanh',
  name: 'Hardtanh',
  aliases: ['hard tanh', 'hardtanh', 'clip'],
  family: 'sigmoid',
  latex: '\\operatorname{clip}(x, m_{\\min}, m_{\\max})',
  text: 'min(max(x, min_val), max_val)',
  derivativeLatex:
    '\\begin{cases}1 & m_{\\min} < x < m_{\\max}\\\\ 0 & \\text{otherwise}\\end{cases}',
  derivativeText: '1 strictly inside (min_val, max_val), else 0',
  params: [
    param('minVal', 'min', -1, [-3, 0, 0.1], t('Lower clip value.', '下側のクリップ値。')),
    param('maxVal', 'max', 1, [0, 6, 0.1], t('Upper clip value.', '上側のクリップ値。')),
  ],
  checkParams: (p) =>
    p.minVal < p.maxVal
      ? undefined
      : t('minVal must be below maxVal.', 'minVal は maxVal より小さくなければならない。'),
  properties: {
    range: '[min_val, max_val]',
    monotonic: true,
    smoothness: 'C0',
    zeroCentred: true,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      '1 inside, 0 outside and at both bounds (PyTorch).',
      '内側で 1、外側と両端で 0（PyTorch）。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('Hardtanh', [
      arg('min_val', '-1.0', 'minVal'),
      arg('max_val', '1.0', 'maxVal'),
      INPLACE,
    ]),
    torchF('hardtanh', [
      arg('min_val', '-1.0', 'minVal'),
      arg('max_val', '1.0', 'maxVal'),
      INPLACE,
    ]),
    kerasAct('hard_tanh', [], { fixed: { minVal: -1, maxVal: 1 } }),
    kerasOps('hard_tanh', [], { fixed: { minVal: -1, maxVal: 1 } }),
    ...jaxAndFlax('hard_tanh', [], { fixed: { minVal: -1, maxVal: 1 } }),
    mlx('hard_tanh', 'function', [
      arg('min_val', '-1.0', 'minVal'),
      arg('max_val', '1.0', 'maxVal'),
    ]),
    mlx('HardTanh', 'module'),
  ],
  summary: t(
    'The identity clipped to [min_val, max_val] (default [−1, 1]).',
    '[min_val, max_val]（既定は [−1, 1]）にクリップした恒等関数。',
  ),
  whenToUse: t(
    'A cheap tanh substitute; bounded outputs.',
    'tanh の安価な代わり。出力を有界にしたいとき。',
  ),
  pitfalls: t(
    'Only PyTorch (and MLX) let you choose the bounds; Keras and JAX fix them at ±1. No gradient once saturated.',
    '範囲を指定できるのは PyTorch（と MLX）だけで、Keras と JAX は ±1 に固定。飽和すると勾配がなくなる。',
  ),
  related: ['tanh', 'relu6'],
  f: (x, p) => (x < p.minVal ? p.minVal : x > p.maxVal ? p.maxVal : x),
  df: (x, p) => (x > p.minVal && x < p.maxVal ? 1 : 0),
  d2f: () => 0,
  kinks: (p) => [p.minVal, p.maxVal],
};

const softsign: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'softsign',
  name: 'Softsign',
  aliases: ['soft_sign', 'soft sign'],
  family: 'sigmoid',
  latex: '\\frac{x}{1 + |x|}',
  text: 'x/(1 + |x|)',
  derivativeLatex: '\\frac{1}{(1 + |x|)^2}',
  derivativeText: '1/(1 + |x|)²',
  params: [],
  properties: {
    range: '(−1, 1)',
    monotonic: true,
    smoothness: 'C1',
    zeroCentred: true,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t(
      'Decays polynomially (like 1/x²), more slowly than tanh; f″ jumps at 0.',
      '勾配は多項式的（1/x² 程度）に減衰し、tanh より遅い。f″ は 0 で跳ぶ。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('Softsign'),
    torchF('softsign'),
    kerasAct('softsign'),
    kerasOps('softsign'),
    tfKerasAct('softsign'),
    tfFn('nn.softsign', [arg('name', 'None')]),
    tfFn('math.softsign', [arg('name', 'None')]),
    ...jaxAndFlax('soft_sign'),
    mlx('Softsign', 'module'),
  ],
  origin: {
    year: 2009,
    title: 'Quadratic Features and Deep Architectures for Chunking',
    authors: 'J. Turian, J. Bergstra, Y. Bengio',
  },
  summary: t(
    'A tanh-like curve with polynomial rather than exponential tails.',
    '裾が指数的ではなく多項式的に近づく、tanh に似た曲線。',
  ),
  whenToUse: t('Where tanh saturates too fast.', 'tanh では飽和が速すぎるとき。'),
  pitfalls: t('JAX and Flax spell it `soft_sign`.', 'JAX と Flax では `soft_sign` と綴る。'),
  related: ['tanh', 'isru', 'arctan'],
  f: (x) => x / (1 + Math.abs(x)),
  df: (x) => {
    const d = 1 + Math.abs(x);
    return 1 / (d * d);
  },
  d2f: (x) => {
    const d = 1 + Math.abs(x);
    return (-2 * Math.sign(x)) / (d * d * d);
  },
  kinks: () => [0],
};

const arctan: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'arctan',
  name: 'ArcTan',
  aliases: ['atan', 'inverse tangent'],
  family: 'sigmoid',
  latex: '\\arctan x',
  text: 'arctan x',
  derivativeLatex: '\\frac{1}{1 + x^2}',
  derivativeText: '1/(1 + x²)',
  params: [],
  properties: {
    range: '(−π/2, π/2)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: true,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t('Decays like 1/x², slower than tanh.', '1/x² のように減衰し、tanh より遅い。'),
    cost: 2,
  },
  apis: [],
  summary: t(
    'The inverse tangent as a squashing function.',
    '逆正接関数を、値を有界な範囲に押し込める関数として使うもの。',
  ),
  whenToUse: t(
    'Experiments and teaching; a tanh alternative with heavier tails.',
    '実験や教育用。裾の重い tanh の代替。',
  ),
  pitfalls: t(
    'Not built into frameworks as an activation; its range is (−π/2, π/2), not (−1, 1).',
    'フレームワークには活性化関数として組み込まれていない。値域は (−1, 1) ではなく (−π/2, π/2)。',
  ),
  related: ['tanh', 'softsign'],
  f: Math.atan,
  df: (x) => 1 / (1 + x * x),
  d2f: (x) => {
    const d = 1 + x * x;
    return (-2 * x) / (d * d);
  },
  kinks: none,
};

const isru: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'isru',
  name: 'ISRU',
  aliases: ['inverse square root unit'],
  family: 'sigmoid',
  latex: '\\frac{x}{\\sqrt{1 + \\alpha x^2}}',
  text: 'x/√(1 + αx²)',
  derivativeLatex: '(1 + \\alpha x^2)^{-3/2}',
  derivativeText: '(1 + αx²)^(−3/2)',
  params: [
    param('alpha', 'α', 1, [0.05, 5, 0.05], t('Sets the range ±1/√α.', '値域 ±1/√α を決める。'), {
      valid: { min: 0, minExclusive: true, max: 1e12 },
    }),
  ],
  properties: {
    range: '(−1/√α, 1/√α)',
    monotonic: true,
    smoothness: 'Cinf',
    zeroCentred: true,
    bounded: 'both',
    selfNormalising: false,
    gradientNotes: t('Decays like |x|⁻³.', '|x|⁻³ のように減衰する。'),
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
    'A tanh-like curve built from an inverse square root.',
    '逆平方根で作った tanh に似た曲線。',
  ),
  whenToUse: t(
    'RNN gates where tanh/sigmoid are too expensive.',
    'tanh や sigmoid の計算が重い RNN のゲート。',
  ),
  pitfalls: t(
    'Not built into the major frameworks.',
    '主要なフレームワークには組み込まれていない。',
  ),
  related: ['isrlu', 'tanh', 'softsign'],
  f: (x, p) => x / Math.sqrt(1 + p.alpha * x * x),
  df: (x, p) => {
    const r = 1 / Math.sqrt(1 + p.alpha * x * x);
    return r * r * r;
  },
  d2f: (x, p) => {
    const q = 1 + p.alpha * x * x;
    return (-3 * p.alpha * x) / (q * q * Math.sqrt(q));
  },
  kinks: none,
};

/** Entries of this file, in display order. */
export const SIGMOID_ENTRIES: ElementwiseActivation[] = [
  sigmoid,
  hardSigmoid,
  hardSigmoidTf2,
  logSigmoidEntry,
  sparseSigmoid,
  tanh,
  hardTanh,
  softsign,
  arctan,
  isru,
];
