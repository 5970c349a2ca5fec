#!/usr/bin/env node
// Installs code-server (VS Code's workbench and extension host served to a browser) into a
// cache folder, with the Node 24 it requires taken from npm. See ../E2E notes in the README.
//
// Layout (root = $ACTIVATION_LAB_CACHE or ~/.cache/activation-lab):
//   <root>/code-server-4.139.1/package.json     allowScripts for code-server's postinstall
//   <root>/code-server-4.139.1/node/            the unpacked node-<platform>-<arch>@24 package
//   <root>/code-server-4.139.1/node_modules/code-server/
//   <root>/code-server-4.139.1/installed.json   marker written last; a second run stops here
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, delimiter } from 'node:path';
import { pathToFileURL } from 'node:url';

export const codeServerVersion = '4.139.1';
const nodeMajor = '24';

/** The cache root shared by every Activation Lab script. */
export function cacheRoot() {
  return process.env.ACTIVATION_LAB_CACHE || join(homedir(), '.cache', 'activation-lab');
}

/** The folder code-server is installed in. */
export function codeServerDir(root = cacheRoot()) {
  return join(root, `code-server-${codeServerVersion}`);
}

/**
 * The paths of an installed code-server: run `node entry` (never the bin shim, whose
 * `#!/usr/bin/env node` would pick the system Node 20).
 * @returns {{ dir: string, node: string, entry: string, marker: string }}
 */
export function codeServerPaths(root = cacheRoot()) {
  const dir = codeServerDir(root);
  const nodeExe = process.platform === 'win32' ? 'node.exe' : join('bin', 'node');
  return {
    dir,
    node: join(dir, 'node', nodeExe),
    entry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: join(dir, 'installed.json'),
  };
}

/** True when a previous run finished (marker present and the files it names exist). */
export function isCodeServerInstalled(root = cacheRoot()) {
  const paths = codeServerPaths(root);
  return existsSync(paths.marker) && existsSync(paths.node) && existsSync(paths.entry);
}

function npmNodePackage() {
  const os = { linux: 'linux', darwin: 'darwin' }[process.platform];
  const cpu = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!os || !cpu) {
    throw new Error(
      `code-server from npm is supported here on linux/darwin x64/arm64, not ${process.platform}/${process.arch}`,
    );
  }
  return `node-${os}-${cpu}@${nodeMajor}`;
}

function run(command, args, options, what) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
  return result;
}

function ensureKrb5(log) {
  // Only Debian-like Linux needs the package; macOS ships the GSSAPI headers.
  if (process.platform !== 'linux' || !existsSync('/usr/bin/dpkg')) return;
  const status = spawnSync('dpkg', ['-s', 'libkrb5-dev'], { encoding: 'utf8' });
  if (status.status === 0 && /Status: install ok installed/.test(status.stdout)) {
    log('libkrb5-dev is installed');
    return;
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : ['sudo'];
  const apt = [...sudo, 'apt-get', '-o', 'DPkg::Lock::Timeout=300'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log('installing libkrb5-dev (needed to build the kerberos native module)');
  run(apt[0], [...apt.slice(1), 'update'], { env }, 'apt-get update');
  run(
    apt[0],
    [...apt.slice(1), 'install', '-y', 'libkrb5-dev'],
    { env },
    'apt-get install libkrb5-dev',
  );
}

function ensureNode(dir, log) {
  const nodeDir = join(dir, 'node');
  const { node } = codeServerPaths(join(dir, '..'));
  if (existsSync(node)) {
    const v = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (v.startsWith(`v${nodeMajor}.`)) {
      log(`Node ${v} found in ${nodeDir}`);
      return v;
    }
  }
  const spec = npmNodePackage();
  log(`fetching ${spec} from npm`);
  rmSync(nodeDir, { recursive: true, force: true });
  const packed = spawnSync('npm', ['pack', spec, '--json', '--pack-destination', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (packed.status !== 0) throw new Error(`npm pack ${spec} failed (exit ${packed.status})`);
  const [{ filename }] = JSON.parse(packed.stdout);
  const tarball = join(dir, filename);
  mkdirSync(nodeDir, { recursive: true });
  run('tar', ['xzf', tarball, '-C', nodeDir, '--strip-components=1'], {}, `unpacking ${filename}`);
  rmSync(tarball, { force: true });
  if (!existsSync(node)) throw new Error(`${spec} did not contain ${node}`);
  const v = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  log(`Node ${v} unpacked in ${nodeDir}`);
  return v;
}

/**
 * Installs code-server once; later calls return at once.
 * @param {{ root?: string, log?: (line: string) => void }} [options]
 * @returns {{ dir: string, node: string, entry: string, marker: string, seconds: number }}
 * @throws {Error} with a one-line message on failure
 */
export function ensureCodeServer({
  root = cacheRoot(),
  log = (line) => console.log(`[code-server] ${line}`),
} = {}) {
  const started = Date.now();
  const paths = codeServerPaths(root);
  if (isCodeServerInstalled(root)) {
    log(`code-server ${codeServerVersion} already installed in ${paths.dir}`);
    return { ...paths, seconds: 0 };
  }
  log(`installing code-server ${codeServerVersion} into ${paths.dir} (a few minutes, once)`);
  mkdirSync(paths.dir, { recursive: true });
  ensureKrb5(log);
  const nodeVersion = ensureNode(paths.dir, log);

  // npm 11 blocks dependency install scripts unless package.json#allowScripts approves them.
  // code-server's postinstall then runs `npm install` in lib/vscode and lib/vscode/extensions.
  writeFileSync(
    join(paths.dir, 'package.json'),
    JSON.stringify(
      {
        name: 'activation-lab-code-server-cache',
        private: true,
        description:
          'code-server for Activation Lab tests, installed by scripts/ensureCodeServer.mjs',
        // argon2 (password hashing) ships prebuilt binaries picked by its install script.
        allowScripts: { [`code-server@${codeServerVersion}`]: true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  // Under `npm test` the environment carries the outer npm's settings (npm_node_execpath,
  // npm_config_*, …) pointing at Node 20; the nested npm would run code-server's postinstall
  // with them and fail its Node 24 check. Start it from a clean npm environment.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_|NODE$|INIT_CWD$)/i.test(k)),
  );
  const env = {
    ...inherited,
    PATH: `${join(paths.dir, 'node', 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    // node-gyp builds against these headers instead of downloading them.
    npm_config_nodedir: join(paths.dir, 'node'),
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  log('npm install code-server (its postinstall builds native modules with node-gyp)');
  rmSync(join(paths.dir, 'node_modules'), { recursive: true, force: true });
  rmSync(join(paths.dir, 'package-lock.json'), { force: true });
  run(
    'npm',
    ['install', '--no-save', '--omit=dev', `code-server@${codeServerVersion}`],
    { cwd: paths.dir, env },
    'npm install code-server',
  );
  // lib/vscode's own package.json approves its native modules (pinned allowScripts), so the
  // nested install builds them; check one so a blocked script fails here, not at start-up.
  const spdlog = join(
    paths.dir,
    'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  );
  if (!existsSync(spdlog)) {
    throw new Error(`native modules were not built (missing ${spdlog}); see the npm output above`);
  }
  if (!existsSync(paths.entry))
    throw new Error(`code-server installed but ${paths.entry} is missing`);
  // code-server writes a default config.yaml under XDG_CONFIG_HOME: keep it in the cache.
  const probe = spawnSync(paths.node, [paths.entry, '--version'], {
    encoding: 'utf8',
    env: { ...env, XDG_CONFIG_HOME: join(paths.dir, 'config') },
  });
  if (probe.status !== 0) {
    throw new Error(
      `code-server --version failed: ${(probe.stderr || probe.stdout).trim().split('\n')[0]}`,
    );
  }
  const version = probe.stdout.trim().split('\n').pop();
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    paths.marker,
    JSON.stringify(
      {
        codeServer: codeServerVersion,
        node: nodeVersion,
        platform: process.platform,
        arch: process.arch,
        seconds,
        installedAt: new Date().toISOString(),
      },
      null,
      2,
    ) + '\n',
  );
  log(`code-server ${version} ready in ${seconds} s`);
  return { ...paths, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureCodeServer();
  } catch (error) {
    console.error(`ensureCodeServer: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
