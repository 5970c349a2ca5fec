/**
 * The training worker: a thin `onmessage` switch over the core's `TrainingSession`. It decides how
 * often to train and to report: training runs in slices of about `SLICE_MS` (so `train/pause`
 * is read within one slice, whatever the speed and network size), and a progress message goes out
 * only after the page said it drew the previous one (`view/frame`), at most once per `FRAME_MS`.
 * Status changes (paused, done) are always reported at once.
 */
/// <reference lib="webworker" />
import { assertNever, replyTo } from '../../src/core/protocol/channel';
import {
  isRawStart,
  rawExportId,
  parsePageToWorker,
  rawRunId,
  type ExportMessage,
  type PageToWorker,
  type StartMessage,
  type WorkerToPage,
} from '../../src/core/protocol/workerProtocol';
import { runTrainerFactory } from '../../src/core/session/runTrainer';
import { RunError, TrainingSession } from '../../src/core/session/session';
import { compileCustomActivation } from './customActivation';

declare const self: DedicatedWorkerGlobalScope;

/** Training between two looks at the message queue (one chunk may overrun it: one epoch). */
const SLICE_MS = 12;
/** Shortest time between two progress reports, and the pause between frames at a fixed speed. */
const FRAME_MS = 16;

const createRunTrainer = runTrainerFactory(compileCustomActivation);
let session: TrainingSession | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** The page drew the last progress message. */
let drawn = true;
let lastPost = 0;

function post(m: WorkerToPage): void {
  self.postMessage(m);
}

function report(): void {
  if (!session) return;
  post(session.progress());
  drawn = false;
  lastPost = performance.now();
}

function schedule(delay: number): void {
  if (timer === undefined) timer = setTimeout(loop, delay);
}

function loop(): void {
  timer = undefined;
  const s = session;
  if (!s || s.currentStatus !== 'running') return;
  try {
    const r = s.tick(SLICE_MS);
    if (r.statusChanged || (drawn && performance.now() - lastPost >= FRAME_MS - 1)) report();
    // At a fixed speed a finished frame waits for the next one; anything else goes on at once.
    if (s.currentStatus === 'running') schedule(r.frameDone && s.speed > 0 ? FRAME_MS : 0);
  } catch (err) {
    fail(s.runId, err);
  }
}

/** A bug in a run must not stop the worker silently: report it and drop the session. */
function fail(runId: number, err: unknown): void {
  if (session?.runId === runId) session = undefined;
  post({ type: 'train/error', runId, message: String((err as Error)?.message ?? err) });
}

function start(m: StartMessage): void {
  clearTimeout(timer);
  timer = undefined;
  session = undefined;
  try {
    session = new TrainingSession(m, createRunTrainer, () => performance.now());
  } catch (e) {
    const key = e instanceof RunError ? e.key : undefined;
    post({
      type: 'train/started',
      ...replyTo(m.runId, 'error', String((e as Error).message ?? e)),
      key,
    });
    return;
  }
  post({ type: 'train/started', ...replyTo(m.runId, 'ok') });
  post(session.data());
  drawn = true;
  report();
  schedule(0);
}

/** Answers an export request: the run's code now, or why there is none. */
function exportRun(m: ExportMessage): void {
  const r =
    session && session.runId === m.runId
      ? session.exportRun(m.key, m.framework)
      : { error: 'The run has ended: train again to export it.' };
  if ('error' in r) post({ type: 'model/exported', ...replyTo(m.requestId, 'error', r.error) });
  else post({ type: 'model/exported', ...replyTo(m.requestId, 'ok'), code: r });
}

function handle(m: PageToWorker): void {
  if (m.type === 'train/start') return start(m);
  if (m.type === 'model/export') return exportRun(m);
  const s = session;
  if (!s || m.runId !== s.runId) return;
  switch (m.type) {
    case 'train/pause':
      if (s.pause()) report();
      return;
    case 'train/resume':
      if (s.resume()) schedule(0);
      return;
    case 'train/step':
      if (s.step(m.epochs)) schedule(0);
      return;
    case 'train/speed':
      s.setSpeed(m.epochsPerTick);
      return;
    case 'view/frame':
      drawn = true;
      return;
    default:
      assertNever(m);
  }
}

self.onmessage = (e: MessageEvent<unknown>) => {
  const checked = parsePageToWorker(e.data);
  // The answer to a message the worker cannot read goes to the run that sent it, so a start
  // the page made never waits for ever.
  if (!checked.ok) {
    const runId = rawRunId(e.data);
    const detail = `dropped page message: ${checked.reason}`;
    const exportId = rawExportId(e.data);
    if (isRawStart(e.data)) post({ type: 'train/started', ...replyTo(runId, 'error', detail) });
    else if (exportId !== undefined)
      post({ type: 'model/exported', ...replyTo(exportId, 'error', detail) });
    else post({ type: 'train/error', runId, message: detail });
    return;
  }
  try {
    handle(checked.message);
  } catch (err) {
    const m = checked.message;
    // A failed export still answers its request, so the page never waits for ever.
    if (m.type === 'model/export')
      post({ type: 'model/exported', ...replyTo(m.requestId, 'error', String(err)) });
    else fail(rawRunId(e.data), err);
  }
};
