// Resolution: every framework alias in the catalog, every disagreement in src/core/catalog/disagreements.ts,
// and the ways a call can fail to give a curve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listActivations, aliasDefaults, getActivation } from '../../src/core/catalog/catalog';
import {
  resolveActivation,
  resolveActivationDetailed,
  resolveKerasString,
  kerasStringNames,
} from '../../src/core/catalog/resolve';
import { evaluate } from '../../src/core/catalog/sample';
import { parsePyLiteral } from '../../src/core/catalog/pyLiteral';
import type { ApiAlias, Params } from '../../src/core/catalog/types';

/** Keyword arguments that select this alias (its `requires`), as JS values. */
function requiredKeywords(a: ApiAlias): Record<string, unknown> {
  const kw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a.requires ?? {})) kw[k] = parsePyLiteral(v);
  return kw;
}

function expected(id: string, a: ApiAlias): { id: string; params: Params } {
  const params = aliasDefaults(id, a);
  return getActivation(id)?.simplify?.(params) ?? { id, params };
}

const slope = (qn: string, args?: Parameters<typeof resolveActivation>[1]) =>
  resolveActivation(qn, args)?.params.negativeSlope;

test('every resolvable alias resolves to its entry with its framework defaults', () => {
  let n = 0;
  for (const e of listActivations()) {
    for (const a of e.apis) {
      if (a.listingOnly) continue;
      const r = resolveActivation(a.qualifiedName, { keywords: requiredKeywords(a) });
      const want = expected(e.id, a);
      assert.ok(r, `${a.qualifiedName} did not resolve`);
      assert.equal(r.id, want.id, a.qualifiedName);
      assert.deepEqual(r.params, want.params, a.qualifiedName);
      assert.equal(r.api?.qualifiedName, a.qualifiedName);
      n++;
    }
  }
  assert.ok(n > 250, `only ${n} aliases`);
});

test('listing-only aliases resolve (by name or as activation strings) to the entry that lists them', () => {
  for (const e of listActivations()) {
    for (const a of e.apis) {
      if (!a.listingOnly) continue;
      if (a.form === 'string') {
        const name = a.qualifiedName.split('.').pop() as string;
        const r = resolveKerasString(name, a.framework === 'tf-keras' ? 'tf-keras' : 'keras');
        assert.equal(r?.id, e.id, `${a.framework} "${name}"`);
        assert.deepEqual(r?.params, a.fixed, `${a.framework} "${name}"`);
      } else {
        assert.equal(resolveActivation(a.qualifiedName)?.id, e.id, a.qualifiedName);
      }
    }
  }
});

test('every Keras string name resolves', () => {
  for (const fw of ['keras', 'tf-keras'] as const) {
    for (const s of kerasStringNames(fw)) assert.ok(resolveKerasString(s, fw), `${fw} ${s}`);
  }
  assert.ok(kerasStringNames().includes('hard_swish'));
  assert.ok(!kerasStringNames('tf-keras').includes('hard_swish'));
  assert.equal(resolveKerasString('crelu', 'keras'), undefined);
  assert.equal(resolveKerasString('__proto__', 'keras'), undefined);
});

test('GELU default: exact in PyTorch, tf.nn, keras.activations; tanh in jax.nn, Flax, keras.ops', () => {
  for (const qn of [
    'torch.nn.GELU',
    'torch.nn.functional.gelu',
    'tensorflow.nn.gelu',
    'keras.activations.gelu',
    'tf_keras.activations.gelu',
    'mlx.nn.gelu',
    'mlx.nn.GELU',
  ]) {
    assert.equal(resolveActivation(qn)?.id, 'gelu', qn);
  }
  for (const qn of ['jax.nn.gelu', 'flax.linen.gelu', 'keras.ops.gelu', 'mlx.nn.gelu_approx']) {
    assert.equal(resolveActivation(qn)?.id, 'gelu_tanh', qn);
  }
  assert.equal(
    resolveActivation('torch.nn.GELU', { keywords: { approximate: 'tanh' } })?.id,
    'gelu_tanh',
  );
  assert.equal(resolveActivation('torch.nn.GELU', { positional: ['tanh'] })?.id, 'gelu_tanh');
  assert.equal(
    resolveActivation('torch.nn.GELU', { keywords: { approximate: 'none' } })?.id,
    'gelu',
  );
  assert.equal(resolveActivation('jax.nn.gelu', { keywords: { approximate: false } })?.id, 'gelu');
  assert.equal(resolveActivation('keras.ops.gelu', { positional: [false] })?.id, 'gelu');
  assert.equal(
    resolveActivation('keras.activations.gelu', { keywords: { approximate: true } })?.id,
    'gelu_tanh',
  );
  assert.equal(
    resolveActivation('mlx.nn.GELU', { keywords: { approx: 'fast' } })?.id,
    'gelu_sigmoid',
  );
  assert.equal(
    resolveActivation('mlx.nn.GELU', { keywords: { approx: 'precise' } })?.id,
    'gelu_tanh',
  );
  const bad = resolveActivationDetailed('torch.nn.GELU', { keywords: { approximate: 'erf' } });
  assert.ok(!bad.ok && /approximate='erf'/.test(bad.reason.en));
  const unk = resolveActivation('jax.nn.gelu', { keywords: { approximate: { unknown: 'flag' } } });
  assert.equal(unk?.id, 'gelu_tanh');
  assert.ok(unk?.notes?.some((n) => n.en.includes('flag') && n.en.includes('default')));
  assert.ok(
    resolveActivation('jax.nn.gelu')?.notes?.some((n) => n.en.includes('tanh approximation')),
  );
});

test('hard sigmoid: relu6(x+3)/6 in PyTorch, JAX, Keras 3; 0.2x+0.5 in tf.keras 2', () => {
  for (const qn of [
    'torch.nn.Hardsigmoid',
    'torch.nn.functional.hardsigmoid',
    'jax.nn.hard_sigmoid',
    'keras.activations.hard_sigmoid',
    'keras.ops.hard_sigmoid',
  ]) {
    assert.equal(resolveActivation(qn)?.id, 'hard_sigmoid', qn);
  }
  assert.equal(resolveActivation('tf_keras.activations.hard_sigmoid')?.id, 'hard_sigmoid_tf2');
  assert.equal(resolveActivation('tf_keras.backend.hard_sigmoid')?.id, 'hard_sigmoid_tf2');
  assert.equal(resolveKerasString('hard_sigmoid', 'keras')?.id, 'hard_sigmoid');
  assert.equal(resolveKerasString('hard_sigmoid', 'tf-keras')?.id, 'hard_sigmoid_tf2');
  assert.deepEqual(evaluate('hard_sigmoid_tf2', [1, 2.5]), [0.7, 1]);
  const hs = evaluate('hard_sigmoid', [1, 2.5]) as number[];
  assert.ok(Math.abs(hs[0] - 0.6667) < 1e-4 && Math.abs(hs[1] - 0.9167) < 1e-4);
  assert.ok(
    resolveActivation('keras.ops.hard_sigmoid')?.notes?.some((n) => n.en.includes('docstring')),
  );
});

test('Leaky ReLU slope: 0.01 PyTorch/JAX, 0.2 tf.nn and keras.activations/ops, 0.3 the layers', () => {
  assert.equal(slope('torch.nn.LeakyReLU'), 0.01);
  assert.equal(slope('torch.nn.functional.leaky_relu'), 0.01);
  assert.equal(slope('jax.nn.leaky_relu'), 0.01);
  assert.equal(slope('flax.linen.leaky_relu'), 0.01);
  assert.equal(slope('flax.linen.PReLU'), 0.01);
  assert.equal(slope('tensorflow.nn.leaky_relu'), 0.2);
  assert.equal(slope('tf.nn.leaky_relu'), 0.2);
  assert.equal(slope('keras.activations.leaky_relu'), 0.2);
  assert.equal(slope('keras.ops.leaky_relu'), 0.2);
  assert.equal(slope('keras.layers.LeakyReLU'), 0.3);
  assert.equal(slope('tf_keras.layers.LeakyReLU'), 0.3);
  assert.equal(resolveKerasString('leaky_relu', 'keras')?.params.negativeSlope, 0.2);
  assert.equal(resolveKerasString('leaky_relu', 'tf-keras')?.params.negativeSlope, 0.2);
  assert.equal(slope('torch.nn.LeakyReLU', { positional: [0.1] }), 0.1);
  assert.equal(
    slope('torch.nn.LeakyReLU', { keywords: { negative_slope: 0.05, inplace: true } }),
    0.05,
  );
  const r = resolveActivation('torch.nn.LeakyReLU', { positional: [0.2] });
  assert.deepEqual(r?.defaulted, []);
  assert.deepEqual(resolveActivation('torch.nn.LeakyReLU')?.defaulted, ['negativeSlope']);
});

test('argument names: alpha → negative_slope, lambd vs threshold, soft_sign, hard_silu', () => {
  assert.deepEqual(resolveActivation('tf_keras.activations.relu', { keywords: { alpha: 0.1 } }), {
    ...resolveActivation('tf_keras.activations.relu', { keywords: { alpha: 0.1 } }),
    id: 'leaky_relu',
    params: { negativeSlope: 0.1 },
  });
  assert.equal(
    resolveActivation('keras.activations.relu', { keywords: { negative_slope: 0.1 } })?.id,
    'leaky_relu',
  );
  assert.equal(
    resolveActivation('keras.activations.relu', { keywords: { alpha: 0.1 } }),
    undefined,
  );
  assert.equal(slope('keras.layers.LeakyReLU', { keywords: { alpha: 0.1 } }), 0.1);
  assert.equal(slope('tf_keras.layers.LeakyReLU', { positional: [0.25] }), 0.25);
  assert.equal(
    resolveActivation('torch.nn.Softshrink', { keywords: { lambd: 1 } })?.params.lambda,
    1,
  );
  assert.equal(
    resolveActivation('keras.activations.soft_shrink', { keywords: { threshold: 1 } })?.params
      .lambda,
    1,
  );
  assert.equal(
    resolveActivation('keras.activations.hard_shrink', { positional: [0.7] })?.params.lambda,
    0.7,
  );
  assert.equal(resolveActivation('torch.nn.Softshrink', { keywords: { threshold: 1 } }), undefined);
  assert.equal(resolveActivation('jax.nn.soft_sign')?.id, 'softsign');
  assert.equal(resolveActivation('jax.nn.softsign'), undefined);
  assert.equal(resolveActivation('keras.activations.hard_silu')?.id, 'hard_swish');
  assert.equal(resolveActivation('torch.nn.Hardswish')?.id, 'hard_swish');
});

test('PReLU initial slope: PyTorch 0.25, Keras zeros, Flax 0.01', () => {
  assert.equal(slope('torch.nn.PReLU'), 0.25);
  assert.equal(slope('torch.nn.PReLU', { keywords: { num_parameters: 64, init: 0.1 } }), 0.1);
  assert.equal(slope('keras.layers.PReLU'), 0);
  assert.equal(slope('keras.layers.PReLU', { keywords: { alpha_initializer: 'ones' } }), 1);
  const he = resolveActivation('keras.layers.PReLU', {
    keywords: { alpha_initializer: 'he_normal' },
  });
  assert.equal(he?.params.negativeSlope, 0);
  assert.ok(he?.notes?.some((n) => n.en.includes('he_normal')));
  assert.equal(slope('flax.linen.PReLU'), 0.01);
  const fw = resolveActivation('torch.nn.functional.prelu', {
    positional: [{ unknown: 'self.weight' }],
  });
  assert.equal(fw?.params.negativeSlope, 0.25);
  assert.ok(fw?.notes?.some((n) => n.en.includes('self.weight')));
});

test('RReLU: F.rrelu defaults to training=False, a fixed mean slope 11/48', () => {
  const r = resolveActivation('torch.nn.functional.rrelu');
  assert.equal(r?.id, 'rrelu');
  assert.deepEqual(evaluate('rrelu', [-48], r?.params), [-11]);
  const tr = resolveActivation('torch.nn.functional.rrelu', { keywords: { training: true } });
  assert.ok(tr?.notes?.some((n) => n.en.includes('random slope')));
  assert.equal(
    resolveActivation('torch.nn.RReLU', { positional: [0.5, 0.1] }),
    undefined,
    'lower > upper',
  );
  assert.ok(resolveActivation('torch.nn.RReLU')?.notes?.some((n) => n.en.includes('.eval()')));
});

test('softplus: only PyTorch has beta/threshold; Keras/TF/JAX compute log(1+e^x)', () => {
  assert.deepEqual(resolveActivation('torch.nn.Softplus')?.params, { beta: 1, threshold: 20 });
  assert.deepEqual(
    resolveActivation('torch.nn.functional.softplus', { positional: [2, 10] })?.params,
    { beta: 2, threshold: 10 },
  );
  for (const qn of [
    'keras.activations.softplus',
    'jax.nn.softplus',
    'tensorflow.nn.softplus',
    'tensorflow.math.softplus',
  ]) {
    assert.deepEqual(resolveActivation(qn)?.params, { beta: 1, threshold: Infinity }, qn);
  }
  assert.equal(
    resolveActivation('keras.activations.softplus', { keywords: { beta: 2 } }),
    undefined,
  );
  assert.deepEqual(resolveActivation('jax.nn.squareplus')?.params, { b: 4 });
  assert.deepEqual(resolveActivation('keras.ops.squareplus', { positional: [1] })?.params, {
    b: 1,
  });
  assert.equal(resolveActivation('torch.nn.Softplus', { keywords: { beta: -1 } }), undefined);
  const why = resolveActivationDetailed('torch.nn.Softplus', { keywords: { beta: 0 } });
  assert.ok(!why.ok && why.reason.en.includes('beta must be > 0'));
});

test('SiLU β: only tf.nn.silu takes beta', () => {
  assert.equal(resolveActivation('tensorflow.nn.silu')?.id, 'silu');
  assert.deepEqual(resolveActivation('tensorflow.nn.silu', { keywords: { beta: 1.5 } }), {
    ...resolveActivation('tensorflow.nn.silu', { keywords: { beta: 1.5 } }),
    id: 'swish',
    params: { beta: 1.5 },
  });
  assert.equal(resolveActivation('tf.nn.swish', { positional: [2] })?.params.beta, 2);
  assert.equal(resolveActivation('torch.nn.SiLU')?.id, 'silu');
  assert.equal(resolveActivation('torch.nn.SiLU', { keywords: { beta: 2 } }), undefined);
  assert.equal(resolveActivation('keras.activations.swish')?.id, 'silu');
  assert.equal(resolveKerasString('silu', 'tf-keras')?.id, 'silu');
});

test('softmax axis: PyTorch dim=None warns; a given dim silences the note', () => {
  const implicit = resolveActivation('torch.nn.Softmax');
  assert.equal(implicit?.id, 'softmax');
  assert.ok(implicit?.notes?.some((n) => n.en.includes('dim 0 for 0-D, 1-D and 3-D')));
  assert.equal(resolveActivation('torch.nn.Softmax', { keywords: { dim: -1 } })?.notes, undefined);
  assert.equal(
    resolveActivation('torch.nn.functional.log_softmax', { positional: [1] })?.notes,
    undefined,
  );
  assert.ok(resolveActivation('torch.nn.Softmin', { keywords: { dim: null } })?.notes?.length);
  assert.equal(resolveActivation('keras.layers.Softmax', { keywords: { axis: 1 } })?.id, 'softmax');
  assert.equal(resolveActivation('torch.Tensor.softmax', { positional: [-1] })?.id, 'softmax');
});

test('gradient at kinks: relu′(0) = 0, relu6′(0) = relu6′(6) = 0', async () => {
  const { derivative } = await import('../../src/core/catalog/sample');
  assert.deepEqual(derivative('relu', [0]), [0]);
  assert.deepEqual(derivative('relu6', [0, 6]), [0, 0]);
  assert.deepEqual(derivative('hard_swish', [-3, 3]), [-0.5, 1]);
});

test('hardtanh range: configurable in PyTorch, fixed at ±1 in Keras and JAX', () => {
  assert.deepEqual(resolveActivation('torch.nn.Hardtanh', { positional: [-2, 2] })?.params, {
    minVal: -2,
    maxVal: 2,
  });
  assert.deepEqual(
    resolveActivation('torch.nn.functional.hardtanh', { keywords: { max_val: 3 } })?.params,
    { minVal: -1, maxVal: 3 },
  );
  assert.deepEqual(resolveActivation('keras.activations.hard_tanh')?.params, {
    minVal: -1,
    maxVal: 1,
  });
  assert.deepEqual(resolveActivation('jax.nn.hard_tanh')?.params, { minVal: -1, maxVal: 1 });
  assert.equal(resolveActivation('jax.nn.hard_tanh', { keywords: { min_val: -2 } }), undefined);
  assert.equal(resolveActivation('torch.nn.Hardtanh', { positional: [2, -2] }), undefined);
});

test('ELU: keras alpha scales the negative part (the docstring wording is noted)', () => {
  const r = resolveActivation('keras.activations.elu', { keywords: { alpha: 2 } });
  assert.equal(r?.params.alpha, 2);
  assert.ok(r?.notes?.some((n) => n.en.includes('slope of positive section')));
  assert.deepEqual(resolveActivation('tensorflow.nn.elu')?.params, { alpha: 1 });
  assert.equal(resolveActivation('keras.layers.ELU', { positional: [0.5] })?.params.alpha, 0.5);
});

test('Keras relu(threshold=t) returns x above t (the Keras doctests)', () => {
  const x = [-10, -5, 0, 5, 10];
  const run = (kw: Record<string, unknown>) => {
    const r = resolveActivation('keras.activations.relu', { keywords: kw });
    assert.ok(r);
    return evaluate(r.id, x, r.params);
  };
  assert.deepEqual(run({}), [0, 0, 0, 5, 10]);
  assert.deepEqual(run({ negative_slope: 0.5 }), [-5, -2.5, 0, 5, 10]);
  assert.deepEqual(run({ max_value: 5 }), [0, 0, 0, 5, 5]);
  assert.deepEqual(run({ threshold: 5 }), [0, 0, 0, 0, 10]);
  assert.equal(
    resolveActivation('keras.activations.relu', { keywords: { max_value: 6 } })?.id,
    'relu6',
  );
  assert.equal(
    resolveActivation('keras.activations.relu', { keywords: { max_value: null } })?.id,
    'relu',
  );
  assert.equal(resolveActivation('keras.layers.ReLU', { positional: [4] })?.params.maxValue, 4);
  assert.equal(resolveActivation('tf_keras.layers.ThresholdedReLU')?.params.threshold, 1);
});

test('unknown names, bad arguments and odd inputs give undefined or a reason, never a throw', () => {
  assert.equal(resolveActivation('torch.nn.Frobnicate'), undefined);
  assert.equal(resolveActivation(''), undefined);
  assert.equal(resolveActivation(42 as unknown as string), undefined);
  assert.equal(resolveActivation('torch.nn.ReLU', { positional: [true, 1] }), undefined);
  assert.equal(resolveActivation('torch.nn.ReLU', { keywords: { slope: 1 } }), undefined);
  assert.equal(resolveActivation('torch.nn.ReLU', null as unknown as undefined)?.id, 'relu');
  const why = resolveActivationDetailed('torch.nn.Frobnicate');
  assert.ok(!why.ok && why.reason.ja.length > 0);
  const s = resolveActivation('torch.nn.LeakyReLU', { keywords: { negative_slope: 'big' } });
  assert.equal(s?.params.negativeSlope, 0.01);
  assert.ok(s?.notes?.length);
  const th = resolveActivation('torch.nn.Threshold');
  assert.equal(th?.id, 'threshold');
  assert.ok(th?.notes?.some((n) => n.en.includes('required')));
  assert.deepEqual(resolveActivation('torch.nn.Threshold', { positional: [0.5, -1] })?.params, {
    threshold: 0.5,
    value: -1,
  });
  assert.ok(
    resolveActivation('keras.layers.LeakyReLU', { keywords: { name: 'lr', dtype: 'float32' } }),
  );
  assert.ok(
    resolveActivation('keras.layers.ReLU', { keywords: { foo: 1 } })?.notes?.some((n) =>
      n.en.includes('foo'),
    ),
  );
  assert.ok(
    resolveActivation('torch.nn.ReLU', { spread: true })?.notes?.some((n) =>
      n.en.includes('**kwargs'),
    ),
  );
});

test('import paths are normalised (tf., tf.keras, module files)', () => {
  assert.equal(resolveActivation('tf.nn.relu')?.id, 'relu');
  assert.equal(resolveActivation('torch.nn.modules.activation.ReLU')?.id, 'relu');
  assert.equal(resolveActivation('flax.linen.activation.gelu')?.id, 'gelu_tanh');
  const tk = resolveActivation('tensorflow.keras.layers.LeakyReLU');
  assert.equal(tk?.params.negativeSlope, 0.3);
  assert.ok(tk?.notes?.some((n) => n.en.includes('TensorFlow 2.16')));
  assert.equal(resolveActivation('tf.keras.activations.hard_sigmoid')?.id, 'hard_sigmoid');
});

test('keras.layers.LeakyReLU() needs no alpha: negative_slope has a default, so no "required" note', () => {
  const r = resolveActivation('keras.layers.LeakyReLU', {});
  assert.ok(r);
  assert.equal(r.params.negativeSlope, 0.3);
  assert.ok(!(r.notes ?? []).some((n) => /required/.test(n.en)), JSON.stringify(r.notes));
});
