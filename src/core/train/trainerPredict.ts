/**
 * The network's exact output at given points: the reference that exported code is checked
 * against. Unlike the training loops (which use fast exp/tanh approximations good to ~1e-8), every
 * layer here is z = W·a + b in float64 followed by the activation's exact f (the catalog's
 * function with its parameters, or the custom formula), and the head uses `Math.exp`.
 */
import type { Dataset } from './datasets';
import type { FeatureMap } from './features';
import type { Network } from './network';

/** The point in the network's plane: a table's columns standardised, built-in data as is. */
function planePoint(ds: Dataset, p: readonly number[]): [number, number] | undefined {
  if (!Array.isArray(p) || p.length < ds.inputDims || !p.every(Number.isFinite)) return undefined;
  const s = ds.table?.inputs;
  const x = s ? (p[0] - s.mean[0]) / s.std[0] : p[0];
  if (ds.inputDims === 1) return [x, 0];
  const y = s ? (p[1] - s.mean[1]) / s.std[1] : p[1];
  return [x, y];
}

/**
 * Output per point: binary p(class 1) = σ(z); multi-class softmax(z) as an array; regression ŷ,
 * mapped back to the target's units for a table (μ + σ·ŷ). A point of the wrong length or with a
 * non-finite coordinate gives NaN (or an array of NaN).
 */
export function predictPoints(
  net: Network,
  features: FeatureMap,
  ds: Dataset,
  points: readonly (readonly number[])[],
): (number | number[])[] {
  const L = net.depth;
  const K = net.sizes[L];
  let a = new Float64Array(net.sizes[0]);
  const out: (number | number[])[] = [];
  for (const p of points) {
    const q = planePoint(ds, p);
    if (!q) {
      out.push(net.head === 'softmax' ? new Array<number>(K).fill(NaN) : NaN);
      continue;
    }
    a = new Float64Array(net.sizes[0]);
    features.fill(q[0], q[1], a, 0);
    for (let l = 1; l <= L; l++) {
      const nIn = net.sizes[l - 1];
      const nOut = net.sizes[l];
      const w = net.wOff[l - 1];
      const b = net.bOff[l - 1];
      const z = new Float64Array(nOut);
      for (let j = 0; j < nOut; j++) {
        let s = 0;
        for (let k = 0; k < nIn; k++) s += net.params[w + j * nIn + k] * a[k];
        z[j] = s + net.params[b + j];
      }
      if (l < L) {
        const f = net.acts[l - 1].f;
        for (let j = 0; j < nOut; j++) z[j] = f(z[j]);
      }
      a = z;
    }
    out.push(head(net.head, a, ds));
  }
  return out;
}

function head(kind: Network['head'], z: Float64Array, ds: Dataset): number | number[] {
  if (kind === 'sigmoid') return 1 / (1 + Math.exp(-z[0]));
  if (kind === 'linear') {
    const t = ds.table?.target;
    return t ? t.mean + t.std * z[0] : z[0];
  }
  let m = -Infinity;
  for (const v of z) if (v > m) m = v;
  const e = Array.from(z, (v) => Math.exp(v - m));
  const s = e.reduce((x, y) => x + y, 0);
  return e.map((v) => v / s);
}
