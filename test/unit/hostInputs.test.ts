import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import { plotRange } from '../../src/core/hover/activationPlot';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { SaveFileSchema } from '../../src/core/protocol/webviewProtocol';
import { showRefusal } from '../../src/core/protocol/commandArgs';
import { oneLogLine, reportCoreError, setCoreErrorHandler } from '../../src/core/errors';
import type { PythonAnalysis } from '../../src/core/python/parse';

test('hover x range: a finite, capped span, else the default', () => {
  assert.deepEqual(plotRange(-2, 3), [-2, 3]);
  assert.deepEqual(plotRange(-1e308, 1e308), [-5, 5]);
  assert.deepEqual(plotRange(0, 1e5), [-5, 5]);
  assert.deepEqual(plotRange(3, 3), [-5, 5]);
  assert.deepEqual(plotRange('1', 2), [-5, 5]);
  const src = 'import torch.nn as nn\nnn.GELU()\n';
  const h = hoverAt(analyzePython(src), src.indexOf('GELU') + 1, { xMin: -1e308, xMax: 1e308 });
  const svg = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(h!.markdown)![1], 'base64').toString();
  assert.ok(!/NaN/.test(svg), 'the plot has no NaN path');
});

test('suggestedName of a save request: a plain file name, never ..', () => {
  const ok = (name: string) =>
    v.safeParse(SaveFileSchema, {
      type: 'file/save',
      requestId: 1,
      format: 'csv',
      suggestedName: name,
      data: 'x',
    }).success;
  assert.equal(ok('gelu curve.csv'), true);
  assert.equal(ok('..'), false);
  assert.equal(ok('a..b'), false);
  assert.equal(ok('.hidden'), false);
  assert.equal(ok('../x.csv'), false);
});

test('a show request with train: true and an unknown activation is refused', () => {
  assert.match(showRefusal({ curves: [{ id: 'nope', params: {} }], train: true })!, /nope/);
  assert.ok(showRefusal({ curves: [{ id: 'softmax', params: {} }], train: true }));
  assert.equal(showRefusal({ curves: [{ id: 'relu', params: {} }], train: true }), undefined);
  assert.equal(showRefusal({ curves: [{ id: 'nope', params: {} }] }), undefined);
});

test('log lines: newlines in a message cannot forge another line', () => {
  const line = oneLogLine('page error\n2026-01-01 [error] forged\r\u2028x');
  assert.ok(!/[\n\r\u2028]/.test(line));
  assert.equal(line, 'page error\\n2026-01-01 [error] forged\\r\\u2028x');
});

test('a core error caught by a "never throws" function reaches the one error hook', () => {
  const seen: string[] = [];
  setCoreErrorHandler((e, where) => seen.push(`${where}: ${String(e)}`));
  try {
    const fail = () => {
      throw new Error('boom');
    };
    const broken = { text: 'x = 1\n', windowAt: fail, lines: fail, moduleTable: fail };
    assert.equal(hoverAt(broken as unknown as PythonAnalysis, 1), undefined);
    reportCoreError('direct', 'test');
  } finally {
    setCoreErrorHandler(undefined);
  }
  assert.ok(
    seen.some((s) => /boom/.test(s)),
    seen.join('; '),
  );
  assert.ok(seen.includes('test: direct'));
});
