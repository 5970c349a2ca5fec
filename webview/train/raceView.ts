/**
 * The Race view: 2–6 activations train the same network on the same data from the same initial
 * weights seed, side by side: one small decision-boundary picture per activation, their test loss
 * curves overlaid, and a table of final loss, accuracy, epochs to a target loss and time per epoch.
 */
import { MAX_RUNS } from '../../src/core/protocol/workerProtocol';
import type {
  DataMessage,
  ProgressMessage,
  RunState,
} from '../../src/core/protocol/workerProtocol';
import { entryOf, paramsFor } from '../catalog';
import { fmt, t } from '../i18n';
import type { Theme } from '../theme';
import { assignSlots } from '../ui/curveColors';
import { activationOptions } from './activationPicker';
import { CurveChart } from './charts';
import { checkbox, el, field, imageCanvas, numberInput, readNumber, setText } from '../dom';
import type { ExportBar } from './exportBar';
import { BoundaryPainter, heatmapColors, type HeatmapColors } from './heatmap';
import { PlotAxes } from './plotAxes';
import { pct, Readout, stopText } from './readout';
import type { RunControls, StartRequest } from './runControls';
import { followDataFile, reloadSetup, viewRunParts, viewSetupForm } from './viewRun';
import { limitsText, type SetupForm } from './setupForm';
import type { ViewContext } from './trainView';

/** Cells per side of each small boundary picture. */
const SMALL_RES = 40;
const MIN_RACERS = 2;

interface Lane {
  id: string;
  painter: BoundaryPainter;
  figure: HTMLElement;
  caption: HTMLElement;
}

export class RaceView {
  readonly element: HTMLElement;
  readonly controls: RunControls;
  readonly exportBar: ExportBar;
  private readonly form: SetupForm;
  private readonly boxes = new Map<string, HTMLInputElement>();
  private readonly pickNote = el('p', 'hint');
  private readonly target: HTMLInputElement;
  private readonly readout = new Readout(t('Ready: press Start race to begin.'));
  private readonly chart: CurveChart;
  private readonly multiples = el('div', 'multiples');
  private readonly table = el('table', 'race-table');
  private lanes: Lane[] = [];
  private colors: HeatmapColors;
  private data: DataMessage | undefined;
  private last: ProgressMessage | undefined;

  constructor(private readonly ctx: ViewContext) {
    const s = ctx.state;
    this.colors = heatmapColors(ctx.theme());
    const picks = el('div', 'checks racers');
    picks.setAttribute('role', 'group');
    picks.setAttribute('aria-label', t('Activations to race'));
    for (const [id, name] of activationOptions()) {
      const c = checkbox(name, s.race.ids.includes(id));
      c.input.value = id;
      this.boxes.set(id, c.input);
      picks.append(c.wrap);
    }
    picks.addEventListener('change', () => this.picksChanged());
    this.target = numberInput(s.race.targetLoss, 0, 10, 'any');
    this.target.addEventListener('change', () => {
      s.race.targetLoss = readNumber(this.target, s.race.targetLoss);
      this.target.value = String(s.race.targetLoss);
      this.configChanged();
    });
    this.form = viewSetupForm(ctx, () => this.configChanged());
    ({ controls: this.controls, exportBar: this.exportBar } = viewRunParts(ctx, this, s.race, {
      pickRun: true,
      start: t('Start race'),
    }));
    const lossCanvas = imageCanvas(t('Test loss of every racing activation over epochs'));
    this.chart = new CurveChart(lossCanvas, ctx.theme(), { x: t('Epoch'), y: t('Test loss') });
    this.table.setAttribute('aria-label', t('Race results'));
    this.element = el(
      'section',
      'race-view',
      el(
        'div',
        'config',
        el(
          'fieldset',
          'tgroup',
          el('legend', undefined, t('Activations ({0}–{1})', MIN_RACERS, MAX_RUNS)),
          picks,
          this.pickNote,
        ),
        field(
          t('Target test loss'),
          this.target,
          t('The table counts the epochs each run needs to reach it.'),
        ),
        this.form.element,
        el('p', 'hint limits', limitsText(ctx.maxEpochs)),
      ),
      el(
        'div',
        'results',
        this.controls.element,
        this.readout.element,
        this.multiples,
        el('figure', 'loss-figure', el('div', 'chart-box', lossCanvas)),
        this.table,
        this.exportBar.element,
      ),
    );
    this.picksChanged(false);
    this.clear();
  }

  refresh(): void {
    reloadSetup(this.ctx, this.form, this.exportBar);
  }

  /** The data file (or its columns, or whether it is used) changed: a different race. */
  dataChanged(): void {
    followDataFile(this.ctx, this.form, this.controls, () => this.clear());
  }

  private selected(): string[] {
    return [...this.boxes].filter(([, b]) => b.checked).map(([id]) => id);
  }

  /** Keeps 2–6 activations: a seventh cannot be ticked, fewer than two cannot start. */
  private picksChanged(save = true): void {
    const ids = this.selected();
    for (const b of this.boxes.values()) b.disabled = !b.checked && ids.length >= MAX_RUNS;
    this.pickNote.textContent =
      ids.length < MIN_RACERS
        ? t('Pick at least {0} activations.', MIN_RACERS)
        : t('{0} selected (at most {1}).', ids.length, MAX_RUNS);
    if (!save) return;
    this.ctx.state.race.ids = ids;
    this.configChanged();
  }

  private configChanged(): void {
    this.ctx.changed();
    if (this.controls.current !== 'idle') this.controls.reset();
  }

  startRequest(): StartRequest | string {
    const ids = this.selected().slice(0, MAX_RUNS);
    if (ids.length < MIN_RACERS) return t('Pick at least {0} activations.', MIN_RACERS);
    return {
      setup: this.ctx.state.setup,
      runs: ids.map((id) => ({
        key: id,
        activation: { kind: 'catalog', id, params: paramsFor(id) },
      })),
      maxEpochs: this.ctx.maxEpochs,
      gridResolution: SMALL_RES,
      gradients: false,
      targetLoss: this.ctx.state.race.targetLoss,
      table: this.ctx.table(),
    };
  }

  onData(m: DataMessage): void {
    this.data = m;
    const ids = this.selected();
    const colors = this.laneColors(ids);
    for (const l of this.lanes) l.painter.dispose();
    this.lanes = ids.map((id, i) => {
      const name = entryOf(id)?.name ?? id;
      const canvas = imageCanvas(t('Decision boundary with {0}', name), 'small-boundary');
      const painter = new BoundaryPainter(canvas);
      painter.setData(m);
      const axes = new PlotAxes(canvas, true);
      axes.set(m, this.colors);
      const caption = el('figcaption', undefined, name);
      caption.style.borderColor = colors[i];
      return { id, painter, figure: el('figure', 'lane', axes.element, caption), caption };
    });
    this.multiples.replaceChildren(...this.lanes.map((l) => l.figure));
    this.chart.setCurves(
      ids.map((id, i) => ({
        label: entryOf(id)?.name ?? id,
        color: colors[i],
      })),
    );
  }

  onProgress(m: ProgressMessage): void {
    this.last = m;
    let maxEpoch = 0;
    m.runs.forEach((r, i) => {
      this.chart.setData(i, r.history.epoch, r.history.test);
      maxEpoch = Math.max(maxEpoch, r.epoch);
      const lane = this.lanes[i];
      if (!lane) return;
      lane.painter.draw(r.grid, m.gridResolution, m.gridChannels, this.colors);
      // Only what changed is written: every DOM write costs the next frame style and layout
      // work, and a click waits behind it.
      setText(
        lane.caption,
        r.divergedAt !== undefined
          ? `${r.label} — ${t('diverged at epoch {0}', r.divergedAt)}`
          : r.label,
      );
      const diverged = String(r.divergedAt !== undefined);
      if (lane.figure.dataset.diverged !== diverged) lane.figure.dataset.diverged = diverged;
    });
    this.chart.draw(Math.max(maxEpoch, 10));
    this.renderTable(m);
    const lead = [...m.runs]
      .filter((r) => r.divergedAt === undefined)
      .sort((a, b) => a.testLoss - b.testLoss)[0];
    const summary =
      t('Epoch {0} of {1}', maxEpoch, m.maxEpochs) +
      (lead ? ' · ' + t('lowest test loss: {0} ({1})', lead.label, fmt(lead.testLoss)) : '');
    this.readout.show(m.status, summary);
    this.element.dataset.epoch = String(maxEpoch);
    this.exportBar.update(m);
  }

  private renderTable(m: ProgressMessage): void {
    const target = this.ctx.state.race.targetLoss;
    const head = [
      t('Activation'),
      t('Epoch'),
      t('Train loss'),
      t('Test loss'),
      t('Test accuracy'),
      t('Epochs to test loss ≤ {0}', fmt(target)),
      t('Time per epoch'),
      t('State'),
    ];
    const row = (r: RunState) => [
      r.label,
      String(r.epoch),
      fmt(r.trainLoss),
      fmt(r.testLoss),
      pct(r.testAccuracy),
      r.epochsToTarget !== undefined ? String(r.epochsToTarget) : '—',
      Number.isFinite(r.msPerEpoch) ? `${fmt(r.msPerEpoch, 3)} ms` : '—',
      r.divergedAt !== undefined
        ? t('diverged at epoch {0}', r.divergedAt)
        : r.stopReason !== undefined
          ? stopText(r)
          : r.epoch >= m.maxEpochs
            ? t('finished')
            : m.status === 'running'
              ? t('training')
              : t('paused'),
    ];
    const colors = this.laneColors(m.runs.map((r) => r.key));
    const body = this.table.tBodies[0] as HTMLTableSectionElement | undefined;
    const shape = head.join('\n');
    if (body && body.rows.length === m.runs.length && this.tableShape === shape) {
      // The same runs and columns as the last frame: update the cells' text in place.
      m.runs.forEach((r, i) => {
        const tr = body.rows[i];
        row(r).forEach((text, j) => setText(tr.cells[j], text));
        if (tr.style.getPropertyValue('--lane') !== colors[i])
          tr.style.setProperty('--lane', colors[i]);
        tr.classList.toggle('diverged-row', r.divergedAt !== undefined);
      });
      return;
    }
    this.tableShape = shape;
    const thead = el('thead', undefined, el('tr', undefined, ...head.map((h) => th(h))));
    const tbody = el(
      'tbody',
      undefined,
      ...m.runs.map((r, i) => {
        const cells = row(r);
        const tr = el(
          'tr',
          undefined,
          th(cells[0], 'row'),
          ...cells.slice(1).map((c) => el('td', undefined, c)),
        );
        tr.style.setProperty('--lane', colors[i]);
        if (r.divergedAt !== undefined) tr.className = 'diverged-row';
        return tr;
      }),
    );
    this.table.replaceChildren(el('caption', undefined, t('Race results')), thead, tbody);
  }
  /** The header row of the table on screen (its cells are reused while it stays the same). */
  private tableShape = '';

  /** Each lane in its activation's colour, the one the Graphs tab draws it in. */
  private laneColors(ids: readonly string[]): string[] {
    const { palette } = this.ctx.theme();
    return assignSlots(ids).map((slot) => palette[slot % palette.length]);
  }

  clear(): void {
    this.data = undefined;
    this.last = undefined;
    for (const l of this.lanes) l.painter.dispose();
    this.lanes = [];
    this.multiples.replaceChildren();
    this.table.replaceChildren();
    this.chart.setCurves([]);
    this.chart.draw(10);
    this.readout.clear();
    this.exportBar.update(undefined);
  }

  setTheme(theme: Theme): void {
    this.colors = heatmapColors(theme);
    this.chart.setTheme(theme);
    if (this.data && this.last) {
      const m = this.last;
      this.onData(this.data);
      this.onProgress(m);
    }
  }

  dispose(): void {
    this.controls.dispose();
    this.chart.destroy();
  }
}

function th(text: string, scope: 'col' | 'row' = 'col'): HTMLTableCellElement {
  const c = el('th', undefined, text);
  c.scope = scope;
  return c;
}
