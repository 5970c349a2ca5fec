/**
 * The sentences a data file's problems are reported in, as templates with `{0}`-style slots:
 * the core fills them in English (`message`), and the page looks the same template up in its
 * l10n bundle (`t(TABLE_TEXT[key], ...args)`), so the Japanese report says the same thing. Slots
 * carry file data (cell text, column names): whoever shows them sets them as text, never markup.
 */

/** Every template, by key. */
export const TABLE_TEXT = {
  notText: 'the file is not text',
  tooLarge: 'the file is {0} MB; files up to 10 MB can be loaded',
  noRows: 'the file has no rows',
  rowError: 'line {0}: {1}',
  unclosedQuote: 'line {0}: a quoted field is not closed',
  badQuote: 'line {0}: a quote inside a quoted field is not doubled',
  tooManyFields: 'line {0}: {1} fields, but the header has {2}',
  chooseInputs: 'choose one or two input columns',
  chooseTarget: 'choose a target column',
  targetIsInput: 'the target column cannot also be an input',
  sameInputs: 'choose two different input columns',
  emptyCell: 'line {0}: column {1} is empty',
  notNumber: "line {0}: '{1}' in column {2} is not a number",
  notFinite: 'line {0}: {1} in column {2} is not a finite number',
  noTarget: 'line {0}: column {1} has no usable value',
  noUsableRows: 'no row has usable values in the chosen columns',
  tooFewRows: 'only {0} rows have usable values; at least {1} are needed',
  tooManyClasses:
    'the target column {0} has {1} different values; at most {2} classes can be learnt',
  oneClass: 'every usable row has the same {0} ({1}); at least two classes are needed',
} as const;

export type TableTextKey = keyof typeof TABLE_TEXT;

/** A report in template form: which sentence, with which values in its slots. */
export interface TableText {
  key: TableTextKey;
  args: (string | number)[];
}

/** `template` with `{n}` replaced by `args[n]` (one pass: a value that contains `{1}` stays as is). */
export function fillTemplate(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => String(args[+i] ?? m));
}

/** The English sentence of a report and the report itself. */
export function tableText(
  key: TableTextKey,
  ...args: (string | number)[]
): { message: string; text: TableText } {
  return { message: fillTemplate(TABLE_TEXT[key], args), text: { key, args } };
}
