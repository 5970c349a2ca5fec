/**
 * Python code of one hidden layer's activation for an export. A catalog activation becomes the
 * framework's own call with the exact parameters when the framework has one (checked by resolving
 * the printed call back through the catalog: it must give the same entry and parameters), else
 * the implementation generator's definition. A custom formula is printed from its tree.
 */
import { getActivation } from '../catalog/catalog';
import { resolveActivationDetailed } from '../catalog/resolve';
import { parsePyLiteral } from '../catalog/pyLiteral';
import type { ApiAlias, Framework, Params } from '../catalog/types';
import { NEUTRAL } from '../snippets/definitions';
import { generateImplementation, type ImplFramework } from '../snippets/generate';
import { pyNumber } from '../snippets/pyPrint';
import type { LayerActivation } from '../train/activations';
import { pyDocText } from './exportPlan';
import { formulaPython } from './formulaPy';

/** An activation's code: imports, definitions to put before the model, and the call on `h`. */
export interface ActivationCode {
  imports: string[];
  helpers: string;
  call(h: string): string;
  /** How it is computed, for a comment: `torch.nn.functional.gelu` or `generated gelu_tanh`. */
  how: string;
  /** The call builds a layer or module (`keras.layers.ELU(...)(h)`), rather than applying a function. */
  layer: boolean;
}

const FRAMEWORK: Record<ImplFramework, Framework | undefined> = {
  pytorch: 'pytorch',
  keras: 'keras',
  jax: 'jax',
  numpy: undefined,
};

/** Keyword arguments (Python source) that make `alias` compute entry `id` with `params`, if any. */
function aliasCall(id: string, alias: ApiAlias, params: Params): string[] | undefined {
  const entry = getActivation(id);
  if (!entry) return undefined;
  for (const [k, v] of Object.entries(alias.fixed ?? {})) if (params[k] !== v) return undefined;
  const kws: [string, string][] = Object.entries(alias.requires ?? {});
  const done = new Set<string>();
  for (const a of alias.args) {
    if (!a.param || done.has(a.param) || alias.fixed?.[a.param] !== undefined) continue;
    if (a.keywordOnly && alias.args.some((b) => b !== a && b.param === a.param)) continue;
    const spec = entry.params.find((p) => p.name === a.param);
    const v = params[a.param];
    if (v === undefined || !spec) return undefined;
    kws.push([a.name, v === Infinity && spec.infinityMeansNone ? 'None' : pyNumber(v)]);
    done.add(a.param);
  }
  const keywords: Record<string, unknown> = {};
  for (const [k, src] of kws) {
    const v = parsePyLiteral(src);
    if (v === undefined) return undefined;
    keywords[k] = v;
  }
  const r = resolveActivationDetailed(alias.qualifiedName, { keywords });
  if (!r.ok || r.resolved.id !== id) return undefined;
  for (const k of Object.keys(params)) if (r.resolved.params[k] !== params[k]) return undefined;
  return kws.map(([k, src]) => `${k}=${src}`);
}

/** Calls PyTorch warns about on every use (`F.tanh is deprecated. Use torch.tanh instead.`). */
const DEPRECATED = new Set(['torch.nn.functional.tanh', 'torch.nn.functional.sigmoid']);

/**
 * The framework's own call for entry `id` with `params`, preferring functions over modules. An
 * entry with a learned parameter (PReLU's slope) has none: the framework's versions hold it as a
 * weight (a tensor argument, or a layer with its own initialiser), while the export needs the
 * trained value as a constant, which the generated definition writes.
 */
function frameworkCall(fw: ImplFramework, id: string, params: Params): ActivationCode | undefined {
  const framework = FRAMEWORK[fw];
  const entry = getActivation(id);
  if (!framework || !entry || NEUTRAL[id]?.learnable?.length) return undefined;
  const rank = (a: ApiAlias) => (a.form === 'function' ? 0 : 1);
  const aliases = entry.apis
    .filter((a) => a.framework === framework && !a.listingOnly && !DEPRECATED.has(a.qualifiedName))
    .filter((a) => a.form === 'function' || a.form === 'module' || a.form === 'layer')
    .sort((a, b) => rank(a) - rank(b));
  for (const alias of aliases) {
    const kws = aliasCall(id, alias, params);
    if (!kws) continue;
    const args = kws.join(', ');
    const q = alias.qualifiedName;
    const call =
      alias.form === 'function'
        ? (h: string) => `${q}(${[h, ...kws].join(', ')})`
        : (h: string) => `${q}(${args})(${h})`;
    return { imports: [], helpers: '', call, how: q, layer: alias.form !== 'function' };
  }
  return undefined;
}

/**
 * Code of `act` for `fw`; `suffix` keeps the names of two different generated definitions apart.
 * Returns an error sentence when it cannot be written (a custom function without its formula).
 */
export function activationCode(
  act: LayerActivation,
  fw: ImplFramework,
  suffix: string,
): ActivationCode | string {
  const src = act.source;
  if (!src) return `the activation ${act.label} has no formula to export`;
  if ('expr' in src) {
    const name = `custom_activation${suffix}`;
    const body = formulaPython(src.expr, fw);
    if ('error' in body) return body.error;
    return {
      imports: body.imports,
      helpers: `${body.helpers}def ${name}(x):\n    """${pyDocText(act.label)}"""\n    return ${body.code}\n`,
      call: (h) => `${name}(${h})`,
      how: `custom formula ${act.label}`,
      layer: false,
    };
  }
  const own = frameworkCall(fw, src.id, src.params);
  if (own) return own;
  const entry = getActivation(src.id);
  const impl = entry && generateImplementation(entry, fw, src.params);
  if (!impl) return `the activation ${src.id} cannot be written for ${fw}`;
  const name = `${impl.name}${suffix}`;
  const code = impl.code.replace(
    new RegExp(`^(def|class) ${impl.name}\\b`, 'm'),
    (_m, kw: string) => `${kw} ${name}`,
  );
  const cls = fw === 'pytorch' || fw === 'keras';
  return {
    imports: impl.imports,
    helpers: code,
    call: (h) => (cls ? `${name}()(${h})` : `${name}(${h})`),
    how: `generated ${src.id}`,
    layer: cls,
  };
}
