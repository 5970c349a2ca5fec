/**
 * Benchmark of curve sampling for the playground graphs (issue 3). Prints medians; never fails on
 * a target. Target: 12 curves × 2,000 points, value and derivative, ≤ 2 ms per redraw (a slider
 * drag), measured with reused buffers as the graphs use them. Also reports the same work with f″
 * and the per-entry cost of one curve, and the hot-loop cost of f + f′ per call for the trainer.
 */
import { listActivations } from '../src/core/catalog/catalog';
import { sampleCurve, type CurveBuffers } from '../src/core/catalog/sample';
import type { ElementwiseActivation } from '../src/core/catalog/types';
import { defaultParams } from '../src/core/catalog/catalog';

const N = 2000;
const CURVES = [
  'relu',
  'leaky_relu',
  'elu',
  'selu',
  'gelu',
  'gelu_tanh',
  'silu',
  'mish',
  'softplus',
  'sigmoid',
  'tanh',
  'squareplus',
];

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function buffers(withD2: boolean): CurveBuffers[] {
  return CURVES.map(() => ({
    f: new Float64Array(N),
    df: new Float64Array(N),
    d2f: withD2 ? new Float64Array(N) : undefined,
  }));
}

/** Milliseconds for one redraw of `ids`, median over `reps` redraws after warm-up. */
function redraw(ids: string[], bufs: CurveBuffers[], reps: number): number {
  const params = ids.map((id) => defaultParams(id));
  const once = () => {
    for (let i = 0; i < ids.length; i++) sampleCurve(ids[i], params[i], -6, 6, N, bufs[i]);
  };
  for (let i = 0; i < 50; i++) once();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const fmt = (ms: number) => ms.toFixed(3).padStart(8);
const rows: [string, number, string][] = [];
rows.push(['12 curves × 2,000 points, f + f′', redraw(CURVES, buffers(false), 400), '≤ 2 ms']);
rows.push(['12 curves × 2,000 points, f + f′ + f″', redraw(CURVES, buffers(true), 400), '']);
const worst = Array(12).fill('mish');
rows.push(['12 × mish (costliest) × 2,000, f + f′', redraw(worst, buffers(false), 200), '≤ 2 ms']);
rows.push([
  '12 × gelu (erf) × 2,000, f + f′',
  redraw(Array(12).fill('gelu'), buffers(false), 200),
  '≤ 2 ms',
]);

console.log('| case | median ms | target |');
console.log('| --- | ---: | --- |');
for (const [name, ms, target] of rows) console.log(`| ${name} | ${fmt(ms)} | ${target} |`);

// Per entry: one curve of 2,000 points (f + f′), to spot an expensive entry.
const per: [string, number][] = [];
const one = buffers(false).slice(0, 1);
for (const e of listActivations()) {
  if (e.kind !== 'elementwise') continue;
  per.push([e.id, redraw([e.id], one, 100)]);
}
per.sort((a, b) => b[1] - a[1]);
console.log('\nSlowest entries, one curve of 2,000 points (f + f′), median ms:');
console.log(
  per
    .slice(0, 8)
    .map(([id, ms]) => `${id} ${ms.toFixed(4)}`)
    .join(', '),
);

// Trainer hot loop: f and f′ called directly with a Params object created once.
const e = listActivations().find((x) => x.id === 'gelu') as ElementwiseActivation;
const p = defaultParams('gelu');
let sink = 0;
const calls = 2_000_000;
const times: number[] = [];
for (let r = 0; r < 7; r++) {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const x = (i % 2000) * 0.006 - 6;
    sink += e.f(x, p) + e.df(x, p);
  }
  times.push(performance.now() - t0);
}
console.log(
  `\nTrainer hot loop (gelu f + f′): ${((median(times) / calls) * 1e6).toFixed(1)} ns per element (checksum ${sink.toFixed(0)})`,
);
