/**
 * Labels that said the wrong thing: parameter names as the frameworks spell them, presets that
 * match defaults, presets told apart by framework, a dead zone that ends at 0 after a zoom, the
 * race's idle status naming its own button, and a "Saved to …" note that goes away.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  backgroundColors,
  closeChecked,
  colorRows,
  Harness,
  polishShot,
  THEMES,
  type TestPage,
  type Theme,
} from './harness';
const h = new Harness();
before(() => h.start());
after(() => h.stop());

/** Exports the Graphs tab's CSV: "Saved to …" shows in the header, then leaves it. */
async function savedNoteGoes(theme: Theme): Promise<void> {
  const p = await h.open({ theme });
  await p.page.locator('button', { hasText: 'Export CSV' }).click();
  const save = (await p.posted()).find((m) => m.type === 'file/save')!;
  await p.hostSend({
    type: 'file/saved',
    inReplyTo: save.requestId,
    status: 'ok',
    detail: '/w/a.csv',
  });
  await p.page.locator('#status', { hasText: 'Saved to /w/a.csv' }).waitFor();
  await polishShot(p.page, 16, 'saved-note', theme);
  await p.page.waitForFunction(
    () => document.querySelector('#status')?.textContent === '',
    undefined,
    { timeout: 10_000 },
  );
  await polishShot(p.page, 16, 'saved-note-gone', theme);
  await closeChecked(p);
}

describe('labels', () => {
  test('parameter names, preset matching and framework-distinct preset labels', async () => {
    for (const theme of THEMES) {
      const p = await h.open({
        theme,
        show: { curves: [{ id: 'leaky_relu', params: { negativeSlope: 0.01 } }] },
      });
      assert.equal(
        await p.page.locator('.card .param-label').first().textContent(),
        'a (negative_slope)',
      );
      const select = p.page.locator('.card .preset select');
      const selected = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text);
      assert.notEqual(selected, 'Parameters: custom', 'PyTorch defaults match a preset');
      assert.match(selected, /torch/);
      const texts = await select.locator('option').allTextContents();
      assert.equal(
        new Set(texts).size,
        texts.length,
        `no two presets read the same: ${texts.join(' | ')}`,
      );
      // Told apart by the framework's name after a dot, not in brackets inside brackets.
      assert.ok(
        texts.includes('as activation="leaky_relu" · tf.keras (Keras 2)'),
        texts.join(' | '),
      );
      assert.ok(!texts.some((x) => /\([^)]*\(/.test(x)), `nested brackets: ${texts.join(' | ')}`);
      await polishShot(p.page, 14, 'labels-preset', theme);
      // A native drop-down is not in a headless screenshot: show the options as a list box.
      await select.evaluate(
        (s: HTMLSelectElement) =>
          (s.size = s.options.length + s.querySelectorAll('optgroup').length),
      );
      await polishShot(p.page, 14, 'preset-list', theme);
      await closeChecked(p);
    }
  });

  test('a dead zone after a zoom ends at 0, not at the last grid point', async () => {
    for (const theme of THEMES) {
      const p = await h.open({ theme, show: { curves: [{ id: 'relu', params: {} }] } });
      await p.page.fill('#x-min', '-1.73');
      await p.page.fill('#x-max', '6.93');
      await p.page.locator('#x-max').dispatchEvent('change');
      const key = (await p.page.locator('.shade-key').textContent()) ?? '';
      assert.match(key, /\[−1\.73, 0\]/, key);
      await polishShot(p.page, 14, 'dead-zone', theme);
      await closeChecked(p);
    }
  });

  test('the race says "press Start race", and "Saved to …" leaves the header', async () => {
    for (const theme of THEMES) {
      const p = await h.open({ theme });
      await p.page.click('#tab-train');
      await p.page.click('#train-tab-race');
      await p.page.waitForSelector('#train-panel-race:not([hidden])');
      const status = (await p.page.locator('#train-panel-race .readout').textContent()) ?? '';
      assert.match(status, /press Start race/);
      assert.doesNotMatch(status, /press Train/);
      await polishShot(p.page, 16, 'race-status', theme);
      await closeChecked(p);
    }
    // The note stays a few seconds: the three themes wait for it side by side.
    await Promise.all(THEMES.map(savedNoteGoes));
  });

  test('an activation has one colour in Graphs and in Race', async () => {
    const computed = (
      page: TestPage['page'],
      selector: string,
      prop: 'backgroundColor' | 'borderTopColor',
    ) =>
      page
        .locator(selector)
        .evaluateAll(
          (els, prop) => els.map((e) => [e.textContent ?? '', getComputedStyle(e)[prop]]),
          prop,
        );
    for (const theme of THEMES) {
      // GELU first in Graphs; in the race it is the fourth lane (the catalog's order of boxes).
      const p = await h.open({
        theme,
        show: {
          curves: [
            { id: 'gelu', params: {} },
            { id: 'relu', params: {} },
          ],
        },
      });
      const graphs = await p.page.locator('.legend-item').allTextContents();
      const swatches = await p.page
        .locator('.legend-item .swatch')
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
      const inGraphs = (name: string) => swatches[graphs.findIndex((l) => l.startsWith(name))];
      await polishShot(p.page, 16, 'colours-graphs', theme);
      await p.page.click('#tab-train');
      await p.page.click('#train-tab-race');
      await p.page.locator('#train-panel-race .racers input[value=gelu]').check();
      await p.page.click('#train-panel-race [data-role=train]');
      await p.page.locator('#train-panel-race .multiples figcaption').nth(3).waitFor();
      await p.page.click('#train-panel-race [data-role=train]');
      const lanes = await computed(
        p.page,
        '#train-panel-race .multiples figcaption',
        'borderTopColor',
      );
      assert.equal(lanes.length, 4);
      const lane = (name: string) => lanes.find(([l]) => l.startsWith(name))?.[1];
      assert.notEqual(
        lanes[0][0],
        'GELU',
        'GELU is not the first lane, so an index colour differs',
      );
      for (const name of ['GELU', 'ReLU'])
        assert.equal(lane(name), inGraphs(name), `${name} in Race and in Graphs (${theme})`);
      assert.equal(new Set(lanes.map(([, c]) => c)).size, 4, 'four lanes, four colours');
      const rows = await p.page
        .locator('#train-panel-race .race-table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => (tr as HTMLElement).style.getPropertyValue('--lane')),
        );
      assert.deepEqual(
        rows,
        lanes.map(([, c]) => c),
        "the table rows carry the lanes' colours",
      );
      await polishShot(p.page, 16, 'colours-race', theme);
      await closeChecked(p);
    }
  });

  test('vector tab: temperature in the formula, a named slider, no sum for GLU, own output axis', async () => {
    for (const theme of THEMES) {
      const p = await h.open({ theme, reducedMotion: true });
      await p.page.locator('#tab-vector').click();
      const slider = p.page.locator('.vector-controls input[type=range]').first();
      assert.match((await slider.getAttribute('aria-label')) ?? '', /^Temperature: T/);
      await p.page.locator('.vector-side .tex .katex').first().waitFor();
      assert.match((await p.page.locator('.vector-side .tex').textContent()) ?? '', /x=z\/T/);
      await p.page.getByLabel('Logit z1').fill('1000');
      // The probabilities have their own axis: the output bars stay tall next to a 1000 logit.
      const [out] = await backgroundColors(
        p.page,
        '.vector-table thead .swatch:not(.input-swatch)',
      );
      const bars = 1 - (await colorRows(p.page, '.bar-wrap canvas', out, 60)).top;
      assert.ok(bars > 0.5, `the output bar reaches ${(bars * 100).toFixed(0)} % of the height`);
      await polishShot(p.page, 15, 'vector-softmax', theme);
      // Both axes put 0 at one height: with logits ±1000 zero is mid-chart on the input axis, so
      // the probability bar of z1 rises from mid-chart too, not from the bottom.
      await p.page.getByLabel('Logit z4').fill('-1000');
      await p.page.waitForTimeout(100);
      const mid = await colorRows(p.page, '.bar-wrap canvas', out, 60);
      assert.ok(mid.bottom > 0.3 && mid.bottom < 0.7, `output bar from ${mid.bottom.toFixed(2)}`);
      assert.ok(mid.top < 0.2, `output bar to ${mid.top.toFixed(2)}`);
      await polishShot(p.page, 15, 'vector-zero-aligned', theme);
      await p.page.selectOption('#vector-activation', 'glu');
      assert.equal(await p.page.locator('.vector-table tfoot').count(), 0, 'no sum for GLU');
      await polishShot(p.page, 15, 'vector-glu', theme);
      await closeChecked(p);
    }
  });
});
