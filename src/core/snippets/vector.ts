/**
 * Hand-written implementations of the vector activations (softmax, log-softmax, softmin,
 * sparsemax, GLU) for PyTorch, Keras, JAX and NumPy. All are numerically stable: softmax-like
 * functions subtract the maximum along the axis first (softmax(x) = softmax(x − max x)), with the
 * maximum held out of the gradient, since it does not change the result. The NumPy versions come
 * with a vector–Jacobian product `<name>_vjp(x, g)`, the derivative backpropagation needs.
 * Deliberately written out per function and framework (the code a person inserts should read
 * like hand-written code); the shared pieces (the row split of the gated units) are one table.
 */
import type { Activation, Params } from '../catalog/types';
import type { Implementation, ImplFramework } from './generate';
import { className, pyParamName } from './names';
import { pyNumber } from './pyPrint';
import { asciiMath } from './mathText';

type Body = Record<ImplFramework, string[]>;

/**
 * The gated units split the row in halves a | b along the axis (the second half gates), the same
 * line in every gated body and NumPy vector–Jacobian product.
 */
const SPLIT: Record<ImplFramework, string> = {
  pytorch: 'a, b = x.chunk(2, dim=AX)',
  keras: 'a, b = ops.split(x, 2, axis=AX)',
  jax: 'a, b = jnp.split(x, 2, axis=AX)',
  numpy: 'a, b = np.split(x, 2, axis=AX)',
};

/** A gated unit's body: the split, then `return <value>` for each framework. */
function gated(value: Record<ImplFramework, string>): Body {
  const body = {} as Body;
  for (const fw of Object.keys(SPLIT) as ImplFramework[])
    body[fw] = [SPLIT[fw], `return ${value[fw]}`];
  return body;
}

/** Bodies by id; `AX` stands for the axis expression (`self.dim`, `self.axis` or `axis`). */
const BODIES: Record<string, Body> = {
  softmax: {
    pytorch: [
      'z = x - x.amax(dim=AX, keepdim=True).detach()',
      'e = torch.exp(z)',
      'return e / e.sum(dim=AX, keepdim=True)',
    ],
    keras: [
      'z = x - ops.stop_gradient(ops.max(x, axis=AX, keepdims=True))',
      'e = ops.exp(z)',
      'return e / ops.sum(e, axis=AX, keepdims=True)',
    ],
    jax: [
      'z = x - jax.lax.stop_gradient(jnp.max(x, axis=AX, keepdims=True))',
      'e = jnp.exp(z)',
      'return e / jnp.sum(e, axis=AX, keepdims=True)',
    ],
    numpy: [
      'e = np.exp(x - np.max(x, axis=AX, keepdims=True))',
      'return e / np.sum(e, axis=AX, keepdims=True)',
    ],
  },
  log_softmax: {
    pytorch: [
      'z = x - x.amax(dim=AX, keepdim=True).detach()',
      'return z - torch.log(torch.exp(z).sum(dim=AX, keepdim=True))',
    ],
    keras: [
      'z = x - ops.stop_gradient(ops.max(x, axis=AX, keepdims=True))',
      'return z - ops.log(ops.sum(ops.exp(z), axis=AX, keepdims=True))',
    ],
    jax: [
      'z = x - jax.lax.stop_gradient(jnp.max(x, axis=AX, keepdims=True))',
      'return z - jnp.log(jnp.sum(jnp.exp(z), axis=AX, keepdims=True))',
    ],
    numpy: [
      'z = x - np.max(x, axis=AX, keepdims=True)',
      'return z - np.log(np.sum(np.exp(z), axis=AX, keepdims=True))',
    ],
  },
  softmin: {
    pytorch: [
      'z = x.amin(dim=AX, keepdim=True).detach() - x',
      'e = torch.exp(z)',
      'return e / e.sum(dim=AX, keepdim=True)',
    ],
    keras: [
      'z = ops.stop_gradient(ops.min(x, axis=AX, keepdims=True)) - x',
      'e = ops.exp(z)',
      'return e / ops.sum(e, axis=AX, keepdims=True)',
    ],
    jax: [
      'z = jax.lax.stop_gradient(jnp.min(x, axis=AX, keepdims=True)) - x',
      'e = jnp.exp(z)',
      'return e / jnp.sum(e, axis=AX, keepdims=True)',
    ],
    numpy: [
      'e = np.exp(np.min(x, axis=AX, keepdims=True) - x)',
      'return e / np.sum(e, axis=AX, keepdims=True)',
    ],
  },
  glu: gated({
    pytorch: 'a * torch.sigmoid(b)',
    keras: 'a * ops.sigmoid(b)',
    jax: 'a * jax.nn.sigmoid(b)',
    numpy: 'a * _sigmoid(b)',
  }),
  swiglu: gated({
    pytorch: 'a * b * torch.sigmoid(P_beta * b)',
    keras: 'a * b * ops.sigmoid(P_beta * b)',
    jax: 'a * b * jax.nn.sigmoid(P_beta * b)',
    numpy: 'a * b * _sigmoid(P_beta * b)',
  }),
  geglu: gated({
    pytorch: 'a * 0.5 * b * (1 + torch.erf(b / math.sqrt(2)))',
    keras: 'a * 0.5 * b * (1 + ops.erf(b / math.sqrt(2)))',
    jax: 'a * 0.5 * b * (1 + erf(b / math.sqrt(2)))',
    numpy: 'a * 0.5 * b * (1 + erf(b / math.sqrt(2)))',
  }),
  reglu: gated({
    pytorch: 'a * torch.clamp(b, min=0)',
    keras: 'a * ops.maximum(b, 0)',
    jax: 'a * jnp.maximum(b, 0)',
    numpy: 'a * np.maximum(b, 0)',
  }),
  sparsemax: {
    pytorch: [
      '# Martins & Astudillo (2016): project onto the simplex; tau is the threshold.',
      'z = x.transpose(AX, -1)',
      'zs, _ = torch.sort(z, dim=-1, descending=True)',
      'k = torch.arange(1, z.shape[-1] + 1, device=x.device, dtype=x.dtype)',
      'cs = zs.cumsum(dim=-1)',
      'k_z = (1 + k * zs > cs).sum(dim=-1, keepdim=True)',
      'tau = (cs.gather(-1, k_z - 1) - 1) / k_z.to(x.dtype)',
      'return torch.clamp(z - tau, min=0).transpose(AX, -1)',
    ],
    keras: [
      '# Martins & Astudillo (2016): project onto the simplex; tau is the threshold.',
      'z = ops.moveaxis(x, AX, -1)',
      'zs = ops.flip(ops.sort(z, axis=-1), axis=-1)',
      'k = ops.cast(ops.arange(1, ops.shape(z)[-1] + 1), z.dtype)',
      'cs = ops.cumsum(zs, axis=-1)',
      'k_z = ops.sum(ops.cast(1 + k * zs > cs, "int32"), axis=-1, keepdims=True)',
      'tau = (ops.take_along_axis(cs, k_z - 1, axis=-1) - 1) / ops.cast(k_z, z.dtype)',
      'return ops.moveaxis(ops.maximum(z - tau, 0), -1, AX)',
    ],
    jax: [
      '# Martins & Astudillo (2016): project onto the simplex; tau is the threshold.',
      'z = jnp.moveaxis(x, AX, -1)',
      'zs = -jnp.sort(-z, axis=-1)',
      'k = jnp.arange(1, z.shape[-1] + 1, dtype=z.dtype)',
      'cs = jnp.cumsum(zs, axis=-1)',
      'k_z = jnp.sum(1 + k * zs > cs, axis=-1, keepdims=True)',
      'tau = (jnp.take_along_axis(cs, k_z - 1, axis=-1) - 1) / k_z',
      'return jnp.moveaxis(jnp.maximum(z - tau, 0), -1, AX)',
    ],
    numpy: [
      '# Martins & Astudillo (2016): project onto the simplex; tau is the threshold.',
      'z = np.moveaxis(x, AX, -1)',
      'zs = -np.sort(-z, axis=-1)',
      'k = np.arange(1, z.shape[-1] + 1)',
      'cs = np.cumsum(zs, axis=-1)',
      'k_z = np.sum(1 + k * zs > cs, axis=-1, keepdims=True)',
      'tau = (np.take_along_axis(cs, k_z - 1, axis=-1) - 1) / k_z',
      'return np.moveaxis(np.maximum(z - tau, 0), -1, AX)',
    ],
  },
};

/** NumPy vector–Jacobian products: the gradient with respect to x of Σ g·f(x). */
const VJP: Record<string, string[]> = {
  softmax: ['s = softmax(x, axis)', 'return s * (g - np.sum(g * s, axis=axis, keepdims=True))'],
  log_softmax: [
    's = np.exp(log_softmax(x, axis))',
    'return g - s * np.sum(g, axis=axis, keepdims=True)',
  ],
  softmin: ['s = softmin(x, axis)', 'return -s * (g - np.sum(g * s, axis=axis, keepdims=True))'],
  glu: [
    SPLIT.numpy,
    's = _sigmoid(b)',
    'return np.concatenate([g * s, g * a * s * (1 - s)], axis=axis)',
  ],
  swiglu: [
    SPLIT.numpy,
    's = _sigmoid(P_beta * b)',
    'return np.concatenate([g * b * s, g * a * s * (1 + P_beta * b * (1 - s))], axis=axis)',
  ],
  geglu: [
    SPLIT.numpy,
    'cdf = 0.5 * (1 + erf(b / math.sqrt(2)))',
    'pdf = np.exp(-0.5 * b**2) / math.sqrt(2 * math.pi)',
    'return np.concatenate([g * b * cdf, g * a * (cdf + b * pdf)], axis=axis)',
  ],
  reglu: [
    SPLIT.numpy,
    'return np.concatenate([g * np.maximum(b, 0), np.where(b > 0, g * a, 0.0)], axis=axis)',
  ],
  sparsemax: [
    '# On the support S (p > 0) the Jacobian is I - 1 1^T / |S|; elsewhere it is 0.',
    'on = sparsemax(x, axis) > 0',
    'mean = np.sum(g * on, axis=axis, keepdims=True) / np.sum(on, axis=axis, keepdims=True)',
    'return np.where(on, g - mean, 0.0)',
  ],
};

const ind = (lines: string[], n: number) => lines.map((l) => (l ? ' '.repeat(n) + l : l));

/** NumPy helpers the generated code defines before use (PEP 8: two blank lines after each). */
export const NUMPY_HELPERS: Record<'erf' | 'sigmoid', string[]> = {
  erf: [
    'try:',
    '    from scipy.special import erf',
    'except ImportError:  # Without SciPy: math.erf applied element by element (slower, same values).',
    '    erf = np.vectorize(math.erf, otypes=[float])',
    '',
    '',
  ],
  sigmoid: [
    'def _sigmoid(z):',
    '    """Logistic sigmoid(z) = 1 / (1 + e^(-z)), written as exp(-log(1 + e^(-z))) so no e^z overflows."""',
    '    return np.exp(-np.logaddexp(0.0, -z))',
    '',
    '',
  ],
};

/** Imports for `fw`, with `math` and the JAX `erf` only when the code uses them. */
function importsFor(fw: ImplFramework, code: string): string[] {
  const math = /\bmath\./.test(code) ? ['import math'] : [];
  switch (fw) {
    case 'pytorch':
      return [...math, 'import torch', 'from torch import nn'];
    case 'keras':
      return [...math, 'import keras', 'from keras import ops'];
    case 'jax':
      return [
        ...math,
        'import jax',
        'import jax.numpy as jnp',
        ...(/\berf\(/.test(code) ? ['from jax.scipy.special import erf'] : []),
      ];
    case 'numpy':
      return [...math, 'import numpy as np'];
  }
}

/**
 * Code of a vector entry for `fw`: the axis (default −1) and the entry's parameters (defaults
 * `values`) are constructor or keyword arguments.
 */
export function vectorImplementation(
  entry: Activation,
  fw: ImplFramework,
  values: Params,
): Implementation | undefined {
  const b = BODIES[entry.id];
  if (!b) return undefined;
  const doc = `"""${asciiMath(`${entry.name}: ${entry.text}`)}, along one axis."""`;
  const cls = className(entry.id);
  const names = entry.params.map((p) => pyParamName(p.name));
  const sig = entry.params
    .map((p, i) => `, ${names[i]}=${pyNumber(values[p.name] ?? p.default)}`)
    .join('');
  const sub = (lines: string[], ax: string, self: string) =>
    lines.map((l) =>
      l.replace(/\bAX\b/g, ax).replace(/\bP_(\w+)/g, (_m, n: string) => `${self}${pyParamName(n)}`),
    );
  let code: string[];
  if (fw === 'pytorch' || fw === 'keras') {
    const torch = fw === 'pytorch';
    const ax = torch ? 'dim' : 'axis';
    const fields = [ax, ...names];
    code = [
      torch ? `class ${cls}(nn.Module):` : `class ${cls}(keras.layers.Layer):`,
      `    ${doc}`,
      '',
      torch
        ? `    def __init__(self, dim: int = -1${sig}):`
        : `    def __init__(self, axis=-1${sig}, **kwargs):`,
      torch ? '        super().__init__()' : '        super().__init__(**kwargs)',
      ...fields.map((f) => `        self.${f} = ${f}`),
      '',
      torch ? '    def forward(self, x: torch.Tensor) -> torch.Tensor:' : '    def call(self, x):',
      ...ind(sub(torch ? b.pytorch : b.keras, `self.${ax}`, 'self.'), 8),
      '',
      ...(torch
        ? [
            '    def extra_repr(self) -> str:',
            `        return f"${fields.map((f) => `${f}={self.${f}}`).join(', ')}"`,
          ]
        : [
            '    def get_config(self):',
            `        return {**super().get_config()${fields.map((f) => `, "${f}": self.${f}`).join('')}}`,
          ]),
    ];
  } else if (fw === 'jax') {
    code = [
      `def ${entry.id}(x: jax.Array, axis: int = -1${sig}) -> jax.Array:`,
      `    ${doc}`,
      ...ind(sub(b.jax, 'axis', ''), 4),
    ];
  } else {
    const body = [...sub(b.numpy, 'axis', ''), ...sub(VJP[entry.id], 'axis', '')].join('\n');
    const helpers = [
      ...(/\berf\(/.test(body) ? NUMPY_HELPERS.erf : []),
      ...(/\b_sigmoid\(/.test(body) ? NUMPY_HELPERS.sigmoid : []),
    ];
    const call = names.map((n) => `, ${n}`).join('');
    code = [
      ...helpers,
      `def ${entry.id}(x, axis=-1${sig}):`,
      `    ${doc}`,
      '    x = np.asarray(x, dtype=float)',
      ...ind(sub(b.numpy, 'axis', ''), 4),
      '',
      '',
      `def ${entry.id}_vjp(x, g, axis=-1${sig}):`,
      `    """Gradient of sum(g * ${entry.id}(x)) with respect to x (backpropagation through ${asciiMath(entry.name)})."""`,
      '    x = np.asarray(x, dtype=float)',
      '    g = np.asarray(g, dtype=float)',
      ...ind(sub(VJP[entry.id], 'axis', ''), 4).map((l) =>
        l.replace(/(\w+)\(x, axis\)/, (m, f: string) =>
          f === entry.id ? `${f}(x, axis${call})` : m,
        ),
      ),
    ];
  }
  const text = code.join('\n') + '\n';
  let imports = importsFor(fw, text);
  if (fw === 'numpy' && /\berf\(/.test(text) && !imports.includes('import math')) {
    imports = ['import math', ...imports];
  }
  return {
    id: entry.id,
    framework: fw,
    imports,
    code: text,
    name: fw === 'pytorch' || fw === 'keras' ? cls : entry.id,
  };
}
