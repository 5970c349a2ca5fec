/**
 * The chart as a self-explaining image: a title, the chart with axis labels, and the legend
 * (each curve's name with its parameters, and the line styles of f, f′, f″ and Δ). PNG is the
 * chart's canvas composed with these texts on a theme-coloured background; SVG is drawn from the
 * samples, with real text elements.
 */
import type { GraphView, ExportLine } from '../graph/graphView';
import { DASH, SAMPLES } from '../graph/graphView';
import { tickLabel } from '../i18n';
import type { Theme } from '../theme';

/** The texts an exported image carries besides the curves. */
export interface ChartExport {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Right-axis label, when the difference is shown. */
  y2Label?: string;
  /** One legend entry per shown curve: name with parameters, and colour. */
  curves: { label: string; color: string }[];
  /** The line-style keys: `f(x)` solid, `f′(x)` dashed, … */
  keys: { text: string; dash: number[] }[];
  theme: Theme;
}

/** A legend item as both images draw it: a line sample and a text. */
interface LegendItem {
  text: string;
  color: string;
  dash: number[];
}

const SAMPLE_W = 28;
const ROW_H = 20;
const PAD = 12;
const TITLE_H = 30;
const AXIS_H = 20;
const YLABEL_W = 22;

function legendItems(ex: ChartExport): LegendItem[] {
  return [
    ...ex.curves.map((c) => ({ text: c.label, color: c.color, dash: DASH.f })),
    ...ex.keys.map((k) => ({ text: k.text, color: ex.theme.foreground, dash: k.dash })),
  ];
}

/** Flow layout of legend items in rows no wider than `width`; `measure` gives a text's width. */
function layoutLegend(
  items: LegendItem[],
  width: number,
  measure: (s: string) => number,
): { x: number; row: number }[] {
  let x = PAD;
  let row = 0;
  return items.map((it) => {
    const w = SAMPLE_W + 6 + measure(it.text) + 18;
    if (x + w > width - PAD && x > PAD) [x, row] = [PAD, row + 1];
    const at = { x, row };
    x += w;
    return at;
  });
}

/** A text measurer for a CSS font (both images lay the legend out with real text widths). */
function textWidth(cssFont: string): (s: string) => number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = cssFont;
  return (s) => ctx.measureText(s).width;
}

/** PNG (base64, no `data:` prefix) of the chart with title, axis labels and legend. */
export function graphPng(graph: GraphView, ex: ChartExport): string {
  const src = graph.chart.canvas;
  const cssW = src.clientWidth || src.width;
  const cssH = src.clientHeight || src.height;
  const dpr = src.width / Math.max(1, cssW) || 1;
  const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${ex.theme.font}`;
  const W = cssW + YLABEL_W + 2 * PAD;
  const items = legendItems(ex);
  const at = layoutLegend(items, W, textWidth(font(12)));
  const rows = at.length ? at[at.length - 1].row + 1 : 0;
  const legendTop = PAD + TITLE_H + cssH + AXIS_H;
  const H = legendTop + rows * ROW_H + PAD;
  const out = document.createElement('canvas');
  out.width = Math.round(W * dpr);
  out.height = Math.round(H * dpr);
  const ctx = out.getContext('2d')!;
  ctx.scale(dpr, dpr);
  ctx.fillStyle = ex.theme.background;
  ctx.fillRect(0, 0, W, H);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = ex.theme.foreground;
  ctx.font = font(15, true);
  ctx.fillText(ex.title, PAD, PAD + TITLE_H / 2, W - 2 * PAD);
  ctx.drawImage(src, PAD + YLABEL_W, PAD + TITLE_H, cssW, cssH);
  ctx.font = font(12);
  ctx.fillStyle = ex.theme.muted;
  ctx.textAlign = 'center';
  ctx.fillText(ex.xLabel, PAD + YLABEL_W + cssW / 2, PAD + TITLE_H + cssH + AXIS_H / 2);
  ctx.save();
  ctx.translate(PAD + 7, PAD + TITLE_H + cssH / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(ex.yLabel, 0, 0);
  ctx.restore();
  ctx.textAlign = 'left';
  items.forEach((it, i) => {
    const y = legendTop + at[i].row * ROW_H + ROW_H / 2;
    ctx.strokeStyle = it.color;
    ctx.lineWidth = 3;
    ctx.setLineDash(it.dash);
    ctx.beginPath();
    ctx.moveTo(at[i].x, y);
    ctx.lineTo(at[i].x + SAMPLE_W, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = ex.theme.foreground;
    ctx.fillText(it.text, at[i].x + SAMPLE_W + 6, y);
  });
  return out.toDataURL('image/png').split(',')[1] ?? '';
}

/** Text safe inside SVG markup (element content and attribute values). */
function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** About five round tick values (1, 2 or 5 × 10ⁿ apart) inside [a, b]. */
function niceTicks(a: number, b: number): number[] {
  const span = b - a;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const raw = span / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.ceil(a / step) * step; v <= b + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : +v.toPrecision(12));
  return out;
}

/**
 * SVG path data of one sampled line, broken where a sample is not finite and, given the axis
 * range `poles`, between neighbours beyond opposite edges of it (a pole, as on the chart).
 */
function pathData(
  values: Float64Array,
  px: (i: number) => number,
  py: (v: number) => number,
  poles?: [number, number],
): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const u = values[i - 1];
    if (poles && ((u > poles[1] && v < poles[0]) || (u < poles[0] && v > poles[1]))) pen = false;
    // Far outside the view the line is clipped anyway; keep coordinates small.
    const y = Math.max(-1e5, Math.min(1e5, py(v)));
    d += `${pen ? 'L' : 'M'}${px(i).toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** An SVG document of the chart: curves from the samples, axes, grid, labels, title and legend. */
export function graphSvg(graph: GraphView, ex: ChartExport): string {
  const { x, y, y2, lines } = graph.exportLines();
  const th = ex.theme;
  const W = 800;
  const plot = { left: PAD + YLABEL_W + 44, top: PAD + TITLE_H, width: 0, height: 420 };
  plot.width = W - plot.left - PAD - (y2 ? 56 : 8);
  const items = legendItems(ex);
  const at = layoutLegend(items, W, textWidth(`12px ${th.font}`));
  const rows = at.length ? at[at.length - 1].row + 1 : 0;
  const legendTop = plot.top + plot.height + AXIS_H + 20;
  const H = legendTop + rows * ROW_H + PAD;
  const px = (i: number) => plot.left + (i / (SAMPLES - 1)) * plot.width;
  const sx = (v: number) => plot.left + ((v - x[0]) / (x[1] - x[0])) * plot.width;
  const sy = (v: number, r: [number, number]) =>
    plot.top + plot.height - ((v - r[0]) / (r[1] - r[0])) * plot.height;
  const el: string[] = [];
  // Presentation attributes, no <style>: an SVG inlined into HTML reads <style> as raw text.
  const fg = `fill="${escapeXml(th.foreground)}"`;
  const muted = `fill="${escapeXml(th.muted)}"`;
  const text = (tx: number, ty: number, s: string, attrs = '') =>
    `<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}" ${/fill=/.test(attrs) ? '' : fg} ${attrs}>${escapeXml(s)}</text>`;
  el.push(`<rect width="${W}" height="${H}" fill="${escapeXml(th.background)}"/>`);
  el.push(text(PAD, PAD + TITLE_H / 2, ex.title, 'font-size="15" font-weight="bold"'));
  for (const v of niceTicks(x[0], x[1])) {
    const X = sx(v).toFixed(1);
    el.push(
      `<line x1="${X}" x2="${X}" y1="${plot.top}" y2="${plot.top + plot.height}" stroke="${escapeXml(v === 0 ? th.axis : th.grid)}"/>`,
      text(sx(v), plot.top + plot.height + 14, tickLabel(v), `text-anchor="middle" ${muted}`),
    );
  }
  for (const v of niceTicks(y[0], y[1])) {
    const Y = sy(v, y).toFixed(1);
    el.push(
      `<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${Y}" y2="${Y}" stroke="${escapeXml(v === 0 ? th.axis : th.grid)}"/>`,
      text(plot.left - 6, sy(v, y) + 4, tickLabel(v), `text-anchor="end" ${muted}`),
    );
  }
  if (y2) {
    for (const v of niceTicks(y2[0], y2[1]))
      el.push(text(plot.left + plot.width + 6, sy(v, y2) + 4, tickLabel(v), muted));
    if (ex.y2Label)
      el.push(
        text(
          W - PAD,
          plot.top + plot.height / 2,
          ex.y2Label,
          `${muted} transform="rotate(90 ${W - PAD} ${plot.top + plot.height / 2})" text-anchor="middle"`,
        ),
      );
  }
  el.push(
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}" fill="none" stroke="${escapeXml(th.grid)}"/>`,
  );
  const clip = `<clipPath id="plot"><rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}"/></clipPath>`;
  const curves = lines.map((l: ExportLine) => {
    const range = l.axis === 'y2' && y2 ? y2 : y;
    const d = pathData(l.values, px, (v) => sy(v, range), l.poles ? range : undefined);
    const dash = l.dash.length ? ` stroke-dasharray="${l.dash.join(' ')}"` : '';
    return `<path d="${d}" fill="none" stroke="${escapeXml(l.color)}" stroke-width="${(th.lineWidth * l.weight).toFixed(2)}"${dash}><title>${escapeXml(l.label)}</title></path>`;
  });
  el.push(`<g clip-path="url(#plot)">${curves.join('')}</g>`);
  el.push(
    text(
      plot.left + plot.width / 2,
      plot.top + plot.height + AXIS_H + 12,
      ex.xLabel,
      `text-anchor="middle" ${muted}`,
    ),
  );
  const cy = plot.top + plot.height / 2;
  el.push(
    text(
      PAD + 8,
      cy,
      ex.yLabel,
      `text-anchor="middle" ${muted} transform="rotate(-90 ${PAD + 8} ${cy})"`,
    ),
  );
  items.forEach((it, i) => {
    const ly = legendTop + at[i].row * ROW_H + ROW_H / 2;
    const dash = it.dash.length ? ` stroke-dasharray="${it.dash.join(' ')}"` : '';
    el.push(
      `<line x1="${at[i].x}" x2="${at[i].x + SAMPLE_W}" y1="${ly}" y2="${ly}" stroke="${escapeXml(it.color)}" stroke-width="3"${dash}/>`,
      text(at[i].x + SAMPLE_W + 6, ly + 4, it.text),
    );
  });
  const svgAttrs = `width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(th.font)}" font-size="12"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${svgAttrs}><defs>${clip}</defs>${el.join('')}</svg>\n`;
}
