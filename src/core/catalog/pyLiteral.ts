/**
 * Python literal values as the resolver sees them: argument defaults written as Python source text
 * in the catalog (`0.01`, `1/8`, `None`, `True`, `'tanh'`), and call arguments that arrive as JS
 * values parsed from Python source (`{ unknown: '<source>' }` when not statically known).
 */

/** A statically known Python value: number, bool, None (null) or str. */
export type PyValue = number | boolean | null | string;

/** An argument whose value could not be evaluated statically. */
export interface UnknownValue {
  unknown: string;
}

/** True for `{ unknown: '…' }`. */
export function isUnknown(v: unknown): v is UnknownValue {
  return typeof v === 'object' && v !== null && typeof (v as UnknownValue).unknown === 'string';
}

/**
 * Parses a small Python literal: a number, a fraction `a/b` of numbers (PyTorch writes `1. / 8`),
 * `None`, `True`, `False`, or a quoted string. Anything else gives undefined.
 */
export function parsePyLiteral(src: string): PyValue | undefined {
  const s = src.trim();
  if (s === 'None') return null;
  if (s === 'True') return true;
  if (s === 'False') return false;
  const q = /^(['"])(.*)\1$/.exec(s);
  if (q) return q[2];
  const num = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  if (num.test(s)) return Number(s);
  const frac = /^(.+?)\s*\/\s*(.+)$/.exec(s);
  if (frac && num.test(frac[1].trim()) && num.test(frac[2].trim())) {
    return Number(frac[1].trim()) / Number(frac[2].trim());
  }
  return undefined;
}

/** A call argument as a known Python value, or undefined if it is unknown or of another type. */
export function asPyValue(v: unknown): PyValue | undefined {
  if (v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return undefined;
}

/** Python equality for the literal types above (`1 == 1.0`, `True == 1` as in Python). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const na = typeof a === 'boolean' ? Number(a) : a;
  const nb = typeof b === 'boolean' ? Number(b) : b;
  return na === nb;
}

/** Python source text of a known value, for messages (`'tanh'`, `True`, `None`, `0.2`). */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return `'${v}'`;
  return String(v);
}
