/**
 * Vector activations (softmax, log-softmax, softmin, sparsemax, GLU): the person edits a small
 * logit vector and a temperature and sees the output as bars, updating on every keystroke or
 * slider move.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { ParamSpec, VectorActivation } from '../../src/core/catalog/types';
import { entryOf, local, paramsFor, vectorEntries } from '../catalog';
import { h } from '../dom';
import { fmt, t, tickLabel } from '../i18n';
import { renderTex } from '../ui/infoPanel';
import { paramControl } from '../ui/paramControl';
import type { UiState } from '../state';
import type { Theme } from '../theme';
import { withAlpha } from '../theme';
import { zeroAlignedRanges } from './zeroAxes';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

const TEMPERATURE: ParamSpec = {
  name: 'temperature',
  symbol: 'T',
  default: 1,
  min: 0.05,
  max: 5,
  step: 0.05,
  description: {
    en: 'The logits are divided by T before the activation.',
    ja: 'ロジットを T で割ってから活性化関数に通します。',
  },
  valid: { min: 0.01, max: 100 },
};

export interface VectorHost {
  state(): UiState['vector'];
  change(next: UiState['vector'], final: boolean): void;
  reducedMotion(): boolean;
}

/** Whether the entry is gated (halves the vector) and takes no temperature. */
const isGated = (e: { family?: string } | undefined) => e?.family === 'gated';

/** The output of the vector activation for the current state (input divided by T unless gated). */
function vectorOutput(s: UiState['vector']): { input: number[]; output: number[] } {
  const e = entryOf(s.id);
  if (!e || e.kind !== 'vector') return { input: s.logits, output: [] };
  const input = isGated(e) ? s.logits : s.logits.map((z) => z / s.temperature);
  try {
    return { input, output: e.apply(input, paramsFor(e.id, s.params)) };
  } catch {
    return { input, output: [] };
  }
}

export class VectorTab {
  readonly el: HTMLElement;
  private readonly chart: Chart<'bar', number[], string>;
  private readonly controls: HTMLElement;
  private readonly formula: HTMLElement;
  private readonly values: HTMLElement;

  constructor(
    private readonly host: VectorHost,
    private theme: Theme,
  ) {
    const canvas = h('canvas', {
      role: 'img',
      'aria-label': t('Bars of the input logits and the output'),
    });
    this.controls = h('div', { class: 'vector-controls' });
    this.formula = h('div', { class: 'tex' });
    this.values = h('div', { class: 'vector-values', 'aria-live': 'polite' });
    this.el = h(
      'div',
      { class: 'vector' },
      h('div', { class: 'vector-side' }, this.controls, this.formula),
      h('div', { class: 'vector-main' }, h('div', { class: 'bar-wrap' }, canvas), this.values),
    );
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: host.reducedMotion() ? false : { duration: 180 },
        events: [],
        // Inputs and outputs on their own axes: a logit of 1000 must not hide probabilities.
        scales: {
          x: { type: 'category' },
          y: {
            type: 'linear',
            ticks: { callback: tickLabel, includeBounds: false },
            title: { display: true },
          },
          y2: {
            type: 'linear',
            position: 'right',
            ticks: { callback: tickLabel, includeBounds: false },
            title: { display: true },
            grid: { drawOnChartArea: false },
          },
        },
      },
    });
    this.renderControls();
    this.update();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.update();
  }

  /** Rebuilds the controls (after a restore or an activation switch). */
  renderControls(): void {
    const s = this.host.state();
    const entries = vectorEntries();
    const entry = entryOf(s.id) as VectorActivation | undefined;
    const gated = isGated(entry);
    const select = h(
      'select',
      {
        id: 'vector-activation',
        onchange: (e: Event) => this.switchTo((e.target as HTMLSelectElement).value),
      },
      ...entries.map((e) => h('option', { value: e.id, selected: e.id === s.id }, e.name)),
    );
    const logits = h('div', { class: 'logits', role: 'group', 'aria-label': t('Logits') });
    s.logits.forEach((z, i) => {
      const box = h('input', {
        type: 'number',
        step: 0.1,
        class: 'num',
        value: String(z),
        'aria-label': t('Logit z{0}', i + 1),
        oninput: (e: Event) => {
          const v = +(e.target as HTMLInputElement).value;
          if (!Number.isFinite(v) || (e.target as HTMLInputElement).value.trim() === '') return;
          const next = [...this.host.state().logits];
          next[i] = v;
          this.host.change({ ...this.host.state(), logits: next }, true);
          this.update();
        },
      });
      logits.append(h('label', { class: 'logit' }, h('span', {}, `z${i + 1}`), box));
    });
    const step = gated ? 2 : 1;
    const resize = (delta: number) => {
      const cur = this.host.state();
      const n = Math.max(gated ? 2 : 2, Math.min(8, cur.logits.length + delta));
      const next = cur.logits.slice(0, n);
      while (next.length < n) next.push(0);
      this.host.change({ ...cur, logits: next }, true);
      this.renderControls();
      this.update();
    };
    const parts: HTMLElement[] = [
      h('label', { for: 'vector-activation' }, t('Vector activation')),
      select,
      h('p', { class: 'hint' }, local(entry?.summary)),
      logits,
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', onclick: () => resize(step), disabled: s.logits.length + step > 8 },
          t('Add logit'),
        ),
        h(
          'button',
          { type: 'button', onclick: () => resize(-step), disabled: s.logits.length - step < 2 },
          t('Remove logit'),
        ),
      ),
    ];
    if (!gated) {
      parts.push(
        paramControl(
          TEMPERATURE,
          s.temperature,
          (v, final) => {
            this.host.change({ ...this.host.state(), temperature: v }, final);
            this.update();
          },
          t('Temperature'),
        ).el,
      );
    } else {
      parts.push(
        h(
          'p',
          { class: 'hint' },
          t(
            'A gated unit splits the vector into halves a and b and gates a with b: the output is half as long, and there is no temperature.',
          ),
        ),
      );
    }
    for (const spec of entry?.params ?? []) {
      parts.push(
        paramControl(spec, paramsFor(s.id, s.params)[spec.name], (v, final) => {
          const cur = this.host.state();
          this.host.change({ ...cur, params: { ...cur.params, [spec.name]: v } }, final);
          this.update();
        }).el,
      );
    }
    this.controls.replaceChildren(...parts);
    // The formula says where the temperature goes: the activation is applied to x = z / T.
    if (entry) renderTex(this.formula, gated ? entry.latex : `${entry.latex},\\quad x = z / T`);
  }

  private switchTo(id: string): void {
    const e = entryOf(id);
    if (!e || e.kind !== 'vector') return;
    const cur = this.host.state();
    let logits = cur.logits;
    if (isGated(e) && logits.length % 2) logits = [...logits, 0];
    this.host.change({ ...cur, id, logits, params: {} }, true);
    this.renderControls();
    this.update();
  }

  /** Recomputes the output and updates the bars in place. */
  update(): void {
    const s = this.host.state();
    const { input, output } = vectorOutput(s);
    const n = Math.max(input.length, output.length);
    const th = this.theme;
    const entry = entryOf(s.id);
    const c = this.chart;
    c.data.labels = Array.from({ length: n }, (_, i) => `z${i + 1}`);
    const inputLabel = isGated(entry) ? t('input z') : t('input z / T');
    if (c.data.datasets.length !== 2) {
      c.data.datasets = [
        { label: inputLabel, data: [] },
        { label: t('output'), data: [] },
      ];
    }
    const [di, dout] = c.data.datasets;
    Object.assign(dout, { yAxisID: 'y2' });
    di.label = inputLabel;
    di.data = input;
    dout.data = output;
    Object.assign(di, {
      backgroundColor: withAlpha(th.muted, 0.45),
      borderColor: th.muted,
      borderWidth: 1,
    });
    Object.assign(dout, {
      backgroundColor: withAlpha(th.palette[0], 0.8),
      borderColor: th.palette[0],
      borderWidth: 1,
    });
    for (const id of ['x', 'y', 'y2'] as const) {
      const sc = c.options.scales![id]!;
      sc.ticks = { ...sc.ticks, color: th.muted };
      sc.grid = { ...sc.grid, color: th.grid };
      sc.border = { color: th.grid };
    }
    // Both axes put 0 at one height; ticks stay round (no extra tick at a widened bound).
    const [inRange, outRange] = zeroAlignedRanges(input, output);
    for (const [id, r] of [
      ['y', inRange],
      ['y2', outRange],
    ] as const) {
      const sc = c.options.scales![id]!;
      sc.min = r.min;
      sc.max = r.max;
    }
    const titled = (id: 'y' | 'y2', text: string) =>
      Object.assign(c.options.scales![id]!, { title: { display: true, text, color: th.muted } });
    titled('y', inputLabel);
    titled('y2', t('output'));
    c.options.animation = this.host.reducedMotion() ? false : { duration: 180 };
    c.update();
    this.renderValues(input, output, entry?.name ?? s.id, !isGated(entry));
  }

  /** The values table; the sum of outputs only where it means something (not for GLU). */
  private renderValues(input: number[], output: number[], name: string, withSum: boolean): void {
    const tbl = h('table', { class: 'vector-table' });
    const head = tbl.createTHead().insertRow();
    const swIn = h('span', { class: 'swatch input-swatch', 'aria-hidden': 'true' });
    const swOut = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swOut.style.background = this.theme.palette[0];
    swIn.style.background = withAlpha(this.theme.muted, 0.45);
    head.append(h('th', {}, 'i'), h('th', {}, swIn, t('input')), h('th', {}, swOut, name));
    const body = tbl.createTBody();
    for (let i = 0; i < Math.max(input.length, output.length); i++) {
      const r = body.insertRow();
      r.insertCell().textContent = String(i + 1);
      r.insertCell().textContent = i < input.length ? fmt(input[i]) : '';
      r.insertCell().textContent = i < output.length ? fmt(output[i]) : '';
    }
    if (withSum) {
      const foot = tbl.createTFoot().insertRow();
      foot.append(h('th', { scope: 'row', colspan: 2 }, t('sum of outputs')));
      foot.insertCell().textContent = fmt(output.reduce((a, b) => a + b, 0));
    }
    this.values.replaceChildren(tbl);
  }
}
