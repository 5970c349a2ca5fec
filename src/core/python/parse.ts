/**
 * One analysed Python document: the logical-line scan, the module-level binding table and
 * lezer parse trees of small windows around the offsets asked about. Every piece is built on
 * first use and kept, so one `PythonAnalysis` per (document, version) serves every hover and
 * completion of that version. Work is bounded by size, never by a clock (the core has none):
 * see the exported limits.
 */
import type { Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { BindingTable } from './imports';
import { buildModuleTable } from './moduleTable';
import { reportCoreError } from '../errors';
import { Kw, lineIndexAt, scanLogicalLines, type LogicalLines } from './scan';

export { IMPORTS_MAX_CHARS } from './moduleTable';

/** Documents longer than this (in UTF-16 units) are not analysed at all: every query answers
 * `undefined`. A first query on a document this size takes about 10–30 ms on a slow shared core
 * (bench/detect.bench.ts). */
export const MAX_DOCUMENT_CHARS = 3_000_000;
/** Largest text handed to the parser for one query. A document up to this size is parsed whole
 * once; a larger one is parsed in windows: the innermost function (or top-level statement)
 * around the offset plus the header lines of the blocks enclosing it. */
export const WINDOW_MAX_CHARS = 16_000;
/** Window around the offset when one logical line alone is longer than `WINDOW_MAX_CHARS`
 * (a 200,000-character line, or a bracket never closed): lezer's error recovery reads a call
 * near the offset from such a slice. */
export const LONG_LINE_WINDOW_CHARS = 4_000;
/** Header lines longer than this are left out of a window. */
export const HEADER_MAX_CHARS = 2_000;
/** Enclosing block headers kept in a window (Python itself allows 100 indentation levels). */
const MAX_HEADERS = 64;
/** Parsed windows kept per analysis. */
const WINDOW_CACHE_SIZE = 8;

/** Hands a caught error to the core's error hook; never throws. */
export function reportDetectorError(error: unknown): void {
  reportCoreError(error, 'python detector');
}

/** A parsed window: `tree` positions plus `base` are document offsets. */
export interface ParsedWindow {
  tree: Tree;
  base: number;
  /** Document range that the main part of the window covers. */
  from: number;
  to: number;
}

/**
 * The result of reading one Python document (or notebook cell). Build it with `analyzePython`
 * or `analyzeCells`; pass it to `findMention` and `completionContext`.
 */
export class PythonAnalysis {
  readonly text: string;
  readonly version: number | undefined;
  /** Notebook cells above this one whose bindings were not read (see `MAX_NOTEBOOK_CELLS`). */
  skippedCells = 0;
  private scanned: LogicalLines | null | undefined;
  private table: BindingTable | undefined;
  private readonly windows = new Map<string, ParsedWindow>();

  /** @param inherited module bindings carried over from earlier notebook cells. */
  constructor(
    text: string,
    version?: number,
    private readonly inherited?: BindingTable,
  ) {
    this.text = text;
    this.version = version;
  }

  /** Whether the document is beyond `MAX_DOCUMENT_CHARS` and therefore not analysed. */
  get tooLarge(): boolean {
    return this.text.length > MAX_DOCUMENT_CHARS;
  }

  /** The logical lines, or undefined when the document is too large. */
  lines(): LogicalLines | undefined {
    if (this.scanned === undefined) {
      this.scanned = this.tooLarge ? null : scanLogicalLines(this.text);
    }
    return this.scanned ?? undefined;
  }

  /** Module-level bindings (imports, aliases and shadowing definitions), in document order. */
  moduleTable(): BindingTable {
    if (!this.table) this.table = buildModuleTable(this.text, this.lines(), this.inherited);
    return this.table;
  }

  /** The parsed window that contains `offset`, or undefined when there is none to read. */
  windowAt(offset: number): ParsedWindow | undefined {
    const n = this.text.length;
    if (this.tooLarge || !(offset >= 0 && offset <= n)) return undefined;
    if (n <= WINDOW_MAX_CHARS) return this.parseRanges([{ from: 0, to: n }]);
    const lines = this.lines();
    if (!lines) return undefined;
    const ranges = windowRanges(this.text, lines, offset);
    return ranges ? this.parseRanges(ranges) : undefined;
  }

  private parseRanges(ranges: Array<{ from: number; to: number }>): ParsedWindow {
    const key = ranges.map((r) => `${r.from}-${r.to}`).join(',');
    const hit = this.windows.get(key);
    if (hit) {
      this.windows.delete(key);
      this.windows.set(key, hit);
      return hit;
    }
    const nonEmpty = ranges.filter((r) => r.to > r.from);
    const tree = nonEmpty.length > 0 ? sharedParse(this.text, nonEmpty) : parser.parse('');
    const main = ranges[ranges.length - 1];
    const w: ParsedWindow = {
      tree,
      base: nonEmpty.length > 0 ? nonEmpty[0].from : 0,
      from: main.from,
      to: main.to,
    };
    this.windows.set(key, w);
    if (this.windows.size > WINDOW_CACHE_SIZE) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    return w;
  }
}

/** Parsed windows kept across analyses (document versions), and the characters they cover. */
export const SHARED_TREES_MAX = 4096;
export const SHARED_TREES_MAX_CHARS = 1_000_000;
const sharedTrees = new Map<string, { tree: Tree; chars: number }>();
let sharedChars = 0;

/**
 * The lezer tree of `ranges` of `text` (positions relative to the first range's start), reused
 * from any earlier analysis whose ranges held the same characters in the same layout: the parser
 * reads nothing outside the ranges, so such a tree is the same. An edit therefore re-parses only
 * the windows it touched. Kept least recently used first, bounded by count and characters.
 */
function sharedParse(text: string, ranges: Array<{ from: number; to: number }>): Tree {
  const base = ranges[0].from;
  let chars = 0;
  const parts: string[] = [];
  for (const r of ranges) {
    chars += r.to - r.from;
    parts.push(`${r.from - base}:${r.to - r.from}:`, text.slice(r.from, r.to));
  }
  const key = parts.join('');
  const hit = sharedTrees.get(key);
  if (hit) {
    sharedTrees.delete(key);
    sharedTrees.set(key, hit);
    return hit.tree;
  }
  const tree = parser.parse(text, undefined, ranges);
  if (chars > SHARED_TREES_MAX_CHARS / 4) return tree;
  sharedTrees.set(key, { tree, chars });
  sharedChars += chars;
  for (const [k, v] of sharedTrees) {
    if (sharedTrees.size <= SHARED_TREES_MAX && sharedChars <= SHARED_TREES_MAX_CHARS) break;
    sharedTrees.delete(k);
    sharedChars -= v.chars;
  }
  return tree;
}

/**
 * Chooses the ranges to parse for `offset` in a large document: the block of the logical line
 * at `offset`, grown outwards through enclosing compound statements until it is a whole function
 * (so every local binding of that function is seen), the next enclosing block is a class, or the
 * next step would exceed `WINDOW_MAX_CHARS`; plus the header lines of the blocks still enclosing
 * it, so parameters of enclosing functions are visible.
 */
function windowRanges(
  text: string,
  lines: LogicalLines,
  offset: number,
): Array<{ from: number; to: number }> | undefined {
  const L = lineIndexAt(lines, offset);
  if (L < 0 || offset > lines.end[L]) return undefined;
  const size = (k: number): number => lines.end[lines.last[k]] - lines.lineStart[k];
  let cand = L;
  while (lines.keyword[cand] !== Kw.Def) {
    const p = lines.parent[cand];
    if (p < 0 || lines.keyword[p] === Kw.Class || size(p) > WINDOW_MAX_CHARS) break;
    cand = p;
  }
  const ranges: Array<{ from: number; to: number }> = [];
  let main: { from: number; to: number };
  if (size(cand) <= WINDOW_MAX_CHARS) {
    main = { from: lines.lineStart[cand], to: lines.end[lines.last[cand]] };
  } else if (lines.end[L] - lines.lineStart[L] <= WINDOW_MAX_CHARS) {
    // A header whose block is too large: its own logical line only.
    main = { from: lines.lineStart[L], to: lines.end[L] };
  } else {
    // One huge logical line (a 200,000-character line, or a bracket left open): a slice around
    // the offset, which lezer's error recovery reads well enough for a call near the offset.
    const half = LONG_LINE_WINDOW_CHARS >> 1;
    const from = Math.max(lines.lineStart[L], offset - half);
    main = { from, to: Math.min(lines.end[L], from + LONG_LINE_WINDOW_CHARS) };
    cand = L;
  }
  for (let p = lines.parent[cand]; p >= 0 && ranges.length < MAX_HEADERS; p = lines.parent[p]) {
    const hFrom = lines.lineStart[p];
    const hTo = Math.min(text.length, lines.end[p] + 1);
    if (hTo - hFrom <= HEADER_MAX_CHARS && hTo <= main.from) ranges.push({ from: hFrom, to: hTo });
  }
  ranges.reverse();
  ranges.push(main);
  return ranges;
}

/**
 * Analyses one Python document. Cheap to call: nothing is scanned or parsed until a query needs
 * it. Cache the result per (document, version) and reuse it for every query of that version.
 */
export function analyzePython(text: string, version?: number): PythonAnalysis {
  return new PythonAnalysis(typeof text === 'string' ? text : '', version);
}

/** Replaces IPython magics and shell escapes (`%matplotlib inline`, `!pip install x`) with spaces,
 * keeping every offset. */
export function blankMagics(cell: string): string {
  return cell.replace(
    /^([ \t]*)([%!][^\n]*)/gm,
    (_m, ind: string, rest: string) => ind + ' '.repeat(rest.length),
  );
}
