/**
 * The page's skeleton: tabs, the graph toolbar, the chart area, the side panel, the vector tab
 * and the training tab's container. Returns the elements the app wires up.
 */
import type { ElementwiseActivation } from '../src/core/catalog/types';
import { PLAYGROUND_TABS, type PlaygroundTab } from '../src/core/protocol/webviewProtocol';
import { FAMILY_LABELS, FAMILY_ORDER } from '../src/core/catalog/groups';
import { elementwiseEntries, local } from './catalog';
import { h } from './dom';
import { tabBar, tabPanel } from './tabs';
import { t } from './i18n';

export type Tab = PlaygroundTab;

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

function addOptions(entries: ElementwiseActivation[]): HTMLElement[] {
  return FAMILY_ORDER.flatMap((f) => {
    const members = entries.filter((e) => e.family === f);
    if (!members.length) return [];
    const options = members.map((e) => h('option', { value: e.id }, e.name));
    return [h('optgroup', { label: local(FAMILY_LABELS[f]) }, ...options)];
  });
}

/**
 * Builds the page; a click or an arrow key on a tab calls `select` (the app shows the tab and
 * mounts its content on first use).
 */
export function buildLayout(app: HTMLElement, select: (tab: Tab) => void): Layout {
  const bar = tabBar({
    order: PLAYGROUND_TABS,
    labels: { graphs: t('Graphs'), vector: t('Vector activations'), train: t('Train') },
    prefix: '',
    ariaLabel: 'Activation Lab',
    select,
  });
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
    {},
    toolbar,
    h(
      'div',
      { class: 'graph-layout' },
      h('div', { class: 'graph-col' }, chartWrap, legend, readout, shadeKey),
      h('aside', { class: 'side' }, cards, customSlot, info),
    ),
  );
  const vectorSlot = h('div', {});
  const vector = h('section', {}, vectorSlot);
  const trainRoot = h(
    'div',
    { id: 'train-root' },
    h('p', { class: 'hint' }, t('Loading the training lab…')),
  );
  const train = h('section', {}, trainRoot);
  const panels: Record<Tab, HTMLElement> = { graphs, vector, train };
  for (const id of PLAYGROUND_TABS) tabPanel(panels[id], '', id);
  const root = h(
    'main',
    { class: 'playground' },
    h('header', { class: 'topbar' }, bar.list, status),
    ...PLAYGROUND_TABS.map((id) => panels[id]),
  );
  app.replaceChildren(root);
  return {
    root,
    tabs: bar.tabs,
    panels,
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
