/**
 * "Export as code" in Chromium: disabled (and saying why) before training; after a short run the
 * page sends `export/open` with the worker's code for the picked framework, and shows the host's
 * answer; in a race, the run picked in the results is the one written; the host's palette command
 * (`export/request`) gets the visible view's code, or the reason there is none; a custom formula
 * is exported from its tree; the Japanese page labels it all. Screenshots go to test-results/webview/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Harness, resultsDir, type Posted, type TestPage } from './harness';
import { openTraining, pageErrors, panel, trainingMetrics, waitEpoch } from './trainHelpers';

const h = new Harness();
trainingMetrics(h);

interface ExportedCode {
  source: string;
  label: string;
  epoch: number;
}

/** Waits for the page's next message of `type` after the first `skip` of them. */
async function nextPosted(p: TestPage, type: string, skip = 0): Promise<Posted> {
  await p.page.waitForFunction(
    ({ type, skip }) =>
      (window as unknown as { __posted: { type: string }[] }).__posted.filter(
        (m) => m.type === type,
      ).length > skip,
    { type, skip },
    { timeout: 15_000 },
  );
  return (await p.posted()).filter((m) => m.type === type)[skip];
}

const bar = (view: string) => `${panel(view)} .export-bar`;

async function pause(page: Page, view: string): Promise<void> {
  const state = await page.getAttribute(`${panel(view)} .run-controls`, 'data-state');
  if (state === 'running') await page.click(`${panel(view)} [data-role=train]`);
}

test('before training the button is disabled and says why', async () => {
  const p = await openTraining(h, 'train');
  const b = p.page.locator(`${bar('train')} [data-role=export]`);
  assert.equal(await b.isDisabled(), true);
  assert.match(
    (await p.page.textContent(`${bar('train')} .export-note`)) ?? '',
    /available once the network has trained an epoch/,
  );
  // The palette command asked now gets the reason, not code.
  await p.hostSend({ type: 'export/request', requestId: 41, framework: 'pytorch' });
  const reply = await nextPosted(p, 'export/reply');
  assert.equal(reply.inReplyTo, 41);
  assert.equal(reply.status, 'error');
  assert.match(String(reply.detail), /Nothing is trained yet/);
  assert.deepEqual(pageErrors(p.errors), []);
  await p.page.close();
});

test('train briefly, Export: the page sends export/open with the NumPy code of the trained network', async () => {
  const p = await openTraining(h, 'train');
  const { page } = p;
  await page.click(`${panel('train')} [data-role=train]`);
  await waitEpoch(page, 'train', 20);
  await pause(page, 'train');
  await page.selectOption(`${bar('train')} [data-role=export-framework]`, 'numpy');
  // Keyboard: focus the button and press Enter, as a person without a mouse would.
  await page.focus(`${bar('train')} [data-role=export]`);
  await page.keyboard.press('Enter');
  const open = await nextPosted(p, 'export/open');
  const code = open.code as ExportedCode;
  assert.equal(open.framework, 'numpy');
  assert.match(code.source, /^def predict\(points\):/m);
  assert.match(code.source, /^import numpy as np$/m);
  assert.match(code.source, /np\.maximum\(/, 'ReLU as NumPy code');
  assert.match(code.source, /on the circle dataset/);
  assert.equal(code.label, 'ReLU');
  assert.ok(code.epoch >= 20, `epoch ${code.epoch}`);
  await p.hostSend({ type: 'export/opened', inReplyTo: open.requestId, status: 'ok', detail: '' });
  await page.waitForFunction(
    (sel) => /opened as NumPy code/.test(document.querySelector(sel)?.textContent ?? ''),
    `${bar('train')} .export-note`,
  );
  // The choice of framework is UI state: saved for the next page.
  await page.waitForFunction(
    () =>
      (window as unknown as { __state?: { training?: { exportFramework?: string } } }).__state
        ?.training?.exportFramework === 'numpy',
  );
  await page.locator(panel('train')).screenshot({ path: join(resultsDir, 'export-train.png') });
  // The palette command exports the same run, here for PyTorch.
  await p.hostSend({ type: 'export/request', requestId: 7, framework: 'pytorch' });
  const reply = await nextPosted(p, 'export/reply');
  assert.equal(reply.status, 'ok');
  assert.equal(reply.inReplyTo, 7);
  const torch = (reply.code as ExportedCode).source;
  assert.match(torch, /^import torch$/m);
  assert.match(torch, /class Model\(nn\.Module\)/);
  assert.match(torch, /torch\.nn\.functional\.relu\(/);
  assert.match(torch, /^def predict\(points\):/m);
  assert.deepEqual(pageErrors(p.errors), []);
  await page.close();
});

test('race: the run picked in the results is the one exported', async () => {
  const p = await openTraining(h, 'race');
  const { page } = p;
  await page.click(`${panel('race')} [data-role=train]`);
  await waitEpoch(page, 'race', 30);
  await pause(page, 'race');
  const runs = await page.$$eval(`${bar('race')} [data-role=export-run] option`, (os) =>
    os.map((o) => [(o as HTMLOptionElement).value, o.textContent]),
  );
  assert.deepEqual(runs.map(([k]) => k).sort(), ['relu', 'sigmoid', 'tanh']);
  await page.selectOption(`${bar('race')} [data-role=export-run]`, 'tanh');
  await page.selectOption(`${bar('race')} [data-role=export-framework]`, 'jax');
  await page.click(`${bar('race')} [data-role=export]`);
  const open = await nextPosted(p, 'export/open');
  const code = open.code as ExportedCode;
  assert.equal(open.framework, 'jax');
  assert.equal(code.label, 'Tanh');
  assert.match(code.source, /^import jax\.numpy as jnp$/m);
  assert.match(code.source, /jax\.numpy\.tanh\(/);
  assert.doesNotMatch(code.source, /relu|sigmoid\(/i);
  assert.match(code.source, /^def predict\(points\):/m);
  // The host's command in the race view writes the picked run too.
  await p.hostSend({ type: 'export/request', requestId: 8, framework: 'keras' });
  const reply = await nextPosted(p, 'export/reply');
  assert.equal((reply.code as ExportedCode).label, 'Tanh');
  assert.match((reply.code as ExportedCode).source, /import keras/);
  await p.hostSend({
    type: 'export/opened',
    inReplyTo: open.requestId,
    status: 'error',
    detail: 'no editor',
  });
  await page.waitForFunction(
    (sel) => /could not be opened: no editor/.test(document.querySelector(sel)?.textContent ?? ''),
    `${bar('race')} .export-note`,
  );
  await page.locator(`${panel('race')} .results`).screenshot({
    path: join(resultsDir, 'export-race.png'),
  });
  assert.deepEqual(pageErrors(p.errors), []);
  await page.close();
});

test('a custom formula is exported from its tree; the Japanese page labels the export', async () => {
  const p = await openTraining(h, 'train', { locale: 'ja' });
  const { page } = p;
  await page.selectOption(`${panel('train')} select[data-role=activation]`, 'custom');
  await page.click(`${panel('train')} [data-role=train]`);
  await waitEpoch(page, 'train', 5);
  await pause(page, 'train');
  assert.equal(
    (await page.textContent(`${bar('train')} [data-role=export]`))?.trim(),
    'コードとしてエクスポート…',
  );
  await page.click(`${bar('train')} [data-role=export]`);
  const code = (await nextPosted(p, 'export/open')).code as ExportedCode;
  assert.match(code.source, /^def custom_activation\(x\):/m);
  assert.match(code.source, /_formula_sigmoid\(\(?1\.702 \* x\)?\)/);
  assert.match(code.source, /^def predict\(points\):/m);
  await page.locator(panel('train')).screenshot({ path: join(resultsDir, 'export-train-ja.png') });
  assert.deepEqual(pageErrors(p.errors), []);
  await page.close();
});
