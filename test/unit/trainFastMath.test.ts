import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expFast, tanhFast, tanhTrain } from '../../src/core/train/fastMath';

test('expFast is within 1e-15 relative of Math.exp over its whole range', () => {
  let worst = 0;
  for (let x = -745; x < 710; x += 0.00731) {
    const e = Math.exp(x);
    if (e < 1e-300 || !Number.isFinite(e)) continue;
    worst = Math.max(worst, Math.abs(expFast(x) / e - 1));
  }
  assert.ok(worst < 1e-15, `worst ${worst}`);
  assert.equal(expFast(0), 1);
  assert.ok(Number.isNaN(expFast(NaN)));
  assert.equal(expFast(Infinity), Infinity);
  assert.equal(expFast(-Infinity), 0);
  assert.equal(expFast(800), Infinity);
  assert.equal(expFast(-800), 0);
});

test('tanhFast is within 4e-16 absolute and 1e-14 relative of Math.tanh', () => {
  let abs = 0;
  let rel = 0;
  const xs: number[] = [1e-300, -1e-12, 0.03999999, 0.04, -0.04000001, 19, -19.5, 400, -400];
  for (let x = -25; x < 25; x += 0.000317) xs.push(x);
  for (const x of xs) {
    const t = Math.tanh(x);
    abs = Math.max(abs, Math.abs(tanhFast(x) - t));
    if (t !== 0) rel = Math.max(rel, Math.abs(tanhFast(x) / t - 1));
  }
  assert.ok(abs < 4e-16, `abs ${abs}`);
  assert.ok(rel < 1e-14, `rel ${rel}`);
  assert.ok(Number.isNaN(tanhFast(NaN)));
  assert.equal(tanhFast(Infinity), 1);
  assert.equal(tanhFast(-Infinity), -1);
});

test('tanhTrain is within 2.7e-7 of Math.tanh everywhere, odd, saturating and NaN-preserving', () => {
  let abs = 0;
  for (let i = -300000; i <= 300000; i++) {
    const x = i * 1e-4;
    abs = Math.max(abs, Math.abs(tanhTrain(x) - Math.tanh(x)));
    assert.equal(tanhTrain(-x), -tanhTrain(x));
  }
  assert.ok(abs <= 2.7e-7, `max error ${abs}`);
  assert.ok(Math.abs(tanhTrain(1e300) - 1) < 3e-7 && Math.abs(tanhTrain(-Infinity) + 1) < 3e-7);
  assert.ok(Number.isNaN(tanhTrain(NaN)));
});

test('tanhTrain is within 2.1e-8 of tanh, and its slope within 3.4e-7 of the 1 − a² backward uses', () => {
  let abs = 0;
  let slope = 0;
  const h = 1e-6;
  for (let i = -95000; i <= 95000; i++) {
    const x = i * 1e-4 + 3.7e-6;
    const a = tanhTrain(x);
    abs = Math.max(abs, Math.abs(a - Math.tanh(x)));
    // Inside the clamp only: at ±9 the approximation's slope drops to 0.
    if (Math.abs(x) < 9 - 2 * h) {
      const fd = (tanhTrain(x + h) - tanhTrain(x - h)) / (2 * h);
      slope = Math.max(slope, Math.abs(fd - (1 - a * a)));
    }
  }
  assert.ok(abs <= 2.1e-8, `max error ${abs}`);
  assert.ok(slope <= 3.4e-7, `max slope mismatch ${slope}`);
  assert.ok(Object.is(tanhTrain(-0), -0));
});
