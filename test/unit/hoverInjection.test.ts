import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { getActivation } from '../../src/core/catalog/catalog';
import { CommandIds } from '../../src/core/commandIds';
import { mdCode, mdInline, mdText } from '../../src/core/hover/markdownSafe';
import { allTokens, iconCount, markup } from './markdownTokens';

const OURS = [CommandIds.showInPlayground, CommandIds.trainWith, CommandIds.insertImplementation];

/** The hover on the callee of `call`, written after the usual imports. */
function hoverOf(call: string) {
  const src = `import torch.nn as nn\nimport torch.nn.functional as F\nimport keras\ny = ${call}\n`;
  const at = src.indexOf(call) + call.indexOf('(') - 1;
  return hoverAt(analyzePython(src), at, { lang: 'en' });
}

/** Only the extension's own markup: its command links, its plot, no heading, HTML or table. */
function assertOnlyOurMarkup(call: string, visible: string) {
  const h = hoverOf(call);
  assert.ok(h, call);
  const entry = getActivation(h.id)!;
  const m = markup(h.markdown);
  assert.deepEqual(m.foreign, [], `${call}: a heading, HTML or table from the file`);
  // Three links (two for vector entries, which cannot train) on the first line and three below.
  assert.equal(m.links.length, entry.kind === 'elementwise' ? 6 : 4, `${call}: ${m.links}`);
  for (const href of m.links) {
    const [, id, arg] = /^command:([\w.]+)\?(.*)$/.exec(href) ?? [];
    assert.ok(OURS.includes(id as never), `${call}: foreign link ${href}`);
    const parsed = JSON.parse(decodeURIComponent(arg)) as {
      id?: string;
      curves?: { id: string }[];
    };
    assert.equal(parsed.id ?? parsed.curves?.[0].id, h.id, `${call}: link argument ${arg}`);
  }
  assert.equal(m.images.length, 1, `${call}: images ${m.images}`);
  assert.match(m.images[0], /^data:image\/svg\+xml;base64,/);
  assert.equal(iconCount(m.html), m.links.length, `${call}: a theme icon from the file`);
  // The value is still shown, as text.
  const text = m.html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<');
  assert.ok(
    text.replace(/&gt;/g, '>').replace(/&amp;/g, '&').includes(visible),
    `${call}: ${visible}`,
  );
}

test('hover: values from the file never become links, images, headings or icons', () => {
  const payloads: [string, string][] = [
    [
      `nn.LeakyReLU(negative_slope="[Show in playground](https://example.com/x)")`,
      '[Show in playground](https://example.com/x)',
    ],
    [
      `nn.LeakyReLU(negative_slope="![p](https://example.com/pixel.png)")`,
      '![p](https://example.com/pixel.png)',
    ],
    [`nn.LeakyReLU(negative_slope="a\\n\\n# Heading")`, '# Heading'],
    [`nn.LeakyReLU(negative_slope="x\\n===")`, '==='],
    [
      'nn.GELU(approximate=f"`[Run](command:activationLab.trainWith?%7B%22id%22%3A%22relu%22%7D)`")',
      '[Run](command:activationLab.trainWith',
    ],
    [`F.leaky_relu(x, "<https://example.com>")`, '<https://example.com>'],
    [`F.leaky_relu(x, "www.example.com a@example.com")`, 'www.example.com'],
    [`nn.Softmax(dim="$(alert) [x](https://e.com)")`, '[x](https://e.com)'],
    [`keras.layers.ReLU(max_value="[x](https://e.com)")`, '[x](https://e.com)'],
    [`nn.Hardtanh(min_val="![i](https://e.com/p.png)")`, '![i](https://e.com/p.png)'],
    [`nn.Hardtanh(min_val="<img src=x onerror=alert(1)>")`, '<img src=x'],
    [`nn.LeakyReLU(negative_slope=f("\`\`\` [x](https://e.com) \`\`\`"))`, '[x](https://e.com)'],
    [`nn.LeakyReLU(negative_slope="| a | b |\\n|---|---|")`, '| a | b |'],
    [`keras.layers.ReLU(max_value="$(alert)")`, 'alert'],
  ];
  for (const [call, visible] of payloads) assertOnlyOurMarkup(call, visible);
});

test('hover: a long value is cut with an ellipsis and stays on one line', () => {
  const h = hoverOf(`nn.LeakyReLU(negative_slope="${'a'.repeat(500)}")`)!;
  assert.ok(!h.markdown.includes('a'.repeat(100)));
  assert.match(h.markdown, /a…/);
});

test('mdCode: one code span whose text is the input on one line, backticks as look-alikes', () => {
  const cases: [string, string][] = [
    ['`', '\u02cb'],
    ['a``b', 'a\u02cb\u02cbb'],
    [' a ', ' a '],
    [' a', ' a'],
    ['*a', '*a'],
    ['', ' '],
    ['a\nb', 'a b'],
    ['$(alert)', '$\u200b(alert)'],
  ];
  for (const [s, shown] of cases) {
    const tokens = allTokens(`*p ${mdCode(s)} q*`);
    const spans = tokens.filter((t) => t.type === 'codespan');
    assert.equal(spans.length, 1, s);
    assert.equal((spans[0] as { text: string }).text, shown, JSON.stringify(s));
  }
});

test('mdText and mdInline: only text and code spans, whatever the input', () => {
  const s = '# [a](b) ![c](d) <e> *f* _g_ | h \\ & i ~~j~~ `k` www.l.com';
  const types = (md: string) => new Set(allTokens(md).map((t) => t.type));
  assert.deepEqual([...types(mdText(s))].sort(), ['escape', 'paragraph', 'text']);
  assert.deepEqual([...types(`*${mdInline(s)}*`)].sort(), [
    'codespan',
    'em',
    'escape',
    'paragraph',
    'text',
  ]);
});
