/**
 * The host's rules for a data file (src/core/data/dataFile.ts, used by src/dataFiles.ts): which
 * bytes are a readable table, and which files a reloaded page may have read again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeDataBytes,
  mayReread,
  rememberFile,
  REMEMBERED_FILES,
} from '../../src/core/data/dataFile';
import { TABLE_LIMITS } from '../../src/core/data/limits';

const utf8 = (s: string) => new TextEncoder().encode(s);

test('data file bytes: UTF-8 text is read, a byte order mark dropped', () => {
  assert.deepEqual(decodeDataBytes(utf8('x,y,ラベル\n1,2,a\n')), {
    ok: true,
    text: 'x,y,ラベル\n1,2,a\n',
  });
  const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('x,y\n1,2\n')]);
  assert.deepEqual(decodeDataBytes(bom), { ok: true, text: 'x,y\n1,2\n' });
  assert.deepEqual(decodeDataBytes(new Uint8Array(0)), { ok: true, text: '' });
});

test('data file bytes: binary, UTF-16 and non-UTF-8 exports are refused as not text', () => {
  const notText = { ok: false, reason: 'notText' };
  // A zip (an .xlsx renamed .csv): NUL bytes near the start.
  assert.deepEqual(
    decodeDataBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])),
    notText,
  );
  // UTF-16LE with its byte order mark: every other byte of ASCII text is NUL.
  const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'x,y\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
  assert.deepEqual(decodeDataBytes(utf16), notText);
  // Latin-1 "café" and Shift_JIS "ラベル": not valid UTF-8 sequences.
  assert.deepEqual(decodeDataBytes(Uint8Array.from([...utf8('name\ncaf'), 0xe9, 0x0a])), notText);
  assert.deepEqual(decodeDataBytes(Uint8Array.from([0x83, 0x89, 0x83, 0x78, 0x83, 0x8b])), notText);
  // A NUL after the first 8 KB is left to the UTF-8 check (it is valid UTF-8) and the parser.
  const late = new Uint8Array(9000).fill(0x31);
  late[8500] = 0;
  assert.equal(decodeDataBytes(late).ok, true);
});

test('data file bytes: more than the stated limit is refused as too large', () => {
  const big = new Uint8Array(TABLE_LIMITS.maxBytes + 1).fill(0x31);
  assert.deepEqual(decodeDataBytes(big), { ok: false, reason: 'tooLarge' });
  assert.equal(decodeDataBytes(big.subarray(1)).ok, true, 'exactly the limit is read');
});

test('remembered files: the chosen one first, no repeats, at most twenty', () => {
  assert.deepEqual(rememberFile(undefined, 'file:///a.csv'), ['file:///a.csv']);
  assert.deepEqual(rememberFile(['file:///b.csv', 'file:///a.csv'], 'file:///a.csv'), [
    'file:///a.csv',
    'file:///b.csv',
  ]);
  const many = Array.from({ length: 30 }, (_, i) => `file:///${i}.csv`);
  const kept = rememberFile(many, 'file:///new.csv');
  assert.equal(kept.length, REMEMBERED_FILES);
  assert.equal(kept[0], 'file:///new.csv');
  assert.equal(kept[REMEMBERED_FILES - 1], `file:///${REMEMBERED_FILES - 2}.csv`);
});

test('a reloaded page may have only files chosen in this workspace read again', () => {
  const stored = rememberFile([], 'file:///work/leaves.csv');
  assert.equal(mayReread(stored, 'file:///work/leaves.csv'), true);
  assert.equal(mayReread(stored, 'file:///etc/passwd'), false, 'a file never chosen');
  assert.equal(mayReread(stored, 'file:///work/leaves.csv.bak'), false, 'no prefix match');
  assert.equal(mayReread([], 'file:///work/leaves.csv'), false, 'nothing chosen yet');
  // Whatever a damaged workspace store holds, nothing is read that was not chosen.
  for (const damaged of [undefined, null, 'file:///etc/passwd', { 0: 'file:///x' }, [1, null]])
    assert.equal(mayReread(damaged, 'file:///etc/passwd'), false);
  assert.deepEqual(rememberFile('garbage', 'file:///a.csv'), ['file:///a.csv']);
});
