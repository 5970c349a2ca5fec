/**
 * Chromium harness for the playground webview: serves `dist/` from a local HTTP server, builds
 * the page with the host's own `playgroundHtml()` (so the real CSP applies, with the server's
 * origin as `cspSource`), and prepends a nonce'd script that stands in for `acquireVsCodeApi`:
 * it records posted messages, keeps `setState`, answers `webview/ready` with an `init`, sets the
 * theme's body class, and collects `securitypolicyviolation` events.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { playgroundHtml } from '../../src/core/webviewHtml';
import type { PageInit, ShowRequest } from '../../src/core/protocol/webviewProtocol';
import { chromiumArgs, chromiumPath } from '../browser';

export const root = resolve(__dirname, '../../..');
export const resultsDir = join(root, 'test-results', 'webview');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** VS Code's body classes: `vscode-dark`, `vscode-light`, `vscode-high-contrast`. */
export type Theme = 'dark' | 'light' | 'high-contrast';

/** Every theme kind, for the screens that are looked at in each. */
export const THEMES: readonly Theme[] = ['dark', 'light', 'high-contrast'];

/**
 * Saves a screenshot of one of issue 15's fixed screens as
 * test-results/webview/polish-<item>-<what>-<theme>.png (the names its note lists).
 */
export async function polishShot(
  page: Page,
  item: number,
  what: string,
  theme: Theme,
  fullPage = false,
): Promise<void> {
  await page.screenshot({
    path: join(resultsDir, `polish-${item}-${what}-${theme}.png`),
    fullPage,
  });
}

export interface PageOptions {
  theme?: Theme;
  locale?: 'en' | 'ja';
  show?: ShowRequest;
  /** What `getState()` returns at start (a saved UI state). */
  state?: unknown;
  reducedMotion?: boolean;
  viewport?: { width: number; height: number };
  /** The rendered page's id (pass an earlier page's to stand for a reload of the same HTML). */
  id?: string;
  /** Replaces the embedded start-up snapshot's JSON text (to test a corrupt one). */
  rawInit?: string;
}

export interface Posted {
  type: string;
  [k: string]: unknown;
}

export interface TestPage {
  page: Page;
  /** Messages the page posted to the host, in order. */
  posted(): Promise<Posted[]>;
  /** CSP violations seen by the page. */
  violations(): Promise<string[]>;
  /** Uncaught errors and console errors. */
  errors: string[];
  /** Chunk files the page requested (lazy loading checks). */
  requests: string[];
  state(): Promise<unknown>;
  setTheme(theme: Theme): Promise<void>;
  /** Sends a host → webview message (as VS Code does, through `window.postMessage`). */
  hostSend(message: unknown): Promise<void>;
}

/** The ja l10n bundle, as the host sends it in `init.strings` for a Japanese VS Code. */
export function jaStrings(): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<
    string,
    string
  >;
}

function standIn(opts: PageOptions): string {
  return `
window.__posted = [];
window.__violations = [];
window.__state = ${JSON.stringify(opts.state ?? null)};
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
document.body.className = 'vscode-${opts.theme ?? 'dark'}';
let acquired = false;
window.acquireVsCodeApi = () => {
  if (acquired) throw new Error('acquireVsCodeApi called twice');
  acquired = true;
  return {
    postMessage(m) {
      window.__posted.push(JSON.parse(JSON.stringify(m)));
    },
    getState() { return window.__state; },
    setState(s) { window.__state = JSON.parse(JSON.stringify(s)); },
  };
};`;
}

export class Harness {
  private server!: Server;
  browser!: Browser;
  origin = '';
  private pages = new Map<string, string>();
  private dist = '';
  /** The chunks the build lists for `modulepreload` (as the host does). */
  private preloads: string[] = [];
  private counter = 0;

  async start(): Promise<void> {
    if (!existsSync(join(root, 'dist', 'webview.js')))
      throw new Error('dist/webview.js is missing: run the build first');
    if (!existsSync(chromiumPath))
      throw new Error(`Chromium is missing at ${chromiumPath} (node scripts/ensureChromium.mjs)`);
    // Serve a snapshot of dist/: a build started meanwhile (it empties dist/) must not break a run.
    this.dist = mkdtempSync(join(tmpdir(), 'al-webview-dist-'));
    cpSync(join(root, 'dist'), this.dist, { recursive: true });
    this.preloads = JSON.parse(
      readFileSync(join(this.dist, 'webview.preload.json'), 'utf8'),
    ) as string[];
    this.server = createServer((req, res) => void this.serve(req.url ?? '/', res));
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
    });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    if (this.dist) rmSync(this.dist, { recursive: true, force: true });
  }

  private async serve(url: string, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(url.split('?')[0]);
    if (path === '/test/probe-eval.js') {
      // A script from an allowed origin that tries to compile a string: the CSP must refuse it.
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(
        "try { new Function('return 1'); window.__probe = 'eval ran'; } catch (e) { window.__probe = 'eval blocked'; }",
      );
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path.startsWith('/page/')) {
      const html = this.pages.get(path.slice('/page/'.length));
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html ?? 'no such page');
      return;
    }
    const file =
      path === '/test/themes.css'
        ? join(root, 'test', 'webview', 'themes.css')
        : path.startsWith('/dist/')
          ? normalize(join(this.dist, path.slice('/dist/'.length)))
          : '';
    if (!file || !(file.startsWith(this.dist) || file.startsWith(root)) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  }

  /** Opens the playground page with a stand-in host. */
  async open(opts: PageOptions = {}): Promise<TestPage> {
    const nonce = randomBytes(16)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '');
    const locale = opts.locale ?? 'en';
    const init: PageInit = {
      id: opts.id ?? `page-${this.counter + 1}`,
      locale,
      strings: locale === 'ja' ? jaStrings() : {},
      show: opts.show,
      settings: { reducedMotion: opts.reducedMotion ?? false, maxTrainingEpochs: 2000 },
    };
    let html = playgroundHtml({
      cspSource: this.origin,
      nonce,
      scriptUri: `${this.origin}/dist/webview.js`,
      preloadUris: this.preloads.map((f) => `${this.origin}/dist/${f}`),
      styleUri: `${this.origin}/dist/webview.css`,
      init,
    });
    if (opts.rawInit !== undefined)
      html = html.replace(
        /(<script type="application\/json" id="al-init">)[^<]*(<\/script>)/,
        (_, open: string, close: string) => open + opts.rawInit + close,
      );
    html = html
      .replace(
        '</head>',
        `<link rel="stylesheet" href="${this.origin}/test/themes.css" nonce="${nonce}">\n</head>`,
      )
      .replace('<body>', `<body>\n<script nonce="${nonce}">${standIn(opts)}</script>`);
    const id = String(++this.counter);
    this.pages.set(id, html);
    const context = await this.browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      // Failed loads are reported with their URL by the response handler below.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(m.text());
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(`${this.origin}/page/${id}`);
    // Generous: these machines are shared, and a loaded 2-core box can take seconds to start a page.
    await page.waitForSelector('.legend-area', { state: 'attached', timeout: 30_000 });
    return {
      page,
      errors,
      requests,
      posted: () => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted),
      violations: () =>
        page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      state: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
      setTheme: (theme) =>
        page.evaluate((t) => {
          document.body.className = `vscode-${t}`;
        }, theme),
      hostSend: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
    };
  }
}

/** Pixel statistics of a canvas: how many pixels are near each colour, and how many differ from the background. */
export async function canvasPixels(
  page: Page,
  selector: string,
  colors: string[],
): Promise<{ counts: number[]; painted: number; hash: number }> {
  return page.evaluate(
    ({ selector, colors }) => {
      const c = document.querySelector(selector) as HTMLCanvasElement;
      const ctx = c.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const rgb = colors.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const counts = colors.map(() => 0);
      const bg = [data[0], data[1], data[2]];
      let painted = 0;
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i];
        const g = data[i + 1];
        const b = data[i + 2];
        hash = (hash * 31 + r * 7 + g * 13 + b) | 0;
        if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 30) painted++;
        rgb.forEach(([cr, cg, cb], k) => {
          if (Math.abs(r - cr) + Math.abs(g - cg) + Math.abs(b - cb) < 24) counts[k]++;
        });
      }
      return { counts, painted, hash };
    },
    { selector, colors },
  );
}

/** Fails on CSP violations and page errors, then closes the page. */
export async function closeChecked(p: TestPage): Promise<void> {
  assert.deepEqual(await p.violations(), [], 'CSP violations');
  assert.deepEqual(p.errors, [], 'page errors');
  await p.page.context().close();
}

/** The rows a colour occupies in a canvas, as fractions of its height (top 1 when absent). */
export async function colorRows(
  page: Page,
  selector: string,
  color: string,
  tolerance = 30,
): Promise<{ top: number; bottom: number }> {
  return page.evaluate(
    ({ selector, color, tolerance }) => {
      const c = document.querySelector(selector) as HTMLCanvasElement;
      const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
      let top = height;
      let bottom = 0;
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const d = Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b);
          if (d < tolerance) [top, bottom] = [Math.min(top, y), Math.max(bottom, y)];
        }
      return { top: top / height, bottom: bottom / height };
    },
    { selector, color, tolerance },
  );
}

/** The computed background colours of the elements a selector matches, as #rrggbb. */
export async function backgroundColors(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const m = getComputedStyle(e).backgroundColor.match(/\d+/g)!.map(Number);
      return (
        '#' +
        m
          .slice(0, 3)
          .map((v) => v.toString(16).padStart(2, '0'))
          .join('')
      );
    }),
  );
}
