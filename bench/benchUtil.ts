/** Helpers shared by the benchmarks. */

/** The median of `xs` (upper median for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A Python file of about `lines` lines: `header`, then `block(0)`, `block(1)`, … */
export function makeFile(lines: number, header: string, block: (k: number) => string): string {
  const parts = [header];
  let count = header.split('\n').length;
  for (let k = 0; count < lines; k++) {
    const b = block(k);
    parts.push(b);
    count += b.split('\n').length - 1;
  }
  return parts.join('');
}

/** Wall time of one call of `fn`, in ms. */
export function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Every offset of `needle` in `text`, plus `shift`. */
export function offsetsOf(text: string, needle: string, shift: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i + shift);
  return out;
}
