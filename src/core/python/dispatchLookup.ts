/**
 * From a library's activation name (`ACT2FN["gelu_new"]`, `create_act_layer("gelu")`,
 * `keras.activations.get("swish")`) to the catalog: the one place the binding model reads the
 * dispatch tables (`catalog/dispatch/`).
 */
import { lookupDispatch } from '../catalog/dispatch/lookup';
import type { DispatchLibrary, DispatchSource } from '../catalog/dispatch/types';
import { resolveActivation } from '../catalog/resolve';
import type { Framework, Resolved } from '../catalog/types';
import type { CallArgs } from './literals';
import { canonicalize, type Qualified } from './qualify';

export type { DispatchLibrary };

/** What a library's name computes: the catalog resolution and the framework API it stands for. */
export interface DispatchHit {
  resolved: Resolved;
  callee: Qualified;
  /** Where the library's mapping was read. */
  source: DispatchSource;
}

/** The framework each library's activations belong to. */
const LIBRARY_FRAMEWORK: Record<DispatchLibrary, Framework> = {
  transformers: 'pytorch',
  timm: 'pytorch',
  'timm-fn': 'pytorch',
  keras: 'keras',
  'tf-keras': 'tf-keras',
  'tf-models': 'tensorflow',
  'tf-models-layer': 'tensorflow',
  'torch-rnn': 'pytorch',
};

/**
 * The activation `library` computes for `name`, or undefined when the table has no such name.
 * `forwarded` are keyword arguments a factory passes on to the class it instantiates (timm
 * `create_act_layer("leaky_relu", negative_slope=0.2)`); they count only when the table names
 * that class and it accepts them.
 */
export function dispatchLookup(
  library: DispatchLibrary,
  name: string,
  forwarded?: CallArgs,
): DispatchHit | undefined {
  const hit = lookupDispatch(library, name);
  if (!hit) return undefined;
  const api = hit.api ? canonicalize(hit.api) : undefined;
  const callee: Qualified = api ?? {
    qualifiedName: hit.api ?? `${library}.${name}`,
    framework: LIBRARY_FRAMEWORK[library],
  };
  if (api && forwarded && Object.keys(forwarded.keywords).length > 0) {
    const r = resolveActivation(api.qualifiedName, { keywords: forwarded.keywords });
    if (r && r.id === hit.id) return { resolved: r, callee, source: hit.source };
  }
  const resolved: Resolved = {
    id: hit.id,
    params: hit.params,
    defaulted: Object.keys(hit.params),
  };
  return { resolved, callee, source: hit.source };
}
