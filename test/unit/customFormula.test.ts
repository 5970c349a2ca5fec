/**
 * The custom-formula pipeline without a browser: mathjs parse → whitelisted tree → closures with
 * forward-mode differentiation; plus the graph's flat-region and maximum-difference helpers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExpr, compileSampler, type Expr } from '../../webview/custom/expr';
import { parseFormula } from '../../webview/custom/formulaParser';
import { flatRegions, maxDifference } from '../../webview/graph/plotSource';

function compile(text: string) {
  const r = parseFormula(text);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return { ...compileExpr(r.expr), r };
}

const sig = (x: number) => 1 / (1 + Math.exp(-x));

test('f and f′ of common formulas match closed forms', () => {
  const cases: [string, (x: number) => number, (x: number) => number][] = [
    [
      'x * sigmoid(1.702 * x)',
      (x) => x * sig(1.702 * x),
      (x) => sig(1.702 * x) * (1 + 1.702 * x * (1 - sig(1.702 * x))),
    ],
    ['tanh(x)^2', (x) => Math.tanh(x) ** 2, (x) => 2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2)],
    ['x^3 - 2x', (x) => x ** 3 - 2 * x, (x) => 3 * x * x - 2],
    [
      '0.5 * x * (1 + erf(x / sqrt(2)))',
      (x) => 0.5 * x * (1 + erfRef(x / Math.SQRT2)),
      (x) =>
        0.5 * (1 + erfRef(x / Math.SQRT2)) + (x * Math.exp((-x * x) / 2)) / Math.sqrt(2 * Math.PI),
    ],
    ['log(1 + exp(x))', (x) => Math.log1p(Math.exp(x)), (x) => sig(x)],
    ['x / (1 + abs(x))', (x) => x / (1 + Math.abs(x)), (x) => 1 / (1 + Math.abs(x)) ** 2],
    ['-x^2', (x) => -(x ** 2), (x) => -2 * x],
    ['2^x', (x) => 2 ** x, (x) => Math.log(2) * 2 ** x],
    ['pow(x, 2) + e * pi', (x) => x * x + Math.E * Math.PI, (x) => 2 * x],
  ];
  for (const [text, f, df] of cases) {
    const c = compile(text);
    for (const x of [-3.1, -1, -0.2, 0.4, 1.5, 2.9]) {
      assert.ok(Math.abs(c.f(x) - f(x)) < 1e-9, `${text} f(${x}) = ${c.f(x)} vs ${f(x)}`);
      assert.ok(Math.abs(c.df(x) - df(x)) < 1e-7, `${text} f′(${x}) = ${c.df(x)} vs ${df(x)}`);
    }
  }
});

/** erf by numerical integration (Simpson), independent of the implementation under test. */
function erfRef(x: number): number {
  const n = 2000;
  const h = x / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    s += w * Math.exp(-((i * h) ** 2));
  }
  return ((s * h) / 3) * (2 / Math.sqrt(Math.PI));
}

test('f′ agrees with central differences on a random-ish mix of functions', () => {
  const c = compile(
    'softplus(x) * cos(x) + max(x, 0.3 * x) - min(sinh(x / 3), 1) + atan(x) * cbrt(x + 5)',
  );
  for (let x = -4.05; x < 4; x += 0.37) {
    const h = 1e-6;
    const fd = (c.f(x + h) - c.f(x - h)) / (2 * h);
    assert.ok(Math.abs(c.df(x) - fd) < 1e-5, `x=${x}: ${c.df(x)} vs ${fd}`);
  }
});

test('kinks follow the frameworks’ convention (derivative 0 at 0 for relu and abs)', () => {
  assert.equal(compile('relu(x)').df(0), 0);
  assert.equal(compile('abs(x)').df(0), 0);
  assert.equal(compile('relu(x)').df(1e-9), 1);
});

test('the sampler fills f and f′ on an even grid', () => {
  const r = parseFormula('x^2');
  assert.ok(r.ok);
  const out = { f: new Float64Array(5), df: new Float64Array(5) };
  compileSampler(r.expr)(-2, 2, 5, out);
  assert.deepEqual([...out.f], [4, 1, 0, 1, 4]);
  assert.deepEqual([...out.df], [-4, -2, 0, 2, 4]);
});

test('anything outside the whitelist is refused with a reason, never evaluated', () => {
  const bad: [string, RegExp][] = [
    ['x * (', /Syntax error/],
    ['foo(x)', /Unknown function "foo"/],
    ['y + 1', /Unknown name "y"/],
    ['x = 3', /not allowed/],
    ['f(x) = x', /not allowed/],
    ['[1, 2]', /not allowed/],
    ['"a"', /Only numbers|not allowed/],
    ['x ? 1 : 2', /not allowed/],
    ['x mod 2', /operator "mod"/],
    ['import({}, {})', /Unknown function "import"/],
    ['evaluate("1")', /Unknown function "evaluate"/],
    ['sin(x, 2)', /takes 1 argument/],
    ['x'.repeat(600), /longer than 500/],
    ['   ', /Type a formula/],
    [
      '(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))',
      /too large/,
    ],
  ];
  for (const [text, re] of bad) {
    const r = parseFormula(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.message, re, text);
  }
  const syntax = parseFormula('x * (');
  assert.ok(!syntax.ok && syntax.index !== undefined, 'a syntax error says where');
});

test('the symbolic derivative is offered for display when mathjs can derive it', () => {
  const r = parseFormula('x * sigmoid(x)');
  assert.ok(r.ok && r.derivativeLatex && r.derivativeLatex.length > 5);
  const noSym = parseFormula('relu(x)');
  assert.ok(noSym.ok && noSym.derivativeLatex === undefined);
});

test('trees are plain data (they can be posted to the training worker)', () => {
  const r = parseFormula('x * tanh(softplus(x))');
  assert.ok(r.ok);
  const copy = JSON.parse(JSON.stringify(r.expr)) as Expr;
  assert.equal(compileExpr(copy).f(1.3), compileExpr(r.expr).f(1.3));
});

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
