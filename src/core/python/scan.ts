/**
 * A single linear pass over Python source that finds logical lines (statements as Python's
 * tokenizer joins them: brackets, backslash continuations and triple-quoted strings span
 * physical lines) with their indentation, leading keyword and block structure.
 *
 * It lets the detector pick a small window of the document to hand to the real parser
 * (`@lezer/python`) and build the module-level import table without parsing a large file whole.
 * It understands strings (all prefixes, triple quotes, escapes) and comments, so text inside
 * them never becomes a statement. It is not a parser: everything it reports is re-read by lezer.
 */

/** Leading keyword of a logical line, as far as the detector cares. */
export const enum Kw {
  None = 0,
  Import = 1,
  From = 2,
  Def = 3,
  Class = 4,
}

/** Logical lines of one document, in order. Offsets are UTF-16 indices into the text. */
export interface LogicalLines {
  count: number;
  /** Offset of the physical line start of the first physical line. */
  lineStart: Int32Array;
  /** Offset of the first non-blank character. */
  start: Int32Array;
  /** Offset of the terminating newline, or the text length. */
  end: Int32Array;
  /** Indentation width (a tab advances to the next multiple of 8). */
  indent: Int32Array;
  keyword: Uint8Array;
  /** Offset of the first plain `=` outside brackets (an assignment), or -1. */
  eq: Int32Array;
  /** Index of the nearest earlier logical line with smaller indentation (its block header), or -1. */
  parent: Int32Array;
  /** Index of the last logical line of this line's block (itself when it has no block). */
  last: Int32Array;
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FF = 12;
const HASH = 35;
const BACKSLASH = 92;
const SQ = 39;
const DQ = 34;
const EQ = 61;

/** Whether `c` may continue an identifier (ASCII letters, digits, `_`, and any non-ASCII unit). */
export function isIdentChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128
  );
}

/** Whether `c` may start an identifier. */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

/** Keywords that, at the start of a physical line indented no deeper than an unclosed
 * statement, mean the bracket was never closed (half-typed code): the statement ends there. */
const RESET_WORDS = new Set([
  'def',
  'class',
  'import',
  'from',
  'return',
  'async',
  'with',
  'while',
  'try',
  'except',
  'finally',
  'raise',
  'pass',
  'break',
  'continue',
  'del',
  'assert',
  'global',
  'nonlocal',
]);

/** Characters before `=` that make it part of another operator (`==`, `<=`, `+=`, `:=`, …). */
function isOperatorBeforeEq(c: number): boolean {
  // = ! < > : + - * / % & | ^ @
  return (
    c === 61 ||
    c === 33 ||
    c === 60 ||
    c === 62 ||
    c === 58 ||
    c === 43 ||
    c === 45 ||
    c === 42 ||
    c === 47 ||
    c === 37 ||
    c === 38 ||
    c === 124 ||
    c === 94 ||
    c === 64
  );
}

/** Offset of the line break ending the physical line at `i` (`\r\n` or `\n`), or the length.
 * (A lone `\r`, the classic Mac line end, is not looked for here.) */
function endOfPhysicalLine(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  if (nl < 0) return text.length;
  return nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

/** ASCII characters the scanner passes over without looking: 1 = plain. */
const PLAIN = new Uint8Array(128).fill(1);
for (const ch of '\n\r\\#\'"()[]{}=') PLAIN[ch.charCodeAt(0)] = 0;

/** Skips a string whose opening quote is at `i`; returns the offset just after it. A short
 * string that meets a newline ends there (unterminated); a long one runs to the end. */
function skipString(text: string, i: number): number {
  const n = text.length;
  const q = text.charCodeAt(i);
  if (text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) {
    // Long strings can be long: jump between closing-quote candidates with indexOf; a candidate
    // after an odd number of backslashes is escaped.
    const close = text.slice(i, i + 3);
    let j = i + 3;
    for (;;) {
      const k = text.indexOf(close, j);
      if (k < 0) return n;
      let slashes = 0;
      while (k - slashes - 1 >= j && text.charCodeAt(k - slashes - 1) === BACKSLASH) slashes++;
      if (slashes % 2 === 0) return k + 3;
      j = k + 1;
    }
  }
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j += 2;
    else if (c === q) return j + 1;
    else if (c === NL || c === CR) return j;
    else j++;
  }
  return n;
}

function measureIndent(text: string, i: number): { col: number; pos: number } {
  let col = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === FF) col++;
    else if (c === TAB) col = (Math.floor(col / 8) + 1) * 8;
    else break;
    i++;
  }
  return { col, pos: i };
}

function readWord(text: string, i: number): string {
  let j = i;
  while (j < text.length && isIdentChar(text.charCodeAt(j)) && j - i < 16) j++;
  return text.slice(i, j);
}

function keywordAt(text: string, i: number): Kw {
  const w = readWord(text, i);
  switch (w) {
    case 'import':
      return Kw.Import;
    case 'from':
      return Kw.From;
    case 'def':
      return Kw.Def;
    case 'class':
      return Kw.Class;
    case 'async': {
      const m = measureIndent(text, i + 5);
      return readWord(text, m.pos) === 'def' ? Kw.Def : Kw.None;
    }
    default:
      return Kw.None;
  }
}

/** Whether the physical line at `pos` (first non-blank) looks like a new statement. */
function looksLikeStatementStart(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c === 64) return true; // A decorator.
  if (!isIdentStart(c)) return false;
  const w = readWord(text, pos);
  if (RESET_WORDS.has(w)) return true;
  // `name = value` with a space before `=`: an assignment, where a keyword argument is `name=value`.
  let j = pos + w.length;
  while (j < text.length && (text.charCodeAt(j) === 46 || isIdentChar(text.charCodeAt(j)))) j++;
  return (
    text.charCodeAt(j) === SPACE && text.charCodeAt(j + 1) === EQ && text.charCodeAt(j + 2) !== EQ
  );
}

class Grow {
  lineStart = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  indent = new Int32Array(64);
  keyword = new Uint8Array(64);
  eq = new Int32Array(64);
  count = 0;
  push(ls: number, s: number, e: number, ind: number, kw: Kw, eq: number): void {
    if (this.count === this.start.length) {
      const size = this.count * 2;
      const g = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(size);
        b.set(a);
        return b;
      };
      this.lineStart = g(this.lineStart, (k) => new Int32Array(k));
      this.start = g(this.start, (k) => new Int32Array(k));
      this.end = g(this.end, (k) => new Int32Array(k));
      this.indent = g(this.indent, (k) => new Int32Array(k));
      this.keyword = g(this.keyword, (k) => new Uint8Array(k));
      this.eq = g(this.eq, (k) => new Int32Array(k));
    }
    const k = this.count++;
    this.lineStart[k] = ls;
    this.start[k] = s;
    this.end[k] = e;
    this.indent[k] = ind;
    this.keyword[k] = kw;
    this.eq[k] = eq;
  }
}

/**
 * Splits `text` into logical lines. Linear in the text length; never throws on any input.
 * Blank and comment-only lines produce no logical line.
 */
export function scanLogicalLines(text: string): LogicalLines {
  const n = text.length;
  const out = new Grow();
  let i = 0;
  while (i < n) {
    const lineStart = i;
    const m = measureIndent(text, i);
    i = m.pos;
    if (i >= n) break;
    const first = text.charCodeAt(i);
    if (first === NL || first === CR || first === HASH || first === BACKSLASH) {
      // Blank or comment-only line (a stray backslash line is treated the same).
      i = endOfPhysicalLine(text, i) + 1;
      if (text.charCodeAt(i - 1) === CR && text.charCodeAt(i) === NL) i++;
      continue;
    }
    const start = i;
    const kw = keywordAt(text, i);
    let depth = 0;
    let eq = -1;
    let end = n;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128 || PLAIN[c] === 1) {
        // Identifiers, numbers, spaces and most operators: nothing to track. A string prefix
        // (`r`, `b`, `f`, …) needs no care either, since every kind of string ends the same way.
        i++;
        continue;
      }
      if (c === NL || (c === CR && text.charCodeAt(i + 1) !== NL)) {
        if (depth === 0) {
          end = i;
          i++;
          break;
        }
        const next = measureIndent(text, i + 1);
        if (next.col <= m.col && next.pos < n && looksLikeStatementStart(text, next.pos)) {
          end = i;
          i++;
          break;
        }
        i++;
      } else if (c === CR) {
        i++;
      } else if (c === BACKSLASH) {
        i += 2;
        if (text.charCodeAt(i - 1) === CR && text.charCodeAt(i) === NL) i++;
      } else if (c === HASH) {
        i = endOfPhysicalLine(text, i);
      } else if (c === SQ || c === DQ) {
        i = skipString(text, i);
      } else if (c === 40 || c === 91 || c === 123) {
        depth++;
        i++;
      } else if (c === 41 || c === 93 || c === 125) {
        if (depth > 0) depth--;
        i++;
      } else if (c === EQ) {
        if (text.charCodeAt(i + 1) === EQ) i += 2;
        else {
          if (depth === 0 && eq < 0 && !isOperatorBeforeEq(text.charCodeAt(i - 1))) eq = i;
          i++;
        }
      } else {
        i++;
      }
    }
    if (i >= n && end > n) end = n;
    out.push(lineStart, start, Math.min(end, n), m.col, kw, eq);
  }
  return finishStructure(out);
}

function finishStructure(g: Grow): LogicalLines {
  const count = g.count;
  const parent = new Int32Array(count);
  const last = new Int32Array(count);
  const stack: number[] = [];
  for (let k = 0; k < count; k++) {
    const ind = g.indent[k];
    while (stack.length > 0 && g.indent[stack[stack.length - 1]] >= ind) {
      last[stack.pop() as number] = k - 1;
    }
    parent[k] = stack.length > 0 ? stack[stack.length - 1] : -1;
    stack.push(k);
  }
  for (const k of stack) last[k] = count - 1;
  return {
    count,
    lineStart: g.lineStart.subarray(0, count),
    start: g.start.subarray(0, count),
    end: g.end.subarray(0, count),
    indent: g.indent.subarray(0, count),
    keyword: g.keyword.subarray(0, count),
    eq: g.eq.subarray(0, count),
    parent,
    last,
  };
}

/**
 * Index of the last of the first `count` entries of the ascending `sorted` that is ≤ `x`, or -1
 * when none is (binary search, O(log count)). Line tables use it to find the line of an offset.
 */
export function lastAtMost(
  sorted: ArrayLike<number>,
  x: number,
  count: number = sorted.length,
): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the logical line whose first physical line starts at or before `offset`, or -1. */
export function lineIndexAt(lines: LogicalLines, offset: number): number {
  return lastAtMost(lines.lineStart, offset, lines.count);
}
