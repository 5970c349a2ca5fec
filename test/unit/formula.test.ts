/**
 * The core's formula pipeline: parse → whitelisted tree → closures with forward-mode
 * differentiation, and the symbolic derivative and LaTeX shown beside the curve.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileExpr, compileSampler } from '../../src/core/formula/compile';
import { derivative } from '../../src/core/formula/derivative';
import { isFormulaTree, type Expr } from '../../src/core/formula/expr';
import { parseFormula } from '../../src/core/formula/formula';

function compile(text: string) {
  const r = parseFormula(text);
  assert.ok(r.ok, r.ok ? '' : r.message.en);
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
    ['x * (', /ends too early/],
    ['x * )', /Unexpected "\)"/],
    ['foo(x)', /Unknown function "foo"/],
    ['y + 1', /Unknown name "y"/],
    ['x = 3', /not allowed/],
    ['f(x) = x', /"=" is not allowed/],
    ['[1, 2]', /not allowed/],
    ['"a"', /not allowed/],
    ['x ? 1 : 2', /not allowed/],
    ['x mod 2', /Unknown name "mod"/],
    ['import({}, {})', /"{" is not allowed/],
    ['evaluate(1)', /Unknown function "evaluate"/],
    ['sin(x, 2)', /takes 1 argument/],
    ['x'.repeat(600), /longer than 500/],
    ['   ', /Type a formula/],
    [
      '(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))',
      /nested too deeply/,
    ],
    [Array(200).fill('x').join('+'), /too large/],
  ];
  for (const [text, re] of bad) {
    const r = parseFormula(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.message.en, re, text);
  }
  const syntax = parseFormula('x * (');
  assert.ok(!syntax.ok && syntax.index === 5, 'a syntax error says where');
  const name = parseFormula('2 * yy');
  assert.ok(!name.ok && name.index === 4 && name.message.ja.includes('yy'), 'in both languages');
});

test('trees are plain data (they can be posted to the training worker)', () => {
  const r = parseFormula('x * tanh(softplus(x))');
  assert.ok(r.ok);
  const copy = JSON.parse(JSON.stringify(r.expr)) as Expr;
  assert.equal(compileExpr(copy).f(1.3), compileExpr(r.expr).f(1.3));
});

test('names from Object.prototype are unknown names and functions, never constants', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    const asName = parseFormula(`${name} * x`);
    assert.ok(!asName.ok, name);
    assert.match(asName.message.en, new RegExp(`Unknown name "${name}"`), name);
    const asCall = parseFormula(`${name}(x)`);
    assert.ok(!asCall.ok, `${name}(x)`);
    assert.match(asCall.message.en, new RegExp(`Unknown function "${name}"`));
  }
  // A tree that crossed a boundary is checked the same way before the worker compiles it.
  const x: Expr = { k: 'name', name: 'x' };
  assert.equal(isFormulaTree({ k: 'name', name: 'constructor' }), false);
  assert.equal(isFormulaTree({ k: 'name', name: '__proto__' }), false);
  assert.equal(isFormulaTree({ k: 'call', fn: 'toString', args: [x] }), false);
  assert.equal(isFormulaTree({ k: 'call', fn: 'sigmoid', args: [x] }), true);
  // Bound names are own properties only.
  assert.ok(Number.isNaN(compileExpr({ k: 'name', name: 'constructor' }).f(1)));
});

/** Formulas whose symbolic derivative must agree with automatic differentiation. */
const DERIVE = [
  'x * sigmoid(1.702 * x)',
  '0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))',
  '0.5 * x * (1 + erf(x / sqrt(2)))',
  'x * tanh(softplus(x))',
  'logSigmoid(x) + log1p(x^2) - expm1(-x^2)',
  'max(x, 0.1 * x) + min(x, 0) * 2 + relu(x - 1)',
  'where(x > 0, x, 0.2 * (exp(x) - 1))',
  'sin(x) * cos(2x) / (2 + tan(x / 5)) + atan(x) - asinh(x) + sinh(x / 4) * cosh(x / 4)',
  'sqrt(x^2 + 1) + cbrt(x + 9) + abs(x) + 2^x + x^x',
  'x / (1 + abs(x)) - 3 / (x^2 + 1) + e * pi - tau',
];

test('the symbolic derivative evaluates to the automatic one', () => {
  for (const text of DERIVE) {
    const r = parseFormula(text);
    assert.ok(r.ok, text);
    const ad = compileExpr(r.expr);
    const sym = compileExpr(derivative(r.expr));
    for (const x of [-2.7, -0.9, -0.3, 0.35, 1.1, 2.3]) {
      const want = ad.df(x);
      if (!Number.isFinite(want)) continue;
      const got = sym.f(x);
      assert.ok(
        Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)),
        `${text} at ${x}: ${got} vs ${want}`,
      );
    }
    assert.ok(r.derivative.ok, text);
  }
});

test('derivatives are typeset readably: decimals as written, σ kept', () => {
  const r = parseFormula('x * sigmoid(1.702*x)');
  assert.ok(r.ok && r.derivative.ok);
  const tex = r.derivative.latex;
  assert.ok(tex.includes('1.702'), tex);
  assert.doesNotMatch(tex, /851|500|exp|frac/, tex);
  assert.match(tex, /\\sigma/);
  assert.equal(r.latex, 'x \\cdot \\sigma\\left(1.702 x\\right)');
  const p = parseFormula('-x^2 + 3x - 1/(1 + x)');
  assert.ok(p.ok && p.derivative.ok);
  assert.equal(p.latex, '-{x}^{2} + 3 x - \\frac{1}{1 + x}');
  assert.equal(p.derivative.latex, '-2 x + 3 + \\frac{1}{{\\left(1 + x\\right)}^{2}}');
});

test('products and nesting derive in linear time, and an overlong f′ says so', () => {
  // 14 factors took mathjs's simplify about a minute; this is the same tree and far larger ones.
  const product = Array(14).fill('x').join(' * ');
  const r = parseFormula(product);
  assert.ok(r.ok && r.derivative.ok);
  assert.ok(Math.abs(compileExpr(derivative(r.expr)).f(1.1) - 14 * 1.1 ** 13) < 1e-9);
  // Nested sigmoids share sub-trees in f′; printed as a tree they would be 2^40 nodes.
  const nested = 'sigmoid('.repeat(40) + 'x' + ')'.repeat(40);
  const n = parseFormula(nested);
  assert.ok(n.ok && !n.derivative.ok);
  assert.match(n.derivative.message.en, /too long to show/);
  assert.ok(n.derivative.message.ja.length > 5);
  const long = parseFormula(Array(60).fill('x').join('*'));
  assert.ok(long.ok && !long.derivative.ok, 'a 60-factor product is too long to show');
});

test('comparisons, where, pow and the NumPy spellings parse to the one tree', () => {
  const r = parseFormula('where(x >= 0, pow(x, 2), maximum(x, -1)) + arctan(x)');
  assert.ok(r.ok);
  const c = compileExpr(r.expr);
  assert.equal(c.f(3), 9 + Math.atan(3));
  assert.equal(c.f(-3), -1 + Math.atan(-3));
  assert.equal(
    parseFormula('2x').ok && compileExpr((parseFormula('2x') as { expr: Expr }).expr).f(4),
    8,
  );
  assert.equal(compileExpr((parseFormula('(x+1)(x-1)') as { expr: Expr }).expr).f(3), 8);
  assert.equal(compileExpr((parseFormula('2^-x') as { expr: Expr }).expr).f(1), 0.5);
  assert.equal(compileExpr((parseFormula('x ** 2 − 1 × 2') as { expr: Expr }).expr).f(3), 7);
});
