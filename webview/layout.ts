/**
 * The page's skeleton: tabs, the graph toolbar, the chart area, the side panel, the vector tab
 * and the training tab's container. Returns the elements the app wires up.
 */
import type { ElementwiseActivation } from '../src/core/catalog/types';
import { elementwiseEntries } from './catalog';
import { h } from './dom';
import { t } from './i18n';

export type Tab = 'graphs' | 'vector' | 'train';

export interface Layout {
  root: HTMLElement;
  tabs: Record<Tab, HTMLButtonElement>;
  panels: Record<Tab, HTMLElement>;
  status: HTMLElement;
  addSelect: HTMLSelectElement;
  addButton: HTMLButtonElement;
  showDf: HTMLInputElement;
  showD2f: HTMLInputElement;
  xMin: HTMLInputElement;
  xMax: HTMLInputElement;
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  reset: HTMLButtonElement;
  shadeOn: HTMLInputElement;
  shadeThreshold: HTMLInputElement;
  diffOn: HTMLInputElement;
  diffA: HTMLSelectElement;
  diffB: HTMLSelectElement;
  exportPng: HTMLButtonElement;
  exportSvg: HTMLButtonElement;
  exportCsv: HTMLButtonElement;
  /** Says why a curve could not be added, next to the Add button. */
  addNote: HTMLElement;
  /** Says what is wrong with the x range boxes, next to them. */
  rangeNote: HTMLElement;
  chartWrap: HTMLElement;
  canvas: HTMLCanvasElement;
  legend: HTMLElement;
  readout: HTMLElement;
  shadeKey: HTMLElement;
  cards: HTMLElement;
  info: HTMLElement;
  customSlot: HTMLElement;
  vectorSlot: HTMLElement;
  trainRoot: HTMLElement;
}

const FAMILY_ORDER = [
  'rectifier',
  'exponential',
  'smooth',
  'sigmoid',
  'shrink',
  'periodic',
  'gated',
  'normaliser',
  'other',
];

function familyLabel(f: string): string {
  const labels: Record<string, string> = {
    rectifier: t('Rectifiers (ReLU family)'),
    exponential: t('Exponential units (ELU family)'),
    smooth: t('Smooth gated (GELU, SiLU, Mish…)'),
    sigmoid: t('Sigmoid-like (bounded)'),
    shrink: t('Shrinkage'),
    periodic: t('Periodic'),
    gated: t('Gated'),
    normaliser: t('Normalisers'),
    other: t('Other'),
  };
  return labels[f] ?? f;
}

function addOptions(entries: ElementwiseActivation[]): HTMLElement[] {
  const groups = new Map<string, ElementwiseActivation[]>();
  for (const e of entries) {
    const fam = (e as { family?: string }).family ?? 'other';
    groups.set(fam, [...(groups.get(fam) ?? []), e]);
  }
  const fams = [...groups.keys()].sort((a, b) => FAMILY_ORDER.indexOf(a) - FAMILY_ORDER.indexOf(b));
  return fams.map((f) =>
    h(
      'optgroup',
      { label: familyLabel(f) },
      ...groups.get(f)!.map((e) => h('option', { value: e.id }, e.name)),
    ),
  );
}

export function buildLayout(app: HTMLElement): Layout {
  const tab = (id: Tab, text: string) =>
    h(
      'button',
      {
        role: 'tab',
        id: `tab-${id}`,
        'aria-controls': `panel-${id}`,
        'aria-selected': 'false',
        tabindex: -1,
      },
      text,
    );
  const tabs = {
    graphs: tab('graphs', t('Graphs')),
    vector: tab('vector', t('Vector activations')),
    train: tab('train', t('Train')),
  };
  const status = h('div', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const num = (id: string, label: string, step: number | 'any', cls = 'num') =>
    h('input', { type: 'number', id, step, class: cls, 'aria-label': label });
  const note = (id: string) =>
    h('span', { id, class: 'toolbar-note', role: 'status', 'aria-live': 'polite' });
  const check = (id: string) => h('input', { type: 'checkbox', id });
  const button = (text: string, label?: string) =>
    h('button', { type: 'button', 'aria-label': label, title: label }, text);

  const addSelect = h('select', { id: 'add-select' }, ...addOptions(elementwiseEntries()));
  const addButton = button(t('Add'));
  const showDf = check('show-df');
  const showD2f = check('show-d2f');
  // Any decimal: a wheel zoom leaves values off any step, which the browser would mark invalid.
  const xMin = num('x-min', t('x from'), 'any');
  const xMax = num('x-max', t('x to'), 'any');
  const addNote = note('add-note');
  const rangeNote = note('range-note');
  xMin.setAttribute('aria-describedby', 'range-note');
  xMax.setAttribute('aria-describedby', 'range-note');
  addButton.setAttribute('aria-describedby', 'add-note');
  const zoomIn = button('+', t('Zoom in'));
  const zoomOut = button('−', t('Zoom out'));
  const reset = button(t('Reset view'));
  const shadeOn = check('shade-on');
  const shadeThreshold = num('shade-threshold', t('Shading threshold for |f′|'), 0.01);
  shadeThreshold.min = '0';
  shadeThreshold.max = '10';
  const diffOn = check('diff-on');
  const diffA = h('select', { id: 'diff-a', 'aria-label': t('First curve of the difference') });
  const diffB = h('select', { id: 'diff-b', 'aria-label': t('Second curve of the difference') });
  const exportPng = button(t('Export PNG'));
  const exportSvg = button(t('Export SVG'));
  const exportCsv = button(t('Export CSV'));
  const group = (...c: (Node | string)[]) => h('div', { class: 'group' }, ...c);
  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': t('Graph controls') },
    group(h('label', { for: 'add-select' }, t('Add activation')), addSelect, addButton, addNote),
    group(h('label', {}, showDf, ' f′'), h('label', {}, showD2f, ' f″')),
    group(
      h('label', { for: 'x-min' }, 'x ∈ ['),
      xMin,
      ',',
      xMax,
      ']',
      zoomIn,
      zoomOut,
      reset,
      rangeNote,
    ),
    group(h('label', {}, shadeOn, ` ${t('Shade where |f′| <')}`), shadeThreshold),
    group(h('label', {}, diffOn, ` ${t('Difference')}`), diffA, '−', diffB),
    group(exportPng, exportSvg, exportCsv),
  );
  const canvas = h('canvas', { tabindex: 0, class: 'chart', role: 'img' });
  const chartWrap = h('div', { class: 'chart-wrap' }, canvas);
  const legend = h('div', { class: 'legend-area' });
  const readout = h('div', { class: 'readout', 'aria-live': 'off' });
  const shadeKey = h('div', { class: 'shade-key' });
  const cards = h('div', { class: 'cards', 'aria-label': t('Plotted activations') });
  const info = h('div', { class: 'info' });
  const customSlot = h('div', {});
  const graphs = h(
    'section',
    { id: 'panel-graphs', role: 'tabpanel', 'aria-labelledby': 'tab-graphs' },
    toolbar,
    h(
      'div',
      { class: 'graph-layout' },
      h('div', { class: 'graph-col' }, chartWrap, legend, readout, shadeKey),
      h('aside', { class: 'side' }, cards, customSlot, info),
    ),
  );
  const vectorSlot = h('div', {});
  const vector = h(
    'section',
    { id: 'panel-vector', role: 'tabpanel', 'aria-labelledby': 'tab-vector' },
    vectorSlot,
  );
  const trainRoot = h(
    'div',
    { id: 'train-root' },
    h(
      'p',
      { class: 'hint' },
      t('The training lab will train a small network here with the activations you choose.'),
    ),
  );
  const train = h(
    'section',
    { id: 'panel-train', role: 'tabpanel', 'aria-labelledby': 'tab-train' },
    trainRoot,
  );
  const root = h(
    'main',
    { class: 'playground' },
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { role: 'tablist', 'aria-label': 'Activation Lab' },
        tabs.graphs,
        tabs.vector,
        tabs.train,
      ),
      status,
    ),
    graphs,
    vector,
    train,
  );
  app.replaceChildren(root);
  return {
    root,
    tabs,
    panels: { graphs, vector, train },
    status,
    addSelect,
    addButton,
    showDf,
    showD2f,
    xMin,
    xMax,
    zoomIn,
    zoomOut,
    reset,
    shadeOn,
    shadeThreshold,
    diffOn,
    diffA,
    diffB,
    exportPng,
    exportSvg,
    exportCsv,
    addNote,
    rangeNote,
    chartWrap,
    canvas,
    legend,
    readout,
    shadeKey,
    cards,
    info,
    customSlot,
    vectorSlot,
    trainRoot,
  };
}

/** Arrow-key navigation between tabs (WAI-ARIA tabs pattern). */
export function wireTabs(l: Layout, select: (tab: Tab) => void): void {
  const order: Tab[] = ['graphs', 'vector', 'train'];
  for (const id of order) {
    l.tabs[id].addEventListener('click', () => select(id));
    l.tabs[id].addEventListener('keydown', (e) => {
      const i = order.indexOf(id);
      let next: Tab | undefined;
      if (e.key === 'ArrowRight') next = order[(i + 1) % order.length];
      else if (e.key === 'ArrowLeft') next = order[(i + order.length - 1) % order.length];
      else if (e.key === 'Home') next = order[0];
      else if (e.key === 'End') next = order[order.length - 1];
      if (!next) return;
      e.preventDefault();
      select(next);
      l.tabs[next].focus();
    });
  }
}

/** Shows one tab panel. */
export function showTab(l: Layout, tab: Tab): void {
  for (const id of Object.keys(l.tabs) as Tab[]) {
    const on = id === tab;
    l.tabs[id].setAttribute('aria-selected', String(on));
    l.tabs[id].tabIndex = on ? 0 : -1;
    l.panels[id].hidden = !on;
  }
}
