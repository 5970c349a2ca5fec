import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMention } from '../../src/core/python/mentions';
import { analyzePython } from '../../src/core/python/parse';
import { resolveMention } from '../../src/core/python/resolveMention';

/** Detects the mention at `|` and resolves it through the catalog. */
function resolveAt(src: string): { id: string; params: Record<string, number> } | undefined {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  const m = findMention(analyzePython(text), offset);
  assert.ok(m, `no mention in:\n${src}`);
  const r = resolveMention(m);
  return r && { id: r.id, params: r.params };
}

const CASES: Array<[string, { id: string; params: Record<string, number> }]> = [
  [
    'import keras\nl = keras.layers.LeakyRe|LU()',
    { id: 'leaky_relu', params: { negativeSlope: 0.3 } },
  ],
  [
    'from keras import layers\nd = layers.Dense(8, activation="leaky_re|lu")',
    { id: 'leaky_relu', params: { negativeSlope: 0.2 } },
  ],
  ['import torch.nn as nn\na = nn.GE|LU(approximate="tanh")', { id: 'gelu_tanh', params: {} }],
  ['import torch.nn as nn\na = nn.GE|LU()', { id: 'gelu', params: {} }],
  ['import jax\ny = jax.nn.ge|lu(x)', { id: 'gelu_tanh', params: {} }],
  ['import jax\ny = jax.nn.ge|lu(x, approximate=False)', { id: 'gelu', params: {} }],
  ['import jax\ny = jax.nn.ge|lu(x, False)', { id: 'gelu', params: {} }],
  ['import flax.linen as nn\nact = nn.ge|lu', { id: 'gelu_tanh', params: {} }],
  [
    'import torch.nn.functional as F\ny = F.leaky_re|lu(x, 0.2)',
    { id: 'leaky_relu', params: { negativeSlope: 0.2 } },
  ],
  [
    'import torch.nn as nn\na = nn.LeakyRe|LU()',
    { id: 'leaky_relu', params: { negativeSlope: 0.01 } },
  ],
  [
    'import torch.nn as nn\na = nn.LeakyRe|LU(\n    negative_slope=1/8,\n)',
    { id: 'leaky_relu', params: { negativeSlope: 0.125 } },
  ],
  ['import torch\ny = x.re|lu()', { id: 'relu', params: {} }],
  ['import torch\ny = x.re|lu_()', { id: 'relu', params: {} }],
  ['import torch\ny = torch.sigm|oid(x)', { id: 'sigmoid', params: {} }],
  ['import torch.nn as nn\na = nn.EL|U(alpha=0.5)', { id: 'elu', params: { alpha: 0.5 } }],
  [
    'import tensorflow as tf\ny = tf.nn.leaky_re|lu(x)',
    { id: 'leaky_relu', params: { negativeSlope: 0.2 } },
  ],
  [
    'import tensorflow as tf\nl = tf.keras.layers.LeakyRe|LU(alpha=0.1)',
    { id: 'leaky_relu', params: { negativeSlope: 0.1 } },
  ],
  [
    'import tensorflow as tf\nl = tf.keras.layers.LeakyRe|LU(negative_slope=0.1)',
    { id: 'leaky_relu', params: { negativeSlope: 0.1 } },
  ],
  [
    'from tensorflow import keras\nl = keras.layers.LeakyRe|LU()',
    { id: 'leaky_relu', params: { negativeSlope: 0.3 } },
  ],
  [
    'from tensorflow.keras import layers\nd = layers.Dense(8, activation="hard_sig|moid")',
    { id: 'hard_sigmoid_tf2', params: {} },
  ],
  [
    'from keras import layers\nd = layers.Dense(8, activation="hard_sig|moid")',
    { id: 'hard_sigmoid', params: {} },
  ],
  [
    'import torch.nn as nn\nenc = nn.TransformerEncoderLayer(512, 8, activation="ge|lu")',
    { id: 'gelu', params: {} },
  ],
];

for (const [src, want] of CASES) {
  test(`resolves ${src.split('\n').pop()}`, () => {
    const got = resolveAt(src);
    assert.ok(got, `unresolved: ${src}`);
    assert.equal(got.id, want.id);
    for (const [k, v] of Object.entries(want.params))
      assert.ok(Math.abs(got.params[k] - v) < 1e-12, `${k}: ${got.params[k]} ≠ ${v}`);
  });
}

test('tf.keras falls back to Keras 3 for a name only Keras 3 accepts', () => {
  assert.equal(
    resolveAt('from tensorflow.keras import layers\nd = layers.Dense(8, activation="squarep|lus")')
      ?.id,
    'squareplus',
  );
  assert.equal(
    resolveAt('import tf_keras\nd = tf_keras.layers.Dense(8, activation="squarep|lus")'),
    undefined,
    'explicit tf_keras is Keras 2 only',
  );
});

test('mentions the catalog does not know resolve to undefined', () => {
  assert.equal(resolveAt('import torch.nn as nn\nl = nn.Lin|ear(3, 4)'), undefined);
  assert.equal(
    resolveAt('from keras import layers\nd = layers.Dense(8, activation="not_an_acti|vation")'),
    undefined,
  );
});
