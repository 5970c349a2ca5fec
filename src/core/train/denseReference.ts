/**
 * The dense-layer products written as the math reads, one loop per index and separate arrays:
 * the reference the register-blocked kernels of `dense.ts` and `denseTanh.ts` are tested against
 * (test/unit/denseKernels.test.ts). Nothing in the trainer calls these; read them to learn what
 * the fast kernels compute. Matrices are row-major: W is nOut × nIn, x is rows × nIn, z and
 * d = ∂L/∂z are rows × nOut.
 */

/** z[r, j] = b[j] + Σᵢ W[j, i]·x[r, i]. */
export function denseForwardReference(
  W: Float64Array,
  b: Float64Array,
  x: Float64Array,
  rows: number,
  nIn: number,
  nOut: number,
): Float64Array {
  const z = new Float64Array(rows * nOut);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < nOut; j++) {
      let sum = b[j];
      for (let i = 0; i < nIn; i++) sum += W[j * nIn + i] * x[r * nIn + i];
      z[r * nOut + j] = sum;
    }
  }
  return z;
}

/** ∂L/∂W[j, i] = Σ_r d[r, j]·x[r, i] and ∂L/∂b[j] = Σ_r d[r, j]. */
export function denseGradParamsReference(
  d: Float64Array,
  x: Float64Array,
  rows: number,
  nIn: number,
  nOut: number,
): { dW: Float64Array; db: Float64Array } {
  const dW = new Float64Array(nOut * nIn);
  const db = new Float64Array(nOut);
  for (let j = 0; j < nOut; j++) {
    for (let r = 0; r < rows; r++) {
      db[j] += d[r * nOut + j];
      for (let i = 0; i < nIn; i++) dW[j * nIn + i] += d[r * nOut + j] * x[r * nIn + i];
    }
  }
  return { dW, db };
}

/** ∂L/∂x[r, i] = Σⱼ W[j, i]·d[r, j]. */
export function denseGradInputReference(
  W: Float64Array,
  d: Float64Array,
  rows: number,
  nIn: number,
  nOut: number,
): Float64Array {
  const dx = new Float64Array(rows * nIn);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < nIn; i++) {
      let sum = 0;
      for (let j = 0; j < nOut; j++) sum += W[j * nIn + i] * d[r * nOut + j];
      dx[r * nIn + i] = sum;
    }
  }
  return dx;
}
