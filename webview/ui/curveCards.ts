/**
 * One card per plotted curve: its colour, name, framework preset, visibility, removal, and a
 * slider + number box per parameter. Cards are rebuilt on structural changes only; a slider drag
 * updates the graph without touching the cards.
 */
import { FRAMEWORK_NAMES } from '../../src/core/catalog/groups';
import type { Framework, Params } from '../../src/core/catalog/types';
import { entryOf, presetsFor, type Preset } from '../catalog';
import { h } from '../dom';
import { t } from '../i18n';
import { CUSTOM_ID, type CurveState } from '../state';
import { paramControl } from './paramControl';

export interface CurveCardHost {
  curves(): CurveState[];
  active(): number;
  name(c: CurveState): string;
  color(c: CurveState): string;
  /** Returns why the value is refused, if it is. */
  onParam(key: number, name: string, v: number, final: boolean): string | undefined;
  onPreset(key: number, presetKey: string): void;
  /** Adds one curve per distinct framework default of this curve's entry. */
  onOverlayFrameworks(key: number): void;
  onRemove(key: number): void;
  onToggle(key: number): void;
  onActivate(key: number): void;
}

/** Whether two parameter sets are the same (up to rounding). */
const sameParams = (a: Params, b: Params) =>
  Object.keys(b).every(
    (k) => Math.abs((a[k] ?? NaN) - b[k]) <= 1e-12 * Math.max(1, Math.abs(b[k])),
  );

export function renderCards(container: HTMLElement, host: CurveCardHost): void {
  const cards = host.curves().map((c) => card(c, host));
  if (cards.length === 0) {
    cards.push(h('p', { class: 'hint' }, t('Add an activation to plot it.')));
  }
  container.replaceChildren(...cards);
}

function card(c: CurveState, host: CurveCardHost): HTMLElement {
  const name = host.name(c);
  const active = c.key === host.active();
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.background = host.color(c);
  const title = h(
    'button',
    {
      class: 'card-title',
      'aria-pressed': String(active),
      title: t('Show formula and properties of {0}', name),
      onclick: () => host.onActivate(c.key),
    },
    swatch,
    name,
  );
  const visible = h('input', {
    type: 'checkbox',
    checked: c.visible,
    'aria-label': t('Show {0}', name),
    title: t('Show {0}', name),
    onchange: () => host.onToggle(c.key),
  });
  const remove = h(
    'button',
    {
      class: 'icon-button',
      'aria-label': t('Remove {0}', name),
      title: t('Remove {0}', name),
      onclick: () => host.onRemove(c.key),
    },
    '×',
  );
  const head = h('div', { class: 'card-head' }, title, visible, remove);
  const body: HTMLElement[] = [];
  if (c.id === CUSTOM_ID) {
    body.push(h('code', { class: 'card-formula' }, `f(x) = ${c.formula ?? ''}`));
  } else {
    const presets = presetsFor(c.id);
    if (presets.length) body.push(presetSelect(c, presets, name, host));
    for (const spec of entryOf(c.id)?.params ?? []) {
      const ctl = paramControl(
        spec,
        c.params[spec.name] ?? spec.default,
        (v, final) => host.onParam(c.key, spec.name, v, final),
        name,
      );
      body.push(ctl.el);
    }
  }
  const el = h(
    'section',
    { class: `card${active ? ' active' : ''}`, 'aria-label': name, 'data-key': c.key },
    head,
    ...body,
  );
  el.style.setProperty('--curve-color', host.color(c));
  return el;
}

/**
 * The preset a curve currently matches: its recorded API with unchanged parameters, or, with no
 * API recorded, the first preset whose defaults equal the parameters (PyTorch's, when it has them).
 */
export function matchingPreset(c: CurveState, presets: Preset[]): Preset | undefined {
  const same = presets.filter((p) => sameParams(c.params, p.params));
  return (
    same.find((p) => p.key === c.api || p.qualifiedName === c.api) ?? (c.api ? undefined : same[0])
  );
}

function presetSelect(
  c: CurveState,
  presets: Preset[],
  name: string,
  host: CurveCardHost,
): HTMLElement {
  const current = matchingPreset(c, presets);
  const groups = new Map<Framework, Preset[]>();
  const calls = new Map<string, number>();
  for (const p of presets) calls.set(p.call, (calls.get(p.call) ?? 0) + 1);
  for (const p of presets) groups.set(p.framework, [...(groups.get(p.framework) ?? []), p]);
  const select = h(
    'select',
    {
      'aria-label': t('Framework preset for {0}', name),
      onchange: (e: Event) => host.onPreset(c.key, (e.target as HTMLSelectElement).value),
    },
    h('option', { value: '' }, t('Parameters: custom')),
    ...[...groups].map(([fw, list]) =>
      h(
        'optgroup',
        { label: FRAMEWORK_NAMES[fw] },
        ...list.map((p) =>
          h(
            'option',
            { value: p.key, selected: p === current },
            // The same call in two frameworks (Keras 3 and tf-keras) is told apart by name.
            calls.get(p.call)! > 1
              ? `${t('as {0}', p.call)} · ${FRAMEWORK_NAMES[fw]}`
              : t('as {0}', p.call),
          ),
        ),
      ),
    ),
  );
  const distinct = new Set(presets.map((p) => JSON.stringify(p.params))).size;
  const overlay =
    distinct > 1 &&
    h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        title: t('Add one curve per distinct framework default'),
        onclick: () => host.onOverlayFrameworks(c.key),
      },
      t('Compare framework defaults'),
    );
  return h('div', { class: 'preset' }, select, overlay);
}
