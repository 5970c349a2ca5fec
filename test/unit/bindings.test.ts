import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { valueOfExpression } from '../../src/core/python/boundHover';

/** Hovers the token right after the `¦` marker (which is removed from the source). */
function hov(src: string) {
  const at = src.indexOf('¦');
  assert.ok(at >= 0, 'marker');
  const text = src.slice(0, at) + src.slice(at + 1);
  return hoverAt(analyzePython(text), at + 1);
}

const TORCH =
  'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom functools import partial\n';

test('self attribute set in __init__, called in forward', () => {
  const h = hov(`${TORCH}
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.act = nn.GELU(approximate="tanh")

    def forward(self, x):
        return self.¦act(x)
`);
  assert.ok(h);
  assert.equal(h.id, 'gelu_tanh');
  assert.equal(h.via?.length, 1);
  assert.equal(h.via?.[0].line, 9);
  assert.equal(h.via?.[0].text, 'self.act = nn.GELU(approximate="tanh")');
  assert.match(h.markdown, /command:activationLab\.revealBinding\?/);
  assert.match(h.markdown, /line 9/);
});

test('local variable and module constant', () => {
  const local = hov(`${TORCH}
def f(x):
    act = nn.LeakyReLU(0.2)
    return ¦act(x)
`);
  assert.equal(local?.id, 'leaky_relu');
  assert.equal(local?.resolved.params.negativeSlope, 0.2);
  const constant = hov(`${TORCH}
ACT = nn.SiLU
def f(x):
    return ¦ACT()(x)
`);
  assert.equal(constant?.id, 'silu');
  assert.equal(constant?.via?.[0].text, 'ACT = nn.SiLU');
});

test('constructor parameter default: act_layer=nn.GELU … act_layer()', () => {
  const h = hov(`${TORCH}
class Mlp(nn.Module):
    def __init__(self, dim, act_layer=nn.GELU):
        super().__init__()
        self.act = act_layer()

    def forward(self, x):
        return self.¦act(x)
`);
  assert.equal(h?.id, 'gelu');
  assert.equal(h?.via?.length, 2);
  assert.match(h?.via?.[1].text ?? '', /act_layer=nn\.GELU/);
  assert.match(h?.markdown ?? '', /a caller may pass another value/);
});

test('a tensor bound to a name is not an activation', () => {
  assert.equal(
    hov(`${TORCH}
def f(x):
    y = F.relu(x)
    return ¦y
`),
    undefined,
  );
  assert.equal(
    hov(`${TORCH}
class B(nn.Module):
    def __init__(self):
        self.norm = nn.LayerNorm(4)
    def forward(self, x):
        return self.¦norm(x)
`),
    undefined,
  );
});

test('partial keywords are applied: tanh GELU, LeakyReLU 1e-3', () => {
  const g = hov(`${TORCH}
act = partial(nn.GELU, approximate="tanh")
m = ¦act()
`);
  assert.equal(g?.id, 'gelu_tanh');
  const l = hov(`${TORCH}
act_layer = partial(nn.LeakyReLU, negative_slope=1e-3)
m = ¦act_layer()
`);
  assert.equal(l?.id, 'leaky_relu');
  assert.equal(l?.resolved.params.negativeSlope, 1e-3);
  assert.deepEqual(l?.resolved.uncertain, undefined);
});

test('**kwargs forwarded through partial flag every parameter the call does not fix', () => {
  const h = hov(`import tensorflow as tf
from functools import partial
def make(**kwargs):
    act = partial(tf.nn.leaky_relu, **kwargs)
    return ¦act
`);
  assert.equal(h?.id, 'leaky_relu');
  assert.deepEqual(h?.resolved.uncertain, ['negativeSlope']);
});

test('a parameter default used as an argument is shown and flagged overridable', () => {
  const src = `${TORCH}
class D(nn.Module):
    def __init__(self, slope=0.2):
        super().__init__()
        self.act = nn.¦LeakyReLU(slope)
`;
  const h = hov(src);
  assert.equal(h?.id, 'leaky_relu');
  assert.equal(h?.resolved.params.negativeSlope, 0.2);
  assert.deepEqual(h?.resolved.uncertain, ['negativeSlope']);
});

test('an argument without a default is unknown: flagged, not guessed silently', () => {
  const h = hov(`${TORCH}
def block(slope):
    return nn.¦LeakyReLU(slope)
`);
  assert.equal(h?.id, 'leaky_relu');
  assert.deepEqual(h?.resolved.uncertain, ['negativeSlope']);
});

test('activation="swish" passed on to Dense(activation=activation)', () => {
  const h = hov(`import keras
from keras import layers
def head(units, activation="swish"):
    return layers.Dense(units, activation=¦activation)
`);
  assert.equal(h?.id, 'silu');
  assert.match(h?.via?.[0].text ?? '', /activation="swish"/);
});

test('branches: several bindings are listed as alternatives', () => {
  const h = hov(`${TORCH}
def make(kind):
    if kind == "relu":
        act = nn.ReLU()
    else:
        act = nn.GELU()
    return ¦act
`);
  assert.equal(h?.alternatives?.length, 2);
  assert.deepEqual(
    h?.alternatives?.map((r) => r.id),
    ['relu', 'gelu'],
  );
});

test('a later unconditional binding hides earlier ones', () => {
  const h = hov(`${TORCH}
def make(kind):
    act = nn.ReLU()
    act = nn.Tanh()
    return ¦act
`);
  assert.equal(h?.id, 'tanh');
  assert.equal(h?.alternatives, undefined);
});

test('a config attribute is unknown, said so rather than guessed', () => {
  const h = hov(`${TORCH}
class M(nn.Module):
    def __init__(self, config):
        self.act_fn = config.hidden_act
    def forward(self, x):
        return self.¦act_fn(x)
`);
  assert.ok(h?.unknown);
  assert.equal(h?.id, '');
  assert.match(h?.markdown ?? '', /not known statically/);
});

test('a or b and conditional expressions with known conditions', () => {
  const h = hov(`${TORCH}
class M(nn.Module):
    def __init__(self, act_layer=None):
        act_layer = act_layer or nn.GELU
        self.act = act_layer() if act_layer else nn.Identity()
    def forward(self, x):
        return self.¦act(x)
`);
  assert.equal(h?.id, 'gelu');
});

test('nn.RNN(nonlinearity="relu")', () => {
  const h = hov(`${TORCH}
rnn = nn.RNN(10, 20, nonlinearity=¦"relu")
`);
  assert.equal(h?.id, 'relu');
});

test('cycles and deep chains stay bounded', () => {
  const h = hov(`${TORCH}
def f():
    a = b
    b = a
    return ¦a
`);
  assert.equal(h, undefined);
  const chain = Array.from({ length: 40 }, (_, i) => `a${i + 1} = a${i}`).join('\n');
  const deep = hov(`${TORCH}
a0 = nn.ReLU
${chain}
m = ¦a40()
`);
  assert.equal(deep, undefined);
});

test('valueOfExpression reads a layer list for other analyses', () => {
  const src = `${TORCH}
act = nn.ReLU()
model = nn.Sequential(nn.Linear(2, 2), act)
`;
  const a = analyzePython(src);
  const from = src.indexOf('nn.Sequential');
  const to = src.indexOf(')\n', src.indexOf('act)')) + 1;
  const v = valueOfExpression(a, { from, to });
  assert.equal(v?.kind, 'instance');
  if (v?.kind !== 'instance') return;
  assert.equal(v.callee.qualifiedName, 'torch.nn.Sequential');
  const second = v.argRanges?.positional[1];
  assert.ok(second);
  const inner = valueOfExpression(a, second);
  assert.equal(inner?.kind, 'instance');
});
