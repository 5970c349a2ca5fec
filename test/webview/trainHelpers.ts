/**
 * What the training-tab webview tests share: opening the tab on a view, reading its epoch and
 * read-out, setting its fields, speed and early stop.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { resultsDir, type Harness, type PageOptions, type TestPage } from './harness';

/**
 * Starts `h` before the file's tests and stops it after; the figures put in the returned object
 * are merged into test-results/webview/metrics-training.json (running one test keeps the others).
 */
export function trainingMetrics(h: Harness): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  before(async () => {
    await h.start();
    mkdirSync(resultsDir, { recursive: true });
  });
  after(async () => {
    const file = join(resultsDir, 'metrics-training.json');
    const old = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
    writeFileSync(file, JSON.stringify({ ...old, ...metrics }, null, 2) + '\n');
    await h.stop();
  });
  return metrics;
}

/** Opens the playground on the training tab, on the given view. */
export async function openTraining(
  h: Harness,
  view: 'train' | 'race' | 'gradient' = 'train',
  opts: PageOptions = {},
): Promise<TestPage> {
  const p = await h.open(opts);
  await p.page.click('#tab-train');
  await p.page.click(`#train-tab-${view}`);
  await p.page.waitForSelector(`#train-panel-${view}:not([hidden])`);
  return p;
}

export const panel = (view: string) => `#train-panel-${view}`;

/**
 * Page errors, without the one 404 Chromium logs for `/favicon.ico` (the test server has none;
 * Playwright does not report that request, so its URL cannot be checked).
 */
export function pageErrors(errors: string[]): string[] {
  return errors.filter((e) => !/^Failed to load resource: .* 404 \(Not Found\)$/.test(e));
}

export async function epochOf(page: Page, view: string): Promise<number> {
  return Number((await page.getAttribute(panel(view), 'data-epoch')) ?? '-1');
}

export async function waitEpoch(
  page: Page,
  view: string,
  atLeast: number,
  timeout = 15_000,
): Promise<void> {
  await page.waitForFunction(
    ({ sel, n }) => Number(document.querySelector(sel)?.getAttribute('data-epoch') ?? -1) >= n,
    { sel: panel(view), n: atLeast },
    { timeout },
  );
}

/** The number after `label` in the view's read-out text (e.g. "test loss 0.123"). */
export async function readNumber(page: Page, view: string, label: string): Promise<number> {
  const text = (await page.textContent(`${panel(view)} .readout`)) ?? '';
  const m = new RegExp(`${label} ([−\\-\\d.e+]+)`).exec(text);
  assert.ok(m, `"${label}" not in read-out: ${text}`);
  return Number(m[1].replace('−', '-'));
}

/** Types into the control labelled `label` of a view and commits it (a `change` event). */
export async function setField(
  page: Page,
  view: string,
  label: string,
  value: string,
): Promise<void> {
  const input = page.locator(panel(view)).getByLabel(label, { exact: true });
  await input.fill(value);
  await input.dispatchEvent('change');
}

export async function setSpeed(page: Page, view: string, value: string): Promise<void> {
  await page.selectOption(`${panel(view)} .run-controls select`, value);
}

/** Trains to the epoch limit: no early stop (the default stops Circle near epoch 100). */
export async function noEarlyStop(page: Page, view: string): Promise<void> {
  await page.selectOption(`${panel(view)} select[data-role=early-stop]`, 'off');
}
