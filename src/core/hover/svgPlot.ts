/**
 * A small SVG line plot of an activation f and its derivative f′ (300 × 130 px) for hovers
 * and completion documentation, drawn in the colours of the editor's theme kind. Pure string
 * building: no DOM. The caller samples the curves; this module only maps them to pixels.
 */

/** VS Code's four theme kinds (`ColorThemeKind` Light, Dark, HighContrast, HighContrastLight). */
export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** One sampled curve. `xs` ascending; non-finite `ys` and `breakAfter` indices break the line. */
export interface PlotSeries {
  role: 'f' | 'df';
  label: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** Indices i where the segment from point i to point i + 1 is not drawn (a jump at a kink). */
  breakAfter?: ReadonlySet<number>;
}

export interface PlotOptions {
  theme: ThemeKind;
  x0: number;
  x1: number;
  width?: number;
  height?: number;
  /** Accessible title of the image (`<title>`). */
  title?: string;
}

/** Colours of one theme kind: transparent background, so the hover's own background shows. */
interface Palette {
  /** Backdrop of the legend only, translucent, so a curve under it does not hide the labels. */
  legendBg: string;
  f: string;
  df: string;
  axis: string;
  zero: string;
  text: string;
  lineWidth: number;
}

const PALETTES: Record<ThemeKind, Palette> = {
  light: {
    legendBg: '#ffffff',
    f: '#0065c2',
    df: '#c25400',
    axis: '#8a8a8a',
    zero: '#b0b0b0',
    text: '#3b3b3b',
    lineWidth: 1.6,
  },
  dark: {
    legendBg: '#1e1e1e',
    f: '#4fb3ff',
    df: '#ffa657',
    axis: '#7a7a7a',
    zero: '#5a5a5a',
    text: '#c8c8c8',
    lineWidth: 1.6,
  },
  highContrast: {
    legendBg: '#000000',
    f: '#00ffff',
    df: '#ffd700',
    axis: '#ffffff',
    zero: '#c0c0c0',
    text: '#ffffff',
    lineWidth: 2.2,
  },
  highContrastLight: {
    legendBg: '#ffffff',
    f: '#0f4a85',
    df: '#a1260d',
    axis: '#000000',
    zero: '#4d4d4d',
    text: '#000000',
    lineWidth: 2.2,
  },
};

/** The colours used for `theme` (exported for tests and for legends drawn elsewhere). */
export function paletteOf(theme: ThemeKind): Readonly<Palette> {
  return PALETTES[theme] ?? PALETTES.dark;
}

/**
 * "Nice" tick values covering [lo, hi]: multiples of 1, 2 or 5 × 10^k with about `target` ticks.
 * Returns an empty list for an empty or non-finite interval.
 */
export function niceTicks(lo: number, hi: number, target = 4): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi)) || hi <= lo) return [];
  const raw = (hi - lo) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  // The step of 1, 2 or 5 × 10^k whose tick count is closest to the target.
  let step = mag;
  for (const m of [1, 2, 5, 10]) {
    if (Math.abs((hi - lo) / (m * mag) - target) < Math.abs((hi - lo) / step - target))
      step = m * mag;
  }
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    out.push(k === 0 ? 0 : Number((k * step).toPrecision(12)));
    if (out.length > 20) break;
  }
  return out;
}

/** Tick label: at most 3 significant digits, `−` for minus, `e` notation when very large/small. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e4 || a < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(3)));
  return s.replace('-', '−');
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Escapes text for an SVG text node or attribute. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The y interval shown: every finite sample, always including 0, padded by 8 %. */
function yRange(series: readonly PlotSeries[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const s of series) {
    for (let i = 0; i < s.ys.length; i++) {
      const y = s.ys[i];
      if (!Number.isFinite(y)) continue;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  }
  if (hi - lo < 1e-12) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** SVG path data of one series in pixel space, clamped to the plot rectangle. */
function pathData(
  s: PlotSeries,
  px: (x: number) => number,
  py: (y: number) => number,
  box: { top: number; bottom: number },
): string {
  const parts: string[] = [];
  let pen = false;
  const n = Math.min(s.xs.length, s.ys.length);
  for (let i = 0; i < n; i++) {
    const y = s.ys[i];
    if (!Number.isFinite(y) || !Number.isFinite(s.xs[i])) {
      pen = false;
      continue;
    }
    const Y = Math.min(box.bottom, Math.max(box.top, py(y)));
    parts.push(`${pen ? 'L' : 'M'}${r1(px(s.xs[i]))} ${r1(Y)}`);
    pen = !s.breakAfter?.has(i);
  }
  return parts.join('');
}

/** Font size of the tick labels and the legend: as large as the hover's own small text. */
const FONT = 11;

/**
 * The plot's default size in CSS pixels. 130 px high: under a hover's name and parameters it
 * still fits VS Code's usual hover height of 250 px, so the plot shows without scrolling.
 */
export const PLOT_SIZE = { width: 300, height: 130 } as const;

/** A legend label, escaped, with its prime marks enlarged: at 11 px a sans-serif ′ is a speck
 * and f′ reads as f. */
function legendLabel(label: string): string {
  return esc(label).replace(/[′″]+/g, (m) => `<tspan font-size="${FONT + 5}">${m}</tspan>`);
}

/** Rough width of a tick label in pixels (digits and `−` are about 0.6 em wide). */
const labelWidth = (text: string) => text.length * FONT * 0.62;

/**
 * Draws the series as an SVG document string of `width × height` pixels (default `PLOT_SIZE`):
 * a frame, the lines x = 0 and y = 0, tick labels on both axes, f solid and f′ dashed, and a
 * legend. The y range covers every finite sample and 0; the x range is [x0, x1].
 */
export function plotSvg(series: readonly PlotSeries[], opts: PlotOptions): string {
  const W = opts.width ?? PLOT_SIZE.width;
  const H = opts.height ?? PLOT_SIZE.height;
  const pal = paletteOf(opts.theme);
  const box = { left: 6 + 3 * FONT, right: W - 6, top: 6, bottom: H - FONT - 8 };
  const [x0, x1] = opts.x1 > opts.x0 ? [opts.x0, opts.x1] : [-5, 5];
  const [y0, y1] = yRange(series);
  const px = (x: number) => box.left + ((x - x0) / (x1 - x0)) * (box.right - box.left);
  const py = (y: number) => box.bottom - ((y - y0) / (y1 - y0)) * (box.bottom - box.top);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="${FONT}">`,
  ];
  if (opts.title) out.push(`<title>${esc(opts.title)}</title>`);
  out.push(
    `<rect x="${box.left}" y="${box.top}" width="${box.right - box.left}" height="${box.bottom - box.top}" fill="none" stroke="${pal.axis}" stroke-width="0.8"/>`,
  );
  const zero: string[] = [];
  if (x0 < 0 && x1 > 0) zero.push(`M${r1(px(0))} ${box.top}V${box.bottom}`);
  zero.push(`M${box.left} ${r1(py(0))}H${box.right}`);
  out.push(`<path d="${zero.join('')}" stroke="${pal.zero}" stroke-width="0.8" fill="none"/>`);
  for (const t of niceTicks(x0, x1, 5)) {
    const X = r1(px(t));
    // A label centred on a tick at the right edge would run past the image (`1000` at x1).
    const label = tickLabel(t);
    const [lx, anchor] = X + labelWidth(label) / 2 > W - 1 ? [W - 1, 'end'] : [X, 'middle'];
    out.push(
      `<path d="M${X} ${box.bottom}v3" stroke="${pal.axis}"/><text x="${lx}" y="${H - 4}" fill="${pal.text}" text-anchor="${anchor}">${label}</text>`,
    );
  }
  for (const t of niceTicks(y0, y1, 4)) {
    const Y = r1(py(t));
    out.push(
      `<path d="M${box.left - 3} ${Y}h3" stroke="${pal.axis}"/><text x="${box.left - 5}" y="${r1(Y + FONT * 0.35)}" fill="${pal.text}" text-anchor="end">${tickLabel(t)}</text>`,
    );
  }
  // Draw f′ first so f stays on top where they overlap.
  const ordered = [...series].sort((a, b) => (a.role === b.role ? 0 : a.role === 'df' ? -1 : 1));
  for (const s of ordered) {
    const colour = s.role === 'f' ? pal.f : pal.df;
    const dash = s.role === 'df' ? ' stroke-dasharray="5 3"' : '';
    out.push(
      `<path d="${pathData(s, px, py, box)}" stroke="${colour}" stroke-width="${pal.lineWidth}"${dash} fill="none" stroke-linejoin="round"/>`,
    );
  }
  const row = FONT + 4;
  let ly = box.top + 4 + FONT;
  out.push(
    `<rect x="${box.left + 3}" y="${box.top + 3}" width="${24 + 2.5 * FONT}" height="${series.length * row + 6}" fill="${pal.legendBg}" fill-opacity="0.8"/>`,
  );
  for (const s of series) {
    const colour = s.role === 'f' ? pal.f : pal.df;
    const dash = s.role === 'df' ? ' stroke-dasharray="5 3"' : '';
    out.push(
      `<path d="M${box.left + 7} ${r1(ly - FONT * 0.35)}h16" stroke="${colour}" stroke-width="${pal.lineWidth}"${dash}/><text x="${box.left + 27}" y="${ly}" fill="${pal.text}">${legendLabel(s.label)}</text>`,
    );
    ly += row;
  }
  out.push('</svg>');
  return out.join('');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string (the core has no `TextEncoder` in its lib). */
function utf8(s: string): number[] {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      bytes.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  return bytes;
}

/** Base64 of the UTF-8 encoding of `s` (RFC 4648, with padding). */
export function base64Utf8(s: string): string {
  const b = utf8(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

/** `data:image/svg+xml;base64,…` URI of an SVG document, usable as a Markdown image source. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}
