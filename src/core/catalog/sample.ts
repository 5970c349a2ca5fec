/**
 * Evaluating catalog entries on many points: values, derivatives, and fast curve sampling for the
 * graphs. Parameters are validated once per call; bad input gives undefined, never an exception.
 */
import type { ElementwiseActivation, Params } from './types';
import { getActivation, validateParams } from './catalog';

/** Output buffers of `sampleCurve`, reused across calls to avoid allocation while a slider moves. */
export interface CurveBuffers {
  f: Float64Array;
  df: Float64Array;
  d2f?: Float64Array;
}

function params(id: string, p?: Params): Params | undefined {
  const v = validateParams(id, p ?? {});
  return v.ok ? v.params : undefined;
}

/**
 * Values of activation `id`: element-wise f(x) for each x (or for each element of each row), and
 * for a vector activation its output along the last axis of each row (`xs` as rows; a flat array is
 * one row). Undefined for an unknown id, invalid parameters, or a row the function rejects (GLU
 * needs an even length).
 */
export function evaluate(id: string, xs: number[], params?: Params): number[] | undefined;
export function evaluate(id: string, xs: number[][], params?: Params): number[][] | undefined;
export function evaluate(
  id: string,
  xs: number[] | number[][],
  p?: Params,
): number[] | number[][] | undefined;
export function evaluate(
  id: string,
  xs: number[] | number[][],
  p?: Params,
): number[] | number[][] | undefined {
  const e = getActivation(id);
  const q = e && params(id, p);
  if (!e || !q || !Array.isArray(xs)) return undefined;
  const nested = xs.length > 0 && Array.isArray(xs[0]);
  if (e.kind === 'elementwise') {
    if (nested) return (xs as number[][]).map((row) => row.map((x) => e.f(x, q)));
    return (xs as number[]).map((x) => e.f(x, q));
  }
  const rows = nested ? (xs as number[][]) : [xs as number[]];
  const out: number[][] = [];
  for (const row of rows) {
    const y = e.apply(row, q);
    if (row.length > 0 && y.length === 0) return undefined;
    out.push(y);
  }
  return nested ? out : out[0];
}

/**
 * df/dx of an element-wise activation at each x, with the frameworks' convention at kinks.
 * Undefined for vector activations (their derivative is a Jacobian), unknown ids or invalid parameters.
 */
export function derivative(id: string, xs: number[], p?: Params): number[] | undefined {
  const e = getActivation(id);
  const q = e && params(id, p);
  if (!e || !q || e.kind !== 'elementwise' || !Array.isArray(xs)) return undefined;
  return xs.map((x) => e.df(x, q));
}

/**
 * Samples f and f′ (and f″ when `out.d2f` is given and the entry has one) of an element-wise
 * activation at n evenly spaced points x_i = x0 + i·(x1 − x0)/(n − 1). Writes into `out` when its
 * arrays are long enough, so repeated calls allocate nothing. Undefined for vector activations,
 * unknown ids, invalid parameters, n < 2 or non-finite bounds.
 */
export function sampleCurve(
  id: string,
  p: Params | undefined,
  x0: number,
  x1: number,
  n: number,
  out?: CurveBuffers,
): CurveBuffers | undefined {
  const e = getActivation(id);
  if (!e || e.kind !== 'elementwise') return undefined;
  if (!Number.isInteger(n) || n < 2 || !Number.isFinite(x0) || !Number.isFinite(x1))
    return undefined;
  const q = params(id, p);
  if (!q) return undefined;
  const buf: CurveBuffers =
    out && out.f.length >= n && out.df.length >= n
      ? out
      : {
          f: new Float64Array(n),
          df: new Float64Array(n),
          d2f: out?.d2f ? new Float64Array(n) : undefined,
        };
  fill(e, q, x0, (x1 - x0) / (n - 1), n, buf);
  return buf;
}

function fill(
  e: ElementwiseActivation,
  q: Params,
  x0: number,
  h: number,
  n: number,
  buf: CurveBuffers,
) {
  const f = e.f;
  const df = e.df;
  const fo = buf.f;
  const dfo = buf.df;
  for (let i = 0; i < n; i++) {
    const x = x0 + i * h;
    fo[i] = f(x, q);
    dfo[i] = df(x, q);
  }
  const d2 = e.d2f;
  const d2o = buf.d2f;
  if (d2 && d2o && d2o.length >= n) for (let i = 0; i < n; i++) d2o[i] = d2(x0 + i * h, q);
}
