// The end-to-end harness: code-server plus Debian's Chromium driven by playwright-core, and
// helpers that act as a person would (click the explorer, move the mouse onto a token, type
// into the command palette). Selectors were checked against code-server 4.139.1 (VS Code 1.139).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import {
  keepLogs,
  loadCodeServerModule,
  removeRunDir,
  repoRoot,
  startServer,
  type RunningServer,
} from './codeServer';
import { chromiumArgs, chromiumPath } from '../browser';

export const resultsDir = join(repoRoot, 'test-results', 'e2e');

/**
 * Why the tier cannot run here, or false when it can. Under CI nothing is skipped: a missing
 * browser or code-server makes `startWorkbench` throw, so the tier fails loudly.
 */
export async function e2eSkipReason(): Promise<string | false> {
  if (process.env.CI) return false;
  if (!existsSync(chromiumPath))
    return `Chromium missing at ${chromiumPath} (node scripts/ensureChromium.mjs)`;
  const mod = await loadCodeServerModule();
  if (!mod.isCodeServerInstalled())
    return 'code-server missing (node scripts/ensureCodeServer.mjs)';
  return false;
}

/**
 * `describe(name)` holding one `describe('in code-server')` that runs `suite`, skipped with the
 * reason when this machine cannot run the tier (never under CI, where a missing browser fails).
 */
export function describeInCodeServer(name: string, suite: () => void): void {
  describe(name, async () => {
    const skip = await e2eSkipReason();
    describe('in code-server', { skip }, suite);
  });
}

export interface WorkbenchOptions {
  /** A name for the screenshots' and logs' folder; defaults to the test file's. */
  name: string;
  /** The folder to open; defaults to examples/. */
  workspace?: string;
  /** User settings merged over the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Display language, e.g. 'ja'. */
  locale?: string;
  /** Run the extension's browser entry in the web worker extension host. */
  webHost?: boolean;
  /** Other unpacked extension folders to install (see `ServerOptions.extraExtensions`). */
  extraExtensions?: string[];
}

export interface HoverResult {
  /** The text of every visible hover, joined. */
  text: string;
  /**
   * The text of each part of the hover that matched `expect`: one per hover a provider returned.
   * Two identical parts mean two providers answered, as when the workbench started a second
   * extension host on a loaded machine (seen in code-server's remoteagent log).
   */
  parts: string[];
  hasImage: boolean;
  html: string;
  /**
   * Where the hover's first image (the plot) sits, in px from the top of the hover's visible
   * area: `bottom <= visibleHeight` means it shows without scrolling. `scrollHeight` is the
   * height of the whole content, which scrolls when it exceeds `visibleHeight`.
   */
  plot?: { top: number; bottom: number; visibleHeight: number; scrollHeight: number };
}

/** How often `phrase` occurs in the hover part that says it most (0 when none does). */
export function mostInOnePart(hover: HoverResult, phrase: string): number {
  return Math.max(0, ...hover.parts.map((p) => p.split(phrase).length - 1));
}

/** Milliseconds each phase of start-up took, for the report. */
/** See `Workbench.playgroundOpenTimes`. Every figure is in ms. */
export interface PlaygroundOpenTimes {
  /** Palette click → first chart on screen (the page's first contentful paint). */
  totalMs: number;
  /** Our command handler's start (the host's clock, embedded in the page) → the same paint. */
  fromHandlerMs: number;
  /** After the click: VS Code's webview frame starts, its service worker is ready, our page starts. */
  vscode: { frameStartMs: number; serviceWorkerReadyMs: number; pageStartMs: number };
  /** After our page starts: our script runs, the app starts, the chart is drawn, then painted. */
  ours: { scriptMs: number; initMs: number; chartMs: number; paintMs: number };
}

export interface StartTimings {
  serverMs: number;
  browserMs: number;
  workbenchMs: number;
}

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly browser: Browser,
    readonly server: RunningServer,
    readonly name: string,
    readonly timings: StartTimings,
  ) {}

  /** Starts code-server, opens the workspace in Chromium, waits for `.monaco-workbench`. */
  static async start(options: WorkbenchOptions): Promise<Workbench> {
    if (!existsSync(chromiumPath)) {
      throw new Error(
        `Chromium is missing at ${chromiumPath}: run \`node scripts/ensureChromium.mjs\``,
      );
    }
    const workspace = options.workspace ?? join(repoRoot, 'examples');
    // Screenshots of an earlier run of this file would mislead: drop them.
    if (existsSync(resultsDir)) {
      for (const f of readdirSync(resultsDir)) {
        if (f.startsWith(`${options.name}-`) && f.endsWith('.png')) rmSync(join(resultsDir, f));
      }
    }
    let t = Date.now();
    const server = await startServer({
      workspace,
      settings: options.settings,
      locale: options.locale,
      webHost: options.webHost,
      extraExtensions: options.extraExtensions,
    });
    const serverMs = Date.now() - t;
    let browser: Browser | undefined;
    try {
      t = Date.now();
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: chromiumArgs,
        headless: true,
      });
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const browserMs = Date.now() - t;
      t = Date.now();
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { timeout: 90_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The explorer lists the workspace once the extension host and file service are up.
      await page
        .locator('.explorer-folders-view .monaco-list-row')
        .first()
        .waitFor({ timeout: 60_000 });
      const workbenchMs = Date.now() - t;
      return new Workbench(page, browser, server, options.name, {
        serverMs,
        browserMs,
        workbenchMs,
      });
    } catch (error) {
      await browser?.close().catch(() => undefined);
      keepLogs(server, join(resultsDir, 'logs', options.name));
      await server.stop();
      throw error;
    }
  }

  /** Closes the browser, stops code-server's process group, keeps its logs under test-results. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    keepLogs(this.server, join(resultsDir, 'logs', this.name));
    removeRunDir(this.server);
  }

  /** Opens a top-level file of the workspace by clicking its row in the explorer. */
  async openFile(fileName: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row').filter({
      has: this.page.locator('.label-name', {
        hasText: new RegExp(`^${escapeRegExp(fileName)}$`),
      }),
    });
    await row.first().click();
    await this.page
      .locator('.tabs-container .tab.active', { hasText: fileName })
      .waitFor({ timeout: 20_000 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Scrolls the active editor so that 1-based `line` is visible (Ctrl+G). */
  async goToLine(line: number): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Moves the real mouse onto the first visible occurrence of `token` (on `line` when given)
   * in the active editor and returns the hover's text once it has settled.
   */
  async hoverText(
    token: string,
    options: { line?: number; expect?: string | RegExp; timeoutMs?: number } = {},
  ): Promise<HoverResult> {
    const { page } = this;
    await this.dismissHover();
    if (options.line !== undefined) await this.goToLine(options.line);
    const point = await page.evaluate(
      ({ token, line }) => {
        const editor = document.querySelector('.editor-instance .monaco-editor');
        if (!editor) return undefined;
        // Monaco positions lines absolutely: pair each line with its gutter number by `top`.
        const numbers = new Map<string, number>();
        for (const el of Array.from(
          editor.querySelectorAll<HTMLElement>('.margin-view-overlays > div'),
        )) {
          const n = Number(el.querySelector('.line-numbers')?.textContent);
          if (n) numbers.set(el.style.top, n);
        }
        const lines = Array.from(editor.querySelectorAll<HTMLElement>('.view-lines .view-line'))
          .map((el) => ({ el, top: parseFloat(el.style.top), n: numbers.get(el.style.top) }))
          .sort((a, b) => a.top - b.top);
        for (const { el, n } of lines) {
          if (line !== undefined && n !== line) continue;
          // Monaco renders spaces as U+00A0; compare on normal spaces.
          const text = (el.textContent ?? '').replace(/\u00a0/g, ' ');
          const at = text.indexOf(token);
          if (at < 0) continue;
          // Put the pointer on the middle character of the token.
          let target = at + Math.floor(token.length / 2);
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const len = node.textContent?.length ?? 0;
            if (target < len) {
              const range = document.createRange();
              range.setStart(node, target);
              range.setEnd(node, target + 1);
              const r = range.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
            target -= len;
          }
        }
        return undefined;
      },
      { token, line: options.line },
    );
    if (!point)
      throw new Error(
        `"${token}" is not visible in the active editor${options.line ? ` on line ${options.line}` : ''}`,
      );
    const hover = page.locator('.monaco-hover-content').filter({ visible: true });
    const wanted = options.expect ? hover.filter({ hasText: options.expect }) : hover;
    // A hover is asked for once per mouse move: on a busy machine the provider may not be
    // registered yet, so move off and back onto the token until it answers.
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      // A mouse already resting on the token fires no move: come from elsewhere, in steps.
      await page.mouse.move(point.x, point.y + 60);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      try {
        await wanted.first().waitFor({ timeout: 4_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    // Hover parts arrive asynchronously ("Loading..." first): wait until the text settles.
    let last = '';
    for (let i = 0; i < 20; i++) {
      const text = (await hover.allInnerTexts()).join('\n');
      if (text === last && text && !/Loading\.\.\./.test(text)) break;
      last = text;
      await page.waitForTimeout(250);
    }
    const first = wanted.first();
    const plot = await first.evaluate((content) => {
      const img = content.querySelector('img');
      const frame = content.closest('.monaco-scrollable-element') ?? content.parentElement;
      if (!img || !frame) return undefined;
      const f = frame.getBoundingClientRect();
      const r = img.getBoundingClientRect();
      return {
        top: r.top - f.top,
        bottom: r.bottom - f.top,
        visibleHeight: f.height,
        scrollHeight: content.scrollHeight,
      };
    });
    return {
      text: (await hover.allInnerTexts()).join('\n').trim(),
      parts: await first.evaluate((content) =>
        Array.from(content.querySelectorAll<HTMLElement>('.markdown-hover'), (e) =>
          e.innerText.trim(),
        ),
      ),
      hasImage: (await first.locator('img').count()) > 0,
      html: await first.innerHTML(),
      plot,
    };
  }

  /** Moves the mouse away and presses Escape so no hover stays open. */
  async dismissHover(): Promise<void> {
    await this.page.mouse.move(5, 5);
    await this.page.keyboard.press('Escape');
  }

  /**
   * Runs a command by its palette title, e.g. "Activation Lab: Open Playground", and returns
   * the moment (epoch ms) its palette row was clicked.
   */
  async runCommand(title: string): Promise<number> {
    const { page } = this;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ hasText: new RegExp(`^${escapeRegExp(title)}`) });
    await row.first().waitFor({ timeout: 15_000 });
    const clickedAt = Date.now();
    await row.first().click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    return clickedAt;
  }

  /**
   * Runs Insert Activation Implementation at the active editor's cursor: types `query` into the
   * activation picker and takes the row of activation `id`, then the framework row whose label
   * starts with `framework`. Returns the framework picker's rows (label and description) as
   * offered; resolves once the pickers are closed and the `expect` text is on screen.
   */
  async insertImplementation(
    query: string,
    id: string,
    framework: string,
    expect: string,
  ): Promise<string[]> {
    const { page } = this;
    const input = page.locator('.quick-input-widget input');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await page.keyboard.press('F1');
    await input.fill('>Activation Lab: Insert Activation Implementation');
    // Click the command's own row (Enter takes the focused one, which may be another), and give
    // a first use time: the command may first have to wait for the extension to activate.
    await rows
      .filter({ hasText: /^Activation Lab: Insert Activation Implementation/ })
      .first()
      .click();
    await page
      .locator('.quick-input-title', { hasText: 'Insert Activation Implementation' })
      .waitFor({ timeout: 60_000 });
    await input.fill(query);
    const exact = new RegExp(`^${escapeRegExp(id)}$`);
    await rows
      .filter({ has: page.locator('.label-description', { hasText: exact }) })
      .first()
      .click();
    await page
      .locator('.quick-input-title', { hasText: /^Insert (?!Activation Implementation)/ })
      .waitFor();
    const offered = rows.filter({ hasText: new RegExp(`^${escapeRegExp(framework)}`) });
    await offered.first().waitFor();
    const list = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await offered.first().click();
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.locator('.view-line', { hasText: expect }).first().waitFor();
    return list;
  }

  /** Saves the active editor (Ctrl+S) and returns `path`'s text once it matches `expect`. */
  async saveAndRead(path: string, expect: RegExp): Promise<string> {
    await this.page.keyboard.press('Control+S');
    let saved = '';
    for (let i = 0; i < 40 && !expect.test(saved); i++) {
      await this.page.waitForTimeout(250);
      saved = readFileSync(path, 'utf8');
    }
    return saved;
  }

  /** The content frame of the last webview that finished loading (the playground, usually). */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('#active-frame');
  }

  /**
   * Where the time went between the palette click `commandAt` (epoch ms, from `runCommand`) and
   * the playground's first chart on screen: VS Code's share up to the moment our page starts (with
   * VS Code's own marks of its webview frame: the frame's start and its service worker being
   * ready) and ours after it (our marks, then the page's first contentful paint: the chart is
   * drawn in the same task as the rest of the page, so that paint shows it).
   *
   * The page is not touched until `settleMs` after the click: reading it earlier would inject
   * Playwright's script into the frames while they load, on the same main thread, and slow the
   * very thing measured. The figures come from the page's own clock.
   */
  async playgroundOpenTimes(commandAt: number, settleMs = 4000): Promise<PlaygroundOpenTimes> {
    const wait = commandAt + settleMs - Date.now();
    if (wait > 0) await this.page.waitForTimeout(wait);
    const page = await this.webviewFrame()
      .locator('body')
      .evaluate(async () => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        const until = async (name: string, tries: number) => {
          for (let i = 0; i < tries && !(at(name) >= 0); i++)
            await new Promise((r) => setTimeout(r, 100));
        };
        await until('al:first-chart', 300);
        await until('first-contentful-paint', 20);
        const m = performance.getEntriesByName('al:first-chart')[0];
        const init = JSON.parse(document.getElementById('al-init')?.textContent ?? '{}') as {
          openedAt?: number;
        };
        return m
          ? {
              openedAt: init.openedAt ?? NaN,
              origin: performance.timeOrigin,
              script: at('al:script'),
              init: at('al:init'),
              chart: m.startTime + m.duration,
              paint: at('first-contentful-paint'),
            }
          : undefined;
      });
    if (!page) throw new Error('the playground never drew its first chart');
    const handle = await this.page.locator('iframe.webview.ready').last().elementHandle();
    const outer = await (
      await handle?.contentFrame()
    )?.evaluate(() => {
      const at = (name: string) =>
        performance.getEntriesByName(`webview/index.html/${name}`)[0]?.startTime ?? NaN;
      return { origin: performance.timeOrigin, workerReady: at('content/workerReady') };
    });
    const ms = (x: number) => Math.round(x);
    const onScreen = Math.max(page.chart, Number.isFinite(page.paint) ? page.paint : page.chart);
    return {
      totalMs: ms(page.origin + onScreen - commandAt),
      fromHandlerMs: ms(page.origin + onScreen - page.openedAt),
      vscode: {
        frameStartMs: outer ? ms(outer.origin - commandAt) : NaN,
        serviceWorkerReadyMs: outer ? ms(outer.origin + outer.workerReady - commandAt) : NaN,
        pageStartMs: ms(page.origin - commandAt),
      },
      ours: {
        scriptMs: ms(page.script),
        initMs: ms(page.init),
        chartMs: ms(page.chart),
        paintMs: ms(onScreen),
      },
    };
  }

  /**
   * Posts `message` to the extension host exactly as the webview's `acquireVsCodeApi().postMessage`
   * would: through the `__vscode_post_message__` hook of the webview's outer frame. A message
   * `{ $repeat: [char, n] }` in a string position is expanded in the page (for oversized ones).
   */
  async postFromWebview(message: unknown): Promise<void> {
    const handle = await this.page.locator('iframe.webview.ready').last().elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('no webview is open');
    await frame.evaluate((raw) => {
      const expand = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(expand);
        if (v && typeof v === 'object') {
          const rep = (v as { $repeat?: [string, number] }).$repeat;
          if (rep) return rep[0].repeat(rep[1]);
          return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)]));
        }
        return v;
      };
      const post = (window as unknown as Record<string, (c: string, d: unknown) => void>)
        .__vscode_post_message__;
      if (typeof post !== 'function') throw new Error('the webview host hook is missing');
      post('onmessage', { message: expand(raw) });
    }, message);
  }

  /** All log files of this run under `<user-data-dir>/logs`, newest session first. */
  logFiles(): string[] {
    const root = join(this.server.userDataDir, 'logs');
    const files: string[] = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(root);
    return files.sort().reverse();
  }

  /** The extension host's log (activation events, extension errors). */
  extHostLog(): string {
    return this.logFiles()
      .filter((f) => /remoteexthost\.log$|exthost\.log$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
  }

  /**
   * The text of an output channel, read from the file VS Code mirrors it to (a log channel
   * is `<ext-id>/<name>.log`, a plain one `output_logging_*\/<n>-<name>.log`). Waits until
   * `waitFor` matches when given.
   */
  async readOutputChannel(name: string, waitFor?: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.logFiles()
        .filter((f) => f.endsWith(`${name}.log`))
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
      if (text && (!waitFor || waitFor.test(text))) return text;
      if (Date.now() > deadline) {
        throw new Error(
          `output channel "${name}" ${text ? `has no match for ${waitFor}` : 'has no log file'} after ${timeoutMs} ms:\n${text}`,
        );
      }
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * Runs one step of a test and saves test-results/e2e/<name>.png after it; when the step
   * throws, the screenshot is <name>-FAILED.png and the error is rethrown.
   */
  async step<T>(name: string, body: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await body();
    } catch (error) {
      await this.screenshot(`${name}-FAILED`).catch(() => undefined);
      throw error;
    }
    await this.screenshot(name);
    return result;
  }

  /**
   * Opens the playground from the palette on its Train tab; returns the Single-network view's
   * panel once it is there.
   */
  async openTrainingView() {
    await this.runCommand('Activation Lab: Open Playground');
    const frame = this.webviewFrame();
    await frame
      .getByRole('tab', { name: /^Train$/ })
      .first()
      .click();
    const panel = frame.locator('#train-panel-train');
    await panel.waitFor({ timeout: 30_000 });
    return panel;
  }

  /** The visible lines of the active editor (Monaco renders only those), joined by newlines. */
  async activeEditorText(): Promise<string> {
    const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines');
    return (await lines.first().innerText()).replace(/\u00a0/g, ' ');
  }

  /**
   * Clicks into the active editor's visible area near its top-left corner (past the line
   * numbers): a plain click on the lines element aims at its middle, and that element is as wide
   * as the longest line, so the editor would scroll sideways to reach it.
   */
  async focusActiveEditor(): Promise<void> {
    await this.page
      .locator('.editor-group-container.active .monaco-editor .overflow-guard')
      .first()
      .click({ position: { x: 90, y: 8 } });
  }

  /**
   * The last screenful of the active editor, once it matches `expect` (lines just inserted may
   * take a moment to render) or after `timeoutMs`; the cursor ends at the end of the text.
   */
  async activeEditorEnd(expect: RegExp, timeoutMs = 20_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      // Up a page from the end, then to the end again: the end is revealed at the bottom.
      await this.page.keyboard.press('Control+End');
      await this.page.keyboard.press('PageUp');
      await this.page.keyboard.press('Control+End');
      await this.page.waitForTimeout(400);
      const text = await this.activeEditorText();
      if (expect.test(text) || Date.now() > until) {
        // Let the scrolled editor finish painting before a screenshot.
        await this.page.waitForTimeout(1500);
        return text;
      }
    }
  }

  /** Saves a screenshot to test-results/e2e/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(resultsDir, { recursive: true });
    const path = join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

/** The epoch the playground's Single-network view shows (-1 before any run). */
export async function trainEpoch(frame: FrameLocator): Promise<number> {
  return Number((await frame.locator('#train-panel-train').getAttribute('data-epoch')) ?? -1);
}

/** Waits until the Single-network view shows epoch `atLeast` or more; returns the epoch seen. */
export async function waitForTrainEpoch(
  frame: FrameLocator,
  atLeast: number,
  timeoutMs: number,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const e = await trainEpoch(frame);
    if (e >= atLeast) return e;
    if (Date.now() > until) throw new Error(`epoch ${e} < ${atLeast} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Merges figures into test-results/e2e/metrics.json (several test files may add to it). */
export function recordMetrics(values: Record<string, unknown>): void {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, 'metrics.json');
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // First writer.
  }
  writeFileSync(file, JSON.stringify({ ...current, ...values }, null, 2) + '\n');
}

/** The 1-based number of the first line of examples/<file> matching `pattern`. */
export function lineOf(file: string, pattern: RegExp, folder = join(repoRoot, 'examples')): number {
  const index = readFileSync(join(folder, file), 'utf8')
    .split('\n')
    .findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`no line of ${file} matches ${pattern}`);
  return index + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
