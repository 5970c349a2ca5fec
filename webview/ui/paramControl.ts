/**
 * One parameter: a labelled slider and a number box kept in step. The slider covers the catalog's
 * suggested range; the number box accepts any value the parameter's domain allows.
 */
import type { ParamSpec } from '../../src/core/catalog/types';
import { local } from '../catalog';
import { h, nextId } from '../dom';
import { t } from '../i18n';
import { pyParamName } from '../../src/core/snippets/names';

export interface ParamControl {
  el: HTMLElement;
  set(v: number): void;
}

/** Whether v lies in the parameter's mathematical domain (`valid`), when the catalog gives one. */
function inDomain(spec: ParamSpec, v: number): boolean {
  if (!Number.isFinite(v)) return spec.infinityMeansNone === true && v === Infinity;
  const d = spec.valid;
  if (!d) return true;
  if (d.min !== undefined && (d.minExclusive ? v <= d.min : v < d.min)) return false;
  if (d.max !== undefined && (d.maxExclusive ? v >= d.max : v > d.max)) return false;
  return true;
}

/**
 * @param onInput called while the value changes (drag), with `final` true when the change is done.
 */
export function paramControl(
  spec: ParamSpec,
  value: number,
  onInput: (v: number, final: boolean) => string | undefined | void,
  context = '',
): ParamControl {
  const id = nextId('param');
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  const desc = local(spec.description);
  // The argument's name as the frameworks spell it (`negative_slope`), not the catalog's.
  const arg = pyParamName(spec.name);
  const label = `${spec.symbol}${spec.symbol !== arg ? ` (${arg})` : ''}`;
  const slider = h('input', {
    type: 'range',
    id,
    min: spec.min,
    max: spec.max,
    step: spec.step,
    'aria-describedby': descId,
    'aria-label': context ? `${context}: ${spec.symbol}` : undefined,
  });
  const box = h('input', {
    type: 'number',
    step: spec.step,
    class: 'num',
    'aria-label': `${context ? `${context}: ` : ''}${spec.symbol} ${t('value')}`,
    'aria-describedby': `${descId} ${errId}`,
  });
  const err = h('span', { id: errId, class: 'param-error', role: 'alert' });
  // A parameter whose "no limit" is +∞ (Python `None`) shows an empty box with a hint.
  if (spec.infinityMeansNone) box.placeholder = 'None (∞)';
  const show = (v: number) => (v === Infinity ? '' : String(+v.toPrecision(6)));
  const set = (v: number) => {
    slider.value = String(Math.min(spec.max, Math.max(spec.min, v)));
    if (document.activeElement !== box) box.value = show(v);
    err.textContent = '';
    box.removeAttribute('aria-invalid');
  };
  const report = (problem: string | undefined | void) => {
    err.textContent = problem ?? '';
    if (problem) box.setAttribute('aria-invalid', 'true');
    else box.removeAttribute('aria-invalid');
  };
  slider.addEventListener('input', () => {
    const v = +slider.value;
    box.value = String(v);
    report(onInput(v, false));
  });
  slider.addEventListener('change', () => report(onInput(+slider.value, true)));
  box.addEventListener('input', () => {
    const empty = box.value.trim() === '';
    const v = empty ? (spec.infinityMeansNone ? Infinity : NaN) : +box.value;
    if (Number.isNaN(v) || !inDomain(spec, v)) {
      box.setAttribute('aria-invalid', 'true');
      err.textContent = t('{0} is outside the domain of {1}', box.value || '∅', spec.symbol);
      return;
    }
    slider.value = String(Math.min(spec.max, Math.max(spec.min, v)));
    report(onInput(v, true));
  });
  box.addEventListener('blur', () => {
    if (box.getAttribute('aria-invalid')) return;
    if (box.value.trim() !== '') box.value = show(+box.value);
  });
  set(value);
  const el = h(
    'div',
    { class: 'param' },
    h('label', { for: id, class: 'param-label', title: desc }, label),
    slider,
    box,
    h('span', { id: descId, class: 'visually-hidden' }, desc),
    err,
  );
  return { el, set };
}
