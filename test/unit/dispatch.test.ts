// Library dispatch tables: each name computes what the library's own source computes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatchNames, lookupDispatch } from '../../src/core/catalog/dispatch/lookup';
import type { DispatchLibrary } from '../../src/core/catalog/dispatch/types';
import { getActivation } from '../../src/core/catalog/catalog';
import { evaluate } from '../../src/core/catalog/sample';

const LIBS: DispatchLibrary[] = [
  'transformers',
  'timm',
  'timm-fn',
  'keras',
  'tf-keras',
  'tf-models',
  'tf-models-layer',
  'torch-rnn',
];
const XS = [-7, -3, -2, -1, -0.5, 0, 0.3, 1, 2.5, 9, 12];

/** f at x of the dispatch result of `library[name]`. */
function f(library: DispatchLibrary, name: string, x: number): number {
  const r = lookupDispatch(library, name);
  assert.ok(r, `${library}[${name}] resolves`);
  const y = evaluate(r.id, [x], r.params);
  assert.ok(y, `${r.id} evaluates`);
  return y[0];
}

function close(a: number, b: number, tol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

const erf = (x: number): number => {
  // Abramowitz–Stegun 7.1.26 is too coarse; integrate the series instead (|x| ≤ 6 here).
  let sum = x;
  let term = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
};
const geluExact = (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2));
const geluNew = (x: number) =>
  0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
const quick = (x: number) => x / (1 + Math.exp(-1.702 * x));

test('every table entry names a catalog entry and cites a 40-hex commit', () => {
  for (const lib of LIBS) {
    const names = dispatchNames(lib);
    assert.ok(names.length > 0, lib);
    for (const n of names) {
      const r = lookupDispatch(lib, n);
      assert.ok(r, `${lib}[${n}]`);
      assert.ok(getActivation(r.id), `${lib}[${n}] → ${r.id}`);
      assert.match(r.source.commit, /^[0-9a-f]{40}$/, `${lib}[${n}] commit`);
      assert.ok(r.source.repo.includes('/') && r.source.path.length > 0);
    }
  }
});

test('transformers ACT2FN: gelu exact, gelu_new/fast/pytorch_tanh tanh form, quick_gelu, gelu_10, relu2, laplace', () => {
  for (const x of XS.filter((v) => Math.abs(v) <= 6)) {
    close(f('transformers', 'gelu', x), geluExact(x), 1e-12, 'gelu');
    for (const n of ['gelu_new', 'gelu_fast', 'gelu_pytorch_tanh', 'gelu_accurate'])
      close(f('transformers', n, x), geluNew(x), 1e-9, n);
    close(f('transformers', 'quick_gelu', x), quick(x), 1e-12, 'quick_gelu');
    close(f('transformers', 'relu2', x), Math.max(0, x) ** 2, 1e-12, 'relu2');
    close(f('transformers', 'swish', x), x / (1 + Math.exp(-x)), 1e-12, 'swish');
    // The series for erf is accurate for |argument| ≤ 5, so x in [−0.5, 2] here.
    if (x >= -0.5 && x <= 2)
      close(
        f('transformers', 'laplace', x),
        0.5 * (1 + erf((x - 0.707107) / (0.282095 * Math.SQRT2))),
        1e-9,
        'laplace',
      );
  }
  assert.equal(f('transformers', 'gelu_10', 20), 10);
  close(f('transformers', 'gelu_10', 2), geluExact(2), 1e-12, 'gelu_10 inside the clip');
  assert.deepEqual(lookupDispatch('transformers', 'gelu_10')?.params, { minVal: -10, maxVal: 10 });
  assert.equal(lookupDispatch('transformers', 'leaky_relu')?.params.negativeSlope, 0.01);
  assert.equal(lookupDispatch('transformers', 'prelu')?.params.negativeSlope, 0.25);
  // Exact keys only: transformers does not lower-case, and xielu has no catalog entry.
  assert.equal(lookupDispatch('transformers', 'GELU'), undefined);
  assert.equal(lookupDispatch('transformers', 'xielu'), undefined);
  assert.equal(lookupDispatch('transformers', 'toString'), undefined);
});

test('timm get_act_layer / get_act_fn: lower-cased names, hard_mish, quick_gelu, gelu_tanh', () => {
  for (const x of XS) {
    close(f('timm', 'hard_mish', x), 0.5 * x * Math.min(Math.max(x + 2, 0), 2), 1e-12, 'hard_mish');
    close(f('timm', 'hard_sigmoid', x), Math.min(Math.max(x + 3, 0), 6) / 6, 1e-12, 'hard_sigmoid');
  }
  assert.equal(lookupDispatch('timm', 'GELU')?.id, 'gelu');
  assert.equal(lookupDispatch('timm', 'gelu_tanh')?.id, 'gelu_tanh');
  assert.equal(lookupDispatch('timm', 'quick_gelu')?.id, 'gelu_sigmoid');
  assert.equal(lookupDispatch('timm', 'hardswish')?.id, 'hard_swish');
  assert.equal(lookupDispatch('timm', 'leaky_relu')?.api, 'torch.nn.LeakyReLU');
  assert.equal(lookupDispatch('timm', 'identity')?.id, 'linear');
  // get_act_fn has neither prelu nor identity.
  assert.equal(lookupDispatch('timm-fn', 'prelu'), undefined);
  assert.equal(lookupDispatch('timm-fn', 'identity'), undefined);
  assert.equal(lookupDispatch('timm-fn', 'swish')?.id, 'silu');
});

test('keras strings reuse kerasStrings.ts; tf-models get_activation with and without keras layers', () => {
  assert.equal(lookupDispatch('keras', 'swish')?.id, 'silu');
  assert.equal(lookupDispatch('keras', 'leaky_relu')?.params.negativeSlope, 0.2);
  assert.equal(lookupDispatch('keras', 'gelu')?.id, 'gelu');
  assert.equal(lookupDispatch('tf-keras', 'relu6')?.id, 'relu6');
  assert.equal(lookupDispatch('keras', 'nope'), undefined);
  // tf-models name_to_fn: gelu is tf.keras.activations.gelu(approximate=True).
  assert.equal(lookupDispatch('tf-models', 'gelu')?.id, 'gelu_tanh');
  assert.equal(lookupDispatch('tf-models', 'GELU')?.id, 'gelu_tanh');
  assert.equal(lookupDispatch('tf-models', 'simple_swish')?.id, 'silu');
  assert.equal(lookupDispatch('tf-models', 'identity')?.id, 'linear');
  // Everything else falls back to tf.keras.activations.get.
  assert.equal(lookupDispatch('tf-models', 'relu')?.id, 'relu');
  assert.equal(lookupDispatch('tf-models', 'leaky_relu')?.params.negativeSlope, 0.2);
  // use_keras_layer=True: gelu is partial(tf.nn.gelu): the exact form.
  assert.equal(lookupDispatch('tf-models-layer', 'gelu')?.id, 'gelu');
  assert.equal(lookupDispatch('tf-models-layer', 'simple_swish')?.id, 'silu');
});

test('torch.nn.RNN nonlinearity accepts exactly "tanh" and "relu"', () => {
  assert.equal(lookupDispatch('torch-rnn', 'tanh')?.id, 'tanh');
  assert.equal(lookupDispatch('torch-rnn', 'relu')?.id, 'relu');
  assert.equal(lookupDispatch('torch-rnn', 'gelu'), undefined);
  assert.equal(lookupDispatch('torch-rnn', 'RELU'), undefined);
});
