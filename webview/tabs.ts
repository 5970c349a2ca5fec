/**
 * One WAI-ARIA tab bar for the page's tabs (Graphs, Vector activations, Train) and the training
 * views (Single network, Race, Gradient flow): buttons with `role="tab"` in a `role="tablist"`,
 * their panels with `role="tabpanel"`, arrow keys / Home / End moving between tabs. The order is
 * the `order` list, so a new tab needs only its id there and its label in `labels`.
 */
import { h } from './dom';

export interface TabBar<T extends string> {
  /** The `role="tablist"` element. */
  list: HTMLElement;
  tabs: Record<T, HTMLButtonElement>;
}

/**
 * Builds the tab buttons (ids `${prefix}tab-${id}`, controlling `${prefix}panel-${id}`); a click
 * or an arrow key calls `select` with the tab to show (the key also moves the focus to it).
 */
export function tabBar<T extends string>(spec: {
  order: readonly T[];
  labels: Record<T, string>;
  prefix: string;
  ariaLabel: string;
  /** Class of the tablist element. */
  className?: string;
  select(id: T): void;
}): TabBar<T> {
  const { order, prefix } = spec;
  const tabs = {} as Record<T, HTMLButtonElement>;
  for (const id of order) {
    tabs[id] = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `${prefix}tab-${id}`,
        'aria-controls': `${prefix}panel-${id}`,
        'aria-selected': 'false',
        tabindex: -1,
        onclick: () => spec.select(id),
      },
      spec.labels[id],
    );
    tabs[id].addEventListener('keydown', (e) => {
      const i = order.indexOf(id);
      const n = order.length;
      const byKey: Record<string, T | undefined> = {
        ArrowRight: order[(i + 1) % n],
        ArrowLeft: order[(i + n - 1) % n],
        Home: order[0],
        End: order[n - 1],
      };
      const next = byKey[e.key];
      if (next === undefined) return;
      e.preventDefault();
      spec.select(next);
      tabs[next].focus();
    });
  }
  const list = h(
    'div',
    { role: 'tablist', 'aria-label': spec.ariaLabel, class: spec.className },
    ...order.map((id) => tabs[id]),
  );
  return { list, tabs };
}

/** Marks `panel` as the tab panel of tab `id` (same `prefix` as its `tabBar`). */
export function tabPanel<E extends HTMLElement>(panel: E, prefix: string, id: string): E {
  panel.id = `${prefix}panel-${id}`;
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', `${prefix}tab-${id}`);
  return panel;
}

/** Shows the panel of `selected` and hides the others; only the selected tab is in the tab order. */
export function showTab<T extends string>(
  tabs: Record<T, HTMLButtonElement>,
  panels: Record<T, HTMLElement>,
  selected: T,
): void {
  for (const id of Object.keys(tabs) as T[]) {
    const on = id === selected;
    tabs[id].setAttribute('aria-selected', String(on));
    tabs[id].tabIndex = on ? 0 : -1;
    panels[id].hidden = !on;
  }
}
