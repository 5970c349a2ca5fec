import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listActivations, getActivation, defaultParams } from '../../src/core/catalog/catalog';
import type { ElementwiseActivation, Params } from '../../src/core/catalog/types';
import {
  evaluateNeutral,
  generateImplementation,
  implementationText,
  IMPL_FRAMEWORKS,
  neutralOf,
} from '../../src/core/snippets/generate';
import { parseExpr } from '../../src/core/formula/parse';
import { printPy, pyNumber } from '../../src/core/snippets/pyPrint';
import { indentCode, missingImports } from '../../src/core/snippets/insertion';

const elementwise = listActivations().filter(
  (e): e is ElementwiseActivation => e.kind === 'elementwise',
);
const vector = listActivations().filter((e) => e.kind === 'vector');

/** Parameter sets to check: the defaults, and each parameter moved inside its slider range. */
function paramSets(e: ElementwiseActivation): Params[] {
  const base = defaultParams(e.id);
  const sets: Params[] = [base];
  for (const p of e.params) {
    const v = p.min + 0.37 * (p.max - p.min);
    if (v !== p.default && (p.valid?.min === undefined || v > p.valid.min))
      sets.push({ ...base, [p.name]: v });
  }
  return sets;
}

const GRID = Array.from({ length: 801 }, (_, i) => -8 + i * 0.02 + 1e-3);

test('every element-wise catalog entry has a neutral definition', () => {
  const missing = elementwise.filter((e) => !neutralOf(e.id)).map((e) => e.id);
  assert.deepEqual(missing, []);
});

test('the neutral f and f′ equal the catalog f and df within 1e-9 on a grid, for several parameter sets', () => {
  let checked = 0;
  for (const e of elementwise) {
    for (const p of paramSets(e)) {
      const kinks = e.kinks(p);
      for (const x of GRID) {
        const f = e.f(x, p);
        const nf = evaluateNeutral(e.id, 'f', x, p);
        if (!(Math.abs(f - nf) <= 1e-9 * Math.max(1, Math.abs(f))))
          assert.fail(`${e.id} f(${x}) ${JSON.stringify(p)}: ${nf} vs ${f}`);
        // f′ is compared away from the kinks, where conventions at the kink itself may differ.
        if (kinks.some((k) => Math.abs(x - k) < 1e-6)) continue;
        const d = e.df(x, p);
        const nd = evaluateNeutral(e.id, 'df', x, p);
        if (!(Math.abs(d - nd) <= 1e-9 * Math.max(1, Math.abs(d))))
          assert.fail(`${e.id} df(${x}) ${JSON.stringify(p)}: ${nd} vs ${d}`);
        checked++;
      }
    }
  }
  assert.ok(checked > elementwise.length * 700, `only ${checked} points checked`);
});

test('the neutral definitions stay finite far out (no overflow in an unused branch)', () => {
  for (const e of elementwise) {
    const p = defaultParams(e.id);
    for (const x of [-800, -50, 50, 800]) {
      const f = evaluateNeutral(e.id, 'f', x, p);
      const cf = e.f(x, p);
      if (Number.isFinite(cf)) assert.ok(Number.isFinite(f), `${e.id} f(${x}) = ${f}`);
    }
  }
});

test('every entry can be written for every framework, with imports and its parameters as arguments', () => {
  for (const e of listActivations()) {
    for (const fw of IMPL_FRAMEWORKS) {
      const impl = generateImplementation(e, fw);
      assert.ok(impl, `${e.id} ${fw}`);
      assert.ok(impl.imports.length > 0, `${e.id} ${fw} imports`);
      assert.ok(impl.code.includes(impl.name), `${e.id} ${fw} defines ${impl.name}`);
      assert.ok(
        !/\t/.test(impl.code) && !/ +\n/.test(impl.code),
        `${e.id} ${fw}: tabs or trailing spaces`,
      );
      for (const p of e.params) {
        const py = p.name
          .replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
          .replace(/^lambda$/, 'lambd');
        assert.match(
          impl.code,
          new RegExp(`\\b${py}=${pyNumber(p.default).replace(/[.()']/g, '\\$&')}`),
          `${e.id} ${fw} ${py}`,
        );
      }
    }
  }
  assert.ok(vector.length >= 5);
});

test('PyTorch: GELU (tanh) module, leaky slope passed in, learnable PReLU slope', () => {
  const gt = generateImplementation(getActivation('gelu_tanh')!, 'pytorch')!;
  assert.equal(gt.name, 'GeluTanh');
  assert.match(gt.code, /class GeluTanh\(nn\.Module\):/);
  assert.match(gt.code, /c = math\.sqrt\(2 \/ math\.pi\)/);
  assert.match(gt.code, /t = torch\.tanh\(c \* \(x \+ 0\.044715 \* x \*\* 3\)\)/);
  assert.deepEqual(gt.imports, ['import math', 'import torch', 'from torch import nn']);
  const lr = generateImplementation(getActivation('leaky_relu')!, 'pytorch', {
    negativeSlope: 0.3,
  })!;
  assert.match(lr.code, /def __init__\(self, negative_slope=0\.3\):/);
  assert.match(lr.code, /return torch\.where\(x >= 0, x, self\.negative_slope \* x\)/);
  const pr = generateImplementation(getActivation('prelu')!, 'pytorch')!;
  assert.match(pr.code, /nn\.Parameter\(torch\.tensor\(float\(negative_slope\)\)\)/);
});

test('NumPy: a function and its derivative, stable sigmoid helper, SciPy erf with a fallback', () => {
  const s = generateImplementation(getActivation('silu')!, 'numpy')!;
  assert.match(s.code, /def _sigmoid\(z\):/);
  assert.match(s.code, /def silu\(x\):[\s\S]*def silu_grad\(x\):/);
  assert.match(s.code, /np\.logaddexp\(0\.0, -z\)/);
  const g = generateImplementation(getActivation('gelu')!, 'numpy')!;
  assert.match(g.code, /from scipy\.special import erf/);
  assert.match(g.code, /np\.vectorize\(math\.erf/);
  assert.deepEqual(g.imports, ['import math', 'import numpy as np']);
  const lin = generateImplementation(getActivation('linear')!, 'numpy')!;
  assert.match(lin.code, /return np\.full_like\(x, 1\)/);
  const relu = generateImplementation(getActivation('relu')!, 'numpy')!;
  assert.match(relu.code, /np\.where\(x > 0, 1\.0, 0\.0\)/, 'float branches');
});

test('Keras and JAX use their own ops; learnable Keras weights are built in build()', () => {
  const k = generateImplementation(getActivation('elu')!, 'keras')!;
  assert.match(k.code, /class Elu\(keras\.layers\.Layer\):/);
  assert.match(k.code, /ops\.where\(x > 0, x, self\.alpha \* ops\.expm1\(ops\.minimum\(x, 0\)\)\)/);
  assert.match(k.code, /"alpha": self\.alpha/);
  const sn = generateImplementation(getActivation('snake')!, 'keras')!;
  assert.match(sn.code, /def build\(self, input_shape\):[\s\S]*add_weight/);
  const j = generateImplementation(getActivation('gelu')!, 'jax')!;
  assert.match(j.code, /def gelu\(x: jax\.Array\) -> jax\.Array:/);
  assert.ok(j.imports.includes('from jax.scipy.special import erf'));
  assert.match(implementationText(j), /^import math\nimport jax\n/);
});

test('vector entries: max subtracted before exp, axis argument, NumPy vjp', () => {
  const sm = generateImplementation(getActivation('softmax')!, 'pytorch')!;
  assert.match(sm.code, /def __init__\(self, dim: int = -1\):/);
  assert.match(sm.code, /x\.amax\(dim=self\.dim, keepdim=True\)\.detach\(\)/);
  const np = generateImplementation(getActivation('log_softmax')!, 'numpy')!;
  assert.match(np.code, /def log_softmax_vjp\(x, g, axis=-1\):/);
  const sw = generateImplementation(getActivation('swiglu')!, 'keras', { beta: 2 })!;
  assert.match(sw.code, /def __init__\(self, axis=-1, beta=2\.0, \*\*kwargs\):/);
  assert.match(sw.code, /ops\.sigmoid\(self\.beta \* b\)/);
});

test('the printer keeps Python precedence: unary minus, power and subtraction', () => {
  const ctx = () => ({
    lib: 'numpy' as const,
    spell: (n: string) => n,
    tensors: new Set(['x']),
    needs: new Set<string>(),
  });
  assert.equal(printPy(parseExpr('-x ** 2'), ctx()), '-x ** 2');
  assert.equal(printPy(parseExpr('(-x) ** 2'), ctx()), '(-x) ** 2');
  assert.equal(printPy(parseExpr('a - (b - x)'), ctx()), 'a - (b - x)');
  assert.equal(printPy(parseExpr('(a - b) - x'), ctx()), 'a - b - x');
  assert.equal(printPy(parseExpr('x / (2 * a)'), ctx()), 'x / (2 * a)');
  assert.equal(printPy(parseExpr('exp(a) * x'), ctx()), 'math.exp(a) * x');
  const torch = { ...ctx(), lib: 'torch' as const };
  assert.equal(printPy(parseExpr('maximum(x, 0)'), torch), 'torch.clamp(x, min=0)');
  assert.equal(printPy(parseExpr('minimum(a, x)'), torch), 'torch.clamp(x, max=a)');
});

test('unknown entries and bad input give undefined, never a throw', () => {
  assert.equal(neutralOf('no_such'), undefined);
  assert.ok(Number.isNaN(evaluateNeutral('no_such', 'f', 0, {})));
  assert.throws(() => parseExpr('exp(x'));
  assert.throws(() => parseExpr('unknownfn(x)'));
});

test('insertion: missing imports after the existing ones, indentation', () => {
  const doc =
    '#!/usr/bin/env python\n"""Module\ndoc."""\nimport torch\nfrom torch import nn\n\nx = 1\n';
  const m = missingImports(doc, ['import math', 'import torch', 'from torch import nn'])!;
  assert.equal(m.text, 'import math\n');
  assert.equal(
    doc.slice(0, m.offset),
    '#!/usr/bin/env python\n"""Module\ndoc."""\nimport torch\nfrom torch import nn\n',
  );
  assert.equal(missingImports(doc, ['import torch']), undefined);
  const bare = missingImports('x = 1\n', ['import numpy as np'])!;
  assert.deepEqual(bare, { offset: 0, text: 'import numpy as np\n' });
  const noNewline = missingImports('import os', ['import numpy as np'])!;
  assert.deepEqual(noNewline, { offset: 9, text: '\nimport numpy as np\n' });
  assert.equal(
    indentCode('def f():\n    return 1\n\nx\n', '    '),
    '    def f():\n        return 1\n\n    x\n',
  );
});
