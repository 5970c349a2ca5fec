/**
 * Operator precedence shared by the printers of expression trees (LaTeX, Python), low to high:
 * comparison, + −, × ÷, unary −, power, atoms and calls. Python and ordinary mathematics agree
 * on this order (a power binds tighter than a unary minus on its left: −x² is −(x²)).
 */
export const PREC = { CMP: 1, ADD: 2, MUL: 3, UNARY: 4, POW: 5, ATOM: 6 } as const;

/** A printed sub-expression and the precedence of its outermost operator. */
export interface Printed {
  s: string;
  prec: number;
}
