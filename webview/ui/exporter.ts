/**
 * Export of the graph: the chart as PNG and the sampled points as CSV, both saved by the host
 * through its save dialog (`file/save`), which answers with `file/saved`.
 */
import type { GraphView } from '../graph/graphView';
import { SAMPLES } from '../graph/graphView';
import { post } from '../vscodeApi';

let nextRequest = 1;

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV of x and every shown curve's f, f′ (and f″), plus Δ when the difference is shown. */
export function graphCsv(graph: GraphView): string {
  const { x } = graph.ranges();
  const series = graph.sampled();
  const diff = graph.difference();
  const head = ['x'];
  for (const s of series)
    head.push(`${s.label} f(x)`, `${s.label} f'(x)`, ...(s.d2f ? [`${s.label} f''(x)`] : []));
  if (diff) head.push('difference');
  const lines = [head.map(csvField).join(',')];
  const h = (x[1] - x[0]) / (SAMPLES - 1);
  const num = (v: number) => (Number.isFinite(v) ? String(v) : '');
  for (let i = 0; i < SAMPLES; i++) {
    const row = [num(x[0] + i * h)];
    for (const s of series) row.push(num(s.f[i]), num(s.df[i]), ...(s.d2f ? [num(s.d2f[i])] : []));
    if (diff) row.push(num(diff[i]));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Asks the host to save; returns the request id the `file/saved` answer will carry. */
export function saveFile(format: 'png' | 'csv', suggestedName: string, data: string): number {
  const requestId = nextRequest++;
  post({ type: 'file/save', requestId, format, suggestedName, data });
  return requestId;
}
