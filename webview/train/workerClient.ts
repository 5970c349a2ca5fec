/**
 * The page's side of the training worker: creates it from a Blob (the CSP allows `worker-src
 * blob:`), validates everything it sends, and hands the newest progress to the view once per
 * animation frame (older ones are dropped; each carries the complete state). After drawing it
 * tells the worker `view/frame`, so progress never arrives faster than the page can draw.
 * Each view owns one client; `terminate` (Reset, leaving the page) stops the worker at once.
 * A start is a request: its id is the run id, and the worker's `train/started` reply settles it.
 */
import workerSource from 'worker-source:webview/worker/trainWorker.ts';
import { assertNever, PendingRequests, replyTo } from '../../src/core/protocol/channel';
import type { CodeFramework } from '../../src/core/snippets/frameworks';
import {
  parseWorkerToPage,
  type DataMessage,
  type ExportedMessage,
  type PageToWorker,
  type ProgressMessage,
  type StartedMessage,
  type StartMessage,
} from '../../src/core/protocol/workerProtocol';

export interface WorkerListener {
  data(m: DataMessage): void;
  progress(m: ProgressMessage): void;
  /** Training stopped on an error after it started (or the worker itself failed). */
  error(message: string): void;
}

let sourceUrl: string | undefined;
const live = new Set<TrainingClient>();

// Closing the panel destroys the page and its workers; terminating here also covers a page that
// is merely navigated or hidden for good, and keeps the intent visible.
addEventListener('pagehide', () => {
  for (const c of live) c.terminate();
});

function exportReply(id: number, status: 'error' | 'cancelled', detail = ''): ExportedMessage {
  return { type: 'model/exported', ...replyTo(id, status, detail) };
}

export class TrainingClient {
  private worker: Worker | undefined;
  /** The run whose messages are shown: the id of the last start; 0 after `terminate`. */
  private runId = 0;
  private readonly starts = new PendingRequests<StartedMessage>();
  private readonly exports = new PendingRequests<ExportedMessage>();
  private pending: ProgressMessage | undefined;
  private frame = 0;

  constructor(private readonly listener: WorkerListener) {}

  /** Whether a worker is alive (something is or was training since the last reset). */
  get active(): boolean {
    return this.worker !== undefined;
  }

  get currentRunId(): number {
    return this.runId;
  }

  /**
   * Starts (or restarts) training; the previous run's messages are ignored from now on. Settles
   * with the worker's reply: `ok`, `error` (with the reason) or `cancelled` (a newer start or a
   * reset came first).
   */
  start(m: Omit<StartMessage, 'type' | 'runId'>): Promise<StartedMessage> {
    const w = this.ensureWorker();
    this.cancelStarts();
    this.pending = undefined;
    return this.starts.request((id) => {
      this.runId = id;
      this.send(w, { type: 'train/start', runId: id, ...m });
    }).reply;
  }

  pause(): void {
    if (this.worker) this.send(this.worker, { type: 'train/pause', runId: this.runId });
  }

  resume(): void {
    if (this.worker) this.send(this.worker, { type: 'train/resume', runId: this.runId });
  }

  step(epochs: number): void {
    if (this.worker) this.send(this.worker, { type: 'train/step', runId: this.runId, epochs });
  }

  setSpeed(epochsPerTick: number): void {
    if (this.worker) {
      this.send(this.worker, { type: 'train/speed', runId: this.runId, epochsPerTick });
    }
  }

  /**
   * Asks the worker for run `key`'s network as Python for `framework` (its weights now). Settles
   * with the worker's `model/exported`; `cancelled` when the worker is stopped first, `error`
   * at once when there is no worker (nothing was trained since the last reset).
   */
  exportCode(key: string, framework: CodeFramework): Promise<ExportedMessage> {
    const w = this.worker;
    return this.exports.request((requestId) => {
      if (w) this.send(w, { type: 'model/export', requestId, runId: this.runId, key, framework });
      else queueMicrotask(() => this.exports.settle(exportReply(requestId, 'error', 'no run')));
    }).reply;
  }

  /** Stops the worker immediately; the next `start` creates a fresh one. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.pending = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.runId = 0;
    this.cancelStarts();
    this.exports.settleAll((id) => exportReply(id, 'cancelled'));
    live.delete(this);
  }

  private cancelStarts(): void {
    this.starts.settleAll((id) => ({ type: 'train/started', ...replyTo(id, 'cancelled') }));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    sourceUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    const w = new Worker(sourceUrl, { name: 'activation-lab-training' });
    w.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.listener.error(e.message || 'training worker failed');
    };
    this.worker = w;
    live.add(this);
    return w;
  }

  private send(w: Worker, m: PageToWorker): void {
    w.postMessage(m);
  }

  private receive(raw: unknown): void {
    const checked = parseWorkerToPage(raw);
    if (!checked.ok) {
      this.listener.error(`dropped worker message: ${checked.reason}`);
      return;
    }
    const m = checked.message;
    if (m.type === 'train/started') {
      this.starts.settle(m);
      return;
    }
    if (m.type === 'model/exported') {
      this.exports.settle(m);
      return;
    }
    if (m.runId !== this.runId) return;
    switch (m.type) {
      case 'train/data':
        this.listener.data(m);
        return;
      case 'train/progress':
        this.pending = m;
        this.frame ||= requestAnimationFrame(() => this.draw());
        return;
      case 'train/error':
        this.listener.error(m.message);
        return;
      default:
        assertNever(m);
    }
  }

  private draw(): void {
    this.frame = 0;
    const m = this.pending;
    this.pending = undefined;
    if (!m || m.runId !== this.runId) return;
    this.listener.progress(m);
    if (this.worker) this.send(this.worker, { type: 'view/frame', runId: this.runId });
  }
}
