#!/usr/bin/env node
// Makes sure Debian's Python 3 has the packages the export tests run the exported code with:
// `python3-numpy` always, `python3-torch` with --torch. Only apt is used (pip cannot reach its
// index here), and only Debian's interpreter /usr/bin/python3, whose packages apt manages.
// With --jax: a virtual environment with JAX and Keras 3 (JAX backend) built from a folder of
// wheels on this machine ($ACTIVATION_LAB_WHEELS, default /opt/pypi/files), never the network;
// Debian packages neither. Without such wheels it says so and exits 2.
// Usage: node scripts/ensurePython.mjs [--torch] [--jax]
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
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

/** Where the wheels for the JAX environment are looked for. */
const wheelDir = process.env.ACTIVATION_LAB_WHEELS || '/opt/pypi/files';
/** The JAX environment (under the same cache root as code-server's). */
const jaxEnv = join(
  process.env.ACTIVATION_LAB_CACHE || join(homedir(), '.cache', 'activation-lab'),
  'python-jax',
);
/** The JAX environment's interpreter. */
export const jaxPythonPath = join(jaxEnv, 'bin', 'python');
const JAX_CHECK = 'import jax, keras; assert keras.backend.backend() == "jax"';

function jaxReady() {
  if (!existsSync(jaxPythonPath)) return false;
  const env = { ...process.env, KERAS_BACKEND: 'jax' };
  return spawnSync(jaxPythonPath, ['-c', JAX_CHECK], { stdio: 'ignore', env }).status === 0;
}

/**
 * A Python with JAX and Keras 3 (run it with KERAS_BACKEND=jax), made once from the local wheels.
 * @returns {{ python: string } | { missing: string }} the interpreter, or why there is none
 */
export function ensureJaxPython({ log = (l) => console.log(`[python] ${l}`) } = {}) {
  if (jaxReady()) return { python: jaxPythonPath };
  const wheels = existsSync(wheelDir) ? readdirSync(wheelDir) : [];
  const has = (name) => wheels.some((f) => f.startsWith(`${name}-`) && f.endsWith('.whl'));
  const lacking = ['jax', 'jaxlib', 'keras'].filter((n) => !has(n));
  if (lacking.length) return { missing: `no ${lacking.join(', ')} wheel in ${wheelDir}` };
  const base = ['python3.11', 'python3', '/usr/bin/python3'].find(
    (p) => spawnSync(p, ['-c', 'import venv, ensurepip'], { stdio: 'ignore' }).status === 0,
  );
  if (!base) return { missing: 'no Python with venv and ensurepip to build the environment' };
  rmSync(jaxEnv, { recursive: true, force: true });
  const t0 = Date.now();
  log(`building ${jaxEnv} from ${wheelDir}`);
  const steps = [
    [base, ['-m', 'venv', jaxEnv]],
    [
      jaxPythonPath,
      [
        '-m',
        'pip',
        'install',
        '-q',
        '--no-index',
        '--find-links',
        wheelDir,
        'jax',
        'jaxlib',
        'keras',
      ],
    ],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) return { missing: `${cmd} ${args.slice(0, 3).join(' ')} failed` };
  }
  if (!jaxReady()) return { missing: 'JAX or Keras does not import in the new environment' };
  log(`JAX and Keras installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return { python: jaxPythonPath };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensurePython(process.argv.includes('--torch') ? ['numpy', 'torch'] : ['numpy']);
  } catch (error) {
    console.error(`ensurePython: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (process.argv.includes('--jax')) {
    const r = ensureJaxPython();
    if ('missing' in r) {
      console.error(`ensurePython: JAX and Keras not available: ${r.missing}`);
      process.exit(2);
    }
    console.log(`[python] jax: ${r.python}`);
  }
}
