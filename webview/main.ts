/**
 * Entry of the playground webview: says `webview/ready`, builds the app from the host's `init`
 * snapshot (restoring the saved UI state unless the host asks to show something), then follows
 * `playground/show` and `file/saved`.
 */
import 'katex/dist/katex.min.css';
import './style.css';
// The training tab's code is a lazy chunk, but its CSS must be in webview.css (esbuild does not load a chunk's CSS).
import './train/train.css';
import { assertNever, type InitMessage } from '../src/core/protocol/webviewProtocol';
import { App, starterCurves } from './app';
import { setLocale, t } from './i18n';
import { defaultState, restoreState } from './state';
import { onHostMessage, post } from './vscodeApi';

// Page-load milestones, read by the end-to-end test to tell VS Code's share from ours.
performance.mark('al:script');
let app: App | undefined;

function start(init: InitMessage): void {
  setLocale(init.locale, init.strings);
  document.title = t('Activation Lab Playground');
  const restored = restoreState();
  const state = restored ?? defaultState();
  if (!restored) {
    state.curves = starterCurves();
    state.active = state.curves[0]?.key ?? -1;
  }
  try {
    app = new App(document.getElementById('app')!, state, init.settings);
    if (init.show) app.show(init.show);
  } catch (e) {
    post({ type: 'log/error', message: `Playground failed to start: ${String(e)}`.slice(0, 4000) });
    throw e;
  }
}

onHostMessage((m) => {
  switch (m.type) {
    case 'init':
      // A second `init` (the host re-sent it) keeps the running page.
      performance.mark('al:init');
      if (!app) start(m);
      return;
    case 'playground/show':
      app?.show(m.show);
      return;
    case 'file/saved':
      app?.saved(m.ok, m.detail);
      return;
    default:
      assertNever(m);
  }
});
post({ type: 'webview/ready' });
