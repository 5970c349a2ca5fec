/**
 * Chart colours from VS Code's theme variables (`--vscode-*`), re-read whenever VS Code switches
 * the theme (it changes the `vscode-light` / `vscode-dark` / `vscode-high-contrast` body class).
 */
export interface Theme {
  kind: 'light' | 'dark' | 'highContrast' | 'highContrastLight';
  foreground: string;
  muted: string;
  grid: string;
  axis: string;
  background: string;
  focus: string;
  /** One colour per plotted curve, in order of assignment. */
  palette: string[];
  /** Shading of regions where f′ is exactly zero (dead zones). */
  dead: string;
  /** Shading of regions where |f′| is small but not zero (saturation). */
  saturated: string;
  /** Shading of the narrow band around a minimum or maximum of f, where f′ crosses zero. */
  stationary: string;
  /** The difference curve and its maximum. */
  difference: string;
  /** Curve line width in CSS pixels (thicker in high contrast). */
  lineWidth: number;
  font: string;
}

const FALLBACK_DARK = [
  '#3794ff',
  '#d18616',
  '#89d185',
  '#b180d7',
  '#2bb6c4',
  '#d670d6',
  '#f14c4c',
  '#cca700',
];
const FALLBACK_LIGHT = [
  '#1a85ff',
  '#d18616',
  '#388a34',
  '#652d90',
  '#0598bc',
  '#bc05bc',
  '#e51400',
  '#bf8803',
];

const PALETTE_VARS = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-terminal-ansiCyan',
  '--vscode-terminal-ansiMagenta',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
];

function themeKind(): Theme['kind'] {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'highContrastLight';
  if (c.contains('vscode-high-contrast')) return 'highContrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

/** Reads the current theme's colours (with fallbacks for variables a theme does not define). */
export function readTheme(): Theme {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kind = themeKind();
  const light = kind === 'light' || kind === 'highContrastLight';
  const hc = kind === 'highContrast' || kind === 'highContrastLight';
  const fallback = light ? FALLBACK_LIGHT : FALLBACK_DARK;
  const foreground = v(
    '--vscode-editor-foreground',
    v('--vscode-foreground', light ? '#333' : '#ccc'),
  );
  return {
    kind,
    foreground,
    muted: v('--vscode-descriptionForeground', light ? '#717171' : '#9d9d9d'),
    grid: hc
      ? v('--vscode-contrastBorder', foreground)
      : withAlpha(v('--vscode-editorWidget-border', light ? '#c8c8c8' : '#454545'), 0.55),
    axis: v('--vscode-editorLineNumber-foreground', light ? '#6e7681' : '#858585'),
    background: v('--vscode-editor-background', light ? '#ffffff' : '#1e1e1e'),
    focus: v('--vscode-focusBorder', '#007fd4'),
    palette: PALETTE_VARS.map((name, i) => opaque(v(name, fallback[i]))),
    dead: withAlpha(v('--vscode-charts-red', fallback[6]), hc ? 0.3 : 0.16),
    saturated: withAlpha(v('--vscode-charts-yellow', fallback[7]), hc ? 0.3 : 0.16),
    stationary: withAlpha(v('--vscode-charts-purple', fallback[3]), hc ? 0.25 : 0.12),
    difference: foreground,
    lineWidth: hc ? 3 : 2,
    font: v('--vscode-font-family', 'system-ui, sans-serif'),
  };
}

/** Calls `onChange` with the new theme whenever VS Code switches the theme. */
export function watchTheme(onChange: (t: Theme) => void): void {
  let last = '';
  const check = () => {
    const key = document.body.className;
    if (key === last) return;
    last = key;
    onChange(readTheme());
  };
  last = document.body.className;
  new MutationObserver(check).observe(document.body, {
    attributes: true,
    attributeFilter: ['class'],
  });
}

let probe: CanvasRenderingContext2D | null = null;

/** The colour with the given opacity, for any CSS colour the canvas understands. */
export function withAlpha(color: string, alpha: number): string {
  const c = channels(color);
  return c ? `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})` : color;
}

/**
 * The colour without its transparency. Some themes give chart colours an alpha channel (Dark and
 * Light Modern derive `charts.orange` from a find-match highlight, `#EA5C0055`): a curve drawn in
 * it would be a faint brown line, so curves and swatches use the opaque colour.
 */
function opaque(color: string): string {
  const c = channels(color);
  return c ? `rgb(${c[0]}, ${c[1]}, ${c[2]})` : color;
}

/** [r, g, b, a] of any CSS colour the canvas understands (it normalises the syntax for us). */
function channels(color: string): [number, number, number, number] | undefined {
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return undefined;
  probe.fillStyle = '#000';
  probe.fillStyle = color;
  const norm = String(probe.fillStyle);
  const hex = /^#([0-9a-f]{6})$/i.exec(norm);
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [n >> 16, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(norm);
  if (!rgba) return undefined;
  const [r, g, b, a = 1] = rgba[1].split(',').map(Number);
  return [r, g, b, a];
}

/** Whether animations should be skipped: the OS preference or the extension's setting. */
export function reducedMotion(setting: boolean): boolean {
  return setting || matchMedia('(prefers-reduced-motion: reduce)').matches;
}
