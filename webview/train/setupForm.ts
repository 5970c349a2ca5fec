/**
 * The data / network / optimiser form shared by the Train and Race views. Every size is clamped
 * to the trainer's stated limits as it is read, and the limits are written under the form.
 * `onChange` fires with the new setup whenever a control changes.
 */
import { TRAIN_LIMITS } from '../../src/core/train/config';
import type { FeatureId } from '../../src/core/train/config';
import { DATASET_IDS, DATASET_INFO, type DatasetId } from '../../src/core/train/datasets';
import { FEATURES_1D } from '../../src/core/train/features';
import type { TrainSetup } from '../../src/core/protocol/workerProtocol';
import { t } from '../i18n';
import { checkbox, el, field, group, numberInput, readNumber, select } from '../dom';
import { EarlyStopField } from './earlyStopField';

/** Dataset names as the person reads them, in the registry's order. */
export function datasetOptions(): [DatasetId, string][] {
  const labels: Record<DatasetId, string> = {
    circle: t('Circle'),
    xor: t('XOR'),
    gauss: t('Two Gaussians'),
    spiral: t('Spiral'),
    spiral3: t('Spiral, 3 classes'),
    moons: t('Two moons'),
    checkerboard: t('Checkerboard'),
    sine: t('Sine (regression)'),
    plane: t('Plane (regression)'),
  };
  return DATASET_IDS.map((id) => [id, labels[id]]);
}

const FEATURE_LABELS: [FeatureId, string][] = [
  ['x', 'x'],
  ['y', 'y'],
  ['x2', 'x²'],
  ['y2', 'y²'],
  ['xy', 'xy'],
  ['sinX', 'sin x'],
  ['sinY', 'sin y'],
];

export function optimizerOptions(): [TrainSetup['optimizer'], string][] {
  return [
    ['sgd', t('SGD')],
    ['momentum', t('Momentum')],
    ['adam', t('Adam')],
  ];
}

export function initOptions(): [TrainSetup['init'], string][] {
  return [
    ['auto', t('Auto')],
    ['xavier', t('Xavier/Glorot')],
    ['he', t('He')],
    ['lecun', t('LeCun')],
  ];
}

/** "8, 8" → [8, 8], each width clamped to [1, maxLayerWidth], at most maxHiddenLayers of them. */
function parseHidden(text: string): number[] {
  const parts = text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isFinite(n));
  return parts
    .slice(0, TRAIN_LIMITS.maxHiddenLayers)
    .map((n) => Math.min(TRAIN_LIMITS.maxLayerWidth, Math.max(1, Math.round(n))));
}

/** The limits sentence shown under the forms. */
export function limitsText(maxEpochs: number): string {
  return t(
    'Limits: {0}–{1} points, up to {2} hidden layers of up to {3} units, batch size up to {4}, {5} epochs per run. Larger values are clamped.',
    TRAIN_LIMITS.minSamples,
    TRAIN_LIMITS.maxSamples.toLocaleString('en-US'),
    TRAIN_LIMITS.maxHiddenLayers,
    TRAIN_LIMITS.maxLayerWidth,
    TRAIN_LIMITS.maxBatchSize,
    maxEpochs.toLocaleString('en-US'),
  );
}

/** The dataset list's value for the data file in use. */
const FILE_OPTION = 'file';

export class SetupForm {
  readonly element: HTMLElement;
  private setup: TrainSetup;
  /** The data file in use (the dataset fields then say so and are off), or none. */
  private file: { name: string; inputDims: number } | undefined;
  private readonly fileOption = el('option');
  private readonly dataset: HTMLSelectElement;
  private readonly noise: HTMLInputElement;
  private readonly testFraction: HTMLInputElement;
  private readonly nSamples: HTMLInputElement;
  private readonly features = new Map<FeatureId, HTMLInputElement>();
  private readonly hidden: HTMLInputElement;
  private readonly hiddenNote: HTMLElement;
  private readonly init: HTMLSelectElement;
  private readonly optimizer: HTMLSelectElement;
  private readonly lr: HTMLInputElement;
  private readonly batch: HTMLInputElement;
  private readonly reg: HTMLSelectElement;
  private readonly regRate: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly earlyStop: EarlyStopField;

  constructor(
    setup: TrainSetup,
    private readonly onChange: (s: TrainSetup) => void,
  ) {
    this.setup = structuredClone(setup);
    const L = TRAIN_LIMITS;
    this.dataset = select(datasetOptions(), setup.dataset.name);
    this.fileOption.value = FILE_OPTION;
    this.fileOption.hidden = true;
    this.dataset.append(this.fileOption);
    this.noise = numberInput(setup.dataset.noise, 0, L.maxNoise, 0.05);
    this.testFraction = numberInput(
      setup.dataset.testFraction,
      L.minTestFraction,
      L.maxTestFraction,
      0.05,
    );
    this.nSamples = numberInput(setup.dataset.nSamples, L.minSamples, L.maxSamples, 10);
    const feats = el('div', 'checks');
    feats.setAttribute('role', 'group');
    feats.setAttribute('aria-label', t('Input features'));
    for (const [id, label] of FEATURE_LABELS) {
      const c = checkbox(label, setup.features.includes(id));
      this.features.set(id, c.input);
      feats.append(c.wrap);
    }
    this.hidden = el('input');
    this.hidden.type = 'text';
    this.hidden.inputMode = 'numeric';
    this.hidden.value = setup.hidden.join(', ');
    this.hiddenNote = el('span', 'hint');
    this.hiddenNote.setAttribute('aria-live', 'polite');
    this.init = select(initOptions(), setup.init);
    this.optimizer = select(optimizerOptions(), setup.optimizer);
    this.lr = numberInput(setup.learningRate, 1e-5, 10, 'any');
    this.batch = numberInput(setup.batchSize, 1, L.maxBatchSize, 1);
    this.reg = select(
      [
        ['none', t('None')],
        ['l1', 'L1'],
        ['l2', 'L2'],
      ],
      setup.regularization,
    );
    this.regRate = numberInput(setup.regularizationRate, 0, 1, 'any');
    this.seed = numberInput(setup.seed, 0, 2 ** 31 - 1, 1);
    this.earlyStop = new EarlyStopField(setup.earlyStop);

    const hiddenField = field(
      t('Hidden layers (units per layer)'),
      this.hidden,
      t('e.g. 8, 8; empty for none'),
    );
    hiddenField.append(this.hiddenNote);
    this.element = el(
      'div',
      'setup',
      group(
        t('Data'),
        field(t('Dataset'), this.dataset),
        field(t('Noise'), this.noise),
        field(t('Test fraction'), this.testFraction),
        field(t('Points'), this.nSamples),
        el('div', 'field wide', el('span', 'label', t('Input features')), feats),
      ),
      group(t('Network'), hiddenField, field(t('Initialisation'), this.init)),
      group(
        t('Training'),
        field(t('Optimiser'), this.optimizer),
        field(t('Learning rate'), this.lr),
        field(t('Batch size'), this.batch),
        field(t('Regularisation'), this.reg),
        field(t('Regularisation rate'), this.regRate),
        field(t('Weights seed'), this.seed),
        this.earlyStop.element,
      ),
    );
    this.element.addEventListener('change', () => this.read());
    this.syncFeatures();
  }

  get value(): TrainSetup {
    return structuredClone(this.setup);
  }

  /**
   * A data file is in use (its name and number of inputs) or none: while one is, the dataset list
   * names it and the fields that only generated data have (dataset, noise, points) are off.
   */
  setFile(file: { name: string; inputDims: number } | undefined): void {
    this.file = file;
    this.fileOption.hidden = !file;
    this.fileOption.textContent = file ? t('File: {0}', file.name) : '';
    for (const c of [this.dataset, this.noise, this.nSamples]) c.disabled = !!file;
    this.dataset.value = file ? FILE_OPTION : this.setup.dataset.name;
    this.syncFeatures();
  }

  /** Inputs of the data: the file's, or the built-in dataset's. */
  private inputDims(): number {
    return this.file?.inputDims ?? DATASET_INFO[this.setup.dataset.name].inputDims;
  }

  /** Shows `setup` (e.g. after another view changed it). */
  load(setup: TrainSetup): void {
    this.setup = structuredClone(setup);
    this.dataset.value = this.file ? FILE_OPTION : setup.dataset.name;
    this.noise.value = String(setup.dataset.noise);
    this.testFraction.value = String(setup.dataset.testFraction);
    this.nSamples.value = String(setup.dataset.nSamples);
    for (const [id, input] of this.features) input.checked = setup.features.includes(id);
    this.hidden.value = setup.hidden.join(', ');
    this.init.value = setup.init;
    this.optimizer.value = setup.optimizer;
    this.lr.value = String(setup.learningRate);
    this.batch.value = String(setup.batchSize);
    this.reg.value = setup.regularization;
    this.regRate.value = String(setup.regularizationRate);
    this.seed.value = String(setup.seed);
    this.earlyStop.load(setup.earlyStop);
    this.syncFeatures();
  }

  /** A 1-D dataset (sine, a file with one input column) offers only the features of x. */
  private syncFeatures(): void {
    const oneD = this.inputDims() === 1;
    for (const [id, input] of this.features) {
      input.disabled = oneD && !FEATURES_1D.includes(id);
    }
  }

  private read(): void {
    const s = this.setup;
    s.dataset = {
      name: this.file ? s.dataset.name : (this.dataset.value as DatasetId),
      noise: readNumber(this.noise, s.dataset.noise),
      testFraction: readNumber(this.testFraction, s.dataset.testFraction),
      nSamples: readNumber(this.nSamples, s.dataset.nSamples, true),
      seed: s.dataset.seed,
    };
    this.syncFeatures();
    let feats = [...this.features].filter(([, i]) => i.checked && !i.disabled).map(([id]) => id);
    if (feats.length === 0) {
      feats = this.inputDims() === 1 ? ['x'] : ['x', 'y'];
      for (const f of feats) this.features.get(f)!.checked = true;
    }
    s.features = feats;
    const typed = this.hidden.value;
    s.hidden = parseHidden(typed);
    const shown = s.hidden.join(', ');
    this.hiddenNote.textContent =
      shown.replace(/\s/g, '') === typed.replace(/\s/g, '')
        ? ''
        : t('Using: {0}', shown || t('none'));
    s.init = this.init.value as TrainSetup['init'];
    s.optimizer = this.optimizer.value as TrainSetup['optimizer'];
    s.learningRate = readNumber(this.lr, s.learningRate);
    s.batchSize = readNumber(this.batch, s.batchSize, true);
    s.regularization = this.reg.value as TrainSetup['regularization'];
    s.regularizationRate = readNumber(this.regRate, s.regularizationRate);
    s.seed = readNumber(this.seed, s.seed, true);
    s.earlyStop = this.earlyStop.read(s.earlyStop);
    // Show the clamped values so the form never claims more than is used.
    this.nSamples.value = String(s.dataset.nSamples);
    this.batch.value = String(s.batchSize);
    this.onChange(this.value);
  }
}
