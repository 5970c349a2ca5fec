/**
 * The Gradient-flow view: a deep, narrow network (depth 2–30) and, per layer, the mean |∂L/∂W|
 * at initialisation and now (log scale), and the fraction of dead units (zero output on every
 * training point). Presets reproduce the two stories of the seed text: vanishing gradients with
 * sigmoid in depth, and dying ReLU with a large learning rate.
 */
import type {
  DataMessage,
  ProgressMessage,
  RunState,
} from '../../src/core/protocol/workerProtocol';
import type { DatasetId } from '../../src/core/train/datasets';
import { paramsFor } from '../catalog';
import { fmt, t } from '../i18n';
import type { Theme } from '../theme';
import { activationOptions } from './activationPicker';
import { LayerCharts } from './charts';
import { button, el, field, imageCanvas, numberInput, readNumber, select } from '../dom';
import type { ExportBar } from './exportBar';
import { BoundaryPainter, heatmapColors, type HeatmapColors } from './heatmap';
import { PlotAxes } from './plotAxes';
import { previewData } from './preview';
import { Readout } from './readout';
import type { RunControls, StartRequest } from './runControls';
import { resultsColumn, viewRunParts } from './viewRun';
import { datasetOptions, initOptions, optimizerOptions } from './setupForm';
import type { ViewContext } from './trainView';
import { GRADIENT_DEPTH, GRADIENT_WIDTH, type TrainingUiState } from './uiState';

type GradientState = TrainingUiState['gradient'];

/** The dataset list's value for the data file in use. */
const FILE_OPTION = 'file';

/** The presets: what each one sets. */
const PRESETS: { label: () => string; set: Partial<GradientState> }[] = [
  {
    label: () => t('Vanishing gradients: sigmoid, 20 layers'),
    set: { id: 'sigmoid', depth: 20, width: 8, learningRate: 0.03, optimizer: 'sgd', init: 'auto' },
  },
  {
    label: () => t('Same depth with tanh'),
    set: { id: 'tanh', depth: 20, width: 8, learningRate: 0.03, optimizer: 'sgd', init: 'auto' },
  },
  {
    label: () => t('Dying ReLU: ReLU, learning rate 1'),
    set: { id: 'relu', depth: 6, width: 8, learningRate: 1, optimizer: 'sgd', init: 'auto' },
  },
];

/** first-layer / last-layer gradient, or undefined when it cannot be formed. */
function gradientRatio(g: number[] | undefined): number | undefined {
  if (!g || g.length < 2) return undefined;
  const r = g[0] / g[g.length - 1];
  return Number.isFinite(r) ? r : undefined;
}

export class GradientView {
  readonly element: HTMLElement;
  readonly controls: RunControls;
  readonly exportBar: ExportBar;
  private readonly act: HTMLSelectElement;
  private readonly depth: HTMLInputElement;
  private readonly width: HTMLInputElement;
  private readonly lr: HTMLInputElement;
  private readonly init: HTMLSelectElement;
  private readonly optimizer: HTMLSelectElement;
  private readonly dataset: HTMLSelectElement;
  private readonly readout = new Readout();
  private readonly charts: LayerCharts;
  private readonly painter: BoundaryPainter;
  private readonly axes: PlotAxes;
  /** The option of the dataset list that stands for the data file in use. */
  private readonly fileOption = el('option');
  private colors: HeatmapColors;
  private last: ProgressMessage | undefined;

  constructor(private readonly ctx: ViewContext) {
    const g = ctx.state.gradient;
    this.colors = heatmapColors(ctx.theme());
    this.act = select(activationOptions(), g.id);
    this.depth = numberInput(g.depth, GRADIENT_DEPTH.min, GRADIENT_DEPTH.max, 1);
    this.width = numberInput(g.width, GRADIENT_WIDTH.min, GRADIENT_WIDTH.max, 1);
    this.lr = numberInput(g.learningRate, 1e-5, 10, 'any');
    this.init = select(initOptions(), g.init);
    this.optimizer = select(optimizerOptions(), g.optimizer);
    this.dataset = select(datasetOptions(), g.dataset);
    const form = el(
      'fieldset',
      'tgroup',
      el('legend', undefined, t('Deep narrow network')),
      field(t('Activation (every hidden layer)'), this.act),
      field(t('Hidden layers'), this.depth, t('{0}–{1}', GRADIENT_DEPTH.min, GRADIENT_DEPTH.max)),
      field(t('Units per layer'), this.width, t('{0}–{1}', GRADIENT_WIDTH.min, GRADIENT_WIDTH.max)),
      field(t('Learning rate'), this.lr),
      field(t('Optimiser'), this.optimizer),
      field(t('Initialisation'), this.init),
      field(t('Dataset'), this.dataset),
    );
    form.addEventListener('change', () => this.read());
    const presets = el(
      'div',
      'presets',
      ...PRESETS.map((p) => button(p.label(), () => this.preset(p.set))),
    );
    presets.setAttribute('role', 'group');
    presets.setAttribute('aria-label', t('Examples'));
    ({ controls: this.controls, exportBar: this.exportBar } = viewRunParts(ctx, this, g, {
      pickRun: false,
    }));
    const gradCanvas = imageCanvas(
      t('Mean gradient magnitude per layer, at initialisation and now'),
    );
    const deadCanvas = imageCanvas(t('Fraction of dead units per hidden layer'));
    this.charts = new LayerCharts(gradCanvas, deadCanvas, ctx.theme(), {
      layer: t('Layer (1 = first hidden layer; last = output)'),
      hiddenLayer: t('Hidden layer (1 = first)'),
      grad: t('mean |∂L/∂W| (log scale)'),
      init: t('At initialisation'),
      now: t('Now'),
      zero: t('Exactly 0 now (drawn at the bottom)'),
      dead: t('Dead units'),
      deadAxis: t('Dead units (%)'),
    });
    const boundary = imageCanvas(t('Decision boundary of the deep network'), 'small-boundary');
    this.painter = new BoundaryPainter(boundary);
    this.axes = new PlotAxes(boundary, true);
    this.fileOption.value = FILE_OPTION;
    this.dataset.append(this.fileOption);
    this.element = el(
      'section',
      'gradient-view',
      el(
        'div',
        'config',
        presets,
        form,
        el('div', 'explain', ...explanation().map((p) => el('p', undefined, p))),
      ),
      resultsColumn(
        this.controls,
        this.readout,
        [
          el('figure', 'grad-figure', el('div', 'chart-box', gradCanvas)),
          el('figure', 'dead-figure', el('div', 'chart-box short', deadCanvas)),
          el(
            'figure',
            'lane',
            this.axes.element,
            el('figcaption', undefined, t('Decision boundary')),
          ),
        ],
        this.exportBar.element,
      ),
    );
    this.load();
    this.clear();
  }

  /** Sets part of the network (a preset button, or the host's preset) and shows it. */
  preset(set: Partial<GradientState>): void {
    Object.assign(this.ctx.state.gradient, set);
    this.load();
    this.changed();
  }

  private load(): void {
    const g = this.ctx.state.gradient;
    this.act.value = g.id;
    this.depth.value = String(g.depth);
    this.width.value = String(g.width);
    this.lr.value = String(g.learningRate);
    this.init.value = g.init;
    this.optimizer.value = g.optimizer;
    const file = this.ctx.file();
    this.fileOption.hidden = !file;
    this.fileOption.textContent = file ? t('File: {0}', file.name) : '';
    this.dataset.disabled = !!file;
    this.dataset.value = file ? FILE_OPTION : g.dataset;
  }

  /** The data file (or its columns, or whether it is used) changed: a different run. */
  dataChanged(): void {
    this.load();
    this.changed();
  }

  private read(): void {
    const g = this.ctx.state.gradient;
    g.id = this.act.value;
    g.depth = readNumber(this.depth, g.depth, true);
    g.width = readNumber(this.width, g.width, true);
    g.learningRate = readNumber(this.lr, g.learningRate);
    g.init = this.init.value as GradientState['init'];
    g.optimizer = this.optimizer.value as GradientState['optimizer'];
    if (this.dataset.value !== FILE_OPTION) g.dataset = this.dataset.value as DatasetId;
    this.load();
    this.changed();
  }

  private changed(): void {
    this.ctx.changed();
    if (this.controls.current !== 'idle') this.controls.reset();
    else this.clear();
  }

  startRequest(): StartRequest {
    const g = this.ctx.state.gradient;
    const base = this.ctx.state.setup;
    return {
      setup: {
        ...base,
        dataset: { ...base.dataset, name: g.dataset },
        features: g.dataset === 'sine' ? ['x'] : ['x', 'y'],
        hidden: Array.from({ length: g.depth }, () => g.width),
        init: g.init,
        optimizer: g.optimizer,
        learningRate: g.learningRate,
        regularization: 'none',
        regularizationRate: 0,
        // The view shows how gradients die or vanish over time: it never stops early.
        earlyStop: { ...base.earlyStop, mode: 'off' },
      },
      runs: [{ key: g.id, activation: { kind: 'catalog', id: g.id, params: paramsFor(g.id) } }],
      maxEpochs: this.ctx.maxEpochs,
      gridResolution: 40,
      gradients: true,
      table: this.ctx.table(),
    };
  }

  onData(m: DataMessage): void {
    this.painter.setData(m);
    this.axes.set(m, this.colors);
  }

  onProgress(m: ProgressMessage): void {
    this.last = m;
    const r = m.runs[0];
    if (!r) return;
    this.charts.update(r.gradNormsInit, r.gradNorms, r.deadFraction);
    this.painter.draw(r.grid, m.gridResolution, m.gridChannels, this.colors);
    this.readout.show(m.status, this.summary(r, m.maxEpochs), r.divergedAt);
    this.element.dataset.epoch = String(r.epoch);
    this.exportBar.update(m);
  }

  private summary(r: RunState, maxEpochs: number): string {
    const parts = [t('Epoch {0} of {1}', r.epoch, maxEpochs), t('test loss {0}', fmt(r.testLoss))];
    const r0 = gradientRatio(r.gradNormsInit);
    const rn = gradientRatio(r.gradNorms);
    if (r0 !== undefined) parts.push(t('first/last layer gradient at init {0}', fmt(r0, 2)));
    if (rn !== undefined) parts.push(t('now {0}', fmt(rn, 2)));
    // A fully dead layer stops every gradient below it: exact zeros have no point on a log axis.
    const zeros = (r.gradNorms ?? []).filter((g) => g === 0).length;
    if (zeros) parts.push(t('gradient exactly 0 in {0} of {1} layers', zeros, r.gradNorms!.length));
    const dead = r.deadFraction ?? [];
    if (dead.length) {
      const w = this.ctx.state.gradient.width;
      const n = Math.round(dead.reduce((a, b) => a + b, 0) * w);
      parts.push(t('dead units {0} of {1}', n, dead.length * w));
    }
    return parts.join(' · ');
  }

  clear(): void {
    this.last = undefined;
    this.readout.clear();
    this.charts.update(undefined, undefined, undefined);
    const request = this.startRequest();
    const preview = previewData(request.setup, request.table);
    if (preview) this.painter.setData(preview);
    this.axes.set(preview, this.colors);
    this.painter.draw(undefined, 0, 0, this.colors);
    this.exportBar.update(undefined);
  }

  refresh(): void {
    this.load();
    this.exportBar.refresh();
  }

  setTheme(theme: Theme): void {
    this.colors = heatmapColors(theme);
    this.charts.setTheme(theme);
    if (this.last) this.onProgress(this.last);
    else this.clear();
  }

  dispose(): void {
    this.controls.dispose();
    this.charts.destroy();
  }
}

/** What the view shows, in the seed text's vocabulary (勾配消失, 死にゆくニューロン). */
function explanation(): string[] {
  return [
    t(
      'Each point is the mean |∂L/∂W| of one layer, from the first hidden layer (left) to the output layer (right), on a log scale, at initialisation (dashed) and now.',
    ),
    t(
      'Vanishing gradients: with sigmoid or tanh in a deep network, the gradient shrinks layer after layer on its way back to the input, so the first layers barely learn. A sigmoid network of 20 layers starts with first-layer gradients many orders of magnitude below the last.',
    ),
    t(
      'Dying ReLU: with a large learning rate, a ReLU unit can be pushed to a negative input on every sample; its output and its gradient are then zero and it stops learning for good. The bars show the fraction of such dead units per layer.',
    ),
  ];
}
