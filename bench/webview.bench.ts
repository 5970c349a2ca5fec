/**
 * The playground webview's figures: the initial bundle (webview.js plus the chunks it imports
 * statically, i.e. what loads before the first chart) against the 600 KB budget, the lazy chunks,
 * and the in-browser timings the Chromium tier measured with performance marks
 * (test-results/webview/metrics.json, written by `npm run test:webview`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const dist = join(root, 'dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Files loaded by `import … from` (static) from a built ES module, recursively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // Minified esbuild output: `import{a as b}from"./chunks/chunk-X.js"` or `import"./x.js"`.
  for (const m of text.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+\.js)["']/g)) {
    staticClosure(resolve(dirname(file), m[1]), seen);
  }
  return seen;
}

function bundles(): void {
  const entry = join(dist, 'webview.js');
  if (!existsSync(entry)) {
    console.log('dist/webview.js is missing: run `npm run build` first');
    return;
  }
  const initial = staticClosure(entry);
  const total = [...initial].reduce((s, f) => s + statSync(f).size, 0);
  console.log('| initial webview JS | size |');
  console.log('| --- | --- |');
  for (const f of initial) console.log(`| ${f.slice(root.length + 1)} | ${kb(statSync(f).size)} |`);
  console.log(
    `| **total before the first chart** | **${kb(total)}** (budget 600 KB: ${total <= 600 * 1024 ? 'within' : 'OVER'}) |`,
  );
  const css = join(dist, 'webview.css');
  if (existsSync(css)) console.log(`| dist/webview.css (not JS) | ${kb(statSync(css).size)} |`);
}

function timings(): void {
  const file = join(root, 'test-results', 'webview', 'metrics.json');
  if (!existsSync(file)) {
    console.log(
      '\nNo in-browser timings yet: run `npm run test:webview` (it writes test-results/webview/metrics.json).',
    );
    return;
  }
  const m = JSON.parse(readFileSync(file, 'utf8')) as {
    measuredAt: string;
    browser: string;
    curves: number;
    pointsPerCurve: number;
    series: string;
    paramRedrawMs: Record<string, number>;
    chartUpdateMs: Record<string, number>;
    samplingAndDomMs: Record<string, number>;
    firstChartMs: number;
    roundMediansMs?: number[];
    loadAverage?: number[];
  };
  const r = m.paramRedrawMs;
  const u = m.chartUpdateMs;
  console.log(
    `\nIn-browser timings (${m.browser}, measured ${m.measuredAt}; ${m.curves} curves × ${m.pointsPerCurve} points, ${m.series}${m.loadAverage ? `; machine load average ${m.loadAverage.join(', ')}` : ''})`,
  );
  console.log('| what | median | p95 | min | max | runs | target |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| parameter change → redrawn chart | ${r.median} ms | ${r.p95} ms | ${r.min} ms | ${r.max} ms | ${r.runs} | ≤ 16 ms median |`,
  );
  console.log(
    `| of which chart.update('none') | ${u.median} ms | ${u.p95} ms | ${u.min} ms | ${u.max} ms | ${u.runs} | |`,
  );
  console.log(
    `| of which sampling, read-out, legend | ${m.samplingAndDomMs.median} ms | | | | | |`,
  );
  if (m.roundMediansMs)
    console.log(
      `| medians of the rounds run (the best counts) | ${m.roundMediansMs.join(' ms, ')} ms | | | | | |`,
    );
  console.log(
    `| first chart painted after navigation start | ${m.firstChartMs} ms | | | | 1 | ≤ 1 s (in code-server, from the command) |`,
  );
}

/** Click latency and pause acknowledgement during a six-way race (`trainRobustness.test.ts`). */
function raceLatency(): void {
  const file = join(root, 'test-results', 'webview', 'metrics-training.json');
  const m = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as {
        raceClickLatencyMs?: Stat;
        racePauseAckMs?: Stat;
        raceLatencySetup?: string;
        raceLatencyLoadAverage?: number[];
      })
    : {};
  if (!m.raceClickLatencyMs || !m.racePauseAckMs) {
    console.log(
      '\nNo race click latency yet: run `node --test out/test/webview/trainRobustness.test.js` (or `npm run test:webview`).',
    );
    return;
  }
  const load = m.raceLatencyLoadAverage
    ? `; machine load average ${m.raceLatencyLoadAverage.map((x) => x.toFixed(2)).join(', ')}`
    : '';
  console.log(`\nClick latency while a six-way race trains (${m.raceLatencySetup ?? ''}${load})`);
  console.log('| what | median | p95 | max | clicks | target |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const row = (what: string, s: Stat, target: string) =>
    console.log(`| ${what} | ${s.median} ms | ${s.p95} ms | ${s.max} ms | ${s.n} | ${target} |`);
  row('click → next frame painted', m.raceClickLatencyMs, '≤ 50 ms p95');
  row('Pause → the worker reports paused', m.racePauseAckMs, '');
}

/** What a hidden panel keeps with retainContextWhenHidden (`train.test.ts`, the JS heap test). */
function hiddenPanelMemory(): void {
  const file = join(root, 'test-results', 'webview', 'metrics-training.json');
  const m = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { hiddenPanelMemory?: Record<string, number> })
        .hiddenPanelMemory
    : undefined;
  if (!m) {
    console.log(
      '\nNo hidden-panel memory yet: run `node --test out/test/webview/train.test.js` (or `npm run test:webview`).',
    );
    return;
  }
  console.log(
    `\nMemory a hidden playground keeps (retainContextWhenHidden; JS heap after a full GC unless "peak"; measured ${m.measuredAt})`,
  );
  console.log('| state | page heap | worker heap | DOM nodes |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| idle, Graphs tab | ${m.idleGraphsHeapMB} MB | — (no worker) | ${m.idleGraphsDomNodes} |`,
  );
  console.log(`| idle, training tab open | ${m.idleTrainingTabHeapMB} MB | — (no worker) | |`);
  console.log(
    `| six-way race | ${m.raceHeapAfterGcMB} MB (peak ${m.raceHeapPeakMB} MB) | peak ${m.raceWorkerHeapPeakMB} MB | ${m.raceDomNodes} |`,
  );
}

interface Stat {
  n: number;
  median: number;
  p95: number;
  max: number;
}

bundles();
timings();
raceLatency();
hiddenPanelMemory();
