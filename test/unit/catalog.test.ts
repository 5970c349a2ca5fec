// Catalog structure, bilingual text, finite-difference checks of every f′ and f″, and the
// evaluate/derivative/sampleCurve contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  listActivations,
  getActivation,
  defaultParams,
  validateParams,
  disagreementsFor,
  aliasIndex,
} from '../../src/core/catalog/catalog';
import { evaluate, derivative, sampleCurve } from '../../src/core/catalog/sample';
import { localize } from '../../src/core/catalog/text';
import { DISAGREEMENTS } from '../../src/core/catalog/disagreements';
import type { ElementwiseActivation, LocalText, Params } from '../../src/core/catalog/types';

const REQUIRED_IDS = (
  'relu relu6 leaky_relu prelu rrelu elu selu celu gelu gelu_tanh sigmoid tanh silu swish mish ' +
  'softplus softsign hard_sigmoid hard_sigmoid_tf2 hard_swish hard_tanh log_sigmoid tanhshrink ' +
  'softshrink hardshrink threshold exponential linear squareplus sparse_plus sparse_sigmoid ' +
  'keras_relu squared_relu star_relu snake sine gaussian bent_identity arctan isru isrlu softmax ' +
  'log_softmax softmin sparsemax glu swiglu geglu reglu'
).split(' ');

const all = listActivations();
const elementwise = all.filter((e): e is ElementwiseActivation => e.kind === 'elementwise');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function bilingual(label: string, t: LocalText | undefined) {
  assert.ok(t, `${label} missing`);
  assert.ok(t.en.trim().length > 0, `${label}.en empty`);
  assert.ok(t.ja.trim().length > 0 && JAPANESE.test(t.ja), `${label}.ja is not Japanese: ${t.ja}`);
  assert.notEqual(t.en, t.ja, `${label} is not translated`);
}

test('ids are unique, snake_case, and include every required id', () => {
  const ids = all.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z][a-z0-9_]*$/);
  for (const id of REQUIRED_IDS) assert.ok(getActivation(id), `missing ${id}`);
  assert.equal(getActivation('nope'), undefined);
});

test('every sentence a person reads exists in English and Japanese', () => {
  for (const e of all) {
    bilingual(`${e.id}.summary`, e.summary);
    bilingual(`${e.id}.whenToUse`, e.whenToUse);
    bilingual(`${e.id}.pitfalls`, e.pitfalls);
    bilingual(`${e.id}.gradientNotes`, e.properties.gradientNotes);
    for (const p of e.params) bilingual(`${e.id}.${p.name}`, p.description);
    for (const a of e.apis) if (a.note) bilingual(`${e.id} ${a.qualifiedName} note`, a.note);
  }
  for (const d of DISAGREEMENTS) bilingual(`disagreement ${d.ids.join(',')}`, d.text);
});

test('every entry has formulas, properties, related ids that exist, and sane parameters', () => {
  for (const e of all) {
    assert.ok(e.latex.length > 0 && e.text.length > 0, e.id);
    assert.ok(e.name.length > 0, e.id);
    assert.ok([1, 2, 3].includes(e.properties.cost), e.id);
    for (const r of e.related) assert.ok(getActivation(r), `${e.id} relates to unknown ${r}`);
    if (e.origin) assert.ok(e.origin.year > 1900 && e.origin.title && e.origin.authors, e.id);
    for (const p of e.params) {
      assert.match(p.name, /^[a-z][a-zA-Z]*$/, `${e.id}.${p.name} camelCase`);
      assert.ok(p.min < p.max && p.step > 0, `${e.id}.${p.name} slider range`);
    }
    const v = validateParams(e.id, defaultParams(e.id));
    assert.ok(v.ok, `${e.id}: defaults must validate (${!v.ok && v.error})`);
  }
});

test('aliases are fully qualified and name their framework consistently', () => {
  const prefixes: Record<string, RegExp> = {
    pytorch: /^torch\./,
    keras: /^keras\./,
    'tf-keras': /^tf_keras\./,
    tensorflow: /^tensorflow\./,
    jax: /^jax\./,
    flax: /^flax\./,
    mlx: /^mlx\./,
  };
  for (const e of all) {
    for (const a of e.apis) {
      const re = prefixes[a.framework];
      assert.ok(re && re.test(a.qualifiedName), `${e.id}: ${a.qualifiedName} (${a.framework})`);
      for (const arg of a.args) {
        if (arg.param)
          assert.ok(
            e.params.some((p) => p.name === arg.param),
            `${a.qualifiedName}: ${arg.param}`,
          );
      }
      for (const k of Object.keys(a.fixed ?? {}))
        assert.ok(
          e.params.some((p) => p.name === k),
          `${a.qualifiedName} fixes ${k}`,
        );
    }
  }
  // Two resolvable aliases of one name on different entries must be told apart by `requires`.
  for (const [qn, list] of aliasIndex()) {
    const unconditioned = list.filter((c) => !c.alias.requires);
    assert.ok(unconditioned.length === 1, `${qn} has ${unconditioned.length} default aliases`);
  }
});

test('disagreements name existing entries and APIs, and are found by id and by API', () => {
  const names = new Set(all.flatMap((e) => e.apis.map((a) => a.qualifiedName)));
  for (const d of DISAGREEMENTS) {
    for (const id of d.ids) assert.ok(getActivation(id), id);
    for (const a of d.apis) assert.ok(names.has(a), `unknown API ${a}`);
  }
  assert.ok(disagreementsFor('gelu').length >= 2);
  assert.ok(
    disagreementsFor('gelu', 'jax.nn.gelu').some((d) => d.text.en.includes('tanh approximation')),
  );
  assert.equal(disagreementsFor('gelu', 'keras.ops.gelu').length, 2);
  assert.ok(
    disagreementsFor('leaky_relu', 'keras.layers.LeakyReLU').some((d) => d.text.en.includes('0.3')),
  );
  assert.deepEqual(disagreementsFor('no_such_id'), []);
});

test('measured gaps quoted in the disagreements hold', () => {
  const g = getActivation('gelu') as ElementwiseActivation;
  const gt = getActivation('gelu_tanh') as ElementwiseActivation;
  let worst = 0;
  let at = 0;
  for (let x = -10; x <= 10; x += 1e-3) {
    const d = Math.abs(g.f(x, {}) - gt.f(x, {}));
    if (d > worst) [worst, at] = [d, x];
  }
  assert.ok(
    Math.abs(worst - 4.73e-4) < 5e-6 && Math.abs(Math.abs(at) - 2.7) < 0.01,
    `${worst} at ${at}`,
  );
  const hs = getActivation('hard_sigmoid') as ElementwiseActivation;
  const h2 = getActivation('hard_sigmoid_tf2') as ElementwiseActivation;
  assert.equal(h2.f(1, {}), 0.7);
  assert.ok(Math.abs(hs.f(1, {}) - 2 / 3) < 1e-15);
  let gap = 0;
  for (let x = -5; x <= 5; x += 1e-3) gap = Math.max(gap, Math.abs(hs.f(x, {}) - h2.f(x, {})));
  assert.ok(Math.abs(gap - 1 / 12) < 1e-3, String(gap));
  assert.equal(gt.f(-1, {}).toFixed(8), '-0.15880801');
});

/** Points where a finite difference is meaningful: away from every kink by more than 1e-3. */
function smoothPoints(e: ElementwiseActivation, p: Params): number[] {
  const kinks = e.kinks(p);
  const xs: number[] = [];
  for (let x = -8; x <= 8; x += 0.173) xs.push(x);
  xs.push(-30, 30, 0.5, -0.5, 1e-4);
  return xs.filter((x) => kinks.every((k) => Math.abs(x - k) > 1e-3));
}

function nonDefault(e: ElementwiseActivation): Params {
  const p = defaultParams(e.id);
  for (const s of e.params) {
    if (p[s.name] === Infinity) continue;
    const cand = s.default + 0.37 * (s.max - s.min);
    const v = cand > s.max ? s.default - 0.21 * (s.max - s.min) : cand;
    const next = { ...p, [s.name]: v };
    if (validateParams(e.id, next).ok) p[s.name] = v;
  }
  return p;
}

for (const e of elementwise) {
  test(`${e.id}: f′ and f″ match central finite differences away from kinks`, () => {
    for (const p of [defaultParams(e.id), nonDefault(e)]) {
      for (const x of smoothPoints(e, p)) {
        const h = 1e-4 * Math.max(1, Math.abs(x));
        // Five-point stencil: truncation error O(h⁴), so fast oscillations (sine, ω₀ = 30) pass too.
        const fd5 = (g: (x: number) => number) =>
          (8 * (g(x + h) - g(x - h)) - (g(x + 2 * h) - g(x - 2 * h))) / (12 * h);
        const fd = fd5((y) => e.f(y, p));
        const d = e.df(x, p);
        assert.ok(
          Math.abs(fd - d) <= 2e-6 * Math.max(1, Math.abs(d)),
          `${e.id} ${JSON.stringify(p)} x=${x}: f′ ${d}, FD ${fd}`,
        );
        if (e.d2f) {
          const fd2 = fd5((y) => e.df(y, p));
          const d2 = e.d2f(x, p);
          assert.ok(
            Math.abs(fd2 - d2) <= 2e-5 * Math.max(1, Math.abs(d2)),
            `${e.id} ${JSON.stringify(p)} x=${x}: f″ ${d2}, FD ${fd2}`,
          );
        }
      }
    }
  });
}

test('no overflow or NaN at |x| = 1000 for any entry with default parameters', () => {
  for (const e of elementwise) {
    const p = defaultParams(e.id);
    for (const x of [-1000, -700, 700, 1000]) {
      if (e.id === 'exponential' && x > 709) continue; // e^x itself exceeds float64 there.
      for (const v of [e.f(x, p), e.df(x, p), e.d2f?.(x, p) ?? 0])
        assert.ok(Number.isFinite(v), `${e.id}(${x}) = ${v}`);
    }
  }
});

test('evaluate, derivative and sampleCurve', () => {
  assert.deepEqual(evaluate('relu', [-1, 0, 2]), [0, 0, 2]);
  assert.deepEqual(evaluate('relu', [[-1], [3]]), [[0], [3]]);
  assert.deepEqual(derivative('relu', [-1, 0, 2]), [0, 0, 1]);
  assert.deepEqual(evaluate('leaky_relu', [-10], { negativeSlope: 0.2 }), [-2]);
  const sm = evaluate('softmax', [
    [0, 0],
    [1000, 1000],
  ]) as number[][];
  assert.deepEqual(sm, [
    [0.5, 0.5],
    [0.5, 0.5],
  ]);
  assert.deepEqual(evaluate('softmax', [0, 0]), [0.5, 0.5]);
  assert.deepEqual(evaluate('glu', [[1, 2, 0, 0]]), [[0.5, 1]]);
  assert.equal(evaluate('glu', [[1, 2, 3]]), undefined);
  assert.equal(derivative('softmax', [1, 2]), undefined);
  assert.equal(evaluate('nope', [1]), undefined);
  assert.equal(evaluate('elu', [1], { alpha: NaN }), undefined);
  assert.equal(evaluate('elu', [1], { alpha: -1 }), undefined);
  assert.equal(derivative('elu', [1], { beta: 1 }), undefined);
  const s = sampleCurve('gelu', {}, -5, 5, 11);
  assert.ok(s);
  assert.equal(s.f.length, 11);
  assert.ok(Math.abs(s.f[10] - 5 * 0.9999997133484281) < 1e-12);
  const buf = { f: new Float64Array(11), df: new Float64Array(11), d2f: new Float64Array(11) };
  assert.equal(sampleCurve('gelu', undefined, -5, 5, 11, buf), buf);
  assert.ok(Math.abs(buf.d2f[5] - 2 * 0.3989422804014327) < 1e-15);
  assert.equal(sampleCurve('softmax', {}, -1, 1, 10), undefined);
  assert.equal(sampleCurve('relu', {}, -1, 1, 1), undefined);
  assert.equal(sampleCurve('relu', {}, NaN, 1, 10), undefined);
});

test('validateParams fills defaults and gives clear errors', () => {
  assert.deepEqual(validateParams('softplus', { beta: 2 }), {
    ok: true,
    params: { beta: 2, threshold: 20 },
  });
  const bad = validateParams('softplus', { beta: 0 });
  assert.ok(!bad.ok && /beta must be > 0/.test(bad.error));
  const nan = validateParams('elu', { alpha: NaN });
  assert.ok(!nan.ok && /number/.test(nan.error));
  const inf = validateParams('elu', { alpha: Infinity });
  assert.ok(!inf.ok && /finite/.test(inf.error));
  assert.ok(validateParams('keras_relu', { maxValue: Infinity }).ok);
  const unknown = validateParams('relu', { alpha: 1 });
  assert.ok(!unknown.ok && /no parameter 'alpha'/.test(unknown.error));
  const cross = validateParams('rrelu', { lower: 0.5, upper: 0.1 });
  assert.ok(!cross.ok && /lower/.test(cross.error) && JAPANESE.test(cross.message.ja));
  assert.ok(!validateParams('nope').ok);
  assert.ok(!validateParams('elu', { alpha: '1' as unknown as number }).ok);
});

test('localize picks the language and falls back to English', () => {
  assert.equal(localize({ en: 'a', ja: 'あ' }, 'ja'), 'あ');
  assert.equal(localize({ en: 'a', ja: 'あ' }, 'en'), 'a');
  assert.equal(localize({ en: 'a', ja: '' }, 'ja'), 'a');
});
