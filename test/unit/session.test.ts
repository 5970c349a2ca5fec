import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ThinnedHistory } from '../../src/core/session/history';
import { TrainingSession } from '../../src/core/session/session';
import { trainerConfig, type TrainerFactory } from '../../src/core/session/runTrainer';
import {
  DEFAULT_EARLY_STOP,
  MAX_HISTORY_POINTS,
  parsePageToWorker,
  parseWorkerToPage,
  type StartMessage,
} from '../../src/core/protocol/workerProtocol';
import { defaultSetup } from '../../webview/train/uiState';
import { tryCreateTrainerWith } from '../../src/core/train/trainer';
import type { ActivationLookup } from '../../src/core/train/activations';
import { exportModel } from '../../src/core/export/exportModel';

// A tiny catalog so the session is tested over the real trainer without the whole catalog.
const lookup: ActivationLookup = (id) =>
  ({
    relu: { f: (x: number) => Math.max(0, x), df: (x: number) => (x > 0 ? 1 : 0), params: {} },
    tanh: { f: Math.tanh, df: (x: number) => 1 - Math.tanh(x) ** 2, params: {} },
  })[id];

const realFactory: TrainerFactory = (setup, a) => {
  if (a.kind !== 'catalog') return 'no custom';
  const r = tryCreateTrainerWith(trainerConfig(setup, a.id), lookup);
  if (!r.ok) return r.errors.map((e) => e.message).join('; ');
  const tr = r.trainer;
  return {
    label: a.id,
    dataset: tr.dataset,
    notes: r.warnings.map((w) => w.message),
    gridChannels: 1,
    evaluate: () => tr.evaluate(),
    step: (n) => tr.step(n),
    predictGrid: (res, out) => tr.predictGrid(res, out) as Float32Array,
    gradientNorms: () => tr.gradientNorms(),
    deadFraction: () => tr.deadFraction(),
    exportCode: (fw) => ({ source: exportModel(tr, fw) }),
  };
};

/** The playground's default setup on 200 points, without early stopping. */
function start(over: Partial<StartMessage> = {}): StartMessage {
  const setup = defaultSetup();
  return {
    type: 'train/start',
    runId: 1,
    setup: {
      ...setup,
      dataset: { ...setup.dataset, nSamples: 200 },
      earlyStop: { ...setup.earlyStop, mode: 'off' },
    },
    runs: [{ key: 'relu', activation: { kind: 'catalog', id: 'relu' } }],
    maxEpochs: 200,
    epochsPerTick: 10,
    gridResolution: 16,
    gradients: false,
    paused: false,
    ...over,
  };
}

/** A clock that never moves: every frame fits in its slice, so ticks are whole frames. */
const now = () => 0;

test('the history stays bounded, keeps epoch 0 and ends at the latest epoch', () => {
  const h = new ThinnedHistory(10, true);
  for (let e = 0; e <= 1000; e++) h.add(e, 1 / (e + 1), 2 / (e + 1), e / 1000);
  assert.ok(h.length <= 20);
  const s = h.snapshot({ epoch: 1001, train: 0, test: 0, accuracy: 1 });
  assert.ok(s.epoch.length <= 10, `${s.epoch.length} points`);
  assert.equal(s.epoch[0], 0);
  assert.equal(s.epoch[s.epoch.length - 1], 1001);
  for (let i = 1; i < s.epoch.length; i++) assert.ok(s.epoch[i] > s.epoch[i - 1]);
  // Kept points carry the values recorded for their epoch.
  assert.equal(s.train[1], 1 / (s.epoch[1] + 1));
});

test('a session trains to maxEpochs in ticks and its progress passes the protocol check', () => {
  const s = new TrainingSession(start(), realFactory, now);
  const first = s.progress();
  assert.equal(first.runs[0].epoch, 0);
  // Epoch 0 has no time per epoch yet (NaN): the message must still pass the check.
  assert.ok(Number.isNaN(first.runs[0].msPerEpoch));
  assert.ok(parseWorkerToPage(first).ok);
  let ticks = 0;
  while (s.currentStatus === 'running' && ticks < 100) {
    s.tick(10);
    ticks++;
  }
  assert.equal(s.currentStatus, 'done');
  assert.equal(ticks, 20);
  const p = s.progress();
  assert.equal(p.runs[0].epoch, 200);
  assert.ok(p.runs[0].testLoss < first.runs[0].testLoss, 'loss falls');
  assert.equal(p.runs[0].grid?.length, 16 * 16);
  const checked = parseWorkerToPage(p);
  assert.ok(checked.ok, checked.ok ? '' : checked.reason);
  assert.ok(parseWorkerToPage(s.data()).ok);
  assert.ok(p.runs[0].history.epoch.length <= MAX_HISTORY_POINTS);
});

test('racing runs share data and seed: the same activation twice gives the same losses', () => {
  const s = new TrainingSession(
    start({
      runs: [
        { key: 'a', activation: { kind: 'catalog', id: 'tanh' } },
        { key: 'b', activation: { kind: 'catalog', id: 'tanh' } },
        { key: 'c', activation: { kind: 'catalog', id: 'relu' } },
      ],
      maxEpochs: 30,
    }),
    realFactory,
    now,
  );
  while (s.currentStatus === 'running') s.tick(10);
  const [a, b, c] = s.progress().runs;
  assert.equal(a.testLoss, b.testLoss);
  assert.notEqual(a.testLoss, c.testLoss);
  assert.equal(a.epoch, 30);
  assert.equal(c.epoch, 30);
});

test('exportRun writes the named run of a race with its label and epoch, and refuses an unknown key', () => {
  const s = new TrainingSession(
    start({
      runs: [
        { key: 'a', activation: { kind: 'catalog', id: 'tanh' } },
        { key: 'b', activation: { kind: 'catalog', id: 'relu' } },
      ],
      maxEpochs: 12,
    }),
    realFactory,
    now,
  );
  while (s.currentStatus === 'running') s.tick(10);
  const b = s.exportRun('b', 'numpy');
  assert.ok('source' in b, JSON.stringify(b));
  assert.equal(b.label, 'relu');
  assert.equal(b.epoch, 12);
  assert.match(b.source, /def predict\(points\):/);
  assert.match(b.source, /np\.maximum|relu/);
  const a = s.exportRun('a', 'pytorch');
  assert.ok('source' in a && /torch\.tanh\(/.test(a.source));
  assert.deepEqual(s.exportRun('zzz', 'numpy'), { error: 'no run zzz' });
});

test('step trains exactly n epochs then pauses; pause and resume switch status', () => {
  const s = new TrainingSession(start({ paused: true }), realFactory, now);
  assert.equal(s.currentStatus, 'paused');
  assert.equal(s.tick(10).epochs, 0);
  s.step(3);
  const r = s.tick(10);
  assert.equal(r.epochs, 3);
  assert.equal(r.statusChanged, true);
  assert.equal(s.currentStatus, 'paused');
  assert.equal(s.progress().runs[0].epoch, 3);
  assert.equal(s.resume(), true);
  s.tick(10);
  assert.equal(s.progress().runs[0].epoch, 13);
  assert.equal(s.pause(), true);
  assert.equal(s.currentStatus, 'paused');
});

test('a too-large learning rate is reported as diverged at an epoch, and the run stops', () => {
  const st = start({ maxEpochs: 100 });
  // Regression: the squared error's gradient is unbounded, so lr = 10 blows up within epochs.
  st.setup.dataset.name = 'plane';
  st.setup.learningRate = 10;
  const s = new TrainingSession(st, realFactory, now);
  while (s.currentStatus === 'running') s.tick(10);
  const run = s.progress().runs[0];
  assert.ok(run.divergedAt !== undefined && run.divergedAt < 100, 'diverged');
  assert.equal(run.epoch, run.divergedAt);
  assert.ok(run.grid && run.grid.every(Number.isFinite), 'the last good picture is kept');
  assert.ok(parseWorkerToPage(s.progress()).ok);
});

test('a target loss records the first epoch at or below it', () => {
  const s = new TrainingSession(start({ targetLoss: 0.4, maxEpochs: 300 }), realFactory, now);
  while (s.currentStatus === 'running') s.tick(10);
  const run = s.progress().runs[0];
  assert.ok(run.epochsToTarget !== undefined && run.epochsToTarget > 0);
  const h = run.history;
  const i = Array.from(h.epoch).indexOf(run.epochsToTarget!);
  assert.ok(i > 0 && h.test[i] <= 0.4 && h.test[i - 1] > 0.4);
});

test('gradient mode reports gradient norms at init and now, and dead fractions per layer', () => {
  const st = start({ gradients: true, maxEpochs: 5 });
  st.setup.hidden = [4, 4, 4, 4];
  const s = new TrainingSession(st, realFactory, now);
  while (s.currentStatus === 'running') s.tick(10);
  const run = s.progress().runs[0];
  assert.equal(run.gradNormsInit?.length, 5);
  assert.equal(run.gradNorms?.length, 5);
  assert.equal(run.deadFraction?.length, 4);
  assert.notDeepEqual(run.gradNorms, run.gradNormsInit);
});

test('a run that cannot be built throws a RunError naming it', () => {
  assert.throws(
    () =>
      new TrainingSession(
        start({ runs: [{ key: 'x', activation: { kind: 'catalog', id: 'nope' } }] }),
        realFactory,
        now,
      ),
    (e: Error & { key?: string }) => e.key === 'x',
  );
});

test('the worker protocol rejects malformed and out-of-limit page messages', () => {
  assert.ok(parsePageToWorker(start()).ok);
  const bad: unknown[] = [
    null,
    { type: 'train/start' },
    { ...start(), runs: [] },
    { ...start(), runs: Array(7).fill({ key: 'a', activation: { kind: 'catalog', id: 'relu' } }) },
    { ...start(), setup: { ...start().setup, hidden: Array(31).fill(8) } },
    { ...start(), setup: { ...start().setup, hidden: [33] } },
    { ...start(), setup: { ...start().setup, learningRate: NaN } },
    { type: 'train/step', runId: 1, epochs: 0 },
    { type: 'train/nope', runId: 1 },
  ];
  for (const m of bad) assert.equal(parsePageToWorker(m).ok, false, JSON.stringify(m));
});

test('custom formula trees: only well-formed, bounded trees of known functions compile', async () => {
  const { isExprTree } = await import('../../src/core/protocol/workerProtocol');
  const { compileCustomActivation } = await import('../../webview/worker/customActivation');
  // x * sigmoid(1.702 * x)
  const gelu = {
    k: 'bin',
    op: '*',
    a: { k: 'name', name: 'x' },
    b: {
      k: 'call',
      fn: 'sigmoid',
      args: [{ k: 'bin', op: '*', a: { k: 'num', v: 1.702 }, b: { k: 'name', name: 'x' } }],
    },
  };
  assert.ok(isExprTree(gelu));
  const c = compileCustomActivation(gelu);
  assert.ok(typeof c !== 'string');
  assert.ok(Math.abs(c.f(1) - 1 / (1 + Math.exp(-1.702))) < 1e-12);
  assert.ok(Math.abs(c.df(0) - 0.5) < 1e-12);
  let deep: unknown = { k: 'name', name: 'x' };
  for (let i = 0; i < 100; i++) deep = { k: 'neg', a: deep };
  for (const bad of [
    null,
    { k: 'eval' },
    { k: 'num', v: '1' },
    { k: 'bin', op: '%', a: { k: 'name', name: 'x' }, b: { k: 'name', name: 'x' } },
    { k: 'call', fn: 'sigmoid', args: [] },
    deep,
  ])
    assert.equal(isExprTree(bad), false, JSON.stringify(bad)?.slice(0, 60));
  assert.equal(
    typeof compileCustomActivation({
      k: 'call',
      fn: 'constructor',
      args: [{ k: 'name', name: 'x' }],
    }),
    'string',
  );
  assert.equal(
    typeof compileCustomActivation({ k: 'call', fn: 'max', args: [{ k: 'name', name: 'x' }] }),
    'string',
  );
});

/**
 * A stand-in trainer whose every epoch costs `msPerEpoch` on a fake clock and whose test loss
 * follows `loss(epoch)`, so time slicing and early stopping are tested exactly.
 */
function fakeFactory(clock: { t: number }, msPerEpoch: number, loss: (e: number) => number) {
  const dataset = tryCreateTrainerWith(trainerConfig(start().setup, 'relu'), lookup);
  assert.ok(dataset.ok);
  const factory: TrainerFactory = (_setup, a) => {
    let epoch = 0;
    const result = () => ({ epoch, trainLoss: loss(epoch), testLoss: loss(epoch) });
    return {
      label: a.kind === 'catalog' ? a.id : 'custom',
      dataset: dataset.trainer.dataset,
      notes: [],
      gridChannels: 1,
      evaluate: result,
      step: (n) => {
        epoch += n;
        clock.t += n * msPerEpoch;
        return result();
      },
      predictGrid: (res) => new Float32Array(res * res),
      gradientNorms: () => [],
      deadFraction: () => [],
      exportCode: () => ({ error: 'a fake run has no network' }),
    };
  };
  return factory;
}

const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((key) => ({
  key,
  activation: { kind: 'catalog' as const, id: 'relu' },
}));

test('ticks are sliced by time: a slow frame spans slices, each within one epoch of the budget', () => {
  const clock = { t: 0 };
  // Six runs at 4 ms per epoch and 20 epochs per frame: 480 ms of work per frame.
  const s = new TrainingSession(
    start({ runs: six, epochsPerTick: 20, maxEpochs: 100 }),
    fakeFactory(clock, 4, () => 1),
    () => clock.t,
  );
  const slices: number[] = [];
  let frames = 0;
  while (s.currentStatus === 'running') {
    const t0 = clock.t;
    const r = s.tick(12);
    slices.push(clock.t - t0);
    if (r.frameDone) {
      frames++;
      // A frame ends with every run at the same epoch, a multiple of the speed.
      const epochs = new Set(s.progress().runs.map((x) => x.epoch));
      assert.equal(epochs.size, 1);
      assert.equal([...epochs][0] % 20, 0);
    }
  }
  assert.equal(frames, 5);
  // At most the budget plus one epoch of one run (a run's first chunk is a single epoch).
  assert.ok(Math.max(...slices) <= 12 + 4, `slices ${slices.join(', ')} ms`);
  assert.ok(slices.length >= 480 / 16, `${slices.length} slices`);
  for (const r of s.progress().runs) assert.equal(r.epoch, 100);
});

test('a pause between two slices of a frame stops at once; resume finishes the frame', () => {
  const clock = { t: 0 };
  const s = new TrainingSession(
    start({ runs: six, epochsPerTick: 20, maxEpochs: 100 }),
    fakeFactory(clock, 4, () => 1),
    () => clock.t,
  );
  assert.equal(s.tick(12).frameDone, false);
  const before = s.progress().runs.map((r) => r.epoch);
  assert.ok(s.pause());
  assert.equal(s.tick(12).epochs, 0);
  assert.deepEqual(
    s.progress().runs.map((r) => r.epoch),
    before,
  );
  assert.ok(s.resume());
  let r = s.tick(12);
  while (!r.frameDone) r = s.tick(12);
  assert.deepEqual(
    s.progress().runs.map((x) => x.epoch),
    Array(6).fill(20),
  );
});

test('step(n) trains n epochs in time slices, then pauses', () => {
  const clock = { t: 0 };
  const s = new TrainingSession(
    start({ runs: six, epochsPerTick: 20, maxEpochs: 100, paused: true }),
    fakeFactory(clock, 4, () => 1),
    () => clock.t,
  );
  s.step(7);
  let changed = false;
  while (s.currentStatus === 'running') changed = s.tick(12).statusChanged;
  assert.ok(changed);
  assert.equal(s.currentStatus, 'paused');
  assert.deepEqual(
    s.progress().runs.map((x) => x.epoch),
    Array(6).fill(7),
  );
});

test('early stop at a target loss stops each run at the first epoch at or below it', () => {
  const clock = { t: 0 };
  const st = start({ maxEpochs: 2000, epochsPerTick: 50 });
  st.setup.earlyStop = { mode: 'target', targetLoss: 0.1, patience: 10 };
  // Loss 1/(1 + e/10): 0.1 first at epoch 90.
  const s = new TrainingSession(
    st,
    fakeFactory(clock, 1, (e) => 1 / (1 + e / 10)),
    () => clock.t,
  );
  while (s.currentStatus === 'running') s.tick(12);
  const run = s.progress().runs[0];
  assert.equal(s.currentStatus, 'done');
  assert.equal(run.stoppedAt, 90);
  assert.equal(run.stopReason, 'target');
  assert.equal(run.epoch, 90);
  assert.ok(parseWorkerToPage(s.progress()).ok);
});

test('early stop on a plateau: patience epochs without a fall of more than 0.001', () => {
  const clock = { t: 0 };
  const st = start({ maxEpochs: 2000, epochsPerTick: 50 });
  st.setup.earlyStop = { mode: 'plateau', targetLoss: 0, patience: 30 };
  // Falls by 0.01 per epoch to epoch 40, then wobbles by less than the minimum gain.
  const loss = (e: number) => (e <= 40 ? 1 - 0.01 * e : 0.6 - 0.0005 * Math.abs(Math.sin(e)));
  const s = new TrainingSession(st, fakeFactory(clock, 1, loss), () => clock.t);
  while (s.currentStatus === 'running') s.tick(12);
  const run = s.progress().runs[0];
  assert.equal(run.stopReason, 'plateau');
  assert.equal(run.stoppedAt, 70);
});

test('with the default rule, Circle with ReLU stops long before the 2,000-epoch limit', () => {
  const st = start({ maxEpochs: 2000, epochsPerTick: 100, gridResolution: 0 });
  st.setup.dataset.nSamples = 500;
  st.setup.earlyStop = { ...DEFAULT_EARLY_STOP };
  const s = new TrainingSession(st, realFactory, now);
  while (s.currentStatus === 'running') s.tick(10);
  const run = s.progress().runs[0];
  assert.equal(run.stopReason, 'target');
  assert.ok(run.epoch < 300, `stopped at ${run.epoch}`);
  assert.ok(run.testLoss <= DEFAULT_EARLY_STOP.targetLoss);
  assert.equal(run.testAccuracy, 1);
});

test('a race stops each run on its own; the session is done when the last one stops', () => {
  const clock = { t: 0 };
  const st = start({ runs: six.slice(0, 2), maxEpochs: 500, epochsPerTick: 20 });
  st.setup.earlyStop = { mode: 'target', targetLoss: 0.5, patience: 10 };
  const base = fakeFactory(clock, 1, () => 1);
  let n = 0;
  const factory: TrainerFactory = (setup, a) => {
    const speed = ++n * 10;
    const t = base(setup, a);
    if (typeof t === 'string') return t;
    let e = 0;
    const res = () => ({ epoch: e, trainLoss: 1 / (1 + e / speed), testLoss: 1 / (1 + e / speed) });
    return { ...t, evaluate: res, step: (k) => ((e += k), res()) };
  };
  const s = new TrainingSession(st, factory, () => clock.t);
  while (s.currentStatus === 'running') s.tick(12);
  const [a, b] = s.progress().runs;
  assert.deepEqual([a.stoppedAt, b.stoppedAt], [10, 20]);
});
