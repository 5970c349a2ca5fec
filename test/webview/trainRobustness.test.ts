/**
 * The training tab under stress and failure, in Chromium: a pause during a six-way race at 20
 * epochs per frame, a start the worker rejects, a run live when the page is re-created, early
 * stopping, and a layer whose gradient is exactly zero. Click latencies go to
 * test-results/webview/metrics-training.json (reported by `npm run bench`, never asserted).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { canvasPixels, Harness, polishShot, resultsDir, THEMES } from './harness';
import {
  noEarlyStop,
  openTraining,
  pageErrors,
  panel,
  setField,
  setSpeed,
  trainingMetrics,
  waitEpoch,
} from './trainHelpers';

const h = new Harness();
/** Figures written to test-results/webview/metrics-training.json. */
const metrics = trainingMetrics(h);

/** Median, 95th percentile and maximum of a sample, rounded to 0.1 ms. */
function summary(xs: number[]): { n: number; median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => +s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)].toFixed(1);
  return { n: s.length, median: at(0.5), p95: at(0.95), max: at(1) };
}

/**
 * Installs in-page probes: for every click, the time from its `pointerdown` to the frame after
 * its handlers ran (input delay + handling + next paint); for a click on Pause, also the time
 * until the worker's own progress says `paused` (the read-out's `data-status`).
 */
async function installProbes(page: Page, view: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __clicks: number[]; __pauseAcks: number[] };
    w.__clicks = [];
    w.__pauseAcks = [];
    let down = 0;
    let pauseAt = 0;
    addEventListener('pointerdown', (e) => (down = e.timeStamp), true);
    addEventListener(
      'click',
      (e) => {
        const t0 = down;
        const b = (e.target as HTMLElement).closest('[data-role=train]');
        if (b && b.textContent === 'Pause') pauseAt = t0;
        requestAnimationFrame(() => setTimeout(() => w.__clicks.push(performance.now() - t0)));
      },
      true,
    );
    const readout = document.querySelector(`${sel} .readout`) as HTMLElement;
    new MutationObserver(() => {
      if (pauseAt && readout.dataset.status === 'paused') {
        w.__pauseAcks.push(performance.now() - pauseAt);
        pauseAt = 0;
      }
    }).observe(readout, { attributes: true, attributeFilter: ['data-status'] });
  }, panel(view));
}

async function raceEpochs(page: Page): Promise<number[]> {
  return page.$$eval(`${panel('race')} .race-table tbody tr`, (trs) =>
    trs.map((tr) => Number(tr.children[1]?.textContent)),
  );
}

test('a pause during a six-way race at 20 epochs per frame takes effect within a slice', async () => {
  const { page, errors } = await openTraining(h, 'race');
  const v = panel('race');
  const boxes = page.locator(`${v} .racers input`);
  for (let i = 0; (await page.locator(`${v} .racers input:checked`).count()) < 6; i++) {
    if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).check();
  }
  // A network whose frame (20 epochs × 6 runs) takes far longer than one slice.
  await setField(page, 'race', 'Points', '2000');
  await setField(page, 'race', 'Hidden layers (units per layer)', '32, 32, 32, 32');
  await setSpeed(page, 'race', '20');
  await noEarlyStop(page, 'race');
  await installProbes(page, 'race');
  await page.click(`${v} [data-role=train]`);
  await waitEpoch(page, 'race', 1);
  const readout = `${v} .readout`;
  let midFrame = 0;
  const cycles = 10;
  for (let i = 0; i < cycles; i++) {
    await page.waitForTimeout(150 + 40 * (i % 4));
    // A click on the open view's tab while training runs, then Pause.
    await page.click('#train-tab-race');
    await page.click(`${v} [data-role=train]`);
    await page.waitForSelector(`${readout}[data-status=paused]`, { timeout: 10_000 });
    const epochs = await raceEpochs(page);
    // Between two frames every run is at the same multiple of 20: a pause read only after the
    // whole frame (the old worker) always lands there.
    if (new Set(epochs).size > 1 || epochs[0] % 20 !== 0) midFrame++;
    await page.click(`${v} [data-role=train]`);
    await page.waitForSelector(`${readout}[data-status=running]`, { timeout: 10_000 });
  }
  const { clicks, acks } = await page.evaluate(() => {
    const w = window as unknown as { __clicks: number[]; __pauseAcks: number[] };
    return { clicks: w.__clicks, acks: w.__pauseAcks };
  });
  metrics.raceClickLatencyMs = summary(clicks);
  metrics.racePauseAckMs = summary(acks);
  metrics.raceLatencySetup = '6 runs, 2,000 points, 32-32-32-32, 20 epochs per frame';
  metrics.raceLatencyLoadAverage = loadavg();
  assert.equal(acks.length, cycles, 'every pause was acknowledged by the worker');
  await page.click(`${v} [data-role=train]`);
  assert.ok(midFrame > 0, 'a pause lands within a frame, not after the whole frame');
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('a start the worker cannot read says why in place, and the view can start again', async () => {
  const { page, errors } = await openTraining(h, 'train');
  // Stands for any start the worker refuses to read: the page must hear the refusal.
  await page.evaluate(() => {
    const send = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, m: unknown) {
      const msg = m as { type?: string; maxEpochs?: number };
      send.call(this, msg?.type === 'train/start' ? { ...msg, maxEpochs: -1 } : m);
    } as typeof send;
  });
  const v = panel('train');
  await page.click(`${v} [data-role=train]`);
  const error = page.locator(`${v} .run-controls .error`);
  await error.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match((await error.textContent()) ?? '', /Training stopped: .*maxEpochs/);
  assert.equal(await page.getAttribute(`${v} .run-controls`, 'data-state'), 'idle');
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});

test('a run live when the page is re-created is named in a notice, not silently lost', async () => {
  const first = await openTraining(h, 'race');
  await noEarlyStop(first.page, 'race');
  await first.page.click(`${panel('race')} [data-role=train]`);
  await waitEpoch(first.page, 'race', 40);
  await first.page.waitForFunction(
    () =>
      ((
        window as unknown as {
          __state?: { training?: { liveRuns?: { race?: { epoch: number } } } };
        }
      ).__state?.training?.liveRuns?.race?.epoch ?? 0) > 0,
  );
  const saved = await first.state();
  await first.page.context().close();
  // VS Code re-creates the page from the saved state (a reload; the worker died with the page).
  const { page, errors, state } = await h.open({ state: saved });
  const notice = page.locator('[data-role=lost-runs]');
  await notice.waitFor({ state: 'visible' });
  const text = (await notice.textContent()) ?? '';
  assert.match(
    text,
    /Race: the training run of ReLU, Sigmoid, Tanh was stopped at epoch \d+ of 2,000/,
  );
  await page.screenshot({ path: join(resultsDir, 'training-lost-run-dark.png'), fullPage: true });
  // Told once: the record is cleared, and the notice can be dismissed.
  await page.waitForFunction(
    () =>
      !(window as unknown as { __state?: { training?: { liveRuns?: object } } }).__state?.training
        ?.liveRuns ||
      Object.keys(
        (window as unknown as { __state: { training: { liveRuns: object } } }).__state.training
          .liveRuns,
      ).length === 0,
  );
  await notice.locator('button').click();
  assert.equal(await notice.isHidden(), true);
  const again = await h.open({ state: await state() });
  await again.page.click('#tab-train');
  assert.equal(await again.page.locator('[data-role=lost-runs]').isHidden(), true);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
  await again.page.context().close();
});

test('early stop: Circle with ReLU stops at the default target loss, and says so', async () => {
  for (const theme of THEMES) {
    const { page, errors, violations } = await openTraining(h, 'train', { theme });
    const v = panel('train');
    assert.equal(await page.inputValue(`${v} select[data-role=early-stop]`), 'target');
    await page.click(`${v} [data-role=train]`);
    const readout = page.locator(`${v} .readout`);
    await readout
      .filter({ hasText: /stopped early at epoch \d+: the test loss reached the target/ })
      .waitFor({ timeout: 20_000 });
    const epoch = Number(await page.getAttribute(v, 'data-epoch'));
    assert.ok(epoch > 0 && epoch < 2000, `stopped at ${epoch}`);
    assert.equal(await page.getAttribute(`${v} .run-controls`, 'data-state'), 'done');
    metrics.earlyStopCircleReluEpoch = epoch;
    await polishShot(page, 12, 'early-stop', theme, true);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(pageErrors(errors), []);
    await page.context().close();
  }
});

test('gradient flow: a layer whose gradient is exactly 0 stays on the chart, marked at the floor', async () => {
  const { page, errors, violations } = await openTraining(h, 'gradient');
  const v = panel('gradient');
  // Dying ReLU (ReLU, learning rate 1): within a few epochs a whole hidden layer is dead, and
  // every gradient below it is exactly 0.
  await page.click(`${v} .presets button >> nth=2`);
  await setSpeed(page, 'gradient', '5');
  await page.click(`${v} [data-role=train]`);
  await page
    .locator(`${v} .readout`, { hasText: /gradient exactly 0 in \d+ of \d+ layers/ })
    .waitFor({ timeout: 20_000 });
  await page.click(`${v} [data-role=train]`);
  await page.waitForSelector(`${v} .readout[data-status=paused]`);
  await page.waitForTimeout(200);
  const blue = await page.evaluate(() =>
    getComputedStyle(document.body).getPropertyValue('--vscode-charts-blue').trim(),
  );
  // The "Now" line is drawn through the zero layers (not only its legend swatch, ~32 px).
  const grad = `${v} canvas[aria-label^="Mean gradient magnitude"]`;
  const px = await canvasPixels(page, grad, [blue]);
  assert.ok(px.counts[0] > 300, `"Now" line: ${px.counts[0]} px`);
  await page.screenshot({
    path: join(resultsDir, 'training-gradient-zero-floor-dark.png'),
    fullPage: true,
  });
  assert.deepEqual(await violations(), []);
  assert.deepEqual(pageErrors(errors), []);
  await page.context().close();
});
