/**
 * Exports a trained network as complete, runnable Python for PyTorch, Keras 3, JAX or NumPy:
 * the input standardisation and the features computed inside, each activation as the framework's
 * own call (or the catalog generator's definition, or the custom formula), the trained weights as
 * float64 literals, and `predict(points)` taking an (n, 2) or (n, 1) array of raw inputs and
 * returning what the panel shows (p(class 1), class probabilities, or the regression value).
 */
import { CODE_FRAMEWORKS, type CodeFramework } from '../snippets/frameworks';
import type { Trainer } from '../train/trainerTypes';
import { activationCode, type ActivationCode } from './activationCode';
import {
  exportPlan,
  featureSource,
  outputText,
  pyList,
  pyDocText,
  pyMatrix,
  type ExportPlan,
} from './exportPlan';

export type ExportFramework = CodeFramework;
export const EXPORT_FRAMEWORKS: readonly ExportFramework[] = CODE_FRAMEWORKS;

/** Thrown by `exportModel` when the network cannot be written (e.g. a custom function without a formula). */
export class ExportError extends Error {}

/** Array namespace used for features and heads. */
const NS: Record<ExportFramework, string> = {
  numpy: 'np',
  jax: 'jnp',
  pytorch: 'torch',
  keras: 'np',
};

/** Set-up after the imports: float64 on JAX (off by default there, also under Keras). */
const PRELUDE: Record<ExportFramework, string[]> = {
  numpy: [],
  pytorch: [],
  jax: ['jax.config.update("jax_enable_x64", True)'],
  keras: [
    [
      "# On the JAX backend, Keras computes in float64 only with JAX's x64 mode on (even then,",
      "# Keras 3's own element-wise functions may round to float32: differences near 1e-7).",
      'if keras.backend.backend() == "jax":',
      '    import jax',
      '',
      '    jax.config.update("jax_enable_x64", True)',
    ].join('\n'),
  ],
};

function header(plan: ExportPlan, fw: ExportFramework, acts: ActivationCode[]): string {
  const cols = plan.inputNames.join(', ');
  const body = [
    `Activation Lab export (${fw}): ${plan.summary}.`,
    '',
    `predict(points) takes an (n, ${plan.inputDims}) array of raw inputs (${cols}) and returns`,
    `${outputText(plan)}.`,
    `Activations: ${[...new Set(acts.map((a) => a.how))].join('; ')}.`,
  ].join('\n');
  return `"""${pyDocText(body)}\n"""`;
}

/**
 * `x = <first column>, y = <second>` for a comment line: a column name's line breaks become
 * spaces, so a name from a file cannot end the comment and start code.
 */
function columnsText(plan: ExportPlan): string {
  return plan.inputNames.map((n, i) => `${'xy'[i]} = ${n.replace(/[\r\n]+/g, ' ')}`).join(', ');
}

/** Constants shared by every framework: scaling, features, classes. */
function constants(plan: ExportPlan): string {
  const lines: string[] = [];
  if (plan.inputScale) {
    lines.push(
      `# The columns are standardised first (${columnsText(plan)}): u = (v - INPUT_MEAN) / INPUT_STD.`,
      `INPUT_MEAN = ${pyList(plan.inputScale.mean)}`,
      `INPUT_STD = ${pyList(plan.inputScale.std)}`,
    );
  }
  lines.push(
    `# Features ${plan.features.join(', ')} of ${plan.inputDims === 1 ? 'x' : '(x, y)'}, standardised: (f - mean) * inv_std.`,
    `FEATURE_MEAN = ${pyList(plan.featureMean)}`,
    `FEATURE_INV_STD = ${pyList(plan.featureInvStd)}`,
  );
  if (plan.targetScale)
    lines.push(
      '# The network predicts the standardised target; value = TARGET_MEAN + TARGET_STD * output.',
      `TARGET_MEAN = ${pyList([plan.targetScale.mean])}[0]`,
      `TARGET_STD = ${pyList([plan.targetScale.std])}[0]`,
    );
  if (plan.classes) lines.push(`CLASSES = ${JSON.stringify(plan.classes)}`);
  plan.layers.forEach((l, i) => {
    lines.push(`W${i + 1} = ${pyMatrix(l.w, '')}`, `B${i + 1} = ${pyList(l.b)}`);
  });
  return lines.join('\n');
}

/** `def features(points)`: raw points → the standardised feature matrix, in namespace `ns`. */
function featuresFn(plan: ExportPlan, ns: string, asArray: string): string {
  const L = [
    'def features(points):',
    `    """Standardised input features of raw points, shape (n, ${plan.features.length})."""`,
    `    p = ${asArray}`,
    `    p = p.reshape(-1, ${plan.inputDims})`,
  ];
  const col = (c: number) =>
    plan.inputScale ? `(p[:, ${c}] - INPUT_MEAN[${c}]) / INPUT_STD[${c}]` : `p[:, ${c}]`;
  L.push(`    x = ${col(0)}`);
  if (plan.inputDims === 2) L.push(`    y = ${col(1)}`);
  L.push(
    `    f = ${ns}.stack([${plan.features.map((f) => featureSource(f, ns)).join(', ')}], axis=1)`,
    `    return (f - ${asArrayOf(ns, 'FEATURE_MEAN')}) * ${asArrayOf(ns, 'FEATURE_INV_STD')}`,
  );
  return L.join('\n');
}

function asArrayOf(ns: string, v: string): string {
  return ns === 'torch'
    ? `torch.tensor(${v}, dtype=torch.float64)`
    : `${ns}.asarray(${v}, dtype=${ns}.float64)`;
}

/** The head on logits `z` (n, K), in namespace `ns`. */
function headLines(plan: ExportPlan, ns: string): string[] {
  if (plan.head === 'sigmoid') return ['    return 1.0 / (1.0 + ' + ns + '.exp(-z[:, 0]))'];
  if (plan.head === 'linear') {
    const v = plan.targetScale ? 'TARGET_MEAN + TARGET_STD * z[:, 0]' : 'z[:, 0]';
    return [`    return ${v}`];
  }
  const max = ns === 'torch' ? 'z.max(dim=1, keepdim=True).values' : 'z.max(axis=1, keepdims=True)';
  const sum = ns === 'torch' ? 'e.sum(dim=1, keepdim=True)' : 'e.sum(axis=1, keepdims=True)';
  return [`    e = ${ns}.exp(z - ${max})`, `    return e / ${sum}`];
}

function imports(fw: ExportFramework, acts: ActivationCode[]): string {
  const base: Record<ExportFramework, string[]> = {
    numpy: ['import numpy as np'],
    jax: ['import jax', 'import jax.numpy as jnp', 'import jax.scipy.special'],
    pytorch: ['import torch', 'from torch import nn'],
    keras: ['import numpy as np', 'import keras', 'from keras import ops'],
  };
  const all = [...base[fw], ...acts.flatMap((a) => a.imports)];
  const uniq = [...new Set(all)];
  return uniq
    .sort((a, b) => Number(a.startsWith('from')) - Number(b.startsWith('from')))
    .join('\n');
}

/** The `def predict(points):` line and its docstring, saying what it returns (`what` adds a type note). */
function predictHeader(plan: ExportPlan, what = ''): string[] {
  return [
    'def predict(points):',
    `    """Returns ${pyDocText(outputText(plan))}${what}, for raw points of shape (n, ${plan.inputDims})."""`,
  ];
}

/**
 * `def predict(points):` of a framework with a model object: the logits `z = <logits>` of the
 * standardised features, then the head in namespace `ns` (`what` as for `predictHeader`).
 */
function predictFn(plan: ExportPlan, logits: string, ns: string, what = ''): string[] {
  return [...predictHeader(plan, what), `    z = ${logits}`, ...headLines(plan, ns)];
}

/**
 * JAX: the weights as a params pytree (a list of `{"w": (in, out), "b": (out,)}` per layer), a
 * pure `apply(params, h)` returning the logits, and `predict` on raw points.
 */
function jaxModel(plan: ExportPlan, acts: ActivationCode[]): string {
  const n = plan.layers.length;
  const L = [
    '# The trained weights as a pytree: one {"w": (inputs, outputs), "b": (outputs,)} per layer.',
    'params = [',
    ...plan.layers.map(
      (_, i) =>
        `    {"w": jnp.asarray(W${i + 1}, dtype=jnp.float64).T, "b": jnp.asarray(B${i + 1}, dtype=jnp.float64)},`,
    ),
    ']',
    '',
    '',
    'def apply(params, h):',
    '    """The network on standardised features h, shape (n, features); returns the logits."""',
  ];
  for (let i = 0; i < n; i++) {
    const z = `h @ params[${i}]["w"] + params[${i}]["b"]`;
    L.push(i < n - 1 ? `    h = ${acts[i].call(z)}` : `    return ${z}`);
  }
  L.push('', '', ...predictFn(plan, 'apply(params, features(points))', 'jnp'));
  return L.join('\n');
}

function model(plan: ExportPlan, fw: ExportFramework, acts: ActivationCode[]): string {
  const n = plan.layers.length;
  const hidden = (i: number, h: string) => acts[i].call(h);
  if (fw === 'jax') return jaxModel(plan, acts);
  if (fw === 'numpy') {
    const L = [
      ...predictHeader(plan),
      '    h = features(points)',
      "    with np.errstate(over='ignore', invalid='ignore'):",
    ];
    for (let i = 0; i < n; i++) {
      const z = `h @ np.asarray(W${i + 1}).T + np.asarray(B${i + 1})`;
      L.push(i < n - 1 ? `        h = ${hidden(i, z)}` : `        z = ${z}`);
    }
    return [...L, ...headLines(plan, 'np').map((l) => '    ' + l)].join('\n');
  }
  if (fw === 'pytorch') {
    const L = [
      'class Model(nn.Module):',
      `    """The trained network on standardised features; forward returns the logits."""`,
      '',
      '    def __init__(self):',
      '        super().__init__()',
      `        self.layers = nn.ModuleList([${plan.layers
        .map((l) => `nn.Linear(${l.w[0].length}, ${l.w.length})`)
        .join(', ')}])`,
      '',
      '    def forward(self, h):',
    ];
    for (let i = 0; i < n; i++)
      L.push(
        i < n - 1
          ? `        h = ${hidden(i, `self.layers[${i}](h)`)}`
          : `        return self.layers[${i}](h)`,
      );
    L.push(
      '',
      '',
      'model = Model().double().eval()',
      'with torch.no_grad():',
      ...plan.layers.flatMap((_, i) => [
        `    model.layers[${i}].weight.copy_(torch.tensor(W${i + 1}, dtype=torch.float64))`,
        `    model.layers[${i}].bias.copy_(torch.tensor(B${i + 1}, dtype=torch.float64))`,
      ]),
      '',
      '',
      '@torch.no_grad()',
      ...predictFn(plan, 'model(features(points))', 'torch', ' (a float64 tensor)'),
    );
    return L.join('\n');
  }
  const L = [
    'def build_model():',
    '    """The trained network on standardised features (a Keras functional model returning logits)."""',
    `    inputs = keras.Input(shape=(${plan.features.length},), dtype="float64")`,
    '    h = inputs',
  ];
  for (let i = 0; i < n; i++) {
    const dense = `keras.layers.Dense(${plan.layers[i].w.length}, dtype="float64", name="dense_${i + 1}")(h)`;
    // A function (keras.activations.mish, a custom formula) meets symbolic tensors while the
    // functional model is built, which not every one accepts: an Activation layer applies it
    // to real arrays only.
    const act = (z: string) =>
      acts[i].layer
        ? acts[i].call(z)
        : `keras.layers.Activation(lambda t: ${acts[i].call('t')}, dtype="float64")(${z})`;
    L.push(i < n - 1 ? `    h = ${act(dense)}` : `    outputs = ${dense}`);
  }
  L.push(
    '    m = keras.Model(inputs, outputs)',
    ...plan.layers.map(
      (_, i) =>
        `    m.get_layer("dense_${i + 1}").set_weights([np.asarray(W${i + 1}).T, np.asarray(B${i + 1})])`,
    ),
    '    return m',
    '',
    '',
    'model = build_model()',
    '',
    '',
    ...predictFn(plan, 'np.asarray(model(features(points)), dtype=np.float64)', 'np'),
  );
  return L.join('\n');
}

/**
 * The Python source of `trainer`'s network for `framework` (see the file comment). Throws
 * `ExportError` when an activation cannot be written, e.g. a custom function given without
 * its formula's tree.
 */
export function exportModel(trainer: Trainer, framework: ExportFramework): string {
  if (!EXPORT_FRAMEWORKS.includes(framework))
    throw new ExportError(`unknown framework ${framework}`);
  const plan = exportPlan(trainer);
  const seen = new Map<string, ActivationCode>();
  const acts = trainer.config.activations.map((a) => {
    const key = JSON.stringify(a.source ?? a.label);
    let code = seen.get(key);
    if (!code) {
      const c = activationCode(a, framework, seen.size === 0 ? '' : `_${seen.size + 1}`);
      if (typeof c === 'string') throw new ExportError(c);
      code = c;
      seen.set(key, code);
    }
    return code;
  });
  const unique = [...seen.values()];
  const ns = NS[framework];
  const asArray =
    framework === 'pytorch'
      ? 'torch.as_tensor(points, dtype=torch.float64)'
      : `${ns}.asarray(points, dtype=${ns}.float64)`;
  const parts = [
    header(plan, framework, acts),
    imports(framework, unique),
    ...PRELUDE[framework],
    ...unique.map((a) => a.helpers.trimEnd()).filter(Boolean),
    constants(plan),
    featuresFn(plan, ns, asArray),
    model(plan, framework, acts),
  ];
  return parts.join('\n\n\n') + '\n';
}
