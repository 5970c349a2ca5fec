import { test } from 'node:test';
import assert from 'node:assert/strict';
import { K_GENERIC, resolveLayerActivation } from '../../src/core/train/activations';
import type { LayerActivation } from '../../src/core/train/activations';
import { catalogLookup } from '../../src/core/train/createTrainer';
import { activateBackward, activateForward } from '../../src/core/train/activationLoops';
import { Network } from '../../src/core/train/network';
import type { Head } from '../../src/core/train/network';
import { createRng } from '../../src/core/train/rng';
import { denseForward, denseGradInput } from '../../src/core/train/dense';
import { denseForwardTanh, denseGradInputTanh } from '../../src/core/train/denseTanh';
import { tanhTrain } from '../../src/core/train/fastMath';

function act(id: string): LayerActivation {
  const a = resolveLayerActivation(id, catalogLookup);
  assert.ok(typeof a !== 'string', `${id}: ${a}`);
  return a;
}

/** A random network with the given head, inputs in a[0] and targets for `rows` rows. */
function setup(acts: LayerActivation[], head: Head, rows: number, seed: number) {
  const outputs = head === 'softmax' ? 3 : 1;
  // Odd widths exercise the remainder paths of the 2 × 4 blocked loops.
  const sizes = [3, ...acts.map((_, i) => [5, 6, 4][i % 3]), outputs];
  const net = new Network(sizes, acts, head, rows);
  const rng = createRng(seed);
  for (let k = 0; k < net.params.length; k++) net.params[k] = rng.normal() * 0.8;
  for (let k = 0; k < rows * sizes[0]; k++) net.a[0][k] = rng.normal() * 1.5;
  const targets = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    targets[r] = head === 'softmax' ? rng.int(3) : head === 'sigmoid' ? rng.int(2) : rng.normal();
  }
  return { net, targets };
}

/** Mean loss over the rows at the current parameters. */
function loss(net: Network, targets: Float64Array, rows: number): number {
  net.forward(rows);
  return net.lossSum(rows, targets, 0, new Float64Array(1)) / rows;
}

/** Largest mismatch between backprop and central differences, relative to max(1, |g|). */
function gradientError(net: Network, targets: Float64Array, rows: number): number {
  net.forward(rows);
  net.outputGrad(rows, targets, 0, 1 / rows);
  net.backward(rows);
  const g = net.grads.slice();
  const h = 1e-6;
  let worst = 0;
  for (let k = 0; k < net.params.length; k++) {
    const w = net.params[k];
    net.params[k] = w + h;
    const up = loss(net, targets, rows);
    net.params[k] = w - h;
    const down = loss(net, targets, rows);
    net.params[k] = w;
    const fd = (up - down) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - g[k]) / Math.max(1, Math.abs(g[k])));
  }
  return worst;
}

const IDS = [
  'relu',
  'leaky_relu',
  'elu',
  'selu',
  'tanh',
  'sigmoid',
  'gelu',
  'gelu_tanh',
  'silu',
  'softplus',
  'mish',
  'softsign',
  'linear',
];

test('backward matches central finite differences for every layer, head and several activations', () => {
  for (const id of IDS) {
    for (const head of ['sigmoid', 'softmax', 'linear'] as Head[]) {
      const a = act(id);
      // 7 rows: an odd count exercises the single-row remainder of the row-pair loops.
      const { net, targets } = setup([a, a, a], head, 7, IDS.indexOf(id) + 1);
      const err = gradientError(net, targets, 7);
      assert.ok(err < 1e-6, `${id} / ${head}: max error ${err}`);
    }
  }
});

test('mixed activations per layer and a custom activation also match finite differences', () => {
  const custom = resolveLayerActivation(
    { f: (x) => x * Math.atan(x), df: (x) => Math.atan(x) + x / (1 + x * x), name: 'xatan' },
    catalogLookup,
  );
  assert.ok(typeof custom !== 'string');
  assert.equal(custom.kernel, K_GENERIC);
  const { net, targets } = setup([act('tanh'), custom, act('relu')], 'softmax', 9, 99);
  assert.ok(gradientError(net, targets, 9) < 1e-6);
});

test('a single row and a network without hidden layers work too', () => {
  const one = setup([act('tanh')], 'sigmoid', 1, 5);
  assert.ok(gradientError(one.net, one.targets, 1) < 1e-6);
  const none = setup([], 'softmax', 4, 6);
  assert.ok(gradientError(none.net, none.targets, 4) < 1e-6);
});

test('common activations use a specialised loop that agrees with the catalog', () => {
  // Every activation of IDS but these two, which take the generic loop.
  const fast = IDS.filter((id) => id !== 'mish' && id !== 'softsign');
  const xs = Float64Array.from({ length: 401 }, (_, i) => -10 + i * 0.05 + 1e-3);
  for (const id of fast) {
    const a = act(id);
    assert.notEqual(a.kernel, K_GENERIC, `${id} falls back to the generic loop`);
    const out = new Float64Array(xs.length);
    activateForward(a, xs, out, xs.length);
    const g = new Float64Array(xs.length).fill(1);
    activateBackward(a, xs, out, g, xs.length);
    // The tanh loop uses a float32-precision rational tanh (fastMath.tanhTrain); the others are exact.
    const [tolF, tolDf] = id === 'tanh' ? [2.7e-7, 5.3e-7] : [1e-12, 1e-9];
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k];
      assert.ok(Math.abs(out[k] - a.f(x)) <= tolF * (1 + Math.abs(a.f(x))), `${id} f(${x})`);
      assert.ok(
        Math.abs(g[k] - a.df(x)) <= tolDf * (1 + Math.abs(a.df(x))),
        `${id} f'(${x}): ${g[k]} vs ${a.df(x)}`,
      );
    }
  }
  // Changed parameters still agree (or fall back to the exact generic path).
  const leaky = resolveLayerActivation(
    { id: 'leaky_relu', params: { negativeSlope: 0.3 } },
    catalogLookup,
  );
  assert.ok(typeof leaky !== 'string');
  assert.equal(leaky.a0, 0.3);
  assert.equal(leaky.f(-2), -0.6);
});

test('unknown, vector and broken activations are refused with a message', () => {
  assert.match(String(resolveLayerActivation('nope', catalogLookup)), /unknown/);
  assert.match(String(resolveLayerActivation('softmax', catalogLookup)), /non-element-wise/);
  assert.match(
    String(resolveLayerActivation({ f: () => NaN, df: () => 0 }, catalogLookup)),
    /not finite/,
  );
  assert.match(
    String(
      resolveLayerActivation(
        {
          f: () => {
            throw new Error('boom');
          },
          df: () => 0,
        },
        catalogLookup,
      ),
    ),
    /boom/,
  );
  assert.match(
    String(resolveLayerActivation({ id: 'elu', params: { alpha: NaN } }, catalogLookup)),
    /finite/,
  );
});

test('the tanh kernels equal the generic dense kernels followed by tanhTrain and 1 − a²', () => {
  const rng = createRng(11);
  // Shapes that exercise every remainder: odd rows, outputs and inputs not multiples of 4. The
  // larger scales put many sums beyond tanhTrain's clamp at ±9; the last case has a NaN input.
  for (const [nIn, nOut, rows, scale] of [
    [3, 5, 7, 1],
    [2, 8, 10, 1],
    [7, 8, 1, 1],
    [8, 1, 3, 1],
    [4, 4, 2, 1],
    [3, 5, 7, 4],
    [8, 8, 10, 30],
    [2, 3, 3, NaN],
  ]) {
    const nW = nIn * nOut;
    const xOff = nW + nOut;
    const zOff = xOff + rows * nIn;
    const dOff = zOff + rows * nOut;
    const dxOff = dOff + rows * nOut;
    const m = Float64Array.from({ length: dxOff + rows * nIn }, () => rng.normal() * (scale || 1));
    if (Number.isNaN(scale)) m[xOff] = NaN;
    const want = m.slice();
    denseForwardTanh(m, 0, nW, nIn, nOut, xOff, zOff, rows);
    denseForward(want, 0, nW, nIn, nOut, xOff, zOff, rows, false);
    for (let k = zOff; k < dOff; k++) want[k] = tanhTrain(want[k]);
    assert.deepEqual(m, want, `forward ${nIn} → ${nOut}, ${rows} rows, scale ${scale}`);
    if (Number.isNaN(scale)) continue;
    // The backward multiplies by 1 − x² of its input x (here the block at xOff, values in (−1, 1)).
    for (let k = xOff; k < zOff; k++) m[k] = want[k] = Math.tanh(m[k]);
    denseGradInputTanh(m, 0, nIn, nOut, dOff, dxOff, rows, xOff);
    denseGradInput(want, 0, nIn, nOut, dOff, dxOff, rows, false, xOff);
    for (let k = 0; k < rows * nIn; k++) want[dxOff + k] *= 1 - want[xOff + k] * want[xOff + k];
    assert.deepEqual(m, want, `input gradient ${nIn} → ${nOut}, ${rows} rows`);
  }
});
