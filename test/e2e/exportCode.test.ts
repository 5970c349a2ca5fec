// Export as code (issue 12) in a real VS Code (code-server): open the playground from the palette,
// train on XOR, press "Export as code…" with PyTorch picked, and read the new untitled Python
// editor; then, with that Python editor active, the palette command "Export Trained Network as
// Code…" with NumPy picked inserts the code at the cursor instead of opening another editor;
// last, right-click examples/leaves.csv in the explorer, Train on Data File…, train, and export
// to PyTorch: the code carries the file's columns, classes and standardisation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { e2eSkipReason, recordMetrics, Workbench } from './workbench';

describe('export as code', async () => {
  const skip = await e2eSkipReason();
  describe('in code-server', { skip }, () => exportSuite());
});

async function epoch(frame: FrameLocator): Promise<number> {
  return Number((await frame.locator('#train-panel-train').getAttribute('data-epoch')) ?? -1);
}

/** The visible lines of the active editor (Monaco renders only those), joined by newlines. */
async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  return (await lines.first().innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Clicks into the active editor's visible area near its top-left corner (past the line numbers):
 * a plain click on the lines element aims at its middle, and that element is as wide as the
 * longest line, so the editor would scroll sideways to reach it.
 */
async function focusEditor(page: Page): Promise<void> {
  await page
    .locator('.editor-group-container.active .monaco-editor .overflow-guard')
    .first()
    .click({ position: { x: 90, y: 8 } });
}

/**
 * The end of the active editor's text, once it matches `expect`: Ctrl+End, then read what is in
 * view (the editor may take a moment to render lines that were just inserted).
 */
async function endOfEditor(page: Page, expect: RegExp, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(400);
    const text = await editorText(page);
    if (expect.test(text) || Date.now() > until) {
      // Let the scrolled editor finish painting before the step's screenshot.
      await page.waitForTimeout(1500);
      return text;
    }
  }
}

/**
 * Untitled editor tabs in the workbench. VS Code titles an untitled editor by its first line and
 * shows `Untitled-1` beside it.
 */
function untitledTabs(page: Page) {
  return page.locator('.tabs-container .tab', { hasText: /Untitled-\d/ });
}

function exportSuite(): void {
  let wb: Workbench;
  const started = Date.now();

  before(async () => {
    // Without scrolling past the last line, Ctrl+End shows the file's last screenful.
    wb = await Workbench.start({
      name: 'export',
      settings: { 'editor.scrollBeyondLastLine': false },
    });
    await wb.openFile('torch_model.py');
    await wb.readOutputChannel('Activation Lab', /activate\(\) took/, 60_000);
  });

  after(async () => {
    await wb?.close();
    recordMetrics({ exportFileMs: Date.now() - started });
  });

  test('train XOR, Export as code… (PyTorch): a new untitled Python editor shows the code', async () => {
    const frame = wb.webviewFrame();
    const seen = await wb.step('export-1-pytorch-untitled', async () => {
      await wb.runCommand('Activation Lab: Open Playground');
      await frame
        .getByRole('tab', { name: /^Train$/ })
        .first()
        .click();
      const panel = frame.locator('#train-panel-train');
      await panel.waitFor({ timeout: 30_000 });
      const button = panel.locator('.export-bar [data-role=export]');
      const disabledBefore = await button.isDisabled();
      await panel.getByLabel('Dataset', { exact: true }).selectOption('xor');
      await panel.locator('[data-role=train]').click();
      for (const until = Date.now() + 60_000; (await epoch(frame)) < 30;) {
        if (Date.now() > until) throw new Error(`epoch ${await epoch(frame)} < 30 after 60 s`);
        await new Promise((r) => setTimeout(r, 200));
      }
      if ((await panel.locator('.run-controls').getAttribute('data-state')) === 'running')
        await panel.locator('[data-role=train]').click();
      await panel.locator('.export-bar [data-role=export-framework]').selectOption('pytorch');
      await button.click();
      await untitledTabs(wb.page).first().waitFor({ timeout: 30_000 });
      await wb.page
        .locator('.tabs-container .tab.active', { hasText: /Untitled-\d/ })
        .waitFor({ timeout: 30_000 });
      const top = await editorText(wb.page);
      const language = await wb.page
        .locator('.statusbar-item[id="status.editor.mode"]')
        .innerText()
        .catch(() => '');
      // The end of the file: predict.
      await focusEditor(wb.page);
      const bottom = await endOfEditor(wb.page, /def predict/);
      return {
        disabledBefore,
        top,
        bottom,
        language,
        note: await panel.locator('.export-bar .export-note').innerText(),
        tabs: await untitledTabs(wb.page).count(),
      };
    });
    console.log(`[e2e] export: ${JSON.stringify({ ...seen, top: seen.top.slice(0, 300) })}`);
    assert.equal(seen.disabledBefore, true, 'nothing to export before training');
    assert.match(seen.top, /"""Activation Lab export \(pytorch\): a 2 → 8 → 8 → 1 network/);
    assert.match(seen.top, /on the xor dataset/);
    assert.match(seen.top, /^import torch$/m);
    assert.match(seen.bottom, /def predict\(points\):/);
    assert.match(seen.bottom, /z = model\(features\(points\)\)/);
    assert.match(seen.language, /Python/);
    assert.match(seen.note, /opened as PyTorch code in a new editor/);
    assert.equal(seen.tabs, 1);
    recordMetrics({ e2eExportPytorch: { language: seen.language, note: seen.note } });
  });

  test('the palette command from a Python editor inserts NumPy code at the cursor', async () => {
    const seen = await wb.step('export-2-numpy-at-cursor', async () => {
      // The untitled Python editor from the first test is active, its cursor at the end.
      await focusEditor(wb.page);
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      // VS Code reuses one quick-input widget: wait for the command's own picker (its
      // placeholder), not for the palette to hide; a press the busy workbench dropped is retried.
      const picker = wb.page.locator('.quick-input-widget input[placeholder*="Framework"]');
      for (let attempt = 0; ; attempt++) {
        await wb.page.keyboard.press('F1');
        await wb.page
          .locator('.quick-input-widget input')
          .fill('>Activation Lab: Export Trained Network');
        await wb.page
          .locator('.quick-input-list .monaco-list-row', {
            hasText: /^Activation Lab: Export Trained Network as Code/,
          })
          .first()
          .waitFor();
        await wb.page.keyboard.press('Enter');
        try {
          await picker.waitFor({ state: 'visible', timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt === 2) throw error;
          await wb.page.keyboard.press('Escape');
        }
      }
      await picker.fill('NumPy');
      await wb.page
        .locator('.quick-input-list .monaco-list-row', { hasText: /^NumPy/ })
        .first()
        .click();
      await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      // The inserted code ends at the cursor, the end of the file: NumPy's predict.
      const bottom = await endOfEditor(wb.page, /np\.errstate/);
      return { bottom, tabs: await untitledTabs(wb.page).count() };
    });
    assert.match(seen.bottom, /with np\.errstate\(over='ignore', invalid='ignore'\):/);
    assert.match(seen.bottom, /return 1\.0 \/ \(1\.0 \+ np\.exp\(-z\[:, 0\]\)\)/);
    assert.equal(seen.tabs, 1, 'inserted into the same editor, no new one');
  });

  test('right-click a CSV, train on it, export to PyTorch: the untitled editor has its columns', async () => {
    const frame = wb.webviewFrame();
    const panel = frame.locator('#train-panel-train');
    const seen = await wb.step('export-3-csv-pytorch', async () => {
      const row = wb.page.locator('.explorer-folders-view .monaco-list-row').filter({
        has: wb.page.locator('.label-name', { hasText: /^leaves\.csv$/ }),
      });
      await row.first().click({ button: 'right' });
      await wb.page
        .locator('.context-view .monaco-menu .action-menu-item', { hasText: /Train on Data File/ })
        .first()
        .hover();
      // VS Code's menus act on the key or on mouse-up over the hovered item; Enter is the sure one.
      await wb.page.keyboard.press('Enter');
      await frame
        .locator('[data-role=data-file]', { hasText: /leaves\.csv/ })
        .waitFor({ timeout: 30_000 });
      const before = await untitledTabs(wb.page).count();
      await panel.locator('[data-role=train]').click();
      for (const until = Date.now() + 60_000; (await epoch(frame)) < 20;) {
        if (Date.now() > until) throw new Error(`epoch ${await epoch(frame)} < 20 after 60 s`);
        await new Promise((r) => setTimeout(r, 200));
      }
      if ((await panel.locator('.run-controls').getAttribute('data-state')) === 'running')
        await panel.locator('[data-role=train]').click();
      await panel.locator('.export-bar [data-role=export-framework]').selectOption('pytorch');
      await panel.locator('.export-bar [data-role=export]').click();
      await untitledTabs(wb.page).nth(before).waitFor({ timeout: 30_000 });
      await focusEditor(wb.page);
      await wb.page.keyboard.press('Control+Home');
      await wb.page.waitForTimeout(800);
      return {
        top: await editorText(wb.page),
        task: await frame.locator('[data-role=data-task]').innerText(),
        tabs: await untitledTabs(wb.page).count(),
        before,
      };
    });
    console.log(`[e2e] csv export: ${JSON.stringify({ ...seen, top: seen.top.slice(0, 400) })}`);
    assert.equal(seen.tabs, seen.before + 1, 'a new untitled editor');
    assert.match(seen.top, /Activation Lab export \(pytorch\)/);
    assert.match(seen.top, /the columns leaf_length_cm, leaf_width_cm → species/);
    assert.match(seen.top, /raw inputs \(leaf_length_cm, leaf_width_cm\)/);
    assert.match(seen.top, /class probabilities/);
    assert.match(seen.top, /^INPUT_MEAN = \[/m);
    assert.match(seen.top, /^INPUT_STD = \[/m);
    assert.match(seen.top, /^CLASSES = \["/m);
    recordMetrics({ e2eExportCsv: { task: seen.task } });
  });
}
