/**
 * Hovers in `config.json`-style files: a string value under a key that names an activation
 * (`"hidden_act": "gelu_new"`, `"hidden_activation"`, `"activation_function"`, `"act_layer"`,
 * DistilBERT's and Keras' `"activation"`) resolves through the library's dispatch table. Other
 * JSON gets nothing, cheaply: one linear pass over the text, and only up to the offset asked.
 */
import { reportCoreError } from '../errors';
import type { DispatchLibrary } from '../catalog/dispatch/types';
import { dispatchKeyword } from '../python/dispatchSites';
import { dispatchLookup } from '../python/dispatchLookup';
import type { Mention } from '../python/mentions';
import { DEFAULT_HOVER_OPTIONS, hoverMarkdown } from './hoverContent';
import { dispatchLine } from './bindingContent';
import type { HoverAnswer, HoverAtOptions } from './hoverAt';

/** JSON files longer than this are not read. */
const JSON_MAX_CHARS = 2_000_000;

/** A string value and the key it sits under. */
export interface JsonKeyedValue {
  key: string;
  value: string;
  /** Document range of the value's string token, quotes included. */
  from: number;
  to: number;
}

/** Reads the JSON string token starting at the quote at `i`: its decoded value and end. */
function readString(text: string, i: number): { value: string; end: number } | undefined {
  let j = i + 1;
  let raw = '';
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 34) break;
    if (c === 10 || c === 13) return undefined;
    if (c === 92) {
      raw += text.slice(j, j + 2);
      j += 2;
      continue;
    }
    raw += text[j];
    j++;
  }
  if (j >= text.length) return undefined;
  try {
    return { value: JSON.parse(`"${raw}"`) as string, end: j + 1 };
  } catch {
    // Not a JSON string escape (an expected case, not an error): the raw text is the value.
    return { value: raw, end: j + 1 };
  }
}

/**
 * The string value covering `offset` (`from ≤ offset ≤ to`) when it is an object member's value,
 * with its key; undefined elsewhere (keys, numbers, array items, comments, broken text).
 */
export function jsonValueAt(text: string, offset: number): JsonKeyedValue | undefined {
  if (typeof text !== 'string' || text.length > JSON_MAX_CHARS) return undefined;
  if (!(offset >= 0 && offset <= text.length)) return undefined;
  let pendingKey: string | undefined;
  let lastString: string | undefined;
  let afterColon = false;
  for (let i = 0; i < text.length && i <= offset;) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const s = readString(text, i);
      if (!s) return undefined;
      if (afterColon && pendingKey !== undefined && i <= offset && offset <= s.end)
        return { key: pendingKey, value: s.value, from: i, to: s.end };
      lastString = afterColon ? undefined : s.value;
      afterColon = false;
      i = s.end;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      // A JSONC line comment.
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (c === 58) {
      pendingKey = lastString;
      afterColon = true;
    } else if (c > 32) {
      afterColon = false;
      lastString = undefined;
    }
    i++;
  }
  return undefined;
}

/** The library whose table a JSON key names in this file, or undefined. */
function jsonKeyLibrary(text: string, key: string): DispatchLibrary | undefined {
  if (key === 'feat_extract_activation') return 'transformers';
  const lib = dispatchKeyword(key);
  if (lib) return lib;
  if (key !== 'activation') return undefined;
  // `"activation"` is DistilBERT's key in a transformers config, and the layer argument in a
  // Keras model config.
  if (/"(?:transformers_version|model_type|architectures)"\s*:/.test(text)) return 'transformers';
  if (/"(?:keras_version|class_name)"\s*:/.test(text)) return 'keras';
  return undefined;
}

/**
 * The hover at `offset` in a JSON document: the activation a config value names through its
 * library's dispatch table, or undefined. Never throws.
 */
export function jsonHoverAt(
  text: string,
  offset: number,
  options: HoverAtOptions = {},
): HoverAnswer | undefined {
  try {
    const at = jsonValueAt(text, offset);
    if (!at) return undefined;
    const library = jsonKeyLibrary(text, at.key);
    if (!library) return undefined;
    const hit = dispatchLookup(library, at.value);
    if (!hit) return undefined;
    const mention: Mention = {
      kind: 'reference',
      qualifiedName: hit.callee.qualifiedName,
      framework: hit.callee.framework,
      from: at.from,
      to: at.to,
      args: { positional: [], keywords: {} },
      value: at.value,
      importedName: hit.callee.qualifiedName,
    };
    const lang = options.lang ?? DEFAULT_HOVER_OPTIONS.lang;
    const binding = [dispatchLine({ library, key: at.value, source: hit.source }, lang)];
    const shown = `"${at.key}": ${JSON.stringify(at.value)}`;
    const markdown = hoverMarkdown({ mention, resolved: hit.resolved, shown, binding }, options);
    if (!markdown) return undefined;
    return {
      markdown,
      from: at.from,
      to: at.to,
      id: hit.resolved.id,
      mention,
      resolved: hit.resolved,
    };
  } catch (e) {
    reportCoreError(e, 'jsonHoverAt');
    return undefined;
  }
}
