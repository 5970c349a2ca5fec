// The editor-side screens of issue 15 in the dark, light and high-contrast themes, as
// test-results/e2e/polish-<item>-<what>-<theme>.png: Insert Activation Implementation after an
// indented `return` in a file that imports `torch.nn as nn` (1, 3), the hover with its plot and
// the completion documentation (10), the completion order after `nn.` (11). Each theme starts
// code-server once on a throwaway copy of examples/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { e2eSkipReason, lineOf, mostInOnePart, Workbench } from './workbench';

/** VS Code's default theme of each kind, by the short name the screenshots carry. */
const THEMES = {
  dark: 'Default Dark Modern',
  light: 'Default Light Modern',
  'high-contrast': 'Default High Contrast',
} as const;

/**
 * A PyTorch file whose last line is the blank line VS Code auto-indents after a method's
 * `return`: an insertion there must land at column 0, after the class.
 */
const INSERT_FILE = `import torch
import torch.nn as nn


class Gelu(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return nn.functional.gelu(x)
        `;

describe('themes', async () => {
  const skip = await e2eSkipReason();
  for (const [short, theme] of Object.entries(THEMES)) {
    describe(`in code-server, ${short}`, { skip }, () => themeSuite(short, theme));
  }
});

function themeSuite(short: string, theme: string): void {
  let wb: Workbench;
  const workspace = mkdtempSync(join(tmpdir(), `activation-lab-theme-${short}-`));
  const shot = (item: number, what: string) => `polish-${item}-${what}-${short}`;

  before(async () => {
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    writeFileSync(join(workspace, 'insert_here.py'), INSERT_FILE);
    wb = await Workbench.start({
      name: `theme-${short}`,
      workspace,
      settings: { 'workbench.colorTheme': theme },
    });
  });

  after(async () => {
    await wb?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('Insert Activation Implementation after an indented return: column 0, no second import', async () => {
    await wb.openFile('insert_here.py');
    const frameworks = await wb.step(shot(1, 'insert-column0'), async () => {
      await wb.focusActiveEditor();
      await wb.page.keyboard.press('Control+End');
      return wb.insertImplementation('silu', 'silu', 'PyTorch', 'class Silu(nn.Module):');
    });
    const used = frameworks.filter((f) => /used by this file/.test(f));
    assert.deepEqual(used.length, 1, frameworks.join(' | '));
    assert.match(used[0], /^PyTorch/);
    const saved = await wb.saveAndRead(join(workspace, 'insert_here.py'), /class Silu/);
    assert.match(saved, /return nn\.functional\.gelu\(x\)\n\n\nclass Silu\(nn\.Module\):\n/);
    assert.doesNotMatch(saved, /^ +class /m, 'no class nested in a method');
    assert.equal(saved.match(/^import torch$/gm)?.length, 1);
    assert.equal(saved.match(/^import torch\.nn as nn$/gm)?.length, 1);
    assert.doesNotMatch(saved, /^from torch import nn/m, 'the nn alias is reused');
  });

  test('the hover shows its plot inside the visible area', async () => {
    await wb.openFile('jax_flax_model.py');
    const line = lineOf('jax_flax_model.py', /h = jax\.nn\.gelu\(h\) \* g/, workspace);
    const hover = await wb.step(shot(10, 'hover'), () =>
      wb.hoverText('gelu', { line, expect: /tanh approximation/ }),
    );
    await wb.dismissHover();
    // Two identical parts: two extension hosts answered (the workbench started a second one).
    if (hover.parts.length !== 1) console.log(`[e2e] ${hover.parts.length} hover parts`);
    assert.ok(hover.hasImage, 'the hover plots the activation');
    const plot = hover.plot!;
    assert.ok(plot.top >= 0 && plot.bottom <= plot.visibleHeight + 0.5, JSON.stringify(plot));
    assert.equal(mostInOnePart(hover, 'largest |Δf|'), 1, `said once: ${hover.text}`);
  });

  test('completions after nn. put the common activations first, with their documentation', async () => {
    const { page } = wb;
    await wb.openFile('torch_model.py');
    const line = lineOf('torch_model.py', /^\s+ConvBlock\(3, 16, nn\.ReLU\(\)\)/, workspace);
    await wb.goToLine(line);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('nn.', { delay: 30 });
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.filter({ hasText: 'Activation Lab' }).first().waitFor({ timeout: 30_000 });
    const { labels, docs } = await wb.step(shot(11, 'completion-docs'), async () => {
      const panel = page.locator('.suggest-details-container .suggest-details');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Space');
      await panel.locator('img').first().waitFor({ timeout: 10_000 });
      return { labels: await rows.allInnerTexts(), docs: await panel.innerText() };
    });
    await page.keyboard.press('Escape');
    const first = labels[0] ?? '';
    assert.match(first, /ReLU|GELU|SiLU|Sigmoid|Tanh|Softmax/, labels.join(' | '));
    // Issue 15.10: the documentation is typeset text, not LaTeX source.
    assert.match(docs, /f\(x\) = /, docs);
    assert.doesNotMatch(docs, /\\[a-zA-Z]+|\^\{|_\{/, docs);
  });
}
