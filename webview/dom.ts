/**
 * The page's DOM builders, no framework and no HTML strings: `h('button', { class: 'x', onclick },
 * 'text')` for anything, `el` for a class and children, and labelled controls (every input has a
 * visible `<label>`). Each view keeps references to what it updates.
 */
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = String(v);
    else if (k in el && typeof v !== 'string') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

let uid = 0;
/** A page-unique id for label/control and aria wiring. */
export function nextId(prefix: string): string {
  return `${prefix}-${++uid}`;
}

/** `document.createElement` with a class and text or children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

/** A `<canvas>` announced as an image with `label` (a chart draws on it; screen readers read the label). */
export function imageCanvas(label: string, className?: string): HTMLCanvasElement {
  const canvas = el('canvas', className);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  return canvas;
}

/** A `<label>` + control pair in a `.field` wrapper. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLDivElement {
  const id = control.id || nextId('f');
  control.id = id;
  const l = el('label', undefined, label);
  l.htmlFor = id;
  const wrap = el('div', 'field', l, control);
  if (hint) {
    const h = el('span', 'hint', hint);
    h.id = nextId('h');
    control.setAttribute('aria-describedby', h.id);
    wrap.append(h);
  }
  return wrap;
}

/** A `<select>` of (value, text) options. */
export function select(options: [string, string][], value: string): HTMLSelectElement {
  const s = el('select');
  for (const [v, text] of options) {
    const o = el('option', undefined, text);
    o.value = v;
    s.append(o);
  }
  s.value = value;
  return s;
}

/** A number input with bounds; `read` returns the value clamped to them (or the fallback). */
export function numberInput(
  value: number,
  min: number,
  max: number,
  step: number | 'any',
): HTMLInputElement {
  const i = el('input');
  i.type = 'number';
  i.min = String(min);
  i.max = String(max);
  i.step = String(step);
  i.value = String(value);
  return i;
}

/** The input's number clamped to its `min`/`max`, or `fallback` when it is not a number. */
export function readNumber(i: HTMLInputElement, fallback: number, integer = false): number {
  const raw = Number(i.value);
  if (i.value.trim() === '' || !Number.isFinite(raw)) return fallback;
  let v = Math.min(Number(i.max), Math.max(Number(i.min), raw));
  if (integer) v = Math.round(v);
  return v;
}

/** A button with text and an optional accessible name. */
export function button(text: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** A checkbox with its label after it. */
export function checkbox(
  label: string,
  checked: boolean,
): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input');
  input.type = 'checkbox';
  input.checked = checked;
  const wrap = el('label', 'check', input, label);
  return { wrap, input };
}

/** A `<fieldset>` with a legend. */
export function group(legend: string, ...children: HTMLElement[]): HTMLFieldSetElement {
  return el('fieldset', 'tgroup', el('legend', undefined, legend), ...children);
}

/** Sets an element's text only when it differs (a write costs the next frame style and layout). */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
