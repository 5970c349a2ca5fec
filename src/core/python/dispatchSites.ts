/**
 * Where code picks an activation by name through a library's dispatch table: transformers
 * `ACT2FN["gelu_new"]`, `ACT2CLS[…]`, `get_activation("gelu")` and config keys (`hidden_act=`),
 * timm `create_act_layer("gelu")`, `get_act_layer(…)`, `get_act_fn(…)` and `act_layer="gelu"`,
 * Keras `keras.activations.get("…")`, tf-models `tf_utils.get_activation("…")`. This file only recognises the sites; the tables
 * themselves (what each name computes) live in `catalog/dispatch/`, reached through
 * `dispatchLookup.ts`.
 */
import type { DispatchLibrary } from './dispatchLookup';

/** What a dispatch returns: a class to construct, a function to apply, or a module instance. */
export type DispatchStage = 'class' | 'function' | 'instance';

/** A recognised dispatch function or table. */
export interface DispatchSite {
  library: DispatchLibrary;
  stage: DispatchStage;
}

/** Tables indexed with `[name]`, by the name code uses for them. */
const TABLES: Record<string, DispatchSite> = {
  ACT2FN: { library: 'transformers', stage: 'instance' },
  ACT2CLS: { library: 'transformers', stage: 'class' },
};

/** Keyword names the key is passed by (besides the first positional argument). */
export const DISPATCH_KEY_KEYWORDS: ReadonlySet<string> = new Set([
  'name',
  'activation',
  'activation_string',
  'act_name',
  'identifier',
  'act_layer',
  'layer_name',
]);

/** A subscripted name that is a dispatch table (`ACT2FN`), or undefined. */
export function dispatchTable(name: string): DispatchSite | undefined {
  return Object.prototype.hasOwnProperty.call(TABLES, name) ? TABLES[name] : undefined;
}

/**
 * A called function that dispatches on a name: `qualified` is its fully qualified name when an
 * import gives one (`transformers.activations.get_activation`), `path` the dotted name as written
 * (`['tf_utils', 'get_activation']`); `torchFile` whether the file imports PyTorch (a relative
 * import of `get_activation` in a PyTorch model file is transformers').
 */
export function dispatchFunction(
  qualified: string | undefined,
  path: readonly string[],
  torchFile: boolean,
): DispatchSite | undefined {
  const last = path[path.length - 1];
  const q = qualified ?? '';
  if (
    /^(keras|tf_keras|tensorflow\.keras)\.(activations|api\.activations)\.(get|deserialize)$/.test(
      q,
    )
  )
    return { library: q.startsWith('keras') ? 'keras' : 'tf-keras', stage: 'function' };
  switch (last) {
    case 'create_act_layer':
      return { library: 'timm', stage: 'instance' };
    case 'get_act_layer':
      return { library: 'timm', stage: 'class' };
    case 'get_act_fn':
      return { library: 'timm-fn', stage: 'function' };
    case 'get_activation':
      if (q.startsWith('official.') || path[path.length - 2] === 'tf_utils')
        return { library: 'tf-models', stage: 'function' };
      if (q.startsWith('transformers.') || (qualified === undefined && torchFile))
        return { library: 'transformers', stage: 'instance' };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The library whose table a keyword (or parameter, or config key) names: transformers config keys
 * (`hidden_act`, `hidden_activation`, `activation_function`, `projector_hidden_act`, …) and timm's
 * `act_layer` (also `mlp_act_layer`, …); undefined for other names.
 */
export function dispatchKeyword(keyword: string): DispatchLibrary | undefined {
  if (/^(?:[a-z0-9]+_)*hidden_act(?:ivation)?$|^activation_function$/.test(keyword))
    return 'transformers';
  if (/^(?:[a-z0-9]+_)*act_layer$/.test(keyword)) return 'timm';
  return undefined;
}
