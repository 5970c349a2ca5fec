import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRAIN_LIMITS } from '../../src/core/train/config';
import type { TrainerConfig } from '../../src/core/train/config';
import {
  createTrainer,
  tryCreateTrainer,
  validateTrainerConfig,
} from '../../src/core/train/createTrainer';
import { TrainerConfigError, epochCount } from '../../src/core/train/trainer';

const adam = { type: 'adam' } as const;

/** Sensible small networks per dataset; each trains in well under a second here. */
const CONVERGENCE: [string, TrainerConfig, number][] = [
  ['circle', { dataset: 'circle', optimizer: adam, learningRate: 0.03 }, 40],
  ['xor', { dataset: 'xor', optimizer: adam, learningRate: 0.03 }, 40],
  ['gauss', { dataset: 'gauss', optimizer: adam, learningRate: 0.03 }, 20],
  ['moons', { dataset: 'moons', optimizer: adam, learningRate: 0.03 }, 40],
  [
    'spiral (ReLU)',
    {
      dataset: 'spiral',
      hidden: [16, 16],
      activation: 'relu',
      optimizer: adam,
      learningRate: 0.01,
    },
    250,
  ],
  [
    'spiral3 (softmax)',
    {
      dataset: 'spiral3',
      hidden: [16, 16],
      activation: 'relu',
      optimizer: adam,
      learningRate: 0.01,
    },
    200,
  ],
  // sin x and sin y have nearly the board's period: the feature-engineering way to the board.
  [
    'checkerboard',
    {
      dataset: 'checkerboard',
      hidden: [16, 16],
      features: ['x', 'y', 'sinX', 'sinY'],
      optimizer: adam,
      learningRate: 0.01,
    },
    150,
  ],
];

for (const [name, config, epochs] of CONVERGENCE) {
  test(`${name} reaches ≥ 95% test accuracy`, () => {
    const tr = createTrainer(config);
    const first = tr.evaluate();
    const r = tr.step(epochs);
    assert.equal(r.epoch, epochs);
    assert.ok(
      r.testAccuracy! >= 0.95,
      `${name}: test accuracy ${r.testAccuracy} after ${epochs} epochs`,
    );
    assert.ok(r.trainLoss < first.trainLoss);
    assert.equal(r.diverged, undefined);
  });
}

test('regression fits sine and plane (linear output, MSE)', () => {
  const sine = createTrainer({
    dataset: 'sine',
    features: ['x'],
    hidden: [16, 16],
    activation: 'tanh',
    optimizer: adam,
    learningRate: 0.01,
  });
  assert.equal(sine.problem, 'regression');
  const r = sine.step(200);
  assert.ok(r.testLoss < 0.01, `sine test MSE ${r.testLoss}`);
  assert.equal(r.testAccuracy, undefined);
  const curve = sine.predictCurve(13);
  assert.equal(curve.length, 13);
  for (let c = 0; c < 13; c++)
    assert.ok(Math.abs(curve[c] - Math.sin(-6 + (c + 0.5) * (12 / 13))) < 0.15);
  const plane = createTrainer({
    dataset: 'plane',
    hidden: [],
    optimizer: adam,
    learningRate: 0.05,
  });
  assert.ok(plane.step(50).testLoss < 1e-3);
});

test('the same seed gives an identical loss history; another seed another one', () => {
  const config: TrainerConfig = {
    dataset: { name: 'spiral', noise: 0.3 },
    hidden: [8, 8],
    activation: 'tanh',
    optimizer: { type: 'momentum' },
    seed: 5,
  };
  const a = createTrainer(config);
  const b = createTrainer(config);
  const ra = [];
  const rb = [];
  for (let i = 0; i < 5; i++) {
    ra.push(a.step(3));
    rb.push(b.step(3));
  }
  assert.deepEqual(ra, rb);
  assert.deepEqual(a.getWeights(), b.getWeights());
  assert.equal(ra[4].epoch, 15);
  const c = createTrainer({ ...config, seed: 6 });
  assert.notDeepEqual(c.step(15).trainLoss, ra[4].trainLoss);
});

test('a depth-20 sigmoid network has vanishing gradients at initialisation; ReLU with He init does not', () => {
  // gradientNorms has one entry per weight layer: 20 hidden layers, then the output layer (index 20).
  for (const seed of [1, 2, 3]) {
    const deep = (activation: string) =>
      createTrainer({
        dataset: 'circle',
        hidden: new Array(20).fill(8),
        activation,
        seed,
      }).gradientNorms();
    const sig = deep('sigmoid');
    assert.equal(sig.length, 21);
    assert.ok(sig[0] * 100 <= sig[19], `sigmoid: first ${sig[0]}, last hidden ${sig[19]}`);
    assert.ok(sig[0] * 100 <= sig[20], `sigmoid: first ${sig[0]}, output ${sig[20]}`);
    const relu = deep('relu');
    assert.ok(relu[0] * 100 > relu[19], `relu: first ${relu[0]}, last hidden ${relu[19]}`);
    assert.ok(relu.every((g) => g > 0));
  }
});

test('lr = 10 diverges with MSE (and with ELU), later steps are no-ops and the grid stays finite', () => {
  for (const config of [
    { dataset: 'sine', features: ['x'], learningRate: 10 },
    { dataset: 'plane', activation: 'tanh', learningRate: 10 },
    { dataset: 'circle', activation: 'elu', learningRate: 10 },
  ] as TrainerConfig[]) {
    const tr = createTrainer(config);
    let r = tr.step(1);
    for (let i = 0; i < 20 && !r.diverged; i++) r = tr.step(1);
    assert.ok(r.diverged, `${JSON.stringify(config)} diverged`);
    assert.equal(r.diverged.epoch, r.epoch);
    assert.deepEqual(tr.diverged, r.diverged);
    const again = tr.step(10);
    assert.equal(again.epoch, r.epoch);
    assert.deepEqual(again.diverged, r.diverged);
    assert.ok(Number.isFinite(again.trainLoss));
    assert.ok(tr.predictGrid(8).every(Number.isFinite));
    assert.ok(tr.getWeights().every(Number.isFinite));
  }
});

test('lr = 10 with ReLU and cross-entropy does not overflow: it kills units instead (dying ReLU)', () => {
  const tr = createTrainer({ dataset: 'circle', learningRate: 10 });
  assert.deepEqual(tr.deadFraction(), [0, 0]);
  const r = tr.step(20);
  assert.equal(r.diverged, undefined);
  assert.ok(Math.max(...tr.deadFraction()) >= 0.5, `dead ${tr.deadFraction()}`);
  assert.ok(r.trainAccuracy! < 0.9);
});

test('a custom activation that throws mid-training stops the run with an error', () => {
  let calls = 0;
  const f = (x: number) => {
    if (++calls > 50000) throw new Error('formula failed');
    return Math.tanh(x);
  };
  const tr = createTrainer({ dataset: 'xor', activation: { f, df: (x) => 1 - Math.tanh(x) ** 2 } });
  const r = tr.step(100);
  assert.ok(r.diverged);
  assert.match(r.error ?? '', /formula failed/);
  // The formula keeps failing: predictions become NaN, nothing throws into the caller.
  assert.doesNotThrow(() => tr.predictGrid(4));
  assert.doesNotThrow(() => tr.gradientNorms());
});

test('predictGrid: row 0 is the top, columns go left to right, classes by argmax', () => {
  const tr = createTrainer({ dataset: 'gauss', optimizer: adam, learningRate: 0.03 });
  tr.step(20);
  const res = 10;
  const g = tr.predictGrid(res);
  assert.ok(g instanceof Float32Array);
  assert.equal(g.length, res * res);
  // Class 1 is the Gaussian at (2, 2): top right.
  assert.ok(g[res - 1] > 0.9, `top right ${g[res - 1]}`);
  assert.ok(g[(res - 1) * res] < 0.1, `bottom left ${g[(res - 1) * res]}`);
  const out = new Float64Array(res * res);
  assert.equal(tr.predictGrid(res, out), out);

  const three = createTrainer({
    dataset: 'spiral3',
    hidden: [16, 16],
    optimizer: adam,
    learningRate: 0.01,
  });
  three.step(30);
  const probs = three.predictGridClasses(6);
  const cls = three.predictGrid(6);
  assert.equal(probs.length, 6 * 6 * 3);
  for (let k = 0; k < 36; k++) {
    const p = [probs[3 * k], probs[3 * k + 1], probs[3 * k + 2]];
    assert.ok(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-5);
    assert.equal(cls[k], p.indexOf(Math.max(...p)));
  }
});

test('predictGrid with every feature equals the network evaluated point by point', () => {
  const tr = createTrainer({
    dataset: 'xor',
    features: ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY'],
    hidden: [5, 3],
    activation: 'tanh',
  });
  tr.step(3);
  const res = 7;
  const grid = tr.predictGrid(res, new Float64Array(res * res));
  // White box: the trainer's own feature map and network, one point at a time.
  const inner = tr as unknown as {
    features: { fill(x: number, y: number, o: Float64Array, off: number): void };
    net: { a: Float64Array[]; forward(rows: number): void; depth: number };
  };
  const { xMin, xMax, yMin, yMax } = tr.dataset.extent;
  for (const [r, c] of [
    [0, 0],
    [0, 6],
    [3, 2],
    [6, 6],
    [5, 1],
  ]) {
    const x = xMin + ((c + 0.5) * (xMax - xMin)) / res;
    const y = yMax - ((r + 0.5) * (yMax - yMin)) / res;
    inner.features.fill(x, y, inner.net.a[0], 0);
    inner.net.forward(1);
    const p = inner.net.a[inner.net.depth][0];
    assert.ok(
      Math.abs(grid[r * res + c] - p) < 1e-12,
      `cell ${r},${c}: ${grid[r * res + c]} vs ${p}`,
    );
  }
});

test('deadFraction finds units that output 0 on every training point', () => {
  const tr = createTrainer({ dataset: 'circle', hidden: [4, 4], activation: 'relu' });
  assert.deepEqual(tr.deadFraction().length, 2);
  const w = tr.getWeights();
  // Layer 1 is W (4 × 2) then b (4): push two biases far negative.
  w[8] = -1e3;
  w[9] = -1e3;
  assert.ok(tr.setWeights(w));
  assert.equal(tr.deadFraction()[0], 0.5);
  const tanh = createTrainer({ dataset: 'circle', hidden: [4], activation: 'tanh' });
  assert.deepEqual(tanh.deadFraction(), [0]);
});

test('setWeights lets a race start several activations from identical weights', () => {
  const base: TrainerConfig = { dataset: 'xor', hidden: [6, 6], seed: 9 };
  const a = createTrainer({ ...base, activation: 'relu' });
  const b = createTrainer({ ...base, activation: 'tanh' });
  assert.notDeepEqual(
    a.getWeights(),
    b.getWeights(),
    'He and Xavier scale the same draws differently',
  );
  assert.ok(b.setWeights(a.getWeights()));
  assert.deepEqual(a.getWeights(), b.getWeights());
  assert.equal(b.setWeights(new Float64Array(3)), false);
  assert.equal(b.setWeights(new Float64Array(a.getWeights().length).fill(NaN)), false);
});

test('plain SGD (applied inside the backward pass) equals the separate update of momentum 0', () => {
  for (const activation of ['relu', 'tanh']) {
    const base: TrainerConfig = { dataset: 'moons', hidden: [5, 4], activation, seed: 2 };
    const fused = createTrainer({ ...base, optimizer: { type: 'sgd' } });
    const separate = createTrainer({ ...base, optimizer: { type: 'momentum', momentum: 0 } });
    fused.step(7);
    separate.step(7);
    assert.deepEqual(fused.getWeights(), separate.getWeights(), activation);
  }
});

test('momentum, Adam and L1/L2 change the trajectory; L2 shrinks the weights', () => {
  const base: TrainerConfig = { dataset: 'circle', seed: 4 };
  const norm = (w: Float64Array) => Math.sqrt(w.reduce((s, v) => s + v * v, 0));
  const plain = createTrainer(base);
  const l2 = createTrainer({ ...base, regularization: { type: 'l2', rate: 0.05 } });
  const l1 = createTrainer({ ...base, regularization: { type: 'l1', rate: 0.01 } });
  const mom = createTrainer({ ...base, optimizer: { type: 'momentum', momentum: 0.5 } });
  for (const t of [plain, l2, l1, mom]) t.step(30);
  assert.ok(norm(l2.getWeights()) < norm(plain.getWeights()));
  assert.notDeepEqual(l1.getWeights(), plain.getWeights());
  assert.notDeepEqual(mom.getWeights(), plain.getWeights());
});

test('validation: clear errors, clamped sizes as warnings, never a throw from tryCreateTrainer', () => {
  const bad = validateTrainerConfig({ dataset: 'nope' });
  assert.ok(!bad.ok && bad.errors[0].field === 'dataset');
  const many = validateTrainerConfig({
    dataset: 'sine',
    features: ['x', 'y', 'z'],
    activation: 'softmax',
    learningRate: -1,
    optimizer: { type: 'adam', beta1: 2 },
    regularization: { type: 'l3', rate: 0 },
  });
  assert.ok(!many.ok);
  const fields = many.errors.map((e) => e.field);
  for (const f of [
    'features[1]',
    'features[2]',
    'activation',
    'learningRate',
    'optimizer.beta1',
    'regularization',
  ]) {
    assert.ok(fields.includes(f), `missing error for ${f}: ${fields}`);
  }
  const clamped = validateTrainerConfig({
    dataset: { name: 'xor', nSamples: 1e6 },
    hidden: new Array(40).fill(100),
    batchSize: 1e4,
  });
  assert.ok(clamped.ok);
  assert.equal(clamped.config.hidden.length, TRAIN_LIMITS.maxHiddenLayers);
  assert.ok(clamped.config.hidden.every((w) => w === TRAIN_LIMITS.maxLayerWidth));
  assert.equal(clamped.config.batchSize, TRAIN_LIMITS.maxBatchSize);
  assert.equal(clamped.config.dataset.nSamples, TRAIN_LIMITS.maxSamples);
  assert.ok(clamped.warnings.length >= 3);
  const defaults = validateTrainerConfig({ dataset: 'circle' });
  assert.ok(defaults.ok);
  assert.deepEqual(defaults.config.init, ['he', 'he', 'xavier']);
  const selu = validateTrainerConfig({ dataset: 'circle', activation: ['selu', 'tanh'] });
  assert.ok(selu.ok);
  assert.deepEqual(selu.config.init, ['lecun', 'xavier', 'xavier']);
  for (const junk of [
    null,
    3,
    'circle',
    [],
    { dataset: 5 },
    { dataset: 'xor', hidden: 'big' },
    { dataset: 'xor', activation: [1] },
  ]) {
    const r = tryCreateTrainer(junk);
    assert.equal(r.ok, false, JSON.stringify(junk));
  }
  assert.throws(() => createTrainer({ dataset: 'xor', learningRate: 0 }), TrainerConfigError);
});

test('activation parameters are checked by the catalog: unknown names and domain errors say which', () => {
  const base: TrainerConfig = { dataset: 'xor', hidden: [4] };
  const typo = validateTrainerConfig({
    ...base,
    activation: { id: 'leaky_relu', params: { negativeSlop: 0.1 } },
  });
  assert.ok(!typo.ok);
  assert.match(typo.errors[0].message, /no parameter "negativeSlop".*negativeSlope/);
  const beta = validateTrainerConfig({
    ...base,
    activation: { id: 'softplus', params: { beta: 0 } },
  });
  assert.ok(!beta.ok);
  assert.match(beta.errors[0].message, /softplus: beta must be > 0/);
  const fine = validateTrainerConfig({
    ...base,
    activation: { id: 'softplus', params: { beta: 2 } },
  });
  assert.ok(fine.ok);
});

test('step(epochs): one rule — a finite integer ≥ 0, capped; anything else trains none', () => {
  const t = createTrainer({ dataset: 'xor', hidden: [2], seed: 1 });
  const epochs = (n: unknown) => {
    const before = t.epoch;
    t.step(n as number);
    return t.epoch - before;
  };
  assert.equal(epochs(undefined), 1);
  assert.equal(epochs(2), 2);
  assert.equal(epochs(Infinity), 0);
  assert.equal(epochs('3'), 0);
  assert.equal(epochs(NaN), 0);
  assert.equal(epochs(-1), 0);
  assert.equal(epochs(1.5), 0);
  assert.equal(epochCount(1e9), TRAIN_LIMITS.maxEpochsPerStep);
});

test('a huge hidden array costs one warning, not one per entry', () => {
  const r = validateTrainerConfig({ dataset: 'xor', hidden: new Array(100_000).fill(1e6) });
  assert.ok(r.ok);
  assert.ok(r.warnings.length <= TRAIN_LIMITS.maxHiddenLayers + 1, `${r.warnings.length} warnings`);
  assert.equal(r.config.hidden.length, TRAIN_LIMITS.maxHiddenLayers);
});
