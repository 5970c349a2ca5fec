import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTable, TABLE_LIMITS } from '../../src/core/data/parseTable';
import { pickColumns } from '../../src/core/data/tableColumns';
import { fitStandardizer, standardize, unstandardize } from '../../src/core/data/standardize';
import { createTrainer, tryCreateTrainer } from '../../src/core/train/createTrainer';

test('quoted fields keep their delimiters and line breaks; line numbers follow the file', () => {
  const t = parseTable('name,w,h\n"a, b",1,2\n"multi\nline",3,4\nlast,5,6\n');
  assert.deepEqual(t.columns, ['name', 'w', 'h']);
  assert.deepEqual(t.rows, [
    ['a, b', 1, 2],
    ['multi\nline', 3, 4],
    ['last', 5, 6],
  ]);
  assert.deepEqual(t.lines, [2, 3, 5]);
  assert.equal(t.header, true);
});

test('a byte-order mark and CRLF line ends are handled', () => {
  const t = parseTable('\ufeffx,y,c\r\n1,2,a\r\n3,4,b\r\n');
  assert.deepEqual(t.columns, ['x', 'y', 'c']);
  assert.deepEqual(t.rows, [
    [1, 2, 'a'],
    [3, 4, 'b'],
  ]);
  assert.deepEqual(t.lines, [2, 3]);
});

test('semicolons (with decimal commas), tabs and pipes are detected', () => {
  const s = parseTable('x;y;k\n1,5;2;a\n3;4,25;b\n');
  assert.equal(s.delimiter, ';');
  assert.deepEqual(s.rows, [
    [1.5, 2, 'a'],
    [3, 4.25, 'b'],
  ]);
  const tab = parseTable('x\ty\n1\t2\n3\t4\n');
  assert.equal(tab.delimiter, '\t');
  assert.deepEqual(tab.rows, [
    [1, 2],
    [3, 4],
  ]);
  assert.equal(parseTable('x|y\n1|2\n').delimiter, '|');
});

test('missing values become empty cells; short rows are padded, long rows reported', () => {
  const t = parseTable('a,b,c\n1,,3\n4,NA,6\n7,8\n1,2,3,4\n');
  assert.deepEqual(t.rows, [
    [1, '', 3],
    [4, '', 6],
    [7, 8, ''],
  ]);
  assert.deepEqual(t.errors, [
    {
      line: 5,
      message: 'line 5: 4 fields, but the header has 3',
      text: { key: 'tooManyFields', args: [5, 4, 3] },
    },
  ]);
});

test('a header-less file gets numbered columns and keeps its first row', () => {
  const t = parseTable('1.5,2,setosa\n3,4,virginica\n5,6,setosa\n');
  assert.equal(t.header, false);
  assert.deepEqual(t.columns, ['column 1', 'column 2', 'column 3']);
  assert.equal(t.rows.length, 3);
  assert.deepEqual(t.lines, [1, 2, 3]);
});

test('a 10 MB file is read; a 20 MB one is refused at once', () => {
  const line = '1.25,2.5,a\n';
  const big = 'x,y,c\n' + line.repeat(Math.floor((10_000_000 - 6) / line.length));
  assert.ok(big.length >= 9_999_990 && big.length <= TABLE_LIMITS.maxChars);
  const t = parseTable(big);
  assert.equal(t.errors.length, 0);
  assert.equal(t.rows.length, Math.floor((10_000_000 - 6) / line.length));
  const huge = 'x'.repeat(20 * 1024 * 1024);
  const r = parseTable(huge);
  assert.deepEqual(r.rows, []);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].message, /20\.0 MB; files up to 10 MB/);
});

test('string targets become sorted classes; bad rows are reported by line and reason', () => {
  const lines = ['width,height,kind'];
  for (let i = 0; i < 20; i++) lines.push(`${i},${i * 2},${i % 2 ? 'b' : 'a'}`);
  lines[16] = 'abc,3,a'; // file line 17
  lines[5] = '4,,b'; // file line 6
  const p = pickColumns(parseTable(lines.join('\n')), { inputs: [0, 1], target: 2 });
  assert.ok(p.ok);
  assert.deepEqual(p.data.classes, ['a', 'b']);
  assert.equal(p.data.task, 'classification');
  assert.deepEqual(
    p.data.skipped.map((e) => e.message),
    ['line 6: column height is empty', "line 17: 'abc' in column width is not a number"],
  );
  assert.equal(p.data.x.length, 18);
});

test('numeric targets: few whole numbers are classes, many values mean regression', () => {
  const rows = (f: (i: number) => number) =>
    ['x,t', ...Array.from({ length: 40 }, (_, i) => `${i},${f(i)}`)].join('\n');
  const cls = pickColumns(parseTable(rows((i) => i % 3)), { inputs: [0], target: 1 });
  assert.ok(cls.ok && cls.data.task === 'classification');
  assert.deepEqual(cls.data.classes, ['0', '1', '2']);
  const reg = pickColumns(parseTable(rows((i) => i * 0.5)), { inputs: [0], target: 1 });
  assert.ok(reg.ok && reg.data.task === 'regression' && reg.data.classes === undefined);
});

test('no usable rows, one class, or more than 10 classes give one message', () => {
  const noRows = pickColumns(parseTable('a,b\nx,1\ny,0\n'), { inputs: [0], target: 1 });
  assert.deepEqual(noRows, {
    ok: false,
    message: 'no row has usable values in the chosen columns',
    text: { key: 'noUsableRows', args: [] },
  });
  const one = pickColumns(parseTable('a,b\n1,u\n2,u\n'), { inputs: [0], target: 1 });
  assert.ok(!one.ok && /same b \(u\); at least two classes/.test(one.message));
  const many = ['a,b', ...Array.from({ length: 30 }, (_, i) => `${i},k${i % 12}`)].join('\n');
  const m = pickColumns(parseTable(many), { inputs: [0], target: 1 });
  assert.ok(!m.ok && /12 different values; at most 10/.test(m.message));
  const same = pickColumns(parseTable('a,b\n1,2\n'), { inputs: [0], target: 0 });
  assert.ok(!same.ok);
});

test('more than 5,000 usable rows are sampled, with the same seed the same rows', () => {
  const text = ['x,y,c', ...Array.from({ length: 7000 }, (_, i) => `${i},${i % 7},${i % 2}`)].join(
    '\n',
  );
  const t = parseTable(text);
  const a = pickColumns(t, { inputs: [0, 1], target: 2 }, 3);
  const b = pickColumns(t, { inputs: [0, 1], target: 2 }, 3);
  assert.ok(a.ok && b.ok);
  assert.equal(a.data.x.length, TABLE_LIMITS.maxRows);
  assert.equal(a.data.usable, 7000);
  assert.equal(a.data.sampled, true);
  assert.deepEqual(a.data.x, b.data.x);
  // File order is kept.
  assert.ok(a.data.x.every((r, i) => i === 0 || r[0] > a.data.x[i - 1][0]));
});

test('standardisation round trip: v → (v − μ)/σ → μ + σ·z gives v back', () => {
  const rows = [
    [170.5, -3],
    [160.25, 7],
    [181, 1e-3],
    [150, 2],
  ];
  const s = fitStandardizer(rows);
  for (const r of rows)
    for (let c = 0; c < 2; c++) {
      const z = standardize(s, c, r[c]);
      assert.ok(Math.abs(unstandardize(s, c, z) - r[c]) <= 1e-12 * Math.abs(r[c]) + 1e-15);
    }
  const zs = rows.map((r) => standardize(s, 0, r[0]));
  assert.ok(Math.abs(zs.reduce((a, b) => a + b, 0)) < 1e-12);
  assert.ok(Math.abs(zs.reduce((a, b) => a + b * b, 0) / zs.length - 1) < 1e-12);
  assert.deepEqual(fitStandardizer([[5], [5]]).std, [1]);
});

test('a table trains in standardised units and predicts in the file units', () => {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 200; i++) {
    const v = 1000 + 10 * i;
    x.push([v]);
    y.push(3 * v + 500);
  }
  const tr = createTrainer({
    dataset: { name: 'table', x, y, task: 'regression', seed: 2 },
    hidden: [],
    optimizer: { type: 'adam' },
    learningRate: 0.05,
  });
  const ds = tr.dataset;
  assert.equal(ds.inputDims, 1);
  assert.ok(Math.abs(ds.table!.inputs.mean[0] - 1995) < 1e-9);
  assert.ok(ds.extent.xMin > -3 && ds.extent.xMax < 3);
  tr.step(300);
  const [p] = tr.predict([[2000]]) as number[];
  assert.ok(Math.abs(p - 6500) < 30, `predicted ${p}`);
});

test('a bad table config is refused with its field', () => {
  const r = tryCreateTrainer({
    dataset: { name: 'table', x: [[1], [2]], y: [0, 1], task: 'classification' },
  });
  assert.ok(!r.ok && r.errors.some((e) => /at least 4 rows/.test(e.message)));
  const one = tryCreateTrainer({
    dataset: { name: 'table', x: [[1], [2], [3], [4]], y: [1, 1, 1, 1], task: 'classification' },
  });
  assert.ok(!one.ok && one.errors.some((e) => /two classes/.test(e.message)));
});
