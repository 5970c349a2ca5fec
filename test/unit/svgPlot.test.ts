import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  base64Utf8,
  niceTicks,
  paletteOf,
  PLOT_SIZE,
  plotSvg,
  svgDataUri,
  tickLabel,
  type PlotSeries,
  type ThemeKind,
} from '../../src/core/hover/svgPlot';
import { activationPlot, sampleEntry, type PlotRequest } from '../../src/core/hover/activationPlot';
import { getActivation } from '../../src/core/catalog/catalog';

const xs = Array.from({ length: 101 }, (_, i) => -5 + i / 10);
const relu: PlotSeries[] = [
  { role: 'f', label: 'f', xs, ys: xs.map((x) => Math.max(0, x)) },
  { role: 'df', label: 'f′', xs, ys: xs.map((x) => (x > 0 ? 1 : 0)) },
];

/** Every coordinate of every path's `d` attribute. */
function pathPoints(svg: string): [number, number][] {
  const pts: [number, number][] = [];
  for (const m of svg.matchAll(/ d="([^"]*)"/g)) {
    for (const p of m[1].matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g))
      pts.push([Number(p[1]), Number(p[2])]);
  }
  return pts;
}

test('the SVG is one well-formed document of the requested size with a title, axes, ticks and a legend', () => {
  const svg = plotSvg(relu, { theme: 'dark', x0: -5, x1: 5, title: 'ReLU <f & f′>' });
  assert.match(
    svg,
    new RegExp(
      `^<svg xmlns="http://www\\.w3\\.org/2000/svg" width="${PLOT_SIZE.width}" height="${PLOT_SIZE.height}" viewBox="0 0 ${PLOT_SIZE.width} ${PLOT_SIZE.height}"`,
    ),
  );
  assert.ok(svg.endsWith('</svg>'));
  assert.equal(svg.match(/<svg/g)?.length, 1);
  assert.match(svg, /<title>ReLU &#60;f &#38; f′&#62;<\/title>/, 'title escaped');
  // Balanced tags: every opened element is closed or self-closed.
  const opened = (svg.match(/<(?!\/)[a-z]+[^>]*[^/]>/g) ?? []).length;
  const closed = (svg.match(/<\/[a-z]+>/g) ?? []).length;
  assert.equal(opened, closed);
  for (const label of ['−4', '−2', '0', '2', '4', '>f<']) assert.ok(svg.includes(label), label);
  // The derivative's legend: f with a prime drawn large enough to see at 11 px.
  assert.match(svg, />f<tspan font-size="16">′<\/tspan><\/text>/);
  assert.match(svg, /stroke-dasharray/, 'f′ dashed so it is told apart without colour');
});

test('every path point lies inside the viewBox, also for huge and non-finite values', () => {
  const wild: PlotSeries[] = [
    { role: 'f', label: 'f', xs, ys: xs.map((x) => (x > 4 ? Infinity : Math.exp(x * 30))) },
    { role: 'df', label: 'f′', xs, ys: xs.map((x) => (x === 0 ? NaN : -1e300)) },
  ];
  for (const series of [relu, wild]) {
    const pts = pathPoints(plotSvg(series, { theme: 'light', x0: -5, x1: 5 }));
    assert.ok(pts.length > 100);
    for (const [x, y] of pts)
      assert.ok(x >= 0 && x <= PLOT_SIZE.width && y >= 0 && y <= PLOT_SIZE.height, `${x},${y}`);
  }
});

test('every tick label lies inside the image, also a wide one at the right edge', () => {
  const { width: W, height: H } = PLOT_SIZE;
  for (const [x0, x1] of [
    [-5, 5],
    [0, 1000],
    [-1e5, 1e5],
    [0.001, 0.002],
  ]) {
    const svg = plotSvg(relu, { theme: 'dark', x0, x1 });
    const texts = [
      ...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*?(?:text-anchor="(\w+)")?>([^<]*)</g),
    ];
    assert.ok(texts.length > 6);
    for (const [, xs, ys, anchor = 'start', label] of texts) {
      const [x, y] = [Number(xs), Number(ys)];
      // Digits are about 0.6 em wide at 11 px; the baseline leaves room for the glyphs' depth.
      const w = [...label].length * 11 * 0.6;
      const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
      assert.ok(left >= 0 && left + w <= W, `"${label}" at x ${x} (${anchor}) on [${x0}, ${x1}]`);
      assert.ok(y - 9 >= 0 && y + 2 <= H, `"${label}" at y ${y}`);
    }
  }
});

test('a break index splits the line: no segment joins the two sides of a jump', () => {
  const s: PlotSeries = {
    role: 'df',
    label: 'f′',
    xs: [-1, -1e-9, 1e-9, 1],
    ys: [0, 0, 1, 1],
    breakAfter: new Set([1]),
  };
  const svg = plotSvg([s], { theme: 'dark', x0: -1, x1: 1 });
  const d = [...svg.matchAll(/ d="([^"]*)"/g)]
    .map((m) => m[1])
    .find((p) => p.split('M').length === 3);
  assert.ok(d, 'one path with two M commands');
});

test('the four theme kinds use different colours, and high contrast draws thicker lines', () => {
  const kinds: ThemeKind[] = ['light', 'dark', 'highContrast', 'highContrastLight'];
  const fColours = new Set(kinds.map((k) => paletteOf(k).f));
  const textColours = new Set(kinds.map((k) => paletteOf(k).text));
  assert.equal(fColours.size, 4);
  assert.ok(textColours.size >= 3);
  assert.ok(paletteOf('highContrast').lineWidth > paletteOf('dark').lineWidth);
  const a = plotSvg(relu, { theme: 'light', x0: -5, x1: 5 });
  const b = plotSvg(relu, { theme: 'dark', x0: -5, x1: 5 });
  assert.ok(a.includes(paletteOf('light').f) && !a.includes(paletteOf('dark').f));
  assert.ok(b.includes(paletteOf('dark').f));
});

test('nice ticks and labels', () => {
  assert.deepEqual(niceTicks(-5, 5, 4), [-4, -2, 0, 2, 4]);
  assert.deepEqual(niceTicks(0, 1, 4), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(-0.2, 1.2, 3), [0, 0.5, 1]);
  assert.deepEqual(niceTicks(3, 3), []);
  assert.equal(tickLabel(-2), '−2');
  assert.equal(tickLabel(0.30000000000000004), '0.3');
  assert.equal(tickLabel(150000), '2e+5');
});

test('base64 of UTF-8 matches Node, and the data URI is an SVG one', () => {
  for (const s of ['', 'a', 'ab', 'abc', 'f′ ≥ 0 活性化関数 😀']) {
    assert.equal(base64Utf8(s), Buffer.from(s, 'utf8').toString('base64'));
  }
  const uri = svgDataUri('<svg/>');
  assert.equal(uri, `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`);
});

test('activation plots: kinks are sampled on both sides; vector entries plot their first output', () => {
  const relu = getActivation('relu')!;
  const s = sampleEntry(relu, {}, -5, 5, 11);
  const i = s.xs.findIndex((x) => x > -1e-6 && x < 0);
  assert.ok(i >= 0 && s.breaks.has(i), 'left side of the kink at 0 ends a segment');
  assert.equal(s.df[i], 0);
  assert.equal(s.df[i + 1], 1);
  const sm = sampleEntry(getActivation('softmax')!, {}, -5, 5, 11);
  assert.ok(Math.abs(sm.f[10] - 1 / (1 + Math.exp(-5))) < 1e-12, 'softmax([x, 0])[0] = σ(x)');
  const p = activationPlot({
    entry: relu,
    params: {},
    x0: -5,
    x1: 5,
    theme: 'light',
    showDerivative: false,
    lang: 'ja',
  });
  assert.ok(p && p.uri.startsWith('data:image/svg+xml;base64,'));
  assert.equal(p.svg.match(/<path d="M\d+ [\d.]+h16"/g)?.length, 1, 'one legend row: f only');
  assert.ok(!p.svg.includes('′</tspan>'), 'no derivative legend when the derivative is off');
  assert.match(p.svg, /<title>ReLU: \[−5, 5\] における f<\/title>/);
});

test('activation plots are kept per request: a repeat is the same plot, any other field draws anew', () => {
  const leaky = getActivation('leaky_relu')!;
  const base: PlotRequest = {
    entry: leaky,
    params: { negativeSlope: 0.2 },
    x0: -5,
    x1: 5,
    theme: 'dark',
    showDerivative: true,
    lang: 'en',
  };
  const first = activationPlot(base)!;
  assert.equal(activationPlot({ ...base, params: { negativeSlope: 0.2 } }), first, 'kept');
  const fresh = (changed: Partial<PlotRequest>) =>
    activationPlot({ ...base, ...changed })!.svg !== first.svg;
  assert.ok(fresh({ params: { negativeSlope: 0.3 } }), 'another parameter value');
  assert.ok(fresh({ theme: 'light' }), 'another theme');
  assert.ok(fresh({ lang: 'ja' }), 'another language');
  assert.ok(fresh({ showDerivative: false }), 'without f′');
  assert.ok(fresh({ x1: 6 }), 'another range');
  // NaN and Infinity are different requests (a JSON key would write both as null): the second
  // is drawn, not taken from the first.
  const nan = activationPlot({ ...base, params: { negativeSlope: NaN } });
  const inf = activationPlot({ ...base, params: { negativeSlope: Infinity } });
  assert.ok(nan && inf && nan !== inf);
  // More requests than are kept: the first one is drawn again, equal to before.
  for (let k = 0; k < 60; k++)
    activationPlot({ ...base, params: { negativeSlope: 0.5 + k / 1000 } });
  const again = activationPlot(base)!;
  assert.notEqual(again, first, 'the oldest request was dropped');
  assert.equal(again.svg, first.svg);
});
