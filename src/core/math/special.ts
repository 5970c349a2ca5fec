/**
 * Special functions in float64, written for accuracy across the whole real line: the error
 * function (W. J. Cody's rational Chebyshev approximations, "Rational Chebyshev approximations for
 * the error function", Math. Comp. 23 (1969) 631–637, as in the SPECFUN routine CALERF), the normal
 * distribution, and overflow-free logistic helpers. Pure functions of numbers; no allocation.
 */

/** λ of SELU (Klambauer et al. 2017), identical in PyTorch, TensorFlow/Keras and JAX. */
export const SELU_LAMBDA = 1.0507009873554804934193349852946;
/** α of SELU. */
export const SELU_ALPHA = 1.6732632423543772848170429916717;
/** √(2/π), the scale inside the tanh approximation of GELU. */
export const SQRT_2_OVER_PI = 0.7978845608028654;

// Coefficients of Cody's approximations, |x| ≤ 0.46875 (erf), 0.46875 < |x| ≤ 4 and |x| > 4 (erfc).
const A0 = 3.1611237438705656;
const A1 = 113.864154151050156;
const A2 = 377.485237685302021;
const A3 = 3209.37758913846947;
const A4 = 0.185777706184603153;
const B0 = 23.6012909523441209;
const B1 = 244.024637934444173;
const B2 = 1282.61652607737228;
const B3 = 2844.23683343917062;
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131,
  881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725,
  2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
  3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978,
];
const Q = [
  2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191,
  0.00233520497626869185,
];
/** 1/√π. */
const SQRPI = 0.56418958354775628695;
const THRESH = 0.46875;
const XBIG = 26.543;

/** erf on |x| ≤ 0.46875 (the small-argument rational function). */
function erfSmall(x: number): number {
  const ysq = x * x;
  let xnum = A4 * ysq;
  let xden = ysq;
  xnum = (xnum + A0) * ysq;
  xden = (xden + B0) * ysq;
  xnum = (xnum + A1) * ysq;
  xden = (xden + B1) * ysq;
  xnum = (xnum + A2) * ysq;
  xden = (xden + B2) * ysq;
  return (x * (xnum + A3)) / (xden + B3);
}

/** erfc(y) for y > 0.46875, computed without cancellation; 0 beyond y ≈ 26.5 (underflow). */
function erfcPositive(y: number): number {
  let r: number;
  if (y <= 4) {
    let xnum = C[8] * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]) * y;
      xden = (xden + D[i]) * y;
    }
    r = (xnum + C[7]) / (xden + D[7]);
  } else {
    if (y >= XBIG) return 0;
    const ysq = 1 / (y * y);
    let xnum = P[5] * ysq;
    let xden = ysq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + P[i]) * ysq;
      xden = (xden + Q[i]) * ysq;
    }
    r = (ysq * (xnum + P[4])) / (xden + Q[4]);
    r = (SQRPI - r) / y;
  }
  // exp(−y²) split as exp(−s²)·exp(−(y−s)(y+s)) with s = y rounded to 1/16, so the large part
  // is exact and the rounding error of y² does not get amplified (Cody's trick).
  const s = Math.trunc(y * 16) / 16;
  const del = (y - s) * (y + s);
  return Math.exp(-s * s) * Math.exp(-del) * r;
}

/**
 * The error function erf(x) = (2/√π) ∫₀ˣ e^{−t²} dt, relative error below ~1e-16 (Cody).
 * erf(±∞) = ±1; erf(NaN) = NaN.
 */
export function erf(x: number): number {
  const y = Math.abs(x);
  if (y <= THRESH) return erfSmall(x);
  const r = 0.5 - erfcPositive(y) + 0.5;
  return x < 0 ? -r : r;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms also where it
 * is tiny (x ≫ 1), e.g. erfc(10) ≈ 2.088e-45.
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= THRESH) return 1 - erfSmall(x);
  const r = erfcPositive(y);
  return x < 0 ? 2 - r : r;
}

/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327;
/** 1/√2. */
const SQRT1_2 = Math.SQRT1_2;

/** Standard normal density φ(x) = e^{−x²/2}/√(2π). */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal CDF Φ(x) = ½·erfc(−x/√2), accurate in relative terms in the far left tail. */
export function normCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** Logistic sigmoid σ(x) = 1/(1+e^{−x}), evaluated on the side where e^{…} cannot overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(x) = log(1+eˣ) = max(x,0) + log1p(e^{−|x|}), finite for every finite x. */
export function softplus(x: number): number {
  return (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** log σ(x) = −softplus(−x) = min(x,0) − log1p(e^{−|x|}). */
export function logSigmoid(x: number): number {
  return (x < 0 ? x : 0) - Math.log1p(Math.exp(-Math.abs(x)));
}
