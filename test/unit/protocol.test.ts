import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_SAVE_BYTES,
  parseHostMessage,
  parsePageInit,
  parseShowRequest,
  parseWebviewMessage,
  readPageInit,
} from '../../src/core/protocol/webviewProtocol';
import {
  checkTrainArgs,
  parseInsertArgs,
  parseTrainArgs,
} from '../../src/core/protocol/commandArgs';

test('accepts every well-formed webview message', () => {
  const good = [
    { type: 'webview/ready' },
    { type: 'log/error', message: 'boom' },
    {
      type: 'file/save',
      requestId: 1,
      format: 'csv',
      suggestedName: 'gelu.csv',
      data: 'x,f\n0,0\n',
    },
    { type: 'snippet/insert', id: 'gelu' },
    { type: 'timing/firstChart', sincePageStartMs: 312.5 },
    { type: 'timing/firstChart', sincePageStartMs: 312.5, sinceCommandMs: 880 },
  ];
  for (const m of good) assert.equal(parseWebviewMessage(m).ok, true, JSON.stringify(m));
});

test('rejects malformed, unknown and oversized webview messages with a reason', () => {
  const bad: unknown[] = [
    null,
    42,
    'webview/ready',
    [],
    {},
    { type: 'nope' },
    { type: 'log/error' },
    { type: 'log/error', message: 'x'.repeat(5000) },
    { type: 'timing/firstChart', sincePageStartMs: -1 },
    { type: 'timing/firstChart', sincePageStartMs: 1, sinceCommandMs: Number.NaN },
    { type: 'file/save', requestId: 1, format: 'exe', suggestedName: 'a.exe', data: '' },
    { type: 'file/save', requestId: 1, format: 'csv', suggestedName: '../../etc/passwd', data: '' },
    {
      type: 'file/save',
      requestId: 1,
      format: 'csv',
      suggestedName: 'a.csv',
      data: 'x'.repeat(MAX_SAVE_BYTES + 1),
    },
    { type: 'snippet/insert', id: { toString: 'x' } },
  ];
  for (const m of bad) {
    const r = parseWebviewMessage(m);
    assert.equal(r.ok, false, JSON.stringify(m)?.slice(0, 80));
    if (!r.ok) assert.ok(r.reason.length > 0);
  }
});

test('host messages, the embedded start-up snapshot and show requests are validated too', () => {
  const settings = { reducedMotion: false, maxTrainingEpochs: 100 };
  assert.equal(parseHostMessage({ type: 'settings/changed', settings }).ok, true);
  assert.equal(parseHostMessage({ type: 'settings/changed', settings: {} }).ok, false);
  // `init` is no longer a message: the page reads it from its HTML.
  assert.equal(parseHostMessage({ type: 'init', locale: 'ja', strings: {}, settings }).ok, false);
  const init = { id: 'n1', locale: 'ja', strings: { Train: '学習' }, settings };
  assert.equal(parsePageInit(init).ok, true);
  assert.equal(parsePageInit({ ...init, locale: 'fr' }).ok, false);
  assert.equal(parsePageInit({ ...init, id: 'x'.repeat(65) }).ok, false);
  assert.equal(parsePageInit({ ...init, show: { curves: 'relu' } }).ok, false);
  assert.equal(parseShowRequest({ curves: [{ id: 'gelu', params: {} }], tab: 'graphs' }).ok, true);
  assert.equal(parseShowRequest({ curves: [{ id: 'gelu', params: { a: Number.NaN } }] }).ok, false);
  assert.equal(parseShowRequest({ curves: Array(13).fill({ id: 'relu', params: {} }) }).ok, false);
});

test('the start-up snapshot is read field by field: a bad field costs only itself', () => {
  const good = {
    id: 'n1',
    locale: 'ja',
    strings: { Train: '学習' },
    settings: { reducedMotion: false, maxTrainingEpochs: 150 },
    openedAt: 5,
  };
  assert.deepEqual(readPageInit(good), { init: good, rejected: [] });
  const bad = readPageInit({
    ...good,
    strings: { Train: '学習', Reset: 7 },
    settings: { reducedMotion: 'yes', maxTrainingEpochs: 150 },
    show: { curves: 'relu' },
  });
  assert.deepEqual(bad.init, {
    ...good,
    settings: { reducedMotion: false, maxTrainingEpochs: 150 },
  });
  assert.deepEqual(
    bad.rejected.map((r) => r.split(':')[0]),
    ['settings.reducedMotion', 'show'],
  );
  // Nothing usable at all: English, default settings, every field named.
  const none = readPageInit('SyntaxError: Unexpected end of JSON input');
  assert.equal(none.init.locale, 'en');
  assert.equal(none.init.settings.maxTrainingEpochs, 2000);
  assert.ok(none.rejected.length >= 4);
});

test('command arguments from links: bad fields are dropped one by one, never thrown', () => {
  assert.deepEqual(parseInsertArgs(undefined), {});
  assert.deepEqual(parseInsertArgs('gelu'), {});
  assert.deepEqual(
    parseInsertArgs({ id: 'gelu', framework: 'fortran', params: { a: 1, b: 'x', c: Infinity } }),
    { id: 'gelu', framework: undefined, params: { a: 1 } },
  );
  assert.deepEqual(parseInsertArgs({ id: 'x'.repeat(65), framework: 'numpy' }), {
    id: undefined,
    framework: 'numpy',
  });
  assert.deepEqual(parseTrainArgs({ id: 'tanh', params: { a: Number.NaN, b: 2 } }), {
    id: 'tanh',
    params: { b: 2 },
  });
  assert.equal(parseTrainArgs({ params: {} }), undefined);
  assert.equal(parseTrainArgs(null), undefined);
});

test('Train with… checks its request with the catalog: a bad field is refused and named (issue 13.8/13.9)', () => {
  assert.deepEqual(checkTrainArgs(undefined), {}, 'no argument: ask, no warning');
  const ok = checkTrainArgs({ id: 'leaky_relu', params: { negativeSlope: 0.2 } });
  assert.deepEqual(ok, { id: 'leaky_relu', params: { negativeSlope: 0.2 } });
  // A parameter the entry lacks: refused by name, the entry's defaults are used.
  const typo = checkTrainArgs({ id: 'leaky_relu', params: { negativeSlop: 0.2 } });
  assert.equal(typo.id, 'leaky_relu');
  assert.equal(typo.params, undefined);
  assert.match(typo.problem!.en, /no parameter 'negativeSlop'.*default parameters are used/);
  assert.match(typo.problem!.ja, /negativeSlop/);
  // Outside the domain (softplus β > 0), and not a number.
  assert.match(
    checkTrainArgs({ id: 'softplus', params: { beta: 0 } }).problem!.en,
    /beta must be > 0/,
  );
  assert.match(
    checkTrainArgs({ id: 'softplus', params: { beta: '2' } }).problem!.en,
    /beta must be a number/,
  );
  assert.match(
    checkTrainArgs({ id: 'softplus', params: [1] }).problem!.en,
    /params must be an object/,
  );
  // A wrong id: nothing to train, the command asks.
  for (const raw of [
    { id: 'softmax' },
    { id: 'no_such_thing' },
    { id: 5 },
    { params: {} },
    'relu',
  ]) {
    const r = checkTrainArgs(raw);
    assert.equal(r.id, undefined, JSON.stringify(raw));
    assert.ok(r.problem, JSON.stringify(raw));
  }
  assert.match(checkTrainArgs({ id: 'softmax' }).problem!.en, /Softmax cannot be trained/);
  assert.equal(checkTrainArgs({ id: '__proto__', params: {} }).id, undefined);
});
