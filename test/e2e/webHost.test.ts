// The browser entry (dist/web/extension.js) in a real web worker extension host: code-server
// runs a copy of the extension whose manifest has no `main` and asks for `extensionKind: ["web"]`,
// as a browser VS Code with a remote folder does. Documents there have the `vscode-remote` scheme,
// so this is where a provider registered for a list of schemes stays silent.
// The workspace is a throwaway copy of examples/: the completion test types into a file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { describeInCodeServer, lineOf, recordMetrics, Workbench } from './workbench';

describeInCodeServer('web worker extension host', webHostSuite);

function webHostSuite(): void {
  let wb: Workbench;
  const workspace = mkdtempSync(join(tmpdir(), 'activation-lab-webhost-'));
  const started = Date.now();

  before(async () => {
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    wb = await Workbench.start({ name: 'webhost', webHost: true, workspace });
    console.log(`[e2e] ${wb.server.installedAs}; start-up ${JSON.stringify(wb.timings)}`);
  });

  after(async () => {
    await wb?.close();
    rmSync(workspace, { recursive: true, force: true });
    recordMetrics({ webHostFileMs: Date.now() - started });
  });

  test('the extension activates in the web worker host', async () => {
    const log = await wb.step('webhost-1-activated', async () => {
      await wb.openFile('torch_model.py');
      // A web worker host keeps its output channels in the browser, not in the server's log
      // files: open the channel and read the Output view.
      const output = wb.page.locator('.panel .monaco-editor .view-lines');
      const deadline = Date.now() + 90_000;
      for (;;) {
        await wb.runCommand('Activation Lab: Show Log');
        try {
          await output
            .filter({ hasText: /activate\(\)\s+took/ })
            .first()
            .waitFor({ timeout: 5_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
      return (await output.first().innerText()).replace(/\u00a0/g, ' ');
    });
    assert.match(log, /activate\(\) took [\d.]+ ms \(web worker host\)/);
    // The Node host never loaded it: its log has no activation of ours.
    assert.doesNotMatch(
      wb.extHostLog(),
      /ExtensionService#_doActivateExtension activation-lab\.activation-lab/,
    );
  });

  test('hovering an activation in a vscode-remote document shows what it computes', async () => {
    const line = lineOf('torch_model.py', /^\s+ConvBlock\(3, 16, nn\.ReLU\(\)\)/, workspace);
    const hover = await wb.step('webhost-2-hover-nn-relu', () =>
      wb.hoverText('nn.ReLU', { line, expect: /ReLU/, timeoutMs: 60_000 }),
    );
    await wb.dismissHover();
    assert.match(hover.text, /max\(\s*0\s*,\s*x\s*\)/);
    assert.ok(hover.hasImage, 'the hover plots the activation');
  });

  test('completions after nn. offer the activations', async () => {
    const { page } = wb;
    const line = lineOf('torch_model.py', /^\s+ConvBlock\(3, 16, nn\.ReLU\(\)\)/, workspace);
    await wb.goToLine(line);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('nn.GEL', { delay: 30 });
    const ours = page
      .locator('.suggest-widget .monaco-list-row')
      .filter({ hasText: 'GELU' })
      .filter({ hasText: 'Activation Lab' });
    const labels = await wb.step('webhost-3-completion', async () => {
      await ours.first().waitFor({ timeout: 30_000 });
      return page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
    });
    assert.ok(
      labels.some((l) => /GELU/.test(l)),
      `no GELU completion: ${labels.join(' | ')}`,
    );
    await page.keyboard.press('Escape');
  });

  test('the playground opens and trains', async () => {
    const frame = wb.webviewFrame();
    const seen = await wb.step('webhost-4-playground-train', async () => {
      await wb.runCommand('Activation Lab: Open Playground');
      await frame
        .getByRole('tab', { name: /^Train$/ })
        .first()
        .click({ timeout: 60_000 });
      const panel = frame.locator('#train-panel-train');
      await panel.waitFor({ timeout: 30_000 });
      await panel.getByLabel('Dataset', { exact: true }).selectOption('xor');
      await panel.locator('[data-role=train]').click();
      const epochOf = async (): Promise<number> =>
        Number((await panel.getAttribute('data-epoch')) ?? -1);
      const deadline = Date.now() + 60_000;
      while ((await epochOf()) < 50 && Date.now() < deadline) await wb.page.waitForTimeout(250);
      return { epoch: await epochOf(), readout: await panel.locator('.readout').innerText() };
    });
    assert.ok(seen.epoch >= 50, `training stalled at epoch ${seen.epoch}: ${seen.readout}`);
    assert.match(seen.readout, /test loss [\d.]+/);
  });
}
