/**
 * The Graphs tab's rough edges, fixed: no second chart legend after a theme switch, the x range
 * boxes say what is wrong, the curve limit is said next to Add, the legend follows the slider, a
 * pole does not flatten the other curves, and exported images carry title, axes and legend.
 * Screenshots of each screen in dark, light and high contrast.
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
  type Theme,
  type TestPage,
} from './harness';

const CHART = 'canvas.chart';
const h = new Harness();
before(() => h.start());
after(() => h.stop());

const done = closeChecked;

/** Pixels near any of `colors` in the canvas rows [y0, y1) (CSS pixels). */
async function bandPixels(p: TestPage, y0: number, y1: number, colors: string[]): Promise<number> {
  return p.page.evaluate(
    ({ sel, y0, y1, colors }) => {
      const c = document.querySelector(sel) as HTMLCanvasElement;
      const k = c.width / c.clientWidth;
      const top = Math.round(y0 * k);
      const rows = Math.max(1, Math.round((y1 - y0) * k));
      const { data } = c.getContext('2d')!.getImageData(0, top, c.width, rows);
      const rgb = colors.map((x) => [1, 3, 5].map((i) => parseInt(x.slice(i, i + 2), 16)));
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (
          data[i + 3] > 200 &&
          rgb.some(
            ([r, g, b]) =>
              Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40,
          )
        )
          n++;
      return n;
    },
    { sel: CHART, y0, y1, colors },
  );
}

/** The largest share of the chart's height one pixel column has in `color`. */
async function tallestColumn(p: TestPage, color: string): Promise<number> {
  return p.page.evaluate(
    ({ sel, color }) => {
      const c = document.querySelector(sel) as HTMLCanvasElement;
      const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
      let most = 0;
      for (let x = 0; x < width; x++) {
        let n = 0;
        for (let y = 0; y < height; y++) {
          const i = (y * width + x) * 4;
          if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60)
            n++;
        }
        most = Math.max(most, n);
      }
      return most / height;
    },
    { sel: CHART, color },
  );
}

/** The palette colours the page uses now (from the legend swatches), as #rrggbb. */
const swatchColors = (p: TestPage) => backgroundColors(p.page, '.legend-item .swatch');

describe('graph polish', () => {
  test('a theme switch after the training tab loaded adds no chart.js legend above the chart', async () => {
    const p = await h.open({ theme: 'dark' });
    const colors = await swatchColors(p);
    const before = await bandPixels(p, 0, 40, colors);
    // The training tab registers chart.js's Legend plugin globally.
    await p.page.locator('#tab-train').click();
    await p.page.locator('#train-root canvas').first().waitFor({ timeout: 30_000 });
    await p.page.locator('#tab-graphs').click();
    for (const theme of ['light', 'high-contrast', 'dark'] as Theme[]) {
      await p.setTheme(theme);
      await p.page.waitForTimeout(150);
      const now = await bandPixels(p, 0, 40, await swatchColors(p));
      assert.ok(
        now <= before + 20,
        `${theme}: ${now} curve-coloured pixels in the top band (was ${before})`,
      );
      assert.equal(await p.page.locator('.legend-area').count(), 1, 'one legend, the page’s own');
      await polishShot(p.page, 4, 'theme-switch', theme);
    }
    await done(p);
  });

  test('the x range boxes say what is wrong and clear on a valid range, reset or zoom', async () => {
    for (const theme of THEMES) {
      const p = await h.open({ theme });
      const note = p.page.locator('#range-note');
      await p.page.fill('#x-min', '3');
      await p.page.fill('#x-max', '2');
      await p.page.locator('#x-max').dispatchEvent('change');
      await note.filter({ hasText: 'must be greater' }).waitFor();
      assert.equal(await p.page.getAttribute('#x-min', 'aria-invalid'), '');
      await polishShot(p.page, 5, 'range-message', theme);
      await p.page.fill('#x-min', '-1e6');
      await p.page.fill('#x-max', '1e6');
      await p.page.locator('#x-max').dispatchEvent('change');
      await note.filter({ hasText: 'at most 10000 wide' }).waitFor();
      await p.page.locator('button', { hasText: 'Reset view' }).click();
      assert.equal(await note.textContent(), '');
      assert.equal(await p.page.getAttribute('#x-min', 'aria-invalid'), null);
      // A wheel zoom leaves off-step values; the boxes must still be valid for the browser.
      const box = (await p.page.locator(CHART).boundingBox())!;
      await p.page.mouse.move(box.x + box.width * 0.37, box.y + box.height / 2);
      await p.page.mouse.wheel(0, -120);
      await p.page.waitForTimeout(100);
      const valid = await p.page.evaluate(() =>
        ['#x-min', '#x-max'].every((s) =>
          (document.querySelector(s) as HTMLInputElement).checkValidity(),
        ),
      );
      assert.ok(valid, `boxes valid after zoom: ${await p.page.inputValue('#x-min')}`);
      await p.page.fill('#x-min', '-2.37');
      await p.page.fill('#x-max', '4.111');
      await p.page.locator('#x-max').dispatchEvent('change');
      assert.equal(await note.textContent(), '');
      await done(p);
    }
  });

  test('the curve limit is said next to Add and goes when a curve is removed', async () => {
    for (const theme of THEMES) {
      const p = await h.open({ theme });
      const add = p.page.locator('.toolbar button', { hasText: /^Add$/ });
      for (let i = 0; i < 6; i++) await add.click();
      assert.equal(await p.page.locator('.legend-item').count(), 8);
      await add.click();
      const note = p.page.locator('#add-note');
      await note.filter({ hasText: 'At most 8 curves' }).waitFor();
      assert.equal(await p.page.locator('#status').textContent(), '', 'not in the far status line');
      const [a, b] = [await add.boundingBox(), await note.boundingBox()];
      assert.ok(Math.abs(a!.y - b!.y) < 30 && b!.x - (a!.x + a!.width) < 40, 'next to the button');
      await polishShot(p.page, 6, 'curve-limit', theme);
      await p.page.locator('.card button[aria-label^="Remove"]').first().click();
      assert.equal(await note.textContent(), '');
      await done(p);
    }
  });

  test('the legend follows the parameter slider while it moves', async () => {
    for (const theme of THEMES) {
      const p = await h.open({
        theme,
        show: { curves: [{ id: 'leaky_relu', params: { negativeSlope: 0.01 } }] },
      });
      const slider = p.page.locator('.card input[type=range]').first();
      const value = async () =>
        Number(await p.page.locator('.card .param input.num').first().inputValue());
      const legend = () => p.page.locator('.legend-item').first().textContent();
      await slider.focus();
      for (let i = 0; i < 26; i++) await p.page.keyboard.press('ArrowRight');
      const typed = await value();
      assert.ok(typed > 0.2, `slope ${typed}`);
      assert.equal(await legend(), `Leaky ReLU a=${+typed.toPrecision(3)}`);
      // A drag (pointer) too, not only the keyboard.
      const box = (await slider.boundingBox())!;
      await p.page.mouse.move(box.x + 4, box.y + box.height / 2);
      await p.page.mouse.down();
      await p.page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
      const during = await value();
      assert.equal(await legend(), `Leaky ReLU a=${+during.toPrecision(3)}`);
      await p.page.mouse.up();
      // The difference pickers name the curve the same way, not with the slope it started with.
      const label = await legend();
      assert.deepEqual(await p.page.locator('#diff-a option').allTextContents(), [label]);
      await polishShot(p.page, 7, 'legend-slider', theme);
      await done(p);
    }
  });

  test('a pole (1/x with f′ and f″) does not flatten the other curves', async () => {
    for (const theme of THEMES) {
      const p = await h.open({ theme, show: { curves: [{ id: 'tanh', params: {} }] } });
      await p.page.locator('#show-d2f').check();
      await p.page.fill('#custom-formula', '1/x');
      await p.page.locator('.custom button', { hasText: 'Plot' }).click();
      await p.page.locator('.legend-item', { hasText: 'Custom' }).waitFor();
      await p.page.waitForTimeout(200);
      const box = (await p.page.locator(CHART).boundingBox())!;
      // tanh spans [-1, 1]: with a robust range it covers a good part of the chart's height.
      const colors = await swatchColors(p);
      const rows = await colorRows(p.page, CHART, colors[0]);
      const tanhRows = rows.bottom - rows.top;
      assert.ok(
        tanhRows > 0.08,
        `tanh covers ${(tanhRows * 100).toFixed(1)} % of the height (${box.height}px)`,
      );
      // No vertical line at the pole: no pixel column is custom-coloured over half the height.
      const column = await tallestColumn(p, colors[1]);
      assert.ok(column < 0.5, `a column ${(column * 100).toFixed(0)} % tall in the pole's colour`);
      await p.page.locator('button', { hasText: 'Export SVG' }).click();
      const svg = String((await p.posted()).find((m) => m.format === 'svg')!.data);
      const path = /<path d="([^"]*)"[^>]*><title>Custom: 1\/x<\/title>/.exec(svg)?.[1] ?? '';
      assert.equal(path.split('M').length - 1, 2, 'the SVG line of 1/x breaks at the pole');
      // One "Custom activation" heading (the form's); the curve's panel is named by its formula.
      assert.deepEqual(await p.page.locator('h2').allTextContents(), [
        'Custom activation',
        'Custom: 1/x',
      ]);
      await polishShot(p.page, 9, 'pole-range', theme);
      await done(p);
    }
  });

  test('exported PNG and SVG carry a title, axis labels and the legend', async () => {
    for (const theme of THEMES) {
      const p = await h.open({
        theme,
        show: {
          curves: [
            { id: 'leaky_relu', params: { negativeSlope: 0.2 } },
            { id: 'tanh', params: {} },
          ],
        },
      });
      await p.page.locator('#show-d2f').check();
      await p.page.locator('button', { hasText: 'Export PNG' }).click();
      await p.page.locator('button', { hasText: 'Export SVG' }).click();
      const saves = (await p.posted()).filter((m) => m.type === 'file/save');
      const png = saves.find((m) => m.format === 'png')!;
      const svg = String(saves.find((m) => m.format === 'svg')!.data);
      for (const s of [
        'Leaky ReLU a=0.2',
        'Tanh',
        'f(x)',
        'f′(x)',
        'f″(x)',
        '>x<',
        'Activation functions: Leaky ReLU, Tanh',
      ])
        assert.ok(svg.includes(s), `SVG has ${s}`);
      assert.ok((svg.match(/<path /g) ?? []).length === 6, 'f, f′, f″ of two curves');
      assert.match(svg, /stroke-dasharray="6 4"/);
      // The PNG's bottom band (the legend) has pixels of both curve colours.
      const colors = await swatchColors(p);
      const legend = await p.page.evaluate(
        async ({ data, colors }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const c = document.createElement('canvas');
          [c.width, c.height] = [img.width, img.height];
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const band = Math.round(img.height * 0.12);
          const { data: px } = ctx.getImageData(0, img.height - band, img.width, band);
          const rgb = colors.map((x) => [1, 3, 5].map((i) => parseInt(x.slice(i, i + 2), 16)));
          const counts = rgb.map(() => 0);
          for (let i = 0; i < px.length; i += 4)
            rgb.forEach(([r, g, b], k) => {
              if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) < 40)
                counts[k]++;
            });
          return { counts, width: img.width, height: img.height, dataUrl: c.toDataURL() };
        },
        { data: String(png.data), colors },
      );
      for (const [i, n] of legend.counts.entries())
        assert.ok(n > 40, `legend colour ${i}: ${n} px`);
      await p.page.setContent(`<img src="${legend.dataUrl}">`);
      await polishShot(p.page, 2, 'export-png', theme);
      await p.page.setContent(svg.replace(/^<\?xml[^>]*>/, ''));
      await polishShot(p.page, 2, 'export-svg', theme);
      await p.page.context().close();
    }
  });
});
