/**
 * A custom activation formula from text to everything the page shows: the checked tree, its
 * LaTeX, and the LaTeX of f′ = df/dx (symbolic, simplified by local rules only, capped in size).
 * Every step is linear in the formula's size, so it runs on the page's thread without freezing it.
 */
import { countNodes, type Expr } from './expr';
import { MAX_DERIVATIVE_NODES, derivative } from './derivative';
import { toLatex } from './latex';
import { msg, parseExpression } from './parse';
import type { LocalText } from '../catalog/types';

/** The derivative as LaTeX, or why it is not shown as a formula. */
export type DerivativeTex = { ok: true; latex: string } | { ok: false; message: LocalText };

export type FormulaResult =
  | { ok: true; expr: Expr; latex: string; derivative: DerivativeTex }
  | { ok: false; message: LocalText; index?: number };

/** The derivative's LaTeX, unless the simplified tree has more than `MAX_DERIVATIVE_NODES` nodes. */
function derivativeTex(e: Expr): DerivativeTex {
  const d = derivative(e);
  if (countNodes(d, MAX_DERIVATIVE_NODES) > MAX_DERIVATIVE_NODES)
    return {
      ok: false,
      message: msg(
        'f′ is too long to show as a formula; its curve is still exact.',
        'f′ は長すぎて式として表示できません。曲線は正確です。',
      ),
    };
  return { ok: true, latex: toLatex(d) };
}

/** Parses and checks a formula in x; errors are values with a bilingual message. */
export function parseFormula(text: string): FormulaResult {
  if (!text.trim())
    return {
      ok: false,
      message: msg(
        'Type a formula in x, for example x * sigmoid(1.702 * x).',
        'x の式を入力してください（例: x * sigmoid(1.702 * x)）。',
      ),
    };
  const r = parseExpression(text);
  if (!r.ok) return r;
  return { ok: true, expr: r.expr, latex: toLatex(r.expr), derivative: derivativeTex(r.expr) };
}
