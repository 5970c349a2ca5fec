/**
 * The vector chart's two y axes put zero at the same height (webview/vector/zeroAxes.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeroAlignedRanges, type AxisRange } from '../../webview/vector/zeroAxes';

const zeroAt = (r: AxisRange) => -r.min / (r.max - r.min);
const close = (a: number, b: number) => Math.abs(a - b) < 1e-12;

function check(inputs: number[], outputs: number[]): [AxisRange, AxisRange] {
  const [a, b] = zeroAlignedRanges(inputs, outputs);
  assert.ok(close(zeroAt(a), zeroAt(b)), `zero at ${zeroAt(a)} and ${zeroAt(b)}`);
  for (const [r, vs] of [
    [a, inputs],
    [b, outputs],
  ] as const)
    for (const v of vs)
      if (Number.isFinite(v)) assert.ok(v >= r.min && v <= r.max, `${v} in range`);
  return [a, b];
}

test('softmax of a logit of 1000 next to −200: the probability axis gets room below zero', () => {
  const [a, b] = check([1000, 1, 0.1, -200], [1, 0, 0, 0]);
  assert.deepEqual(a, { min: -200, max: 1000 });
  assert.ok(close(b.min, -0.2) && b.max === 1, JSON.stringify(b));
});

test('positive inputs and outputs: both start at zero, unchanged', () => {
  assert.deepEqual(check([1, 2, 3], [0.1, 0.2, 0.7]), [
    { min: 0, max: 3 },
    { min: 0, max: 0.7 },
  ]);
});

test('log-softmax (outputs ≤ 0) of positive logits: zero high up on both axes, bars visible', () => {
  const [a, b] = check([2, 1, 0.5], [-0.46, -1.46, -1.96]);
  assert.ok(close(zeroAt(a), 0.9), 'the outputs fill 90 % below zero');
  assert.ok(a.min < 0 && a.max === 2);
  assert.equal(b.min, -1.96);
  assert.ok(close(b.max, (1.96 * 0.1) / 0.9), `output max ${b.max}`);
});

test('both wholly negative: zero at the top of both', () => {
  assert.deepEqual(check([-3, -1], [-2, -0.5]), [
    { min: -3, max: 0 },
    { min: -2, max: 0 },
  ]);
});

test('empty, flat and non-finite values give a usable range', () => {
  assert.deepEqual(check([], []), [
    { min: 0, max: 1 },
    { min: 0, max: 1 },
  ]);
  check([0, 0], [NaN, Infinity, -Infinity]);
  check([5, -5], [0.5, 0.5]);
});
