import type { PageInit } from './protocol/webviewProtocol';

/** Inputs of the playground page: where its assets live, what the CSP allows, what it starts from. */
export interface PageAssets {
  /** The webview's `cspSource` (origin of `asWebviewUri` URIs). */
  cspSource: string;
  /** Fresh per render. */
  nonce: string;
  scriptUri: string;
  /** The chunks `scriptUri` imports statically, fetched in parallel with it (`modulepreload`). */
  preloadUris: readonly string[];
  styleUri: string;
  /** Embedded as a JSON data block (never executed), so the page starts without asking the host. */
  init: PageInit;
}

/**
 * The playground page, shared by the host and the Chromium tests so both load the very same
 * markup and CSP: `default-src 'none'`, scripts only with the nonce or from the extension's
 * `dist`, no `unsafe-eval`, no inline script, workers only from `blob:`.
 */
export function playgroundHtml(a: PageAssets): string {
  const preloads = a.preloadUris
    .map((u) => `<link rel="modulepreload" href="${u}" nonce="${a.nonce}">\n`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${a.init.locale}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${playgroundCsp(a.cspSource, a.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a.styleUri}" nonce="${a.nonce}">
${preloads}<title>Activation Lab</title>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="al-init">${jsonForHtml(a.init)}</script>
<script type="module" nonce="${a.nonce}" src="${a.scriptUri}"></script>
</body>
</html>`;
}

/** The Content-Security-Policy of the playground page. */
function playgroundCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}' ${cspSource}`,
    `connect-src ${cspSource}`,
    'worker-src blob:',
  ].join('; ');
}

/**
 * JSON that is safe inside a `<script>` data block: `<` is escaped, so no string (a locale
 * text, a parameter name) can close the element early.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
