/**
 * UI text: `t(key)` looks the English text up in the l10n bundle the host sends in `init`
 * (VS Code's `vscode.l10n.bundle`, keyed by the English text), with `{0}`-style arguments.
 */
let strings: Record<string, string> = {};
let lang: 'en' | 'ja' = 'en';

export function setLocale(l: 'en' | 'ja', bundle: Record<string, string>): void {
  lang = l;
  strings = bundle;
  document.documentElement.lang = l;
}

export function locale(): 'en' | 'ja' {
  return lang;
}

/** The translation of an English UI string, with `{0}`, `{1}`… replaced by `args`. */
export function t(key: string, ...args: (string | number)[]): string {
  const s = strings[key] ?? key;
  return args.length ? s.replace(/\{(\d+)\}/g, (m, i: string) => String(args[+i] ?? m)) : s;
}

/** Formats a number for read-outs: short, fixed width where it helps, no `-0`. */
export function fmt(v: number, digits = 4): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e5 || a < 1e-4 ? v.toExponential(2) : String(+v.toPrecision(digits));
  return s.replace(/-/g, '−');
}

/**
 * An axis tick label. chart.js's default formats with `Intl.NumberFormat`, whose first use costs
 * tens of milliseconds on a slow machine, on the way to the first chart; this is plain arithmetic.
 * chart.js passes its ticks too: their step tells a zero that float error moved off 0.
 */
export function tickLabel(
  value: number | string,
  _index?: number,
  ticks?: { value: number }[],
): string {
  let v = Number(value);
  const step = ticks && ticks.length > 1 ? Math.abs(ticks[1].value - ticks[0].value) : 0;
  if (Math.abs(v) < step * 1e-6) v = 0;
  // Ticks are steps added up (0.0003 − 0.0002 = 0.00009999999999999996): round away the
  // floating-point error first, or 1e−4 falls below the exponent threshold and reads "1.00e−4".
  return fmt(+v.toPrecision(12), 6);
}
