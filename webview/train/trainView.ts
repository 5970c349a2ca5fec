/**
 * The Train view: configure one network, then Train / Pause / Step / Reset. Live loss curves
 * (train and test) with test accuracy, the decision boundary (or fitted curve) with the data
 * points, and the numbers as text.
 */
import type {
  DataMessage,
  ProgressMessage,
  TableRows,
} from '../../src/core/protocol/workerProtocol';
import { t } from '../i18n';
import type { Theme } from '../theme';
import { ActivationPicker } from './activationPicker';
import { CurveChart, type CurveSpec } from './charts';
import { el, imageCanvas } from '../dom';
import type { ExportBar } from './exportBar';
import { BoundaryPainter, heatmapColors, type HeatmapColors } from './heatmap';
import { PlotAxes } from './plotAxes';
import { previewData } from './preview';
import { Readout, runSummary } from './readout';
import type { RunControls, StartRequest } from './runControls';
import { followDataFile, reloadSetup, resultsColumn, viewRunParts, viewSetupForm } from './viewRun';
import { limitsText, type SetupForm } from './setupForm';
import type { TrainActivation, TrainingUiState } from './uiState';

/** Cells per side of the decision-boundary grid. */
const GRID_RES = 64;

export interface ViewContext {
  state: TrainingUiState;
  /** The state changed (to be saved). */
  changed(): void;
  maxEpochs: number;
  theme(): Theme;
  /** The rows of the data file in use, if any: the views train on them instead of a built-in dataset. */
  table(): TableRows | undefined;
  /** The data file in use: its name and number of input columns. */
  file(): { name: string; inputDims: number } | undefined;
}

export class TrainView {
  readonly element: HTMLElement;
  readonly controls: RunControls;
  readonly exportBar: ExportBar;
  private readonly picker: ActivationPicker;
  private readonly form: SetupForm;
  private readonly readout = new Readout();
  private readonly chart: CurveChart;
  private readonly painter: BoundaryPainter;
  private readonly boundary: HTMLCanvasElement;
  private readonly axes: PlotAxes;
  private readonly caption = el('figcaption');
  private readonly notes = el('ul', 'notes');
  private colors: HeatmapColors;
  private last: ProgressMessage | undefined;
  private data: DataMessage | undefined;

  constructor(private readonly ctx: ViewContext) {
    const s = ctx.state;
    this.colors = heatmapColors(ctx.theme());
    this.picker = new ActivationPicker(s.train.activation, (a) => {
      s.train.activation = a;
      this.configChanged();
    });
    this.form = viewSetupForm(ctx, () => this.configChanged());
    ({ controls: this.controls, exportBar: this.exportBar } = viewRunParts(ctx, this, s.train, {
      pickRun: false,
    }));
    this.boundary = imageCanvas(t('Decision boundary with the data points'), 'boundary');
    this.painter = new BoundaryPainter(this.boundary);
    this.axes = new PlotAxes(this.boundary);
    const lossCanvas = imageCanvas(t('Loss curves over epochs'));
    const lossBox = el('div', 'chart-box', lossCanvas);
    this.chart = new CurveChart(lossCanvas, ctx.theme(), {
      x: t('Epoch'),
      y: t('Loss'),
      y2: t('Test accuracy (%)'),
    });
    this.element = el(
      'section',
      'train-view',
      el(
        'div',
        'config',
        this.picker.element,
        this.form.element,
        el('p', 'hint limits', limitsText(ctx.maxEpochs)),
      ),
      resultsColumn(
        this.controls,
        this.readout,
        [
          el('figure', 'boundary-figure', this.axes.element, this.caption),
          el('figure', 'loss-figure', lossBox),
        ],
        this.notes,
        this.exportBar.element,
      ),
    );
    this.clear();
  }

  /** Selects an activation and, if asked, starts training (host's "Train with…"). */
  async select(a: TrainActivation, start: boolean): Promise<void> {
    this.picker.set(a);
    this.ctx.state.train.activation = this.picker.get();
    this.ctx.changed();
    this.controls.reset();
    if (start) await this.controls.start();
  }

  /** Shows the saved setup again (another view may have changed it). */
  refresh(): void {
    reloadSetup(this.ctx, this.form, this.exportBar);
  }

  /** The data file (or its columns, or whether it is used) changed: a different run. */
  dataChanged(): void {
    followDataFile(this.ctx, this.form, this.controls, () => this.clear());
  }

  private configChanged(): void {
    this.ctx.changed();
    // A different network or dataset is a different run: stop the old one.
    if (this.controls.current !== 'idle') this.controls.reset();
    else this.clear();
  }

  async startRequest(): Promise<StartRequest | string> {
    const a = await this.picker.spec();
    if (typeof a === 'string') return a;
    return {
      setup: this.ctx.state.setup,
      runs: [{ key: 'main', activation: a.spec }],
      maxEpochs: this.ctx.maxEpochs,
      gridResolution: GRID_RES,
      gradients: false,
      table: this.ctx.table(),
    };
  }

  onData(m: DataMessage): void {
    this.data = m;
    this.painter.setData(m);
    this.axes.set(m, this.colors);
    const regression = m.kind === 'regression';
    this.chart.setCurves(this.curveSpecs(regression));
    this.caption.textContent =
      m.inputDims === 1
        ? t('Fitted curve (line) through the training points (filled) and test points (rings).')
        : regression
          ? t('Predicted value (colour) with training points (filled) and test points (rings).')
          : t(
              'Decision boundary: colour shows the predicted class, its strength the confidence. Training points filled, test points as rings.',
            );
    this.notes.replaceChildren(...m.notes.map((n) => el('li', undefined, n)));
  }

  private curveSpecs(regression: boolean): CurveSpec[] {
    const th = this.ctx.theme();
    const specs: CurveSpec[] = [
      { label: t('Train loss'), color: th.palette[0] },
      { label: t('Test loss'), color: th.palette[1], dashed: true },
    ];
    if (!regression) specs.push({ label: t('Test accuracy'), color: th.palette[2], percent: true });
    return specs;
  }

  onProgress(m: ProgressMessage): void {
    this.last = m;
    const r = m.runs[0];
    if (!r) return;
    const h = r.history;
    this.chart.setData(0, h.epoch, h.train);
    this.chart.setData(1, h.epoch, h.test);
    if (h.accuracy.length) this.chart.setData(2, h.epoch, h.accuracy);
    this.chart.draw(Math.max(r.epoch, 10));
    this.painter.draw(r.grid, m.gridResolution, m.gridChannels, this.colors);
    this.readout.show(m.status, runSummary(r, m.maxEpochs), r.divergedAt);
    this.element.dataset.epoch = String(r.epoch);
    this.exportBar.update(m);
  }

  clear(): void {
    this.last = undefined;
    this.data = undefined;
    this.readout.clear();
    this.chart.setCurves(this.curveSpecs(false));
    this.chart.draw(10);
    // Before training, the points to be learnt (the same seeded points the worker will use).
    const preview = previewData(this.ctx.state.setup, this.ctx.table());
    if (preview) this.painter.setData(preview);
    this.axes.set(preview, this.colors);
    this.painter.draw(undefined, 0, 0, this.colors);
    this.caption.textContent = '';
    this.notes.replaceChildren();
    delete this.element?.dataset.epoch;
    this.exportBar.update(undefined);
  }

  setTheme(theme: Theme): void {
    this.colors = heatmapColors(theme);
    this.chart.setTheme(theme);
    if (this.data) {
      this.chart.setCurves(this.curveSpecs(this.data.kind === 'regression'));
      if (this.last) this.onProgress(this.last);
    } else {
      this.clear();
    }
  }

  dispose(): void {
    this.controls.dispose();
    this.chart.destroy();
  }
}
