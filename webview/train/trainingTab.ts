/**
 * The training tab of the playground: three views (Train, Race, Gradient flow) behind a small tab
 * bar, each with its own worker. `mountTrainingTab` is what the page calls; the page keeps the
 * saved UI slice (never results) and passes it back on the next load.
 */
import type { Params } from '../../src/core/catalog/types';
import { epochLimit } from '../../src/core/train/config';
import type { GradientPreset } from '../../src/core/protocol/webviewProtocol';
import { t } from '../i18n';
import { readTheme, watchTheme, type Theme } from '../theme';
import type { DataFailed, DataLoaded } from '../../src/core/protocol/webviewProtocol';
import { el } from '../dom';
import { showTab, tabBar, tabPanel } from '../tabs';
import type { ExportResult } from './exportBar';
import type { CodeFramework } from '../../src/core/snippets/frameworks';
import { DataPanel, type DataPanelHooks } from './dataPanel';
import { GradientView } from './gradientView';
import { limitsText } from './setupForm';
import { RaceView } from './raceView';
import { TrainView, type ViewContext } from './trainView';
import type { RunRecord } from './runControls';
import {
  VIEW_NAMES,
  restoreLiveRuns,
  restoreTrainingUi,
  type LiveRuns,
  type TrainingUiState,
  type ViewName,
} from './uiState';

/** The saved slice: the UI configuration, and a record of the runs live when it was saved. */
export type SavedTraining = TrainingUiState & { liveRuns: LiveRuns };

/** Shortest time between two saves of a live run's epoch. */
const RECORD_MS = 1000;

export interface TrainingTabOptions {
  /** The slice saved last time by `save` (validated here; an invalid part gets its default). */
  saved: unknown;
  /** Keeps the slice in the page state (UI configuration, live-run record; never results). */
  save(state: SavedTraining): void;
  /** `activationLab.playground.maxTrainingEpochs`. */
  maxEpochs: number;
  /** Sends a data-file request to the host (the open dialog, a re-read after a reload). */
  requestData: DataPanelHooks['request'];
}

/** What the host asks for with "Train with…" or a hover link. */
export interface TrainRequest {
  id: string;
  params?: Params;
  /** Start training at once (otherwise the view is ready and waits for Train). */
  start?: boolean;
}

export interface TrainingTab {
  /** Opens the Train view with this activation selected (and training, if asked). */
  show(request: TrainRequest): Promise<void>;
  /** Opens the Gradient-flow view with this network (a pitfall diagnostic's link). */
  showGradient(preset: GradientPreset): void;
  /** A data file from the host (or why it could not be read). */
  dataFile(m: DataLoaded | DataFailed): void;
  /** Applies a changed `maxTrainingEpochs` setting to the next runs. */
  setMaxEpochs(maxEpochs: number): void;
  /** The code of the network the visible view shows (the host's export command), or why not. */
  exportCode(framework: CodeFramework): Promise<ExportResult>;
  /** Stops every worker and removes the tab's content. */
  dispose(): void;
}

export function mountTrainingTab(container: HTMLElement, options: TrainingTabOptions): TrainingTab {
  const state = restoreTrainingUi(options.saved);
  // Runs recorded by an earlier page: this page is new, so their worker died with that page.
  const lost = restoreLiveRuns(options.saved);
  const liveRuns: LiveRuns = {};
  let theme: Theme = readTheme();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRecord = 0;
  const saveNow = () => {
    clearTimeout(timer);
    lastRecord = performance.now();
    options.save(structuredClone({ ...state, liveRuns }));
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, 150);
  };
  const data = new DataPanel(state, {
    request: options.requestData,
    changed: () => {
      changed();
      for (const v of Object.values(views)) v.dataChanged();
    },
  });
  const ctx: ViewContext = {
    state,
    maxEpochs: epochLimit(options.maxEpochs),
    theme: () => theme,
    changed,
    table: () => data.rows(),
    file: () => data.inUse(),
  };
  /** Keeps the record of a view's live run: at once when a run starts or ends, else throttled. */
  const record = (view: ViewName, run: RunRecord | undefined) => {
    const before = liveRuns[view];
    if (run) liveRuns[view] = run;
    else delete liveRuns[view];
    if (!before !== !run || performance.now() - lastRecord >= RECORD_MS) saveNow();
  };
  const views = {
    train: new TrainView(ctx),
    race: new RaceView(ctx),
    gradient: new GradientView(ctx),
  };
  const titles: Record<ViewName, string> = {
    train: t('Single network'),
    race: t('Race'),
    gradient: t('Gradient flow'),
  };
  const bar = tabBar({
    order: VIEW_NAMES,
    labels: titles,
    prefix: 'train-',
    ariaLabel: t('Training views'),
    className: 'subtabs',
    select: (name) => select(name, true),
  });
  const panels = {} as Record<ViewName, HTMLElement>;
  for (const name of VIEW_NAMES) {
    panels[name] = tabPanel(views[name].element, 'train-', name);
    views[name].controls.watch((run) => record(name, run));
  }
  const root = el(
    'div',
    'training',
    lostNotice(lost, titles),
    data.element,
    bar.list,
    ...Object.values(panels),
  );
  container.append(root);
  if (Object.keys(lost).length) saveNow();

  function select(name: ViewName, save: boolean): void {
    state.view = name;
    showTab(bar.tabs, panels, name);
    views[name].refresh();
    if (save) ctx.changed();
  }
  select(state.view, false);
  data.restore();

  watchTheme((th) => {
    theme = th;
    for (const v of Object.values(views)) v.setTheme(th);
  });

  return {
    async show(request) {
      select('train', true);
      await views.train.select(
        { id: request.id, params: request.params ?? {}, formula: state.train.activation.formula },
        request.start === true,
      );
    },
    showGradient(preset) {
      select('gradient', true);
      views.gradient.preset({ id: preset.id, depth: preset.depth });
    },
    dataFile(m) {
      data.receive(m);
    },
    setMaxEpochs(maxEpochs) {
      ctx.maxEpochs = epochLimit(maxEpochs);
      for (const p of root.querySelectorAll('.hint.limits'))
        p.textContent = limitsText(ctx.maxEpochs);
    },
    exportCode(framework) {
      return views[state.view].exportBar.exportCode(framework);
    },
    dispose() {
      clearTimeout(timer);
      for (const v of Object.values(views)) v.dispose();
      root.remove();
    },
  };
}

/**
 * Says which runs were lost with the previous page (VS Code re-created it: a reload, or a panel
 * whose context was not kept), with a button to dismiss the notice. Empty when nothing was lost.
 */
function lostNotice(lost: LiveRuns, titles: Record<ViewName, string>): HTMLElement {
  const box = el('div', 'lost-runs');
  box.setAttribute('role', 'status');
  box.dataset.role = 'lost-runs';
  const lines = VIEW_NAMES.flatMap((view) => {
    const title = titles[view];
    const r = lost[view];
    return r
      ? [
          el(
            'p',
            undefined,
            t(
              '{0}: the training run of {1} was stopped at epoch {2} of {3} because the playground was reloaded. Press Train to start it again.',
              title,
              r.labels,
              r.epoch.toLocaleString('en-US'),
              r.maxEpochs.toLocaleString('en-US'),
            ),
          ),
        ]
      : [];
  });
  box.hidden = !lines.length;
  const dismiss = el('button', undefined, t('Dismiss'));
  dismiss.type = 'button';
  dismiss.addEventListener('click', () => (box.hidden = true));
  box.append(...lines, dismiss);
  return box;
}
