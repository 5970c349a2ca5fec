/**
 * Vector activations applied along the last axis of a row: softmax, log-softmax, softmin,
 * sparsemax, and the gated units GLU, SwiGLU, GEGLU and ReGLU (the row is split in halves a | b and
 * the output is a ⊗ g(b), the second half gating as in PyTorch, Keras and JAX GLU).
 *
 * A deliberate data table: every entry spells out its own ids, names, formula texts, f, f′ and
 * parameters, so entries look alike by design; a shared builder would hide the per-function
 * numerics that this file exists to state (docs/ARCHITECTURE.md, "Recipes", says what a new entry touches).
 */
import type { Params, VectorActivation } from '../types';
import { sigmoid as sig, normCdf } from '../../math/special';
import {
  t,
  arg,
  param,
  torchModule,
  torchF,
  torchFn,
  torchMethod,
  kerasAct,
  kerasOps,
  kerasLayer,
  tfKerasAct,
  tfKerasLayer,
  tfFn,
  jaxAndFlax,
  mlx,
} from '../build';

/** softmax(x)_i = e^{x_i − m} / Σ_j e^{x_j − m}, m = max x (the shift avoids overflow). */
function softmaxRow(row: ArrayLike<number>, sign: 1 | -1): number[] {
  const n = row.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) m = Math.max(m, sign * row[i]);
  const out = new Array<number>(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    out[i] = Math.exp(sign * row[i] - m);
    s += out[i];
  }
  for (let i = 0; i < n; i++) out[i] /= s;
  return out;
}

/** log_softmax(x)_i = x_i − m − log Σ_j e^{x_j − m}. */
function logSoftmaxRow(row: ArrayLike<number>): number[] {
  const n = row.length;
  let m = -Infinity;
  for (let i = 0; i < n; i++) m = Math.max(m, row[i]);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(row[i] - m);
  const lse = m + Math.log(s);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = row[i] - lse;
  return out;
}

/**
 * sparsemax(z) = argmin_p ‖p − z‖² over the simplex = max(z − τ, 0), with τ from the sorted
 * values: k = max{k : 1 + k·z_(k) > Σ_{j≤k} z_(j)}, τ = (Σ_{j≤k} z_(j) − 1)/k (Martins & Astudillo 2016).
 */
function sparsemaxRow(row: ArrayLike<number>): number[] {
  const z = Array.from(row);
  const sorted = z.slice().sort((a, b) => b - a);
  let cum = 0;
  let k = 0;
  let cumK = 0;
  for (let i = 0; i < sorted.length; i++) {
    cum += sorted[i];
    if (1 + (i + 1) * sorted[i] > cum) {
      k = i + 1;
      cumK = cum;
    }
  }
  const tau = (cumK - 1) / k;
  return z.map((v) => Math.max(v - tau, 0));
}

/** a ⊗ g(b) for a row split into halves a | b; an odd length gives [] (the frameworks raise). */
function gated(row: ArrayLike<number>, g: (b: number) => number): number[] {
  const n = row.length;
  if (n % 2 !== 0) return [];
  const h = n / 2;
  const out = new Array<number>(h);
  for (let i = 0; i < h; i++) out[i] = row[i] * g(row[h + i]);
  return out;
}

const dimArg = (def: string) => [arg('dim', def)];
const axisArg = [arg('axis', '-1')];
const vectorProps = (range: string, gradientNotes: ReturnType<typeof t>, cost: 1 | 2 | 3 = 2) => ({
  range,
  monotonic: false,
  smoothness: 'Cinf' as const,
  zeroCentred: false,
  bounded: 'both' as const,
  selfNormalising: false,
  gradientNotes,
  cost,
});
const implicitDim = t(
  'Without dim, PyTorch warns and picks dim 0 for 0-D, 1-D and 3-D inputs and dim 1 otherwise; pass dim=-1.',
  'dim を省略すると PyTorch は警告を出し、0 次元・1 次元・3 次元の入力では dim 0、それ以外では dim 1 を選ぶ。dim=-1 を渡すこと。',
);
const softmaxArgsTorchF = [arg('dim', 'None'), arg('_stacklevel', '3'), arg('dtype', 'None')];

const softmax: VectorActivation = {
  kind: 'vector',
  id: 'softmax',
  name: 'Softmax',
  aliases: ['normalized exponential'],
  family: 'normaliser',
  latex: '\\operatorname{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}',
  text: 'softmax(x)_i = e^(x_i) / Σ_j e^(x_j)',
  derivativeLatex: '\\partial s_i/\\partial x_j = s_i(\\delta_{ij} - s_j)',
  derivativeText: '∂s_i/∂x_j = s_i(δ_ij − s_j)',
  params: [],
  properties: {
    ...vectorProps(
      '(0, 1), sums to 1',
      t(
        'Jacobian s_i(δ_ij − s_j); saturates when one logit dominates.',
        'ヤコビアンは s_i(δ_ij − s_j)。1 つのロジットが支配的になると飽和する。',
      ),
    ),
    bounded: 'both',
  },
  apis: [
    torchModule('Softmax', dimArg('None'), { note: implicitDim }),
    torchF('softmax', softmaxArgsTorchF, { note: implicitDim }),
    torchFn('softmax', [arg('dim'), arg('dtype', 'None')]),
    torchMethod('softmax', [arg('dim'), arg('dtype', 'None')]),
    torchFn('special.softmax', [arg('dim'), arg('dtype', 'None')]),
    kerasAct('softmax', axisArg),
    kerasOps('softmax', axisArg),
    kerasLayer('Softmax', axisArg),
    tfKerasAct('softmax', axisArg),
    tfKerasLayer('Softmax', axisArg),
    tfFn('nn.softmax', [arg('axis', 'None'), arg('name', 'None')]),
    tfFn('math.softmax', [arg('axis', 'None'), arg('name', 'None')]),
    ...jaxAndFlax('softmax', [arg('axis', '-1'), arg('where', 'None')]),
    mlx('Softmax', 'module'),
  ],
  origin: {
    year: 1990,
    title:
      'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
    authors: 'J. S. Bridle',
  },
  summary: t(
    'Turns a vector of logits into a probability distribution.',
    'ロジットのベクトルを確率分布に変換する。',
  ),
  whenToUse: t(
    'The output of multi-class classification, and attention weights.',
    '多クラス分類の出力、および注意機構（attention）の重み。',
  ),
  pitfalls: t(
    'Do not put softmax before nn.CrossEntropyLoss (it applies log-softmax itself); in Keras use from_logits=True or leave the softmax in and from_logits=False, never both.',
    'nn.CrossEntropyLoss の前に softmax を置かないこと（損失の内部で log-softmax を適用する）。Keras では from_logits=True にするか、softmax を残して from_logits=False にするかのどちらか一方にする。',
  ),
  related: ['log_softmax', 'softmin', 'sparsemax', 'sigmoid'],
  apply: (row) => softmaxRow(row, 1),
};

const logSoftmax: VectorActivation = {
  kind: 'vector',
  id: 'log_softmax',
  name: 'LogSoftmax',
  aliases: ['logsoftmax', 'log-softmax'],
  family: 'normaliser',
  latex: 'x_i - \\log\\sum_j e^{x_j}',
  text: 'x_i − log Σ_j e^(x_j)',
  params: [],
  properties: {
    ...vectorProps(
      '(−∞, 0)',
      t('Jacobian δ_ij − softmax(x)_j.', 'ヤコビアンは δ_ij − softmax(x)_j。'),
    ),
    bounded: 'above',
  },
  apis: [
    torchModule('LogSoftmax', dimArg('None'), { note: implicitDim }),
    torchF('log_softmax', softmaxArgsTorchF, { note: implicitDim }),
    torchFn('log_softmax', [arg('dim'), arg('dtype', 'None')]),
    torchMethod('log_softmax', [arg('dim'), arg('dtype', 'None')]),
    torchFn('special.log_softmax', [arg('dim'), arg('dtype', 'None')]),
    kerasAct('log_softmax', axisArg),
    kerasOps('log_softmax', axisArg),
    tfFn('nn.log_softmax', [arg('axis', 'None'), arg('name', 'None')]),
    ...jaxAndFlax('log_softmax', [arg('axis', '-1'), arg('where', 'None')]),
    mlx('log_softmax', 'function', axisArg),
    mlx('LogSoftmax', 'module'),
  ],
  summary: t(
    'The logarithm of softmax, computed stably.',
    'softmax の対数を数値的に安定に計算したもの。',
  ),
  whenToUse: t(
    'Before nn.NLLLoss, and wherever you need log-probabilities.',
    'nn.NLLLoss の前や、対数確率が必要なところ。',
  ),
  pitfalls: t(
    'log(softmax(x)) written by hand underflows to −∞; LogSoftmax + NLLLoss equals CrossEntropyLoss on logits, so do not add another softmax.',
    'log(softmax(x)) と手で書くとアンダーフローして −∞ になる。LogSoftmax + NLLLoss はロジットに対する CrossEntropyLoss と同じなので、さらに softmax を足さないこと。',
  ),
  related: ['softmax', 'log_sigmoid'],
  apply: logSoftmaxRow,
};

const softmin: VectorActivation = {
  kind: 'vector',
  id: 'softmin',
  name: 'Softmin',
  aliases: [],
  family: 'normaliser',
  latex: '\\frac{e^{-x_i}}{\\sum_j e^{-x_j}}',
  text: 'e^(−x_i) / Σ_j e^(−x_j) = softmax(−x)',
  params: [],
  properties: vectorProps(
    '(0, 1), sums to 1',
    t(
      'softmax(−x): the smallest input gets the largest weight.',
      'softmax(−x)。最も小さい入力が最大の重みを得る。',
    ),
  ),
  apis: [
    torchModule('Softmin', dimArg('None'), { note: implicitDim }),
    torchF('softmin', softmaxArgsTorchF, { note: implicitDim }),
    mlx('softmin', 'function', axisArg),
    mlx('Softmin', 'module'),
  ],
  summary: t('Softmax of the negated input.', '入力の符号を反転した softmax。'),
  whenToUse: t('Turning distances or costs into weights.', '距離やコストを重みに変換するとき。'),
  pitfalls: t(
    'Only PyTorch (and MLX) ship it; elsewhere write softmax(−x).',
    '組み込みは PyTorch（と MLX）だけ。他では softmax(−x) と書く。',
  ),
  related: ['softmax'],
  apply: (row) => softmaxRow(row, -1),
};

const sparsemax: VectorActivation = {
  kind: 'vector',
  id: 'sparsemax',
  name: 'Sparsemax',
  aliases: [],
  family: 'normaliser',
  latex: '\\max(x_i - \\tau(x), 0)',
  text: 'max(x_i − τ(x), 0), τ chosen so the outputs sum to 1',
  params: [],
  properties: {
    ...vectorProps(
      '[0, 1], sums to 1',
      t(
        'Zero gradient for entries clipped to 0; piecewise linear.',
        '0 に切り捨てられた要素の勾配は 0。区分線形。',
      ),
      2,
    ),
    smoothness: 'C0',
  },
  apis: [kerasAct('sparsemax', axisArg), kerasOps('sparsemax', axisArg)],
  origin: {
    year: 2016,
    title: 'From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification',
    authors: 'A. F. T. Martins, R. F. Astudillo',
    ref: 'arXiv:1602.02068',
  },
  summary: t(
    'The Euclidean projection onto the probability simplex: a softmax that outputs exact zeros.',
    '確率単体へのユークリッド射影。ちょうど 0 を出力できる softmax。',
  ),
  whenToUse: t(
    'Sparse attention and multi-label outputs where most classes should get exactly 0.',
    'ほとんどのクラスがちょうど 0 になるべきスパースな attention やマルチラベル出力。',
  ),
  pitfalls: t(
    'Needs a sort per row; entries pushed to 0 get no gradient.',
    '行ごとにソートが必要。0 にされた要素には勾配が流れない。',
  ),
  related: ['softmax', 'sparse_sigmoid'],
  apply: sparsemaxRow,
};

const gatedProps = (g: string, cost: 1 | 2 | 3) => ({
  range: '(−∞, ∞)',
  monotonic: false,
  smoothness: 'Cinf' as const,
  zeroCentred: false,
  bounded: 'none' as const,
  selfNormalising: false,
  gradientNotes: t(
    `∂/∂a = ${g}(b); ∂/∂b = a·${g}′(b).`,
    `a についての偏微分は ${g}(b)、b についての偏微分は a·${g}′(b)。`,
  ),
  cost,
});
const shazeer = {
  year: 2020,
  title: 'GLU Variants Improve Transformer',
  authors: 'N. Shazeer',
  ref: 'arXiv:2002.05202',
};

const glu: VectorActivation = {
  kind: 'vector',
  id: 'glu',
  name: 'GLU',
  aliases: ['gated linear unit'],
  family: 'gated',
  latex: 'a \\otimes \\sigma(b),\\ x = [a; b]',
  text: 'a ⊗ σ(b), where x is split in halves [a; b]',
  params: [],
  properties: gatedProps('σ', 2),
  apis: [
    torchModule('GLU', [arg('dim', '-1')]),
    torchF('glu', [arg('dim', '-1')]),
    kerasAct('glu', axisArg),
    kerasOps('glu', axisArg),
    ...jaxAndFlax('glu', axisArg),
    mlx('glu', 'function', axisArg),
    mlx('GLU', 'module', axisArg),
  ],
  origin: {
    year: 2016,
    title: 'Language Modeling with Gated Convolutional Networks',
    authors: 'Y. N. Dauphin, A. Fan, M. Auli, D. Grangier',
    ref: 'arXiv:1612.08083',
  },
  summary: t(
    'Halves the row and gates the first half by the sigmoid of the second.',
    '行を半分に分け、前半を後半のシグモイドでゲートする。',
  ),
  whenToUse: t(
    'Gated convolutional language models; the ancestor of SwiGLU and GEGLU.',
    'ゲート付き畳み込み言語モデル。SwiGLU や GEGLU の元になった形。',
  ),
  pitfalls: t(
    'The output is half as long as the input; the split axis must have even length.',
    '出力の長さは入力の半分になる。分割する軸の長さは偶数でなければならない。',
  ),
  related: ['swiglu', 'geglu', 'reglu', 'sigmoid'],
  apply: (row) => gated(row, sig),
};

const swiglu: VectorActivation = {
  kind: 'vector',
  id: 'swiglu',
  name: 'SwiGLU',
  aliases: ['swish glu'],
  family: 'gated',
  latex: 'a \\otimes \\operatorname{Swish}_\\beta(b),\\ x = [a; b]',
  text: 'a ⊗ b·σ(βb), where x = [a; b]',
  params: [
    param(
      'beta',
      'β',
      1,
      [0, 5, 0.05],
      t('Swish sharpness (1 = SiLU).', 'Swish の鋭さ（1 で SiLU）。'),
      { valid: { min: 0, max: 1e6 } },
    ),
  ],
  properties: gatedProps('Swish', 2),
  apis: [],
  origin: shazeer,
  summary: t(
    'GLU with a Swish gate, used in the feed-forward blocks of LLaMA, PaLM and many LLMs.',
    'Swish をゲートに使った GLU。LLaMA や PaLM など多くの LLM のフィードフォワード層で使われる。',
  ),
  whenToUse: t(
    'Transformer FFNs: (Swish(xW) ⊗ xV)W₂, with d_ff shrunk to about 2/3 to keep the parameter count.',
    'Transformer の FFN：(Swish(xW) ⊗ xV)W₂。パラメータ数を揃えるため d_ff を約 2/3 に縮める。',
  ),
  pitfalls: t(
    'Implementations differ in which half is the gate and in how W and V are fused; here the row is split along the last axis and the second half gates, as in GLU.',
    'どちらの半分をゲートにするかや、W と V の結合の仕方は実装によって異なる。ここでは GLU と同じく最後の軸で半分に分割し、後半をゲートとして使う。',
  ),
  related: ['glu', 'silu', 'geglu'],
  apply: (row, p: Params) => gated(row, (b) => b * sig(p.beta * b)),
};

const geglu: VectorActivation = {
  kind: 'vector',
  id: 'geglu',
  name: 'GEGLU',
  aliases: ['gelu glu'],
  family: 'gated',
  latex: 'a \\otimes \\operatorname{GELU}(b),\\ x = [a; b]',
  text: 'a ⊗ GELU(b), where x = [a; b] (exact GELU)',
  params: [],
  properties: gatedProps('GELU', 3),
  apis: [],
  origin: shazeer,
  summary: t('GLU with an exact-GELU gate.', '厳密な GELU をゲートに使った GLU。'),
  whenToUse: t(
    'Transformer FFNs (T5 v1.1, Gemma use GEGLU variants).',
    'Transformer の FFN（T5 v1.1 や Gemma は GEGLU 系を使う）。',
  ),
  pitfalls: t(
    'Some models use the tanh-approximate GELU inside; check the checkpoint.',
    'モデルによっては内部で tanh 近似の GELU を使うので、学習済みの重みに合わせて確認すること。',
  ),
  related: ['glu', 'gelu', 'swiglu'],
  apply: (row) => gated(row, (b) => b * normCdf(b)),
};

const reglu: VectorActivation = {
  kind: 'vector',
  id: 'reglu',
  name: 'ReGLU',
  aliases: ['relu glu'],
  family: 'gated',
  latex: 'a \\otimes \\max(0, b),\\ x = [a; b]',
  text: 'a ⊗ max(0, b), where x = [a; b]',
  params: [],
  properties: { ...gatedProps('ReLU', 1), smoothness: 'C0' },
  apis: [],
  origin: shazeer,
  summary: t('GLU with a ReLU gate.', 'ReLU をゲートに使った GLU。'),
  whenToUse: t(
    'A cheap gated FFN; in Shazeer (2020) close to GEGLU and SwiGLU.',
    '軽いゲート付き FFN。Shazeer (2020) では GEGLU や SwiGLU に近い性能。',
  ),
  pitfalls: t('Dead gates for b < 0, as with ReLU.', 'ReLU と同様、b < 0 ではゲートが死ぬ。'),
  related: ['glu', 'relu', 'swiglu'],
  apply: (row) => gated(row, (b) => (b > 0 ? b : 0)),
};

/** Vector entries, in display order. */
export const VECTOR_ENTRIES: VectorActivation[] = [
  softmax,
  logSoftmax,
  softmin,
  sparsemax,
  glu,
  swiglu,
  geglu,
  reglu,
];
