// Golden tests: every element-wise entry's value, derivative (and f″ where defined) and every vector
// entry's output against PyTorch float64 (test/fixtures/golden.json, made by
// scripts/golden/genGolden.py). Where a function has no PyTorch twin, the reference is the
// framework's own formula written with torch ops; each case states it in `source`, e.g.
// hard_sigmoid_tf2: clip(0.2x + 0.5, 0, 1) from tf-keras backend.hard_sigmoid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import golden from '../fixtures/golden.json';
import { getActivation, listActivations } from '../../src/core/catalog/catalog';
import { erf, erfc } from '../../src/core/math/special';
import { parsePyLiteral } from '../../src/core/catalog/pyLiteral';
import type { Params } from '../../src/core/catalog/types';

const REL = golden.tolerance.relative;
const ABS = golden.tolerance.absolute;

interface Case {
  id: string;
  params: Record<string, number | null>;
  reference: string;
  source: string;
  kinks: number[];
  x: number[];
  f: number[];
  df: number[];
  d2f?: number[];
}

function toParams(p: Record<string, number | null>): Params {
  const out: Params = {};
  // null stands for Python None, i.e. "no limit" (Keras max_value=None, softplus without threshold).
  for (const [k, v] of Object.entries(p)) out[k] = v === null ? Infinity : v;
  return out;
}

/**
 * Known imprecision of the reference itself: torch 1.13's float64 hardsigmoid backward multiplies by
 * the float32 constant 1.0f/6.0f = 0.1666666716…, 3e-8 away from 1/6. The catalog keeps the exact 1/6.
 */
const DF_REL_OVERRIDE: Record<string, number> = { hard_sigmoid: 1e-7 };

function close(actual: number, expected: number, rel = REL): boolean {
  return Math.abs(actual - expected) <= ABS + rel * Math.abs(expected);
}

function check(
  label: string,
  got: number[],
  want: number[],
  xs: number[],
  skip?: (x: number) => boolean,
  rel = REL,
) {
  const bad: string[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (skip?.(xs[i])) continue;
    if (!close(got[i], want[i], rel)) bad.push(`x=${xs[i]}: got ${got[i]}, torch ${want[i]}`);
  }
  assert.equal(bad.length, 0, `${label}\n${bad.slice(0, 8).join('\n')}`);
}

const cases = golden.elementwise as Case[];

test('the fixture covers every element-wise and every vector entry', () => {
  const covered = new Set([...cases.map((c) => c.id), ...golden.vector.map((c) => c.id)]);
  const missing = listActivations()
    .filter((e) => !covered.has(e.id))
    .map((e) => e.id);
  assert.deepEqual(missing, []);
});

test('every golden case uses non-default parameters somewhere and states its source', () => {
  for (const c of cases) assert.ok(c.source.length > 5, `${c.id} has no source`);
  const withParams = new Set(
    cases.filter((c) => Object.keys(c.params).length > 0).map((c) => c.id),
  );
  for (const e of listActivations()) {
    if (e.kind !== 'elementwise' || e.params.length === 0) continue;
    const nonDefault = cases.some(
      (c) => c.id === e.id && e.params.some((p) => toParams(c.params)[p.name] !== p.default),
    );
    assert.ok(
      withParams.has(e.id) && nonDefault,
      `${e.id} has no case with non-default parameters`,
    );
  }
});

test('the grid reaches |x| = 100 and brackets every kink', () => {
  for (const c of cases) {
    assert.ok(c.x.includes(100) && c.x.includes(-100), c.id);
    for (const k of c.kinks) {
      assert.ok(c.x.includes(k), `${c.id}: kink ${k}`);
      assert.ok(
        c.x.some((x) => x < k && k - x < 1e-6) && c.x.some((x) => x > k && x - k < 1e-6),
        `${c.id}: near ${k}`,
      );
    }
  }
});

for (const c of cases) {
  const name = `${c.id} ${JSON.stringify(c.params)} vs ${c.reference} ${c.source}`;
  test(name, () => {
    const e = getActivation(c.id);
    assert.ok(e && e.kind === 'elementwise', `${c.id} is element-wise`);
    const p = toParams(c.params);
    for (const s of e.params) assert.ok(s.name in p, `${c.id}: case lacks ${s.name}`);
    check(
      `${c.id} f`,
      c.x.map((x) => e.f(x, p)),
      c.f,
      c.x,
    );
    // Derivatives at the kinks themselves are included: the catalog follows PyTorch autograd there.
    check(
      `${c.id} f′`,
      c.x.map((x) => e.df(x, p)),
      c.df,
      c.x,
      undefined,
      DF_REL_OVERRIDE[c.id],
    );
    if (c.d2f && e.d2f) {
      const d2 = e.d2f;
      // f″ at a kink is a convention with no analytic meaning; compare everywhere else.
      check(
        `${c.id} f″`,
        c.x.map((x) => d2(x, p)),
        c.d2f,
        c.x,
        (x) => c.kinks.includes(x),
      );
    }
  });
}

for (const c of golden.vector) {
  test(`${c.id} ${JSON.stringify(c.params)} vs ${c.reference} ${c.source}`, () => {
    const e = getActivation(c.id);
    assert.ok(e && e.kind === 'vector');
    c.rows.forEach((row, i) => {
      const got = e.apply(row, c.params as Params);
      assert.equal(got.length, c.out[i].length, `${c.id} row ${i} length`);
      check(
        `${c.id} row ${i}`,
        got,
        c.out[i],
        got.map((_, j) => j),
      );
    });
  });
}

test('erf and erfc agree with torch.erf/torch.erfc within 1e-15 relative', () => {
  const { x, erf: we, erfc: wc } = golden.erf;
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    for (const [got, want] of [
      [erf(x[i]), we[i]],
      [erfc(x[i]), wc[i]],
    ]) {
      const err = want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
      worst = Math.max(worst, err);
    }
  }
  assert.ok(worst <= 1e-15, `worst relative error ${worst}`);
});

test('every PyTorch alias exists in torch with the defaults and argument order the catalog states', () => {
  const apis = golden.torchApis as Record<string, Record<string, string | null> | null>;
  const problems: string[] = [];
  for (const e of listActivations()) {
    for (const a of e.apis) {
      if (a.framework !== 'pytorch') continue;
      if (!(a.qualifiedName in apis)) {
        problems.push(`${a.qualifiedName} does not exist in torch ${golden.torch}`);
        continue;
      }
      const sig = apis[a.qualifiedName];
      if (!sig) continue;
      const names = Object.keys(sig);
      a.args.forEach((arg, i) => {
        if (names[i] !== arg.name)
          problems.push(
            `${a.qualifiedName}: argument ${i} is ${names[i]}, catalog says ${arg.name}`,
          );
        const theirs = sig[arg.name];
        const ours = arg.default;
        if ((theirs === null) !== (ours === undefined)) {
          problems.push(
            `${a.qualifiedName}(${arg.name}): torch default ${theirs}, catalog ${ours}`,
          );
        } else if (theirs !== null && ours !== undefined) {
          const t = parsePyLiteral(theirs);
          const o = parsePyLiteral(ours);
          const same =
            typeof t === 'number' && typeof o === 'number' ? Math.abs(t - o) < 1e-15 : t === o;
          if (!same)
            problems.push(
              `${a.qualifiedName}(${arg.name}): torch default ${theirs}, catalog ${ours}`,
            );
        }
      });
    }
  }
  assert.deepEqual(problems, []);
});
