/**
 * Picks the hidden-layer activation of the Train view: any element-wise catalog entry (with its
 * parameters) or a custom formula, which the core's formula parser turns into a plain tree the
 * worker compiles.
 */
import type { ActivationSpec } from '../../src/core/protocol/workerProtocol';
import { elementwiseEntries, entryOf, paramsFor } from '../catalog';
import { compileFormula } from '../custom/customFormula';
import { t } from '../i18n';
import { paramControl } from '../ui/paramControl';
import { el, field, select } from '../dom';
import type { TrainActivation } from './uiState';

const CUSTOM = 'custom';

/** Catalog element-wise activations as (id, name) options. */
export function activationOptions(): [string, string][] {
  return elementwiseEntries().map((e) => [e.id, e.name]);
}

export class ActivationPicker {
  readonly element: HTMLElement;
  private readonly idSelect: HTMLSelectElement;
  private readonly params = el('div', 'params');
  private readonly formula: HTMLInputElement;
  private readonly formulaRow: HTMLElement;
  private value: TrainActivation;

  constructor(
    value: TrainActivation,
    private readonly onChange: (a: TrainActivation) => void,
  ) {
    this.value = structuredClone(value);
    this.idSelect = select([...activationOptions(), [CUSTOM, t('Custom formula…')]], value.id);
    this.idSelect.dataset.role = 'activation';
    this.formula = el('input');
    this.formula.type = 'text';
    this.formula.spellcheck = false;
    this.formula.value = value.formula;
    this.formula.addEventListener('change', () => {
      this.value.formula = this.formula.value;
      this.onChange(this.get());
    });
    this.formulaRow = field('f(x) =', this.formula);
    this.idSelect.addEventListener('change', () => {
      this.value = { ...this.value, id: this.idSelect.value, params: {} };
      this.renderParams();
      this.onChange(this.get());
    });
    this.element = el(
      'div',
      'activation-picker',
      field(t('Activation (every hidden layer)'), this.idSelect),
      this.params,
      this.formulaRow,
    );
    this.renderParams();
  }

  get(): TrainActivation {
    return structuredClone(this.value);
  }

  /** Selects an activation (from the host's "Train with…"); unknown ids keep the current one. */
  set(a: TrainActivation): void {
    if (a.id !== CUSTOM && !entryOf(a.id)) return;
    this.value = structuredClone(a);
    this.idSelect.value = a.id;
    this.formula.value = a.formula;
    this.renderParams();
  }

  private renderParams(): void {
    const id = this.value.id;
    const custom = id === CUSTOM;
    this.formulaRow.hidden = !custom;
    this.params.replaceChildren();
    const e = entryOf(id);
    if (custom || !e) return;
    const p = paramsFor(id, this.value.params);
    for (const spec of e.params) {
      const c = paramControl(
        spec,
        p[spec.name],
        (v, final) => {
          if (!final) return;
          this.value.params = { ...this.value.params, [spec.name]: v };
          this.onChange(this.get());
        },
        e.name,
      );
      this.params.append(c.el);
    }
  }

  /** The spec to send to the worker, or the formula's parse error. */
  async spec(): Promise<{ spec: ActivationSpec; label: string } | string> {
    const a = this.value;
    if (a.id !== CUSTOM) {
      const e = entryOf(a.id);
      if (!e) return t('Unknown activation {0}', a.id);
      return {
        spec: { kind: 'catalog', id: a.id, params: paramsFor(a.id, a.params) },
        label: e.name,
      };
    }
    const r = compileFormula(a.formula);
    if (!r.ok) return t('Cannot use this formula: {0}', r.message);
    return {
      spec: { kind: 'custom', formula: a.formula, expr: r.compiled.expr },
      label: a.formula,
    };
  }
}
