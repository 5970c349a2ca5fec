/**
 * Known disagreements between frameworks (checked against the frameworks' own
 * sources and docs). Gaps quoted here are measured by test/unit/catalog.test.ts.
 * A deliberate data table: its entries look alike by design, each one a documented fact.
 */
import type { Disagreement } from './types';
import { t } from './build';

const GELU_APIS = [
  'torch.nn.GELU',
  'torch.nn.functional.gelu',
  'tensorflow.nn.gelu',
  'keras.activations.gelu',
  'keras.ops.gelu',
  'tf_keras.activations.gelu',
  'jax.nn.gelu',
  'flax.linen.gelu',
  'mlx.nn.GELU',
];
const HARD_SIGMOID_APIS = [
  'torch.nn.Hardsigmoid',
  'torch.nn.functional.hardsigmoid',
  'keras.activations.hard_sigmoid',
  'keras.ops.hard_sigmoid',
  'jax.nn.hard_sigmoid',
  'flax.linen.hard_sigmoid',
  'tf_keras.activations.hard_sigmoid',
  'tf_keras.backend.hard_sigmoid',
];
const LEAKY_APIS = [
  'torch.nn.LeakyReLU',
  'torch.nn.functional.leaky_relu',
  'jax.nn.leaky_relu',
  'flax.linen.leaky_relu',
  'tensorflow.nn.leaky_relu',
  'keras.activations.leaky_relu',
  'keras.ops.leaky_relu',
  'keras.layers.LeakyReLU',
  'tf_keras.layers.LeakyReLU',
];

/** Every known disagreement; `disagreementsFor` filters them. */
export const DISAGREEMENTS: Disagreement[] = [
  {
    ids: ['gelu', 'gelu_tanh'],
    apis: GELU_APIS,
    text: t(
      "GELU default: exact in PyTorch (approximate='none'), tf.nn.gelu and keras.activations.gelu (approximate=False); the tanh approximation in jax.nn.gelu, Flax and keras.ops.gelu (approximate=True). So keras.activations.gelu and keras.ops.gelu disagree within Keras 3. The largest gap is 4.73e-4, at x ≈ ±2.70 (measured).",
      "GELU の既定：PyTorch（approximate='none'）・tf.nn.gelu・keras.activations.gelu（approximate=False）は厳密。jax.nn.gelu・Flax・keras.ops.gelu（approximate=True）は tanh 近似。つまり Keras 3 の中でも keras.activations.gelu と keras.ops.gelu は異なる。最大の差は x ≈ ±2.70 での 4.73e-4（実測）。",
    ),
  },
  {
    ids: ['gelu', 'gelu_tanh'],
    apis: ['keras.ops.gelu'],
    text: t(
      'The keras.ops.gelu docstring example prints exact-GELU values (−0.15865525 at x = −1) although its default is the tanh approximation (−0.15880801).',
      'keras.ops.gelu の docstring の例は厳密な GELU の値（x = −1 で −0.15865525）を示しているが、既定は tanh 近似（−0.15880801）である。',
    ),
  },
  {
    ids: ['hard_sigmoid', 'hard_sigmoid_tf2'],
    apis: HARD_SIGMOID_APIS,
    text: t(
      'Hard sigmoid: PyTorch, JAX and Keras 3 use relu6(x + 3)/6 (slope 1/6, knees ±3); tf.keras 2 and keras.backend used clip(0.2x + 0.5, 0, 1) (slope 0.2, knees ±2.5). hs(1) = 0.667 vs 0.7; the largest gap is 0.083 at x = ±2.5. Porting a tf.keras 2 model to Keras 3 silently changes it.',
      'hard sigmoid：PyTorch・JAX・Keras 3 は relu6(x + 3)/6（傾き 1/6、折れ点 ±3）、tf.keras 2 と keras.backend は clip(0.2x + 0.5, 0, 1)（傾き 0.2、折れ点 ±2.5）。hs(1) は 0.667 と 0.7 で、最大の差は x = ±2.5 での 0.083。tf.keras 2 のモデルを Keras 3 に移植すると黙って変わる。',
    ),
  },
  {
    ids: ['hard_sigmoid'],
    apis: ['keras.ops.hard_sigmoid'],
    text: t(
      'The keras.ops.hard_sigmoid docstring still describes 0.2x + 0.5 (example output 0.3, 0.5, 0.7), but all backends compute relu6(x + 3)/6.',
      'keras.ops.hard_sigmoid の docstring はまだ 0.2x + 0.5（出力例 0.3, 0.5, 0.7）を説明しているが、どのバックエンドも relu6(x + 3)/6 を計算する。',
    ),
  },
  {
    ids: ['hard_sigmoid', 'hard_sigmoid_tf2', 'leaky_relu', 'keras_relu'],
    apis: [],
    text: t(
      'tf.keras means Keras 3 from TensorFlow 2.16 on, and Keras 2 (tf-keras) before it or with TF_USE_LEGACY_KERAS=1; the same line can compute different functions.',
      'tf.keras は TensorFlow 2.16 以降では Keras 3、それより前や TF_USE_LEGACY_KERAS=1 のときは Keras 2（tf-keras）を指す。同じ行でも計算される関数が変わることがある。',
    ),
  },
  {
    ids: ['leaky_relu', 'prelu'],
    apis: LEAKY_APIS,
    text: t(
      'Leaky ReLU default slope: 0.01 in PyTorch and jax.nn; 0.2 in tf.nn.leaky_relu, keras.activations.leaky_relu and keras.ops.leaky_relu (and activation="leaky_relu"); 0.3 in the LeakyReLU layer of both tf.keras 2 (alpha) and Keras 3 (negative_slope). Dense(activation="leaky_relu") is not layers.LeakyReLU().',
      'Leaky ReLU の既定の傾き：PyTorch と jax.nn は 0.01、tf.nn.leaky_relu・keras.activations.leaky_relu・keras.ops.leaky_relu（と activation="leaky_relu"）は 0.2、tf.keras 2（alpha）と Keras 3（negative_slope）の LeakyReLU レイヤーは 0.3。Dense(activation="leaky_relu") と layers.LeakyReLU() は同じではない。',
    ),
  },
  {
    ids: ['keras_relu', 'leaky_relu'],
    apis: [
      'tf_keras.activations.relu',
      'keras.activations.relu',
      'keras.layers.LeakyReLU',
      'tf_keras.layers.LeakyReLU',
    ],
    text: t(
      'Argument names: tf.keras 2 relu(alpha=…) and LeakyReLU(alpha=…) became negative_slope=… in Keras 3 (LeakyReLU still accepts alpha with a deprecation warning).',
      '引数名：tf.keras 2 の relu(alpha=…) と LeakyReLU(alpha=…) は Keras 3 で negative_slope=… になった（LeakyReLU は非推奨の警告付きで alpha も受け付ける）。',
    ),
  },
  {
    ids: ['softshrink', 'hardshrink'],
    apis: [],
    text: t(
      'PyTorch names the shrinkage width `lambd`; Keras names it `threshold`.',
      'シュリンクの幅の引数名は PyTorch では `lambd`、Keras では `threshold`。',
    ),
  },
  {
    ids: ['softsign'],
    apis: ['jax.nn.soft_sign', 'flax.linen.soft_sign'],
    text: t(
      'PyTorch Softsign and Keras softsign are jax.nn.soft_sign (with an underscore).',
      'PyTorch の Softsign や Keras の softsign は、JAX では jax.nn.soft_sign（アンダースコア付き）。',
    ),
  },
  {
    ids: ['hard_swish'],
    apis: [],
    text: t(
      'Hard swish is Hardswish in PyTorch and hard_silu / hard_swish in Keras and JAX. At the kinks PyTorch’s gradient is −0.5 (x = −3) and 1 (x = 3), or 1.5 at x = 3 for tensors of fewer than 8 elements (torch 1.13’s scalar and vectorised kernels disagree); JAX gives 0 and 1.',
      'hard swish は PyTorch では Hardswish、Keras と JAX では hard_silu / hard_swish。折れ点での勾配は PyTorch が −0.5（x = −3）と 1（x = 3）。ただし要素数 8 未満のテンソルでは x = 3 で 1.5 になる（torch 1.13 のスカラー版とベクトル化版のカーネルが食い違う）。JAX は 0 と 1。',
    ),
  },
  {
    ids: ['prelu'],
    apis: [],
    text: t(
      'PReLU initial slope and sharing: PyTorch 0.25, one shared slope unless num_parameters=C; Keras zeros, one slope per element of input_shape[1:] unless shared_axes; Flax 0.01, a scalar.',
      'PReLU の初期の傾きと共有：PyTorch は 0.25 で、num_parameters=C としない限り 1 つを共有。Keras は 0 で、shared_axes を指定しない限り input_shape[1:] の要素ごと。Flax は 0.01 のスカラー。',
    ),
  },
  {
    ids: ['rrelu'],
    apis: ['torch.nn.functional.rrelu', 'torch.rrelu'],
    text: t(
      'nn.RReLU follows module.training, but F.rrelu defaults to training=False: a fixed slope of (1/8 + 1/3)/2 = 11/48 ≈ 0.229 unless you pass training=True.',
      'nn.RReLU は module.training に従うが、F.rrelu の既定は training=False なので、training=True を渡さない限り傾きは固定の (1/8 + 1/3)/2 = 11/48 ≈ 0.229。',
    ),
  },
  {
    ids: ['softplus', 'squareplus'],
    apis: [],
    text: t(
      'Only PyTorch’s softplus has parameters (beta=1, threshold=20, linear above βx > threshold); Keras, TF and JAX compute log(1 + eˣ). Squareplus’s b=4 exists only in JAX and Keras.',
      'パラメータを持つのは PyTorch の softplus だけ（beta=1、threshold=20、βx > threshold で線形）。Keras・TF・JAX は log(1 + eˣ) を計算する。squareplus の b=4 は JAX と Keras にしかない。',
    ),
  },
  {
    ids: ['silu', 'swish'],
    apis: ['tensorflow.nn.silu', 'tensorflow.nn.swish'],
    text: t(
      'Only tf.nn.silu / tf.nn.swish take β (beta=1.0, since TF 2.8); PyTorch, JAX and Keras compute x·σ(x).',
      'β を取るのは tf.nn.silu / tf.nn.swish だけ（beta=1.0、TF 2.8 以降）。PyTorch・JAX・Keras は x·σ(x) を計算する。',
    ),
  },
  {
    ids: ['softmax', 'log_softmax', 'softmin'],
    apis: [
      'torch.nn.Softmax',
      'torch.nn.functional.softmax',
      'torch.nn.LogSoftmax',
      'torch.nn.functional.log_softmax',
      'torch.nn.Softmin',
      'torch.nn.functional.softmin',
    ],
    text: t(
      'Softmax axis: PyTorch’s dim=None warns and picks dim 0 for 0-D, 1-D and 3-D inputs and dim 1 otherwise (torch.nn.functional._get_softmax_dim); Keras, TF and JAX use the last axis.',
      'softmax の軸：PyTorch の dim=None は警告を出し、0 次元・1 次元・3 次元の入力では dim 0、それ以外では dim 1 を選ぶ（torch.nn.functional._get_softmax_dim）。Keras・TF・JAX は最後の軸を使う。',
    ),
  },
  {
    ids: ['relu', 'relu6'],
    apis: [],
    text: t(
      'Gradient at the kinks: PyTorch, TensorFlow and JAX all use relu′(0) = 0 and relu6′(0) = relu6′(6) = 0.',
      '折れ点での勾配：PyTorch・TensorFlow・JAX はいずれも relu′(0) = 0、relu6′(0) = relu6′(6) = 0 とする。',
    ),
  },
  {
    ids: ['hard_tanh'],
    apis: [],
    text: t(
      'Hardtanh range: PyTorch lets you set min_val/max_val; JAX and Keras fix it at ±1.',
      'Hardtanh の範囲：PyTorch では min_val / max_val を指定できるが、JAX と Keras は ±1 に固定。',
    ),
  },
  {
    ids: ['elu'],
    apis: ['keras.activations.elu', 'keras.ops.elu'],
    text: t(
      'The Keras 3 elu docstring calls alpha the "slope of positive section"; alpha actually scales the negative saturation (the values agree across frameworks).',
      'Keras 3 の elu の docstring は alpha を「正の部分の傾き」と呼んでいるが、実際には負の側の飽和を決める（値はフレームワーク間で一致する）。',
    ),
  },
  {
    ids: ['keras_relu'],
    apis: [
      'keras.activations.relu',
      'keras.layers.ReLU',
      'tf_keras.activations.relu',
      'tf_keras.layers.ReLU',
    ],
    text: t(
      'Keras relu(threshold=t) returns x, not x − t, above the threshold, so it jumps from 0 to t; it is not a shifted ReLU.',
      'Keras の relu(threshold=t) はしきい値より上で x − t ではなく x を返すため、0 から t へ跳ぶ。ずらした ReLU ではない。',
    ),
  },
];
