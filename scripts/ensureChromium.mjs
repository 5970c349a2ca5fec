#!/usr/bin/env node
// Makes sure Debian's Chromium is installed at /usr/bin/chromium, the browser that
// playwright-core drives in the webview and end-to-end tiers. It never downloads a
// browser from anywhere but apt: `npx playwright install` cannot reach its servers here.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Where the tests expect the browser. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** A font with Japanese glyphs, from Debian's fonts-ipafont-gothic. */
const JAPANESE_FONT = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf';

/**
 * Installs Chromium through apt when it is missing.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {string} the path of the Chromium executable
 * @throws {Error} with a one-line message when it cannot be installed
 */
export function ensureChromium({ log = (line) => console.log(`[chromium] ${line}`) } = {}) {
  // Screenshots of the Japanese UI need a Japanese font; Debian's Chromium brings none.
  const packages = [
    ...(existsSync(chromiumPath) ? [] : ['chromium']),
    ...(existsSync(JAPANESE_FONT) ? [] : ['fonts-ipafont-gothic']),
  ];
  if (packages.length === 0) {
    log(`found ${chromiumPath}`);
    return chromiumPath;
  }
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    if (existsSync(chromiumPath)) {
      log(`found ${chromiumPath} (no Japanese font: Japanese screenshots show boxes)`);
      return chromiumPath;
    }
    throw new Error(
      `Chromium is missing at ${chromiumPath} and apt-get is not available: install Chromium ` +
        'and set CHROMIUM_PATH to its executable',
    );
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : ['sudo'];
  if (!asRoot) log('not root: using sudo for apt-get');
  // Waiting for the dpkg lock keeps two engineers' concurrent installs from failing.
  const apt = [...sudo, 'apt-get', '-o', 'DPkg::Lock::Timeout=300'];
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    log(`running: ${[...apt, ...args].join(' ')}`);
    const result = spawnSync(apt[0], [...apt.slice(1), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      throw new Error(
        `apt-get ${args[0]} failed (exit ${result.status ?? result.signal}); ` +
          'install Chromium with `apt-get install -y chromium` as root',
      );
    }
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`apt-get installed chromium but ${chromiumPath} is still missing`);
  }
  log(`installed ${chromiumPath}`);
  return chromiumPath;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureChromium();
  } catch (error) {
    console.error(`ensureChromium: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
