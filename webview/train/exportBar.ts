/**
 * "Export as code" for one training view: a framework picker (PyTorch, Keras 3, JAX, NumPy), in
 * the Race view a picker of the run, and a button. The worker writes the code with the core's
 * `exportModel` from the run's weights as they are now; the host opens it in a new untitled
 * Python editor (`export/open`). The host's palette command asks the visible view through
 * `exportCode`. The button is disabled, with a line saying why, until a run has trained an epoch.
 */
import type { ProgressMessage } from '../../src/core/protocol/workerProtocol';
import type { ExportedCode } from '../../src/core/protocol/exportCode';
import {
  CODE_FRAMEWORKS,
  CODE_FRAMEWORK_NAMES,
  type CodeFramework,
} from '../../src/core/snippets/frameworks';
import { nothingTrained } from '../app';
import { t } from '../i18n';
import { exportOpenRequests, post } from '../vscodeApi';
import { button, el, field, select } from '../dom';
import type { ViewContext } from './trainView';
import type { TrainingClient } from './workerClient';

/** The code of a run, or why there is none (in the page's language). */
export type ExportResult = { code: ExportedCode } | { error: string };

export class ExportBar {
  readonly element: HTMLElement;
  private readonly framework: HTMLSelectElement;
  private readonly run: HTMLSelectElement | undefined;
  private readonly go: HTMLButtonElement;
  private readonly note = el('p', 'hint export-note');
  /** Epoch reached per run key, from the last progress message. */
  private epochs = new Map<string, number>();
  private runKeys = '';

  constructor(
    private readonly ctx: ViewContext,
    private readonly client: TrainingClient,
    options: { pickRun: boolean },
  ) {
    this.framework = select(
      CODE_FRAMEWORKS.map((f) => [f, CODE_FRAMEWORK_NAMES[f]]),
      ctx.state.exportFramework,
    );
    this.framework.dataset.role = 'export-framework';
    this.framework.addEventListener('change', () => {
      ctx.state.exportFramework = this.framework.value as CodeFramework;
      ctx.changed();
    });
    this.go = button(t('Export as code…'), () => void this.openInEditor());
    this.go.dataset.role = 'export';
    this.go.title = t('Open the trained network as Python code in a new editor');
    this.note.setAttribute('role', 'status');
    const fields: HTMLElement[] = [];
    if (options.pickRun) {
      this.run = select([], '');
      this.run.dataset.role = 'export-run';
      this.run.addEventListener('change', () => this.render());
      fields.push(field(t('Run'), this.run));
    }
    fields.push(field(t('Framework'), this.framework));
    this.element = el('div', 'export-bar', ...fields, this.go, this.note);
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', t('Export as code'));
    this.update(undefined);
  }

  /** Follows the runs of the last progress message (undefined: no run, after Reset). */
  update(m: ProgressMessage | undefined): void {
    this.epochs = new Map((m?.runs ?? []).map((r) => [r.key, r.epoch]));
    const keys = (m?.runs ?? []).map((r) => r.key).join('\n');
    if (this.run && keys !== this.runKeys) {
      const keep = this.run.value;
      this.run.replaceChildren(
        ...(m?.runs ?? []).map((r) => {
          const o = el('option', undefined, r.label);
          o.value = r.key;
          return o;
        }),
      );
      if ([...this.epochs.keys()].includes(keep)) this.run.value = keep;
    }
    this.runKeys = keys;
    this.render();
  }

  /** The framework picker shows the saved choice (another view may have changed it). */
  refresh(): void {
    this.framework.value = this.ctx.state.exportFramework;
  }

  /** The run an export writes: the picked one in a race, else the only one. */
  private currentKey(): string | undefined {
    return this.run ? this.run.value || undefined : [...this.epochs.keys()][0];
  }

  private trained(): boolean {
    const key = this.currentKey();
    return key !== undefined && (this.epochs.get(key) ?? 0) > 0;
  }

  private render(): void {
    const ok = this.trained();
    this.go.disabled = !ok;
    if (!ok) this.say(t('Export as code is available once the network has trained an epoch.'));
    else if (this.note.dataset.kind === 'idle') this.say('');
  }

  private say(text: string, kind: 'idle' | 'done' | 'error' = 'idle'): void {
    this.note.textContent = text;
    this.note.dataset.kind = kind;
    this.note.classList.toggle('error', kind === 'error');
  }

  /** The current run's code for `framework`, or why there is none. */
  async exportCode(framework: CodeFramework): Promise<ExportResult> {
    const key = this.currentKey();
    if (!key || !this.trained()) return { error: nothingTrained() };
    const r = await this.client.exportCode(key, framework);
    if (r.status === 'ok' && r.code) return { code: r.code };
    // The worker's reasons are English keys of the bundle where it has them (a run that ended).
    return { error: t('The network could not be exported: {0}', t(r.detail || r.status)) };
  }

  private async openInEditor(): Promise<void> {
    const framework = this.ctx.state.exportFramework;
    const r = await this.exportCode(framework);
    if ('error' in r) {
      this.say(r.error, 'error');
      return;
    }
    const reply = await exportOpenRequests.request((requestId) =>
      post({ type: 'export/open', requestId, framework, code: r.code }),
    ).reply;
    if (reply.status === 'ok')
      this.say(
        t(
          '{0} (epoch {1}) opened as {2} code in a new editor.',
          r.code.label,
          r.code.epoch,
          CODE_FRAMEWORK_NAMES[framework],
        ),
        'done',
      );
    else if (reply.status === 'error')
      this.say(t('The code could not be opened: {0}', reply.detail), 'error');
  }
}
