// The in-editor reference (issue 4) in a real VS Code (code-server): hovers that state what this
// very call computes, a completion inside activation="…", and Insert Activation Implementation.
// The workspace is a throwaway copy of examples/, so edits can be saved and read back from disk.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { describeInCodeServer, lineOf, mostInOnePart, recordMetrics, Workbench } from './workbench';

describeInCodeServer('reference', referenceSuite);

function referenceSuite(): void {
  let wb: Workbench;
  const workspace = mkdtempSync(join(tmpdir(), 'activation-lab-reference-'));
  const started = Date.now();

  before(async () => {
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    wb = await Workbench.start({ name: 'reference', workspace });
    console.log(`[e2e] ${wb.server.installedAs}; start-up ${JSON.stringify(wb.timings)}`);
  });

  after(async () => {
    await wb?.close();
    rmSync(workspace, { recursive: true, force: true });
    recordMetrics({ referenceFileMs: Date.now() - started });
  });

  test('nn.GELU(approximate="tanh"): the tanh approximation, given by the call, with a plot', async () => {
    await wb.openFile('torch_model.py');
    const line = lineOf('torch_model.py', /nn\.GELU\(approximate="tanh"\)/, workspace);
    const hover = await wb.step('reference-1-hover-torch-gelu-tanh', () =>
      wb.hoverText('GELU', { line, expect: /tanh approximation/ }),
    );
    await wb.dismissHover();
    assert.match(hover.text, /GELU \(tanh approximation\)/);
    assert.match(hover.text, /approximate='tanh'\s*—\s*from the call/);
    assert.ok(hover.hasImage, 'the hover shows the plot');
    assert.match(hover.html, /<img[^>]+src="data:image\/svg\+xml;base64,/);
    assert.match(hover.text, /Show in playground/);
  });

  test('jax.nn.gelu(x): tanh approximation by default, and the measured gap to exact GELU', async () => {
    await wb.openFile('jax_flax_model.py');
    const line = lineOf('jax_flax_model.py', /h = jax\.nn\.gelu\(h\) \* g/, workspace);
    const hover = await wb.step('reference-2-hover-jax-gelu', () =>
      wb.hoverText('gelu', { line, expect: /tanh approximation/ }),
    );
    await wb.dismissHover();
    assert.match(hover.text, /JAX/);
    assert.match(hover.text, /approximate=True\s*—\s*default/);
    assert.match(hover.text, /largest \|Δf\| = 4\.7e-4 at x ≈ −2\.70/);
    assert.equal(mostInOnePart(hover, 'largest |Δf|'), 1, `said once: ${hover.text}`);
    assert.ok(hover.hasImage);
    // Issue 15.10: the plot shows without scrolling the hover (its note comes after the plot).
    const plot = hover.plot!;
    console.log(`[e2e] jax.nn.gelu hover: ${JSON.stringify(plot)}`);
    recordMetrics({ hoverPlotBottomPx: plot.bottom, hoverVisibleHeightPx: plot.visibleHeight });
    assert.ok(plot.top >= 0 && plot.bottom <= plot.visibleHeight + 0.5, JSON.stringify(plot));
  });

  test('keras.layers.LeakyReLU() is 0.3 while activation="leaky_relu" is 0.2', async () => {
    await wb.openFile('keras_model.py');
    const layerLine = lineOf('keras_model.py', /keras\.layers\.LeakyReLU\(\)/, workspace);
    const layer = await wb.step('reference-3-hover-keras-leaky-layer', () =>
      wb.hoverText('LeakyReLU', { line: layerLine, expect: /negative_slope=0\.3/ }),
    );
    await wb.dismissHover();
    assert.match(layer.text, /negative_slope=0\.3 \(a\)\s*—\s*default of keras\.layers\.LeakyReLU/);
    assert.ok(layer.hasImage);
    const stringLine = lineOf('keras_model.py', /Dense\(64, activation="leaky_relu"\)/, workspace);
    const str = await wb.step('reference-4-hover-keras-leaky-string', () =>
      wb.hoverText('leaky_relu', { line: stringLine, expect: /negative_slope=0\.2/ }),
    );
    await wb.dismissHover();
    assert.match(
      str.text,
      /negative_slope=0\.2 \(a\)\s*—\s*default of keras\.activations\.leaky_relu/,
    );
    assert.match(str.text, /keras\.layers\.LeakyReLU \(a = 0\.3\)/);
    assert.ok(str.hasImage);
  });

  test("the hover link opens the playground with that line's activation and parameters", async () => {
    await wb.openFile('keras_model.py');
    const line = lineOf('keras_model.py', /keras\.layers\.LeakyReLU\(\)/, workspace);
    await wb.hoverText('LeakyReLU', { line, expect: /negative_slope=0\.3/ });
    const link = wb.page
      .locator('.monaco-hover-content a[data-href^="command:activationLab.showInPlayground"]')
      .first();
    await link.click();
    const frame = wb.webviewFrame();
    // The card of this very call: Leaky ReLU with the Keras layer's slope 0.3, not PyTorch's 0.01.
    const card = frame.locator('.card[aria-label="Leaky ReLU"]');
    await card.waitFor({ timeout: 60_000 });
    await wb.step('reference-4b-hover-link-playground', async () => {
      assert.equal(await card.locator('input.num').first().inputValue(), '0.3');
      const preset = card.locator('.preset select');
      assert.match(
        (await preset.locator('option:checked').innerText()).trim(),
        /keras\.layers\.LeakyReLU\(\)/,
      );
    });
    // Close the panel so the editor tests that follow have the whole window.
    await wb.runCommand('View: Close Editor');
  });

  test('a completion inside activation="…" offers the Keras names with formula and plot', async () => {
    const { page } = wb;
    const line = lineOf('keras_model.py', /x = layers\.Dense\(32\)\(x\)/, workspace);
    await wb.goToLine(line);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    // Auto-closing adds the `)` and the closing quote; the cursor stays inside the string.
    await page.keyboard.type('x = layers.Dense(8, activation="leak', { delay: 30 });
    const ours = page
      .locator('.suggest-widget .monaco-list-row')
      .filter({ hasText: 'leaky_relu' })
      .filter({ hasText: 'Activation Lab' });
    await ours.first().waitFor({ timeout: 15_000 });
    const details = await wb.step('reference-5-completion-activation-string', async () => {
      // Focus our item (word-based suggestions may list the same word) and open its details.
      for (let i = 0; i < 8; i++) {
        const focused = page.locator('.suggest-widget .monaco-list-row.focused');
        if (/Activation Lab/.test(await focused.innerText())) break;
        await page.keyboard.press('Down');
      }
      const panel = page.locator('.suggest-details-container .suggest-details');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Space');
      await panel.filter({ hasText: 'Leaky ReLU' }).waitFor({ timeout: 10_000 });
      await panel.locator('img').first().waitFor({ timeout: 10_000 });
      return { text: await panel.innerText(), images: await panel.locator('img').count() };
    });
    assert.match(details.text, /Leaky ReLU/);
    assert.match(
      details.text,
      /negative_slope=0\.2 \(a\)/,
      'the default slope of activation="leaky_relu"',
    );
    assert.match(details.text, /f\(x\) = /);
    assert.ok(details.images > 0, 'the documentation shows the plot');
    await page.keyboard.press('Enter');
    await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
    const text = await page
      .locator('.editor-instance .monaco-editor .view-line', { hasText: 'Dense(8' })
      .first()
      .innerText();
    assert.match(text.replace(/\u00a0/g, ' '), /x = layers\.Dense\(8, activation="leaky_relu"\)/);
  });

  test('Insert Activation Implementation writes a NumPy GELU (tanh) and its derivative', async () => {
    const { page } = wb;
    await wb.step('reference-6-insert-implementation', async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await wb.insertImplementation('GELU (tanh', 'gelu_tanh', 'NumPy', 'def gelu_tanh(x):');
    });
    const saved = await wb.saveAndRead(join(workspace, 'keras_model.py'), /def gelu_tanh_grad/);
    assert.match(saved, /\ndef gelu_tanh\(x\):\n {4}"""GELU \(tanh approximation\): f\(x\) = /);
    assert.match(
      saved,
      /\n {4}t = np\.tanh\(c \* \(x \+ 0\.044715 \* x \*\* 3\)\)\n {4}return 0\.5 \* x \* \(1 \+ t\)\n/,
    );
    assert.match(saved, /\ndef gelu_tanh_grad\(x\):\n/);
    assert.equal(
      saved.match(/^import numpy as np$/gm)?.length,
      1,
      'the existing numpy import is reused',
    );
    assert.match(saved, /^import math$/m, 'the missing import is added');
    assert.ok(
      saved.indexOf('import math') < saved.indexOf('def build_classifier'),
      'imports go to the top',
    );
    assert.match(saved, /x = layers\.Dense\(8, activation="leaky_relu"\)/);
    assert.match(
      saved,
      /build_regressor\(\)\.summary\(\)\n\n\ndef gelu_tanh\(x\):/,
      'PEP 8 spacing',
    );
  });
  test('the act: completion inserts an implementation for the file’s framework', async () => {
    const { page } = wb;
    await wb.openFile('torch_model.py');
    await wb.step('reference-7-act-snippet', async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('act:gelu_t', { delay: 40 });
      const row = page
        .locator('.suggest-widget .monaco-list-row')
        .filter({ hasText: /^act:gelu_tanh/ });
      await row.first().waitFor({ timeout: 15_000 });
      const focused = page.locator('.suggest-widget .monaco-list-row.focused');
      for (let i = 0; i < 8 && !/^act:gelu_tanh\b(?!:)/.test(await focused.innerText()); i++) {
        await page.keyboard.press('Down');
      }
      await page.keyboard.press('Enter');
      await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
      await page.locator('.view-line', { hasText: 'class GeluTanh(nn.Module):' }).first().waitFor();
    });
    const saved = await wb.saveAndRead(join(workspace, 'torch_model.py'), /class GeluTanh/);
    assert.match(saved, /\nclass GeluTanh\(nn\.Module\):\n/);
    assert.match(saved, /\n {8}t = torch\.tanh\(c \* \(x \+ 0\.044715 \* x \*\* 3\)\)\n/);
    assert.doesNotMatch(saved, /act:gelu/);
    assert.match(
      saved,
      /torch\.linspace\(-4\.0, 4\.0, 5\)\)\)\n\n\nclass GeluTanh/,
      'PEP 8 spacing',
    );
    assert.match(saved, /^import math$/m, 'the missing import is added at the top');
    assert.equal(saved.match(/^import torch$/gm)?.length, 1);
  });
}
