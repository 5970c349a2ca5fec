/**
 * tf-models `official.modeling.tf_utils.get_activation(identifier, use_keras_layer=False)`.
 * Read from `official/modeling/tf_utils.py` and `official/modeling/activations/*.py`: the name is
 * lower-cased; `name_to_fn` wins (`gelu` is `tf.keras.activations.gelu(x, approximate=True)`, the
 * tanh form; `simple_swish` x·σ(x); `hard_swish` x·relu6(x + 3)/6; `hard_sigmoid`
 * relu6(x + 3)·0.16667; `identity`; `mish`; `relu6`), anything else goes to
 * `tf.keras.activations.get` (tf-keras strings). With `use_keras_layer=True` an allow-list comes
 * first, where `gelu` is `partial(tf.nn.gelu)`: the exact form, and `leaky_relu`
 * `partial(tf.nn.leaky_relu)`: slope 0.2.
 * Deliberate data tables: their rows look alike by design, each one a fact read from tf-models.
 */
import type { DispatchEntry, DispatchSource } from './types';

const TF_UTILS: DispatchSource = {
  repo: 'tensorflow/models',
  path: 'official/modeling/tf_utils.py',
  commit: '00d83f37e2de5852699ed339d0c51085ab065651',
  symbol: 'get_activation.name_to_fn',
};
const LAYER_ALLOWLIST: DispatchSource = {
  ...TF_UTILS,
  symbol: 'get_activation.keras_layer_allowlist',
};

/** `get_activation(name)`: the names tf-models defines itself (others: tf-keras strings). */
export const TF_MODELS_NAME_TO_FN: Readonly<Record<string, DispatchEntry>> = {
  gelu: { id: 'gelu_tanh', source: TF_UTILS },
  simple_swish: { id: 'silu', source: TF_UTILS },
  hard_swish: { id: 'hard_swish', source: TF_UTILS },
  relu6: { id: 'relu6', source: TF_UTILS },
  // relu6(x + 3)·0.16667 rather than /6: within 2e-5 of the catalog's hard sigmoid.
  hard_sigmoid: { id: 'hard_sigmoid', source: TF_UTILS },
  identity: { id: 'linear', source: TF_UTILS },
  mish: { id: 'mish', source: TF_UTILS },
};

/** `get_activation(name, use_keras_layer=True)`: the allow-list (others: as without it). */
export const TF_MODELS_KERAS_LAYER: Readonly<Record<string, DispatchEntry>> = {
  relu: { id: 'relu', source: LAYER_ALLOWLIST },
  linear: { id: 'linear', source: LAYER_ALLOWLIST },
  identity: { id: 'linear', source: LAYER_ALLOWLIST },
  swish: { id: 'silu', source: LAYER_ALLOWLIST },
  sigmoid: { id: 'sigmoid', source: LAYER_ALLOWLIST },
  relu6: { id: 'relu6', source: LAYER_ALLOWLIST },
  leaky_relu: {
    id: 'leaky_relu',
    params: { negativeSlope: 0.2 },
    api: 'tensorflow.nn.leaky_relu',
    source: LAYER_ALLOWLIST,
  },
  hard_swish: { id: 'hard_swish', source: LAYER_ALLOWLIST },
  hard_sigmoid: { id: 'hard_sigmoid', source: LAYER_ALLOWLIST },
  mish: { id: 'mish', source: LAYER_ALLOWLIST },
  gelu: { id: 'gelu', api: 'tensorflow.nn.gelu', source: LAYER_ALLOWLIST },
};
