/**
 * Compiles a custom formula's tree into the (f, f′) pair the trainer runs, inside the worker,
 * with the graphs' own safe compiler (a closure tree with forward-mode differentiation; never
 * `eval` or `new Function`). The page parsed the text with mathjs; the worker needs no mathjs.
 */
import { compileExpr, FUNCTIONS, isFnName, type Expr } from '../custom/expr';
import { isExprTree } from '../../src/core/protocol/workerProtocol';
import type { CustomCompiler } from '../../src/core/session/runTrainer';

/** Every function call names a whitelisted function with the right number of arguments. */
function knownCalls(e: Expr): boolean {
  switch (e.k) {
    case 'num':
    case 'x':
      return true;
    case 'neg':
      return knownCalls(e.a);
    case 'bin':
      return knownCalls(e.a) && knownCalls(e.b);
    case 'call':
      return isFnName(e.fn) && FUNCTIONS[e.fn].arity === e.args.length && e.args.every(knownCalls);
  }
}

/** The compiled pair, or the reason the tree cannot be trained. */
export const compileCustomActivation: CustomCompiler = (expr) => {
  if (!isExprTree(expr) || !knownCalls(expr as Expr)) return 'The custom formula is not valid.';
  return compileExpr(expr as Expr);
};
