// The foundation slice in a real VS Code (code-server): activation on a Python file, the
// nn.ReLU hover, the playground command and its webview, and the activate() figure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkipReason, lineOf, recordMetrics, Workbench } from './workbench';

// The suite is built asynchronously so the skip decision can await the install check.
describe('foundation', async () => {
  const skip = await e2eSkipReason();
  describe('in code-server', { skip }, () => foundationSuite());
});

function foundationSuite(): void {
  let wb: Workbench;
  const started = Date.now();

  before(async () => {
    wb = await Workbench.start({ name: 'foundation' });
    console.log(`[e2e] ${wb.server.installedAs}; start-up ${JSON.stringify(wb.timings)}`);
  });

  after(async () => {
    await wb?.close();
    recordMetrics({ foundationFileMs: Date.now() - started });
  });

  test('opening a Python file activates the extension', async () => {
    await wb.openFile('torch_model.py');
    const log = await wb.readOutputChannel('Activation Lab', /activate\(\) took [\d.]+ ?ms/);
    await wb.screenshot('foundation-1-torch-model-open');
    const ms = Number(/activate\(\) took ([\d.]+) ?ms/.exec(log)?.[1]);
    assert.ok(Number.isFinite(ms) && ms >= 0, `no activation time in:\n${log}`);
    assert.match(
      wb.extHostLog(),
      /ExtensionService#_doActivateExtension activation-lab\.activation-lab/,
    );
    recordMetrics({ activateMs: ms, startup: wb.timings });
    console.log(`[e2e] activate() took ${ms} ms`);
  });

  test('hovering nn.ReLU shows what ReLU computes', async () => {
    // A real call, not the mention in the module docstring.
    const line = lineOf('torch_model.py', /^\s+ConvBlock\(3, 16, nn\.ReLU\(\)\)/);
    const hover = await wb.hoverText('nn.ReLU', { line, expect: /ReLU/ });
    await wb.screenshot('foundation-2-hover-nn-relu');
    assert.match(hover.text, /ReLU/);
    assert.match(hover.text, /max\s*\(\s*0\s*,\s*x\s*\)|max\(0, ?x\)|0 for x/i);
    await wb.dismissHover();
  });

  test('Activation Lab: Open Playground shows the playground webview', async () => {
    await wb.runCommand('Activation Lab: Open Playground');
    const frame = wb.webviewFrame();
    await frame
      .getByRole('heading', { name: 'Activation Lab' })
      .first()
      .waitFor({ timeout: 30_000 });
    await wb.screenshot('foundation-3-playground');
    const heading = await frame
      .getByRole('heading', { name: 'Activation Lab' })
      .first()
      .innerText();
    assert.match(heading, /Activation Lab/);
  });
}
