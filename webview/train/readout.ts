/**
 * The text read-outs of a training view: epoch, losses, accuracy and the diverged state, as plain
 * text a screen reader announces (`role=status`, `aria-live=polite`). While training runs, the
 * text changes at most `ANNOUNCE_MS` apart so a reader is not flooded; status changes (paused,
 * finished, diverged) are written at once.
 */
import type { RunState, TrainStatus } from '../../src/core/protocol/workerProtocol';
import { fmt, t } from '../i18n';
import { el } from '../dom';

const ANNOUNCE_MS = 250;

/** Accuracy as a percentage with one decimal. */
export function pct(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** The one-line summary of a run: "Epoch 120 of 2000 · train loss 0.12 · …". */
export function runSummary(r: RunState, maxEpochs: number): string {
  const parts = [
    t('Epoch {0} of {1}', r.epoch, maxEpochs),
    t('train loss {0}', fmt(r.trainLoss)),
    t('test loss {0}', fmt(r.testLoss)),
  ];
  if (r.trainAccuracy !== undefined) parts.push(t('train accuracy {0}', pct(r.trainAccuracy)));
  if (r.testAccuracy !== undefined) parts.push(t('test accuracy {0}', pct(r.testAccuracy)));
  if (r.stopReason !== undefined) parts.push(stopText(r));
  return parts.join(' · ');
}

/** Why and when the early-stopping rule stopped a run. */
export function stopText(r: RunState): string {
  switch (r.stopReason) {
    case 'target':
      return t(
        'stopped early at epoch {0}: the test loss reached the target',
        r.stoppedAt ?? r.epoch,
      );
    case 'plateau':
      return t(
        'stopped early at epoch {0}: the test loss stopped improving',
        r.stoppedAt ?? r.epoch,
      );
    case undefined:
      return '';
  }
}

function statusText(
  s: TrainStatus | 'idle',
  diverged: boolean,
  idle = t('Ready: press Train to start.'),
): string {
  if (diverged) return t('Diverged');
  switch (s) {
    case 'idle':
      return idle;
    case 'running':
      return t('Training…');
    case 'paused':
      return t('Paused');
    case 'done':
      return t('Finished');
  }
}

export class Readout {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly numbers: HTMLElement;
  readonly diverged: HTMLElement;
  private last = 0;
  private lastStatus = '';

  /** @param idleText what the status says before a run (it names the view's start button). */
  constructor(private readonly idleText?: string) {
    this.status = el('span', 'status');
    this.numbers = el('span', 'numbers');
    this.element = el('div', 'readout', this.status, ' ', this.numbers);
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    this.element.setAttribute('aria-atomic', 'true');
    this.diverged = el('div', 'diverged');
    this.diverged.setAttribute('role', 'alert');
    this.diverged.hidden = true;
    this.clear();
  }

  /** Writes status and numbers (numbers may be throttled while running). */
  show(status: TrainStatus | 'idle', numbers: string, divergedAt?: number): void {
    const st = statusText(status, divergedAt !== undefined, this.idleText);
    const now = performance.now();
    const changed = st !== this.lastStatus;
    if (changed || status !== 'running' || now - this.last >= ANNOUNCE_MS) {
      this.status.textContent = st;
      this.numbers.textContent = numbers;
      this.last = now;
      this.lastStatus = st;
    }
    this.element.dataset.status = divergedAt !== undefined ? 'diverged' : status;
    if (divergedAt !== undefined) {
      const msg = t(
        'Diverged at epoch {0}: the loss became NaN or infinite, so this run stopped. Try a smaller learning rate.',
        divergedAt,
      );
      if (this.diverged.textContent !== msg) this.diverged.textContent = msg;
      this.diverged.hidden = false;
    } else {
      this.diverged.hidden = true;
    }
  }

  clear(): void {
    this.lastStatus = '';
    this.show('idle', '');
  }
}
