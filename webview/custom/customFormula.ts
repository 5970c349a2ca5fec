/**
 * The custom activation box: a thin DOM layer over the core's formula compiler
 * (src/core/formula/), which parses, checks, derives and typesets in time linear in the formula,
 * so typing, pressing Enter or reloading a saved formula never blocks the page.
 */
import { compileExpr, compileSampler, type Samples } from '../../src/core/formula/compile';
import type { Expr } from '../../src/core/formula/expr';
import type { ScalarFunction } from '../../src/core/math/scalarFunction';
import { parseFormula, type DerivativeTex } from '../../src/core/formula/formula';
import { CONSTANT_LIST, FUNCTION_LIST } from '../../src/core/formula/parse';
import { h } from '../dom';
import { local } from '../catalog';
import { t } from '../i18n';

/** A valid custom formula, compiled. */
export interface CompiledFormula extends ScalarFunction {
  text: string;
  /** Plain-data tree (can be posted to a worker and compiled there with `compileExpr`). */
  expr: Expr;
  latex: string;
  derivative: DerivativeTex;
  sample(x0: number, x1: number, n: number, out: Samples): void;
}

export type CompileResult =
  { ok: true; compiled: CompiledFormula } | { ok: false; message: string; index?: number };

/** Parses and compiles a formula; messages are in the page's language. */
export function compileFormula(text: string): CompileResult {
  const r = parseFormula(text);
  if (!r.ok) return { ok: false, message: local(r.message), index: r.index };
  const compiled: CompiledFormula = {
    ...compileExpr(r.expr),
    text,
    expr: r.expr,
    latex: r.latex,
    derivative: r.derivative,
    sample: compileSampler(r.expr),
  };
  return { ok: true, compiled };
}

export interface CustomBoxHost {
  text(): string;
  /** A formula compiled: `plot` is true when the person asked to add it to the graph. */
  onCompiled(f: CompiledFormula, plot: boolean): void;
  onText(text: string): void;
}

/** Builds the formula box with its error line. */
export function customBox(host: CustomBoxHost): HTMLElement {
  const input = h('input', {
    type: 'text',
    id: 'custom-formula',
    class: 'formula-input',
    spellcheck: 'false',
    autocomplete: 'off',
    value: host.text(),
    'aria-describedby': 'custom-error custom-help',
  });
  const error = h('div', {
    id: 'custom-error',
    class: 'formula-error',
    role: 'alert',
    'aria-live': 'assertive',
  });
  const run = (plot: boolean) => {
    const r = compileFormula(input.value);
    if (!r.ok) {
      input.setAttribute('aria-invalid', 'true');
      error.replaceChildren(h('span', {}, t('Cannot use this formula: {0}', r.message)));
      if (r.index !== undefined)
        error.append(h('pre', { class: 'caret' }, `${input.value}\n${' '.repeat(r.index)}^`));
      return;
    }
    input.removeAttribute('aria-invalid');
    error.replaceChildren();
    host.onCompiled(r.compiled, plot);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    host.onText(input.value);
    clearTimeout(timer);
    timer = setTimeout(() => run(false), 250);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      run(true);
    }
  });
  const plotButton = h('button', { type: 'button', onclick: () => run(true) }, t('Plot'));
  return h(
    'section',
    { class: 'custom', 'aria-labelledby': 'custom-title' },
    h('h2', { id: 'custom-title' }, t('Custom activation')),
    h(
      'div',
      { class: 'formula-row' },
      h('label', { for: 'custom-formula' }, 'f(x) ='),
      input,
      plotButton,
    ),
    error,
    h(
      'p',
      { id: 'custom-help', class: 'hint' },
      t('Use x, numbers, + − * / ^, comparisons, {0} and: {1}.', CONSTANT_LIST, FUNCTION_LIST),
    ),
  );
}
