import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRAIN_LIMITS } from '../../src/core/train/config';
import { DATASET_IDS, DATASET_INFO, generateDataset } from '../../src/core/train/datasets';
import type { Dataset, DataSplit } from '../../src/core/train/datasets';
import { createRng } from '../../src/core/train/rng';

function gen(name: (typeof DATASET_IDS)[number], opts = {}): Dataset {
  const d = generateDataset(name, opts);
  assert.ok(d, name);
  return d;
}

function all(d: Dataset): DataSplit[] {
  return [d.train, d.test];
}

test('every dataset has the requested size, split and kind', () => {
  for (const name of DATASET_IDS) {
    const d = gen(name, { nSamples: 300, testFraction: 0.2 });
    assert.equal(d.train.length + d.test.length, 300, name);
    assert.equal(d.test.length, 60, name);
    for (const s of all(d)) {
      assert.equal(s.x.length, s.length);
      assert.equal(s.y.length, s.length);
      assert.equal(s.label.length, s.length);
    }
    assert.equal(d.kind, DATASET_INFO[name].kind);
    assert.equal(d.classes, DATASET_INFO[name].classes);
  }
});

test('the same seed gives the same points, another seed other points', () => {
  for (const name of DATASET_IDS) {
    const a = gen(name, { seed: 7, noise: 0.2 });
    const b = gen(name, { seed: 7, noise: 0.2 });
    const c = gen(name, { seed: 8, noise: 0.2 });
    assert.deepEqual(a.train.x, b.train.x, name);
    assert.deepEqual(a.test.label, b.test.label, name);
    assert.notDeepEqual(a.train.x, c.train.x, name);
  }
});

test('classification labels are class indices, classes are balanced, points lie in the extent without noise', () => {
  for (const name of DATASET_IDS) {
    const d = gen(name, { nSamples: 600 });
    if (d.kind !== 'classification') continue;
    const counts = new Array(d.classes).fill(0);
    for (const s of all(d)) {
      for (let i = 0; i < s.length; i++) {
        const l = s.label[i];
        assert.ok(Number.isInteger(l) && l >= 0 && l < d.classes, `${name} label ${l}`);
        counts[l]++;
        assert.ok(s.x[i] >= d.extent.xMin && s.x[i] <= d.extent.xMax, `${name} x`);
        assert.ok(s.y[i] >= d.extent.yMin && s.y[i] <= d.extent.yMax, `${name} y`);
      }
    }
    for (const c of counts)
      assert.ok(Math.abs(c - 600 / d.classes) <= 600 * 0.07, `${name} counts ${counts}`);
  }
});

test('labels follow each dataset’s rule', () => {
  const xor = gen('xor');
  for (let i = 0; i < xor.train.length; i++) {
    assert.equal(xor.train.label[i], xor.train.x[i] * xor.train.y[i] > 0 ? 1 : 0);
  }
  const circle = gen('circle');
  for (let i = 0; i < circle.train.length; i++) {
    const r = Math.hypot(circle.train.x[i], circle.train.y[i]);
    assert.equal(circle.train.label[i], r <= 2.5 ? 1 : 0, `r = ${r}`);
  }
  const cb = gen('checkerboard');
  for (let i = 0; i < cb.train.length; i++) {
    const cell = Math.floor((cb.train.x[i] + 6) / 3) + Math.floor((cb.train.y[i] + 6) / 3);
    assert.equal(cb.train.label[i], cell % 2);
  }
  const sine = gen('sine');
  for (let i = 0; i < sine.train.length; i++) {
    assert.equal(sine.train.y[i], sine.train.label[i]);
    assert.ok(Math.abs(sine.train.label[i] - Math.sin(sine.train.x[i])) < 1e-12);
  }
  const plane = gen('plane');
  for (let i = 0; i < plane.train.length; i++) {
    assert.ok(Math.abs(plane.train.label[i] - (plane.train.x[i] + plane.train.y[i]) / 12) < 1e-12);
  }
});

test('noise moves points: regression targets get noise, classification points get jitter', () => {
  const quiet = gen('sine', { noise: 0 });
  const noisy = gen('sine', { noise: 0.5 });
  let dev = 0;
  for (let i = 0; i < noisy.train.length; i++)
    dev += (noisy.train.label[i] - Math.sin(noisy.train.x[i])) ** 2;
  const sd = Math.sqrt(dev / noisy.train.length);
  assert.ok(sd > 0.2 && sd < 0.3, `sd ${sd}`);
  assert.notDeepEqual(quiet.train.label, noisy.train.label);
  const c = gen('circle', { noise: 1 });
  let outside = 0;
  for (let i = 0; i < c.train.length; i++) {
    const r = Math.hypot(c.train.x[i], c.train.y[i]);
    if (r > 2.5 && r < 3.5) outside++;
  }
  assert.ok(outside > 10, 'jittered points fall into the gap between the classes');
});

test('options are clamped to the limits and bad values fall back to defaults', () => {
  const big = gen('xor', { nSamples: 1e9, testFraction: 5, noise: 9 });
  assert.equal(big.options.nSamples, TRAIN_LIMITS.maxSamples);
  assert.equal(big.options.testFraction, TRAIN_LIMITS.maxTestFraction);
  assert.equal(big.options.noise, TRAIN_LIMITS.maxNoise);
  const small = gen('xor', { nSamples: 1, testFraction: -1 });
  assert.equal(small.options.nSamples, TRAIN_LIMITS.minSamples);
  assert.equal(small.options.testFraction, TRAIN_LIMITS.minTestFraction);
  const nan = gen('xor', { nSamples: NaN, seed: Infinity });
  assert.equal(nan.options.nSamples, 500);
  assert.equal(nan.options.seed, 1);
  assert.equal(generateDataset('nope' as never), undefined);
});

test('the generator is uniform and its normals have unit variance', () => {
  const r = createRng(42);
  let s = 0;
  let s2 = 0;
  let u = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const v = r.normal();
    s += v;
    s2 += v * v;
    u += r.next();
  }
  assert.ok(Math.abs(s / n) < 0.03);
  assert.ok(Math.abs(s2 / n - 1) < 0.05);
  assert.ok(Math.abs(u / n - 0.5) < 0.01);
  assert.notEqual(createRng(1).next(), createRng(2).next());
  assert.equal(createRng(3).next(), createRng(3).next());
});
