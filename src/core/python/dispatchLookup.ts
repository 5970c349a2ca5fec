/**
 * From a library's activation name (`ACT2FN["gelu_new"]`, `create_act_layer("gelu")`,
 * `keras.activations.get("swish")`) to the catalog: the one place the binding model reads the
 * dispatch tables.
 */
import { resolveKerasString } from '../catalog/resolve';
import type { Resolved } from '../catalog/types';
import type { Qualified } from './qualify';

/** Libraries whose dispatch tables the model reads. */
export type DispatchLibrary = 'transformers' | 'timm' | 'keras' | 'tf-keras' | 'tf-models';

/** What a library's name computes: the catalog resolution and the framework API it stands for. */
export interface DispatchHit {
  resolved: Resolved;
  callee: Qualified;
}

/**
 * The activation `library` computes for `name`, or undefined when the table has no such name.
 * Keras names resolve through the Keras string tables (`activation="…"` and
 * `keras.activations.get` share them).
 */
export function dispatchLookup(library: DispatchLibrary, name: string): DispatchHit | undefined {
  if (library === 'keras' || library === 'tf-keras') {
    const resolved = resolveKerasString(name, library);
    const prefix = library === 'keras' ? 'keras' : 'tf_keras';
    return resolved
      ? { resolved, callee: { qualifiedName: `${prefix}.activations.${name}`, framework: library } }
      : undefined;
  }
  return undefined;
}
