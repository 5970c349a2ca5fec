// Issue 15.10: the hover's plot shows without scrolling. VS Code caps an editor hover at 250 px
// high in a usual window (max(editor height / 4, 250)); everything above the plot's bottom edge
// must fit in it. The height is estimated from the Markdown with VS Code's hover CSS (13 px text,
// line height 1.5em, 8 px between paragraphs, 4 px padding, at most 500 px wide); the E2E
// reference test measures the same in the real workbench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { listActivations } from '../../src/core/catalog/catalog';
import { PLOT_SIZE } from '../../src/core/hover/svgPlot';

/** VS Code's editor hover, from its CSS (`.monaco-hover`, `.hover-contents`). */
const HOVER = {
  maxHeight: 250,
  border: 1,
  padding: 4,
  line: 19.5,
  paragraphGap: 8,
  /** Characters of 13 px sans-serif text in the 484 px a 500 px hover leaves for text. */
  charsPerLine: 64,
};

/** Text as the hover shows it: link labels without targets, icons as two characters. */
function visible(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\$\([\w-]+\)/g, '  ')
    .replace(/\\(.)/g, '$1')
    .replace(/[*`]/g, '');
}

/** Estimated distance in px from the hover's top edge to the plot's bottom edge. */
function plotBottom(markdown: string): number {
  const at = markdown.indexOf('![');
  assert.ok(at > 0, 'the hover has a plot');
  const paragraphs = markdown
    .slice(0, at)
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '');
  let y = HOVER.border + HOVER.padding;
  for (const p of paragraphs) {
    // Hard breaks ("  \n") and list items start new lines; a lone "\n" is a space.
    const lines = p.split(/ {2}\n|\n(?=\s*- )/);
    for (const line of lines)
      y += Math.max(1, Math.ceil(visible(line).length / HOVER.charsPerLine)) * HOVER.line;
    y += HOVER.paragraphGap;
  }
  return y + PLOT_SIZE.height;
}

const fits = (md: string) => plotBottom(md) <= HOVER.maxHeight - HOVER.border - HOVER.padding;

function hoverOn(src: string, token: string): string {
  const at = src.lastIndexOf(token);
  assert.ok(at >= 0, token);
  const h = hoverAt(analyzePython(src), at + 1);
  assert.ok(h, `a hover on ${token} in ${src}`);
  return h.markdown;
}

test('the plot of the reference hovers fits in a 250 px hover, with their notes and parameters', () => {
  const cases: [string, string][] = [
    ['import jax\nh = jax.nn.gelu(h) * g\n', 'gelu'],
    ['import torch.nn as nn\na = nn.GELU(approximate="tanh")\n', 'GELU'],
    ['import keras\nc = keras.layers.LeakyReLU()\n', 'LeakyReLU'],
    ['import keras\nd = keras.layers.Dense(3, activation="leaky_relu")\n', 'leaky_relu'],
    ['import torch.nn as nn\nf = nn.Softmax()\n', 'Softmax'],
    ['import torch.nn as nn\nh = nn.Hardtanh(-2.0, 2.0, inplace=True)\n', 'Hardtanh'],
    ['import torch.nn as nn\ns = nn.Softplus(beta=2.0, threshold=10.0)\n', 'Softplus'],
    ['import torch.nn as nn\nr = nn.RReLU(0.1, 0.3)\n', 'RReLU'],
    // Reached through a binding: "bound at line N" adds lines above the parameters.
    [
      'import torch.nn as nn\nclass M(nn.Module):\n    def __init__(self):\n        self.act = nn.GELU(approximate="tanh")\n    def forward(self, x):\n        return self.act(x)\n',
      'act(x)',
    ],
    // An activation defined in the file: verdict and curve above its code and binding chain.
    [
      'import math, torch\nimport torch.nn as nn\nclass NewGELU(nn.Module):\n    def forward(self, x):\n        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))\nclass M(nn.Module):\n    def __init__(self):\n        self.act = NewGELU()\n    def forward(self, x):\n        return self.act(x)\n',
      'act(x)',
    ],
    ['import torch\ndef odd(x):\n    return x * torch.tanh(x) + 0.1\ny = odd(x)\n', 'odd(x)'],
  ];
  for (const [src, token] of cases) {
    const md = hoverOn(src, token);
    assert.ok(fits(md), `${token}: plot bottom at ${plotBottom(md)} px\n${md.slice(0, 600)}`);
  }
});

test('every catalog API called with its defaults gets a hover whose plot fits', () => {
  let checked = 0;
  for (const e of listActivations()) {
    for (const api of e.apis) {
      if (api.form === 'string' || api.form === 'method' || api.listingOnly) continue;
      const root = api.qualifiedName.split('.')[0];
      const call = api.form === 'function' ? '(x)' : '()';
      const src = `import ${root}\ny = ${api.qualifiedName}${call}\n`;
      const h = hoverAt(
        analyzePython(src),
        src.indexOf(api.qualifiedName) + api.qualifiedName.length - 1,
      );
      if (!h?.markdown.includes('![')) continue;
      checked++;
      assert.ok(
        fits(h.markdown),
        `${api.qualifiedName}: plot bottom at ${plotBottom(h.markdown)} px`,
      );
    }
  }
  assert.ok(checked > 60, `only ${checked} hovers with a plot`);
});

test('the estimate would have caught the old layout (parameters one per line, notes above)', () => {
  // The jax.nn.gelu hover of issue 15.10: name, a label line, one parameter, a note, then a
  // 160 px plot measured 270 px to the plot's bottom in code-server.
  const old = [
    '**GELU (tanh approximation)** — JAX · `jax.nn.gelu` $(a) $(b) $(c)',
    '**Effective parameters of this call:**  \n`approximate=True` — *default*',
    '*Default approximate=True: the tanh approximation, unlike PyTorch and keras.activations.gelu.*',
    '![plot](data:x)',
  ].join('\n\n');
  assert.ok(plotBottom(old) + 160 - PLOT_SIZE.height > HOVER.maxHeight);
});
