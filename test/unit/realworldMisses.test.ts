// Issue 10, item 5: the direct-call misses and wrong hovers found on real code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';

/** The hover one character into the `nth` occurrence of `token` in `src`. */
function hoverOn(src: string, token: string, nth = 0) {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = src.indexOf(token, at + 1);
    assert.ok(at >= 0, `${token} #${nth}`);
  }
  return hoverAt(analyzePython(src), at + 1);
}

test('nn.Identity is shown only where it fills an activation slot', () => {
  const src = `import torch.nn as nn
class Block(nn.Module):
    def __init__(self, act_layer=nn.Identity, norm_layer=None, use_act=True):
        self.norm = norm_layer(8) if norm_layer else nn.Identity()
        self.drop_path = nn.Identity()
        self.act = nn.ReLU() if use_act else nn.Identity()
        self.proj = nn.Sequential(nn.Linear(8, 8), nn.Identity())
        act = nn.Identity()
        mlp = Mlp(8, activation=nn.Identity)
`;
  assert.equal(hoverOn(src, 'Identity', 0)?.id, 'linear', 'act_layer=nn.Identity');
  assert.equal(hoverOn(src, 'Identity', 1), undefined, 'norm placeholder');
  assert.equal(hoverOn(src, 'Identity', 2), undefined, 'drop-path placeholder');
  assert.equal(hoverOn(src, 'Identity', 3)?.id, 'linear', 'self.act = … else nn.Identity()');
  assert.equal(hoverOn(src, 'Identity', 4), undefined, 'inside a Sequential');
  assert.equal(hoverOn(src, 'Identity', 5)?.id, 'linear', 'act = nn.Identity()');
  assert.equal(hoverOn(src, 'Identity', 6)?.id, 'linear', 'activation=nn.Identity');
});

test('the PyTorch "without dim" note appears only when dim is absent', () => {
  const src = `import torch.nn as nn
import torch.nn.functional as F
a = F.softmax(x, dim=-1)
b = F.softmax(x, -1)
c = nn.Softmax(dim=1)
d = nn.Softmax(-1)
e = F.log_softmax(x, dim=1)
f = F.softmax(x)
g = nn.Softmin()
`;
  const note = /Without dim/;
  for (const [token, nth] of [
    ['softmax', 0],
    ['softmax', 1],
    ['Softmax', 0],
    ['Softmax', 1],
    ['log_softmax', 0],
  ] as const) {
    const h = hoverOn(src, token, nth);
    assert.ok(h, `${token} #${nth}`);
    assert.doesNotMatch(h.markdown, note, `${token} #${nth} passes dim`);
  }
  assert.match(hoverOn(src, 'softmax', 3)?.markdown ?? '', note, 'F.softmax(x)');
  assert.match(hoverOn(src, 'Softmin')?.markdown ?? '', note, 'nn.Softmin()');
});

test('names bound only by a star import resolve through it; later definitions shadow them', () => {
  const src = `from torch.nn import *
from torch.nn.functional import *
from mylib import *
a = relu(x)
b = gelu(x, approximate="tanh")
c = GELU()
d = LeakyReLU(0.2)
def softmax(z):
    return z
e = softmax(x)
f = leaky_relu(x, 0.1)
`;
  assert.equal(hoverOn(src, 'relu(x)')?.id, 'relu');
  assert.equal(hoverOn(src, 'gelu(x')?.id, 'gelu_tanh');
  assert.equal(hoverOn(src, 'GELU()')?.mention.qualifiedName, 'torch.nn.GELU');
  assert.equal(hoverOn(src, 'LeakyReLU')?.resolved.params.negativeSlope, 0.2);
  assert.equal(hoverOn(src, 'softmax(x)'), undefined, 'the def softmax shadows the star import');
  assert.equal(hoverOn(src, 'leaky_relu')?.resolved.params.negativeSlope, 0.1);
  // Without any framework star import nothing is guessed.
  assert.equal(hoverOn('from mylib import *\ny = relu(x)\n', 'relu'), undefined);
  // A use above the star import still sees it (the first one), as other module bindings do.
  assert.equal(
    hoverOn('from keras.layers import *\nm = Dense(3, activation="gelu")\n', '"gelu"')?.id,
    'gelu',
  );
});

test('flax.nnx re-exports jax.nn: nnx.gelu is the tanh form by default; nnx.PReLU has slope 0.01', () => {
  const src = `from flax import nnx
import flax.nnx.nn.activations as acts
a = nnx.gelu(x)
b = nnx.gelu(x, approximate=False)
c = nnx.leaky_relu(x, negative_slope=0.2)
d = acts.silu(x)
e = nnx.PReLU()
f = nnx.tanh(x)
g = nnx.Linear(2, 3, rngs=rngs)
`;
  const a = hoverOn(src, 'gelu');
  assert.equal(a?.id, 'gelu_tanh');
  assert.equal(a?.mention.qualifiedName, 'jax.nn.gelu');
  assert.equal(hoverOn(src, 'gelu', 1)?.id, 'gelu');
  assert.equal(hoverOn(src, 'leaky_relu')?.resolved.params.negativeSlope, 0.2);
  assert.equal(hoverOn(src, 'silu')?.id, 'silu');
  assert.equal(hoverOn(src, 'PReLU')?.resolved.params.negativeSlope, 0.01);
  assert.equal(hoverOn(src, 'tanh')?.id, 'tanh');
  assert.equal(hoverOn(src, 'Linear'), undefined);
});

test('keras.src.layers / keras.src.activations / keras.src.ops name the public Keras 3 API', () => {
  const src = `from keras.src import layers
from keras.src.layers import Dense
from keras.src.layers.activations.leaky_relu import LeakyReLU
from keras.src import activations, ops
a = layers.ReLU(max_value=6.0)
b = Dense(3, activation="swish")
c = LeakyReLU(negative_slope=0.1)
d = activations.gelu(x, approximate=True)
e = ops.nn.gelu(x)
`;
  assert.equal(hoverOn(src, 'ReLU(')?.mention.qualifiedName, 'keras.layers.ReLU');
  assert.equal(hoverOn(src, '"swish"')?.id, 'silu');
  assert.equal(hoverOn(src, 'LeakyReLU(')?.resolved.params.negativeSlope, 0.1);
  assert.equal(hoverOn(src, 'gelu(x, approximate=True)')?.id, 'gelu_tanh');
  assert.equal(
    hoverOn(src, 'gelu(x)')?.id,
    'gelu_tanh',
    'keras.ops.gelu defaults to approximate=True',
  );
});
