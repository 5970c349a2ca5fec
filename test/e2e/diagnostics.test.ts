// Pitfall diagnostics (issue 11) in a real VS Code (code-server): a double softmax draws a squiggle
// and a Problems entry, the light bulb's quick fix removes the layer, and with the Japanese
// display language the message is Japanese.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './codeServer';
import { describeInCodeServer, e2eSkipReason, lineOf, Workbench } from './workbench';

const FIXTURE = `import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))
criterion = nn.CrossEntropyLoss()


def step(x, y):
    return criterion(model(x), y)
`;

describeInCodeServer('diagnostics', suite);

function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'activation-lab-diagnostics-'));
  writeFileSync(join(dir, 'double_softmax.py'), FIXTURE);
  return dir;
}

async function problemsText(wb: Workbench, expect: RegExp): Promise<string> {
  await wb.page.keyboard.press('Control+Shift+M');
  const row = wb.page.locator('.markers-panel .monaco-list-row').filter({ hasText: expect });
  await row.first().waitFor({ timeout: 30_000 });
  return (await wb.page.locator('.markers-panel').innerText()) ?? '';
}

function suite(): void {
  let wb: Workbench;
  const workspace = makeWorkspace();

  before(async () => {
    wb = await Workbench.start({ name: 'diagnostics', workspace });
  });
  after(async () => {
    await wb?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a double softmax: squiggle, Problems entry, and the quick fix removes the layer', async () => {
    await wb.openFile('double_softmax.py');
    await wb.step('diagnostics-1-squiggle', () =>
      wb.page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 }),
    );
    const problems = await wb.step('diagnostics-2-problems', () =>
      problemsText(wb, /CrossEntropyLoss|cross-entropy/),
    );
    assert.match(problems, /applies log-softmax itself/);
    assert.match(problems, /double-softmax/);
    const line = lineOf('double_softmax.py', /nn\.Softmax\(dim=1\)/, workspace);
    const hover = await wb.step('diagnostics-2b-hover', () =>
      wb.hoverText('Softmax', { line, expect: /applies log-softmax itself/ }),
    );
    assert.match(hover.text, /double-softmax/);
    await wb.dismissHover();
    await wb.goToLine(line);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('Control+.');
    const fix = wb.page.locator('.action-widget .monaco-list-row', {
      hasText: 'Remove the softmax',
    });
    await wb.step('diagnostics-3-quick-fix-menu', () => fix.first().waitFor({ timeout: 20_000 }));
    await fix.first().click();
    await wb.page.keyboard.press('Control+S');
    let text = '';
    for (let i = 0; i < 50 && !/Sequential\(nn\.Linear\(4, 3\)\)/.test(text); i++) {
      await new Promise((r) => setTimeout(r, 200));
      text = readFileSync(join(workspace, 'double_softmax.py'), 'utf8');
    }
    assert.match(text, /model = nn\.Sequential\(nn\.Linear\(4, 3\)\)\n/);
    await wb.page
      .locator('.monaco-editor .squiggly-warning')
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 });
    await wb.screenshot('diagnostics-4-fixed');
  });
}

// code-server ships no Japanese language pack and nothing may be downloaded here, so the test
// installs a minimal one from test/fixtures/language-pack-ja (`contributes.localizations` for
// `ja`, two workbench labels translated). With it, `--locale ja` resolves the display language to
// Japanese, `vscode.env.language` is `ja`, and the extension picks its Japanese texts from that.
const LANGUAGE_PACK_JA = join(repoRoot, 'test', 'fixtures', 'language-pack-ja');

describe('diagnostics in Japanese', async () => {
  const skip = await e2eSkipReason();
  describe('in code-server', { skip }, () => {
    let wb: Workbench;
    const workspace = makeWorkspace();
    before(async () => {
      wb = await Workbench.start({
        name: 'diagnostics-ja',
        workspace,
        locale: 'ja',
        extraExtensions: [LANGUAGE_PACK_JA],
      });
    });
    after(async () => {
      await wb?.close();
      rmSync(workspace, { recursive: true, force: true });
    });
    test('the hover of the squiggle and the Problems entry are in Japanese', async () => {
      await wb.openFile('double_softmax.py');
      await wb.page
        .locator('.monaco-editor .squiggly-warning')
        .first()
        .waitFor({ timeout: 30_000 });
      const line = lineOf('double_softmax.py', /nn\.Softmax\(dim=1\)/, workspace);
      const hover = await wb.step('diagnostics-ja-1-hover', () =>
        wb.hoverText('Softmax', { line, expect: /交差エントロピー/ }),
      );
      assert.match(hover.text, /log-softmax を適用します/);
      const problems = await wb.step('diagnostics-ja-2-problems', () =>
        problemsText(wb, /交差エントロピー/),
      );
      assert.match(problems, /log-softmax を適用します/);
      assert.doesNotMatch(problems, /applies log-softmax itself/);
      // The workbench itself runs in Japanese: the fixture's translation of the panel's title.
      await wb.page
        .locator('.panel .composite-bar', { hasText: '問題' })
        .first()
        .waitFor({ timeout: 10_000 });
    });
  });
});
