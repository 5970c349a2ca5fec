/**
 * Reads a delimited text table (CSV, TSV, semicolon-separated …) with Papa Parse: quoted fields
 * (with delimiters and line breaks inside), a byte-order mark, CRLF or LF line ends. On top of
 * the library this file detects the delimiter and whether the first row is a header, turns
 * numeric cells into numbers, and keeps the file's line number of every row (a quoted field can
 * span lines, so row index ≠ line number). Nothing here throws on bad input: problems become
 * `errors` entries with their line.
 */
import Papa from 'papaparse';
import { TABLE_LIMITS } from './limits';
import { tableText, type TableText, type TableTextKey } from './tableText';

export { TABLE_LIMITS };

/** One problem of a row: the line of the file (1-based, the header is line 1) and what is wrong. */
export interface TableError {
  line: number;
  message: string;
  /** The same report as a template and its values, for a translation (see `tableText.ts`). */
  text?: TableText;
}

/** A row error on `line` from a template. */
export function rowError(
  line: number,
  key: TableTextKey,
  ...args: (string | number)[]
): TableError {
  return { line, ...tableText(key, line, ...args) };
}

/** A parsed table. */
export interface ParsedTable {
  /** Column names: the header's, or `column 1`, `column 2` … for a file without one. */
  columns: string[];
  /** One array per data row, as long as `columns`: numbers, strings, or '' for a missing value. */
  rows: (string | number)[][];
  /** Rows that could not be read (skipped), and a refusal of the whole file (line 0). */
  errors: TableError[];
  /** File line on which each row starts (parallel to `rows`). */
  lines: number[];
  /** The delimiter found (`,`, `;`, a tab or `|`). */
  delimiter: string;
  /** Whether the first row was taken as the header. */
  header: boolean;
}

const DELIMITERS = [',', ';', '\t', '|'];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A decimal comma (`1,5`), common in semicolon- and tab-separated files. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** Cells that mean "no value". */
const MISSING = /^(na|n\/a|nan|null|none|\?)$/i;

/** The number a cell holds, or undefined. */
function toNumber(cell: string, decimalComma: boolean): number | undefined {
  if (NUMBER.test(cell)) return Number(cell);
  if (decimalComma && DECIMAL_COMMA.test(cell)) return Number(cell.replace(',', '.'));
  return undefined;
}

/** A cell as the table keeps it: a number, a trimmed string, or '' when missing. */
function cellValue(raw: string, decimalComma: boolean): string | number {
  const s = raw.trim();
  if (s === '' || MISSING.test(s)) return '';
  return toNumber(s, decimalComma) ?? s;
}

function refuse(key: TableTextKey, ...args: (string | number)[]): ParsedTable {
  return {
    columns: [],
    rows: [],
    errors: [{ line: 0, ...tableText(key, ...args) }],
    lines: [],
    delimiter: ',',
    header: false,
  };
}

/** Fields per non-empty row of the first lines under `delimiter`. */
function fieldCounts(sample: string, delimiter: string): number[] {
  const r = Papa.parse<string[]>(sample, { delimiter, preview: 30, skipEmptyLines: 'greedy' });
  return r.data.map((row) => row.length);
}

/**
 * The delimiter under which the first rows have the same number of fields (at least two), the
 * most of them; a comma when none qualifies (a one-column file).
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = fieldCounts(sample, d);
    if (counts.length === 0) continue;
    const mode = counts[0];
    const same = counts.filter((c) => c === mode).length / counts.length;
    if (mode < 2) continue;
    const score = same * 100 + Math.min(mode, 50);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * Whether `first` is a header over the data rows `rest` (Python's csv.Sniffer idea): a column
 * whose values are mostly numbers votes "header" when its first cell is not a number and
 * "no header" when it is; a text column votes "no header" when its first cell also occurs below.
 * Ties go to "header" only when no cell of the first row is a number.
 */
export function looksLikeHeader(first: (string | number)[], rest: (string | number)[][]): boolean {
  let votes = 0;
  for (let c = 0; c < first.length; c++) {
    let numbers = 0;
    let filled = 0;
    const seen = new Set<string | number>();
    for (const row of rest) {
      const v = row[c];
      if (v === '' || v === undefined) continue;
      filled++;
      if (typeof v === 'number') numbers++;
      seen.add(v);
    }
    const h = first[c];
    if (filled === 0) continue;
    if (numbers / filled > 0.5) votes += typeof h === 'number' ? -1 : h === '' ? 0 : 1;
    else if (typeof h === 'number' || seen.has(h)) votes -= 1;
  }
  if (votes !== 0) return votes > 0;
  return first.every((v) => typeof v === 'string' && v !== '');
}

/** Column names from a header row: trimmed, blanks named by position, duplicates numbered. */
function columnNames(header: (string | number)[] | undefined, width: number): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (let c = 0; c < width; c++) {
    let n = header && header[c] !== undefined && header[c] !== '' ? String(header[c]) : '';
    if (!n) n = `column ${c + 1}`;
    let unique = n;
    for (let k = 2; used.has(unique); k++) unique = `${n} (${k})`;
    used.add(unique);
    names.push(unique);
  }
  return names;
}

/**
 * Parses `text` into columns and rows. A text over `TABLE_LIMITS.maxChars` is refused at once
 * (one error on line 0, nothing parsed). Rows with more fields than the header are skipped with
 * an error; shorter rows are padded with missing values; empty lines are ignored.
 */
export function parseTable(text: string): ParsedTable {
  if (typeof text !== 'string') return refuse('notText');
  if (text.length > TABLE_LIMITS.maxChars)
    return refuse('tooLarge', (text.length / (1024 * 1024)).toFixed(1));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const decimalComma = delimiter !== ',';
  const raw: { cells: (string | number)[]; line: number }[] = [];
  const errors: TableError[] = [];
  let line = 1;
  let scanned = 0;
  let start = 0;
  const lineAt = (pos: number) => {
    for (; scanned < pos; scanned++) if (body.charCodeAt(scanned) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (r) => {
      const at = lineAt(start);
      start = r.meta.cursor;
      const fields = r.data;
      if (r.errors.length > 0) {
        const e = r.errors[0];
        errors.push(
          e.code === 'MissingQuotes'
            ? rowError(at, 'unclosedQuote')
            : e.code === 'InvalidQuotes'
              ? rowError(at, 'badQuote')
              : rowError(at, 'rowError', e.message),
        );
        return;
      }
      if (fields.every((f) => f.trim() === '')) return;
      raw.push({ cells: fields.map((f) => cellValue(f, decimalComma)), line: at });
    },
  });
  if (raw.length === 0) return { ...refuse('noRows'), delimiter };
  const header =
    raw.length > 1 &&
    looksLikeHeader(
      raw[0].cells,
      raw.slice(1, 200).map((r) => r.cells),
    );
  const width = header
    ? raw[0].cells.length
    : Math.max(...raw.slice(0, 200).map((r) => r.cells.length));
  const columns = columnNames(header ? raw[0].cells : undefined, width);
  const rows: (string | number)[][] = [];
  const lines: number[] = [];
  for (let i = header ? 1 : 0; i < raw.length; i++) {
    const { cells, line: at } = raw[i];
    // A trailing delimiter gives empty fields past the last column: harmless.
    while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > width) {
      errors.push(rowError(at, 'tooManyFields', cells.length, width));
      continue;
    }
    while (cells.length < width) cells.push('');
    rows.push(cells);
    lines.push(at);
  }
  return { columns, rows, errors, lines, delimiter, header };
}
