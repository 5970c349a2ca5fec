/**
 * exp and tanh for the trainer's inner loops, written out so that the JIT inlines them: about
 * twice as fast as `Math.exp`/`Math.tanh` (which are calls into C), and as accurate for the
 * trainer's purposes. `expFast` is within 1e-15 relative of eˣ; `tanhFast` within 4e-16
 * absolute and 7e-15 relative of tanh x. Outside the fast range they defer to `Math`.
 */

/** 256/ln 2, and ln 2/256 split so that k·LN2_N_HI is exact for the k that occur. */
const INV_LN2_N = 256 * 1.4426950408889634;
const LN2_N_HI = 6.9314718036912381649e-1 / 256;
const LN2_N_LO = 1.90821492927058770002e-10 / 256;
/** Adding and subtracting 1.5·2⁵² rounds a double of magnitude < 2⁵¹ to the nearest integer. */
const ROUND = 6755399441055744.0;
/** 2^(j/256) for j = 0 … 255 (2 KB). */
const POW2_FRAC = Float64Array.from({ length: 256 }, (_, j) => Math.pow(2, j / 256));
/** 2ᵐ for m = −1022 … 1023, at index m + 1022. */
const POW2 = Float64Array.from({ length: 2046 }, (_, i) => Math.pow(2, i - 1022));

/**
 * eˣ = 2ᵐ·2^(j/256)·eʳ with k = round(256x/ln 2) = 256m + j and r = x − k·ln 2/256,
 * |r| ≤ ln 2/512; eʳ by its Taylor polynomial of degree 4 (truncation < 4e-17). Two table
 * lookups and a short polynomial replace the C call of `Math.exp`.
 */
export function expFast(x: number): number {
  // NaN, ±∞ and the ranges where the result is subnormal or overflows go to Math.exp.
  if (!(x > -708 && x < 709)) return Math.exp(x);
  const k = x * INV_LN2_N + ROUND - ROUND;
  const r = x - k * LN2_N_HI - k * LN2_N_LO;
  const ki = k | 0;
  const p = 1 + r * (1 + r * (0.5 + r * (0.16666666666666666 + r * 0.041666666666666664)));
  return p * POW2_FRAC[ki & 255] * POW2[(ki >> 8) + 1022];
}

/**
 * tanh x: for |x| < 0.04 the odd Taylor polynomial to x⁹ (relative error < 1e-16); otherwise
 * 1 − 2/(e^{2x} + 1), which has no sign branch (it would mispredict on half the units), tends to
 * ±1 without overflow (e^{2x} → ∞ or 0) and loses at most a few ulps to cancellation near |x| = 0.04.
 */
export function tanhFast(x: number): number {
  if (Math.abs(x) < 0.04) {
    const x2 = x * x;
    return (
      x +
      x *
        x2 *
        (-0.3333333333333333 +
          x2 * (0.13333333333333333 + x2 * (-0.05396825396825397 + x2 * 0.021869488536155203)))
    );
  }
  return 1 - 2 / (expFast(2 * x) + 1);
}

// Minimax rational approximation of tanh on [−9, 9]: x·P(x²)/Q(x²) with P and Q of degree 4 and
// P(0) = Q(0) (so the slope at 0 is exactly 1), fitted by bisection on the largest error, each
// step a linear feasibility problem over 8,000 points. Its error is at most 2.1e-8 there, and
// its slope differs from 1 − (its value)² by at most 3.4e-7. Beyond ±9, tanh is within 3.1e-8
// of ±1. Both polynomials are scaled so that Q is monic (one multiplication fewer) and evaluated
// in Estrin's form, two halves in parallel: the loops around it are bound by the latency of this
// chain more than by the number of operations. `scripts/fit/tanhRational.py` (numpy + scipy)
// refits them (to within the last digits).
const T_CLAMP = 9;
const A0 = 1287097.456005472;
const A1 = 172217.68443518045;
const A2 = 4498.089493155934;
const A3 = 26.509080754730963;
const A4 = 0.017167255595965752;
const B1 = 601249.9649809216;
const B2 = 33302.072538249275;
const B3 = 422.72115900840504;

/** The rational x·P(x²)/Q(x²) above; only for |c| ≤ 9 (it grows without bound outside). */
function tanhRational(c: number): number {
  const c2 = c * c;
  const c4 = c2 * c2;
  return (
    (c * (A0 + A1 * c2 + c4 * (A2 + A3 * c2 + A4 * c4))) / (A0 + B1 * c2 + c4 * (B2 + B3 * c2 + c4))
  );
}

/**
 * tanh x to within 2.1e-8 absolute (better than float32), exactly odd, with no exponential:
 * about twice as fast as `tanhFast`. The trainer's tanh layers use it, since training a toy
 * network needs no more precision than the float32 of real frameworks; its derivative is taken
 * as 1 − a², which differs from the approximation's own slope by at most 3.4e-7. NaN stays NaN.
 * The clamp uses Math.min/max, not a conditional: V8 compiles those to one node with predicted
 * branches inside, so a loop around this stays a single block, and its constants stay in
 * registers and the clamp stays off the dependency chain (the ternary form cost about 20% more).
 */
export function tanhTrain(x: number): number {
  return tanhRational(Math.max(-T_CLAMP, Math.min(T_CLAMP, x)));
}
