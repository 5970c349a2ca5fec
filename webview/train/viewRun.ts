/**
 * The run controls and export bar that every training view (Train, Race, Gradient flow) has, wired
 * one way: the view answers the controls' requests, and the speed is kept in the view's slice of
 * the page state and saved through `ctx.changed()`. Train and Race also share the setup form.
 */
import type { DataMessage, ProgressMessage } from '../../src/core/protocol/workerProtocol';
import { el } from '../dom';
import { ExportBar } from './exportBar';
import type { Readout } from './readout';
import { RunControls, type RunHost } from './runControls';
import { SetupForm } from './setupForm';
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

/**
 * The results column: the run controls, the read-out and its divergence notice, the `plots`
 * figures side by side, then `rest` (notes, the export bar).
 */
export function resultsColumn(
  controls: RunControls,
  readout: Readout,
  plots: HTMLElement[],
  ...rest: (Node | string)[]
): HTMLDivElement {
  const figures = el('div', 'plots', ...plots);
  return el(
    'div',
    'results',
    controls.element,
    readout.element,
    readout.diverged,
    figures,
    ...rest,
  );
}

/**
 * The shared setup form of a view (Train, Race): it edits `ctx.state.setup`, calls `changed` after
 * each edit, and knows the data file in use.
 */
export function viewSetupForm(ctx: ViewContext, changed: () => void): SetupForm {
  const form = new SetupForm(ctx.state.setup, (setup) => {
    ctx.state.setup = setup;
    changed();
  });
  form.setFile(ctx.file());
  return form;
}

/** A view with the shared setup form shows the saved setup again (another view may have changed it). */
export function reloadSetup(ctx: ViewContext, form: SetupForm, exportBar: ExportBar): void {
  form.load(ctx.state.setup);
  exportBar.refresh();
}

/** The data file (or its columns, or whether it is used) changed: a live run stops, an idle view clears. */
export function followDataFile(
  ctx: ViewContext,
  form: SetupForm,
  controls: RunControls,
  clear: () => void,
): void {
  form.setFile(ctx.file());
  if (controls.current !== 'idle') controls.reset();
  else clear();
}
