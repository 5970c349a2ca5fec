// Hover on real code (issue 10) in a real VS Code (code-server): an activation reached through a
// binding (`self.act` set in `__init__`, used in `forward`) shows where it was bound, and the
// "bound at line N" link moves the cursor there; a transformers `config.json` value names the
// tanh-form GELU; a module class written in the file (`NewGELU`) is read as a formula and named
// by the catalog entry it equals. The workspace is a throwaway copy of examples/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { describeInCodeServer, lineOf, Workbench } from './workbench';

describeInCodeServer('bindings', bindingsSuite);

function bindingsSuite(): void {
  let wb: Workbench;
  const workspace = mkdtempSync(join(tmpdir(), 'activation-lab-bindings-'));

  before(async () => {
    cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
    wb = await Workbench.start({ name: 'bindings', workspace });
  });

  after(async () => {
    await wb?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('self.act in forward(): the bound GELU and its "bound at line N" link, which moves the cursor', async () => {
    await wb.openFile('bound_activations.py');
    const use = lineOf('bound_activations.py', /return self\.gate\(self\.act\(/, workspace);
    const bound = lineOf('bound_activations.py', /self\.act = nn\.GELU/, workspace);
    const hover = await wb.step('bindings-1-hover-self-act', () =>
      wb.hoverText('.act', { line: use, expect: /Bound at line/ }),
    );
    assert.match(hover.text, /GELU \(tanh approximation\)/);
    assert.match(
      hover.text,
      new RegExp(`Bound at line ${bound}: self\\.act = nn\\.GELU\\(approximate="tanh"\\)`),
    );
    assert.ok(hover.hasImage, 'the hover shows the plot');
    const link = wb.page
      .locator('.monaco-hover-content a[data-href^="command:activationLab.revealBinding"]')
      .first();
    await link.click();
    const status = wb.page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await wb.page.waitForFunction(
      (want) =>
        Array.from(document.querySelectorAll('.statusbar-item')).some((el) =>
          new RegExp(`Ln ${want}, Col \\d+`).test(el.textContent ?? ''),
        ),
      bound,
      { timeout: 15_000 },
    );
    await wb.step('bindings-2-cursor-at-binding', async () => {
      assert.match(await status.innerText(), new RegExp(`Ln ${bound}, Col 9`));
    });
  });

  test('a partial bound as a parameter default: LeakyReLU with its slope, flagged as a default', async () => {
    const use = lineOf('bound_activations.py', /return self\.gate\(/, workspace);
    const hover = await wb.step('bindings-3-hover-partial-default', () =>
      wb.hoverText('.gate', { line: use, expect: /Leaky ReLU/ }),
    );
    await wb.dismissHover();
    assert.match(hover.text, /negative_slope=0\.2/);
    assert.match(hover.text, /a caller may pass another value/);
  });

  test('self.act bound to a class defined in the file: its curve and the catalog entry it equals', async () => {
    const use = lineOf('bound_activations.py', /return self\.act\(self\.fc\(/, workspace);
    const cls = lineOf('bound_activations.py', /^class NewGELU/, workspace);
    const hover = await wb.step('bindings-5-hover-code-defined', () =>
      wb.hoverText('.act', { line: use, expect: /defined in this file/ }),
    );
    await wb.dismissHover();
    assert.match(hover.text, /NewGELU: an activation module defined in this file/);
    assert.match(hover.text, /Equals GELU \(tanh approximation\) to 1e-\d+ on \[−10, 10\]/);
    assert.match(hover.text, new RegExp(`Bound at line ${cls}: class NewGELU\\(nn\\.Module\\)`));
    assert.ok(hover.hasImage, 'the hover shows the curve');
  });

  test('"hidden_act": "gelu_new" in config.json is the tanh approximation of GELU', async () => {
    await wb.page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: 'tiny_gpt' })
      .first()
      .click();
    await wb.openFile('config.json');
    const line = lineOf(join('tiny_gpt', 'config.json'), /"hidden_act"/, workspace);
    const hover = await wb.step('bindings-4-hover-config-json', () =>
      wb.hoverText('gelu_new', { line, expect: /tanh approximation/ }),
    );
    await wb.dismissHover();
    assert.match(hover.text, /GELU \(tanh approximation\)/);
    assert.match(hover.text, /huggingface\/transformers/);
    assert.ok(hover.hasImage);
  });
}
