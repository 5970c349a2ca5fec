/**
 * Framework knowledge the detector needs before the catalog is consulted: canonical qualified
 * names, which framework a name belongs to, which callables take the input tensor first, which
 * Tensor methods are activations, and where Keras layers accept an activation string.
 */
import type { Framework } from '../catalog/types';

/** A qualified name in the catalog's spelling with the framework it belongs to. */
export interface Qualified {
  qualifiedName: string;
  framework: Framework;
}

/**
 * `keras.src.*` is Keras 3's implementation package; its public names are re-exported as
 * `keras.layers.<Class>` (from `keras.src.layers.activations.leaky_relu.LeakyReLU`,
 * `keras.src.layers.Dense`), `keras.activations.<fn>` and `keras.ops.<fn>`.
 */
function kerasSrcPublic(parts: string[]): string {
  const last = parts[parts.length - 1];
  const pkg = parts[2];
  if (parts.length >= 4 && (pkg === 'layers' || pkg === 'activations' || pkg === 'ops'))
    return `keras.${pkg}.${last}`;
  return parts.join('.');
}

/**
 * `flax.nnx` re-exports these `jax.nn` functions unchanged (flax/nnx/nn/activations.py imports
 * them from `jax.nn`, and `tanh` from `jax.numpy`), so `nnx.gelu` is `jax.nn.gelu`: the tanh form
 * by default. `nnx.PReLU` is its own class.
 */
const NNX_FROM_JAX_NN = new Set([
  'celu',
  'elu',
  'gelu',
  'glu',
  'hard_sigmoid',
  'hard_silu',
  'hard_swish',
  'hard_tanh',
  'leaky_relu',
  'log_sigmoid',
  'log_softmax',
  'relu',
  'identity',
  'relu6',
  'selu',
  'sigmoid',
  'silu',
  'soft_sign',
  'softmax',
  'softplus',
  'swish',
]);

function nnxPublic(parts: string[]): Qualified | undefined {
  const rest = parts[2] === 'nn' && parts[3] === 'activations' ? parts.slice(4) : parts.slice(2);
  if (rest.length !== 1) return undefined;
  const name = rest[0];
  if (NNX_FROM_JAX_NN.has(name)) return { qualifiedName: `jax.nn.${name}`, framework: 'jax' };
  if (name === 'tanh') return { qualifiedName: 'jax.numpy.tanh', framework: 'jax' };
  if (name === 'PReLU') return { qualifiedName: 'flax.nnx.PReLU', framework: 'flax' };
  return undefined;
}

/**
 * Canonical spelling of a fully qualified Python name, in the catalog's spelling, or undefined
 * when it is not from a framework the catalog knows. `tensorflow.keras.*` becomes `tf_keras.*`
 * with framework `tf-keras` (Keras 2 as shipped with TensorFlow 2.x; `resolveMention` falls back
 * to Keras 3 when the arguments are spelled the Keras 3 way); `torch.nn.modules.activation.GELU`
 * becomes `torch.nn.GELU`; `flax.linen.activation.gelu` becomes `flax.linen.gelu`; PyTorch's
 * in-place variants (`F.relu_`, `x.sigmoid_()`) become the function they compute (`F.relu`).
 */
export function canonicalize(q: string): Qualified | undefined {
  const parts = q.split('.');
  switch (parts[0]) {
    case 'torch': {
      let p = parts;
      if (p[1] === 'nn' && p[2] === 'modules')
        p = ['torch', 'nn', ...p.slice(p[3] === 'activation' ? 4 : 3)];
      const last = p[p.length - 1];
      if (p.length > 1 && /^[a-z]\w*[a-z0-9]_$/.test(last))
        p = [...p.slice(0, -1), last.slice(0, -1)];
      return { qualifiedName: p.join('.'), framework: 'pytorch' };
    }
    case 'tensorflow':
      if (parts[1] === 'keras')
        return { qualifiedName: ['tf_keras', ...parts.slice(2)].join('.'), framework: 'tf-keras' };
      return { qualifiedName: q, framework: 'tensorflow' };
    case 'tf_keras':
      return { qualifiedName: q, framework: 'tf-keras' };
    case 'keras':
      // `keras.api.layers` is the public API package that `keras.layers` re-exports.
      if (parts[1] === 'api')
        return { qualifiedName: ['keras', ...parts.slice(2)].join('.'), framework: 'keras' };
      if (parts[1] === 'src') return { qualifiedName: kerasSrcPublic(parts), framework: 'keras' };
      return { qualifiedName: q, framework: 'keras' };
    case 'jax':
      return { qualifiedName: q, framework: 'jax' };
    case 'flax':
      if (parts[1] === 'nnx') {
        const nnx = nnxPublic(parts);
        if (nnx) return nnx;
      }
      if (parts[1] === 'linen' && parts[2] === 'activation')
        return { qualifiedName: ['flax', 'linen', ...parts.slice(3)].join('.'), framework: 'flax' };
      return { qualifiedName: q, framework: 'flax' };
    case 'mlx':
      return { qualifiedName: q, framework: 'mlx' };
    default:
      return undefined;
  }
}

/**
 * Whether a called framework name is a function whose first positional argument is the input
 * tensor (`F.leaky_relu(x, 0.2)`, `jax.nn.gelu(x)`, `tf.nn.relu(x)`, `keras.activations.elu(x)`,
 * `flax.linen.gelu(x)`, `torch.sigmoid(x)`): its last segment starts with a lower-case letter.
 * Classes to construct (`nn.GELU`, `layers.LeakyReLU`, `flax.linen.PReLU`) start upper-case.
 */
export function takesInputFirst(qualifiedName: string): boolean {
  const last = qualifiedName.slice(qualifiedName.lastIndexOf('.') + 1);
  return /^[a-z_]/.test(last);
}

/** Keyword names frameworks give the input tensor of a functional activation. */
export const INPUT_KEYWORDS: readonly string[] = ['input', 'x', 'features', 'logits', 'inputs'];

/** PyTorch `Tensor` methods that are activations (`x.relu()`, `x.sigmoid_()`, `x.softmax(-1)`),
 * with how many positional arguments each takes (none of them a tensor). */
export const TENSOR_METHODS: ReadonlyMap<string, number> = new Map([
  ['relu', 0],
  ['relu_', 0],
  ['sigmoid', 0],
  ['sigmoid_', 0],
  ['tanh', 0],
  ['tanh_', 0],
  ['softmax', 1],
  ['log_softmax', 1],
  ['hardshrink', 1],
]);

/** Keyword arguments of Keras layers that take an activation (a name string or a callable). */
const KERAS_ACTIVATION_KEYWORDS: ReadonlySet<string> = new Set([
  'activation',
  'recurrent_activation',
]);

/** Positional slots of Keras layers that take an activation: layer name → [index, keyword]. */
const KERAS_POSITIONAL: Record<string, Array<[number, string]>> = {
  Activation: [[0, 'activation']],
  Dense: [[1, 'activation']],
  SimpleRNN: [[1, 'activation']],
  SimpleRNNCell: [[1, 'activation']],
  GRU: [
    [1, 'activation'],
    [2, 'recurrent_activation'],
  ],
  GRUCell: [
    [1, 'activation'],
    [2, 'recurrent_activation'],
  ],
  LSTM: [
    [1, 'activation'],
    [2, 'recurrent_activation'],
  ],
  LSTMCell: [
    [1, 'activation'],
    [2, 'recurrent_activation'],
  ],
};

/** Where an argument sits in a call: the keyword it is passed by, or its positional index. */
export type ArgSlot = { keyword: string } | { index: number };

/**
 * Whether the argument at `slot` of a call to canonical `callee` is an activation given by name,
 * and for which framework. Keras layers (`keras.layers.*`) take it as `activation=` or
 * `recurrent_activation=` and positionally in `Activation`, `Dense`, `SimpleRNN`, `GRU`, `LSTM`;
 * `keras.activations.get`/`deserialize` take it first. PyTorch's transformer layers take
 * `activation="relu" | "gelu"` (meaning `torch.nn.functional.relu`/`gelu`), and `nn.RNN`/`nn.RNNCell`
 * `nonlinearity="tanh" | "relu"` (keyword, or the fourth positional argument); TF1 `tf.layers.*`
 * take `activation=` as the tf-keras layers they build do.
 */
export function activationStringSlot(
  callee: Qualified,
  slot: ArgSlot,
): { framework: Framework; qualifiedPrefix: string } | undefined {
  const q = callee.qualifiedName;
  const last = q.slice(q.lastIndexOf('.') + 1);
  if (callee.framework === 'keras' || callee.framework === 'tf-keras') {
    const root = callee.framework === 'keras' ? 'keras' : 'tf_keras';
    const rest = q.slice(root.length + 1);
    const found = { framework: callee.framework, qualifiedPrefix: `${root}.activations.` };
    if (rest === 'activations.get' || rest === 'activations.deserialize') {
      return 'index' in slot && slot.index === 0 ? found : undefined;
    }
    if (!rest.startsWith('layers.')) return undefined;
    if ('keyword' in slot) return KERAS_ACTIVATION_KEYWORDS.has(slot.keyword) ? found : undefined;
    const slots = Object.hasOwn(KERAS_POSITIONAL, last) ? KERAS_POSITIONAL[last] : [];
    return slots.some(([i]) => i === slot.index) ? found : undefined;
  }
  if (callee.framework === 'tensorflow' && /^tensorflow\.(compat\.v1\.)?layers\.\w+$/.test(q)) {
    // TF1 `tf.layers.dense(inputs, units, activation=None)` builds a tf-keras layer.
    const ok =
      'keyword' in slot ? slot.keyword === 'activation' : last === 'dense' && slot.index === 2;
    return ok ? { framework: 'tf-keras', qualifiedPrefix: 'tf_keras.activations.' } : undefined;
  }
  if (callee.framework === 'pytorch' && /^torch\.nn\.(RNN|RNNCell)$/.test(q)) {
    // `nonlinearity="tanh" | "relu"`: `torch.tanh` or `torch.relu` on every step.
    const ok = 'keyword' in slot ? slot.keyword === 'nonlinearity' : slot.index === 3;
    return ok ? { framework: 'pytorch', qualifiedPrefix: 'torch.nn.functional.' } : undefined;
  }
  if (
    callee.framework === 'pytorch' &&
    /^torch\.nn\.(TransformerEncoderLayer|TransformerDecoderLayer|Transformer)$/.test(q)
  ) {
    const pos = last === 'Transformer' ? 6 : 4;
    const ok = 'keyword' in slot ? slot.keyword === 'activation' : slot.index === pos;
    return ok ? { framework: 'pytorch', qualifiedPrefix: 'torch.nn.functional.' } : undefined;
  }
  return undefined;
}
