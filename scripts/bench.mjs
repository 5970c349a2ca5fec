#!/usr/bin/env node
// Runs every benchmark (bench/*.bench.ts, bundled to out/bench) and reports the bundle sizes.
// Benchmarks measure; they never fail on a target. Targets are printed next to the figures.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const only = process.argv.slice(2);
const b = spawnSync(process.execPath, ['scripts/build.mjs', '--bench'], { stdio: 'inherit' });
if (b.status !== 0) process.exit(1);

const kb = (f) => (existsSync(f) ? (statSync(f).size / 1024).toFixed(1) : 'missing');

/** The bytes a page loads before any `import()`: an entry and its static imports, transitively. */
function initialBytes(metaFile, entry) {
  if (!existsSync(metaFile)) return undefined;
  const outputs = JSON.parse(readFileSync(metaFile, 'utf8')).outputs;
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !outputs[f]) return;
    seen.add(f);
    for (const i of outputs[f].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  let bytes = 0;
  for (const f of seen) bytes += outputs[f].bytes;
  return { bytes, files: seen.size };
}

console.log('\n## Bundle sizes (minified)');
console.log(`dist/extension.js      ${kb('dist/extension.js')} KB   (target ≤ 300 KB)`);
console.log(`dist/web/extension.js  ${kb('dist/web/extension.js')} KB`);
const initial = initialBytes('out/meta/webview.json', 'dist/webview.js');
if (initial) {
  console.log(
    `webview initial        ${(initial.bytes / 1024).toFixed(1)} KB   (webview.js + ${initial.files - 1} statically imported chunk(s); target ≤ 600 KB)`,
  );
}
const chunks = existsSync('dist/chunks')
  ? readdirSync('dist/chunks').filter((f) => f.endsWith('.js'))
  : [];
for (const c of chunks) console.log(`dist/chunks/${c}  ${kb(join('dist/chunks', c))} KB`);
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
// Figures only a real workbench can give, written by the last end-to-end run (npm run test:e2e).
const e2e = 'test-results/e2e/metrics.json';
if (existsSync(e2e)) {
  const m = JSON.parse(readFileSync(e2e, 'utf8'));
  console.log(
    `\n## From the last end-to-end run in code-server (${statSync(e2e).mtime.toISOString()})`,
  );
  console.log(`activate() entry to return     ${m.activateMs ?? '—'} ms   (target ≤ 20 ms)`);
  console.log(
    `playground first chart         ${m.playgroundFirstChartMs ?? '—'} ms after the command, first webview of the browser profile; ${m.playgroundReopenChartMs ?? '—'} ms when opened again   (target ≤ 1000 ms; medians: playgroundOpen above)`,
  );
} else {
  console.log(
    '\n(no end-to-end figures yet: run `npm run test:e2e` for activation time and first paint)',
  );
}
process.exit(failed ? 1 : 0);
