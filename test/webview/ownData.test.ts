/**
 * Own data in Chromium, through the page's message path as the host uses it: "Load data…" asks
 * the host, the host's `data/loaded` brings examples/leaves.csv (two bad rows), the page reports
 * them, offers the columns, trains, and draws the boundary with axes in the file's units. Files
 * that cannot be used leave the data loaded before; a reloaded page asks for its file again; the
 * race and gradient views train on it too; Japanese; a file's text never becomes markup.
 * Screenshots (dark, light, Japanese) go to test-results/webview/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { canvasPixels, Harness, resultsDir, root, type TestPage } from './harness';
import {
  noEarlyStop,
  openTraining,
  pageErrors,
  panel,
  readNumber,
  trainingMetrics,
  waitEpoch,
} from './trainHelpers';

const h = new Harness();
const metrics = trainingMetrics(h);

const leaves = readFileSync(join(root, 'examples', 'leaves.csv'), 'utf8');
const URI = 'file:///workspace/examples/leaves.csv';

function loaded(text = leaves, name = 'leaves.csv', uri = URI, restore?: boolean) {
  return {
    type: 'data/loaded',
    uri,
    name,
    text,
    bytes: new TextEncoder().encode(text).length,
    ...(restore === undefined ? {} : { restore }),
  };
}

/** The file's range of a column (good rows only). */
function columnRange(col: number): [number, number] {
  const values = leaves
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[col]))
    .filter((v) => Number.isFinite(v) && v !== 0);
  return [Math.min(...values), Math.max(...values)];
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

/** Opens the training tab and loads leaves.csv through "Load data…" and the host's reply. */
async function loadLeaves(opts: Parameters<Harness['open']>[0] = {}): Promise<TestPage> {
  const p = await openTraining(h, 'train', opts);
  await p.page.click('[data-role=data-load]');
  const asked = (await p.posted()).filter((m) => m.type === 'data/open');
  assert.equal(asked.length, 1, 'Load data… asks the host for the open dialog');
  await p.hostSend(loaded());
  await p.page.waitForSelector('[data-role=bad-rows]:not([hidden])');
  return p;
}

function checkTicks(labels: string[], [lo, hi]: [number, number]): number[] {
  const values = labels.map((l) => Number(l.replace('−', '-')));
  assert.ok(values.length >= 2, `ticks: ${labels.join(' ')}`);
  const pad = 0.06 * (hi - lo);
  for (const v of values)
    assert.ok(v >= lo - pad && v <= hi + pad, `tick ${v} outside the file's range ${lo}…${hi}`);
  return values;
}

test('leaves.csv: bad rows listed by line and reason, columns, task, axes in cm, training', async () => {
  const p = await loadLeaves({ theme: 'dark' });
  const { page } = p;
  await page.click('[data-role=bad-rows] summary');
  assert.deepEqual(await texts(page, '[data-role=bad-rows] li'), [
    "line 18: 'abc' in column leaf_length_cm is not a number",
    'line 43: column leaf_width_cm is empty',
  ]);
  assert.match((await page.textContent('[data-role=bad-rows] summary')) ?? '', /2 rows skipped/);
  assert.match(
    (await page.textContent('[data-role=data-task]')) ?? '',
    /classification of species into 3 classes \(birch, oak, willow\)/,
  );
  assert.match((await page.textContent('[data-role=data-rows]')) ?? '', /300 rows used/);
  assert.match((await page.textContent('[data-role=data-file]')) ?? '', /leaves\.csv: 302 rows/);
  // The default choice: the last column is the target, the two numeric ones the inputs.
  const value = (role: string) => page.locator(`[data-role=${role}]`).inputValue();
  assert.deepEqual(
    [await value('data-input-1'), await value('data-input-2'), await value('data-target')],
    ['0', '1', '2'],
  );
  // The dataset list names the file and is off while the file is used.
  const dataset = page.locator(panel('train')).getByLabel('Dataset', { exact: true });
  assert.equal(await dataset.isDisabled(), true);
  assert.match((await dataset.locator('option:checked').textContent()) ?? '', /File: leaves\.csv/);
  // Axes in the file's units before training (the preview of the points).
  const axes = `${panel('train')} .plot-axes`;
  assert.equal(await page.textContent(`${axes} .x-title`), 'leaf_length_cm');
  assert.equal(await page.textContent(`${axes} .y-title`), 'leaf_width_cm');
  const xTicks = checkTicks(await texts(page, `${axes} .x-ticks .tick`), columnRange(0));
  const yTicks = checkTicks(await texts(page, `${axes} .y-ticks .tick`), columnRange(1));
  assert.ok(Math.max(...xTicks) > 3, 'x ticks are centimetres, not standardised values');
  assert.deepEqual(await texts(page, `${axes} .class-legend li`), ['birch', 'oak', 'willow']);

  await noEarlyStop(page, 'train');
  await page.click(`${panel('train')} [data-role=train]`);
  await waitEpoch(page, 'train', 150, 30_000);
  const accuracy = await readNumber(page, 'train', 'test accuracy');
  const px = await canvasPixels(page, `${panel('train')} canvas.boundary`, []);
  assert.ok(px.painted > 1000, `boundary painted (${px.painted} px)`);
  const posted = await p.posted();
  assert.equal(posted.filter((m) => m.type === 'log/error').length, 0, JSON.stringify(posted));
  // Ticks after training still read the file's ranges (the worker's data message carries them).
  checkTicks(await texts(page, `${axes} .x-ticks .tick`), columnRange(0));
  await page.screenshot({ path: join(resultsDir, 'ownData-dark.png'), fullPage: true });
  await p.setTheme('light');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(resultsDir, 'ownData-light.png'), fullPage: true });
  metrics.ownDataLeaves = { accuracyAt150: accuracy, xTicks, yTicks };
  assert.ok(accuracy > 70, `test accuracy ${accuracy}% after 150 epochs`);
  assert.deepEqual(pageErrors(p.errors), []);
  assert.deepEqual(await p.violations(), []);
  await page.context().close();
});

test('other columns: one input with a numeric target is regression, a refused choice keeps the old one', async () => {
  const p = await loadLeaves();
  const { page } = p;
  await page.selectOption('[data-role=data-input-2]', '-1');
  await page.selectOption('[data-role=data-target]', '1');
  assert.match(
    (await page.textContent('[data-role=data-task]')) ?? '',
    /regression: leaf_width_cm has many different numbers/,
  );
  const axes = `${panel('train')} .plot-axes`;
  assert.equal(await page.textContent(`${axes} .y-title`), 'leaf_width_cm');
  checkTicks(await texts(page, `${axes} .y-ticks .tick`), columnRange(1));
  // The target as an input too: refused, the columns chosen before stay.
  await page.selectOption('[data-role=data-input-1]', '1');
  assert.match(
    (await page.textContent('[data-role=data-error]')) ?? '',
    /cannot also be an input.*The columns chosen before stay/,
  );
  assert.equal(await page.locator('[data-role=data-input-1]').inputValue(), '0');
  assert.match((await page.textContent('[data-role=data-task]')) ?? '', /regression/);
  await page.click(`${panel('train')} [data-role=train]`);
  await waitEpoch(page, 'train', 20, 30_000);
  assert.match((await page.textContent(`${panel('train')} .readout`)) ?? '', /test loss/);
  assert.deepEqual(pageErrors(p.errors), []);
  await page.context().close();
});

test('a file with one class, too many classes, or that the host could not read: one message, the data stays', async () => {
  const p = await loadLeaves();
  const { page } = p;
  const task = () => page.textContent('[data-role=data-task]');
  const before = await task();
  const error = page.locator('[data-role=data-error]');
  await p.hostSend(loaded('a,b,c\n1,2,x\n2,3,x\n3,1,x\n4,4,x\n', 'one.csv', 'file:///w/one.csv'));
  await error
    .filter({ hasText: /one\.csv cannot be used: every usable row has the same c \(x\)/ })
    .waitFor();
  assert.match((await error.textContent()) ?? '', /The data loaded before stays/);
  assert.equal(await task(), before);
  const many = ['a,b,k', ...Array.from({ length: 40 }, (_, i) => `${i},${i % 5},k${i % 12}`)].join(
    '\n',
  );
  await p.hostSend(loaded(many, 'many.csv', 'file:///w/many.csv'));
  await error.filter({ hasText: /k has 12 different values; at most 10 classes/ }).waitFor();
  await p.hostSend(loaded('a,b\nx,y\nz,w\n', 'words.csv', 'file:///w/words.csv'));
  await error.filter({ hasText: /words\.csv has no column of numbers/ }).waitFor();
  await p.hostSend({
    type: 'data/failed',
    uri: 'file:///w/big.csv',
    name: 'big.csv',
    reason: 'tooLarge',
    detail: String(20 * 2 ** 20),
  });
  await error.filter({ hasText: /big\.csv is 20\.0 MB; files up to 10 MB/ }).waitFor();
  assert.equal(await task(), before);
  assert.match((await page.textContent('[data-role=data-file]')) ?? '', /leaves\.csv/);
  assert.deepEqual(pageErrors(p.errors), []);
  await page.context().close();
});

test('the choice survives a reload: the page asks for the file again; a file that is gone is said so', async () => {
  const p = await loadLeaves();
  await p.page.selectOption('[data-role=data-input-2]', '-1');
  await p.page.waitForTimeout(400); // the state is saved 150 ms after a change
  const state = await p.state();
  await p.page.context().close();

  const again = await openTraining(h, 'train', { state });
  await again.page.waitForFunction(() =>
    (window as unknown as { __posted: { type: string }[] }).__posted.some(
      (m) => m.type === 'data/reload',
    ),
  );
  const reload = (await again.posted()).find((m) => m.type === 'data/reload');
  assert.equal(reload?.uri, URI);
  assert.match(
    (await again.page.textContent('[data-role=data-file]')) ?? '',
    /Reading leaves\.csv again/,
  );
  await again.hostSend(loaded(leaves, 'leaves.csv', URI, true));
  await again.page.waitForSelector('[data-role=bad-rows]:not([hidden])');
  assert.equal(await again.page.locator('[data-role=data-input-2]').inputValue(), '-1');
  assert.match((await again.page.textContent('[data-role=data-task]')) ?? '', /3 classes/);
  await again.page.context().close();

  const gone = await openTraining(h, 'train', { state });
  await gone.hostSend({
    type: 'data/failed',
    uri: URI,
    name: 'leaves.csv',
    reason: 'missing',
    restore: true,
  });
  await gone.page
    .locator('[data-role=data-error]', {
      hasText: /leaves\.csv is no longer there \(it was moved or deleted\)/,
    })
    .waitFor();
  // Training goes on with the built-in dataset.
  const dataset = gone.page.locator(panel('train')).getByLabel('Dataset', { exact: true });
  assert.equal(await dataset.isDisabled(), false);
  assert.deepEqual(pageErrors(gone.errors), []);
  await gone.page.context().close();
});

test('race and gradient flow train on the file, with axes in its units', async () => {
  const p = await loadLeaves();
  const { page } = p;
  await page.click('#train-tab-race');
  await page.click(`${panel('race')} [data-role=train]`);
  await waitEpoch(page, 'race', 20, 30_000);
  const lanes = page.locator(`${panel('race')} .lane .plot-axes.with-axes`);
  assert.equal(await lanes.count(), 3);
  checkTicks(
    await texts(page, `${panel('race')} .lane >> nth=0 >> .x-ticks .tick`),
    columnRange(0),
  );
  await page.click('#train-tab-gradient');
  const gds = page.locator(panel('gradient')).getByLabel('Dataset', { exact: true });
  assert.match((await gds.locator('option:checked').textContent()) ?? '', /File: leaves\.csv/);
  await page.click(`${panel('gradient')} [data-role=train]`);
  await waitEpoch(page, 'gradient', 5, 30_000);
  assert.match(
    (await page.textContent(`${panel('gradient')} .readout`)) ?? '',
    /first\/last layer/,
  );
  checkTicks(await texts(page, `${panel('gradient')} .x-ticks .tick`), columnRange(0));
  await page.screenshot({ path: join(resultsDir, 'ownData-gradient.png'), fullPage: true });
  // "Train on this file" off: the built-in datasets again.
  await page.uncheck('[data-role=data-use]');
  assert.equal(await gds.isDisabled(), false);
  assert.equal(await page.locator(`${panel('gradient')} .plot-axes.with-axes`).count(), 0);
  assert.deepEqual(pageErrors(p.errors), []);
  await page.context().close();
});

test('Japanese: the report, the task and the limits are in Japanese', async () => {
  const p = await openTraining(h, 'train', { locale: 'ja' });
  await p.hostSend(loaded());
  await p.page.waitForSelector('[data-role=bad-rows]:not([hidden])');
  await p.page.click('[data-role=bad-rows] summary');
  assert.deepEqual(await texts(p.page, '[data-role=bad-rows] li'), [
    '18 行目: 列 leaf_length_cm の「abc」は数値ではありません',
    '43 行目: 列 leaf_width_cm が空です',
  ]);
  assert.match(
    (await p.page.textContent('[data-role=data-task]')) ?? '',
    /species を 3 クラスに分類/,
  );
  await p.page.screenshot({ path: join(resultsDir, 'ownData-ja.png'), fullPage: true });
  await p.page.context().close();
});

test("a file's text is data: markup in names and cells stays text", async () => {
  const p = await openTraining(h, 'train');
  const evil =
    'x,"<img src=x onerror=""window.__pwned=1"">",<b>k</b>\n' +
    Array.from(
      { length: 20 },
      (_, i) => `${i},${i % 3},"<script>window.__pwned=2</script>${i % 2}"`,
    ).join('\n') +
    '\n<svg onload=window.__pwned=3>,1,a\n';
  await p.hostSend(loaded(evil, '<i>x</i>.csv', 'file:///w/evil.csv'));
  await p.page.waitForSelector('[data-role=bad-rows]:not([hidden])');
  const panelHtml = await p.page.locator('.data-panel').innerHTML();
  const plotHtml = await p.page.locator(`${panel('train')} .plot-axes`).innerHTML();
  for (const html of [panelHtml, plotHtml]) {
    assert.doesNotMatch(html, /<(img|script|svg|b|i)[\s>]/);
  }
  assert.match(await p.page.locator('.data-panel').innerText(), /<i>x<\/i>\.csv/);
  assert.equal(
    await p.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    undefined,
  );
  assert.deepEqual(await p.violations(), []);
  await p.page.context().close();
});

test('more than 5,000 usable rows: the panel says a seeded sample of 5,000 is used, and it trains', async () => {
  const p = await openTraining(h, 'train');
  const rows = Array.from({ length: 6000 }, (_, i) => {
    const x = (i % 100) / 10;
    const y = Math.floor(i / 100) / 6;
    return `${x},${y},${x + y > 9 ? 'big' : 'small'}`;
  });
  await p.hostSend(loaded(['x,y,size', ...rows].join('\n'), 'many.csv', 'file:///w/many.csv'));
  await p.page
    .locator('[data-role=data-rows]', {
      hasText: '6,000 usable rows: a seeded sample of 5,000 is used.',
    })
    .waitFor();
  assert.equal(await p.page.locator('[data-role=bad-rows]').isHidden(), true);
  await p.page.click(`${panel('train')} [data-role=train]`);
  await waitEpoch(p.page, 'train', 3, 30_000);
  assert.deepEqual(pageErrors(p.errors), []);
  await p.page.context().close();
});
