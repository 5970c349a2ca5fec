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
