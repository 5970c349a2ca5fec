/**
 * The graph's flat-region and maximum-difference helpers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatRegions, maxDifference } from '../../webview/graph/plotSource';

test('flat regions separate dead zones from saturation', () => {
  const n = 11;
  const df = Float64Array.from([0, 0, 0, 0, 0, 0.5, 1, 1, 0.01, 0.01, 0.01]);
  assert.deepEqual(flatRegions(-5, 5, df, n, 0.05), [
    { x0: -5, x1: -0.5, kind: 'dead' },
    { x0: 2.5, x1: 5, kind: 'saturated' },
  ]);
  assert.deepEqual(
    flatRegions(-5, 5, Float64Array.from([1, 0, 1]), 3, 0.05),
    [],
    'a lone sample is no region',
  );
  assert.deepEqual(
    flatRegions(0, 4, Float64Array.from([1, -0.02, 0.01, 0.03, 1]), 5, 0.05),
    [{ x0: 0.5, x1: 3.5, kind: 'stationary' }],
    'f′ crossing zero is a turning point, not saturation',
  );
});

test('the maximum difference is refined between samples', () => {
  const a = (x: number) => Math.sin(x);
  const b = (_x: number) => 0;
  const n = 7;
  const xs = Array.from({ length: n }, (_, i) => -3 + i);
  const m = maxDifference(
    -3,
    3,
    Float64Array.from(xs, a),
    Float64Array.from(xs, b),
    n,
    (x) => a(x) - b(x),
  );
  assert.ok(m);
  assert.ok(Math.abs(Math.abs(m.x) - Math.PI / 2) < 1e-6, `x ${m.x}`);
  assert.ok(Math.abs(Math.abs(m.delta) - 1) < 1e-9);
});
