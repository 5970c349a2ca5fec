/**
 * The run controls and export bar that every training view (Train, Race, Gradient flow) has, wired
 * one way: the view answers the controls' requests, and the speed is kept in the view's slice of
 * the page state and saved through `ctx.changed()`.
 */
import type { DataMessage, ProgressMessage } from '../../src/core/protocol/workerProtocol';
import { ExportBar } from './exportBar';
import { RunControls, type RunHost } from './runControls';
import type { ViewContext } from './trainView';

type Speed = Parameters<RunHost['speedChanged']>[0];

/** What a training view answers to its run controls (`RunHost` without the speed). */
export interface RunView {
  startRequest: RunHost['startRequest'];
  onData(m: DataMessage): void;
  onProgress(m: ProgressMessage): void;
  clear(): void;
}

/** The controls of `view` (start label `start`, default "Train") and its export bar. */
export function viewRunParts(
  ctx: ViewContext,
  view: RunView,
  slot: { speed: Speed },
  options: { pickRun: boolean; start?: string },
): { controls: RunControls; exportBar: ExportBar } {
  const controls = new RunControls(
    {
      startRequest: () => view.startRequest(),
      data: (m) => view.onData(m),
      progress: (m) => view.onProgress(m),
      clear: () => view.clear(),
      speedChanged: (sp) => {
        slot.speed = sp;
        ctx.changed();
      },
    },
    slot.speed,
    ...(options.start === undefined ? [] : [{ start: options.start }]),
  );
  return { controls, exportBar: new ExportBar(ctx, controls.client, { pickRun: options.pickRun }) };
}
