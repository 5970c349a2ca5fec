/**
 * The training tab in Chromium, as a person uses it: press Train and watch the epoch and the loss
 * move, race three activations, click while training runs, watch a run diverge, read gradient
 * flow, and keep the page's heap small during a six-way race. Screenshots of the three views in
 * the dark and light themes go to test-results/webview/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { canvasPixels, Harness, resultsDir } from './harness';
import {
  epochOf,
  noEarlyStop,
  openTraining,
  pageErrors,
  panel,
  readNumber,
  setField,
  setSpeed,
  trainingMetrics,
  waitEpoch,
} from './trainHelpers';

const h = new Harness();
/** Figures written to test-results/webview/metrics-training.json. */
const metrics = trainingMetrics(h);

/**
 * JS heap of the page's dedicated workers through CDP (a worker has no `performance.memory`):
 * auto-attach to them, then ask each for `Runtime.getHeapUsage` over `Target.sendMessageToTarget`.
 */
async function workerHeaps(cdp: CDPSession): Promise<() => Promise<number>> {
  const sessions = new Set<string>();
  const waiting = new Map<number, (used: number) => void>();
  let id = 0;
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
    if (e.targetInfo.type === 'worker') sessions.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => sessions.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result?.usedSize ?? 0);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  return async () => {
    let total = 0;
    for (const sessionId of sessions) {
      const n = ++id;
      const used = new Promise<number>((ok) => {
        waiting.set(n, ok);
        setTimeout(() => ok(0), 2_000);
      });
      const message = JSON.stringify({ id: n, method: 'Runtime.getHeapUsage' });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(() => undefined);
      total += await used;
    }
    return total;
  };
}

test('press Train: the epoch counter and the loss update, and the loss falls within seconds', async () => {
  const { page, errors, violations } = await openTraining(h, 'train');
  const readout = page.locator(`${panel('train')} .readout`);
  assert.equal(await readout.getAttribute('aria-live'), 'polite');
  assert.match((await readout.textContent()) ?? '', /Ready/);
  await noEarlyStop(page, 'train');
  await page.click(`${panel('train')} [data-role=train]`);
  await waitEpoch(page, 'train', 1, 5_000);
  await page.waitForFunction(() =>
    /test loss/.test(document.querySelector('#train-panel-train .readout')!.textContent!),
  );
  const firstEpoch = await epochOf(page, 'train');
  const firstLoss = await readNumber(page, 'train', 'test loss');
  const started = Date.now();
  await waitEpoch(page, 'train', 150, 10_000);
  await page.waitForTimeout(400);
  const laterEpoch = await epochOf(page, 'train');
  const laterLoss = await readNumber(page, 'train', 'test loss');
  assert.ok(laterEpoch > firstEpoch, `epoch ${firstEpoch} → ${laterEpoch}`);
  assert.ok(laterLoss < firstLoss * 0.8, `test loss ${firstLoss} → ${laterLoss}`);
  assert.ok(Date.now() - started < 10_000);
  // The boundary canvas is painted with both class colours, not left blank.
  const px = await canvasPixels(page, `${panel('train')} canvas.boundary`, []);
  assert.ok(px.painted > 1000, `boundary painted ${px.painted} px`);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('the panel answers a click while training runs as fast as it can', async () => {
  const { page, errors } = await openTraining(h, 'train');
  // A network and dataset big enough that 2,000 epochs take far longer than this test.
  await setField(page, 'train', 'Points', '5000');
  await setField(page, 'train', 'Hidden layers (units per layer)', '32, 32, 32, 32');
  await setSpeed(page, 'train', '0');
  await noEarlyStop(page, 'train');
  // The same clicks with nothing training, for comparison on this (shared, busy) machine.
  const idle: number[] = [];
  for (const view of ['race', 'train'] as const) {
    const t0 = Date.now();
    await page.click(`#train-tab-${view}`);
    await page.waitForSelector(`#train-panel-${view}:not([hidden])`);
    idle.push(Date.now() - t0);
  }
  metrics.idleClickLatencyMs = idle;
  await page.click(`${panel('train')} [data-role=train]`);
  await waitEpoch(page, 'train', 3);
  const latencies: number[] = [];
  for (const view of ['race', 'gradient', 'train'] as const) {
    const t0 = Date.now();
    await page.click(`#train-tab-${view}`);
    await page.waitForSelector(`#train-panel-${view}:not([hidden])`, { timeout: 2_000 });
    latencies.push(Date.now() - t0);
  }
  const t0 = Date.now();
  await page.click(`${panel('train')} [data-role=train]`);
  await page.waitForFunction(
    () => /Paused/.test(document.querySelector('#train-panel-train .readout')!.textContent!),
    undefined,
    { timeout: 2_000 },
  );
  latencies.push(Date.now() - t0);
  // Generous: the machine is shared; a blocked main thread would take the whole training time.
  assert.ok(Math.max(...latencies) < 2_000, `click latencies ${latencies.join(', ')} ms`);
  const paused = await epochOf(page, 'train');
  await page.waitForTimeout(300);
  assert.equal(await epochOf(page, 'train'), paused, 'paused means no more epochs');
  metrics.clickLatencyMs = latencies;
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('Step trains one epoch; Reset stops the worker and empties the view', async () => {
  const { page, errors } = await openTraining(h, 'train');
  assert.equal(page.workers().length, 0, 'no worker before training');
  await page.click(`${panel('train')} button:has-text("Step")`);
  await waitEpoch(page, 'train', 1);
  await page.waitForTimeout(200);
  assert.equal(await epochOf(page, 'train'), 1);
  await page.click(`${panel('train')} button:has-text("Step")`);
  await waitEpoch(page, 'train', 2);
  assert.equal(page.workers().length, 1);
  const closed = new Promise<void>((ok) => page.workers()[0].once('close', () => ok()));
  await page.click(`${panel('train')} button:has-text("Reset")`);
  await closed;
  assert.equal(page.workers().length, 0, 'Reset terminates the worker');
  assert.match((await page.textContent(`${panel('train')} .readout`)) ?? '', /Ready/);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('a race of three activations draws three loss curves, three boundaries and a table', async () => {
  const { page, errors } = await openTraining(h, 'race');
  const checked = await page.$$eval(`${panel('race')} .racers input:checked`, (b) =>
    b.map((i) => (i as HTMLInputElement).value),
  );
  assert.deepEqual(checked.sort(), ['relu', 'sigmoid', 'tanh']);
  await page.click(`${panel('race')} [data-role=train]`);
  await waitEpoch(page, 'race', 60);
  assert.equal(await page.locator(`${panel('race')} .multiples canvas`).count(), 3);
  assert.equal(await page.locator(`${panel('race')} .race-table tbody tr`).count(), 3);
  // One curve per activation, each in its own colour (ReLU blue, Sigmoid green, Tanh purple: the
  // colours the Graphs tab gives them; read from the theme's variables).
  const colors = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return ['--vscode-charts-blue', '--vscode-charts-green', '--vscode-charts-purple'].map((v) =>
      s.getPropertyValue(v).trim(),
    );
  });
  const px = await canvasPixels(page, `${panel('race')} .loss-figure canvas`, colors);
  for (const [i, n] of px.counts.entries()) assert.ok(n > 20, `curve ${i} (${colors[i]}): ${n} px`);
  const rows = await page.$$eval(`${panel('race')} .race-table tbody tr`, (trs) =>
    trs.map((tr) => Array.from(tr.children, (c) => c.textContent)),
  );
  for (const r of rows) assert.match(r[6] ?? '', /ms/, 'time per epoch');
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('a too-large learning rate is shown as "diverged at epoch N", not as garbage', async () => {
  const { page, errors } = await openTraining(h, 'train');
  const form = panel('train');
  await page.selectOption(`${form} .setup select >> nth=0`, 'plane');
  await page.fill(`${form} .setup input[type=number][step=any] >> nth=0`, '10');
  await page
    .locator(`${form} .setup input[type=number][step=any] >> nth=0`)
    .dispatchEvent('change');
  await page.click(`${form} [data-role=train]`);
  const alert = page.locator(`${form} .diverged`);
  await alert.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match((await alert.textContent()) ?? '', /Diverged at epoch \d+/);
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match((await page.textContent(`${form} .readout`)) ?? '', /Diverged/);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('gradient flow: sigmoid in depth vanishes, ReLU with lr 1 dies', async () => {
  const { page, errors } = await openTraining(h, 'gradient');
  const v = panel('gradient');
  await page.click(`${v} .presets button >> nth=0`);
  await page.click(`${v} [data-role=train]`);
  await waitEpoch(page, 'gradient', 3);
  const ratio = await readNumber(page, 'gradient', 'first/last layer gradient at init');
  assert.ok(ratio < 1e-6, `sigmoid depth 20: first/last = ${ratio}`);
  await page.click(`${v} .presets button >> nth=2`);
  await setSpeed(page, 'gradient', '20');
  await page.click(`${v} [data-role=train]`);
  await waitEpoch(page, 'gradient', 60);
  const text = (await page.textContent(`${v} .readout`)) ?? '';
  const dead = /dead units (\d+) of (\d+)/.exec(text);
  assert.ok(dead && Number(dead[1]) > 0, `dying ReLU: ${text}`);
  metrics.dyingReluDeadUnits = `${dead[1]} of ${dead[2]}`;
  await page.screenshot({
    path: join(resultsDir, 'training-gradient-dying-relu-dark.png'),
    fullPage: true,
  });
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('"Train with…" opens the training tab with the activation selected and ready', async () => {
  const { page, errors } = await h.open({
    show: { curves: [{ id: 'tanh', params: {} }], tab: 'train', train: false },
  });
  await page.waitForSelector('#panel-train:not([hidden])');
  assert.equal(await page.inputValue(`${panel('train')} select[data-role=activation]`), 'tanh');
  assert.match((await page.textContent(`${panel('train')} .readout`)) ?? '', /Ready/);
  assert.equal(page.workers().length, 0, 'ready, not training');
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('the UI configuration is saved with setState, training results are not', async () => {
  const { page, state } = await openTraining(h, 'race');
  await page.click(`${panel('race')} [data-role=train]`);
  await waitEpoch(page, 'race', 5);
  await page.waitForTimeout(300);
  const s = (await state()) as { training?: { view: string; race: { ids: string[] } } };
  assert.equal(s.training?.view, 'race');
  assert.deepEqual(s.training?.race.ids, ['relu', 'tanh', 'sigmoid']);
  const json = JSON.stringify(s);
  for (const word of ['history', 'trainLoss', 'grid', 'epochsToTarget'])
    assert.ok(!json.includes(word), `state holds ${word}`);
  await page.context().close();
});

test('the saved configuration comes back after a reload', async () => {
  const first = await openTraining(h, 'gradient');
  await first.page.click(`${panel('gradient')} .presets button >> nth=2`);
  await first.page.waitForTimeout(400);
  const saved = await first.state();
  await first.page.context().close();
  const { page } = await h.open({ state: saved });
  await page.click('#tab-train');
  await page.waitForSelector(`${panel('gradient')}:not([hidden])`);
  const v = page.locator(panel('gradient'));
  assert.equal(
    await v.getByLabel('Activation (every hidden layer)', { exact: true }).inputValue(),
    'relu',
  );
  assert.equal(await v.getByLabel('Learning rate', { exact: true }).inputValue(), '1');
  assert.equal(await v.getByLabel('Hidden layers', { exact: true }).inputValue(), '6');
  await page.context().close();
});

/** The page's JS heap in use after a full garbage collection, and its DOM node count. */
async function settledMemory(cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('Performance.enable');
  const { metrics: m } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return { heap: usedSize, nodes: m.find((x) => x.name === 'Nodes')?.value ?? NaN };
}

// What a hidden panel keeps (retainContextWhenHidden, issue 13.6): the page's and the worker's
// JS heap, idle and during a six-way race. Reported by `npm run bench`.
test('JS heap during a six-way race stays at or below 64 MB', async () => {
  const MB = 1024 * 1024;
  const graphs = await h.open();
  const graphsCdp = await graphs.page.context().newCDPSession(graphs.page);
  const idleGraphs = await settledMemory(graphsCdp);
  await graphs.page.context().close();
  const { page, errors } = await openTraining(h, 'race');
  const v = panel('race');
  const boxes = page.locator(`${v} .racers input`);
  for (let i = 0; (await page.locator(`${v} .racers input:checked`).count()) < 6; i++) {
    if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
  }
  await setSpeed(page, 'race', '0');
  const cdp = await page.context().newCDPSession(page);
  const workerHeap = await workerHeaps(cdp);
  const idleTraining = await settledMemory(cdp);
  await page.click(`${v} [data-role=train]`);
  let peak = 0;
  let workerPeak = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < 6_000) {
    await page.waitForTimeout(250);
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    peak = Math.max(peak, usedSize);
    workerPeak = Math.max(workerPeak, await workerHeap());
  }
  const epoch = await epochOf(page, 'race');
  const racing = await settledMemory(cdp);
  const mb = (bytes: number) => +(bytes / MB).toFixed(2);
  metrics.raceRuns = 6;
  metrics.raceEpochsIn6s = epoch;
  metrics.pageHeapPeakMB = mb(peak);
  metrics.workerHeapPeakMB = mb(workerPeak);
  metrics.hiddenPanelMemory = {
    measuredAt: new Date().toISOString(),
    idleGraphsHeapMB: mb(idleGraphs.heap),
    idleGraphsDomNodes: idleGraphs.nodes,
    idleTrainingTabHeapMB: mb(idleTraining.heap),
    raceHeapAfterGcMB: mb(racing.heap),
    raceHeapPeakMB: mb(peak),
    raceWorkerHeapPeakMB: mb(workerPeak),
    raceDomNodes: racing.nodes,
  };
  assert.equal(await page.locator(`${v} .race-table tbody tr`).count(), 6);
  assert.ok(peak <= 64 * MB, `page heap peak ${(peak / MB).toFixed(1)} MB`);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('a custom formula trains; a bad one says why in place', async () => {
  const { page, errors } = await openTraining(h, 'train');
  const v = panel('train');
  await page.selectOption(`${v} select[data-role=activation]`, 'custom');
  await setField(page, 'train', 'f(x) =', 'x * sigmoid(1.702 * x)');
  await page.click(`${v} [data-role=train]`);
  await waitEpoch(page, 'train', 30);
  assert.match((await page.textContent(`${v} .readout`)) ?? '', /test loss/);
  await page.click(`${v} button:has-text("Reset")`);
  await setField(page, 'train', 'f(x) =', 'x * (');
  await page.click(`${v} [data-role=train]`);
  const error = page.locator(`${v} .run-controls .error`);
  await error.waitFor({ state: 'visible' });
  assert.match((await error.textContent()) ?? '', /Cannot use this formula/);
  assert.equal(page.workers().length, 0, 'nothing trains a formula that does not parse');
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('names from Object.prototype in a formula are refused in place; nothing hangs', async () => {
  const { page, errors } = await openTraining(h, 'train');
  const v = panel('train');
  await page.selectOption(`${v} select[data-role=activation]`, 'custom');
  const error = page.locator(`${v} .run-controls .error`);
  // On the old main, `constructor * x` threw a DataCloneError and `__proto__ * x` left the
  // view on "running" for ever.
  for (const name of ['constructor', '__proto__', 'toString']) {
    await setField(page, 'train', 'f(x) =', `${name} * x`);
    await page.click(`${v} [data-role=train]`);
    await error.filter({ hasText: `Unknown name "${name}"` }).waitFor();
    assert.equal(await page.getAttribute(`${v} [data-role=train]`, 'aria-pressed'), 'false', name);
  }
  assert.equal(page.workers().length, 0, 'nothing was sent to a worker');
  await setField(page, 'train', 'f(x) =', 'x * sigmoid(x)');
  await page.click(`${v} [data-role=train]`);
  await waitEpoch(page, 'train', 5);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('sizes beyond the stated limits are clamped, and the form says what is used', async () => {
  const { page } = await openTraining(h, 'train');
  const v = panel('train');
  assert.match(
    (await page.textContent(`${v} .limits`)) ?? '',
    /up to 30 hidden layers of up to 32 units/,
  );
  await setField(page, 'train', 'Hidden layers (units per layer)', '64, 8');
  assert.match((await page.textContent(`${v} .setup`)) ?? '', /Using: 32, 8/);
  await setField(page, 'train', 'Points', '99999');
  assert.equal(await page.locator(v).getByLabel('Points', { exact: true }).inputValue(), '5000');
  await page.context().close();
});

test("in Japanese, the training views speak Japanese (the seed text's vocabulary)", async () => {
  const { page, errors } = await openTraining(h, 'gradient', { locale: 'ja' });
  assert.equal(await page.textContent('#train-tab-train'), '単一ネットワーク');
  assert.equal(await page.textContent('#train-tab-gradient'), '勾配フロー');
  const v = panel('gradient');
  assert.equal(await page.textContent(`${v} [data-role=train]`), '学習');
  const explain = (await page.textContent(`${v} .explain`)) ?? '';
  assert.match(explain, /勾配消失/);
  assert.match(explain, /死にゆくニューロン/);
  await page.click(`${v} [data-role=train]`);
  await waitEpoch(page, 'gradient', 2);
  assert.match((await page.textContent(`${v} .readout`)) ?? '', /エポック \d+ \/ \d+/);
  await page.screenshot({
    path: join(resultsDir, 'training-gradient-ja-dark.png'),
    fullPage: true,
  });
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('screenshots of the Train, Race and Gradient-flow views, dark and light', async () => {
  for (const theme of ['dark', 'light'] as const) {
    const p = await openTraining(h, 'train', { theme });
    const { page, errors } = p;
    await noEarlyStop(page, 'train');
    await page.click(`${panel('train')} [data-role=train]`);
    await waitEpoch(page, 'train', 300);
    await page.click(`${panel('train')} [data-role=train]`);
    await page.waitForTimeout(200);
    await page.screenshot({
      path: join(resultsDir, `training-train-${theme}.png`),
      fullPage: true,
    });
    await page.click('#train-tab-race');
    await setSpeed(page, 'race', '20');
    await page.click(`${panel('race')} [data-role=train]`);
    await waitEpoch(page, 'race', 300);
    await page.click(`${panel('race')} [data-role=train]`);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(resultsDir, `training-race-${theme}.png`), fullPage: true });
    await page.click('#train-tab-gradient');
    await page.click(`${panel('gradient')} .presets button >> nth=0`);
    await setSpeed(page, 'gradient', '20');
    await page.click(`${panel('gradient')} [data-role=train]`);
    await waitEpoch(page, 'gradient', 100);
    await page.click(`${panel('gradient')} [data-role=train]`);
    await page.waitForTimeout(200);
    await page.screenshot({
      path: join(resultsDir, `training-gradient-${theme}.png`),
      fullPage: true,
    });
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(pageErrors(errors), []);
    await page.context().close();
  }
});

test('a changed epoch limit setting reaches the open page and applies to the next run', async () => {
  const { page, errors, violations, hostSend } = await openTraining(h, 'train');
  const limits = page.locator(`${panel('train')} .hint.limits`);
  assert.match((await limits.textContent()) ?? '', /2,000 epochs per run/);
  await hostSend({
    type: 'settings/changed',
    settings: { reducedMotion: false, maxTrainingEpochs: 150 },
  });
  await page.locator(`${panel('train')} .hint.limits`, { hasText: '150 epochs per run' }).waitFor();
  await page.click(`${panel('train')} [data-role=train]`);
  await page
    .locator(`${panel('train')} .readout`, { hasText: /Epoch \d+ of 150\b/ })
    .first()
    .waitFor({ timeout: 10_000 });
  assert.deepEqual(await violations(), []);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});
