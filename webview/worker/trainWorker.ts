/**
 * The training worker: a thin `onmessage` switch over a `TrainingSession` (the core trainer
 * underneath). It decides how often to train and to report: training runs in slices of at most
 * `SLICE_MS` (so `train/pause` is honoured within a slice), and a progress message goes out only
 * after the page said it drew the previous one (`view/frame`), so reports follow the page's
 * animation frames. Status changes (paused, done) are always reported at once.
 */
/// <reference lib="webworker" />
import {
  parsePageToWorker,
  type PageToWorker,
  type WorkerToPage,
} from '../../src/core/protocol/workerProtocol';
import { createRunTrainer } from './trainerAdapter';
import { RunError, TrainingSession } from './session';

declare const self: DedicatedWorkerGlobalScope;

/** Longest stretch of training between two looks at the message queue. */
const SLICE_MS = 12;
/** Pause between ticks at a fixed speed (about one animation frame). */
const FRAME_MS = 16;

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
    const fixed = s.speed > 0;
    const r = s.tick(SLICE_MS);
    if (r.statusChanged || (drawn && performance.now() - lastPost >= FRAME_MS - 1)) report();
    if (s.currentStatus === 'running') schedule(fixed ? FRAME_MS : 0);
  } catch (err) {
    fail(err);
  }
}

/** A bug in a run must not stop the worker silently: report it and drop the session. */
function fail(err: unknown): void {
  const runId = session?.runId ?? 0;
  session = undefined;
  post({ type: 'train/error', runId, message: String((err as Error)?.message ?? err) });
}

function handle(m: PageToWorker): void {
  if (m.type !== 'train/start' && (!session || m.runId !== session.runId)) return;
  switch (m.type) {
    case 'train/start': {
      clearTimeout(timer);
      timer = undefined;
      session = undefined;
      try {
        session = new TrainingSession(m, createRunTrainer, () => performance.now());
      } catch (e) {
        const key = e instanceof RunError ? e.key : undefined;
        post({
          type: 'train/error',
          runId: m.runId,
          key,
          message: String((e as Error).message ?? e),
        });
        return;
      }
      post(session.data());
      drawn = true;
      report();
      schedule(0);
      return;
    }
    case 'train/pause':
      if (session!.pause()) report();
      return;
    case 'train/resume':
      if (session!.resume()) schedule(0);
      return;
    case 'train/step':
      if (session!.step(m.epochs)) schedule(0);
      return;
    case 'train/speed':
      session!.setSpeed(m.epochsPerTick);
      return;
    case 'view/frame':
      drawn = true;
      return;
  }
}

self.onmessage = (e: MessageEvent<unknown>) => {
  const checked = parsePageToWorker(e.data);
  if (!checked.ok) {
    post({ type: 'train/error', runId: 0, message: `dropped page message: ${checked.reason}` });
    return;
  }
  try {
    handle(checked.message);
  } catch (err) {
    fail(err);
  }
};
