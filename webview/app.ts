/**
 * The playground page: owns the UI state (saved with `setState`) and the three tabs — Graphs,
 * Vector activations and Train (mounted on first use) — and applies what the host asks to show.
 */
import { assertNever, type ReplyStatus } from '../src/core/protocol/channel';
import type {
  DataFailed,
  DataLoaded,
  PlaygroundSettings,
  ShowRequest,
} from '../src/core/protocol/webviewProtocol';
import { elementwiseEntries, entryOf, paramsFor } from './catalog';
import { GraphsTab } from './graphsTab';
import { t } from './i18n';
import { buildLayout, type Layout, type Tab } from './layout';
import { MAX_CURVES, persist, type CurveState, type UiState } from './state';
import { showTab } from './tabs';
import { readTheme, reducedMotion, watchTheme, type Theme } from './theme';
import type { ExportResult } from './train/exportBar';
import type { TrainingTab } from './train/trainingTab';
import { assignSlots } from './ui/curveColors';
import type { CodeFramework } from '../src/core/snippets/frameworks';
import { VectorTab } from './vector/vectorTab';
import { post } from './vscodeApi';

/** How long a success note ("Saved to …") stays in the header. */
const STATUS_NOTE_MS = 6000;

export class App {
  private theme: Theme = readTheme();
  private readonly l: Layout;
  private readonly graphs: GraphsTab;
  /** The vector tab, built when it is first shown (the first chart does not wait for it). */
  private vectorTab: VectorTab | undefined;
  /** The training tab, mounted (and its code loaded) when it is first shown. */
  private training: Promise<TrainingTab> | undefined;

  constructor(
    root: HTMLElement,
    private readonly state: UiState,
    private settings: PlaygroundSettings,
  ) {
    this.l = buildLayout(root, (tab) => this.selectTab(tab));
    const host = { save: () => this.save(), status: (s: string, e?: boolean) => this.status(s, e) };
    this.graphs = new GraphsTab(this.l, state, this.theme, host);
    showTab(this.l.tabs, this.l.panels, state.tab);
    this.mount[state.tab]();
    watchTheme((th) => this.setTheme(th));
    performance.measure('al:first-chart', { start: 0, end: performance.now() });
  }

  /** Applies a show request from the host (a hover link or a command). */
  show(req: ShowRequest): void {
    const unknown: string[] = [];
    const curves: CurveState[] = [];
    let vectorId: string | undefined;
    for (const c of req.curves) {
      const e = entryOf(c.id);
      if (!e) unknown.push(c.id);
      else if (e.kind === 'vector') vectorId = e.id;
      else if (curves.length < MAX_CURVES)
        curves.push({
          key: curves.length,
          id: e.id,
          params: paramsFor(e.id, c.params),
          api: c.api,
          color: assignSlots(
            [e.id],
            curves.map((k) => k.color),
          )[0],
          visible: true,
        });
    }
    if (unknown.length) this.status(t('Unknown activation: {0}', unknown.join(', ')), true);
    if (curves.length) this.graphs.showCurves(curves);
    if (vectorId) {
      this.state.vector = { ...this.state.vector, id: vectorId, params: {} };
      this.vectorTab?.renderControls();
      this.vectorTab?.update();
    }
    this.selectTab(req.tab ?? (vectorId && !curves.length ? 'vector' : 'graphs'));
    const first = req.curves[0];
    const gradient = req.gradient;
    if (req.tab === 'train' && gradient)
      void this.trainingTab().then((tab) => tab.showGradient(gradient));
    else if (req.tab === 'train' && first)
      void this.trainingTab().then((tab) =>
        tab.show({ id: first.id, params: first.params, start: req.train === true }),
      );
  }

  /**
   * A data file from the host (the person chose it, or a restored page asked for it again): the
   * training tab opens with it, unless it is a restore that failed while another tab is shown.
   */
  dataFile(m: DataLoaded | DataFailed): void {
    if (!m.restore) this.selectTab('train');
    void this.trainingTab().then((tab) => tab.dataFile(m));
  }

  /** Applies changed settings (the vector tab reads reduced motion live). */
  setSettings(settings: PlaygroundSettings): void {
    this.settings = settings;
    void this.training?.then((tab) => tab.setMaxEpochs(settings.maxTrainingEpochs));
  }

  /** The code of the network the training tab shows, for the host's export command. */
  async exportCode(framework: CodeFramework): Promise<ExportResult> {
    if (!this.training) return { error: nothingTrained() };
    return (await this.training).exportCode(framework);
  }

  /** Shows the result of a `file/save` request. */
  saved(status: ReplyStatus, detail: string): void {
    switch (status) {
      case 'ok':
        this.status(t('Saved to {0}', detail));
        return;
      case 'error':
        this.status(t('Could not save: {0}', detail), true);
        return;
      case 'cancelled':
        return;
      default:
        assertNever(status);
    }
  }

  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  /** Shows a line in the header; a success note (not an error) goes away after a few seconds. */
  private status(text: string, error = false): void {
    this.l.status.textContent = text;
    this.l.status.classList.toggle('error', error);
    clearTimeout(this.statusTimer);
    if (!error && text) this.statusTimer = setTimeout(() => this.status(''), STATUS_NOTE_MS);
  }

  private save(): void {
    persist(this.state);
  }

  /** What showing each tab starts: the Graphs tab is built with the page, the others on first use. */
  private readonly mount: Record<Tab, () => void> = {
    graphs: () => {},
    vector: () => void this.vector(),
    train: () => void this.trainingTab(),
  };

  private selectTab(tab: Tab): void {
    this.state.tab = tab;
    showTab(this.l.tabs, this.l.panels, tab);
    this.mount[tab]();
    this.save();
  }

  private vector(): VectorTab {
    if (!this.vectorTab) {
      this.vectorTab = new VectorTab(
        {
          state: () => this.state.vector,
          change: (next) => {
            this.state.vector = next;
            this.save();
          },
          reducedMotion: () => reducedMotion(this.settings.reducedMotion),
        },
        this.theme,
      );
      this.l.vectorSlot.append(this.vectorTab.el);
    }
    return this.vectorTab;
  }

  /** Mounts the training tab on first use: its code and worker are a chunk of their own. */
  private trainingTab(): Promise<TrainingTab> {
    this.training ??= import('./train/trainingTab').then(({ mountTrainingTab }) => {
      this.l.trainRoot.replaceChildren();
      return mountTrainingTab(this.l.trainRoot, {
        saved: this.state.training,
        save: (s) => {
          this.state.training = s;
          this.save();
        },
        maxEpochs: this.settings.maxTrainingEpochs,
        requestData: (m) => post(m),
      });
    });
    return this.training;
  }

  private setTheme(th: Theme): void {
    this.theme = th;
    this.graphs.setTheme(th);
    this.vectorTab?.setTheme(th);
  }
}

/** Why there is nothing to export (the host's command, before any training). */
export function nothingTrained(): string {
  return t('Nothing is trained yet: train a network in the playground first.');
}

/** A first-run selection that shows what the playground is for. */
export function starterCurves(): CurveState[] {
  const ids = ['relu', 'gelu', 'sigmoid'].filter((id) =>
    elementwiseEntries().some((e) => e.id === id),
  );
  const colors = assignSlots(ids);
  return ids.map((id, i) => ({
    key: i,
    id,
    params: paramsFor(id),
    color: colors[i],
    visible: true,
  }));
}
