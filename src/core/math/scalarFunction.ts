/**
 * An element-wise function with its first derivative: `f(x)` and `df(x)` = f′(x) = df/dx. The one
 * shape shared by compiled formulas (the graphs), custom training activations and the trainer's
 * resolved hidden-layer activations.
 */
export interface ScalarFunction {
  /** f(x). */
  f(x: number): number;
  /** f′(x) = df/dx at x. */
  df(x: number): number;
}
