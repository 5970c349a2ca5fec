// The "Export as code" messages on both channels (page ↔ worker, page ↔ host): well-formed ones
// pass, malformed ones (unknown framework, missing or oversized source, bad ids) are rejected with
// a reason, and a worker that cannot read an export request can still answer it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_EXPORT_SOURCE } from '../../src/core/protocol/exportCode';
import { parseHostMessage, parseWebviewMessage } from '../../src/core/protocol/webviewProtocol';
import {
  parsePageToWorker,
  parseWorkerToPage,
  rawExportId,
} from '../../src/core/protocol/workerProtocol';

const code = { source: 'def predict(points):\n    return points\n', label: 'ReLU', epoch: 12 };

function rejects(parse: (m: unknown) => { ok: boolean }, bad: unknown[]): void {
  for (const m of bad) {
    const r = parse(m) as { ok: boolean; reason?: string };
    assert.equal(r.ok, false, JSON.stringify(m)?.slice(0, 100));
    assert.ok(r.reason && r.reason.length > 0);
  }
}

test('page → worker: model/export is validated', () => {
  const good = { type: 'model/export', requestId: 3, runId: 2, key: 'relu', framework: 'keras' };
  assert.equal(parsePageToWorker(good).ok, true);
  for (const fw of ['pytorch', 'keras', 'jax', 'numpy'])
    assert.equal(parsePageToWorker({ ...good, framework: fw }).ok, true, fw);
  rejects(parsePageToWorker, [
    { ...good, framework: 'tensorflow' },
    { ...good, framework: undefined },
    { ...good, requestId: -1 },
    { ...good, requestId: 1.5 },
    { ...good, runId: 'x' },
    { ...good, key: 'k'.repeat(65) },
    { ...good, key: undefined },
  ]);
});

test('worker → page: model/exported carries the code or a reason', () => {
  const ok = { type: 'model/exported', inReplyTo: 3, status: 'ok', detail: '', code };
  assert.equal(parseWorkerToPage(ok).ok, true);
  const err = { type: 'model/exported', inReplyTo: 3, status: 'error', detail: 'no run x' };
  assert.equal(parseWorkerToPage(err).ok, true);
  rejects(parseWorkerToPage, [
    { ...ok, status: 'maybe' },
    { ...ok, inReplyTo: undefined },
    { ...ok, code: { ...code, source: '' } },
    { ...ok, code: { ...code, source: 'x'.repeat(MAX_EXPORT_SOURCE + 1) } },
    { ...ok, code: { ...code, source: 42 } },
    { ...ok, code: { ...code, epoch: -1 } },
    { ...ok, code: { ...code, label: 'l'.repeat(201) } },
  ]);
});

test('a malformed export request still has an id to answer, when it has a usable one', () => {
  assert.equal(rawExportId({ type: 'model/export', requestId: 7, framework: 'cobol' }), 7);
  assert.equal(rawExportId({ type: 'model/export', requestId: -7 }), undefined);
  assert.equal(rawExportId({ type: 'train/pause', requestId: 7 }), undefined);
  assert.equal(rawExportId(null), undefined);
});

test('page → host: export/open and export/reply are validated', () => {
  const open = { type: 'export/open', requestId: 1, framework: 'pytorch', code };
  assert.equal(parseWebviewMessage(open).ok, true);
  const reply = { type: 'export/reply', inReplyTo: 4, status: 'ok', detail: '', code };
  assert.equal(parseWebviewMessage(reply).ok, true);
  const none = { type: 'export/reply', inReplyTo: 4, status: 'error', detail: 'Nothing yet' };
  assert.equal(parseWebviewMessage(none).ok, true);
  rejects(parseWebviewMessage, [
    { ...open, framework: 'caffe' },
    { ...open, code: undefined },
    { ...open, code: { ...code, source: 'x'.repeat(MAX_EXPORT_SOURCE + 1) } },
    { ...open, requestId: 'one' },
    { ...reply, status: undefined },
    { ...reply, detail: 'd'.repeat(5000) },
    { ...reply, code: { source: 'x' } },
  ]);
});

test('host → page: export/request and export/opened are validated', () => {
  assert.equal(
    parseHostMessage({ type: 'export/request', requestId: 9, framework: 'jax' }).ok,
    true,
  );
  assert.equal(
    parseHostMessage({ type: 'export/opened', inReplyTo: 9, status: 'ok', detail: '' }).ok,
    true,
  );
  rejects(parseHostMessage, [
    { type: 'export/request', requestId: 9 },
    { type: 'export/request', requestId: 9, framework: 'JAX' },
    { type: 'export/request', framework: 'jax' },
    { type: 'export/opened', inReplyTo: 9, status: 'done', detail: '' },
  ]);
});
