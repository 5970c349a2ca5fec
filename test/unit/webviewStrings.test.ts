/**
 * Every UI string of the webview (`t('…')` calls) has a Japanese translation in the l10n bundle
 * the host sends in `init.strings`, and every translation keeps the `{n}` placeholders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'worker' ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** The literal first arguments of `t(…)` calls. */
function uiStrings(text: string): string[] {
  return [...text.matchAll(/(?<![\w.$])t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) =>
    m[1].replace(/\\'/g, "'"),
  );
}

test('the extractor finds t() keys across lines', () => {
  assert.deepEqual(uiStrings("t('a'); x.t('no'); t(\n  'b {0}', 1); t('it\\'s')"), [
    'a',
    'b {0}',
    "it's",
  ]);
});

test('every webview UI string has a Japanese translation with the same placeholders', () => {
  const ja = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<
    string,
    string
  >;
  const files = sources(join(root, 'webview'));
  assert.ok(files.length > 10);
  const missing: string[] = [];
  const badPlaceholders: string[] = [];
  let count = 0;
  for (const f of files) {
    for (const key of uiStrings(readFileSync(f, 'utf8'))) {
      count++;
      const tr = ja[key];
      if (tr === undefined) missing.push(`${f.slice(root.length + 1)}: ${key}`);
      else {
        const ph = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
        if (ph(tr).join() !== ph(key).join()) badPlaceholders.push(key);
      }
    }
  }
  assert.ok(count > 80, `found ${count} strings`);
  assert.deepEqual(missing, [], 'strings without a Japanese translation');
  assert.deepEqual(badPlaceholders, [], 'translations that lost or gained a placeholder');
});
