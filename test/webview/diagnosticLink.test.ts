/**
 * The `saturating-deep-stack` diagnostic's link in Chromium: the host's show request with a
 * Gradient-flow preset (the diagnostic's own `explain`, validated as the host validates it) opens
 * the training tab's Gradient-flow view with that depth and activation. Screenshot to
 * test-results/webview/diagnostic-gradient-link.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { diagnosePython } from '../../src/core/diagnostics/diagnose';
import { parseShowRequest } from '../../src/core/protocol/webviewProtocol';
import { Harness, resultsDir } from './harness';
import { pageErrors, panel } from './trainHelpers';

const h = new Harness();
before(() => h.start());
after(() => h.stop());

test('the deep-stack link opens Gradient flow at that depth and activation', async () => {
  const layers = Array.from({ length: 12 }, () => 'nn.Linear(8, 8), nn.Tanh()').join(', ');
  const [d] = diagnosePython(`import torch.nn as nn\nnet = nn.Sequential(${layers})\n`);
  assert.equal(d?.code, 'saturating-deep-stack');
  const checked = parseShowRequest(JSON.parse(JSON.stringify(d.explain)));
  assert.ok(checked.ok);
  const { page, errors, hostSend } = await h.open();
  await hostSend({ type: 'playground/show', show: checked.message });
  await page.waitForSelector(`${panel('gradient')}:not([hidden])`, { timeout: 20_000 });
  assert.equal(await page.getAttribute('#train-tab-gradient', 'aria-selected'), 'true');
  const v = page.locator(panel('gradient'));
  assert.equal(
    await v.getByLabel('Activation (every hidden layer)', { exact: true }).inputValue(),
    'tanh',
  );
  assert.equal(await v.getByLabel('Hidden layers', { exact: true }).inputValue(), '12');
  await page.screenshot({ path: join(resultsDir, 'diagnostic-gradient-link.png') });
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});
