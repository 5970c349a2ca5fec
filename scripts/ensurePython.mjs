#!/usr/bin/env node
// Makes sure Debian's Python 3 has the packages the export tests run the exported code with:
// `python3-numpy` always, `python3-torch` with --torch. Only apt is used (pip cannot reach its
// index here), and only Debian's interpreter /usr/bin/python3, whose packages apt manages.
// Usage: node scripts/ensurePython.mjs [--torch]
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The interpreter the export tests run. */
export const pythonPath = process.env.ACTIVATION_LAB_PYTHON || '/usr/bin/python3';

/** Python module → Debian package. */
const PACKAGES = { numpy: 'python3-numpy', torch: 'python3-torch' };

/** True if `module` imports under `pythonPath`. */
export function hasModule(module) {
  if (!existsSync(pythonPath)) return false;
  return spawnSync(pythonPath, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs the Debian packages of the missing modules.
 * @param {('numpy' | 'torch')[]} modules
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {{ python: string, seconds: number }} the interpreter and how long apt took
 * @throws {Error} with a one-line message when they cannot be installed
 */
export function ensurePython(modules, { log = (l) => console.log(`[python] ${l}`) } = {}) {
  const missing = modules.filter((m) => !hasModule(m));
  const wanted = [
    ...(existsSync(pythonPath) ? [] : ['python3']),
    ...missing.map((m) => PACKAGES[m]),
  ];
  if (wanted.length === 0) {
    log(`found ${modules.join(', ')} for ${pythonPath}`);
    return { python: pythonPath, seconds: 0 };
  }
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${wanted.join(', ')} missing and apt-get is not available`);
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = [...(asRoot ? [] : ['sudo']), 'apt-get', '-o', 'DPkg::Lock::Timeout=300'];
  const t0 = Date.now();
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...wanted]]) {
    log(`running: ${[...apt, ...args].join(' ')}`);
    const r = spawnSync(apt[0], [...apt.slice(1), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${r.status ?? r.signal})`);
  }
  const seconds = (Date.now() - t0) / 1000;
  const still = modules.filter((m) => !hasModule(m));
  if (still.length) throw new Error(`apt-get ran but ${still.join(', ')} still does not import`);
  log(`installed ${wanted.join(', ')} in ${seconds.toFixed(0)} s`);
  return { python: pythonPath, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensurePython(process.argv.includes('--torch') ? ['numpy', 'torch'] : ['numpy']);
  } catch (error) {
    console.error(`ensurePython: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
