import * as vscode from 'vscode';
import { PLAYGROUND_VIEW_TYPE } from './core/commandIds';
import {
  assertNever,
  parseWebviewMessage,
  type HostToWebview,
  type ShowRequest,
  type WebviewToHost,
} from './core/protocol/webviewProtocol';
import { playgroundHtml } from './core/webviewHtml';
import { displayLanguage, readSettings } from './config';
import { log } from './log';

/**
 * The playground webview panel: one instance, restored after a reload by the serializer.
 * It only relays: the webview computes the graphs and runs the training worker itself.
 */
export class PlaygroundPanel {
  private static current: PlaygroundPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private pendingShow: ShowRequest | undefined;

  /** Opens (or reveals) the panel, optionally showing the given activations. */
  static show(extensionUri: vscode.Uri, show?: ShowRequest): PlaygroundPanel {
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
    return new PlaygroundPanel(panel, extensionUri, show);
  }

  /** Re-attaches a panel restored by VS Code after a reload. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
    PlaygroundPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    new PlaygroundPanel(panel, extensionUri, undefined);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    show: ShowRequest | undefined,
  ) {
    PlaygroundPanel.current = this;
    this.pendingShow = show;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = renderHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
    );
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
        this.post({
          type: 'init',
          locale: displayLanguage(),
          strings: vscode.l10n.bundle ?? {},
          show: this.pendingShow,
          settings: readSettings().playground,
        });
        this.pendingShow = undefined;
        return;
      case 'log/error':
        log().error(`Playground: ${m.message}`);
        return;
      case 'file/save':
        return this.save(m.requestId, m.format, m.suggestedName, m.data);
      case 'snippet/insert':
        await vscode.commands.executeCommand('activationLab.insertImplementation', { id: m.id });
        return;
      default:
        assertNever(m);
    }
  }

  private async save(requestId: number, format: 'png' | 'csv', name: string, data: string) {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
      filters: format === 'png' ? { PNG: ['png'] } : { CSV: ['csv'] },
    });
    if (!target) {
      this.post({ type: 'file/saved', inReplyTo: requestId, ok: false, detail: 'cancelled' });
      return;
    }
    try {
      const bytes = format === 'png' ? base64ToBytes(data) : new TextEncoder().encode(data);
      await vscode.workspace.fs.writeFile(target, bytes);
      this.post({ type: 'file/saved', inReplyTo: requestId, ok: true, detail: target.fsPath });
    } catch (e) {
      this.post({ type: 'file/saved', inReplyTo: requestId, ok: false, detail: String(e) });
    }
  }

  private post(message: HostToWebview): void {
    if (message.type === 'playground/show' && !this.ready) {
      // The webview has not said `webview/ready` yet: the show request rides on `init`.
      this.pendingShow = message.show;
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (PlaygroundPanel.current === this) PlaygroundPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function webviewOptions(
  extensionUri: vscode.Uri,
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
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
function renderHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const asset = (p: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', p)).toString();
  return playgroundHtml({
    cspSource: webview.cspSource,
    nonce: nonce(),
    scriptUri: asset('webview.js'),
    styleUri: asset('webview.css'),
    lang: displayLanguage(),
  });
}
