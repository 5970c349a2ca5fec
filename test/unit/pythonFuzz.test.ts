import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext } from '../../src/core/python/completionContext';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { jsonHoverAt } from '../../src/core/hover/jsonHover';
import { findMention } from '../../src/core/python/mentions';
import { analyzePython } from '../../src/core/python/parse';
import { setCoreErrorHandler } from '../../src/core/errors';
import { analyzeCells } from '../../src/core/python/notebookCells';
import { rng } from './seededRng';

const CORPUS = [
  `import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\nclass Block(nn.Module):\n    def __init__(self, d):\n        super().__init__()\n        self.act = nn.GELU(approximate="tanh")\n        self.fc = nn.Linear(d, d)\n\n    def forward(self, x):\n        return F.leaky_relu(self.fc(x), 0.2) + x.relu()\n`,
  `from tensorflow import keras\nfrom keras import layers\nmodel = keras.Sequential([\n    layers.Dense(64, activation="swish"),\n    layers.LSTM(8, recurrent_activation='hard_sigmoid'),\n    layers.LeakyReLU(alpha=0.3),\n])\nf = keras.activations.get("gelu")\n`,
  `import jax\nimport flax.linen as nn\nfrom jax import nn as jnn\n\ndef f(x, *, scale=1/8):\n    """Docstring with nn.gelu(x) inside."""\n    # nn.relu(x) in a comment\n    y = jax.nn.gelu(x, approximate=False) * scale\n    return nn.relu(y) + jnn.leaky_relu(y, -1e-2)\n`,
  `import torch.nn as nn\nfrom functools import partial\nfrom transformers.activations import ACT2FN\nACT = nn.SiLU\n\nclass Mlp(nn.Module):\n    def __init__(self, cfg, act_layer=nn.GELU, slope=0.2, gate='sigmoid', **kw):\n        super().__init__()\n        act_layer = act_layer or nn.ReLU\n        self.act = act_layer() if act_layer else nn.Identity()\n        self.leaky = partial(nn.LeakyReLU, negative_slope=slope, **kw)\n        self.hf = ACT2FN[cfg.hidden_act]\n        self.gate = create_act_layer(gate)\n        if cfg.x:\n            self.alt = nn.ReLU()\n        else:\n            self.alt = ACT2FN["gelu_new"]\n\n    def forward(self, x):\n        return self.act(self.alt(self.leaky()(self.hf(ACT()(x)))))\n`,
  `import math, torch\nimport torch.nn as nn\n\ndef hard_sigmoid(x):\n    return torch.clamp(x + 3.0, 0.0, 6.0) / 6.0\n\ndef hard_swish(x):\n    return x * hard_sigmoid(x)\n\nclass NewGELU(nn.Module):\n    def forward(self, x):\n        c = math.sqrt(2.0 / math.pi)\n        return 0.5 * x * (1.0 + torch.tanh(c * (x + 0.044715 * torch.pow(x, 3.0))))\n\nclass Block(nn.Module):\n    def __init__(self, act_fn=hard_swish):\n        self.act = NewGELU()\n        self.fn = act_fn\n\n    def forward(self, x):\n        return self.fn(self.act(x))\n`,
  `try:\n    import torch\nexcept ImportError:\n    torch = None\nrelu = lambda nn: nn.relu\nx = f"{torch.relu(t)!r:>{w}}" if torch else r'\\d' b"\\x00"\n@decorator(activation="relu")\nasync def g(a, /, b=-0.5, **kw): ...\n`,
];

const ALPHABET = '()[]{}\'"#\\\n\n\t    .,:;=+-*/@%~<>!0123456789_abcdefnrtuxyzFNRT';
const WORDS = [
  'import ',
  'from ',
  ' as ',
  'def ',
  'class ',
  'lambda ',
  'nn.',
  'F.',
  'torch',
  'keras',
  'layers.Dense(',
  'activation="',
  '"""',
  "'''",
  'relu',
  'GELU(',
  'return ',
  '\n    ',
  'f"{',
  '}',
  'jax.nn.',
  ' = ',
];

function randomText(r: () => number, length: number): string {
  let s = '';
  while (s.length < length) {
    s +=
      r() < 0.7
        ? ALPHABET[Math.floor(r() * ALPHABET.length)]
        : WORDS[Math.floor(r() * WORDS.length)];
  }
  return s;
}

function mutate(r: () => number, text: string): string {
  let s = text;
  const n = 1 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(r() * (s.length + 1));
    const j = Math.min(s.length, i + Math.floor(r() * 40));
    switch (Math.floor(r() * 5)) {
      case 0:
        s = s.slice(0, i) + s.slice(j);
        break;
      case 1:
        s = s.slice(0, i) + randomText(r, 1 + Math.floor(r() * 10)) + s.slice(i);
        break;
      case 2:
        s = s.slice(0, i) + s.slice(i, j) + s.slice(i);
        break;
      case 3:
        s = s.slice(0, i);
        break;
      default:
        s = s.slice(0, i) + WORDS[Math.floor(r() * WORDS.length)] + s.slice(j);
    }
  }
  return s;
}

function offsets(r: () => number, length: number): number[] {
  const out = [0, length, length + 1, -1, NaN, Infinity];
  for (let k = 0; k < 24; k++) out.push(Math.floor(r() * (length + 1)));
  return out;
}

function exercise(text: string, r: () => number): void {
  const a = analyzePython(text, 1);
  for (const off of offsets(r, text.length)) {
    const m = findMention(a, off);
    if (m) {
      assert.ok(m.from <= off && off <= m.to, `mention range ${m.from}-${m.to} must cover ${off}`);
      assert.ok(m.from >= 0 && m.to <= text.length && m.qualifiedName.length > 0);
    }
    const h = hoverAt(a, off, { showPlot: false });
    if (h) {
      assert.ok(h.from <= off && off <= h.to, `hover range ${h.from}-${h.to} must cover ${off}`);
      for (const v of h.via ?? [])
        assert.ok(v.offset >= 0 && v.offset <= text.length && v.line >= 1);
    }
    const c = completionContext(a, off);
    if (c) {
      assert.ok(c.replaceFrom <= off && off <= c.replaceTo, 'replace range covers the cursor');
      assert.equal(text.slice(c.replaceFrom, off), c.prefix);
    }
  }
}

test('fuzz: random text, mutations of real code and random offsets never throw', () => {
  const errors: unknown[] = [];
  setCoreErrorHandler((e) => errors.push(e));
  try {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const text =
        seed % 3 === 0
          ? randomText(r, Math.floor(r() * 600))
          : mutate(r, CORPUS[Math.floor(r() * CORPUS.length)]);
      exercise(text, r);
      if (seed % 10 === 0) {
        const cells = text.split(/\n(?=\S)/);
        const idx = Math.floor(r() * cells.length);
        const a = analyzeCells(cells, idx);
        for (const off of offsets(r, cells[idx].length)) {
          findMention(a, off);
          completionContext(a, off);
        }
      }
      assert.deepEqual(errors, [], `seed ${seed}: ${String(errors[0])}\n${JSON.stringify(text)}`);
    }
  } finally {
    setCoreErrorHandler(undefined);
  }
});

test('fuzz: large inputs take the windowed path without errors', () => {
  const errors: unknown[] = [];
  setCoreErrorHandler((e) => errors.push(e));
  try {
    for (let seed = 1000; seed < 1012; seed++) {
      const r = rng(seed);
      let big = '';
      while (big.length < 40_000)
        big += r() < 0.5 ? mutate(r, CORPUS[Math.floor(r() * CORPUS.length)]) : CORPUS[0];
      exercise(big, r);
      exercise('x = [' + '1, '.repeat(10_000) + randomText(r, 200) + '1]', r);
      assert.deepEqual(errors, [], `seed ${seed}: ${String(errors[0])}`);
    }
  } finally {
    setCoreErrorHandler(undefined);
  }
});

test('the error handler sees what the API swallows', () => {
  const errors: unknown[] = [];
  setCoreErrorHandler((e) => errors.push(e));
  try {
    // A bogus analysis object makes the query fail inside; the API still answers undefined.
    const bogus = Object.create(analyzePython('x').constructor.prototype);
    assert.equal(findMention(bogus, 0), undefined);
    assert.equal(errors.length, 1);
  } finally {
    setCoreErrorHandler(undefined);
  }
});

test('pathological shapes: deep nesting, CRLF, tabs, unterminated long strings, odd unicode', () => {
  const errors: unknown[] = [];
  setCoreErrorHandler((e) => errors.push(e));
  try {
    const head = 'import torch.nn as nn\n';
    const shapes = [
      head + '('.repeat(5000) + 'nn.GELU()' + ')'.repeat(5000),
      head + 'x = ' + '['.repeat(3000) + 'nn.GELU(approximate="tanh")',
      head + '('.repeat(40) + 'a' + ',a)'.repeat(40) + ' = nn.GELU()',
      head + 'f = ' + 'lambda a: '.repeat(2000) + 'nn.GELU()',
      head + 'x = ' + '-'.repeat(5000) + '1\ny = nn.GELU(' + '-'.repeat(5000) + '1)',
      head + 'x = """' + 'nn.GELU() '.repeat(2000),
      head + 'x = \\\n'.repeat(3000) + 'nn.GELU()',
      head.replace('\n', '\r\n') + 'act = nn.GELU()\r\n',
      head + 'def f(x):\n\tif x:\n\t\treturn nn.GELU()\n',
      head + 'π = 1\n𝔵 = nn.GELU()\n# ☃\n"\ud800"\n',
      // Code-defined activations: a 300-deep chain of helpers, each using its input twice, a huge
      // body, and a deeply nested one.
      Array.from(
        { length: 300 },
        (_, k) => `def f${k}(x):\n    return torch.tanh(f${k + 1}(x)) * f${k + 1}(x)\n`,
      ).join('') + 'y = f0(x)\n',
      'def big(x):\n' + '    x = torch.tanh(x) + x * x\n'.repeat(2000) + '    return x\nbig(1)\n',
      'def deep(x):\n    return ' + 'torch.tanh('.repeat(3000) + 'x' + ')'.repeat(3000) + '\n',
      Array.from({ length: 300 }, (_, k) => `${' '.repeat(k)}def f${k}(nn):`).join('\n') +
        '\n' +
        ' '.repeat(300) +
        'nn.GELU()',
    ];
    for (const text of shapes) exercise(text, rng(text.length));
    assert.deepEqual(errors, [], String(errors[0]));
    const crlf = head.replace('\n', '\r\n') + 'act = nn.GELU()\r\n';
    assert.equal(
      findMention(analyzePython(crlf), crlf.indexOf('GELU'))?.qualifiedName,
      'torch.nn.GELU',
    );
    const tabs = head + 'def f(x):\n\tif x:\n\t\treturn nn.GELU()\n';
    assert.equal(
      findMention(analyzePython(tabs), tabs.indexOf('GELU'))?.qualifiedName,
      'torch.nn.GELU',
    );
  } finally {
    setCoreErrorHandler(undefined);
  }
});

test('fuzz: JSON config hovers on random and mutated configs never throw', () => {
  const base =
    '{\n  "hidden_act": "gelu_new",\n  "text_config": {"activation_function": "quick_gelu"},\n  "act_layer": "hard_mish", "model_type": "bert", "activation": "gelu"\n}\n';
  for (let seed = 1; seed <= 300; seed++) {
    const r = rng(seed);
    let text = base;
    for (let k = 0; k < 1 + Math.floor(r() * 5); k++) {
      const i = Math.floor(r() * (text.length + 1));
      const junk = '{}[]:,"\\ \nactgelu_'.charAt(Math.floor(r() * 19));
      text =
        r() < 0.5 ? text.slice(0, i) + junk + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
    }
    for (const off of offsets(r, text.length)) {
      const h = jsonHoverAt(text, off, { showPlot: false });
      if (h) assert.ok(h.from <= off && off <= h.to && h.id.length > 0, `seed ${seed}`);
    }
  }
});
