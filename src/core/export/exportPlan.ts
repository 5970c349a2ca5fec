/**
 * What an export writes, read off a trainer once: the input scaling, the feature list with its
 * standardisation, every layer's weights and the head. Numbers are printed repr-exact: JavaScript's
 * shortest round-trip form is Python's `repr` of the same float64.
 */
import { pyNumber } from '../snippets/pyPrint';
import type { FeatureId } from '../train/config';
import { FeatureMap } from '../train/features';
import type { Trainer } from '../train/trainerTypes';

export interface ExportPlan {
  inputDims: 1 | 2;
  inputNames: string[];
  /** Column standardisation of a table (absent for the built-in datasets). */
  inputScale?: { mean: number[]; std: number[] };
  features: FeatureId[];
  featureMean: number[];
  featureInvStd: number[];
  /** Per weight layer: W (rows = outputs) and b. */
  layers: { w: number[][]; b: number[] }[];
  head: 'sigmoid' | 'softmax' | 'linear';
  targetScale?: { mean: number; std: number };
  classes?: string[];
  summary: string;
}

/** Python source of a feature from the plane coordinates `x`, `y` (NumPy-like namespace `ns`). */
export function featureSource(id: FeatureId, ns: string): string {
  const table: Record<FeatureId, string> = {
    x: 'x',
    y: 'y',
    x2: 'x * x',
    y2: 'y * y',
    xy: 'x * y',
    sinX: `${ns}.sin(x)`,
    sinY: `${ns}.sin(y)`,
  };
  return table[id];
}

/**
 * Text from a person's file (column and class names, a formula's label) made safe inside a
 * `"""…"""` docstring: backslashes and quotes escaped, so no name can end the string early.
 */
export function pyDocText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A float list literal. */
export function pyList(v: readonly number[]): string {
  return `[${v.map(pyNumber).join(', ')}]`;
}

/** A matrix literal, one row per line. */
export function pyMatrix(m: readonly (readonly number[])[], indent: string): string {
  return `[\n${m.map((r) => `${indent}    ${pyList(r)},`).join('\n')}\n${indent}]`;
}

export function exportPlan(trainer: Trainer): ExportPlan {
  const ds = trainer.dataset;
  const fm = new FeatureMap(trainer.config.features, ds.train);
  const sizes = trainer.layerSizes;
  const p = trainer.getWeights();
  const layers: ExportPlan['layers'] = [];
  let o = 0;
  for (let l = 1; l < sizes.length; l++) {
    const w: number[][] = [];
    for (let j = 0; j < sizes[l]; j++) {
      w.push(Array.from(p.subarray(o, o + sizes[l - 1])));
      o += sizes[l - 1];
    }
    layers.push({ w, b: Array.from(p.subarray(o, o + sizes[l])) });
    o += sizes[l];
  }
  const head =
    trainer.problem === 'binary'
      ? 'sigmoid'
      : trainer.problem === 'multiclass'
        ? 'softmax'
        : 'linear';
  const t = ds.table;
  const acts = [...new Set(trainer.config.activations.map((a) => a.label))].join(', ') || 'none';
  return {
    inputDims: ds.inputDims,
    inputNames: t?.inputNames ?? (ds.inputDims === 1 ? ['x'] : ['x', 'y']),
    inputScale: t ? { mean: t.inputs.mean, std: t.inputs.std } : undefined,
    features: fm.ids,
    featureMean: Array.from(fm.mean),
    featureInvStd: Array.from(fm.invStd),
    layers,
    head,
    targetScale: t && head === 'linear' ? t.target : undefined,
    classes: t?.classes,
    summary: `a ${sizes.join(' → ')} network (${acts}) trained ${trainer.epoch} epochs on ${
      t ? `the columns ${t.inputNames.join(', ')} → ${t.targetName}` : `the ${ds.name} dataset`
    }`,
  };
}

/** What `predict` returns, for the docstring. */
export function outputText(plan: ExportPlan): string {
  if (plan.head === 'sigmoid')
    return `the probability of class 1${plan.classes ? ` (${plan.classes[1]})` : ''}, shape (n,)`;
  if (plan.head === 'softmax')
    return 'the class probabilities, shape (n, classes), in CLASSES order';
  return 'the predicted value, shape (n,)';
}
