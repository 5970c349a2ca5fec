/**
 * Export of the graph: the sampled points as CSV (the images: imageExport.ts), saved by the host
 * through its save dialog (`file/save`), which answers with `file/saved`.
 */
import type { GraphView } from '../graph/graphView';
import { SAMPLES } from '../graph/graphView';
import type { SaveFormat, SaveResult } from '../../src/core/protocol/webviewProtocol';
import { hostRequests, post } from '../vscodeApi';

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

/** Asks the host to save; settles with the host's `file/saved` reply to this very request. */
export function saveFile(
  format: SaveFormat,
  suggestedName: string,
  data: string,
): Promise<SaveResult> {
  return hostRequests.request((requestId) =>
    post({ type: 'file/save', requestId, format, suggestedName, data }),
  ).reply;
}
