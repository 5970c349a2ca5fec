/**
 * The only caller of `acquireVsCodeApi()`. Every other webview file talks to the host through
 * this module, so tests can load the page with a stand-in API.
 */
import { PendingRequests } from '../src/core/protocol/channel';
import {
  parseHostMessage,
  type ExportOpened,
  type HostToWebview,
  type SaveResult,
  type WebviewToHost,
} from '../src/core/protocol/webviewProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = acquireVsCodeApi();

/** Sends a typed message to the host. */
export function post(message: WebviewToHost): void {
  api.postMessage(message);
}

/** The page's requests to the host that wait for a reply (today: `file/save`). */
export const hostRequests = new PendingRequests<SaveResult>();

/** The page's `export/open` requests, settled by the host's `export/opened`. */
export const exportOpenRequests = new PendingRequests<ExportOpened>();

/** Subscribes to validated host messages; malformed ones are reported to the host and dropped. */
export function onHostMessage(handler: (m: HostToWebview) => void): void {
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    const checked = parseHostMessage(e.data);
    if (checked.ok) handler(checked.message);
    else post({ type: 'log/error', message: `dropped host message: ${checked.reason}` });
  });
}

/** The UI state saved across reloads (selection, parameters, tab; never training results). */
export function loadState<T>(): T | undefined {
  return (api.getState() as T | undefined) ?? undefined;
}

export function saveState<T>(state: T): void {
  api.setState(state);
}
