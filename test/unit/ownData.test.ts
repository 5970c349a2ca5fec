/**
 * Own data, beyond the parser: column kinds and the first choice the picker offers, a saved
 * choice found again by names, every report's template translated, the messages that carry a
 * file between host, page and worker (malformed ones refused), and a worker session training on
 * a file's rows with its scale in the data message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTable, TABLE_LIMITS } from '../../src/core/data/parseTable';
import { pickColumns, sampleIndices } from '../../src/core/data/tableColumns';
import { choiceByNames, columnKinds, defaultChoice } from '../../src/core/data/columnChoice';
import { fillTemplate, TABLE_TEXT } from '../../src/core/data/tableText';
import { fileUnitTicks, niceTicks } from '../../src/core/data/axisTicks';
import { parseHostMessage, parseWebviewMessage } from '../../src/core/protocol/webviewProtocol';
import {
  parsePageToWorker,
  parseWorkerToPage,
  tableRows,
  type StartMessage,
  type TableRows,
} from '../../src/core/protocol/workerProtocol';
import { featuresFor, runTrainerFactory, trainerConfig } from '../../src/core/session/runTrainer';
import { TrainingSession } from '../../src/core/session/session';
import { defaultSetup } from '../../webview/train/uiState';

const root = resolve(__dirname, '../../..');
const leaves = readFileSync(join(root, 'examples', 'leaves.csv'), 'utf8');

test('column kinds: a few bad cells do not hide a numeric column', () => {
  const t = parseTable('a,b,c,d\n1,x,,2\n2,y,,abc\n3,z,,4\n');
  assert.deepEqual(columnKinds(t), ['number', 'text', 'empty', 'number']);
});

test('the first choice: the last column is the target, the first two numeric ones the inputs', () => {
  assert.deepEqual(defaultChoice(parseTable(leaves)), { inputs: [0, 1], target: 2 });
  // Text columns are skipped for inputs; a trailing empty column is not the target.
  const t = parseTable('name,h,w,d,kind,\nn1,1,2,3,a,\nn2,4,5,6,b,\nn3,7,8,9,a,\n');
  assert.deepEqual(defaultChoice(t), { inputs: [1, 2], target: 4 });
  // One numeric column besides the target: one input.
  assert.deepEqual(defaultChoice(parseTable('x,y\n1,a\n2,b\n')), { inputs: [0], target: 1 });
  // Nothing numeric to learn from.
  assert.equal(defaultChoice(parseTable('a,b\nx,y\nz,w\n')), undefined);
});

test('a saved choice is found again by column names, or not at all', () => {
  const t = parseTable(leaves);
  assert.deepEqual(choiceByNames(t, { inputs: ['leaf_width_cm'], target: 'leaf_length_cm' }), {
    inputs: [1],
    target: 0,
  });
  assert.equal(choiceByNames(t, { inputs: ['gone'], target: 'species' }), undefined);
  assert.equal(choiceByNames(t, { inputs: [], target: 'species' }), undefined);
});

test('leaves.csv: two bad rows reported by line and reason, three classes, 300 rows', () => {
  const t = parseTable(leaves);
  const p = pickColumns(t, defaultChoice(t)!);
  assert.ok(p.ok);
  assert.deepEqual(
    p.data.skipped.map((e) => e.message),
    [
      "line 18: 'abc' in column leaf_length_cm is not a number",
      'line 43: column leaf_width_cm is empty',
    ],
  );
  assert.deepEqual(p.data.skipped[0].text, {
    key: 'notNumber',
    args: [18, 'abc', 'leaf_length_cm'],
  });
  assert.deepEqual(p.data.classes, ['birch', 'oak', 'willow']);
  assert.equal(p.data.x.length, 300);
  assert.equal(p.data.sampled, false);
});

test('sampling is seeded: the same seed the same rows, another seed other rows, all distinct', () => {
  const a = sampleIndices(10_000, TABLE_LIMITS.maxRows, 1);
  assert.deepEqual(a, sampleIndices(10_000, TABLE_LIMITS.maxRows, 1));
  assert.notDeepEqual(a, sampleIndices(10_000, TABLE_LIMITS.maxRows, 2));
  assert.equal(new Set(a).size, TABLE_LIMITS.maxRows);
  assert.ok(a.every((i, k) => k === 0 || i > a[k - 1]));
});

test('every report template has a Japanese translation with the same slots', () => {
  const ja = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<
    string,
    string
  >;
  const slots = (s: string) =>
    [...s.matchAll(/\{\d+\}/g)]
      .map((m) => m[0])
      .sort()
      .join();
  for (const template of Object.values(TABLE_TEXT)) {
    assert.ok(ja[template], `no Japanese for "${template}"`);
    assert.equal(slots(ja[template]), slots(template), template);
  }
  // A value that looks like a slot stays as it is.
  assert.equal(
    fillTemplate(TABLE_TEXT.notNumber, [3, '{2}', 'w']),
    "line 3: '{2}' in column w is not a number",
  );
});

test('one class, too many classes and too few rows are refused with a template', () => {
  const few = pickColumns(parseTable('a,b\n1,x\n2,y\n3,x\n'), { inputs: [0], target: 1 });
  assert.ok(!few.ok);
  assert.deepEqual(few.text, { key: 'tooFewRows', args: [3, 4] });
  const one = pickColumns(parseTable('a,b\n1,u\n2,u\n3,u\n4,u\n'), { inputs: [0], target: 1 });
  assert.ok(!one.ok && one.text.key === 'oneClass');
});

test('host ↔ page data messages: well-formed ones pass, malformed ones are refused', () => {
  const uri = 'file:///work/examples/leaves.csv';
  for (const m of [{ type: 'data/open' }, { type: 'data/reload', uri }])
    assert.equal(parseWebviewMessage(m).ok, true, JSON.stringify(m));
  for (const m of [
    { type: 'data/reload' },
    { type: 'data/reload', uri: '' },
    { type: 'data/reload', uri: 42 },
    { type: 'data/reload', uri: 'x'.repeat(5000) },
  ])
    assert.equal(parseWebviewMessage(m).ok, false, JSON.stringify(m).slice(0, 80));
  const loaded = {
    type: 'data/loaded',
    uri,
    name: 'leaves.csv',
    text: leaves,
    bytes: leaves.length,
  };
  assert.equal(parseHostMessage(loaded).ok, true);
  assert.equal(
    parseHostMessage({ type: 'data/failed', uri, name: 'leaves.csv', reason: 'missing' }).ok,
    true,
  );
  for (const m of [
    { ...loaded, text: 3 },
    { ...loaded, text: 'x'.repeat(TABLE_LIMITS.maxChars + 1) },
    { ...loaded, bytes: TABLE_LIMITS.maxBytes + 1 },
    { ...loaded, bytes: -1 },
    { ...loaded, name: undefined },
    { type: 'data/failed', uri, name: 'a.csv', reason: 'gone' },
    { type: 'data/failed', uri, name: 'a.csv' },
  ])
    assert.equal(parseHostMessage(m).ok, false, JSON.stringify(m).slice(0, 80));
});

/** The rows of leaves.csv as a start message carries them. */
function leafRows(): TableRows {
  const t = parseTable(leaves);
  const p = pickColumns(t, defaultChoice(t)!);
  assert.ok(p.ok);
  return tableRows(p.data);
}

function tableStart(table: unknown): unknown {
  const setup = defaultSetup();
  return {
    type: 'train/start',
    runId: 7,
    setup: { ...setup, earlyStop: { ...setup.earlyStop, mode: 'off' } },
    runs: [{ key: 'main', activation: { kind: 'catalog', id: 'relu' } }],
    maxEpochs: 20,
    epochsPerTick: 5,
    gridResolution: 16,
    gradients: true,
    paused: false,
    table,
  };
}

test('page → worker: a start may carry a table; a malformed table is refused', () => {
  const rows = leafRows();
  assert.equal(parsePageToWorker(tableStart(rows)).ok, true);
  const bad: unknown[] = [
    { ...rows, x: rows.x.slice(0, 3), y: rows.y.slice(0, 3) },
    { ...rows, y: rows.y.slice(1) },
    { ...rows, x: rows.x.map((r) => [...r, 1]) },
    { ...rows, x: rows.x.map((r, i) => (i === 5 ? [NaN, r[1]] : r)) },
    { ...rows, task: 'clustering' },
    { ...rows, inputNames: ['a'] },
    { ...rows, classes: Array.from({ length: 11 }, (_, i) => `c${i}`) },
    { ...rows, x: Array.from({ length: 5001 }, () => [1, 2]), y: new Array(5001).fill(0) },
  ];
  for (const b of bad) assert.equal(parsePageToWorker(tableStart(b)).ok, false);
});

test('a session trains on a table; its data message carries the scale back to the file units', () => {
  const rows = leafRows();
  const checked = parsePageToWorker(tableStart(rows));
  assert.ok(checked.ok && checked.message.type === 'train/start');
  const factory = runTrainerFactory(() => 'no custom formulas here');
  const s = new TrainingSession(checked.message as StartMessage, factory, () => 0);
  const data = s.data();
  assert.equal(parseWorkerToPage(data).ok, true);
  assert.equal(data.kind, 'classification');
  assert.equal(data.classes, 3);
  assert.ok(data.table);
  assert.deepEqual(data.table.inputNames, ['leaf_length_cm', 'leaf_width_cm']);
  assert.deepEqual(data.table.classes, ['birch', 'oak', 'willow']);
  // The points are standardised: mean 0 over all of them; the scale's mean is the file's.
  const xs = [...data.train.x, ...data.test.x];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.ok(Math.abs(mean) < 1e-9, `mean ${mean}`);
  const fileMean = rows.x.reduce((a, r) => a + r[0], 0) / rows.x.length;
  assert.ok(Math.abs(data.table.inputs.mean[0] - fileMean) < 1e-9);
  assert.equal(data.train.x.length + data.test.x.length, 300);
  const before = s.progress().runs[0].testLoss;
  for (let i = 0; i < 50; i++) s.tick(1000);
  const after = s.progress().runs[0];
  assert.ok(after.epoch > 0 && after.testLoss < before, `${before} → ${after.testLoss}`);
  assert.equal(after.gradNorms?.length, 3);
});

test('one input column: the features are those of x only', () => {
  assert.deepEqual(featuresFor(['x', 'y', 'xy', 'sinX'], 1), ['x', 'sinX']);
  assert.deepEqual(featuresFor(['y', 'y2'], 1), ['x']);
  assert.deepEqual(featuresFor(['x', 'y'], 2), ['x', 'y']);
  const rows = leafRows();
  const one: TableRows = { ...rows, x: rows.x.map((r) => [r[0]]), inputNames: ['leaf_length_cm'] };
  const c = trainerConfig(defaultSetup(), 'relu', one);
  assert.deepEqual(c.features, ['x']);
  assert.equal((c.dataset as { name: string }).name, 'table');
});

test('axis ticks: round steps within the range, placed in [0, 1], minus as U+2212', () => {
  const t = niceTicks(4.3, 13.9, 5);
  assert.deepEqual(
    t.map((k) => k.label),
    ['6', '8', '10', '12'],
  );
  assert.ok(t.every((k) => k.at >= 0 && k.at <= 1));
  assert.deepEqual(
    niceTicks(-1, 1, 5).map((k) => k.label),
    ['−1.0', '−0.5', '0.0', '0.5', '1.0'],
  );
  // A step that would leave one tick gives way to a smaller one.
  assert.deepEqual(
    niceTicks(5.6, 13.2, 3).map((k) => k.label),
    ['6', '8', '10', '12'],
  );
  assert.deepEqual(niceTicks(1, 1), []);
  assert.deepEqual(niceTicks(NaN, 1), []);
  // Standardised [−2, 2] of a column with mean 10 and sd 2 shows 6 … 14 in the file's units.
  const f = fileUnitTicks(-2, 2, 10, 2, 5);
  assert.deepEqual(
    f.map((k) => k.value),
    [6, 8, 10, 12, 14],
  );
  assert.equal(f[2].at, 0.5);
});
