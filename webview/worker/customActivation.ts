/**
 * Compiles a custom formula's tree into the (f, f′) pair the trainer runs, inside the worker,
 * with the core's safe compiler (a closure tree with forward-mode differentiation; never `eval`
 * or `new Function`). The page parsed the text; the worker only checks and compiles the tree.
 */
import { compileExpr } from '../../src/core/formula/compile';
import { isFormulaTree } from '../../src/core/formula/expr';
import type { CustomCompiler } from '../../src/core/session/runTrainer';

/** The compiled pair, or the reason the tree cannot be trained. */
export const compileCustomActivation: CustomCompiler = (expr) => {
  if (!isFormulaTree(expr)) return 'The custom formula is not valid.';
  return compileExpr(expr);
};
