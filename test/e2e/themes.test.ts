// The editor-side screens in the light and high-contrast themes (issue 15's screenshots): the hover
// with its plot, and the completion list after `nn.` with its documentation. The reference tests
// cover the dark theme; these start code-server once per theme on a throwaway copy of examples/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { e2eSkipReason, lineOf, Workbench } from './workbench';

/** The themes other than the dark one the other E2E files run in, with a short name each. */
const THEMES = {
  light: 'Default Light Modern',
  'high-contrast': 'Default High Contrast',
} as const;

describe('themes', async () => {
  const skip = await e2eSkipReason();
  for (const [short, theme] of Object.entries(THEMES)) {
    describe(`in code-server, ${short}`, { skip }, () => themeSuite(short, theme));
  }
});

function themeSuite(short: string, theme: string): void {
  let wb: Workbench;
  const workspace = mkdtempSync(join(tmpdir(), `activation-lab-theme-${short}-`));

  before(async () => {
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
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

  test('the hover shows its plot inside the visible area', async () => {
    await wb.openFile('jax_flax_model.py');
    const line = lineOf('jax_flax_model.py', /h = jax\.nn\.gelu\(h\) \* g/, workspace);
    const hover = await wb.step(`theme-${short}-1-hover-jax-gelu`, () =>
      wb.hoverText('gelu', { line, expect: /tanh approximation/ }),
    );
    await wb.dismissHover();
    assert.ok(hover.hasImage, 'the hover plots the activation');
    const plot = hover.plot!;
    assert.ok(plot.top >= 0 && plot.bottom <= plot.visibleHeight + 0.5, JSON.stringify(plot));
    assert.equal(hover.text.split('largest |Δf|').length - 1, 1, 'the gap is said once');
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
    const labels = await wb.step(`theme-${short}-2-completion-nn`, async () => {
      const panel = page.locator('.suggest-details-container .suggest-details');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Space');
      await panel.locator('img').first().waitFor({ timeout: 10_000 });
      return rows.allInnerTexts();
    });
    await page.keyboard.press('Escape');
    const first = labels[0] ?? '';
    assert.match(first, /ReLU|GELU|SiLU|Sigmoid|Tanh|Softmax/, labels.join(' | '));
  });
}
