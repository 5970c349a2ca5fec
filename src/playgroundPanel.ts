import * as vscode from 'vscode';
import { PLAYGROUND_VIEW_TYPE } from './core/commandIds';
import { assertNever, PendingRequests, replyTo } from './core/protocol/channel';
import type { CodeFramework } from './core/snippets/frameworks';
import { openExportedCode } from './openCode';
import {
  parseWebviewMessage,
  type DataFailed,
  type DataLoaded,
  type HostToWebview,
  type ExportReply,
  type PageInit,
  type PlaygroundSettings,
  type SaveFormat,
  type ShowRequest,
  type WebviewToHost,
} from './core/protocol/webviewProtocol';
import { playgroundHtml } from './core/webviewHtml';
import { displayLanguage, readSettings } from './config';
import { log } from './log';
import type { DataFiles } from './dataFiles';

/**
 * The playground webview panel: one instance, restored after a reload by the serializer.
 * It only relays: the webview computes the graphs and runs the training worker itself.
 * The page starts from a snapshot embedded in its HTML (locale, strings, settings, what to
 * show), so its first chart needs no message round trip.
 */
export class PlaygroundPanel {
  private static current: PlaygroundPanel | undefined;
  /** Reads data files for the page (set once by `activate`). */
  static dataFiles: DataFiles | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;
  /** A show request that arrived after the HTML was rendered but before `webview/ready`. */
  private pendingShow: ShowRequest | undefined;
  /** A data file read before the page said `webview/ready` (the newest one wins). */
  private pendingData: DataLoaded | DataFailed | undefined;
  /** The settings embedded in the rendered HTML (a reloaded page starts from them again). */
  private htmlSettings: PlaygroundSettings | undefined;
  /** The export command's requests to the page, settled by its `export/reply`. */
  private readonly exports = new PendingRequests<ExportReply>();

  /** The editor column the panel is in. */
  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  /** The open panel, if any. */
  static get open(): PlaygroundPanel | undefined {
    return PlaygroundPanel.current;
  }

  /** Opens (or reveals) the panel, optionally showing the given activations. */
  static show(extensionUri: vscode.Uri, show?: ShowRequest): PlaygroundPanel {
    const openedAt = Date.now();
    const existing = PlaygroundPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      if (show) existing.post({ type: 'playground/show', show });
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      PLAYGROUND_VIEW_TYPE,
      vscode.l10n.t('Activation Lab Playground'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      webviewOptions(extensionUri),
    );
    return new PlaygroundPanel(panel, extensionUri, show, openedAt);
  }

  /** Re-attaches a panel restored by VS Code after a reload. */
  static async revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): Promise<void> {
    PlaygroundPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    await new PlaygroundPanel(panel, extensionUri, undefined, undefined).rendered;
  }

  /** Settles once the page's HTML is set. */
  private readonly rendered: Promise<void>;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    show: ShowRequest | undefined,
    openedAt: number | undefined,
  ) {
    PlaygroundPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('activationLab.playground') && this.ready) this.sendSettings();
      }),
    );
    this.rendered = this.render(show, openedAt).catch((e: unknown) =>
      log().error(`Rendering the playground failed: ${String(e)}`),
    );
  }

  private async render(show: ShowRequest | undefined, openedAt: number | undefined): Promise<void> {
    const settings = readSettings().playground;
    const html = await renderHtml(this.panel.webview, this.extensionUri, {
      id: nonce(),
      locale: displayLanguage(),
      strings: vscode.l10n.bundle ?? {},
      show,
      settings,
      openedAt,
    });
    if (this.disposed) return;
    this.htmlSettings = settings;
    this.panel.webview.html = html;
  }

  private sendSettings(): void {
    this.post({ type: 'settings/changed', settings: readSettings().playground });
  }

  private receive(raw: unknown): void {
    // Nothing the webview sends may throw into the host: validate, log and drop.
    const checked = parseWebviewMessage(raw);
    if (!checked.ok) {
      log().warn(`Dropped a malformed webview message (${checked.reason})`);
      return;
    }
    this.handle(checked.message).catch((e: unknown) =>
      log().error(`Handling ${checked.message.type} failed: ${String(e)}`),
    );
  }

  private async handle(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'webview/ready':
        this.ready = true;
        if (this.pendingShow) this.post({ type: 'playground/show', show: this.pendingShow });
        this.pendingShow = undefined;
        if (this.pendingData) this.post(this.pendingData);
        this.pendingData = undefined;
        // The page may be a reload of HTML rendered before a settings change.
        if (JSON.stringify(readSettings().playground) !== JSON.stringify(this.htmlSettings))
          this.sendSettings();
        return;
      case 'log/error':
        log().error(`Playground: ${m.message}`);
        return;
      case 'timing/firstChart':
        log().info(
          `Playground: first chart on screen ${Math.round(m.sincePageStartMs)} ms after the page started` +
            (m.sinceCommandMs === undefined
              ? ''
              : `, ${Math.round(m.sinceCommandMs)} ms after the command`),
        );
        return;
      case 'file/save':
        return this.save(m.requestId, m.format, m.suggestedName, m.data);
      case 'snippet/insert':
        await vscode.commands.executeCommand('activationLab.insertImplementation', { id: m.id });
        return;
      case 'export/open': {
        const detail = await openExportedCode(m.code.source, undefined, this.panel.viewColumn);
        this.post({
          type: 'export/opened',
          ...replyTo(m.requestId, detail === undefined ? 'ok' : 'error', detail),
        });
        return;
      }
      case 'export/reply':
        if (!this.exports.settle(m)) log().warn(`Dropped an export reply nobody waits for`);
        return;
      case 'data/open': {
        const files = PlaygroundPanel.dataFiles;
        const uri = await files?.pick();
        if (files && uri) this.post(await files.load(uri));
        return;
      }
      case 'data/reload': {
        const files = PlaygroundPanel.dataFiles;
        if (files) this.post(await files.reload(m.uri));
        return;
      }
      default:
        assertNever(m);
    }
  }

  private async save(requestId: number, format: SaveFormat, name: string, data: string) {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const filters: Record<SaveFormat, Record<string, string[]>> = {
      png: { PNG: ['png'] },
      svg: { SVG: ['svg'] },
      csv: { CSV: ['csv'] },
    };
    const target = await vscode.window.showSaveDialog({
      defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
      filters: filters[format],
    });
    if (!target) {
      this.post({ type: 'file/saved', ...replyTo(requestId, 'cancelled') });
      return;
    }
    try {
      const bytes = format === 'png' ? base64ToBytes(data) : new TextEncoder().encode(data);
      await vscode.workspace.fs.writeFile(target, bytes);
      this.post({ type: 'file/saved', ...replyTo(requestId, 'ok', target.fsPath) });
    } catch (e) {
      this.post({ type: 'file/saved', ...replyTo(requestId, 'error', String(e)) });
    }
  }

  /**
   * Asks the page for the code of the network it shows. Settles with the page's reply, or with an
   * `error` when the page is not ready, does not answer within `EXPORT_TIMEOUT_MS`, or closes.
   */
  requestExport(framework: CodeFramework): Promise<ExportReply> {
    const fail = (id: number, detail: string): ExportReply => ({
      type: 'export/reply',
      ...replyTo(id, 'error', detail),
    });
    const { id, reply } = this.exports.request((requestId) => {
      if (this.ready) this.post({ type: 'export/request', requestId, framework });
    });
    if (!this.ready)
      this.exports.settle(fail(id, vscode.l10n.t('The playground is still loading.')));
    const timer = setTimeout(
      () => this.exports.settle(fail(id, vscode.l10n.t('The playground did not answer.'))),
      EXPORT_TIMEOUT_MS,
    );
    return reply.finally(() => clearTimeout(timer));
  }

  /** Sends a data file's text (or why it could not be read) to the page. */
  postData(message: DataLoaded | DataFailed): void {
    this.post(message);
  }

  private post(message: HostToWebview): void {
    if (message.type === 'playground/show' && !this.ready) {
      // The page has not said `webview/ready` yet: the request waits for it.
      this.pendingShow = message.show;
      return;
    }
    if ((message.type === 'data/loaded' || message.type === 'data/failed') && !this.ready) {
      this.pendingData = message;
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.disposed = true;
    if (PlaygroundPanel.current === this) PlaygroundPanel.current = undefined;
    this.exports.settleAll((id) => ({
      type: 'export/reply',
      ...replyTo(id, 'error', vscode.l10n.t('The playground was closed.')),
    }));
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** How long the export command waits for the page (the worker writes the code in milliseconds). */
const EXPORT_TIMEOUT_MS = 15_000;

function webviewOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // A training run lives in the page's worker: without this, hiding the panel behind another
    // editor tab destroys the page and the run with it. The cost is the hidden page's memory
    // (measured: README, "Playground memory"); a page that is re-created anyway says what it lost.
    retainContextWhenHidden: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[^A-Za-z0-9]/g, '');
}

/** The panel's page (markup and CSP shared with the Chromium tests). */
async function renderHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  init: PageInit,
): Promise<string> {
  const asset = (p: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', p)).toString();
  return playgroundHtml({
    cspSource: webview.cspSource,
    nonce: nonce(),
    scriptUri: asset('webview.js'),
    preloadUris: (await staticChunks(extensionUri)).map(asset),
    styleUri: asset('webview.css'),
    init,
  });
}

/**
 * The chunks `webview.js` imports statically, listed by the build in `dist/webview.preload.json`.
 * Read per render (a few bytes), so a rebuild in watch mode is picked up; without the file the page
 * still loads, only without the parallel fetch.
 */
async function staticChunks(extensionUri: vscode.Uri): Promise<string[]> {
  try {
    const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'webview.preload.json');
    const list: unknown = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
    );
    if (Array.isArray(list) && list.every((f) => typeof f === 'string' && /^[\w./-]+\.js$/.test(f)))
      return list as string[];
    log().warn('dist/webview.preload.json is malformed: the playground loads without preloads');
  } catch (e) {
    log().warn(
      `No dist/webview.preload.json (${String(e)}): the playground loads without preloads`,
    );
  }
  return [];
}
