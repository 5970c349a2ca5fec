/**
 * Writes an implementation of a catalog activation for one framework: a PyTorch `nn.Module`, a
 * Keras layer on `keras.ops`, a JAX function, or a NumPy function together with its derivative.
 * Element-wise entries are printed from their neutral expressions (definitions.ts); vector
 * entries come from hand-written templates (vector.ts). Parameters become constructor or keyword
 * arguments whose defaults are the entry's defaults, or the values passed in.
 */
import { CODE_FRAMEWORKS, type CodeFramework } from './frameworks';
import { reportCoreError } from '../errors';
import { localize } from '../catalog/text';
import type { Activation, LocalText, Params } from '../catalog/types';
import { NEUTRAL, type NeutralDef } from './definitions';
import { evaluate } from '../formula/compile';
import { namesIn, type Expr } from '../formula/expr';
import { parseExpr } from '../formula/parse';
import { printPy, isTensor, pyNumber, type Library, type PrintContext } from './pyPrint';
import { NUMPY_HELPERS, vectorImplementation } from './vector';
import { asciiMath } from './mathText';
import { className, functionName, pyParamName } from './names';

export { className, functionName, pyParamName };

/** Frameworks an implementation can be written for. */
export type ImplFramework = CodeFramework;
export const IMPL_FRAMEWORKS: readonly ImplFramework[] = CODE_FRAMEWORKS;

/** What an implementation for each framework is (the pickers' and the completion list's label). */
const IMPL_FRAMEWORK_LABELS: Record<ImplFramework, LocalText> = {
  pytorch: { en: 'PyTorch nn.Module', ja: 'PyTorch の nn.Module' },
  keras: { en: 'Keras layer (keras.ops)', ja: 'Keras レイヤー (keras.ops)' },
  jax: { en: 'JAX function', ja: 'JAX の関数' },
  numpy: { en: 'NumPy function and its derivative', ja: 'NumPy の関数とその導関数' },
};

/** What an implementation for `fw` is, in `lang` ("PyTorch nn.Module", "JAX function", …). */
export function implFrameworkLabel(fw: ImplFramework, lang: 'en' | 'ja'): string {
  return localize(IMPL_FRAMEWORK_LABELS[fw], lang);
}

/** Generated code, split so a host can merge the imports with the file's own. */
export interface Implementation {
  id: string;
  framework: ImplFramework;
  /** One import statement per line (`import numpy as np`), in the order they should appear. */
  imports: string[];
  /** Helpers, then the class or functions; four-space indentation, ends with a newline. */
  code: string;
  /** The class or function the code defines. */
  name: string;
}

interface Parsed {
  lets: [string, Expr][];
  f: Expr;
  df: Expr;
  def: NeutralDef;
}

const parsedCache = new Map<string, Parsed | undefined>();

/** The parsed neutral definition of an element-wise entry, or undefined when there is none. */
export function neutralOf(id: string): Parsed | undefined {
  if (parsedCache.has(id)) return parsedCache.get(id);
  const def = NEUTRAL[id];
  const p = def && {
    lets: (def.lets ?? []).map(([n, s]) => [n, parseExpr(s)] as [string, Expr]),
    f: parseExpr(def.f),
    df: parseExpr(def.df),
    def,
  };
  parsedCache.set(id, p);
  return p;
}

/**
 * Evaluates the neutral f (or f′ = df/dx) of entry `id` at x for parameters `p`, in JavaScript,
 * exactly as the generated code computes it.
 */
export function evaluateNeutral(id: string, which: 'f' | 'df', x: number, p: Params): number {
  const n = neutralOf(id);
  if (!n) return NaN;
  const env: Record<string, number> = { ...p, x };
  for (const [name, e] of n.lets) env[name] = evaluate(e, env);
  return evaluate(which === 'f' ? n.f : n.df, env);
}

/** Locals (in order) that an expression needs, including those other needed locals read. */
function neededLets(lets: [string, Expr][], roots: Expr[]): [string, Expr][] {
  const need = new Set<string>();
  for (const r of roots) for (const n of namesIn(r)) need.add(n);
  for (let i = lets.length - 1; i >= 0; i--) {
    if (need.has(lets[i][0])) for (const n of namesIn(lets[i][1])) need.add(n);
  }
  return lets.filter(([n]) => need.has(n));
}

const LIB: Record<ImplFramework, Library> = {
  pytorch: 'torch',
  keras: 'keras',
  jax: 'jax',
  numpy: 'numpy',
};

/** Body lines (`t = …`, `return …`) computing `root`, with `self.` parameters for classes. */
function body(
  n: Parsed,
  root: Expr,
  fw: ImplFramework,
  paramNames: ReadonlySet<string>,
  needs: Set<string>,
): string[] {
  const learnable = new Set(n.def.learnable ?? []);
  const tensors = new Set<string>(['x', ...learnable]);
  const lets = neededLets(n.lets, [root]);
  for (const [name, e] of lets) if (isTensor(e, tensors)) tensors.add(name);
  const cls = fw === 'pytorch' || fw === 'keras';
  const ctx: PrintContext = {
    lib: LIB[fw],
    spell: (name) => (paramNames.has(name) ? `${cls ? 'self.' : ''}${pyParamName(name)}` : name),
    tensors,
    needs,
  };
  const lines = lets.map(([name, e]) => `${name} = ${printPy(e, ctx)}`);
  let ret = printPy(root, ctx);
  // A derivative that does not depend on x (the identity's 1) must still be an array.
  if (fw === 'numpy' && !isTensor(root, tensors)) ret = `np.full_like(x, ${ret})`;
  lines.push(`return ${ret}`);
  return lines;
}

/** The docstring's first line: name and formula, in ASCII (see `asciiMath`). */
function summaryLine(entry: Activation): string {
  return asciiMath(`${entry.name}: f(x) = ${entry.text}.`);
}

const indent = (lines: string[], n: number) => lines.map((l) => (l ? ' '.repeat(n) + l : l));

/** Helpers and imports the printed expressions asked for. */
function prelude(fw: ImplFramework, needs: Set<string>): { imports: string[]; helpers: string[] } {
  const imports: string[] = [];
  const helpers: string[] = [];
  if (needs.has('math')) imports.push('import math');
  if (fw === 'numpy') {
    imports.push('import numpy as np');
    if (needs.has('erf')) {
      helpers.push(...NUMPY_HELPERS.erf);
      if (!needs.has('math')) imports.unshift('import math');
    }
    if (needs.has('sigmoid')) helpers.push(...NUMPY_HELPERS.sigmoid);
  }
  if (fw === 'pytorch') {
    imports.push('import torch');
    if (needs.has('F')) imports.push('import torch.nn.functional as F');
    imports.push('from torch import nn');
  }
  if (fw === 'keras') imports.push('import keras', 'from keras import ops');
  if (fw === 'jax') {
    imports.push('import jax', 'import jax.numpy as jnp');
    if (needs.has('erf')) imports.push('from jax.scipy.special import erf');
  }
  return { imports, helpers };
}

/**
 * Code of one element-wise entry for `fw`, parameters defaulting to `values` (catalog defaults
 * when absent). Returns undefined when the entry has no neutral definition.
 */
function elementwise(
  entry: Activation,
  fw: ImplFramework,
  values: Params,
): Implementation | undefined {
  const n = neutralOf(entry.id);
  if (!n) return undefined;
  const paramNames = new Set(entry.params.map((p) => p.name));
  const needs = new Set<string>();
  const sig = entry.params.map(
    (p) => `${pyParamName(p.name)}=${pyNumber(values[p.name] ?? p.default)}`,
  );
  const learnable = new Set(n.def.learnable ?? []);
  const doc = [summaryLine(entry), ...(n.def.note ? ['', n.def.note] : [])];
  const docLines = (d: string[]) =>
    d.length === 1 ? [`"""${d[0]}"""`] : [`"""${d[0]}`, ...d.slice(1), '"""'];
  let lines: string[];
  let name: string;
  if (fw === 'pytorch') {
    name = className(entry.id);
    const fwd = body(n, n.f, fw, paramNames, needs);
    // F.softplus / F.logsigmoid need the functional import.
    if (fwd.some((l) => l.includes('F.'))) needs.add('F');
    const init = entry.params.map((p) => {
      const py = pyParamName(p.name);
      return learnable.has(p.name)
        ? `self.${py} = nn.Parameter(torch.tensor(float(${py})))`
        : `self.${py} = ${py}`;
    });
    const reprArgs = entry.params.map(
      (p) => `${pyParamName(p.name)}={self.${pyParamName(p.name)}}`,
    );
    lines = [
      `class ${name}(nn.Module):`,
      ...indent(docLines(doc), 4),
      '',
      `    def __init__(self${sig.map((s) => `, ${s}`).join('')}):`,
      '        super().__init__()',
      ...indent(init, 8),
      '',
      '    def forward(self, x: torch.Tensor) -> torch.Tensor:',
      ...indent(fwd, 8),
      ...(reprArgs.length
        ? ['', '    def extra_repr(self) -> str:', `        return f"${reprArgs.join(', ')}"`]
        : []),
    ];
  } else if (fw === 'keras') {
    name = className(entry.id);
    const call = body(n, n.f, fw, paramNames, needs);
    const plain = entry.params.filter((p) => !learnable.has(p.name));
    const trained = entry.params.filter((p) => learnable.has(p.name));
    const init = [
      ...plain.map((p) => `self.${pyParamName(p.name)} = ${pyParamName(p.name)}`),
      ...trained.map((p) => `self.${pyParamName(p.name)}_init = ${pyParamName(p.name)}`),
    ];
    const config = [
      ...plain.map((p) => `"${pyParamName(p.name)}": self.${pyParamName(p.name)}`),
      ...trained.map((p) => `"${pyParamName(p.name)}": self.${pyParamName(p.name)}_init`),
    ];
    const build = trained.length
      ? [
          '',
          '    def build(self, input_shape):',
          ...trained.map((p) => {
            const py = pyParamName(p.name);
            return `        self.${py} = self.add_weight(shape=(), initializer=keras.initializers.Constant(self.${py}_init), name="${py}")`;
          }),
        ]
      : [];
    lines = [
      `class ${name}(keras.layers.Layer):`,
      ...indent(docLines(doc), 4),
      '',
      `    def __init__(self${sig.map((s) => `, ${s}`).join('')}, **kwargs):`,
      '        super().__init__(**kwargs)',
      ...indent(init, 8),
      ...build,
      '',
      '    def call(self, x):',
      ...indent(call, 8),
      '',
      '    def get_config(self):',
      `        return {**super().get_config()${config.map((c) => `, ${c}`).join('')}}`,
    ];
  } else if (fw === 'jax') {
    name = functionName(entry.id);
    const fb = body(n, n.f, fw, paramNames, needs);
    lines = [
      `def ${name}(x: jax.Array${sig.map((s) => `, ${s}`).join('')}) -> jax.Array:`,
      ...indent(
        docLines([...doc, '', `Derivative: jax.vmap(jax.grad(${name}))(x) for a 1-D x.`]),
        4,
      ),
      ...indent(fb, 4),
    ];
  } else {
    name = functionName(entry.id);
    const fb = body(n, n.f, fw, paramNames, needs);
    const db = body(n, n.df, fw, paramNames, needs);
    const ds =
      entry.kind === 'elementwise' && entry.derivativeText
        ? ` = ${asciiMath(entry.derivativeText)}`
        : '';
    lines = [
      `def ${name}(x${sig.map((s) => `, ${s}`).join('')}):`,
      ...indent(docLines(doc), 4),
      '    x = np.asarray(x, dtype=float)',
      ...indent(fb, 4),
      '',
      '',
      `def ${name}_grad(x${sig.map((s) => `, ${s}`).join('')}):`,
      `    """Derivative df/dx of ${asciiMath(entry.name)}${ds}."""`,
      '    x = np.asarray(x, dtype=float)',
      ...indent(db, 4),
    ];
  }
  const { imports, helpers } = prelude(fw, needs);
  return {
    id: entry.id,
    framework: fw,
    imports,
    code: [...helpers, ...lines].join('\n') + '\n',
    name,
  };
}

/**
 * An implementation of `entry` for `fw`, with parameter defaults `params` (the entry's defaults
 * for any not given), or undefined when the entry cannot be written for that framework.
 */
export function generateImplementation(
  entry: Activation,
  fw: ImplFramework,
  params?: Params,
): Implementation | undefined {
  try {
    const values: Params = {};
    for (const p of entry.params) values[p.name] = params?.[p.name] ?? p.default;
    return entry.kind === 'elementwise'
      ? elementwise(entry, fw, values)
      : vectorImplementation(entry, fw, values);
  } catch (e) {
    reportCoreError(e, 'generateImplementation');
    return undefined;
  }
}

/** Import lines, a blank line, then the code: a complete snippet for a new file or a preview. */
export function implementationText(impl: Implementation): string {
  return `${impl.imports.join('\n')}\n\n\n${impl.code}`;
}
