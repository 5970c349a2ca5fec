// Property and fuzz tests: random parameters inside and outside the declared ranges give either
// finite values everywhere on |x| ≤ 1000 or a clear validation error, never a silent NaN; random
// rows through vector entries stay finite; random calls through the resolver never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listActivations, validateParams } from '../../src/core/catalog/catalog';
import { evaluate, derivative, sampleCurve } from '../../src/core/catalog/sample';
import { resolveActivation } from '../../src/core/catalog/resolve';
import type { ElementwiseActivation, Params, VectorActivation } from '../../src/core/catalog/types';
import { rng } from './seededRng';

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1e-300, -1e-300, 1e300, -1e300, 1e6, -1e6];
const XS = [-1000, -709, -100, -20, -3, -1, -1e-9, 0, 1e-9, 1, 3, 20, 100, 709, 1000];

function randomValue(r: () => number, min: number, max: number): number {
  const k = r();
  if (k < 0.45) return min + (max - min) * r(); // inside the slider range
  if (k < 0.8) return (r() - 0.5) * 10 ** (r() * 8 - 2); // anywhere, many magnitudes
  return SPECIAL[Math.floor(r() * SPECIAL.length)];
}

const elementwise = listActivations().filter(
  (e): e is ElementwiseActivation => e.kind === 'elementwise',
);
const vector = listActivations().filter((e): e is VectorActivation => e.kind === 'vector');

for (const e of elementwise) {
  test(`${e.id}: random parameters give finite values or a validation error`, () => {
    const r = rng(0x5eed ^ (e.id.length * 7919) ^ e.id.charCodeAt(0));
    let accepted = 0;
    let rejected = 0;
    for (let trial = 0; trial < 300; trial++) {
      const p: Params = {};
      for (const s of e.params) p[s.name] = randomValue(r, s.min, s.max);
      const v = validateParams(e.id, p);
      if (!v.ok) {
        rejected++;
        assert.ok(v.error.length > 0 && v.message.ja.length > 0, `${e.id}: empty error`);
        assert.equal(evaluate(e.id, [0], p), undefined);
        assert.equal(derivative(e.id, [0], p), undefined);
        assert.equal(sampleCurve(e.id, p, -1, 1, 4), undefined);
        continue;
      }
      accepted++;
      for (const x of XS) {
        // e^x exceeds float64 above 709.78 in every framework; that is not a numerical defect.
        if (e.id === 'exponential' && x > 709) continue;
        const vals = [e.f(x, v.params), e.df(x, v.params), e.d2f ? e.d2f(x, v.params) : 0];
        for (const y of vals) {
          assert.ok(Number.isFinite(y), `${e.id} ${JSON.stringify(v.params)} at x=${x}: ${vals}`);
        }
      }
    }
    if (e.params.length > 0)
      assert.ok(
        accepted > 20 && rejected > 0,
        `${e.id}: ${accepted} accepted, ${rejected} rejected`,
      );
  });
}

test('vector entries stay finite and normalised on random rows, including extreme values', () => {
  const r = rng(42);
  for (let trial = 0; trial < 400; trial++) {
    const n = 2 * (1 + Math.floor(r() * 6));
    const row = Array.from({ length: n }, () => (r() - 0.5) * 10 ** (r() * 6 - 2));
    if (trial % 10 === 0) row[0] = 1000;
    if (trial % 10 === 1) row[0] = -1000;
    for (const e of vector) {
      const p: Params = {};
      for (const s of e.params) p[s.name] = s.default;
      const out = e.apply(row, p);
      assert.ok(out.length > 0 && out.every(Number.isFinite), `${e.id} on ${row}: ${out}`);
      if (e.id === 'softmax' || e.id === 'softmin' || e.id === 'sparsemax') {
        const s = out.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(s - 1) < 1e-12 && out.every((v) => v >= 0), `${e.id} sums to ${s}`);
      }
      if (e.id === 'log_softmax') assert.ok(out.every((v) => v <= 0));
    }
  }
});

test('swiglu parameters outside the range are rejected, inside are finite', () => {
  assert.ok(!validateParams('swiglu', { beta: -1 }).ok);
  assert.deepEqual(evaluate('swiglu', [[1, 0]], { beta: 2 }), [[0]]);
  assert.equal(evaluate('swiglu', [[1, 0]], { beta: NaN }), undefined);
});

test('the resolver never throws on random calls', () => {
  const r = rng(7);
  const names = listActivations().flatMap((e) => e.apis.map((a) => a.qualifiedName));
  const values: unknown[] = [
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    NaN,
    Infinity,
    true,
    false,
    null,
    'tanh',
    'none',
    'zeros',
    '',
    { unknown: 'x' },
    [1, 2],
    {},
    undefined,
  ];
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  for (let i = 0; i < 3000; i++) {
    const positional = Array.from({ length: Math.floor(r() * 4) }, () => pick(values));
    const keywords: Record<string, unknown> = {};
    for (let k = Math.floor(r() * 3); k > 0; k--)
      keywords[
        pick([
          'alpha',
          'beta',
          'negative_slope',
          'approximate',
          'dim',
          'threshold',
          'lambd',
          'max_value',
          'b',
          'zzz',
        ])
      ] = pick(values);
    const res = resolveActivation(pick(names), { positional, keywords });
    if (res) {
      const v = validateParams(res.id, res.params);
      assert.ok(v.ok, `resolved to invalid parameters: ${JSON.stringify(res)}`);
    }
  }
});
