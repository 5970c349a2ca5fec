import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PendingRequests, replyTo, type Reply } from '../../src/core/protocol/channel';
import { parseHostMessage } from '../../src/core/protocol/webviewProtocol';
import { isRawStart, parseWorkerToPage, rawRunId } from '../../src/core/protocol/workerProtocol';

test('a reply settles the request with its id once; unknown and repeated ids are refused', async () => {
  const table = new PendingRequests<Reply>();
  const sent: number[] = [];
  const a = table.request((id) => sent.push(id));
  const b = table.request((id) => sent.push(id));
  assert.deepEqual(sent, [a.id, b.id]);
  assert.notEqual(a.id, b.id);
  assert.equal(table.settle(replyTo(999, 'ok')), false);
  assert.equal(table.settle(replyTo(b.id, 'error', 'disk full')), true);
  assert.equal(table.settle(replyTo(b.id, 'ok')), false, 'answered already');
  assert.deepEqual(await b.reply, { inReplyTo: b.id, status: 'error', detail: 'disk full' });
  assert.ok(table.isWaiting(a.id));
  table.settleAll((id) => replyTo(id, 'cancelled'));
  assert.equal((await a.reply).status, 'cancelled');
  assert.equal(table.isWaiting(a.id), false);
});

test('replies carry a typed status, not magic strings', () => {
  const ok = { type: 'file/saved', ...replyTo(3, 'cancelled') };
  assert.ok(parseHostMessage(ok).ok);
  assert.equal(parseHostMessage({ ...ok, status: 'canceled' }).ok, false);
  assert.equal(parseHostMessage({ ...ok, inReplyTo: -1 }).ok, false);
  assert.equal(
    parseHostMessage({ type: 'file/saved', inReplyTo: 3, ok: true, detail: '' }).ok,
    false,
  );
  const started = { type: 'train/started', ...replyTo(7, 'error', 'bad formula'), key: 'custom' };
  assert.ok(parseWorkerToPage(started).ok);
});

test('a message the worker cannot read is answered to the run that sent it', () => {
  assert.equal(rawRunId({ type: 'train/start', runId: 12, setup: null }), 12);
  assert.equal(rawRunId({ runId: -3 }), 0);
  assert.equal(rawRunId({ runId: '12' }), 0);
  assert.equal(rawRunId(null), 0);
  assert.equal(isRawStart({ type: 'train/start' }), true);
  assert.equal(isRawStart('train/start'), false);
});
