/**
 * Train / Pause, Step, Reset and speed for one view, driving that view's worker. The state shown
 * comes from the worker's last progress message; Reset terminates the worker outright.
 */
import type {
  DataMessage,
  ProgressMessage,
  StartMessage,
  TrainStatus,
} from '../../src/core/protocol/workerProtocol';
import { assertNever } from '../../src/core/protocol/channel';
import { t } from '../i18n';
import { button, el, field, select } from '../dom';
import { SPEEDS } from './uiState';
import { TrainingClient } from './workerClient';

type Speed = (typeof SPEEDS)[number];

/** What a view supplies to its controls. */
export interface RunHost {
  /** The start request for the current configuration, or why there is none (may parse a formula first). */
  startRequest(): Promise<StartRequest | string> | StartRequest | string;
  data(m: DataMessage): void;
  progress(m: ProgressMessage): void;
  /** Back to the empty state (after Reset or a configuration change). */
  clear(): void;
  speedChanged(speed: Speed): void;
}

export type ControlState = 'idle' | TrainStatus;

/** What a person would lose with this page: the activations of the live run and how far it got. */
export interface RunRecord {
  labels: string;
  epoch: number;
  maxEpochs: number;
}
/** A start request without what the controls add (run id, paused, speed). */
export type StartRequest = Omit<StartMessage, 'type' | 'runId' | 'paused' | 'epochsPerTick'>;

export class RunControls {
  readonly element: HTMLElement;
  readonly client: TrainingClient;
  private state: ControlState = 'idle';
  private readonly primary: HTMLButtonElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly resetButton: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private readonly error: HTMLElement;
  /** Told about the live run after every progress, and `undefined` once there is none. */
  private onRun: (run: RunRecord | undefined) => void = () => undefined;

  constructor(
    private readonly host: RunHost,
    speed: Speed,
    labels: { start: string } = { start: t('Train') },
  ) {
    this.client = new TrainingClient({
      data: (m) => host.data(m),
      progress: (m) => {
        this.setState(m.status);
        host.progress(m);
        this.onRun(
          m.status === 'done'
            ? undefined
            : {
                labels: m.runs.map((r) => r.label).join(', '),
                epoch: Math.max(0, ...m.runs.map((r) => r.epoch)),
                maxEpochs: m.maxEpochs,
              },
        );
      },
      error: (message) => this.showError(message),
    });
    this.primary = button(labels.start, () => this.onPrimary(), 'primary');
    this.primary.dataset.role = 'train';
    this.stepButton = button(t('Step'), () => void this.onStep());
    this.stepButton.title = t('Train one epoch, then pause');
    this.resetButton = button(t('Reset'), () => this.reset());
    this.resetButton.title = t('Stop training and discard the run');
    this.speed = select(
      SPEEDS.map((s) => [
        String(s),
        s === 0
          ? t('As fast as possible')
          : s === 1
            ? t('One epoch per frame')
            : t('{0} epochs per frame', s),
      ]),
      String(speed),
    );
    this.speed.addEventListener('change', () => {
      const s = Number(this.speed.value) as Speed;
      this.client.setSpeed(s);
      host.speedChanged(s);
    });
    this.error = el('div', 'error');
    this.error.setAttribute('role', 'alert');
    this.error.hidden = true;
    this.element = el(
      'div',
      'run-controls',
      el('div', 'buttons', this.primary, this.stepButton, this.resetButton),
      field(t('Speed'), this.speed),
      this.error,
    );
    this.labels = labels;
    this.render();
  }
  private readonly labels: { start: string };

  get current(): ControlState {
    return this.state;
  }

  /** Follows the live run (the training tab keeps a record of it, see `uiState.ts`). */
  watch(onRun: (run: RunRecord | undefined) => void): void {
    this.onRun = onRun;
  }

  /** Starts training (paused: ready at epoch 0); false if the configuration cannot be trained. */
  async start(paused = false): Promise<boolean> {
    this.hideError();
    const req = await this.host.startRequest();
    if (typeof req === 'string') {
      this.showError(req);
      return false;
    }
    this.host.clear();
    const reply = this.client.start({ ...req, paused, epochsPerTick: Number(this.speed.value) });
    this.setState(paused ? 'paused' : 'running');
    const r = await reply;
    switch (r.status) {
      case 'ok':
        return true;
      case 'error':
        // Every failed start says why, in place (the worker names the failing run when one did).
        this.showError(r.key ? `${r.key}: ${r.detail}` : r.detail);
        this.setState('idle');
        this.onRun(undefined);
        return false;
      case 'cancelled':
        return false;
      default:
        return assertNever(r.status);
    }
  }

  /** Stops the worker and empties the view. */
  reset(): void {
    this.client.terminate();
    this.hideError();
    this.host.clear();
    this.setState('idle');
    this.onRun(undefined);
  }

  private onPrimary(): void {
    switch (this.state) {
      case 'idle':
      case 'done':
        void this.start();
        return;
      case 'running':
        this.client.pause();
        this.setState('paused');
        return;
      case 'paused':
        this.client.resume();
        this.setState('running');
        return;
    }
  }

  private async onStep(): Promise<void> {
    if (this.state === 'idle' || this.state === 'done') {
      if (!(await this.start(true))) return;
    }
    this.client.step(1);
  }

  private setState(s: ControlState): void {
    this.state = s;
    this.render();
  }

  private render(): void {
    const s = this.state;
    this.primary.textContent =
      s === 'running'
        ? t('Pause')
        : s === 'paused'
          ? t('Resume')
          : s === 'done'
            ? t('Train again')
            : this.labels.start;
    this.primary.setAttribute('aria-pressed', String(s === 'running'));
    this.stepButton.disabled = s === 'running';
    this.resetButton.disabled = s === 'idle';
    this.element.dataset.state = s;
  }

  /** Shows a problem (bad formula, worker failure) in place, above the charts. */
  showError(message: string): void {
    this.error.textContent = t('Training stopped: {0}', message);
    this.error.hidden = false;
    if (this.state === 'running') this.setState('paused');
  }

  private hideError(): void {
    this.error.hidden = true;
    this.error.textContent = '';
  }

  dispose(): void {
    this.client.terminate();
  }
}
