import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kw, lineIndexAt, scanLogicalLines } from '../../src/core/python/scan';

/** The logical lines of `text` as source slices (first non-blank to end). */
function statements(text: string): string[] {
  const l = scanLogicalLines(text);
  return Array.from({ length: l.count }, (_, k) => text.slice(l.start[k], l.end[k]));
}

test('brackets, continuations and long strings join physical lines', () => {
  const text = 'a = f(1,\n      2)\nb = 1 + \\\n    2\nc = """x\ny"""\nd = 4\n';
  assert.deepEqual(statements(text), [
    'a = f(1,\n      2)',
    'b = 1 + \\\n    2',
    'c = """x\ny"""',
    'd = 4',
  ]);
});

test('strings and comments hide brackets, quotes and keywords', () => {
  const text = [
    "s = ')' + \"(\" + '\\'(' + r'\\' + ')'",
    '# import torch (',
    't = """ \\""" ( """',
    "u = b'\\\\'",
    'v = 1  # (',
    'w = 2',
  ].join('\n');
  const got = statements(text);
  assert.equal(got.length, 5, JSON.stringify(got));
  assert.equal(got[4], 'w = 2');
});

test('blank and comment-only lines make no statement; CRLF ends lines', () => {
  assert.deepEqual(statements('\n   \n# c\n\tx = 1\r\n\r\ny = 2\r\n'), ['x = 1\r', 'y = 2\r']);
});

test('an unclosed bracket ends at the next statement keyword or assignment no deeper than it', () => {
  const text = 'y = F.relu(x, 0.2\nz = nn.GELU()\ndef f():\n    pass\nq = g(\n    a=1,\n)\n';
  assert.deepEqual(statements(text), [
    'y = F.relu(x, 0.2',
    'z = nn.GELU()',
    'def f():',
    'pass',
    'q = g(\n    a=1,\n)',
  ]);
});

test('keywords, assignments and block structure', () => {
  const text =
    'import torch\nfrom a import b\nclass C:\n    def f(self):\n        x = 1\n    async def g(self): pass\ny == 2\nz: int = 3\n';
  const l = scanLogicalLines(text);
  assert.deepEqual(Array.from(l.keyword), [
    Kw.Import,
    Kw.From,
    Kw.Class,
    Kw.Def,
    Kw.None,
    Kw.Def,
    Kw.None,
    Kw.None,
  ]);
  assert.deepEqual(Array.from(l.parent), [-1, -1, -1, 2, 3, 2, -1, -1]);
  assert.deepEqual(Array.from(l.last), [0, 1, 5, 4, 4, 5, 6, 7]);
  assert.equal(l.eq[6], -1, '== is not an assignment');
  assert.equal(text.slice(l.eq[7] - 4, l.eq[7] + 1), 'int =');
  assert.equal(lineIndexAt(l, text.indexOf('x = 1')), 4);
  assert.equal(lineIndexAt(l, 0), 0);
});

test('an unterminated long string runs to the end; a short one stops at the line end', () => {
  assert.deepEqual(statements('a = """abc\nimport x\n'), ['a = """abc\nimport x\n']);
  assert.deepEqual(statements("a = 'abc\nimport x\n"), ["a = 'abc", 'import x']);
});
