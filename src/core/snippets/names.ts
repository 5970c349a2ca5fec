/**
 * Python names for generated code: classes from entry ids, parameters from catalog names.
 */

/** Python spelling of a catalog parameter name: camelCase → snake_case, `lambda` → `lambd`. */
export function pyParamName(name: string): string {
  const s = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return s === 'lambda' ? 'lambd' : s;
}

/** Class name for an entry id: `gelu_tanh` → `GeluTanh`, `relu6` → `Relu6`. */
export function className(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** Function name for an entry id (ids are snake_case already; anything else is replaced by `_`). */
export function functionName(id: string): string {
  const s = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^\d/.test(s) ? `_${s}` : s;
}
