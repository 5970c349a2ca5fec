/**
 * Rectifiers with thresholds, caps or powers: Keras `relu(negative_slope, max_value, threshold)`,
 * Threshold, Squared ReLU and StarReLU.
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { ElementwiseActivation, Params } from '../types';
import {
  t,
  arg,
  INPLACE,
  param,
  torchModule,
  torchF,
  kerasAct,
  kerasLayer,
  kerasOps,
  tfKerasAct,
  tfKerasLayer,
} from '../build';

const kerasReluArgs = (slopeName: string) => [
  arg(slopeName, '0.0', 'negativeSlope'),
  arg('max_value', 'None', 'maxValue'),
  arg('threshold', '0.0', 'threshold'),
];

/**
 * Keras `relu(x, negative_slope, max_value, threshold)` exactly as Keras 3 `ReLU.static_call` and
 * tf-keras `backend.relu` compute it: y = x·[x > t] (or relu(x) when t = 0), clipped to [0, max],
 * minus s·relu(t − x). With t ≠ 0 it jumps from 0 to t at x = t.
 */
function kerasRelu(x: number, p: Params): number {
  const s = p.negativeSlope;
  const th = p.threshold;
  const m = p.maxValue;
  if (s !== 0 && m === Infinity && th === 0) return x >= 0 ? x : s * x;
  let y = th !== 0 ? (x > th ? x : 0) : x > 0 ? x : 0;
  if (m !== Infinity) y = y < 0 ? 0 : y > m ? m : y;
  if (s !== 0) {
    const z = th - x;
    if (z > 0) y -= s * z;
  }
  return y;
}

/** df/dx of `kerasRelu` with TensorFlow's conventions (clip passes the gradient at its bounds; relu6 does not). */
function kerasReluDf(x: number, p: Params): number {
  const s = p.negativeSlope;
  const th = p.threshold;
  const m = p.maxValue;
  if (s !== 0 && m === Infinity && th === 0) return x > 0 ? 1 : s;
  let d: number;
  if (th === 0 && m === 6) {
    d = x > 0 && x < 6 ? 1 : 0;
  } else {
    d = x > th ? 1 : 0;
    if (m !== Infinity) {
      const y = th !== 0 ? (x > th ? x : 0) : x > 0 ? x : 0;
      if (y < 0 || y > m) d = 0;
    }
  }
  if (s !== 0 && th - x > 0) d += s;
  return d;
}

/** Keras relu with its three optional arguments. */
export const kerasReluEntry: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'keras_relu',
  name: 'Keras ReLU (slope, cap, threshold)',
  aliases: ['thresholded relu', 'capped relu', 'keras relu'],
  family: 'rectifier',
  latex:
    '\\begin{cases}\\operatorname{clip}(x, 0, m) & x > t\\\\ \\operatorname{clip}(0, 0, m) - s\\,(t - x) & x < t\\end{cases}',
  text: 'x > t: min(x, m); x ≤ t: −s·(t − x) (no shift by t: jumps from 0 to t at x = t)',
  derivativeText: '1 on (t, m), s below t, 0 above m',
  params: [
    param(
      'negativeSlope',
      's',
      0,
      [0, 1, 0.01],
      t('Slope below the threshold.', 'しきい値より下での傾き。'),
      {
        valid: { min: 0 },
      },
    ),
    param(
      'maxValue',
      'm',
      Infinity,
      [0, 10, 0.1],
      t('Largest output (None = no cap).', '出力の最大値（None なら上限なし）。'),
      { valid: { min: 0 }, infinityMeansNone: true },
    ),
    param(
      'threshold',
      't',
      0,
      [-3, 3, 0.1],
      t('Inputs at or below it are damped.', 'これ以下の入力は抑えられる。'),
    ),
  ],
  properties: {
    range: '[−∞ or 0, m]',
    monotonic: true,
    smoothness: 'discontinuous',
    zeroCentred: false,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'TensorFlow conventions: 1 on (t, m] (clip passes the gradient at m, relu6 does not), s for x < t. With t ≠ 0 the function jumps at t.',
      'TensorFlow の規約：(t, m] で 1（clip は m で勾配を通すが relu6 は通さない）、x < t で s。t ≠ 0 のとき t で不連続になる。',
    ),
    cost: 1,
  },
  apis: [
    kerasAct('relu', kerasReluArgs('negative_slope')),
    kerasLayer('ReLU', [
      arg('max_value', 'None', 'maxValue'),
      arg('negative_slope', '0.0', 'negativeSlope'),
      arg('threshold', '0.0', 'threshold'),
    ]),
    tfKerasAct('relu', kerasReluArgs('alpha')),
    tfKerasLayer('ReLU', [
      arg('max_value', 'None', 'maxValue'),
      arg('negative_slope', '0.0', 'negativeSlope'),
      arg('threshold', '0.0', 'threshold'),
    ]),
  ],
  summary: t(
    "Keras's relu with a negative slope, a cap and a threshold.",
    '負の傾き・上限・しきい値を指定できる Keras の relu。',
  ),
  whenToUse: t(
    'When you read Keras code that passes these arguments; with defaults it is plain ReLU.',
    'これらの引数を渡す Keras のコードを読むとき。既定の引数なら通常の ReLU と同じ。',
  ),
  pitfalls: t(
    'threshold=t returns x (not x − t) above t, so the output jumps from 0 to t. tf-keras 2 names the slope `alpha`, Keras 3 `negative_slope`.',
    'threshold=t のとき t より上では x − t ではなく x を返すため、出力は 0 から t へ跳ぶ。傾きの引数名は tf-keras 2 では `alpha`、Keras 3 では `negative_slope`。',
  ),
  related: ['relu', 'relu6', 'leaky_relu', 'threshold'],
  simplify: (p): { id: string; params: Params } | undefined => {
    if (p.threshold !== 0) return undefined;
    if (p.negativeSlope === 0 && p.maxValue === Infinity) return { id: 'relu', params: {} };
    if (p.negativeSlope === 0 && p.maxValue === 6) return { id: 'relu6', params: {} };
    if (p.maxValue === Infinity)
      return { id: 'leaky_relu', params: { negativeSlope: p.negativeSlope } };
    return undefined;
  },
  f: kerasRelu,
  df: kerasReluDf,
  d2f: () => 0,
  kinks: (p) => {
    const k = [p.threshold];
    if (p.maxValue !== Infinity) k.push(p.maxValue);
    if (p.threshold > 0 && p.negativeSlope === 0) k.push(0);
    return k;
  },
};

/** Threshold: x above the threshold, a constant value otherwise. */
export const threshold: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'threshold',
  name: 'Threshold',
  aliases: ['thresholdedrelu', 'thresholded relu', 'step'],
  family: 'rectifier',
  latex: '\\begin{cases}x & x > \\theta\\\\ v & x \\le \\theta\\end{cases}',
  text: 'x if x > θ, else v',
  derivativeLatex: '\\begin{cases}1 & x > \\theta\\\\ 0 & x \\le \\theta\\end{cases}',
  derivativeText: '1 if x > θ, else 0',
  params: [
    param(
      'threshold',
      'θ',
      1,
      [-3, 3, 0.1],
      t('Inputs at or below it are replaced.', 'これ以下の入力は置き換えられる。'),
    ),
    param('value', 'v', 0, [-3, 3, 0.1], t('Replacement value.', '置き換える値。')),
  ],
  properties: {
    range: '{v} ∪ (θ, ∞)',
    monotonic: false,
    smoothness: 'discontinuous',
    zeroCentred: false,
    bounded: 'none',
    selfNormalising: false,
    gradientNotes: t(
      'Zero at and below θ (PyTorch gives 0 at θ); the jump at θ carries no gradient.',
      'θ 以下では勾配 0（PyTorch は θ で 0）。θ での跳びに勾配は流れない。',
    ),
    cost: 1,
  },
  apis: [
    torchModule('Threshold', [
      arg('threshold', undefined, 'threshold'),
      arg('value', undefined, 'value'),
      INPLACE,
    ]),
    torchF('threshold', [
      arg('threshold', undefined, 'threshold'),
      arg('value', undefined, 'value'),
      INPLACE,
    ]),
    kerasAct('threshold', [
      arg('threshold', undefined, 'threshold'),
      arg('default_value', undefined, 'value'),
    ]),
    kerasOps('threshold', [
      arg('threshold', undefined, 'threshold'),
      arg('default_value', undefined, 'value'),
    ]),
    tfKerasLayer('ThresholdedReLU', [arg('theta', '1.0', 'threshold')], {
      fixed: { value: 0 },
      note: t(
        'Keras 2 only; Keras 3 has no ThresholdedReLU layer.',
        'Keras 2 のみ。Keras 3 には ThresholdedReLU レイヤーはない。',
      ),
    }),
  ],
  summary: t(
    'Keeps inputs above θ and replaces the rest with a constant v.',
    'θ より大きい入力はそのまま残し、それ以外を定数 v に置き換える。',
  ),
  whenToUse: t(
    'Sparse codes and hard gating; rarely a good hidden activation.',
    'スパースな表現や硬いゲート。隠れ層の活性化関数としてはあまり向かない。',
  ),
  pitfalls: t(
    'Both arguments are required in PyTorch and Keras. Unless v = θ the function jumps at θ.',
    'PyTorch でも Keras でも両方の引数が必須。v = θ でない限り θ で不連続になる。',
  ),
  related: ['relu', 'keras_relu', 'hardshrink'],
  f: (x, p) => (x > p.threshold ? x : p.value),
  df: (x, p) => (x > p.threshold ? 1 : 0),
  d2f: () => 0,
  kinks: (p) => [p.threshold],
};

/** Squared ReLU: relu(x)². */
export const squaredRelu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'squared_relu',
  name: 'Squared ReLU',
  aliases: ['relu squared', 'relu²', 'relu2'],
  family: 'rectifier',
  latex: '\\max(0, x)^2',
  text: 'max(0, x)²',
  derivativeLatex: '2\\max(0, x)',
  derivativeText: '2·max(0, x)',
  params: [],
  properties: {
    range: '[0, ∞)',
    monotonic: true,
    smoothness: 'C1',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t(
      'Zero for x ≤ 0, grows linearly for x > 0; f″ jumps from 0 to 2 at 0.',
      'x ≤ 0 で勾配 0、x > 0 で線形に増える。f″ は 0 で 0 から 2 へ跳ぶ。',
    ),
    cost: 1,
  },
  apis: [],
  origin: {
    year: 2021,
    title: 'Primer: Searching for Efficient Transformers for Language Modeling',
    authors: 'D. R. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. V. Le',
    ref: 'arXiv:2109.08668',
  },
  summary: t('The square of ReLU.', 'ReLU を 2 乗した活性化関数。'),
  whenToUse: t(
    'Transformer feed-forward layers (Primer found it better than GELU for language models).',
    'Transformer のフィードフォワード層（Primer では言語モデルで GELU より良い結果が得られた）。',
  ),
  pitfalls: t(
    'Outputs and gradients grow without bound; keep normalisation and a sensible learning rate. Units can still die for x < 0.',
    '出力も勾配も際限なく大きくなるので、正規化と適切な学習率が必要。x < 0 ではニューロンが死ぬ可能性も残る。',
  ),
  related: ['relu', 'star_relu', 'gelu'],
  f: (x) => (x > 0 ? x * x : 0),
  df: (x) => (x > 0 ? 2 * x : 0),
  d2f: (x) => (x > 0 ? 2 : 0),
  kinks: () => [0],
};

/** StarReLU: s·relu(x)² + b. */
export const starRelu: ElementwiseActivation = {
  kind: 'elementwise',
  id: 'star_relu',
  name: 'StarReLU',
  aliases: ['star relu'],
  family: 'rectifier',
  latex: 's\\,\\max(0, x)^2 + b',
  text: 's·max(0, x)² + b',
  derivativeLatex: '2 s \\max(0, x)',
  derivativeText: '2s·max(0, x)',
  params: [
    param(
      'scale',
      's',
      0.8944,
      [0, 2, 0.01],
      t('Scale s (learnable).', 'スケール s（学習可能）。'),
    ),
    param(
      'bias',
      'b',
      -0.4472,
      [-2, 2, 0.01],
      t('Bias b (learnable).', 'バイアス b（学習可能）。'),
    ),
  ],
  properties: {
    range: '[b, ∞) for s > 0',
    monotonic: true,
    smoothness: 'C1',
    zeroCentred: false,
    bounded: 'below',
    selfNormalising: false,
    gradientNotes: t('Zero for x ≤ 0, 2s·x for x > 0.', 'x ≤ 0 で 0、x > 0 で 2s·x。'),
    cost: 1,
  },
  apis: [],
  origin: {
    year: 2022,
    title: 'MetaFormer Baselines for Vision',
    authors: 'W. Yu, C. Si, P. Zhou, M. Luo, Y. Zhou, J. Feng, S. Yan, X. Wang',
    ref: 'arXiv:2210.13452',
  },
  summary: t(
    'Squared ReLU with a scale and a bias that normalise its output.',
    '出力を正規化するスケールとバイアスを付けた Squared ReLU。',
  ),
  whenToUse: t(
    'MetaFormer-style vision models; a cheaper alternative to GELU with a similar output distribution.',
    'MetaFormer 系の画像モデル。GELU と似た出力分布を持ち、より計算が軽い代替。',
  ),
  pitfalls: t(
    'Unbounded growth like Squared ReLU. The reference code initialises s = 1, b = 0 and learns both; the paper derives s ≈ 0.8944, b ≈ −0.4472 (the defaults here) for a standard normal input.',
    'Squared ReLU と同様に際限なく増加する。公式実装は s = 1、b = 0 で初期化して両方を学習する。論文は標準正規分布の入力に対して s ≈ 0.8944、b ≈ −0.4472（ここでの既定値）を導いている。',
  ),
  related: ['squared_relu', 'relu', 'gelu'],
  f: (x, p) => (x > 0 ? p.scale * x * x : 0) + p.bias,
  df: (x, p) => (x > 0 ? 2 * p.scale * x : 0),
  d2f: (x, p) => (x > 0 ? 2 * p.scale : 0),
  kinks: () => [0],
};

/** The entries of this file in catalog order (`catalog.ts` lists these arrays, not entries). */
export const THRESHOLDED_ENTRIES: ElementwiseActivation[] = [
  kerasReluEntry,
  threshold,
  squaredRelu,
  starRelu,
];
