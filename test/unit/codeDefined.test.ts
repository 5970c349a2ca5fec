/**
 * Activations defined in code: the body is read as a formula (never run), evaluated with the
 * formula compiler and named by the catalog entry it equals on [−10, 10]. The binding model
 * follows uses to the definition (`self.act = NewGELU()` … `self.act(x)`). The real-world
 * definitions are from the corpus (test/fixtures/realworld/sources.json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePython } from '../../src/core/python/parse';
import { setCoreErrorHandler } from '../../src/core/errors';
import { hoverAt, type HoverAnswer } from '../../src/core/hover/hoverAt';

const root = resolve(__dirname, '../../..');
const corpus = (f: string) => readFileSync(join(root, 'test/fixtures/realworld/files', f), 'utf8');

/** The hover at the first occurrence of `needle` in `text`, `shift` characters into it. */
function at(text: string, needle: string, shift = 1, lang?: 'en' | 'ja'): HoverAnswer | undefined {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return hoverAt(analyzePython(text), i + shift, { showPlot: true, ...(lang ? { lang } : {}) });
}

/** The verdict line's distance bound (`1e-12` in "to 1e-12 on"), as a number. */
function bound(h: HoverAnswer | undefined): number {
  const m = /Equals \*\*[^*]+\*\* (?:to (1e-?\d+)|exactly) on/.exec(h?.markdown ?? '');
  assert.ok(m, h?.markdown);
  return m[1] ? Number(m[1]) : 0;
}

test('minGPT NewGELU: the class name, a use and the ModuleDict keyword are the tanh GELU', () => {
  const mingpt = corpus('karpathy__minGPT__mingpt__model.py');
  const d = at(mingpt, 'class NewGELU', 7);
  assert.equal(d?.id, 'gelu_tanh');
  assert.ok(bound(d) <= 1e-12);
  assert.match(d.markdown, /an activation module defined in this file \(line 21\)/);
  assert.match(d.markdown, /data:image\/svg\+xml/, 'the curve is shown');
  const use = at(mingpt, 'NewGELU()', 2);
  assert.equal(use?.id, 'gelu_tanh');
  assert.equal(use.via?.[0]?.line, 21, 'bound at the class');
  assert.equal(at(mingpt, 'act     = NewGELU()', 1)?.id, 'gelu_tanh');
});

test('GPT-2 and BERT gelu (tanh form, BERT with a local cdf); CLIP QuickGELU is the sigmoid GELU', () => {
  assert.equal(at(corpus('openai__gpt-2__src__model.py'), 'def gelu', 5)?.id, 'gelu_tanh');
  const gpt2 = corpus('openai__gpt-2__src__model.py');
  assert.equal(at(gpt2, 'h = gelu(', 5)?.id, 'gelu_tanh', 'a call of it');
  const bert = corpus('google-research__bert__modeling.py');
  assert.equal(at(bert, 'def gelu', 5)?.id, 'gelu_tanh');
  const param = at(bert, 'intermediate_act_fn=gelu', 1);
  assert.equal(param?.id, 'gelu_tanh', 'a parameter default');
  assert.equal(at(bert, 'intermediate_act_fn=gelu', 21)?.id, 'gelu_tanh', 'the default itself');
  assert.equal(at(bert, 'return gelu', 8)?.id, 'gelu_tanh', 'returned by get_activation');
  const clip = corpus('openai__CLIP__clip__model.py');
  assert.equal(at(clip, 'class QuickGELU', 7)?.id, 'gelu_sigmoid');
  assert.equal(at(clip, '("gelu", QuickGELU())', 10)?.id, 'gelu_sigmoid');
});

test('exact GELU via erf, transformers’ NewGELUActivation.forward, quick_gelu, Keras hard_swish', () => {
  const erf = `import math\nimport torch\n\ndef gelu(x):\n    """Original BERT gelu."""\n    return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))\n`;
  const e = at(erf, 'def gelu', 5);
  assert.equal(e?.id, 'gelu');
  assert.ok(bound(e) <= 1e-12);
  const hf = `import math\nimport torch\nfrom torch import nn, Tensor\n\nclass NewGELUActivation(nn.Module):
    """doc"""

    def forward(self, input: Tensor) -> Tensor:
        return 0.5 * input * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (input + 0.044715 * torch.pow(input, 3.0))))

class QuickGELUActivation(nn.Module):
    def forward(self, input: Tensor) -> Tensor:
        return input * torch.sigmoid(1.702 * input)
`;
  assert.equal(at(hf, 'NewGELUActivation', 1)?.id, 'gelu_tanh');
  assert.equal(at(hf, 'QuickGELUActivation', 1)?.id, 'gelu_sigmoid');
  const keras = `from keras import layers

def hard_sigmoid(x):
    return layers.ReLU(6.0)(x + 3.0) * (1.0 / 6.0)


def hard_swish(x):
    return layers.Multiply()([x, hard_sigmoid(x)])

y = hard_swish(x)
`;
  const hs = at(keras, 'hard_swish(x)\n', 1);
  assert.equal(hs?.id, 'hard_swish', hs?.markdown);
  assert.equal(hs.via?.[0]?.line, 7);
  const inline = 'def hard_swish(x):\n    return x * layers.ReLU(6.)(x + 3.) * (1. / 6.)\n';
  assert.equal(at(inline, 'hard_swish', 1)?.id, 'hard_swish');
  assert.equal(at(keras, 'def hard_sigmoid', 5)?.id, 'hard_sigmoid');
});

test('self.act = NewGELU() in __init__, then self.act(x) in forward', () => {
  const src = `import math
import torch
import torch.nn as nn

class NewGELU(nn.Module):
    def forward(self, x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))

class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.act = NewGELU()

    def forward(self, x):
        return self.act(x)
`;
  const h = at(src, 'self.act(x)', 6);
  assert.equal(h?.id, 'gelu_tanh');
  assert.deepEqual(
    h.via?.map((v) => v.line),
    [12, 5],
    'bound at self.act = NewGELU(), then the class',
  );
  assert.match(h.markdown, /Bound at \[line 12\]/);
  assert.match(h.markdown, /Equals \*\*GELU \(tanh approximation\)\*\*/);
});

test('a body that matches nothing: the hover says so, names the closest entry and shows the curve', () => {
  const src =
    'import torch\n\ndef odd(x):\n    y = x * torch.tanh(x)\n    return y + 0.1\n\nz = odd(x)\n';
  const h = at(src, 'odd(x)\n', 1);
  assert.ok(h);
  assert.equal(h.id, '');
  assert.match(h.markdown, /No catalog entry matches: closest is \*\*/);
  assert.match(h.markdown, /data:image\/svg\+xml/);
  assert.match(at(src, 'odd(x)\n', 1, 'ja')?.markdown ?? '', /一致するカタログ項目はありません/);
  // A linear helper is no activation: no hover.
  assert.equal(
    at('def scale(x):\n    return x / 255.0\n\ny = scale(x)\n', 'scale(x)\n'),
    undefined,
  );
});

test('hostile bodies: no crash, no hover or an honest one, and quick', () => {
  const errors: unknown[] = [];
  setCoreErrorHandler((e) => errors.push(e));
  try {
    const deep = 'def deep(x):\n    return ' + '('.repeat(400) + 'x' + ')'.repeat(400) + '\n';
    assert.equal(at(deep, 'deep', 1), undefined);
    const wide = 'def wide(x):\n    return ' + Array(2000).fill('x').join(' + ') + '\n';
    assert.equal(at(wide, 'wide', 1), undefined);
    const huge = 'def huge(x):\n    return x ** 1e308 + 10 ** (x * 1e300)\n';
    const h = at(huge, 'huge', 1);
    assert.ok(h === undefined || h.id === '');
    // A huge def (beyond the size gate) and one with many statements are not read.
    const long = 'def long(x):\n' + '    y = x\n'.repeat(3000) + '    return torch.tanh(y)\n';
    assert.equal(at(long, 'long', 1), undefined);
    // Helpers that square the tree at every level stop at the size bound.
    const blowup =
      'def a(x):\n    return x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x*x\n' +
      'def b(x):\n    return a(a(a(a(x))))\n' +
      'def c(x):\n    return b(b(b(b(x))))\n' +
      'def d(x):\n    return torch.tanh(c(c(c(c(x)))))\n';
    assert.equal(at(blowup, 'def d', 4), undefined);
    for (const body of [
      'os.system("rm -rf /")',
      'foo(x)',
      'x[0]',
      'lambda: x',
      'x if x > 0 else 0',
      'torch.tanh(*x)',
      'eval("x")',
      'x.__class__',
      '__import__("os")',
      'constructor(x)',
      'x.constructor(x)',
    ]) {
      const src = `def f(x):\n    return ${body}\n`;
      assert.equal(at(src, 'def f', 4), undefined, body);
    }
    // More than one return, recursion through a helper, two inputs without defaults.
    assert.equal(
      at('def g(x):\n    if x > 0:\n        return x\n    return 0\n', 'def g', 4),
      undefined,
    );
    const loop = 'def a(x):\n    return torch.tanh(b(x))\n\ndef b(x):\n    return a(x)\n';
    assert.equal(at(loop, 'def a', 4), undefined);
    assert.equal(at('def two(x, y):\n    return torch.tanh(x)\n', 'two', 1), undefined);
    // Object.prototype names and odd offsets.
    const proto = 'y = __proto__(x)\nz = toString(x)\nw = constructor(x)\n';
    for (const n of ['__proto__', 'toString', 'constructor']) assert.equal(at(proto, n), undefined);
    const a = analyzePython('def gelu(x):\n    return x * torch.sigmoid(1.702 * x)\n');
    for (const off of [Infinity, -Infinity, NaN, -1, 1e9, 0.5, a.text.length + 1])
      assert.doesNotThrow(() => hoverAt(a, off));
    assert.deepEqual(errors, []);
  } finally {
    setCoreErrorHandler(undefined);
  }
});

test('a string compared to pick the returned activation (BERT get_activation) and a ModuleDict entry', () => {
  const bert = corpus('google-research__bert__modeling.py');
  assert.equal(at(bert, 'act == "relu"', 9)?.id, 'relu');
  assert.equal(at(bert, 'act == "gelu"', 9)?.id, 'gelu_tanh', 'the code-defined gelu it returns');
  assert.equal(at(bert, 'act == "tanh"', 9)?.id, 'tanh');
  assert.equal(at(bert, 'act == "linear"', 9), undefined, 'returns None: no activation');
  const mingpt = corpus('karpathy__minGPT__mingpt__model.py');
  const h = at(mingpt, 'm.act(', 2);
  assert.equal(h?.id, 'gelu_tanh');
  assert.deepEqual(
    h.via?.map((v) => v.line),
    [87, 81, 21],
    'm = self.mlp, then the ModuleDict, then the class',
  );
  assert.equal(at(mingpt, 'm.dropout(', 2), undefined, 'a Dropout entry is no activation');
});
