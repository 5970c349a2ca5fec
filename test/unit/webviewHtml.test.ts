import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonForHtml, playgroundHtml } from '../../src/core/webviewHtml';
import { parsePageInit, type PageInit } from '../../src/core/protocol/webviewProtocol';

const init: PageInit = {
  id: 'n1',
  locale: 'ja',
  // A translated text could hold anything, including what would end a script element.
  strings: { Train: '学習 </script><script>alert(1)</script> <!--' },
  settings: { reducedMotion: false, maxTrainingEpochs: 2000 },
};

function page(preloadUris: string[] = []): string {
  return playgroundHtml({
    cspSource: 'https://webview.test',
    nonce: 'abc123',
    scriptUri: 'https://webview.test/dist/webview.js',
    preloadUris,
    styleUri: 'https://webview.test/dist/webview.css',
    init,
  });
}

test('the start-up snapshot is embedded as inert JSON that no string can break out of', () => {
  const html = page();
  const block = /<script type="application\/json" id="al-init">([^<]*)<\/script>/.exec(html);
  assert.ok(block, 'one data block, closed where it should be');
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the data block and the module close');
  const parsed = parsePageInit(JSON.parse(block[1]));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.message, init);
  assert.equal(jsonForHtml('<'), '"\\u003c"');
});

test('the page has a strict CSP, the language of the snapshot and one preload per chunk', () => {
  const html = page([
    'https://webview.test/dist/chunks/a.js',
    'https://webview.test/dist/chunks/b.js',
  ]);
  assert.match(html, /<html lang="ja">/);
  const csp = /content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abc123' https:\/\/webview\.test/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(
    html.match(/<link rel="modulepreload" href="[^"]+\/chunks\/[ab]\.js" nonce="abc123">/g)?.length,
    2,
  );
  assert.match(
    html,
    /<script type="module" nonce="abc123" src="https:\/\/webview\.test\/dist\/webview\.js">/,
  );
});
