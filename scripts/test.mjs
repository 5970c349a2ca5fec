#!/usr/bin/env node
// Runs every test tier, in order, and fails when any fails. No tier may silently skip:
// a tier without tests, a missing browser or a missing code-server is a failure.
// Usage: node scripts/test.mjs [unit|webview|e2e ...]   (default: all tiers, plus typecheck and lint)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const requested = process.argv.slice(2);
const tiers = requested.length ? requested : ['static', 'unit', 'webview', 'e2e'];
const results = [];
let passed = 0;
let failed = 0;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status === 0;
}

function step(name, ok) {
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) console.error(`\n✗ ${name} failed\n`);
  return ok;
}

/** Runs one folder of node:test files, reporting with `spec` to the console and TAP to a file for the counts. */
function nodeTests(tier) {
  const dir = join('out', 'test', tier);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.js')) : [];
  if (files.length === 0) return step(`${tier} tests (no test files found)`, false);
  mkdirSync('test-results', { recursive: true });
  const tap = join('test-results', `${tier}.tap`);
  const ok = run(process.execPath, [
    '--test',
    ...(tier === 'unit' ? [] : ['--test-concurrency=1']),
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.map((f) => join(dir, f)),
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  const p = count('pass');
  const f = count('fail') + count('cancelled');
  passed += p;
  failed += f;
  if (p === 0) return step(`${tier} tests (ran no test)`, false);
  return step(`${tier} tests: ${p} passed, ${f} failed`, ok && f === 0);
}

let allOk = step('build', run(process.execPath, ['scripts/build.mjs', '--tests']));
for (const tier of tiers) {
  // Without a build nothing can run; otherwise every tier runs so one report shows every failure.
  if (!results[0].startsWith('ok')) break;
  switch (tier) {
    case 'static':
      allOk = step('typecheck', run('npm', ['run', '--silent', 'typecheck'])) && allOk;
      allOk = step('lint', run('npm', ['run', '--silent', 'lint'])) && allOk;
      break;
    case 'unit':
      allOk = nodeTests('unit') && allOk;
      break;
    case 'webview':
      allOk =
        step('chromium', run(process.execPath, ['scripts/ensureChromium.mjs'])) &&
        nodeTests('webview') &&
        allOk;
      break;
    case 'e2e':
      allOk =
        step('chromium', run(process.execPath, ['scripts/ensureChromium.mjs'])) &&
        step('code-server', run(process.execPath, ['scripts/ensureCodeServer.mjs'])) &&
        nodeTests('e2e') &&
        allOk;
      break;
    default:
      allOk = step(`unknown tier ${tier}`, false);
  }
}
console.log(`\n${results.join('\n')}`);
// The one closing line CI reads, summed over every tier.
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
