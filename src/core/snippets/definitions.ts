/**
 * The neutral f and f′ of every element-wise catalog entry, in the expression language of
 * expr.ts. Written to be safe in every array library: both branches of a `where` are evaluated
 * (and differentiated) everywhere, so an exponential is taken of `minimum(x, 0)`, never of x,
 * and no branch divides by zero. Unit tests evaluate these against the catalog's f and df.
 *
 * A deliberate data table: one entry per catalog id, so entries look alike by design (the same
 * `where(…)` shapes over different conditions and constants). A function that computes the same
 * thing as another under a new name shares its definition (`prelu` is leaky ReLU with a learned
 * slope).
 */

/** One entry's neutral definition. Locals (`lets`) are shared by f and df, in order. */
export interface NeutralDef {
  lets?: [name: string, src: string][];
  f: string;
  df: string;
  /** Parameters that are trained (PyTorch `nn.Parameter`, Keras `add_weight`). */
  learnable?: string[];
  /** A sentence for the docstring (English; code comments are not localised). */
  note?: string;
}

const SIGMOID_LETS: [string, string][] = [['s', 'sigmoid(x)']];
const LEAKY_RELU: NeutralDef = {
  f: 'where(x >= 0, x, negativeSlope * x)',
  df: 'where(x > 0, 1, negativeSlope)',
};

/** Neutral definitions by catalog id. */
export const NEUTRAL: Record<string, NeutralDef> = {
  relu: { f: 'maximum(x, 0)', df: 'where(x > 0, 1, 0)' },
  relu6: { f: 'minimum(maximum(x, 0), 6)', df: 'where(x > 0, where(x < 6, 1, 0), 0)' },
  leaky_relu: LEAKY_RELU,
  prelu: {
    ...LEAKY_RELU,
    learnable: ['negativeSlope'],
    note: 'The negative slope is learned (one shared value).',
  },
  rrelu: {
    f: 'where(x >= 0, x, (lower + upper) / 2 * x)',
    df: 'where(x > 0, 1, (lower + upper) / 2)',
    note: 'Evaluation-mode behaviour: the slope is the mean (lower + upper) / 2; training samples it from U(lower, upper).',
  },
  keras_relu: {
    lets: [['kept', 'where(x > threshold, x, 0)']],
    f: 'where(finite(maxValue), minimum(maximum(kept, 0), maxValue), kept) - negativeSlope * maximum(threshold - x, 0)',
    df: 'where(x > threshold, where(finite(maxValue), where(x < 0, 0, where(x > maxValue, 0, 1)), 1), 0) + where(x < threshold, negativeSlope, 0)',
    note: 'Keras semantics: above the threshold x is kept (not shifted), so f jumps at a nonzero threshold.',
  },
  threshold: { f: 'where(x > threshold, x, value)', df: 'where(x > threshold, 1, 0)' },
  squared_relu: { f: 'maximum(x, 0) ** 2', df: '2 * maximum(x, 0)' },
  star_relu: {
    f: 'scale * maximum(x, 0) ** 2 + bias',
    df: '2 * scale * maximum(x, 0)',
    learnable: ['scale', 'bias'],
  },
  elu: {
    f: 'where(x > 0, x, alpha * expm1(minimum(x, 0)))',
    df: 'where(x > 0, 1, alpha * exp(minimum(x, 0)))',
  },
  selu: {
    lets: [
      ['scale', '1.0507009873554805'],
      ['alpha', '1.6732632423543772'],
    ],
    f: 'scale * where(x > 0, x, alpha * expm1(minimum(x, 0)))',
    df: 'scale * where(x > 0, 1, alpha * exp(minimum(x, 0)))',
  },
  celu: {
    f: 'where(x > 0, x, alpha * expm1(minimum(x, 0) / alpha))',
    df: 'where(x > 0, 1, exp(minimum(x, 0) / alpha))',
  },
  isrlu: {
    lets: [['r', '1 / sqrt(1 + alpha * minimum(x, 0) ** 2)']],
    f: 'where(x >= 0, x, x * r)',
    df: 'where(x >= 0, 1, r ** 3)',
  },
  isru: {
    lets: [['r', '1 / sqrt(1 + alpha * x ** 2)']],
    f: 'x * r',
    df: 'r ** 3',
  },
  exponential: { f: 'exp(x)', df: 'exp(x)' },
  linear: { f: 'x', df: '1' },
  gelu: {
    f: '0.5 * x * (1 + erf(x / sqrt(2)))',
    df: '0.5 * (1 + erf(x / sqrt(2))) + x * exp(-0.5 * x ** 2) / sqrt(2 * pi)',
  },
  gelu_tanh: {
    lets: [
      ['c', 'sqrt(2 / pi)'],
      ['t', 'tanh(c * (x + 0.044715 * x ** 3))'],
    ],
    f: '0.5 * x * (1 + t)',
    df: '0.5 * (1 + t) + 0.5 * x * (1 - t ** 2) * c * (1 + 3 * 0.044715 * x ** 2)',
  },
  gelu_sigmoid: {
    lets: [
      ['z', '1.702 * x'],
      ['s', 'sigmoid(z)'],
    ],
    f: 'x * s',
    df: 's * (1 + z * (1 - s))',
  },
  sigmoid: { lets: SIGMOID_LETS, f: 's', df: 's * (1 - s)' },
  log_sigmoid: { f: 'logSigmoid(x)', df: 'sigmoid(-x)' },
  hard_sigmoid: {
    f: 'minimum(maximum(x / 6 + 0.5, 0), 1)',
    df: 'where(x > -3, where(x < 3, 1 / 6, 0), 0)',
  },
  hard_sigmoid_tf2: {
    f: 'minimum(maximum(0.2 * x + 0.5, 0), 1)',
    df: 'where(x > -2.5, where(x < 2.5, 0.2, 0), 0)',
  },
  tanh: { lets: [['t', 'tanh(x)']], f: 't', df: '1 - t ** 2' },
  hard_tanh: {
    f: 'minimum(maximum(x, minVal), maxVal)',
    df: 'where(x > minVal, where(x < maxVal, 1, 0), 0)',
  },
  silu: { lets: SIGMOID_LETS, f: 'x * s', df: 's * (1 + x * (1 - s))' },
  swish: {
    lets: [['s', 'sigmoid(beta * x)']],
    f: 'x * s',
    df: 's * (1 + beta * x * (1 - s))',
  },
  hard_swish: {
    f: 'x * minimum(maximum(x + 3, 0), 6) / 6',
    df: 'where(x < -3, 0, where(x > 3, 1, (2 * x + 3) / 6))',
  },
  mish: {
    lets: [['t', 'tanh(softplus(x))']],
    f: 'x * t',
    df: 't + x * (1 - t ** 2) * sigmoid(x)',
  },
  softplus: {
    lets: [['z', 'beta * x']],
    f: 'where(z > threshold, x, softplus(z) / beta)',
    df: 'where(z > threshold, 1, sigmoid(z))',
    note: 'Linear above the threshold, as in PyTorch (threshold=inf means never).',
  },
  softsign: { f: 'x / (1 + abs(x))', df: '1 / (1 + abs(x)) ** 2' },
  softshrink: {
    f: 'where(x > lambda, x - lambda, where(x < -lambda, x + lambda, 0))',
    df: 'where(abs(x) > lambda, 1, 0)',
  },
  hardshrink: { f: 'where(abs(x) > lambda, x, 0)', df: 'where(abs(x) > lambda, 1, 0)' },
  tanhshrink: { lets: [['t', 'tanh(x)']], f: 'x - t', df: 't ** 2' },
  squareplus: {
    lets: [['r', 'sqrt(x ** 2 + b)']],
    f: '(x + r) / 2',
    df: '(1 + x / r) / 2',
  },
  sparse_plus: {
    f: 'where(x <= -1, 0, where(x >= 1, x, 0.25 * (x + 1) ** 2))',
    df: 'where(x <= -1, 0, where(x >= 1, 1, 0.5 * (x + 1)))',
  },
  sparse_sigmoid: {
    f: '0.5 * minimum(maximum(x + 1, 0), 2)',
    df: 'where(x > -1, where(x < 1, 0.5, 0), 0)',
  },
  snake: {
    f: 'x + sin(alpha * x) ** 2 / alpha',
    df: '1 + sin(2 * alpha * x)',
    learnable: ['alpha'],
  },
  sine: { f: 'sin(omega * x)', df: 'omega * cos(omega * x)' },
  gaussian: { lets: [['g', 'exp(-x ** 2)']], f: 'g', df: '-2 * x * g' },
  bent_identity: {
    lets: [['r', 'sqrt(x ** 2 + 1)']],
    f: '(r - 1) / 2 + x',
    df: 'x / (2 * r) + 1',
  },
  arctan: { f: 'atan(x)', df: '1 / (1 + x ** 2)' },
  clipped_gelu: {
    lets: [
      ['p', '0.5 * (1 + erf(x / sqrt(2)))'],
      ['g', 'x * p'],
    ],
    f: 'minimum(maximum(g, minVal), maxVal)',
    df: 'where(g < minVal, 0, where(g > maxVal, 0, p + x * exp(-0.5 * x ** 2) / sqrt(2 * pi)))',
  },
  hard_mish: {
    f: '0.5 * x * minimum(maximum(x + 2, 0), 2)',
    df: 'where(x < -2, 0, where(x < 0, x + 1, 1))',
  },
  laplace: {
    lets: [['z', '(x - mu) / sigma']],
    f: '0.5 * (1 + erf(z / sqrt(2)))',
    df: 'exp(-0.5 * z ** 2) / (sigma * sqrt(2 * pi))',
  },
  sinusoid: { f: 'sin(x)', df: 'cos(x)' },
};
