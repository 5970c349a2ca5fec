/**
 * The register-blocked dense kernels (dense.ts, denseTanh.ts) equal the plain reference
 * (denseReference.ts) on random shapes, including sizes that are not multiples of the 2 × 4
 * blocks (1, 2, 3, 5, 7 rows/units), with the operands at arbitrary offsets of one array.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { denseForward, denseGradInput, denseGradParams } from '../../src/core/train/dense';
import { denseForwardTanh, denseGradInputTanh } from '../../src/core/train/denseTanh';
import {
  denseForwardReference,
  denseGradInputReference,
  denseGradParamsReference,
} from '../../src/core/train/denseReference';
import { tanhTrain } from '../../src/core/train/fastMath';
import { rng } from './seededRng';

const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 13];

/** Operands laid out in one array (as the network's memory is), each at its own offset. */
function layout(rand: () => number, parts: Record<string, number>) {
  const offsets: Record<string, number> = {};
  let at = 3; // not 0, so a kernel that ignores an offset is caught
  for (const [name, size] of Object.entries(parts)) {
    offsets[name] = at;
    at += size + 1;
  }
  const m = new Float64Array(at);
  for (let k = 0; k < at; k++) m[k] = rand() * 4 - 2;
  const get = (name: string) => m.slice(offsets[name], offsets[name] + parts[name]);
  return { m, at: offsets, get };
}

function close(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let k = 0; k < actual.length; k++)
    assert.ok(
      Math.abs(actual[k] - expected[k]) <= 1e-12 * (1 + Math.abs(expected[k])),
      `${what}[${k}]: ${actual[k]} ≠ ${expected[k]}`,
    );
}

function* shapes(seed: number): Generator<[number, number, number, () => number]> {
  const rand = rng(seed);
  for (const rows of SIZES)
    for (const nIn of SIZES)
      for (const nOut of SIZES) if ((rows + nIn + nOut) % 2 === 0) yield [rows, nIn, nOut, rand];
}

test('denseForward (plain and with the fused ReLU) equals the reference', () => {
  for (const [rows, nIn, nOut, rand] of shapes(1)) {
    for (const relu of [false, true]) {
      const L = layout(rand, { W: nOut * nIn, b: nOut, x: rows * nIn, z: rows * nOut });
      const want = denseForwardReference(L.get('W'), L.get('b'), L.get('x'), rows, nIn, nOut);
      if (relu) want.forEach((v, k) => (want[k] = Math.max(v, 0)));
      denseForward(L.m, L.at.W, L.at.b, nIn, nOut, L.at.x, L.at.z, rows, relu);
      close(L.get('z'), want, `z ${rows}×${nIn}→${nOut} relu=${relu}`);
    }
  }
});

test('denseForwardTanh equals tanh of the reference product', () => {
  for (const [rows, nIn, nOut, rand] of shapes(2)) {
    const L = layout(rand, { W: nOut * nIn, b: nOut, x: rows * nIn, a: rows * nOut });
    const want = denseForwardReference(L.get('W'), L.get('b'), L.get('x'), rows, nIn, nOut).map(
      tanhTrain,
    );
    denseForwardTanh(L.m, L.at.W, L.at.b, nIn, nOut, L.at.x, L.at.a, rows);
    close(L.get('a'), want, `a ${rows}×${nIn}→${nOut}`);
  }
});

test('denseGradParams writes the reference gradients, or takes the SGD step with them', () => {
  for (const [rows, nIn, nOut, rand] of shapes(3)) {
    for (const lr of [0, 0.1]) {
      const L = layout(rand, { W: nOut * nIn, b: nOut, x: rows * nIn, d: rows * nOut, lr: 1 });
      L.m[L.at.lr] = lr;
      const { dW, db } = denseGradParamsReference(L.get('d'), L.get('x'), rows, nIn, nOut);
      const W0 = L.get('W');
      const b0 = L.get('b');
      denseGradParams(L.m, L.at.W, L.at.b, nIn, nOut, L.at.x, L.at.d, rows, L.at.lr);
      const step = (p: Float64Array, g: Float64Array) =>
        lr === 0 ? g : p.map((v, k) => v - lr * g[k]);
      close(L.get('W'), step(W0, dW), `W ${rows}×${nIn}→${nOut} lr=${lr}`);
      close(L.get('b'), step(b0, db), `b ${rows}×${nIn}→${nOut} lr=${lr}`);
    }
  }
});

test('denseGradInput (plain, after a ReLU, after a tanh) equals the reference', () => {
  for (const [rows, nIn, nOut, rand] of shapes(4)) {
    for (const below of ['none', 'relu', 'tanh'] as const) {
      const L = layout(rand, { W: nOut * nIn, d: rows * nOut, x: rows * nIn, dx: rows * nIn });
      // The layer input is the output of the layer below: ≥ 0 after a ReLU (some exactly 0).
      for (let k = 0; k < rows * nIn; k++) {
        const v = L.m[L.at.x + k];
        if (below === 'relu') L.m[L.at.x + k] = v < 0 ? 0 : v;
        if (below === 'tanh') L.m[L.at.x + k] = Math.tanh(v);
      }
      const x = L.get('x');
      const want = denseGradInputReference(L.get('W'), L.get('d'), rows, nIn, nOut);
      if (below === 'relu') want.forEach((v, k) => (want[k] = x[k] > 0 ? v : 0));
      if (below === 'tanh') want.forEach((v, k) => (want[k] = v * (1 - x[k] * x[k])));
      if (below === 'tanh')
        denseGradInputTanh(L.m, L.at.W, nIn, nOut, L.at.d, L.at.dx, rows, L.at.x);
      else denseGradInput(L.m, L.at.W, nIn, nOut, L.at.d, L.at.dx, rows, below === 'relu', L.at.x);
      close(L.get('dx'), want, `dx ${rows}×${nIn}→${nOut} below=${below}`);
    }
  }
});
