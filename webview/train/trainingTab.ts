/**
 * The training tab of the playground: three views (Train, Race, Gradient flow) behind a small tab
 * bar, each with its own worker. `mountTrainingTab` is what the page calls; the page keeps the
 * saved UI slice (never results) and passes it back on the next load.
 */
import type { Params } from '../../src/core/catalog/types';
import { t } from '../i18n';
import { readTheme, watchTheme, type Theme } from '../theme';
import { el } from './dom';
import { GradientView } from './gradientView';
import { limitsText } from './setupForm';
import { RaceView } from './raceView';
import { TrainView, type ViewContext } from './trainView';
import type { RunRecord } from './runControls';
import { restoreLiveRuns, restoreTrainingUi, type LiveRuns, type TrainingUiState } from './uiState';

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
  /** Applies a changed `maxTrainingEpochs` setting to the next runs. */
  setMaxEpochs(maxEpochs: number): void;
  /** Stops every worker and removes the tab's content. */
  dispose(): void;
}

type ViewName = TrainingUiState['view'];

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
  const ctx: ViewContext = {
    state,
    maxEpochs: clampEpochs(options.maxEpochs),
    theme: () => theme,
    changed: () => {
      clearTimeout(timer);
      timer = setTimeout(saveNow, 150);
    },
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
  const names: [ViewName, string][] = [
    ['train', t('Single network')],
    ['race', t('Race')],
    ['gradient', t('Gradient flow')],
  ];
  const bar = el('div', 'subtabs');
  bar.setAttribute('role', 'tablist');
  bar.setAttribute('aria-label', t('Training views'));
  const tabs = new Map<ViewName, HTMLButtonElement>();
  for (const [name, label] of names) {
    const b = el('button', 'subtab', label);
    b.type = 'button';
    b.id = `train-tab-${name}`;
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-controls', `train-panel-${name}`);
    b.dataset.view = name;
    b.addEventListener('click', () => select(name, true));
    tabs.set(name, b);
    bar.append(b);
  }
  bar.addEventListener('keydown', (e) => {
    const order = names.map(([n]) => n);
    const i = order.indexOf(state.view);
    const next =
      e.key === 'ArrowRight'
        ? order[(i + 1) % 3]
        : e.key === 'ArrowLeft'
          ? order[(i + 2) % 3]
          : undefined;
    if (!next) return;
    e.preventDefault();
    select(next, true);
    tabs.get(next)!.focus();
  });
  const panels = new Map<ViewName, HTMLElement>();
  for (const [name] of names) {
    const p = views[name].element;
    p.id = `train-panel-${name}`;
    p.setAttribute('role', 'tabpanel');
    p.setAttribute('aria-labelledby', `train-tab-${name}`);
    panels.set(name, p);
  }
  for (const [name] of names) views[name].controls.watch((run) => record(name, run));
  const root = el('div', 'training', lostNotice(lost, names), bar, ...panels.values());
  container.append(root);
  if (Object.keys(lost).length) saveNow();

  function select(name: ViewName, save: boolean): void {
    state.view = name;
    for (const [n, b] of tabs) {
      const on = n === name;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      panels.get(n)!.hidden = !on;
    }
    views[name].refresh();
    if (save) ctx.changed();
  }
  select(state.view, false);

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
    setMaxEpochs(maxEpochs) {
      ctx.maxEpochs = clampEpochs(maxEpochs);
      for (const p of root.querySelectorAll('.hint.limits'))
        p.textContent = limitsText(ctx.maxEpochs);
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
function lostNotice(lost: LiveRuns, names: [ViewName, string][]): HTMLElement {
  const box = el('div', 'lost-runs');
  box.setAttribute('role', 'status');
  box.dataset.role = 'lost-runs';
  const lines = names.flatMap(([view, title]) => {
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

function clampEpochs(n: number): number {
  return Math.max(1, Math.min(100000, Math.round(n) || 2000));
}
