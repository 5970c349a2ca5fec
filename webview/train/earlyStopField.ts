/**
 * The early-stopping control of the training setup: never, at a test loss, or when the test loss
 * stops improving (a plateau of `patience` epochs). The session in the worker applies the rule
 * after every epoch; the read-out says when and why a run stopped.
 */
import type { EarlyStop } from '../../src/core/protocol/workerProtocol';
import { TRAIN_LIMITS } from '../../src/core/train/config';
import { t } from '../i18n';
import { el, field, numberInput, readNumber, select } from '../dom';

type Mode = EarlyStop['mode'];

/** The mode's name as the person reads it. */
function modeOptions(): [Mode, string][] {
  return [
    ['off', t('Never')],
    ['target', t('At a test loss')],
    ['plateau', t('On a plateau')],
  ];
}

export class EarlyStopField {
  readonly element: HTMLElement;
  private readonly mode: HTMLSelectElement;
  private readonly target: HTMLInputElement;
  private readonly patience: HTMLInputElement;
  private readonly targetField: HTMLElement;
  private readonly patienceField: HTMLElement;

  constructor(value: EarlyStop) {
    this.mode = select(modeOptions(), value.mode);
    this.mode.dataset.role = 'early-stop';
    this.target = numberInput(value.targetLoss, 0, 10, 'any');
    this.patience = numberInput(value.patience, 1, TRAIN_LIMITS.maxEpochsPerStep, 1);
    this.targetField = field(t('Stop at test loss ≤'), this.target);
    this.patienceField = field(
      t('Patience (epochs)'),
      this.patience,
      t('Stops once the best test loss has not fallen by more than 0.001 for this many epochs.'),
    );
    this.element = el(
      'div',
      'early-stop',
      field(t('Stop early'), this.mode),
      this.targetField,
      this.patienceField,
    );
    this.sync();
  }

  /** The rule the controls show (numbers clamped to their bounds, and written back). */
  read(previous: EarlyStop): EarlyStop {
    const r: EarlyStop = {
      mode: this.mode.value as Mode,
      targetLoss: readNumber(this.target, previous.targetLoss),
      patience: readNumber(this.patience, previous.patience, true),
    };
    this.load(r);
    return r;
  }

  load(value: EarlyStop): void {
    this.mode.value = value.mode;
    this.target.value = String(value.targetLoss);
    this.patience.value = String(value.patience);
    this.sync();
  }

  /** Only the number the chosen mode uses is shown. */
  private sync(): void {
    this.targetField.hidden = this.mode.value !== 'target';
    this.patienceField.hidden = this.mode.value !== 'plateau';
  }
}
