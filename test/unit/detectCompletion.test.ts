import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext, type CompletionContext } from '../../src/core/python/completionContext';
import { analyzePython } from '../../src/core/python/parse';
import { analyzeCells } from '../../src/core/python/notebookCells';

/** Completion context at the `|` marker (removed from the source). */
function at(src: string): { ctx: CompletionContext | undefined; offset: number; text: string } {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  return { ctx: completionContext(text, offset), offset, text };
}

test('inside activation="…" of a Keras layer: the typed prefix and the content range', () => {
  const { ctx, text } = at('from keras import layers\nd = layers.Dense(64, activation="le|aky")\n');
  const from = text.indexOf('leaky');
  assert.deepEqual(ctx, {
    kind: 'kerasString',
    framework: 'keras',
    prefix: 'le',
    replaceFrom: from,
    replaceTo: from + 5,
  });
});

test('half-typed: no closing quote and no closing paren, at the end of the file or before more code', () => {
  for (const tail of ['', '\nx = 1\n', '\n    layers.Dense(10),\n])\n']) {
    const { ctx, offset } = at(
      `from keras import layers\nm = Sequential([\n    layers.Dense(64, activation="le|${tail}`,
    );
    assert.equal(ctx?.kind, 'kerasString', JSON.stringify(tail));
    assert.equal(ctx.prefix, 'le');
    assert.equal(ctx.replaceFrom, offset - 2);
  }
});

test('empty string, single quotes, positional slots, recurrent_activation, activations.get', () => {
  const cases: Array<[string, string]> = [
    ['from keras import layers\nlayers.Dense(3, activation="|")', ''],
    ["from keras import layers\nlayers.Dense(3, activation='s|')", 's'],
    ['from keras import layers\nlayers.Activation("re|")', 're'],
    ['from keras import layers\nlayers.Dense(3, "|")', ''],
    ["from keras import layers\nlayers.LSTM(8, recurrent_activation='hard|", 'hard'],
    ['import keras\nkeras.activations.get("ge|")', 'ge'],
  ];
  for (const [src, prefix] of cases) {
    const { ctx } = at(src);
    assert.equal(ctx?.kind, 'kerasString', src);
    assert.equal(ctx.prefix, prefix, src);
    assert.equal(ctx.framework, 'keras', src);
  }
});

test('tf.keras gives framework tf-keras', () => {
  const { ctx } = at('import tensorflow as tf\ntf.keras.layers.Dense(3, activation="|")');
  assert.equal(ctx?.kind === 'kerasString' && ctx.framework, 'tf-keras');
});

test('after a module receiver: the resolved module, the prefix and the identifier range', () => {
  const cases: Array<[string, string, string]> = [
    ['import torch.nn as nn\nact = nn.|', 'torch.nn', ''],
    ['import torch.nn.functional as F\ny = F.gel|u(x)', 'torch.nn.functional', 'gel'],
    ['import jax\ny = jax.nn.|', 'jax.nn', ''],
    ['import keras\nf = keras.activations.re|', 'keras.activations', 're'],
    ['import flax.linen as nn\nf = nn.|', 'flax.linen', ''],
    ['from jax import nn as jnn\nf = jnn.s|', 'jax.nn', 's'],
    ['import tensorflow as tf\nf = tf.keras.activations.|', 'tf_keras.activations', ''],
  ];
  for (const [src, module, prefix] of cases) {
    const { ctx, offset, text } = at(src);
    assert.equal(ctx?.kind, 'member', src);
    assert.equal(ctx.module, module, src);
    assert.equal(ctx.prefix, prefix, src);
    assert.equal(ctx.replaceFrom, offset - prefix.length, src);
    let end = offset;
    while (/\w/.test(text.charAt(end))) end++;
    assert.equal(ctx.replaceTo, end, src);
  }
});

test('no completion context where none belongs', () => {
  const cases = [
    'print("le|")',
    'from keras import layers\nmake(activation="le|")',
    'from keras import layers\nlayers.Conv2D(8, 3, padding="s|")',
    'import torch.nn as nn\n# nn.|',
    'import torch.nn as nn\ns = "nn.|"',
    'x = foo.|',
    'act = nn.|',
    'import torch.nn as nn\ndef f(nn):\n    return nn.|',
    'from keras import layers\nlayers.Dense(3, activation=f"re|")',
    'import torch.nn as nn\nact = nn.GELU()|',
    'import torch.nn as nn\nenc = nn.TransformerEncoderLayer(8, 2, activation="g|")',
  ];
  for (const src of cases) assert.equal(at(src).ctx, undefined, src);
});

test('accepts an analysis, and notebook cells carry imports', () => {
  const text = 'import torch.nn as nn\nact = nn.';
  assert.equal(completionContext(analyzePython(text), text.length)?.kind, 'member');
  const cells = ['from keras import layers', 'layers.Dense(1, activation="'];
  const ctx = completionContext(analyzeCells(cells, 1), cells[1].length);
  assert.equal(ctx?.kind, 'kerasString');
});
