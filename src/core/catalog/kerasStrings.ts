/**
 * The string names Keras accepts for `activation="…"`, and the API each one stands for.
 * Keras 3: `keras.activations.get` looks the name up in `ALL_OBJECTS_DICT` (function names plus the
 * aliases `swish` → silu and `hard_swish` → hard_silu). tf-keras 2: `deserialize` searches the module
 * globals, which include `leaky_relu = tf.nn.leaky_relu` (slope 0.2), `relu6`, `silu` and
 * `log_softmax` from `tf.nn`.
 */

/** Keras 3 string → the qualified API it calls. */
export const KERAS3_STRINGS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'relu',
    'leaky_relu',
    'relu6',
    'softmax',
    'celu',
    'elu',
    'selu',
    'softplus',
    'softsign',
    'squareplus',
    'soft_shrink',
    'sparse_plus',
    'silu',
    'swish',
    'gelu',
    'glu',
    'tanh',
    'tanh_shrink',
    'threshold',
    'sigmoid',
    'sparse_sigmoid',
    'exponential',
    'hard_sigmoid',
    'hard_silu',
    'hard_swish',
    'hard_tanh',
    'hard_shrink',
    'linear',
    'mish',
    'log_softmax',
    'log_sigmoid',
    'sparsemax',
  ].map((n) => [n, `keras.activations.${n}`]),
);

/** tf-keras 2 string → the qualified API it calls. */
export const TF_KERAS_STRINGS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'softmax',
      'elu',
      'selu',
      'softplus',
      'softsign',
      'swish',
      'relu',
      'gelu',
      'tanh',
      'sigmoid',
      'exponential',
      'hard_sigmoid',
      'linear',
      'mish',
    ].map((n) => [n, `tf_keras.activations.${n}`]),
  ),
  leaky_relu: 'tensorflow.nn.leaky_relu',
  log_softmax: 'tensorflow.nn.log_softmax',
  relu6: 'tensorflow.nn.relu6',
  silu: 'tensorflow.nn.silu',
};
