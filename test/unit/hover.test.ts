import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { hoverMarkdown, type HoverOptions } from '../../src/core/hover/hoverContent';
import { formatGap, formatX, largestGap } from '../../src/core/hover/gap';
import { getActivation } from '../../src/core/catalog/catalog';
import type { ElementwiseActivation } from '../../src/core/catalog/types';
import { parseShowRequest } from '../../src/core/protocol/webviewProtocol';

const SRC = `import torch.nn as nn
import torch.nn.functional as F
import jax
import keras
from keras import layers

a = nn.GELU(approximate="tanh")
b = jax.nn.gelu(x)
c = keras.layers.LeakyReLU()
d = layers.Dense(3, activation="leaky_relu")
e = F.leaky_relu(x, 0.2)
f = nn.Softmax(dim=-1)
g = nn.Linear(3, 4)
`;
const analysis = analyzePython(SRC);

/** The hover on the first occurrence of `token` (cursor one character into it). */
function hover(token: string, options: Partial<HoverOptions> = {}) {
  const at = SRC.indexOf(token);
  assert.ok(at >= 0, token);
  return hoverAt(analysis, at + 1, options);
}

/** Every `command:` link of a hover: command id and decoded argument. */
function links(md: string): { id: string; arg: Record<string, unknown> }[] {
  return [...md.matchAll(/\]\(command:([\w.]+)\?([^)\s]+)\)/g)].map((m) => ({
    id: m[1],
    arg: JSON.parse(decodeURIComponent(m[2])),
  }));
}

test('nn.GELU(approximate="tanh"): the tanh entry, its argument marked as given, plot and links', () => {
  const h = hover('GELU(approximate')!;
  assert.equal(h.id, 'gelu_tanh');
  assert.match(h.markdown, /^\*\*GELU \(tanh approximation\)\*\* — PyTorch · `torch\.nn\.GELU`/);
  assert.match(h.markdown, /`approximate='tanh'` — \*from the call\*/);
  assert.match(h.markdown, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*\)/);
  assert.match(h.markdown, /`f\(x\) = [^`]+`/);
  assert.match(h.markdown, /`f′\(x\) = [^`]+`/);
  const [show, train, insert] = links(h.markdown);
  assert.equal(show.id, 'activationLab.showInPlayground');
  assert.equal(train.id, 'activationLab.trainWith');
  assert.deepEqual(train.arg, { id: 'gelu_tanh', params: {} });
  assert.deepEqual(show.arg, { curves: [{ id: 'gelu_tanh', params: {}, api: 'torch.nn.GELU' }] });
  assert.equal(parseShowRequest(show.arg).ok, true, 'the playground accepts the link argument');
  assert.equal(insert.id, 'activationLab.insertImplementation');
  assert.deepEqual(insert.arg, { id: 'gelu_tanh', params: {}, framework: 'pytorch' });
  // The same two commands as icons with a tooltip on the first line, above the fold.
  const first = h.markdown.split('\n')[0];
  assert.match(
    first,
    /\[\$\(graph-line\)\]\(command:activationLab\.showInPlayground\?[^ )]+ "Show in playground"\)/,
  );
  assert.match(
    first,
    /\[\$\(code\)\]\(command:activationLab\.insertImplementation\?[^ )]+ "Insert implementation"\)/,
  );
});

test('jax.nn.gelu(x): tanh approximation by default, with the measured gap to exact GELU', () => {
  const h = hover('gelu(x)')!;
  assert.equal(h.id, 'gelu_tanh');
  assert.match(h.markdown, /— JAX · `jax\.nn\.gelu`/);
  assert.match(h.markdown, /`approximate=True` — \*default\*/);
  const exact = getActivation('gelu') as ElementwiseActivation;
  const tanh = getActivation('gelu_tanh') as ElementwiseActivation;
  const g = largestGap(
    (x) => tanh.f(x, {}),
    (x) => exact.f(x, {}),
    -5,
    5,
  );
  assert.ok(
    Math.abs(g.gap - 4.73e-4) < 0.01e-4 && Math.abs(Math.abs(g.at) - 2.7) < 0.01,
    JSON.stringify(g),
  );
  assert.ok(
    h.markdown.includes(`largest |Δf| = ${formatGap(g.gap)} at x ≈ ${formatX(g.at)}`),
    h.markdown,
  );
  assert.match(
    h.markdown,
    /vs `torch\.nn\.GELU` \(GELU[^)]*\)\): largest \|Δf\| = 4\.7e-4 at x ≈ −2\.70 on \[−5, 5\]/,
  );
});

test('keras.layers.LeakyReLU() is 0.3 (layer default); activation="leaky_relu" is 0.2', () => {
  const layer = hover('LeakyReLU()')!;
  assert.equal(layer.id, 'leaky_relu');
  assert.equal(layer.resolved.params.negativeSlope, 0.3);
  assert.match(
    layer.markdown,
    /`negative_slope=0\.3` \(a\) — \*default of `keras\.layers\.LeakyReLU`\*/,
  );
  assert.match(layer.markdown, /vs `torch\.nn\.LeakyReLU` \(a = 0\.01\)/);
  const str = hover('leaky_relu"')!;
  assert.equal(str.id, 'leaky_relu');
  assert.match(str.markdown, /— Keras 3 · `activation="leaky_relu"`/);
  assert.match(
    str.markdown,
    /`negative_slope=0\.2` \(a\) — \*default of `keras\.activations\.leaky_relu`\*/,
  );
  assert.match(str.markdown, /vs `keras\.layers\.LeakyReLU` \(a = 0\.3\)/);
  assert.deepEqual(links(str.markdown)[0].arg, {
    curves: [
      { id: 'leaky_relu', params: { negativeSlope: 0.2 }, api: 'keras.activations.leaky_relu' },
    ],
  });
});

test('a positional argument is read as the call gives it', () => {
  const h = hover('leaky_relu(x, 0.2)')!;
  assert.equal(h.resolved.params.negativeSlope, 0.2);
  assert.match(h.markdown, /`negative_slope=0\.2` \(a\) — \*from the call\*/);
});

test('vector entries: dim from the call, the vector tab in the link, a plot of the first output', () => {
  const h = hover('Softmax(dim')!;
  assert.match(h.markdown, /`dim=-1` — \*from the call\*/);
  assert.equal((links(h.markdown)[0].arg as { tab?: string }).tab, 'vector');
  assert.match(h.markdown, /data:image\/svg\+xml;base64,/);
});

test('Japanese text when the display language is Japanese', () => {
  const h = hover('LeakyReLU()', { lang: 'ja' })!;
  assert.match(h.markdown, /この呼び出しの実効パラメータ/);
  assert.match(h.markdown, /`keras\.layers\.LeakyReLU` の既定値/);
  assert.match(h.markdown, /フレームワーク間の違い/);
  assert.match(h.markdown, /プレイグラウンドで表示/);
});

test('settings: plot off, derivative off, another x range', () => {
  const noPlot = hover('GELU(approximate', { showPlot: false })!;
  assert.doesNotMatch(noPlot.markdown, /data:image/);
  const noDerivative = hover('GELU(approximate', { showDerivative: false })!;
  assert.doesNotMatch(noDerivative.markdown, /f′\(x\)/);
  const wide = hover('gelu(x)', { xMin: -10, xMax: 10 })!;
  assert.match(wide.markdown, /on \[−10, 10\]/);
});

test('nothing for unknown calls, comments and bad input; never a throw', () => {
  assert.equal(hover('Linear'), undefined);
  assert.equal(hoverAt(analysis, -5), undefined);
  assert.equal(hoverAt(analysis, 1e9), undefined);
  assert.equal(hoverAt(analyzePython('nn.GELU(  # unbalanced\n'), 3), undefined);
  assert.equal(
    hoverMarkdown({
      mention: {
        kind: 'call',
        qualifiedName: 'x.y',
        framework: 'pytorch',
        args: { positional: [], keywords: {} },
      },
      resolved: { id: 'no_such_id', params: {} },
    }),
    undefined,
  );
});

test('an explicit parameter is the reader’s choice: no gap to another API’s default', () => {
  const h = hover('leaky_relu(x, 0.2)')!;
  assert.doesNotMatch(h.markdown, /largest \|Δf\|/);
  const layer = hover('LeakyReLU()')!;
  assert.match(
    layer.markdown,
    /^⚠ vs `torch\.nn\.LeakyReLU` \(a = 0\.01\): largest \|Δf\| = 1\.4 at x ≈ −5\.00/m,
  );
});

test('fuzz: random Python-like text and cursor positions never throw and stay fast', () => {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pieces = [
    'import torch.nn as nn\n',
    'from keras import layers\n',
    'import jax\n',
    'nn.GELU(',
    'approximate=',
    '"tanh"',
    ')',
    '(',
    'F.leaky_relu(x, ',
    '0.2',
    '-1e309',
    'layers.Dense(3, activation="',
    'leaky_relu',
    '"',
    "'",
    '\n',
    '    ',
    '#',
    'jax.nn.gelu(',
    'x',
    ',',
    'nn.Softplus(beta=',
    'threshold=None',
    'nn.Softmax(dim=',
    '**kw',
    '*a',
    'def relu(x):\n',
    'lambda',
    '\\',
    '"""',
    'nn.PReLU(init=',
    'nan',
  ];
  let produced = 0;
  const started = performance.now();
  for (let i = 0; i < 300; i++) {
    const n = 1 + Math.floor(rand() * 40);
    // Imports first, so that the random calls after them have a chance to resolve.
    let text =
      'import torch.nn as nn\nimport torch.nn.functional as F\nimport jax\nfrom keras import layers\n';
    for (let k = 0; k < n; k++) text += pieces[Math.floor(rand() * pieces.length)];
    const a = analyzePython(text);
    for (let j = 0; j < 8; j++) {
      const off = 60 + Math.floor(rand() * (text.length - 58)) - 1;
      const h = hoverAt(a, off);
      if (h) {
        produced++;
        assert.ok(h.from <= off + 1 && off <= h.to + 1, 'the range covers the cursor');
        assert.ok(!/NaN|undefined/.test(h.markdown.replace(/\(data:[^)]*\)/, '')), h.markdown);
      }
    }
  }
  assert.ok(produced > 50, `only ${produced} hovers in the fuzz run`);
  assert.ok(performance.now() - started < 20_000);
});

test('the first measured gap is said once, the plot precedes the formula, no TeX braces', () => {
  const h = hover('gelu(x)')!;
  const gap = /largest \|Δf\| = [^\n]*? on \[−5, 5\]/.exec(h.markdown)![0];
  assert.equal(h.markdown.split(gap).length - 1, 1, h.markdown);
  assert.ok(h.markdown.indexOf('![') < h.markdown.indexOf('`f(x) = '), 'plot before formula');
  const celu = hoverAt(analyzePython('import torch.nn as nn\nnn.CELU()\n'), 25)!;
  assert.match(celu.markdown, /e\^\(x\/α\)/);
  assert.doesNotMatch(celu.markdown, /\^\{/);
});
