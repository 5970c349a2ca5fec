/**
 * Placing generated code in a Python document: where the definition goes for a cursor line, how
 * it is indented and spaced (PEP 8), which of the needed imports the file lacks and where they
 * go. Pure text functions; the host turns the resulting edits into a workspace edit.
 */
import type { BindingTable } from '../python/imports';
import { lastAtMost, lineIndexAt, scanLogicalLines, Kw, type LogicalLines } from '../python/scan';
import { fitToImports } from './fileImports';

/** Lines read from the top of a file when looking for imports (bounded work on huge files). */
const HEADER_LINES = 400;

/** One replacement of the document range [from, to) by `text` (UTF-16 offsets). */
export interface TextEditSpec {
  from: number;
  to: number;
  text: string;
}

/** Import statements present in the file, normalised (single spaces). */
function presentImports(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n', HEADER_LINES * 4)) {
    const m = /^(import|from)\s.*$/.exec(line.trim());
    if (m) out.add(line.trim().replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * The offset just after the file's header: a shebang, the module docstring, comments and the
 * import statements at the top (0 when there is none). New imports go here, code never above.
 */
function importHeaderEnd(text: string): number {
  const lines = text.split('\n', HEADER_LINES);
  let offset = 0;
  let pos = 0;
  let inDocstring: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    const end = pos + lines[i].length + 1;
    if (inDocstring) {
      if (t.includes(inDocstring)) [inDocstring, offset] = [undefined, end];
    } else if (i === 0 && t.startsWith('#!')) {
      offset = end;
    } else if (/^[rRuU]?("""|''')/.test(t)) {
      const q = t.includes('"""') ? '"""' : "'''";
      if (t.slice(t.indexOf(q) + 3).includes(q)) offset = end;
      else inDocstring = q;
    } else if (/^(import|from)\s/.test(t)) {
      offset = end;
    } else if (t !== '' && !t.startsWith('#')) {
      break;
    }
    pos = end;
  }
  return Math.min(offset, text.length);
}

/**
 * The imports of `needed` the file lacks, and the offset to insert them at: after the last
 * top-of-file import (or after a module docstring, comments and `from __future__` lines, when
 * there is no import). The text to insert ends with a newline.
 */
export function missingImports(
  text: string,
  needed: readonly string[],
): { offset: number; text: string } | undefined {
  const present = presentImports(text);
  const lacking = needed.filter((n) => !present.has(n.replace(/\s+/g, ' ')));
  if (lacking.length === 0) return undefined;
  const offset = importHeaderEnd(text);
  const prefix = offset > 0 && text[offset - 1] !== '\n' ? '\n' : '';
  return { offset, text: `${prefix}${lacking.join('\n')}\n` };
}

/** Indents every non-empty line of `code` by `indent` (the cursor line's indentation). */
export function indentCode(code: string, indent: string): string {
  if (!indent) return code;
  return code
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}

/**
 * Generated top-level code rewritten as members of a class body, or undefined when it cannot
 * live there: functions become `@staticmethod`s (they take no `self`), classes nest as they are;
 * module-level helpers (`try: from scipy…`, `def _sigmoid`) would be class attributes the
 * functions cannot see, so code with them stays at the top level.
 */
function asClassMembers(code: string): string | undefined {
  const out: string[] = [];
  for (const line of code.replace(/\n$/, '').split('\n')) {
    if (line === '' || /^\s/.test(line)) out.push(line);
    else if (/^class\s/.test(line)) out.push(line);
    else if (/^def\s+[A-Za-z]/.test(line)) out.push('@staticmethod', line);
    else return undefined;
  }
  return out.join('\n') + '\n';
}

/** Start offsets of the physical lines (a text ending in a newline has an empty last line). */
function physicalLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Width of leading whitespace, a tab advancing to the next multiple of 8 (as the scanner). */
function indentWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (ch === ' ') w++;
    else if (ch === '\t') w = (w & ~7) + 8;
    else break;
  }
  return w;
}

/** The outermost block header enclosing logical line `k` (itself at the top level). */
function topLevelOf(ll: LogicalLines, k: number): number {
  let t = k;
  while (ll.parent[t] >= 0) t = ll.parent[t];
  return t;
}

/**
 * Where a definition goes for a cursor on physical line `cursorLine`:
 * - on a blank line indented exactly as the members of an enclosing class (and not splitting a
 *   deeper block), in that class body, when the code can be members (`asClassMembers`);
 * - otherwise at the top level (column 0): in place of a blank line that lies between top-level
 *   blocks or at the end, else after the top-level block that encloses the cursor, so a blank
 *   line VS Code auto-indented after a `return` never puts the code inside that function;
 * - never above the file's imports.
 */
function placement(
  text: string,
  starts: number[],
  cursorLine: number,
  memberOk: boolean,
  ll: LogicalLines,
): { line: number; replace: boolean; member?: { indent: string; first: boolean } } {
  const L = Math.min(Math.max(0, Math.floor(cursorLine)), starts.length - 1);
  const ls = starts[L];
  const lineText = text.slice(ls, L + 1 < starts.length ? starts[L + 1] - 1 : text.length);
  const ws = /^[ \t]*/.exec(lineText)![0];
  const blank = lineText.trim() === '';
  const k = lineIndexAt(ll, ls + ws.length);
  const inside = k >= 0 && ll.start[k] < ls && ll.end[k] >= ls;
  const afterBlock = (t: number): number => lineOf(starts, ll.end[ll.last[t]]) + 1;
  let at: { line: number; replace: boolean; member?: { indent: string; first: boolean } };
  if (k < 0) at = { line: L, replace: blank };
  else if (!blank || inside) at = { line: afterBlock(topLevelOf(ll, k)), replace: false };
  else {
    const c = indentWidth(ws);
    const next = k + 1 < ll.count ? k + 1 : -1;
    for (let K = k; K >= 0 && memberOk; K = ll.parent[K]) {
      const member = K + 1 < ll.count && ll.parent[K + 1] === K ? ll.indent[K + 1] : -1;
      if (ll.keyword[K] !== Kw.Class || member !== c || c === 0) continue;
      if (next < 0 || ll.indent[next] <= c)
        return { line: L, replace: true, member: { indent: ws, first: K === k } };
    }
    const T = topLevelOf(ll, k);
    at =
      next >= 0 && next <= ll.last[T]
        ? { line: afterBlock(T), replace: false }
        : { line: L, replace: true };
  }
  const header = importHeaderEnd(text);
  if (
    header > 0 &&
    starts[Math.min(at.line, starts.length - 1)] < header &&
    at.line < starts.length
  ) {
    return { line: lineOf(starts, header - 1) + 1, replace: false };
  }
  return at;
}

/** Index of the physical line containing `offset`. */
function lineOf(starts: number[], offset: number): number {
  return Math.max(0, lastAtMost(starts, offset));
}

/** Blank physical lines next to line `from` going in direction `step`; Infinity at a file edge. */
function blankRun(text: string, starts: number[], from: number, step: 1 | -1): number {
  let n = 0;
  for (let i = from; i >= 0 && i < starts.length; i += step) {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
    if (text.slice(starts[i], end).trim() !== '') return n;
    n++;
  }
  return Infinity;
}

/** Places generated code for one cursor; see `placeCode`. */
export type Placer = (code: string) => TextEditSpec & { code: string };

/**
 * A function that places generated top-level code (four-space indented, ending with a newline)
 * into `text` for a cursor on physical line `cursorLine` (see `placement` for where), spaced per
 * PEP 8: two blank lines around a top-level definition, one around a class member, none directly
 * below a class header. The document is read once for any number of codes (completion lists).
 * `lines` may pass the document's logical lines when already scanned.
 */
function createPlacer(text: string, cursorLine: number, lines?: LogicalLines): Placer {
  const starts = physicalLineStarts(text);
  const ll = lines ?? scanLogicalLines(text);
  const where = [false, true].map((ok) => placement(text, starts, cursorLine, ok, ll));
  return (code) => {
    const members = asClassMembers(code);
    const at = where[members === undefined ? 0 : 1];
    const body = at.member ? indentCode(members!, at.member.indent) : code;
    const gap = at.member ? 1 : 2;
    const trimmed = body.replace(/\n$/, '');
    if (at.replace) {
      const from = starts[at.line];
      const to = at.line + 1 < starts.length ? starts[at.line + 1] - 1 : text.length;
      const above = at.member?.first ? 0 : gap - blankRun(text, starts, at.line - 1, -1);
      const below = gap - blankRun(text, starts, at.line + 1, 1);
      const t = '\n'.repeat(Math.max(0, above)) + trimmed + '\n'.repeat(Math.max(0, below));
      return { from, to: Math.max(from, to), text: t, code: trimmed };
    }
    const offset = at.line < starts.length ? starts[at.line] : text.length;
    const lead = offset === text.length && text !== '' && !text.endsWith('\n') ? '\n' : '';
    const above = gap - blankRun(text, starts, at.line - 1, -1);
    const below = at.line < starts.length ? gap - blankRun(text, starts, at.line, 1) : 0;
    const t =
      lead + '\n'.repeat(Math.max(0, above)) + trimmed + '\n' + '\n'.repeat(Math.max(0, below));
    return { from: offset, to: offset, text: t, code: trimmed };
  };
}

/** The edit that places `code` for a cursor on `cursorLine` (one-off `createPlacer`). */
export function placeCode(
  text: string,
  cursorLine: number,
  code: string,
  lines?: LogicalLines,
): TextEditSpec & { code: string } {
  return createPlacer(text, cursorLine, lines)(code);
}

/** Generated code and imports; see `Implementation` in generate.ts. */
type CodeAndImports = { code: string; imports: readonly string[] };

/**
 * A function giving every edit that inserts a generated implementation for a cursor on
 * `cursorLine`: its code spelled with the file's own import names (`fitToImports`) and placed by
 * `createPlacer`, and the import statements the file (with the bindings of `table`, earlier
 * notebook cells included) still lacks, at the end of its import header. Edits are sorted and
 * never overlap (an import at the code's offset is merged into the code's edit).
 */
export function createInserter(
  text: string,
  cursorLine: number,
  table: BindingTable,
  lines?: LogicalLines,
): (impl: CodeAndImports) => { edits: TextEditSpec[]; code: string } {
  const place = createPlacer(text, cursorLine, lines);
  return (impl) => {
    const fitted = fitToImports(impl.code, impl.imports, table);
    const placed = place(fitted.code);
    const imports = missingImports(text, fitted.imports);
    const code: TextEditSpec = { from: placed.from, to: placed.to, text: placed.text };
    if (!imports) return { edits: [code], code: placed.code };
    if (imports.offset === code.from) {
      return { edits: [{ ...code, text: imports.text + code.text }], code: placed.code };
    }
    const imp: TextEditSpec = { from: imports.offset, to: imports.offset, text: imports.text };
    return { edits: imp.from < code.from ? [imp, code] : [code, imp], code: placed.code };
  };
}

/** The edits inserting one implementation (one-off `createInserter`). */
export function insertionEdits(
  text: string,
  cursorLine: number,
  impl: CodeAndImports,
  table: BindingTable,
  lines?: LogicalLines,
): { edits: TextEditSpec[]; code: string } {
  return createInserter(text, cursorLine, table, lines)(impl);
}
