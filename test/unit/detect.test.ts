import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMention, type Mention } from '../../src/core/python/mentions';
import { analyzePython } from '../../src/core/python/parse';
import { analyzeCells } from '../../src/core/python/notebookCells';

/** Finds the mention at the `|` marker (removed from the source). */
function hover(src: string): Mention | undefined {
  const offset = src.indexOf('|');
  assert.ok(offset >= 0, 'test source needs a | marker');
  return findMention(analyzePython(src.slice(0, offset) + src.slice(offset + 1)), offset);
}

type Expect = Pick<Mention, 'kind' | 'qualifiedName' | 'framework'> &
  Partial<Pick<Mention, 'args' | 'value'>>;

function check(src: string, want: Expect | undefined): void {
  const got = hover(src);
  if (want === undefined) {
    assert.equal(got, undefined, `expected no mention in:\n${src}\ngot ${JSON.stringify(got)}`);
    return;
  }
  assert.ok(got, `expected a mention in:\n${src}`);
  const picked: Expect = {
    kind: got.kind,
    qualifiedName: got.qualifiedName,
    framework: got.framework,
  };
  if (want.args) picked.args = got.args;
  if (want.value !== undefined) picked.value = got.value;
  assert.deepEqual(picked, want, src);
}

const noArgs = { positional: [], keywords: {} };

const POSITIVE: Array<[string, string, Expect]> = [
  [
    'import torch.nn as nn',
    'nn.GE|LU(approximate="tanh")',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.GELU',
      framework: 'pytorch',
      args: { positional: [], keywords: { approximate: 'tanh' } },
    },
  ],
  [
    'from torch import nn',
    'nn.ReL|U(inplace=True)',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.ReLU',
      framework: 'pytorch',
      args: { positional: [], keywords: { inplace: true } },
    },
  ],
  [
    'import torch.nn.functional as F',
    'y = F.leaky_r|elu(x, 0.2)',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.functional.leaky_relu',
      framework: 'pytorch',
      args: { positional: [0.2], keywords: {} },
    },
  ],
  [
    'import torch',
    'x.sigmo|id_()',
    { kind: 'method', qualifiedName: 'torch.Tensor.sigmoid', framework: 'pytorch', args: noArgs },
  ],
  [
    'import torch.nn.functional as F',
    'y = F.rel|u(input=x)',
    { kind: 'call', qualifiedName: 'torch.nn.functional.relu', framework: 'pytorch', args: noArgs },
  ],
  [
    'import torch',
    'y = torch.nn.functional.ge|lu(x, approximate="tanh")',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.functional.gelu',
      framework: 'pytorch',
      args: { positional: [], keywords: { approximate: 'tanh' } },
    },
  ],
  [
    'import torch',
    'y = x.re|lu()',
    { kind: 'method', qualifiedName: 'torch.Tensor.relu', framework: 'pytorch', args: noArgs },
  ],
  [
    'import torch',
    'y = self.fc(x).sigmoi|d()',
    { kind: 'method', qualifiedName: 'torch.Tensor.sigmoid', framework: 'pytorch', args: noArgs },
  ],
  [
    'import torch',
    'y = logits.softm|ax(dim=-1)',
    {
      kind: 'method',
      qualifiedName: 'torch.Tensor.softmax',
      framework: 'pytorch',
      args: { positional: [], keywords: { dim: -1 } },
    },
  ],
  [
    'import torch',
    'y = torch.sigm|oid(x)',
    { kind: 'call', qualifiedName: 'torch.sigmoid', framework: 'pytorch', args: noArgs },
  ],
  [
    'import torch',
    'y = torch.tan|h(x)',
    { kind: 'call', qualifiedName: 'torch.tanh', framework: 'pytorch', args: noArgs },
  ],
  [
    'from torch.nn import GELU',
    'act = GE|LU()',
    { kind: 'call', qualifiedName: 'torch.nn.GELU', framework: 'pytorch', args: noArgs },
  ],
  [
    'import torch.nn as nn',
    'act = nn.LeakyRe|LU(\n    negative_slope=1/8,\n    inplace=False,\n)',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.LeakyReLU',
      framework: 'pytorch',
      args: { positional: [], keywords: { negative_slope: 0.125, inplace: false } },
    },
  ],
  [
    'import torch.nn as nn',
    'act = nn.EL|U(alpha=-0.5, inplace=None)',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.ELU',
      framework: 'pytorch',
      args: { positional: [], keywords: { alpha: -0.5, inplace: null } },
    },
  ],
  [
    'import torch.nn as nn',
    'act = nn.Softp|lus(1e-2, threshold=beta * 2)',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.Softplus',
      framework: 'pytorch',
      args: { positional: [0.01], keywords: { threshold: { unknown: 'beta * 2' } } },
    },
  ],
  [
    'import torch.nn as nn',
    'self.act = nn.GEL|U',
    { kind: 'reference', qualifiedName: 'torch.nn.GELU', framework: 'pytorch', args: noArgs },
  ],
  [
    'import torch.nn.modules.activation as A',
    'A.GEL|U()',
    { kind: 'call', qualifiedName: 'torch.nn.GELU', framework: 'pytorch' },
  ],
  [
    'import torch.nn as nn',
    'enc = nn.TransformerEncoderLayer(512, 8, activation="ge|lu")',
    {
      kind: 'string',
      qualifiedName: 'torch.nn.functional.gelu',
      framework: 'pytorch',
      value: 'gelu',
    },
  ],
  [
    'from jax import nn as jnn',
    'y = jnn.ge|lu(x, approximate=False)',
    {
      kind: 'call',
      qualifiedName: 'jax.nn.gelu',
      framework: 'jax',
      args: { positional: [], keywords: { approximate: false } },
    },
  ],
  [
    'import jax',
    'y = jax.nn.ge|lu(x)',
    { kind: 'call', qualifiedName: 'jax.nn.gelu', framework: 'jax', args: noArgs },
  ],
  [
    'import jax',
    'y = jax.nn.leaky_re|lu(x, 0.1)',
    {
      kind: 'call',
      qualifiedName: 'jax.nn.leaky_relu',
      framework: 'jax',
      args: { positional: [0.1], keywords: {} },
    },
  ],
  [
    'import flax.linen as nn',
    'act = nn.ge|lu',
    { kind: 'reference', qualifiedName: 'flax.linen.gelu', framework: 'flax', args: noArgs },
  ],
  [
    'from flax import linen as nn',
    'y = nn.re|lu(x)',
    { kind: 'call', qualifiedName: 'flax.linen.relu', framework: 'flax', args: noArgs },
  ],
  [
    'import flax.linen as nn',
    'h = nn.Dense(64)(x)\nh = MLP(activation=nn.sw|ish)(h)',
    { kind: 'reference', qualifiedName: 'flax.linen.swish', framework: 'flax' },
  ],
  [
    'import mlx.nn as nn',
    'y = nn.ge|lu(x)',
    { kind: 'call', qualifiedName: 'mlx.nn.gelu', framework: 'mlx', args: noArgs },
  ],
  [
    'from tensorflow import keras',
    'l = keras.layers.LeakyRe|LU()',
    {
      kind: 'call',
      qualifiedName: 'tf_keras.layers.LeakyReLU',
      framework: 'tf-keras',
      args: noArgs,
    },
  ],
  [
    'import tensorflow as tf',
    'l = tf.keras.layers.LeakyRe|LU(alpha=0.1)',
    {
      kind: 'call',
      qualifiedName: 'tf_keras.layers.LeakyReLU',
      framework: 'tf-keras',
      args: { positional: [], keywords: { alpha: 0.1 } },
    },
  ],
  [
    'import tensorflow as tf',
    'y = tf.nn.leaky_re|lu(x, alpha=0.2)',
    {
      kind: 'call',
      qualifiedName: 'tensorflow.nn.leaky_relu',
      framework: 'tensorflow',
      args: { positional: [], keywords: { alpha: 0.2 } },
    },
  ],
  [
    'import keras',
    'l = keras.layers.LeakyRe|LU()',
    { kind: 'call', qualifiedName: 'keras.layers.LeakyReLU', framework: 'keras', args: noArgs },
  ],
  [
    'import keras',
    'y = keras.activations.el|u(x, alpha=2)',
    {
      kind: 'call',
      qualifiedName: 'keras.activations.elu',
      framework: 'keras',
      args: { positional: [], keywords: { alpha: 2 } },
    },
  ],
  [
    'import keras',
    'y = keras.ops.ge|lu(x)',
    { kind: 'call', qualifiedName: 'keras.ops.gelu', framework: 'keras', args: noArgs },
  ],
  [
    'from keras.layers import LeakyReLU',
    'l = LeakyRe|LU(negative_slope=0.1)',
    {
      kind: 'call',
      qualifiedName: 'keras.layers.LeakyReLU',
      framework: 'keras',
      args: { positional: [], keywords: { negative_slope: 0.1 } },
    },
  ],
  [
    'from keras import layers',
    'd = layers.Dense(64, activation="sw|ish")',
    {
      kind: 'string',
      qualifiedName: 'keras.activations.swish',
      framework: 'keras',
      value: 'swish',
      args: noArgs,
    },
  ],
  [
    'from keras import layers',
    "d = layers.Dense(64, activation='leaky_relu'|)",
    {
      kind: 'string',
      qualifiedName: 'keras.activations.leaky_relu',
      framework: 'keras',
      value: 'leaky_relu',
    },
  ],
  [
    'from keras import layers',
    'd = layers.Dense(64, "re|lu")',
    { kind: 'string', qualifiedName: 'keras.activations.relu', framework: 'keras', value: 'relu' },
  ],
  [
    'from keras import layers',
    'a = layers.Activation("ge|lu")',
    { kind: 'string', qualifiedName: 'keras.activations.gelu', framework: 'keras', value: 'gelu' },
  ],
  [
    'from keras import layers',
    'c = layers.Conv2D(32, 3, padding="same", activation="e|lu")',
    { kind: 'string', qualifiedName: 'keras.activations.elu', framework: 'keras', value: 'elu' },
  ],
  [
    'from keras import layers',
    'r = layers.LSTM(32, recurrent_activation="hard_sig|moid")',
    {
      kind: 'string',
      qualifiedName: 'keras.activations.hard_sigmoid',
      framework: 'keras',
      value: 'hard_sigmoid',
    },
  ],
  [
    'from keras import layers',
    'r = layers.GRU(32, "tanh", "sig|moid")',
    {
      kind: 'string',
      qualifiedName: 'keras.activations.sigmoid',
      framework: 'keras',
      value: 'sigmoid',
    },
  ],
  [
    'import keras',
    'f = keras.activations.get("mi|sh")',
    { kind: 'string', qualifiedName: 'keras.activations.mish', framework: 'keras', value: 'mish' },
  ],
  [
    'import tensorflow as tf',
    'd = tf.keras.layers.Dense(3, activation="leaky_re|lu")',
    {
      kind: 'string',
      qualifiedName: 'tf_keras.activations.leaky_relu',
      framework: 'tf-keras',
      value: 'leaky_relu',
    },
  ],
  [
    'from tensorflow.keras import layers',
    'm = Sequential([\n    layers.Dense(\n        64,\n        activation="se|lu",\n    ),\n])',
    {
      kind: 'string',
      qualifiedName: 'tf_keras.activations.selu',
      framework: 'tf-keras',
      value: 'selu',
    },
  ],
  [
    'import torch\nimport torch.nn as nn',
    'nn2 = torch.nn\nact = nn2.Mi|sh()',
    { kind: 'call', qualifiedName: 'torch.nn.Mish', framework: 'pytorch' },
  ],
  [
    'try:\n    import torch\nexcept ImportError:\n    torch = None',
    'y = torch.re|lu(x)',
    { kind: 'call', qualifiedName: 'torch.relu', framework: 'pytorch' },
  ],
  [
    'import torch.nn as nn\ndef make(nn):\n    return nn.thing',
    'act = nn.SE|LU()',
    { kind: 'call', qualifiedName: 'torch.nn.SELU', framework: 'pytorch' },
  ],
  [
    'import torch.nn.functional as F',
    'y = F.re|lu(x)\nF = 3',
    { kind: 'call', qualifiedName: 'torch.nn.functional.relu', framework: 'pytorch' },
  ],
  [
    '',
    'def f(x):\n    import torch.nn.functional as F\n    return F.si|lu(x)',
    { kind: 'call', qualifiedName: 'torch.nn.functional.silu', framework: 'pytorch' },
  ],
  [
    'import torch.nn as nn',
    'class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.act = nn.Hardta|nh(min_val=-2.0, max_val=2.0)',
    {
      kind: 'call',
      qualifiedName: 'torch.nn.Hardtanh',
      framework: 'pytorch',
      args: { positional: [], keywords: { min_val: -2, max_val: 2 } },
    },
  ],
];

for (const [imports, code, want] of POSITIVE) {
  test(`finds ${want.kind} ${want.qualifiedName} in ${code.replace(/\n/g, '⏎').slice(0, 50)}`, () => {
    check(imports ? `${imports}\n${code}` : code, want);
  });
}

const NEGATIVE: Array<[string, string]> = [
  ['comment', 'import torch.nn as nn\n# act = nn.GE|LU()'],
  ['trailing comment', 'import torch.nn as nn\nx = 1  # nn.GE|LU()'],
  ['docstring', 'import torch.nn as nn\n"""Use nn.GE|LU() here."""'],
  ['ordinary string', 'print("re|lu")'],
  ['string assigned to a name', 'from keras import layers\nname = "re|lu"'],
  ['activation keyword of a user function', 'from keras import layers\nmake(activation="re|lu")'],
  [
    'non-activation string argument of a layer',
    'from keras import layers\nc = layers.Conv2D(32, 3, padding="sa|me")',
  ],
  [
    'positional string where a layer takes none',
    'from keras import layers\nc = layers.Conv2D(32, "re|lu")',
  ],
  ['activation=None', 'from keras import layers\nd = layers.Dense(3, activation=No|ne)'],
  ['unrelated local def relu', 'def relu(x):\n    return max(x, 0)\ny = re|lu(3)'],
  [
    'local def relu shadows an import',
    'from torch.nn.functional import relu\ndef relu(x):\n    return x\ny = re|lu(3)',
  ],
  ['module-level rebinding', 'import torch.nn.functional as F\nF = MyFunctions()\ny = F.re|lu(x)'],
  ['parameter named nn', 'import torch.nn as nn\ndef build(nn):\n    return nn.GE|LU()'],
  [
    'local assignment in a function',
    'import torch.nn as nn\ndef build():\n    nn = registry\n    return nn.GE|LU()',
  ],
  ['lambda parameter', 'import torch.nn.functional as F\ng = lambda F: F.re|lu(x)'],
  [
    'for-loop variable',
    'import torch.nn.functional as F\ndef f():\n    for F in fs:\n        F.re|lu(x)',
  ],
  ['attribute of an unknown object', 'import torch\ny = helpers.ge|lu(x)'],
  ['unimported nn', 'act = nn.GE|LU()'],
  ['tensor method without torch', 'y = x.re|lu()'],
  [
    'method of an imported non-framework module',
    'import torch\nimport numpy as np\ny = np.ta|nh(x)',
  ],
  ['receiver token, not the last name', 'import torch.nn as nn\nact = n|n.GELU()'],
  ['definition site', 'import torch.nn as nn\ndef GE|LU():\n    pass'],
  ['assignment target', 'from torch.nn.functional import relu\nre|lu = 3'],
  ['keyword name', 'import torch.nn as nn\nact = nn.GELU(approx|imate="tanh")'],
  ['relative import', 'from . import nn\nact = nn.GE|LU()'],
  ['whitespace', 'import torch.nn as nn\nact = nn.GELU()  |  '],
];

for (const [what, src] of NEGATIVE) {
  test(`no mention: ${what}`, () => check(src, undefined));
}

test('the range is the hovered token, and both of its ends trigger', () => {
  const text = 'import torch.nn as nn\nact = nn.GELU(approximate="tanh")\n';
  const a = analyzePython(text);
  const from = text.indexOf('GELU');
  for (const off of [from, from + 2, from + 4]) {
    const m = findMention(a, off);
    assert.equal(m?.from, from);
    assert.equal(m?.to, from + 4);
  }
  assert.equal(findMention(a, from - 1), undefined, 'the dot before the name is not the name');
  const s = text.indexOf('"tanh"');
  assert.equal(findMention(a, s + 1), undefined, 'approximate="tanh" is not an activation name');
});

test('the string mention covers the whole literal', () => {
  const text = 'from keras import layers\nd = layers.Dense(8, activation="relu")\n';
  const from = text.indexOf('"relu"');
  const m = findMention(analyzePython(text), from + 3);
  assert.deepEqual([m?.from, m?.to], [from, from + 6]);
});

test('a later rebinding at module level shadows only after it', () => {
  const text = 'import torch.nn.functional as F\na = F.relu(x)\nF = 3\nb = F.relu(x)\n';
  const a = analyzePython(text);
  assert.equal(findMention(a, text.indexOf('relu'))?.qualifiedName, 'torch.nn.functional.relu');
  assert.equal(findMention(a, text.lastIndexOf('relu')), undefined);
});

test('the same nn.gelu is Flax in one file and unknown in another', () => {
  assert.equal(hover('import flax.linen as nn\ny = nn.ge|lu(x)')?.framework, 'flax');
  assert.equal(hover('import torch.nn as nn\ny = nn.ge|lu(x)')?.qualifiedName, 'torch.nn.gelu');
  assert.equal(hover('y = nn.ge|lu(x)'), undefined);
});

test('malformed code: an unclosed call still yields its mention, and later code still resolves', () => {
  const text =
    'import torch.nn.functional as F\nimport torch.nn as nn\ny = F.leaky_relu(x, 0.2\nz = nn.GELU(approximate="tanh")\n';
  const a = analyzePython(text);
  assert.deepEqual(findMention(a, text.indexOf('leaky'))?.args, {
    positional: [0.2],
    keywords: {},
  });
  assert.deepEqual(findMention(a, text.indexOf('GELU'))?.args, {
    positional: [],
    keywords: { approximate: 'tanh' },
  });
  assert.equal(
    hover('from keras import layers\nd = layers.Dense(64, activation="leaky_re|lu"\nx = 1')?.value,
    'leaky_relu',
  );
  assert.equal(
    hover('import torch.nn as nn\n))) ]\nact = nn.Si|LU(')?.qualifiedName,
    'torch.nn.SiLU',
  );
  assert.deepEqual(hover('import torch.nn as nn\nact = nn.GE|LU(approximate=')?.args, noArgs);
});

test('notebook cells: imports from an earlier cell carry over, magics are ignored', () => {
  const cells = [
    '%matplotlib inline\nimport torch.nn as nn\nfrom keras import layers',
    '!pip install torch\nact = nn.GELU()',
    'nn = None\nd = layers.Dense(3, activation="gelu")',
  ];
  const a = analyzeCells(cells, 1);
  assert.equal(findMention(a, cells[1].indexOf('GELU'))?.qualifiedName, 'torch.nn.GELU');
  const b = analyzeCells(cells, 2);
  assert.equal(findMention(b, cells[2].indexOf('gelu'))?.qualifiedName, 'keras.activations.gelu');
  assert.equal(
    findMention(analyzePython(cells[1]), cells[1].indexOf('GELU')),
    undefined,
    'alone, nn is unknown',
  );
  const shadow = ['import torch.nn as nn', 'nn = Net()', 'nn.GELU()'];
  assert.equal(
    findMention(analyzeCells(shadow, 2), 4),
    undefined,
    'a rebinding in a middle cell shadows',
  );
});

test('a large file is read in windows: imports at the top still resolve deep inside', () => {
  const filler = Array.from(
    { length: 3000 },
    (_, k) => `def f${k}(x):\n    return x + ${k}\n`,
  ).join('');
  const text = `import torch.nn as nn\n${filler}class M:\n    def g(self, nn):\n        return nn.GELU()\n    def h(self):\n        return nn.GELU()\n`;
  assert.ok(text.length > 50_000);
  const a = analyzePython(text);
  assert.equal(findMention(a, text.indexOf('GELU')), undefined, 'parameter nn shadows');
  assert.equal(findMention(a, text.lastIndexOf('GELU'))?.qualifiedName, 'torch.nn.GELU');
});

test('offsets out of range and odd inputs answer undefined', () => {
  const a = analyzePython('import torch.nn as nn\nnn.GELU()');
  for (const off of [-1, 1e9, NaN, 0.5]) assert.equal(findMention(a, off), undefined);
  assert.equal(findMention(analyzePython(''), 0), undefined);
});
