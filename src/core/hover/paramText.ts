/**
 * Values as the hover writes them: parameters as Python would print them, call arguments as
 * their Python source.
 */
import type { ParamSpec } from '../catalog/types';
import type { PyValue } from '../python/literals';

/** A statically evaluated call argument as Python source (`'tanh'`, `True`, `0.2`, the text of an unknown). */
export function pyValueText(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(pyValueText).join(', ')}]`;
  return v.unknown;
}

/** A parameter value as Python would print it, `None` for an unlimited one (∞). */
export function paramValueText(v: number, spec?: ParamSpec): string {
  if (v === Infinity && spec?.infinityMeansNone) return 'None';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan';
  const s = String(Number(v.toPrecision(6)));
  return Number.isInteger(v) && !/e/.test(s) ? `${s}.0` : s;
}
