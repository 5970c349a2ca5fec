/**
 * From a detected mention to the catalog: which entry it computes and with which effective
 * parameters. This is the one call the hover needs after `findMention`.
 */
import { reportCoreError } from '../errors';
import { resolveActivation, resolveKerasString } from '../catalog/resolve';
import type { Resolved } from '../catalog/types';
import type { Mention } from './mentions';

/** Keyword arguments every Keras layer takes through its base class. */
const LAYER_KWARGS = new Set([
  'name',
  'dtype',
  'trainable',
  'input_shape',
  'input_dim',
  'autocast',
]);

/** Whether every keyword of the call is an argument of the alias that resolved it. */
function keywordsKnown(r: Resolved, mention: Mention): boolean {
  const names = new Set((r.api?.args ?? []).map((a) => a.name));
  return Object.keys(mention.args.keywords).every((k) => names.has(k) || LAYER_KWARGS.has(k));
}

/**
 * The catalog entry and effective parameters of a mention, or undefined when the catalog does not
 * know it (e.g. `torch.nn.Linear`) or its arguments cannot be used.
 *
 * Strings go through `resolveKerasString(value, framework)` (PyTorch transformer layers'
 * `activation="gelu"` through `resolveActivation('torch.nn.functional.gelu')`); calls, methods and
 * references through `resolveActivation(qualifiedName, args)`. Code written against `tf.keras`
 * is read as tf-keras 2 first; when that fails (a Keras 3 argument such as `negative_slope=`, or a
 * string only Keras 3 knows), as Keras 3, which `tf.keras` is from TensorFlow 2.16 on.
 */
export function resolveMention(mention: Mention): Resolved | undefined {
  try {
    const viaTfKeras =
      mention.framework === 'tf-keras' && mention.importedName.startsWith('tensorflow.keras.');
    if (mention.kind === 'string') {
      const value = mention.value ?? '';
      if (mention.framework === 'keras' || mention.framework === 'tf-keras') {
        const r = resolveKerasString(value, mention.framework);
        return r ?? (viaTfKeras ? resolveKerasString(value, 'keras') : undefined);
      }
      return resolveActivation(mention.qualifiedName);
    }
    const r = resolveActivation(mention.qualifiedName, mention.args);
    if (!viaTfKeras || (r && keywordsKnown(r, mention))) return r;
    return resolveActivation(mention.importedName, mention.args) ?? r;
  } catch (e) {
    reportCoreError(e, 'resolveMention');
    return undefined;
  }
}
