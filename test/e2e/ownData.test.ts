// Own data (issue 12) in a real VS Code (code-server): right-click examples/leaves.csv in the
// explorer → "Train on Data File…"; the playground opens with the file loaded (its two bad rows
// reported), trains a few epochs on it with axes in centimetres, then "Export as code…" with
// PyTorch opens the trained network in a new untitled Python editor, standardisation included,
// and its end is predict(points) returning the class probabilities.
// In a folder of its own: a file over 10 MB is refused at once; after a window reload the
// playground reads its file again and says so when the file is gone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import {
  describeInCodeServer,
  recordMetrics,
  trainEpoch,
  waitForTrainEpoch,
  Workbench,
} from './workbench';

describeInCodeServer('own data', ownDataSuite);

function ownDataSuite(): void {
  let wb: Workbench;
  const started = Date.now();

  before(async () => {
    wb = await Workbench.start({ name: 'ownData' });
  });

  after(async () => {
    await wb?.close();
    recordMetrics({ ownDataFileMs: Date.now() - started });
  });

  test('right-click leaves.csv → Train on Data File…: the playground opens with the data, and trains', async () => {
    const frame = wb.webviewFrame();
    const seen = await wb.step('ownData-1-loaded', async () => {
      await trainOnFromExplorer(wb, 'leaves.csv');
      const bad = frame.locator('[data-role=bad-rows]');
      await bad.waitFor({ state: 'visible', timeout: 60_000 });
      await bad.locator('summary').click();
      return {
        file: await frame.locator('[data-role=data-file]').innerText(),
        task: await frame.locator('[data-role=data-task]').innerText(),
        badRows: await bad.locator('li').allInnerTexts(),
        dataset: await frame
          .locator('#train-panel-train')
          .getByLabel('Dataset', { exact: true })
          .locator('option:checked')
          .innerText(),
      };
    });
    console.log(`[e2e] own data loaded: ${JSON.stringify(seen)}`);
    assert.match(seen.file, /leaves\.csv: 302 rows, 3 columns/);
    assert.match(seen.task, /classification of species into 3 classes \(birch, oak, willow\)/);
    assert.deepEqual(seen.badRows, [
      "line 18: 'abc' in column leaf_length_cm is not a number",
      'line 43: column leaf_width_cm is empty',
    ]);
    assert.match(seen.dataset, /File: leaves\.csv/);

    const trained = await wb.step('ownData-2-trained', async () => {
      const panel = frame.locator('#train-panel-train');
      await panel.locator('select[data-role=early-stop]').selectOption('off');
      await panel.locator('[data-role=train]').click();
      await waitForTrainEpoch(frame, 30, 60_000);
      if ((await panel.locator('.run-controls').getAttribute('data-state')) === 'running')
        await panel.locator('[data-role=train]').click();
      return {
        epoch: await trainEpoch(frame),
        readout: await panel.locator('.readout').innerText(),
        xTicks: await panel.locator('.plot-axes .x-ticks .tick').allInnerTexts(),
        xTitle: await panel.locator('.plot-axes .x-title').innerText(),
      };
    });
    console.log(`[e2e] own data trained: ${JSON.stringify(trained)}`);
    assert.ok(trained.epoch >= 30);
    assert.match(trained.readout, /test accuracy \d+(\.\d)?%/);
    assert.equal(trained.xTitle, 'leaf_length_cm');
    // Centimetres (the file's lengths lie between about 4 and 14), not standardised values.
    const ticks = trained.xTicks.map((s) => Number(s.replace('−', '-')));
    assert.ok(ticks.length >= 2 && Math.max(...ticks) >= 8, `x ticks ${trained.xTicks}`);
    recordMetrics({ e2eOwnData: { ...seen, ...trained } });
  });

  test('Export as code… (PyTorch) opens the network trained on the file in a new editor', async () => {
    const frame = wb.webviewFrame();
    const top = await wb.step('ownData-3-export-pytorch', async () => {
      const panel = frame.locator('#train-panel-train');
      await panel.locator('.export-bar [data-role=export-framework]').selectOption('pytorch');
      await panel.locator('.export-bar [data-role=export]').click();
      await wb.page
        .locator('.tabs-container .tab.active', { hasText: /Untitled-\d/ })
        .waitFor({ timeout: 30_000 });
      const lines = wb.page.locator('.editor-group-container.active .monaco-editor .view-lines');
      await lines.first().waitFor();
      await wb.page.waitForTimeout(1000);
      return wb.activeEditorText();
    });
    // The end of the code: predict on raw leaf sizes, returning the three class probabilities.
    const bottom = await wb.step('ownData-4-export-predict', async () => {
      await wb.focusActiveEditor();
      return wb.activeEditorEnd(/def predict/);
    });
    console.log(`[e2e] own data export: ${top.slice(0, 400)}`);
    assert.match(top, /Activation Lab export \(pytorch\)/);
    assert.match(top, /^import torch$/m);
    assert.match(top, /on the columns leaf_length_cm, leaf_width_cm → species/);
    // The file's standardisation and class names are in the code.
    assert.match(top, /^INPUT_MEAN = \[8\.\d+, 3\.\d+\]$/m);
    assert.match(top, /^CLASSES = \["birch", ?"oak", ?"willow"\]$/m);
    assert.match(bottom, /^def predict\(points\):$/m);
    assert.match(bottom, /class probabilities, shape \(n, classes\), in CLASSES order/);
    assert.match(bottom, /z = model\(features\(points\)\)/);
    assert.match(bottom, /e = torch\.exp\(z - z\.max\(dim=1, keepdim=True\)\.values\)/);
    assert.match(bottom, /return e \/ e\.sum\(dim=1, keepdim=True\)/);
  });
}

describeInCodeServer('own data: limits and a reload', limitsSuite);

/**
 * Opens the explorer's context menu on `name` and runs "Train on Data File…". The menu lists the
 * extension's item once the host has read its contributions: a menu opened too early is closed
 * and opened again. Monaco's menu acts on the item's own link; a click the busy workbench dropped
 * is followed by Enter on the item the pointer highlighted.
 */
async function trainOnFromExplorer(wb: Workbench, name: string): Promise<void> {
  const row = wb.page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({
      has: wb.page.locator('.label-name', {
        hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      }),
    })
    .first();
  const item = wb.page.locator('.context-view .action-item', { hasText: /Train on Data File/ });
  for (let attempt = 0; ; attempt++) {
    await row.click({ button: 'right' });
    try {
      await item.first().waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 4) throw error;
      await wb.page.keyboard.press('Escape');
    }
  }
  await item.first().locator('.action-menu-item').click();
  await wb.page.waitForTimeout(1000);
  if (await wb.page.locator('.context-view .monaco-menu').isVisible()) {
    await item.first().hover();
    await wb.page.keyboard.press('Enter');
  }
}

function limitsSuite(): void {
  let wb: Workbench;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'al-own-data-'));
    copyFileSync(join(repoRoot, 'examples', 'leaves.csv'), join(folder, 'leaves.csv'));
    // 11 MB of well-formed rows: refused for its size alone, before it is read.
    const line = '1.25,2.5,a\n';
    writeFileSync(
      join(folder, 'big.csv'),
      'x,y,k\n' + line.repeat(Math.ceil((11 * 2 ** 20) / line.length)),
    );
    wb = await Workbench.start({ name: 'ownDataLimits', workspace: folder });
  });

  after(async () => {
    await wb?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a file over 10 MB is refused at once with its size', async () => {
    const toast = await wb.step('ownData-4-too-large', async () => {
      await trainOnFromExplorer(wb, 'big.csv');
      const t = wb.page.locator('.notifications-toasts .notification-toast', {
        hasText: /big\.csv is 11\.0 MB; files up to 10 MB can be loaded/,
      });
      await t.first().waitFor({ timeout: 30_000 });
      return t.first().innerText();
    });
    assert.match(toast, /big\.csv is 11\.0 MB/);
    assert.equal(
      await wb.page
        .locator('.tabs-container .tab', { hasText: 'Activation Lab Playground' })
        .count(),
      0,
    );
  });

  test('after a window reload the playground reads its file again, and says so when it is gone', async () => {
    const frame = wb.webviewFrame();
    const seen = await wb.step('ownData-5-gone-after-reload', async () => {
      await wb.page.keyboard.press('Escape');
      await trainOnFromExplorer(wb, 'leaves.csv');
      await frame.locator('[data-role=bad-rows]').waitFor({ state: 'visible', timeout: 60_000 });
      // The page saves its state 150 ms after a change, but the workbench keeps it (and the
      // extension's workspace state) in its store later: after 1.5 s a reload here came back
      // without it every time (4 of 4, the base commit too); after 6 s it was there.
      await wb.page.waitForTimeout(6000);
      rmSync(join(folder, 'leaves.csv'));
      await wb.page.reload();
      await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const error = frame.locator('[data-role=data-error]', {
        hasText: /leaves\.csv is no longer there/,
      });
      await error.waitFor({ timeout: 60_000 });
      return {
        error: await error.innerText(),
        dataset: await frame
          .locator('#train-panel-train')
          .getByLabel('Dataset', { exact: true })
          .isDisabled(),
      };
    });
    assert.match(seen.error, /leaves\.csv is no longer there \(it was moved or deleted\)/);
    assert.equal(seen.dataset, false, 'the built-in datasets are used meanwhile');
  });
}
