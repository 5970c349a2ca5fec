/**
 * Seeded 2-D datasets for the mini-trainer: seven classification problems in the square
 * [−6, 6]² (as in TensorFlow Playground) and two regression problems. Every draw comes from
 * an `Rng` made from the options' seed, so the same options give the same points.
 */
import { DEFAULT_DATASET_OPTIONS, TRAIN_LIMITS } from './config';
import type { DatasetOptions } from './config';
import { createRng } from './rng';
import type { Rng } from './rng';
import type { TableScale } from './tableDataset';

/** Axis-aligned rectangle in data units. */
export interface Extent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * Points of one split, as parallel arrays. `x`, `y` are the coordinates a plot draws. `label` is
 * the class index (0, 1, 2) for classification and the target value for regression. For the 1-D
 * `sine` dataset the input is `x` only and `y` equals the target (so the point lies on the curve).
 */
export interface DataSplit {
  x: Float64Array;
  y: Float64Array;
  label: Float64Array;
  length: number;
}

/** A generated dataset, split into training and test points. */
export interface Dataset {
  name: DatasetId | 'table';
  kind: 'classification' | 'regression';
  /** Number of classes (2 or 3); 1 for regression (one real-valued target). */
  classes: number;
  /** 2: the network sees (x, y); 1: it sees x only and predicts y (a fitted curve). */
  inputDims: 1 | 2;
  /** The plotting and `predictGrid` region. */
  extent: Extent;
  train: DataSplit;
  test: DataSplit;
  /** The options after defaults and clamping. */
  options: Required<DatasetOptions>;
  /** For a table from a file: how its columns were standardised, and their names. */
  table?: TableScale;
}

function square(h: number): Extent {
  return { xMin: -h, xMax: h, yMin: -h, yMax: h };
}

/** True if `name` is a known dataset id. */
export function isDatasetId(name: unknown): name is DatasetId {
  return typeof name === 'string' && (DATASET_IDS as readonly string[]).includes(name);
}

/** Fills in defaults and clamps to `TRAIN_LIMITS`; non-finite values fall back to the defaults. */
export function resolveDatasetOptions(o: DatasetOptions = {}): Required<DatasetOptions> {
  const d = DEFAULT_DATASET_OPTIONS;
  const num = (v: number | undefined, def: number) =>
    typeof v === 'number' && Number.isFinite(v) ? v : def;
  return {
    nSamples: clamp(
      Math.round(num(o.nSamples, d.nSamples)),
      TRAIN_LIMITS.minSamples,
      TRAIN_LIMITS.maxSamples,
    ),
    noise: clamp(num(o.noise, d.noise), 0, TRAIN_LIMITS.maxNoise),
    testFraction: clamp(
      num(o.testFraction, d.testFraction),
      TRAIN_LIMITS.minTestFraction,
      TRAIN_LIMITS.maxTestFraction,
    ),
    seed: Math.trunc(num(o.seed, d.seed)),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Writes point `i` of class/target into the arrays; returns nothing (generators fill in place). */
type Generator = (
  rng: Rng,
  n: number,
  noise: number,
  xs: Float64Array,
  ys: Float64Array,
  ls: Float64Array,
) => void;

/** Number of points of class c when n points are shared as evenly as possible among k classes. */
function classCount(n: number, k: number, c: number): number {
  return Math.floor((n * (c + 1)) / k) - Math.floor((n * c) / k);
}

/** Circle: class 1 at radius r ∈ [0, 2.5], class 0 on the ring r ∈ [3.5, 5]; uniform angle. */
const circle: Generator = (rng, n, noise, xs, ys, ls) => {
  for (let i = 0; i < n; i++) {
    const inside = i < classCount(n, 2, 0);
    const r = inside ? rng.next() * 2.5 : 3.5 + rng.next() * 1.5;
    const t = rng.next() * 2 * Math.PI;
    xs[i] = r * Math.cos(t) + noise * rng.normal();
    ys[i] = r * Math.sin(t) + noise * rng.normal();
    ls[i] = inside ? 1 : 0;
  }
};

/** XOR: uniform in [−5, 5]², pushed 0.3 away from the axes; class 1 where x·y > 0. */
const xor: Generator = (rng, n, noise, xs, ys, ls) => {
  for (let i = 0; i < n; i++) {
    let x = rng.next() * 10 - 5;
    let y = rng.next() * 10 - 5;
    x += x > 0 ? 0.3 : -0.3;
    y += y > 0 ? 0.3 : -0.3;
    ls[i] = x * y > 0 ? 1 : 0;
    xs[i] = x + noise * rng.normal();
    ys[i] = y + noise * rng.normal();
  }
};

/** Two Gaussians: class 1 ~ N((2, 2), s²I), class 0 ~ N((−2, −2), s²I) with s = 1 + noise. */
const gauss: Generator = (rng, n, noise, xs, ys, ls) => {
  const s = 1 + noise;
  for (let i = 0; i < n; i++) {
    const c = i < classCount(n, 2, 0) ? 1 : 0;
    const m = c === 1 ? 2 : -2;
    xs[i] = m + s * rng.normal();
    ys[i] = m + s * rng.normal();
    ls[i] = c;
  }
};

/**
 * k interleaved spiral arms: arm c has points at r = 5·u, θ = turns·2π·u + 2πc/k for u evenly
 * spaced in [0, 1), i.e. (x, y) = (r sin θ, r cos θ).
 */
function spiralArms(k: number, turns: number): Generator {
  return (rng, n, noise, xs, ys, ls) => {
    let i = 0;
    for (let c = 0; c < k; c++) {
      const m = classCount(n, k, c);
      for (let j = 0; j < m; j++, i++) {
        const u = j / m;
        const r = 5 * u;
        const t = turns * 2 * Math.PI * u + (2 * Math.PI * c) / k;
        xs[i] = r * Math.sin(t) + noise * rng.normal();
        ys[i] = r * Math.cos(t) + noise * rng.normal();
        ls[i] = k === 2 ? 1 - c : c;
      }
    }
  };
}

/**
 * Two moons (as scikit-learn's make_moons, scaled by 3.5 and centred): class 0 on the upper
 * half circle (cos θ, sin θ), class 1 on (1 − cos θ, 0.5 − sin θ), θ uniform in [0, π].
 */
const moons: Generator = (rng, n, noise, xs, ys, ls) => {
  for (let i = 0; i < n; i++) {
    const c = i < classCount(n, 2, 0) ? 0 : 1;
    const t = rng.next() * Math.PI;
    const x = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    xs[i] = 3.5 * (x - 0.5) + noise * rng.normal();
    ys[i] = 3.5 * (y - 0.25) + noise * rng.normal();
    ls[i] = c;
  }
};

/**
 * Checkerboard: 4 × 4 cells of side 3 over [−6, 6]²; class = parity of the cell. As in XOR, points
 * keep a margin of 0.3 from the cell edges (before noise), so the classes are separable.
 */
const checkerboard: Generator = (rng, n, noise, xs, ys, ls) => {
  for (let i = 0; i < n; i++) {
    const cx = rng.int(4);
    const cy = rng.int(4);
    ls[i] = (cx + cy) % 2;
    xs[i] = -6 + 3 * cx + 0.3 + 2.4 * rng.next() + noise * rng.normal();
    ys[i] = -6 + 3 * cy + 0.3 + 2.4 * rng.next() + noise * rng.normal();
  }
};

/** Sine (1-D regression): x uniform in [−6, 6], target sin x + N(0, (noise/2)²); y = target. */
const sine: Generator = (rng, n, noise, xs, ys, ls) => {
  for (let i = 0; i < n; i++) {
    const x = rng.next() * 12 - 6;
    const t = Math.sin(x) + (noise / 2) * rng.normal();
    xs[i] = x;
    ys[i] = t;
    ls[i] = t;
  }
};

/** Plane (2-D regression): uniform in [−6, 6]², target (x + y)/12 + N(0, (noise/2)²) ∈ ≈[−1, 1]. */
const plane: Generator = (rng, n, noise, xs, ys, ls) => {
  for (let i = 0; i < n; i++) {
    const x = rng.next() * 12 - 6;
    const y = rng.next() * 12 - 6;
    xs[i] = x;
    ys[i] = y;
    ls[i] = (x + y) / 12 + (noise / 2) * rng.normal();
  }
};

/** What every dataset has: its problem's shape, its plotting region and its generator. */
export interface DatasetInfo {
  kind: 'classification' | 'regression';
  /** Number of classes (2 or 3); 1 for regression. */
  classes: number;
  /** 2: the network sees (x, y); 1: it sees x only and predicts y. */
  inputDims: 1 | 2;
  extent: Extent;
  /** Fills `n` points (x, y, label) from `rng`, with noise level `noise` in [0, 1]. */
  generate: Generator;
}

const CLASSES_2: Omit<DatasetInfo, 'generate'> = {
  kind: 'classification',
  classes: 2,
  inputDims: 2,
  extent: square(6),
};

/**
 * Every dataset, by id: the one registry (its keys are `DatasetId`). A new dataset is a generator
 * above, an entry here and its label in `webview/train/setupForm.ts`.
 */
export const DATASET_INFO = {
  circle: { ...CLASSES_2, generate: circle },
  xor: { ...CLASSES_2, generate: xor },
  gauss: { ...CLASSES_2, generate: gauss },
  spiral: { ...CLASSES_2, generate: spiralArms(2, 1.75) },
  spiral3: { ...CLASSES_2, classes: 3, generate: spiralArms(3, 1) },
  moons: { ...CLASSES_2, generate: moons },
  checkerboard: { ...CLASSES_2, generate: checkerboard },
  sine: {
    kind: 'regression',
    classes: 1,
    inputDims: 1,
    extent: { xMin: -6, xMax: 6, yMin: -2, yMax: 2 },
    generate: sine,
  },
  plane: { kind: 'regression', classes: 1, inputDims: 2, extent: square(6), generate: plane },
} satisfies Record<string, DatasetInfo>;

/** Datasets: seven classification problems and two regression problems. */
export type DatasetId = keyof typeof DATASET_INFO;

/** Every dataset id, in menu order. */
export const DATASET_IDS = Object.keys(DATASET_INFO) as readonly DatasetId[];

/**
 * Shuffles the points (parallel arrays) with `rng` and holds out round(testFraction·n) of them,
 * at least one and at most n − 1, as the test split; the rest is the training split.
 */
export function shuffleSplit(
  rng: Rng,
  testFraction: number,
  xs: Float64Array,
  ys: Float64Array,
  ls: Float64Array,
): { train: DataSplit; test: DataSplit } {
  const n = xs.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const nTest = Math.min(n - 1, Math.max(1, Math.round(testFraction * n)));
  const pick = (from: number, to: number): DataSplit => {
    const m = to - from;
    const s: DataSplit = {
      x: new Float64Array(m),
      y: new Float64Array(m),
      label: new Float64Array(m),
      length: m,
    };
    for (let k = 0; k < m; k++) {
      const src = order[from + k];
      s.x[k] = xs[src];
      s.y[k] = ys[src];
      s.label[k] = ls[src];
    }
    return s;
  };
  return { train: pick(nTest, n), test: pick(0, nTest) };
}

/**
 * Generates `name` with the given options (defaults filled, sizes clamped), then shuffles the
 * points with the same seed and holds out round(testFraction·n) of them as the test set.
 * Returns `undefined` for an unknown name.
 */
export function generateDataset(
  name: DatasetId,
  options: DatasetOptions = {},
): Dataset | undefined {
  if (!isDatasetId(name)) return undefined;
  const opts = resolveDatasetOptions(options);
  const n = opts.nSamples;
  const rng = createRng(opts.seed, 0x5eed);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const ls = new Float64Array(n);
  DATASET_INFO[name].generate(rng, n, opts.noise, xs, ys, ls);
  const { train, test } = shuffleSplit(rng, opts.testFraction, xs, ys, ls);
  const info = DATASET_INFO[name];
  return {
    name,
    kind: info.kind,
    classes: info.classes,
    inputDims: info.inputDims,
    extent: { ...info.extent },
    train,
    test,
    options: opts,
  };
}
