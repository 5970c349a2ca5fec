/**
 * Activations defined in code: the body is read as a formula (never run), evaluated with the
 * formula compiler and named by the catalog entry it equals on [−10, 10]. The real-world
 * definitions are from the corpus (test/fixtures/realworld/sources.json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzePython } from '../../src/core/python/parse';
import { definedActivationAt } from '../../src/core/python/codeDefined';
import { hoverAt } from '../../src/core/hover/hoverAt';

const root = resolve(__dirname, '../../..');
const corpus = (f: string) => readFileSync(join(root, 'test/fixtures/realworld/files', f), 'utf8');

/** The recognised definition at the first occurrence of `at` (plus `shift`) in `text`. */
function at(text: string, needle: string, shift = 1) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return definedActivationAt(analyzePython(text), i + shift);
}

test('minGPT NewGELU, GPT-2 and BERT gelu are the tanh GELU; CLIP QuickGELU the sigmoid one', () => {
  const mingpt = corpus('karpathy__minGPT__mingpt__model.py');
  const d = at(mingpt, 'class NewGELU', 7);
  assert.ok(d, 'NewGELU recognised');
  assert.equal(d.kind, 'class');
  assert.equal(d.match?.id, 'gelu_tanh');
  assert.ok(d.match.maxDelta < 1e-12, String(d.match.maxDelta));
  // A use of the name finds the same definition.
  assert.equal(at(mingpt, 'NewGELU()', 2)?.match?.id, 'gelu_tanh');
  assert.equal(at(corpus('openai__gpt-2__src__model.py'), 'def gelu', 5)?.match?.id, 'gelu_tanh');
  const bert = at(corpus('google-research__bert__modeling.py'), 'def gelu', 5);
  assert.equal(bert?.match?.id, 'gelu_tanh', 'BERT writes the tanh form, with a local `cdf`');
  assert.equal(
    at(corpus('openai__CLIP__clip__model.py'), 'class QuickGELU', 7)?.match?.id,
    'gelu_sigmoid',
  );
});

test('the erf form, transformers’ NewGELUActivation.forward and Keras hard_swish', () => {
  const erf = `import math\nimport torch\n\ndef gelu(x):\n    """Original BERT gelu."""\n    return x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))\n`;
  const e = at(erf, 'def gelu', 5);
  assert.equal(e?.match?.id, 'gelu');
  assert.ok(e.match.maxDelta <= 1e-12, String(e.match.maxDelta));
  const hf = `class NewGELUActivation(nn.Module):
    """doc"""

    def forward(self, input: Tensor) -> Tensor:
        return 0.5 * input * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (input + 0.044715 * torch.pow(input, 3.0))))
`;
  assert.equal(at(hf, 'NewGELUActivation', 1)?.match?.id, 'gelu_tanh');
  const keras = `from keras import layers

def hard_sigmoid(x):
    return layers.ReLU(6.0)(x + 3.0) * (1.0 / 6.0)


def hard_swish(x):
    return layers.Multiply()([x, hard_sigmoid(x)])

x = hard_swish(x)
`;
  const hs = at(keras, 'hard_swish(x)\n', 1);
  assert.ok(hs?.match, JSON.stringify(hs?.closest));
  assert.equal(hs.match.id, 'hard_swish');
  const inline = 'def hard_swish(x):\n    return x * layers.ReLU(6.)(x + 3.) * (1. / 6.)\n';
  assert.equal(at(inline, 'hard_swish', 1)?.match?.id, 'hard_swish');
  assert.equal(at(keras, 'def hard_sigmoid', 5)?.match?.id, 'hard_sigmoid');
});

test('a body that matches nothing names the closest entry, in the hover too', () => {
  const src =
    'import torch\n\ndef odd(x):\n    y = x * torch.tanh(x)\n    return y + 0.1\n\nz = odd(x)\n';
  const d = at(src, 'odd(x)\n', 1);
  assert.ok(d && !d.match && d.closest);
  const h = hoverAt(analyzePython(src), src.indexOf('odd(x)\n') + 1);
  assert.ok(h);
  assert.match(h.markdown, /No catalog entry matches: closest is \*\*/);
  assert.match(h.markdown, /data:image\/svg\+xml/);
  const ja = hoverAt(analyzePython(src), src.indexOf('odd(x)\n') + 1, { lang: 'ja' });
  assert.match(ja?.markdown ?? '', /一致するカタログ項目はありません/);
});

test('the hover on NewGELU says it equals the tanh GELU', () => {
  const mingpt = corpus('karpathy__minGPT__mingpt__model.py');
  const h = hoverAt(analyzePython(mingpt), mingpt.indexOf('class NewGELU') + 8);
  assert.ok(h);
  assert.equal(h.id, 'gelu_tanh');
  assert.match(h.markdown, /Equals \*\*GELU \(tanh approximation\)\*\* to 1e-\d+ on \[−10, 10\]/);
});

test('hostile bodies: no verdict and never a throw', () => {
  const deep = 'def deep(x):\n    return ' + '('.repeat(400) + 'x' + ')'.repeat(400) + '\n';
  assert.equal(at(deep, 'deep', 1), undefined);
  const wide = 'def wide(x):\n    return ' + Array(2000).fill('x').join(' + ') + '\n';
  assert.equal(at(wide, 'wide', 1), undefined);
  const huge = 'def huge(x):\n    return x ** 1e308 + 10 ** (x * 1e300)\n';
  const h = at(huge, 'huge', 1);
  assert.ok(h === undefined || !h.match);
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
  // A function whose body is more than one return, or recursion through a helper.
  assert.equal(
    at('def g(x):\n    if x > 0:\n        return x\n    return 0\n', 'def g', 4),
    undefined,
  );
  const loop = 'def a(x):\n    return b(x)\n\ndef b(x):\n    return a(x)\n';
  assert.equal(at(loop, 'def a', 4), undefined);
  // Names that are not definitions in the file, and Object.prototype names.
  assert.equal(at('y = __proto__(x)\n', '__proto__', 1), undefined);
  assert.equal(at('y = toString(x)\n', 'toString', 1), undefined);
});
