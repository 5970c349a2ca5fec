/**
 * Compiles a custom formula in x into the (f, f′) pair the trainer runs, inside the worker.
 * It must use the same safe compiler as the graphs' formula box (an expression tree, never
 * `eval` or `new Function`). Until that compiler is available to the worker, custom formulas
 * are refused with a clear message instead of being trained.
 */
export interface CompiledActivation {
  f(x: number): number;
  df(x: number): number;
}

/** The compiled pair, or the reason the formula cannot be trained. */
export function compileCustomActivation(formula: string): CompiledActivation | string {
  if (!formula.trim()) return 'The custom formula is empty.';
  return 'Training a custom formula is not available yet.';
}
