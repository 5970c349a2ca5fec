#!/usr/bin/env node
// Runs every benchmark (bench/*.bench.ts, bundled to out/bench) and reports the bundle sizes.
// Benchmarks measure; they never fail on a target. Targets are printed next to the figures.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const only = process.argv.slice(2);
const b = spawnSync(process.execPath, ['scripts/build.mjs', '--bench'], { stdio: 'inherit' });
if (b.status !== 0) process.exit(1);

const kb = (f) => (existsSync(f) ? (statSync(f).size / 1024).toFixed(1) : 'missing');
const chunks = existsSync('dist/chunks')
  ? readdirSync('dist/chunks').filter((f) => f.endsWith('.js'))
  : [];
console.log('\n## Bundle sizes (minified)');
console.log(`dist/extension.js      ${kb('dist/extension.js')} KB   (target ≤ 300 KB)`);
console.log(`dist/web/extension.js  ${kb('dist/web/extension.js')} KB`);
console.log(
  `dist/webview.js        ${kb('dist/webview.js')} KB   (initial webview bundle, target ≤ 600 KB)`,
);
for (const c of chunks)
  console.log(`dist/chunks/${c}  ${kb(join('dist/chunks', c))} KB   (loaded on first use)`);
console.log(`dist/core.js           ${kb('dist/core.js')} KB   (unminified, for Node tools)`);

const files = existsSync('out/bench')
  ? readdirSync('out/bench').filter((f) => f.endsWith('.bench.js'))
  : [];
let failed = false;
for (const f of files) {
  if (only.length && !only.some((o) => f.includes(o))) continue;
  console.log(`\n## ${f.replace('.bench.js', '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', join('out/bench', f)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
