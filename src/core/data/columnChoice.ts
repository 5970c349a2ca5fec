/**
 * The column picker's logic: what kind of values each column holds, the choice offered first
 * (the last column is the target, the first one or two numeric columns before it the inputs), and
 * a saved choice found again by column names after the file was read anew.
 */
import type { ParsedTable } from './parseTable';
import type { ColumnChoice } from './tableColumns';

/** What a column holds: mostly numbers, mostly text, or nothing. */
export type ColumnKind = 'number' | 'text' | 'empty';

/**
 * The kind of every column of `table`: `number` when more than half of its filled cells are
 * numbers (so a few bad cells, reported later as bad rows, do not hide a numeric column), `text`
 * when it has filled cells otherwise, `empty` when every cell is missing.
 */
export function columnKinds(table: ParsedTable): ColumnKind[] {
  return table.columns.map((_, c) => {
    let filled = 0;
    let numbers = 0;
    for (const row of table.rows) {
      const v = row[c];
      if (v === '' || v === undefined) continue;
      filled++;
      if (typeof v === 'number') numbers++;
    }
    return filled === 0 ? 'empty' : numbers * 2 > filled ? 'number' : 'text';
  });
}

/**
 * The choice offered first: the last non-empty column is the target, and the first two numeric
 * columns other than it are the inputs (one when there is only one). Undefined when the table has
 * no numeric column to learn from besides the target.
 */
export function defaultChoice(table: ParsedTable): ColumnChoice | undefined {
  const kinds = columnKinds(table);
  let target = kinds.length - 1;
  while (target >= 0 && kinds[target] === 'empty') target--;
  if (target < 0) return undefined;
  const inputs = kinds
    .map((k, c) => (k === 'number' && c !== target ? c : -1))
    .filter((c) => c >= 0)
    .slice(0, 2);
  return inputs.length ? { inputs, target } : undefined;
}

/** A choice by column names (as saved) over `table`; undefined when a name is no longer there. */
export function choiceByNames(
  table: ParsedTable,
  names: { inputs: readonly string[]; target: string },
): ColumnChoice | undefined {
  const inputs = names.inputs.map((n) => table.columns.indexOf(n));
  const target = table.columns.indexOf(names.target);
  if (target < 0 || inputs.length < 1 || inputs.length > 2 || inputs.some((c) => c < 0))
    return undefined;
  return { inputs, target };
}
