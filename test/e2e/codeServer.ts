// Starting and stopping code-server for the end-to-end tier: a fresh user-data dir per
// session, the built extension copied into its own extensions dir, and the process group
// killed on close so no server, extension host or file watcher outlives the test file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root: the nearest folder above this file whose package.json is activation-lab. */
export const repoRoot: string = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === 'activation-lab'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** The paths scripts/ensureCodeServer.mjs exposes (loaded at run time, not bundled). */
interface CodeServerPaths {
  dir: string;
  node: string;
  entry: string;
}
interface EnsureCodeServerModule {
  codeServerPaths(): CodeServerPaths;
  isCodeServerInstalled(): boolean;
  codeServerVersion: string;
}

export async function loadCodeServerModule(): Promise<EnsureCodeServerModule> {
  const url = pathToFileURL(join(repoRoot, 'scripts', 'ensureCodeServer.mjs')).href;
  return (await import(url)) as EnsureCodeServerModule;
}

/** The extension folder under test: the repo, or ACTIVATION_LAB_E2E_EXTENSION (a throwaway one). */
export const extensionRoot: string = process.env.ACTIVATION_LAB_E2E_EXTENSION ?? repoRoot;

interface Manifest {
  publisher: string;
  name: string;
  version: string;
  main?: string;
}

export function readManifest(folder = extensionRoot): Manifest {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
}

/**
 * The top-level files and folders a packaged extension holds: the first path segment of each
 * `!pattern` of .vscodeignore (which starts from `**`), or a default set without one.
 */
export function packagedEntries(folder = extensionRoot): string[] {
  const ignore = join(folder, '.vscodeignore');
  if (!existsSync(ignore)) {
    return [
      'package.json',
      'package.nls.json',
      'package.nls.ja.json',
      'README.md',
      'LICENSE',
    ].concat(['CHANGELOG.md', 'dist', 'media', 'l10n', 'snippets']);
  }
  const entries = readFileSync(ignore, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1).replace(/^\//, '').split('/')[0])
    .filter((e) => e && !/[*?[]/.test(e));
  return [...new Set(['package.json', ...entries])];
}

/**
 * Installs the extension into `extensionsDir` as `<publisher>.<name>-<version>`.
 * A `.vsix` in the repo root newer than dist/extension.js is installed through code-server's
 * CLI (ACTIVATION_LAB_E2E_VSIX=0 disables that, =1 requires it, =<file.vsix> names one);
 * otherwise the built folder is copied.
 * With `webHost`, the copy's manifest loses `main` and asks for the web worker extension host
 * (`extensionKind: ["web"]`), so code-server runs the browser entry (`dist/web/extension.js`) in
 * the page, as a browser VS Code does (E2E-NOTES.md).
 * @returns how it was installed, for the test log
 */
export function installExtension(
  server: CodeServerPaths,
  extensionsDir: string,
  env: NodeJS.ProcessEnv,
  webHost = false,
): string {
  const manifest = readManifest();
  const id = `${manifest.publisher}.${manifest.name}`;
  const main = join(extensionRoot, manifest.main ?? 'dist/extension.js');
  if (!existsSync(main)) {
    throw new Error(
      `the extension is not built (${main} is missing): run \`node scripts/build.mjs\``,
    );
  }
  const vsixWanted = process.env.ACTIVATION_LAB_E2E_VSIX;
  // ACTIVATION_LAB_E2E_VSIX may also name a .vsix file anywhere.
  const vsix = vsixWanted?.endsWith('.vsix')
    ? vsixWanted
    : join(extensionRoot, `${manifest.name}-${manifest.version}.vsix`);
  const useVsix =
    !webHost &&
    (vsixWanted === '1' ||
      vsixWanted?.endsWith('.vsix') ||
      (vsixWanted !== '0' && existsSync(vsix) && statSync(vsix).mtimeMs >= statSync(main).mtimeMs));
  if (useVsix) {
    if (!existsSync(vsix)) throw new Error(`ACTIVATION_LAB_E2E_VSIX=1 but ${vsix} is missing`);
    const r = spawnSync(
      server.node,
      [server.entry, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
      { encoding: 'utf8', env },
    );
    if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stderr || r.stdout}`);
    return `${id} from ${vsix}`;
  }
  const target = join(extensionsDir, `${id}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const entry of packagedEntries()) {
    const from = join(extensionRoot, entry);
    if (existsSync(from)) cpSync(from, join(target, entry), { recursive: true });
  }
  if (!webHost) return `${id} copied from ${extensionRoot}`;
  const copied = join(target, 'package.json');
  const webManifest = JSON.parse(readFileSync(copied, 'utf8')) as Record<string, unknown>;
  if (typeof webManifest.browser !== 'string' || !existsSync(join(target, webManifest.browser))) {
    throw new Error(`the browser entry ${String(webManifest.browser)} is not built`);
  }
  delete webManifest.main;
  webManifest.extensionKind = ['web'];
  writeFileSync(copied, JSON.stringify(webManifest, null, 2));
  return `${id} copied from ${extensionRoot} for the web worker host (${webManifest.browser})`;
}

/** User settings that keep the workbench quiet and fast on a 2-core machine. */
export const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
};

/**
 * Built-in extensions that activate at start-up (on `*`, `onStartupFinished` or JSON files)
 * and that no test needs. Skipping them saves the extension host seconds of CPU on a
 * 2-core machine. The Python grammar, themes and notebooks stay enabled.
 */
export const disabledBuiltins: readonly string[] = [
  'vscode.git',
  'vscode.git-base',
  'vscode.github',
  'vscode.github-authentication',
  'vscode.merge-conflict',
  'vscode.debug-auto-launch',
  'vscode.emmet',
  'vscode.npm',
  'vscode.json-language-features',
  'vscode.typescript-language-features',
  'vscode.configuration-editing',
  'vscode.extension-editing',
  'vscode.tunnel-forwarding',
];

export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  installedAs: string;
  child: ChildProcess;
  /** Kills the whole process group (server, extension host, watchers) and waits for it. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  workspace: string;
  settings?: Record<string, unknown>;
  locale?: string;
  /** Run the browser entry in the web worker extension host (see `installExtension`). */
  webHost?: boolean;
  /** Other unpacked extension folders to install beside ours (test fixtures, e.g. a language
   * pack under test/fixtures/). */
  extraExtensions?: string[];
}

/** One entry of VS Code's `languagepacks.json` (as its `LanguagePacksCache` writes it). */
interface LanguagePackEntry {
  hash: string;
  extensions: { extensionIdentifier: { id: string }; version: string }[];
  translations: Record<string, string>;
  label: string;
}

interface LocalizationContribution {
  languageId: string;
  languageName?: string;
  localizedLanguageName?: string;
  translations: { id: string; path: string }[];
}

/** Adds the `contributes.localizations` of the extension installed at `folder`, the way VS Code's
 * `createLanguagePacksFromExtension` does (hash: md5 of each extension's id and version). */
function addLanguagePacks(packs: Record<string, LanguagePackEntry>, folder: string): void {
  const m = readManifest(folder) as Manifest & {
    contributes?: { localizations?: LocalizationContribution[] };
  };
  for (const loc of m.contributes?.localizations ?? []) {
    const id = `${m.publisher}.${m.name}`;
    const pack = (packs[loc.languageId] ??= {
      hash: '',
      extensions: [],
      translations: {},
      label: loc.localizedLanguageName ?? loc.languageName ?? loc.languageId,
    });
    pack.extensions.push({ extensionIdentifier: { id }, version: m.version });
    for (const t of loc.translations) pack.translations[t.id] = join(folder, t.path);
    const hash = createHash('md5');
    for (const e of pack.extensions) hash.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = hash.digest('hex');
  }
}

/** Starts code-server and resolves once it answers /healthz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const mod = await loadCodeServerModule();
  if (!mod.isCodeServerInstalled()) {
    throw new Error('code-server is not installed: run `node scripts/ensureCodeServer.mjs`');
  }
  const server = mod.codeServerPaths();
  const runDir = mkdtempSync(join(tmpdir(), 'activation-lab-e2e-'));
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...options.settings }, null, 2),
  );
  // code-server keeps config.yaml and its own state under the XDG folders: keep them per run.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
    // Read by the VS Code server when it scans its built-in extensions.
    VSCODE_SKIP_BUILTIN_EXTENSIONS: disabledBuiltins.join(','),
  };
  delete env.PORT;
  const installedAs = installExtension(server, extensionsDir, env, options.webHost);
  const languagePacks: Record<string, LanguagePackEntry> = {};
  for (const folder of options.extraExtensions ?? []) {
    const m = readManifest(folder);
    const target = join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`);
    cpSync(folder, target, { recursive: true });
    addLanguagePacks(languagePacks, target);
  }
  // VS Code resolves a display language through `<user-data>/languagepacks.json`, which its
  // language-pack service writes when a pack is installed through the running workbench (not for
  // a folder placed in the extensions dir, nor by `--install-extension`): write the same entries.
  if (Object.keys(languagePacks).length > 0)
    writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks));
  const port = await findFreePort();
  const logFile = join(runDir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    server.entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    // A run killed with SIGKILL cannot clean up: with no browser connected for 3 minutes
    // (60 s of heartbeat, then this), the orphaned server exits by itself.
    '--idle-timeout-seconds',
    '120',
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
    ...(options.locale ? ['--locale', options.locale] : []),
    options.workspace,
  ];
  // detached: its own process group, so stop() reaches every child it forks.
  const child = spawn(server.node, args, { env, detached: true, stdio: ['ignore', out, out] });
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const onExit = (): void => killGroup('SIGKILL');
  // A test run stopped by Ctrl+C or a runner's SIGTERM must not leave the server behind.
  const onSignal = (signal: NodeJS.Signals): void => {
    killGroup('SIGKILL');
    if (!process.env.ACTIVATION_LAB_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    killGroup('SIGTERM');
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), 5000)),
    ]);
    // The server's children can outlive it briefly: always sweep the group.
    killGroup(timedOut ? 'SIGKILL' : 'SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    killGroup('SIGKILL');
  };
  try {
    await waitForHealth(url, child, logFile, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, runDir, userDataDir, extensionsDir, logFile, installedAs, child, stop };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      throw new Error(
        `code-server exited (${child.exitCode ?? child.signalCode}) before answering:\n${tail}`,
      );
    }
    try {
      const res = await fetch(`${url}healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `code-server did not answer ${url}healthz within ${timeoutMs / 1000} s (log: ${logFile})`,
  );
}

/** Copies the server's logs (extension host, output channels) next to the screenshots. */
export function keepLogs(server: RunningServer, into: string): void {
  mkdirSync(into, { recursive: true });
  if (existsSync(server.logFile)) cpSync(server.logFile, join(into, 'code-server.log'));
  const logs = join(server.userDataDir, 'logs');
  if (existsSync(logs)) cpSync(logs, join(into, 'logs'), { recursive: true });
}

export function removeRunDir(server: RunningServer): void {
  if (process.env.ACTIVATION_LAB_E2E_KEEP) return;
  rmSync(server.runDir, { recursive: true, force: true });
}
