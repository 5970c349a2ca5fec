/** Inputs of the playground page: where its assets live and what the CSP allows. */
export interface PageAssets {
  /** The webview's `cspSource` (origin of `asWebviewUri` URIs). */
  cspSource: string;
  /** Fresh per render. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  lang: 'en' | 'ja';
}

/**
 * The playground page, shared by the host and the Chromium tests so both load the very same
 * markup and CSP: `default-src 'none'`, scripts only with the nonce or from the extension's
 * `dist`, no `unsafe-eval`, no inline script, workers only from `blob:`.
 */
export function playgroundHtml(a: PageAssets): string {
  return `<!DOCTYPE html>
<html lang="${a.lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${playgroundCsp(a.cspSource, a.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a.styleUri}" nonce="${a.nonce}">
<title>Activation Lab</title>
</head>
<body>
<div id="app"></div>
<script type="module" nonce="${a.nonce}" src="${a.scriptUri}"></script>
</body>
</html>`;
}

/** The Content-Security-Policy of the playground page. */
export function playgroundCsp(cspSource: string, nonce: string): string {
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
