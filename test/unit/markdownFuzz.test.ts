import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Token } from 'marked';
import { hoverMarkdown } from '../../src/core/hover/hoverContent';
import { resolveMention } from '../../src/core/python/resolveMention';
import type { Mention } from '../../src/core/python/mentions';
import type { PyValue } from '../../src/core/python/literals';
import {
  CODE_MAX,
  TEXT_MAX,
  mdCode,
  mdInline,
  mdText,
  oneLine,
} from '../../src/core/hover/markdownSafe';
import { allTokens, iconCount, markup } from './markdownTokens';
import { rng } from './seededRng';

const PIECES = [
  ...'[]()!<>#*_`|\\&~:$@.-=+ \n\t\r"\'ab',
  'https://e.com/x',
  'www.e.com',
  'a@e.com',
  'command:activationLab.trainWith?%7B%7D',
  '$(alert)',
  '](',
  '```',
  '<img src=x>',
  '&#91;',
  '\n\n# ',
  '\n---\n',
  '\u202e',
  '日本',
];

/** A random string of markdown metacharacters and fragments of links, icons and HTML. */
function randomText(r: () => number): string {
  let s = '';
  const n = Math.floor(r() * 30);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

/** The text a reader sees in inline tokens (escapes resolved, code spans as their content). */
function shownText(tokens: Token[]): string {
  return tokens
    .filter((t) => ['text', 'escape', 'codespan'].includes(t.type) && !('tokens' in t && t.tokens))
    .map((t) => (t as { text: string }).text)
    .join('');
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

test('fuzz: mdCode, mdText and mdInline give only code spans and text, showing the input', () => {
  for (let seed = 1; seed <= 3000; seed++) {
    const s = randomText(rng(seed));
    const where = `seed ${seed}: ${JSON.stringify(s)}`;
    const code = allTokens(`*p ${mdCode(s)} q*`);
    const spans = code.filter((t) => t.type === 'codespan');
    assert.deepEqual(
      code.map((t) => t.type),
      ['paragraph', 'em', 'text', 'codespan', 'text'],
      where,
    );
    const line = oneLine(s, CODE_MAX).replace(/`/g, '\u02cb');
    assert.equal(
      unescapeHtml((spans[0] as { text: string }).text),
      line === '' ? ' ' : line,
      where,
    );

    const text = allTokens(mdText(s));
    assert.ok(
      text.every((t) => ['paragraph', 'text', 'escape'].includes(t.type)),
      where,
    );
    assert.equal(unescapeHtml(shownText(text)).trim(), oneLine(s, TEXT_MAX).trim(), where);

    const inline = allTokens(`*${mdInline(s)}*`);
    const allowed = ['paragraph', 'em', 'text', 'escape', 'codespan'];
    assert.ok(
      inline.every((t) => allowed.includes(t.type)),
      `${where}: ${inline.map((t) => t.type)}`,
    );
  }
});

test('fuzz: random argument values and unknown expressions in hovers make no markup', () => {
  const calls: [string, string, string][] = [
    ['torch.nn.LeakyReLU', 'pytorch', 'negative_slope'],
    ['torch.nn.functional.leaky_relu', 'pytorch', 'negative_slope'],
    ['torch.nn.Softmax', 'pytorch', 'dim'],
    ['keras.layers.ReLU', 'keras', 'max_value'],
    ['torch.nn.Hardtanh', 'pytorch', 'min_val'],
    ['torch.nn.GELU', 'pytorch', 'approximate'],
  ];
  for (let seed = 1; seed <= 300; seed++) {
    const r = rng(seed);
    const [qualifiedName, framework, arg] = calls[seed % calls.length];
    const raw = randomText(r);
    const value: PyValue = seed % 2 ? raw : { unknown: raw };
    const mention = {
      kind: 'call',
      qualifiedName,
      importedName: qualifiedName,
      framework,
      from: 0,
      to: 1,
      args: { positional: [], keywords: { [arg]: value } },
    } as Mention;
    const resolved = resolveMention(mention);
    if (!resolved) continue;
    const md = hoverMarkdown({ mention, resolved }, { showPlot: seed % 10 === 0 })!;
    const m = markup(md);
    const where = `seed ${seed}: ${qualifiedName}(${arg}=${JSON.stringify(value)})`;
    assert.deepEqual(m.foreign, [], where);
    assert.ok(
      m.links.every((h) =>
        /^command:activationLab\.(showInPlayground|trainWith|insertImplementation)\?/.test(h),
      ),
      where,
    );
    assert.ok(m.links.length === 4 || m.links.length === 6, `${where}: ${m.links.length} links`);
    assert.equal(iconCount(m.html), m.links.length, where);
  }
});
