#!/usr/bin/env node
// `npm start`: builds the extension and serves it in a browser-based VS Code (code-server) on
// 127.0.0.1 with the examples/ workspace open, then waits in the foreground until Ctrl+C.
//
// The extension is linked (not copied) into a persistent dev extensions dir, so after
// `npm run watch` rebuilds it, "Developer: Reload Window" in the browser picks the change up.
// Environment: PORT (default 8080, or the next free port), ACTIVATION_LAB_CACHE.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, codeServerVersion, ensureCodeServer } from './ensureCodeServer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = '127.0.0.1';

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

/** Resolves true when nothing listens on host:port. */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function choosePort() {
  const wanted = Number(process.env.PORT || 8080);
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535)
    fail(`PORT=${process.env.PORT} is not a port`);
  for (let port = wanted; port < wanted + 50 && port <= 65535; port++) {
    if (await isFree(port)) return port;
    console.log(`[start] port ${port} is busy, trying ${port + 1}`);
  }
  fail(`no free port in ${wanted}..${wanted + 49}`);
}

/** Links the repo into the dev extensions dir as <publisher>.<name>-<version>, dropping older links. */
function linkExtension(extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const folder = `${id}-${manifest.version}`;
  mkdirSync(extensionsDir, { recursive: true });
  const link = join(extensionsDir, folder);
  for (const entry of readdirSync(extensionsDir)) {
    if (!entry.startsWith(`${id}-`)) continue;
    const path = join(extensionsDir, entry);
    // Unlink a link (never recurse into the repo it points at); remove a copied folder.
    if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
    else rmSync(path, { recursive: true, force: true });
  }
  // VS Code lists installed extensions in extensions.json and loads only those. When ours is
  // not listed at this version, remove the file: VS Code then rescans every folder of the
  // dir (as on the first start), so extensions installed through the UI stay installed.
  const registry = join(extensionsDir, 'extensions.json');
  if (existsSync(registry)) {
    let listed = false;
    try {
      const list = JSON.parse(readFileSync(registry, 'utf8'));
      listed = list.some(
        (e) =>
          e?.identifier?.id?.toLowerCase() === id.toLowerCase() && e.version === manifest.version,
      );
    } catch {
      // Unreadable: rebuild it.
    }
    if (!listed) rmSync(registry, { force: true });
  }
  symlinkSync(root, link, 'dir');
  return folder;
}

function writeDefaultSettings(userDataDir) {
  const file = join(userDataDir, 'User', 'settings.json');
  if (existsSync(file)) return; // The person's own changes win from the second start on.
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
  };
  writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

async function waitForHealth(url, child, logFile) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      fail(`code-server exited (${child.exitCode}) before it answered:\n${tail}`);
    }
    try {
      if ((await fetch(`${url}healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  fail(`code-server did not answer within 90 s; see ${logFile}`);
}

async function main() {
  let server;
  try {
    server = ensureCodeServer();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  console.log('[start] building the extension (node scripts/build.mjs)');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) fail('the build failed (see above)');

  const devDir = join(cacheRoot(), 'dev');
  const userDataDir = join(devDir, 'user-data');
  const extensionsDir = join(devDir, 'extensions');
  writeDefaultSettings(userDataDir);
  const folder = linkExtension(extensionsDir);
  console.log(`[start] extension linked as ${join(extensionsDir, folder)}`);

  const workspace = join(root, 'examples');
  const port = await choosePort();
  const logFile = join(devDir, 'code-server.log');
  const out = openSync(logFile, 'w');
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(devDir, 'xdg-config'),
    XDG_DATA_HOME: join(devDir, 'xdg-data'),
  };
  delete env.PORT;
  const args = [
    server.entry,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir',
    extensionsDir,
    '--user-data-dir',
    userDataDir,
    workspace,
  ];
  // Its own process group: Ctrl+C reaches this script, which stops the whole group.
  const child = spawn(server.node, args, { env, detached: true, stdio: ['ignore', out, out] });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping code-server`);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      process.exit(0);
    }, 3000).unref();
  };
  process.on('SIGINT', () => stop('Ctrl+C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  child.on('exit', (code, signal) => {
    if (stopping) {
      // Sweep children that outlived the server, then leave.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is empty.
      }
      process.exit(0);
    }
    fail(`code-server exited (${code ?? signal}); see ${logFile}`);
  });

  const base = `http://${host}:${port}/`;
  await waitForHealth(base, child, logFile);
  // The web workbench opens `payload` openFile URIs; the remote authority is host:port.
  const file = `vscode-remote://${host}:${port}${join(workspace, 'torch_model.py')}`;
  const url =
    `${base}?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify([['openFile', file]]))}`;
  const line = '─'.repeat(72);
  console.log(`\n${line}`);
  console.log(`  Activation Lab in VS Code (code-server ${codeServerVersion}) is running. Open:\n`);
  console.log(`    ${url}\n`);
  console.log(`  (or ${base} for the last opened folder). Hover nn.ReLU in torch_model.py, or run`);
  console.log('  "Activation Lab: Open Playground" from the command palette (F1).');
  console.log(`  Server log: ${logFile}`);
  console.log('  Press Ctrl+C to stop.');
  console.log(`${line}\n`);
}

main();
