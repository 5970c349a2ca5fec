/**
 * Entry of the playground webview: builds the app from the start-up snapshot the host embedded
 * in the page (restoring the saved UI state unless the host asks to show something), says
 * `webview/ready`, then follows `playground/show`, `settings/changed` and `file/saved`.
 */
import 'katex/dist/katex.min.css';
import './style.css';
// The training tab's code is a lazy chunk, but its CSS must be in webview.css (esbuild does not load a chunk's CSS).
import './train/train.css';
import { assertNever, replyTo } from '../src/core/protocol/channel';
import type { CodeFramework } from '../src/core/snippets/frameworks';
import { readPageInit, type PageInit } from '../src/core/protocol/webviewProtocol';
import { App, nothingTrained, starterCurves } from './app';
import { setLocale, t } from './i18n';
import { defaultState, restoreState } from './state';
import { exportOpenRequests, hostRequests, onHostMessage, post } from './vscodeApi';

// Page-load milestones, read by the end-to-end test to tell VS Code's share from ours.
performance.mark('al:script');
let app: App | undefined;

/**
 * The snapshot embedded by the host, read field by field: a bad field is reported and replaced by
 * its default, the rest (language, settings, what to show) still applies.
 */
function readInit(): PageInit {
  let raw: unknown;
  try {
    raw = JSON.parse(document.getElementById('al-init')?.textContent ?? 'null');
  } catch (e) {
    raw = String(e);
  }
  const { init, rejected } = readPageInit(raw);
  if (rejected.length)
    post({
      type: 'log/error',
      message: `Playground start-up snapshot: rejected ${rejected.join('; ')}`.slice(0, 4000),
    });
  return init;
}

function start(init: PageInit): void {
  performance.mark('al:init');
  setLocale(init.locale, init.strings);
  document.title = t('Activation Lab Playground');
  const restored = restoreState();
  const state = restored ?? defaultState();
  if (!restored) {
    state.curves = starterCurves();
    state.active = state.curves[0]?.key ?? -1;
  }
  // A reload of the same HTML (VS Code re-creates a hidden panel's page) keeps what the person
  // did since: the embedded request is shown once per rendered page.
  const fresh = state.shown !== init.id;
  const show = init.show && fresh ? init.show : undefined;
  state.shown = init.id;
  try {
    app = new App(document.getElementById('app')!, state, init.settings);
    if (show) app.show(show);
    // A page the host just opened (not a reload of the same HTML) says when its chart was on screen.
    if (fresh) reportFirstChart(init.openedAt);
  } catch (e) {
    post({ type: 'log/error', message: `Playground failed to start: ${String(e)}`.slice(0, 4000) });
    throw e;
  }
}

/**
 * Reports the page's first contentful paint (the chart is built in the same task as the rest of
 * the page, so that paint shows it) to the host's log, also as time since the host's command
 * when the two clocks plausibly agree (code-server may run the host on another machine).
 */
function reportFirstChart(openedAt: number | undefined): void {
  new PerformanceObserver((list, observer) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0];
    if (!paint) return;
    observer.disconnect();
    const sincePageStartMs = paint.startTime;
    const since =
      openedAt === undefined ? NaN : performance.timeOrigin + paint.startTime - openedAt;
    post({
      type: 'timing/firstChart',
      sincePageStartMs,
      ...(since >= 0 && since < 60_000 ? { sinceCommandMs: since } : {}),
    });
  }).observe({ type: 'paint', buffered: true });
}

onHostMessage((m) => {
  switch (m.type) {
    case 'playground/show':
      app?.show(m.show);
      return;
    case 'settings/changed':
      app?.setSettings(m.settings);
      return;
    case 'data/loaded':
    case 'data/failed':
      app?.dataFile(m);
      return;
    case 'file/saved':
      // Only the answer to a request this page made and still waits for is shown.
      if (hostRequests.settle(m)) app?.saved(m.status, m.detail);
      else
        post({ type: 'log/error', message: `dropped a reply to unknown request ${m.inReplyTo}` });
      return;
    case 'export/request':
      void answerExport(m.requestId, m.framework);
      return;
    case 'export/opened':
      if (!exportOpenRequests.settle(m))
        post({ type: 'log/error', message: `dropped a reply to unknown request ${m.inReplyTo}` });
      return;
    default:
      assertNever(m);
  }
});

/** Answers the host's export command with the code of the network the page shows, or why not. */
async function answerExport(requestId: number, framework: CodeFramework): Promise<void> {
  const r = app ? await app.exportCode(framework) : { error: nothingTrained() };
  post({
    type: 'export/reply',
    ...('code' in r
      ? { ...replyTo(requestId, 'ok'), code: r.code }
      : replyTo(requestId, 'error', r.error)),
  });
}
try {
  start(readInit());
} finally {
  post({ type: 'webview/ready' });
}
