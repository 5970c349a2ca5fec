// How the webview writes numbers: read-outs (`fmt`) and axis ticks (`tickLabel`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmt, tickLabel } from '../../webview/i18n';

test('axis ticks built by adding steps read as the round numbers they stand for', () => {
  // chart.js's ticks of the difference axis of exact − tanh GELU, as it computes them.
  const step = 0.0001;
  const ticks = [-0.0005, -0.0004, -0.0003, -0.0002, -0.0001, 0, 0.0001, 0.0002, 0.0003];
  const built = ticks.map((_, i) => -0.0005 + i * step);
  assert.ok(
    built.some((v, i) => v !== ticks[i]),
    'the sums carry rounding error',
  );
  assert.deepEqual(
    built.map((v) => tickLabel(v)),
    ['−0.0005', '−0.0004', '−0.0003', '−0.0002', '−0.0001', '0', '0.0001', '0.0002', '0.0003'],
  );
  assert.equal(tickLabel(0.0003 - 0.0002), '0.0001');
  // A zero that float error moved off 0, told apart by the ticks' step (chart.js passes them).
  const near = [-2e-4, -1e-4, 5.4e-20, 1e-4].map((value) => ({ value }));
  assert.equal(tickLabel(5.4e-20, 2, near), '0');
  assert.equal(tickLabel(5.4e-20), '5.40e−20', 'without the ticks, a tiny number is kept');
  assert.equal(tickLabel(0.30000000000000004), '0.3');
});

test('every minus sign is a real minus, the exponent’s too', () => {
  assert.equal(fmt(-1.5e-6), '−1.50e−6');
  assert.equal(fmt(2.5e-7), '2.50e−7');
  assert.equal(fmt(-3), '−3');
});
