/**
 * From a parsed table and a choice of columns to the data a `table` dataset trains on: one or
 * two numeric input columns and one target. A target with text values, or with at most
 * `maxClasses` distinct whole numbers, is a class label (classes in sorted order); any other
 * numeric target is a regression target. Rows with a missing or non-numeric value in a chosen
 * column are skipped and reported by line and reason; above `maxRows` usable rows a seeded sample
 * is used. A choice that leaves nothing to learn gives one message and no data.
 */
import { createRng } from '../train/rng';
import { TABLE_LIMITS } from './limits';
import { rowError, type ParsedTable, type TableError } from './parseTable';
import { tableText, type TableText, type TableTextKey } from './tableText';

/** Which columns to use, by index into `ParsedTable.columns`. */
export interface ColumnChoice {
  /** One or two input columns. */
  inputs: number[];
  target: number;
}

/** The rows of a column choice, ready for `createTrainer({ dataset: { name: 'table', … } })`. */
export interface TableData {
  /** Input values per row, in the file's units. */
  x: number[][];
  /** Class index (0 … classes − 1) or the regression target. */
  y: number[];
  task: 'classification' | 'regression';
  /** Class names in index order (classification only). */
  classes?: string[];
  inputNames: string[];
  targetName: string;
  /** Rows skipped: the parser's and the column choice's, by line. */
  skipped: TableError[];
  /** Rows with every chosen value usable. */
  usable: number;
  /** Whether `x`, `y` are a seeded sample of `maxRows` of the usable rows. */
  sampled: boolean;
}

export type PickResult =
  { ok: true; data: TableData } | { ok: false; message: string; text: TableText };

function refuse(key: TableTextKey, ...args: (string | number)[]): PickResult {
  return { ok: false, ...tableText(key, ...args) };
}

/** The target's kind and, for classes, the sorted class values. */
function targetKind(
  values: (string | number)[],
): { task: 'regression' } | { task: 'classification'; classes: (string | number)[] } {
  const filled = values.filter((v) => v !== '');
  const numeric = filled.every((v) => typeof v === 'number');
  if (numeric) {
    const distinct = [...new Set(filled as number[])];
    const few = distinct.length <= TABLE_LIMITS.maxClasses;
    if (!few || !distinct.every((v) => Number.isInteger(v))) return { task: 'regression' };
    return { task: 'classification', classes: distinct.sort((a, b) => a - b) };
  }
  return { task: 'classification', classes: [...new Set(filled.map(String))].sort() };
}

/** Why a cell of an input column cannot be used, or undefined. */
function badInput(v: string | number, line: number, column: string): TableError | undefined {
  if (v === '') return rowError(line, 'emptyCell', column);
  if (typeof v === 'string') return rowError(line, 'notNumber', v, column);
  if (!Number.isFinite(v)) return rowError(line, 'notFinite', v, column);
  return undefined;
}

/** Picks `count` of `n` indices with a seeded partial shuffle, returned in ascending order. */
export function sampleIndices(n: number, count: number, seed: number): number[] {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed, 0x7ab1e);
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return Array.from(idx.subarray(0, count)).sort((a, b) => a - b);
}

/**
 * The training data of `choice` over `table`. Refuses (one message) a choice without one or two
 * inputs, a target among the inputs, no usable row, a single class, or more than `maxClasses`
 * classes; otherwise skips bad rows with a reason each and samples down to `maxRows`.
 */
export function pickColumns(table: ParsedTable, choice: ColumnChoice, seed = 1): PickResult {
  const { columns } = table;
  const inRange = (c: number) => Number.isInteger(c) && c >= 0 && c < columns.length;
  if (choice.inputs.length < 1 || choice.inputs.length > 2 || !choice.inputs.every(inRange))
    return refuse('chooseInputs');
  if (!inRange(choice.target)) return refuse('chooseTarget');
  if (choice.inputs.includes(choice.target)) return refuse('targetIsInput');
  if (new Set(choice.inputs).size !== choice.inputs.length) return refuse('sameInputs');
  const targetName = columns[choice.target];
  const skipped: TableError[] = table.errors.filter((e) => e.line > 0);
  const xs: number[][] = [];
  const targets: (string | number)[] = [];
  table.rows.forEach((row, i) => {
    const line = table.lines[i] ?? i + 1;
    const point: number[] = [];
    for (const c of choice.inputs) {
      const why = badInput(row[c], line, columns[c]);
      if (why) return skipped.push(why);
      point.push(row[c] as number);
    }
    const t = row[choice.target];
    if (t === '' || (typeof t === 'number' && !Number.isFinite(t)))
      return skipped.push(rowError(line, 'noTarget', targetName));
    xs.push(point);
    targets.push(t);
  });
  skipped.sort((a, b) => a.line - b.line);
  if (xs.length === 0) return refuse('noUsableRows');
  const kind = targetKind(targets);
  if (kind.task === 'classification' && kind.classes.length > TABLE_LIMITS.maxClasses)
    return refuse('tooManyClasses', targetName, kind.classes.length, TABLE_LIMITS.maxClasses);
  if (kind.task === 'classification' && kind.classes.length < 2)
    return refuse('oneClass', targetName, kind.classes[0]);
  if (xs.length < TABLE_LIMITS.minRows)
    return refuse('tooFewRows', xs.length, TABLE_LIMITS.minRows);
  const classIndex = new Map<string, number>();
  if (kind.task === 'classification') kind.classes.forEach((c, i) => classIndex.set(String(c), i));
  const ys = targets.map((t) =>
    kind.task === 'classification' ? classIndex.get(String(t))! : (t as number),
  );
  const usable = xs.length;
  const sampled = usable > TABLE_LIMITS.maxRows;
  const keep = sampled ? sampleIndices(usable, TABLE_LIMITS.maxRows, seed) : undefined;
  return {
    ok: true,
    data: {
      x: keep ? keep.map((i) => xs[i]) : xs,
      y: keep ? keep.map((i) => ys[i]) : ys,
      task: kind.task,
      classes: kind.task === 'classification' ? kind.classes.map(String) : undefined,
      inputNames: choice.inputs.map((c) => columns[c]),
      targetName,
      skipped,
      usable,
      sampled,
    },
  };
}
