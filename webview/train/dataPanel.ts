/**
 * "Your data": a table from the person's workspace to train on instead of a built-in dataset.
 * The host reads the file (Load data…, the explorer's "Train on Data File…"); this panel parses
 * it with the core, offers the columns (one or two numeric inputs, one target), says which task
 * that makes, which rows were skipped and why, and the limits. A file or a choice that cannot be
 * used gets one message and the data loaded before stays. Everything from the file is set as
 * text (`textContent`), never as markup. The choice (URI, column names) is saved with the UI
 * state; a reloaded page asks the host for the file again.
 */
import { choiceByNames, columnKinds, defaultChoice } from '../../src/core/data/columnChoice';
import { parseTable, TABLE_LIMITS, type ParsedTable } from '../../src/core/data/parseTable';
import { pickColumns, type ColumnChoice, type TableData } from '../../src/core/data/tableColumns';
import { TABLE_TEXT, type TableText } from '../../src/core/data/tableText';
import type { DataFailed, DataLoaded } from '../../src/core/protocol/webviewProtocol';
import { tableRows, type TableRows } from '../../src/core/protocol/workerProtocol';
import { t } from '../i18n';
import { button, checkbox, el, field, select } from '../dom';
import type { TrainingUiState } from './uiState';

/** Bad rows listed at most (the count says how many more there are). */
const MAX_LISTED = 200;

/** What the panel asks of the page: the host's file messages. */
export interface DataPanelHooks {
  request(m: { type: 'data/open' } | { type: 'data/reload'; uri: string }): void;
  /** The rows to train on changed (loaded, other columns, switched on or off, closed). */
  changed(): void;
}

interface LoadedFile {
  uri: string;
  name: string;
  bytes: number;
  table: ParsedTable;
  data: TableData;
}

/** A core report in the page's language. */
function say(text: TableText | undefined, english: string): string {
  return text ? t(TABLE_TEXT[text.key], ...text.args) : english;
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

export class DataPanel {
  readonly element: HTMLElement;
  private file: LoadedFile | undefined;
  /** A `data/reload` is on its way; a file chosen meanwhile makes its answer stale. */
  private restoring = false;
  private readonly fileLine = el('p', 'data-file-line');
  private readonly inputA = el('select');
  private readonly inputB = el('select');
  private readonly target = el('select');
  private readonly use = checkbox(t('Train on this file'), true);
  private readonly details = el('div', 'data-details');
  private readonly task = el('p', 'data-task');
  private readonly rowsLine = el('p', 'data-rows');
  private readonly badRows = el('details', 'bad-rows');
  private readonly error = el('p', 'data-error');

  constructor(
    private readonly state: TrainingUiState,
    private readonly hooks: DataPanelHooks,
  ) {
    this.error.setAttribute('role', 'alert');
    this.error.dataset.role = 'data-error';
    this.badRows.dataset.role = 'bad-rows';
    this.task.dataset.role = 'data-task';
    this.rowsLine.dataset.role = 'data-rows';
    this.fileLine.dataset.role = 'data-file';
    this.inputA.dataset.role = 'data-input-1';
    this.inputB.dataset.role = 'data-input-2';
    this.target.dataset.role = 'data-target';
    this.use.input.dataset.role = 'data-use';
    const load = button(t('Load data…'), () => hooks.request({ type: 'data/open' }));
    load.dataset.role = 'data-load';
    const close = button(t('Close file'), () => this.close(), 'secondary');
    close.dataset.role = 'data-close';
    for (const s of [this.inputA, this.inputB, this.target])
      s.addEventListener('change', () => this.columnsChanged());
    this.use.input.addEventListener('change', () => this.useChanged());
    this.details.append(
      el(
        'div',
        'data-columns',
        field(t('Input 1'), this.inputA),
        field(t('Input 2'), this.inputB),
        field(t('Target'), this.target),
        this.use.wrap,
        close,
      ),
      this.task,
      this.rowsLine,
      this.badRows,
    );
    this.element = el(
      'fieldset',
      'tgroup data-panel',
      el('legend', undefined, t('Your data')),
      el('div', 'data-head', load, this.fileLine),
      this.details,
      this.error,
      el(
        'p',
        'hint',
        t(
          'CSV, TSV or semicolon-separated text with a header row, up to 10 MB; at most {0} rows are used (a seeded sample when there are more). Inputs are standardised for training, (value − mean) / standard deviation; the plots show the file’s units.',
          TABLE_LIMITS.maxRows.toLocaleString('en-US'),
        ),
      ),
    );
    this.render();
  }

  /** Asks the host for the saved file again (a reloaded page). */
  restore(): void {
    const saved = this.state.data;
    if (!saved) return;
    this.restoring = true;
    this.fileLine.textContent = t('Reading {0} again…', saved.name);
    this.hooks.request({ type: 'data/reload', uri: saved.uri });
  }

  /** The rows the views train on: the loaded file's, while "Train on this file" is ticked. */
  rows(): TableRows | undefined {
    const f = this.file;
    if (!f || !this.state.data?.use) return undefined;
    return tableRows(f.data);
  }

  /** The file in use, for the dataset fields of the forms. */
  inUse(): { name: string; inputDims: number } | undefined {
    const r = this.rows();
    return r && this.file ? { name: this.file.name, inputDims: r.inputNames.length } : undefined;
  }

  /** A file (or why none) from the host. */
  receive(m: DataLoaded | DataFailed): void {
    if (m.restore && !this.restoring) return;
    this.restoring = false;
    if (m.type === 'data/failed') return this.refuse(failureText(m));
    const table = parseTable(m.text);
    const whole = table.errors.find((e) => e.line === 0);
    if (whole)
      return this.refuse(t('{0} cannot be used: {1}', m.name, say(whole.text, whole.message)));
    const saved = this.state.data;
    const choice =
      (saved && saved.uri === m.uri ? choiceByNames(table, saved) : undefined) ??
      defaultChoice(table);
    if (!choice) return this.refuse(t('{0} has no column of numbers to use as an input.', m.name));
    const picked = pickColumns(table, choice);
    if (!picked.ok)
      return this.refuse(t('{0} cannot be used: {1}', m.name, say(picked.text, picked.message)));
    this.file = { uri: m.uri, name: m.name, bytes: m.bytes, table, data: picked.data };
    this.error.textContent = '';
    this.save(choice, saved?.uri === m.uri ? saved.use : true);
    this.render();
    this.hooks.changed();
  }

  /** One message; the data loaded before (if any) stays. */
  private refuse(message: string): void {
    const before = this.file ? ' ' + t('The data loaded before stays.') : '';
    this.error.textContent = message + before;
    this.render();
  }

  private save(choice: ColumnChoice, use: boolean): void {
    const f = this.file!;
    this.state.data = {
      uri: f.uri,
      name: f.name,
      inputs: choice.inputs.map((c) => f.table.columns[c]),
      target: f.table.columns[choice.target],
      use,
    };
  }

  private columnsChanged(): void {
    const f = this.file;
    if (!f) return;
    const b = Number(this.inputB.value);
    const choice: ColumnChoice = {
      inputs: b >= 0 ? [Number(this.inputA.value), b] : [Number(this.inputA.value)],
      target: Number(this.target.value),
    };
    const picked = pickColumns(f.table, choice);
    if (!picked.ok) {
      this.error.textContent =
        t('These columns cannot be used: {0}', say(picked.text, picked.message)) +
        ' ' +
        t('The columns chosen before stay.');
      this.render();
      return;
    }
    f.data = picked.data;
    this.error.textContent = '';
    this.save(choice, this.state.data?.use ?? true);
    this.render();
    this.hooks.changed();
  }

  private useChanged(): void {
    if (this.state.data) this.state.data.use = this.use.input.checked;
    this.render();
    this.hooks.changed();
  }

  private close(): void {
    this.file = undefined;
    this.state.data = undefined;
    this.error.textContent = '';
    this.render();
    this.hooks.changed();
  }

  private render(): void {
    const f = this.file;
    this.details.hidden = !f;
    if (!f) {
      if (!this.restoring)
        this.fileLine.textContent = t('No file loaded: the built-in datasets are used.');
      return;
    }
    const { table, data } = f;
    this.fileLine.textContent = t(
      '{0}: {1} rows, {2} columns, {3}',
      f.name,
      table.rows.length.toLocaleString('en-US'),
      table.columns.length,
      sizeText(f.bytes),
    );
    this.fillColumns(table);
    this.use.input.checked = this.state.data?.use ?? true;
    this.task.textContent =
      data.task === 'classification'
        ? t(
            'Task: classification of {0} into {1} classes ({2}).',
            data.targetName,
            data.classes!.length,
            data.classes!.join(', '),
          )
        : t(
            'Task: regression: {0} has many different numbers, so the network predicts its value.',
            data.targetName,
          );
    this.rowsLine.textContent = data.sampled
      ? t(
          '{0} usable rows: a seeded sample of {1} is used.',
          data.usable.toLocaleString('en-US'),
          TABLE_LIMITS.maxRows.toLocaleString('en-US'),
        )
      : t('{0} rows used.', data.usable.toLocaleString('en-US'));
    this.renderBadRows(data);
  }

  private fillColumns(table: ParsedTable): void {
    const kinds = columnKinds(table);
    const numeric: [string, string][] = table.columns
      .map((c, i): [string, string] => [String(i), c])
      .filter(([i]) => kinds[+i] === 'number');
    const all: [string, string][] = table.columns.map((c, i) => [String(i), c]);
    const d = this.state.data!;
    const idx = (n: string) => String(table.columns.indexOf(n));
    this.inputA.replaceChildren(...select(numeric, '').options);
    this.inputA.value = idx(d.inputs[0]);
    this.inputB.replaceChildren(...select([['-1', t('(none)')], ...numeric], '').options);
    this.inputB.value = d.inputs[1] === undefined ? '-1' : idx(d.inputs[1]);
    this.target.replaceChildren(...select(all, '').options);
    this.target.value = idx(d.target);
  }

  private renderBadRows(data: TableData): void {
    const bad = data.skipped;
    this.badRows.hidden = bad.length === 0;
    const summary = el(
      'summary',
      undefined,
      bad.length === 1
        ? t('1 row skipped')
        : t('{0} rows skipped', bad.length.toLocaleString('en-US')),
    );
    const list = el(
      'ul',
      undefined,
      ...bad.slice(0, MAX_LISTED).map((e) => el('li', undefined, say(e.text, e.message))),
    );
    if (bad.length > MAX_LISTED)
      list.append(
        el('li', 'hint', t('… and {0} more', (bad.length - MAX_LISTED).toLocaleString('en-US'))),
      );
    this.badRows.replaceChildren(summary, list);
  }
}

/** The page's sentence for a file the host could not read. */
function failureText(f: DataFailed): string {
  switch (f.reason) {
    case 'missing':
      return t('{0} is no longer there (it was moved or deleted).', f.name);
    case 'tooLarge':
      return t(
        '{0} is {1} MB; files up to 10 MB can be loaded.',
        f.name,
        (Number(f.detail) / 2 ** 20).toFixed(1),
      );
    case 'notText':
      return t('{0} is not UTF-8 text; save it as UTF-8 (CSV or TSV) and try again.', f.name);
    case 'unreadable':
      return t('{0} could not be read: {1}', f.name, f.detail ?? '');
  }
}
