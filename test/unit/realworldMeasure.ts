// The real-world corpus measurement: hover every hand-labelled token of the files in
// test/fixtures/realworld/ (labels.json; where each file comes from in sources.json) and score
// the answers with `score` below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePython, type PythonAnalysis } from '../../src/core/python/parse';
import { analyzeCells } from '../../src/core/python/notebookCells';
import { hoverAt, type HoverAnswer } from '../../src/core/hover/hoverAt';
import { jsonHoverAt } from '../../src/core/hover/jsonHover';

export const REALWORLD_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'realworld');

export type LabelKind = 'direct' | 'indirect' | 'unknown' | 'none';

/**
 * One hand-written label: the token on `line` (the `nth` occurrence, in code cell `cell` of a
 * notebook) and what its hover should say: `direct`/`indirect` an activation `id` with `params`,
 * `unknown` a value the file does not fix (`unknownParams`), `none` no hover at all.
 */
export interface Label {
  line: number;
  cell?: number;
  token: string;
  nth?: number;
  kind: LabelKind;
  id?: string;
  params?: Record<string, number | string | boolean>;
  unknownParams?: string[];
  why: string;
}

export interface Source {
  file: string;
  repo: string;
  path: string;
  commit: string;
  licence: string;
}

type Answer = HoverAnswer;

export interface Outcome {
  file: string;
  label: Label;
  ok: boolean;
  /** Wrong parameters or a wrong id shown without saying it is uncertain or ambiguous. */
  unflaggedWrong: boolean;
  got: string;
}

/** `text` split into code cells (a notebook) or one cell (a script or JSON file). */
function cellsOf(file: string, text: string): string[] {
  if (!file.endsWith('.ipynb')) return [text];
  const nb = JSON.parse(text) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
}

/** UTF-16 offset of the middle of the label's token, or an error message. */
export function tokenOffset(cell: string, label: Label): number | string {
  const lines = cell.split('\n');
  if (label.line < 1 || label.line > lines.length) return `line ${label.line} out of range`;
  let start = 0;
  for (let i = 0; i < label.line - 1; i++) start += lines[i].length + 1;
  let col = -1;
  for (let k = 0; k <= (label.nth ?? 0); k++) {
    col = lines[label.line - 1].indexOf(label.token, col + 1);
    if (col < 0) return `token ${label.token} #${label.nth ?? 0} not on line ${label.line}`;
  }
  // The occurrence must be the whole token, not part of a longer name (`act_layer` in
  // `norm_act_layer`): a label that points into another name measures the wrong hover.
  const line = lines[label.line - 1];
  const word = /\w/;
  const inside =
    (word.test(label.token[0]) && word.test(line.charAt(col - 1))) ||
    (word.test(label.token[label.token.length - 1]) &&
      word.test(line.charAt(col + label.token.length)));
  if (inside)
    return `token ${label.token} #${label.nth ?? 0} on line ${label.line} is part of a longer name`;
  return start + col + Math.floor(label.token.length / 2);
}

/** The hover the core gives at the label's token. */
function answerAt(file: string, cells: string[], label: Label, at: number): Answer | undefined {
  if (file.endsWith('.json')) {
    return jsonHoverAt(cells[0], at);
  }
  const analysis: PythonAnalysis = file.endsWith('.ipynb')
    ? analyzeCells(cells, label.cell ?? 0)
    : analyzePython(cells[0]);
  return hoverAt(analysis, at);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-12 || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

/**
 * Scores one label against the answer. `none`: right when there is no hover. `unknown`: right
 * when there is no hover, several alternatives, or every `unknownParams` marked uncertain.
 * `direct`/`indirect`: right when the id and every labelled parameter match. A wrong answer is
 * "unflagged" when the hover shows it without marking it uncertain or ambiguous.
 */
export function score(label: Label, answer: Answer | undefined): Omit<Outcome, 'file' | 'label'> {
  const got = answer
    ? `${answer.id} ${JSON.stringify(answer.resolved.params)}` +
      (answer.resolved.uncertain?.length
        ? ` uncertain=${answer.resolved.uncertain?.join(',')}`
        : '') +
      (answer.alternatives?.length ? ` alternatives=${answer.alternatives.length}` : '')
    : 'no hover';
  const uncertain = new Set(answer ? (answer.resolved.uncertain ?? []) : []);
  const ambiguous = (answer?.alternatives?.length ?? 0) > 1;
  switch (label.kind) {
    case 'none':
      return { ok: !answer, unflaggedWrong: false, got };
    case 'unknown': {
      const ok = !answer || ambiguous || (label.unknownParams ?? []).every((p) => uncertain.has(p));
      const flagged = !answer || ambiguous || uncertain.size > 0;
      return { ok, unflaggedWrong: !ok && !flagged, got };
    }
    default: {
      if (!answer) return { ok: false, unflaggedWrong: false, got };
      const params = answer.resolved.params as Record<string, unknown>;
      if (answer.id !== label.id)
        return { ok: false, unflaggedWrong: !answer.alternatives?.length, got };
      const wrong = Object.entries(label.params ?? {}).filter(([k, v]) => !sameValue(params[k], v));
      return {
        ok: wrong.length === 0,
        unflaggedWrong: wrong.some(([k]) => !uncertain.has(k)),
        got,
      };
    }
  }
}

/** Hovers every label of every file. Label errors (token not on its line) are thrown. */
export function measureCorpus(): { outcomes: Outcome[]; sources: Source[] } {
  const sources = JSON.parse(readFileSync(join(REALWORLD_DIR, 'sources.json'), 'utf8')) as Source[];
  const labels = JSON.parse(readFileSync(join(REALWORLD_DIR, 'labels.json'), 'utf8')) as Record<
    string,
    Label[]
  >;
  const outcomes: Outcome[] = [];
  for (const [file, list] of Object.entries(labels)) {
    const text = readFileSync(join(REALWORLD_DIR, 'files', file), 'utf8');
    const cells = cellsOf(file, text);
    for (const label of list) {
      const cell = cells[label.cell ?? 0];
      if (cell === undefined) throw new Error(`${file}: no code cell ${label.cell}`);
      const at = tokenOffset(cell, label);
      if (typeof at === 'string') throw new Error(`${file}: ${at}`);
      outcomes.push({ file, label, ...score(label, answerAt(file, cells, label, at)) });
    }
  }
  return { outcomes, sources };
}

/** Share of correct outcomes of one kind (1 when there are none). */
export function rate(outcomes: Outcome[], kind: LabelKind): { right: number; total: number } {
  const of = outcomes.filter((o) => o.label.kind === kind);
  return { right: of.filter((o) => o.ok).length, total: of.length };
}
