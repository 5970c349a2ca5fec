/**
 * The decision boundary: the network's output on a grid, painted into an ImageData one pixel per
 * cell and scaled up smoothly, with the data points drawn over it (training points filled, test
 * points as rings). Binary: the colour leans to a class by |p − ½|; several classes: the argmax
 * class's colour by its confidence; 2-D regression: ŷ on a two-colour scale. A 1-D regression
 * (sine) is drawn as the fitted curve through the points instead.
 */
import type { DataMessage } from '../../src/core/protocol/workerProtocol';
import type { Theme } from '../theme';

type Rgb = [number, number, number];

/** Colours of a boundary picture, resolved to RGB once per theme. */
export interface HeatmapColors {
  background: Rgb;
  classes: Rgb[];
  foreground: string;
  muted: string;
  backgroundCss: string;
  classCss: string[];
  lineWidth: number;
}

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour as RGB (through a canvas, which normalises every syntax). */
function toRgb(color: string): Rgb {
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return [128, 128, 128];
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#808080';
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const d = probe.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2]];
}

/**
 * Class 0 orange, class 1 blue, class 2 green (Playground's convention, from the theme's chart
 * colours), then the rest of the palette for a file's further classes.
 */
export function heatmapColors(theme: Theme): HeatmapColors {
  const classCss = [
    theme.palette[1],
    theme.palette[0],
    theme.palette[2],
    ...theme.palette.slice(3),
  ];
  return {
    background: toRgb(theme.background),
    classes: classCss.map(toRgb),
    foreground: theme.foreground,
    muted: theme.muted,
    backgroundCss: theme.background,
    classCss,
    lineWidth: theme.lineWidth,
  };
}

/** Strongest tint of a cell; the points must stay visible over it. */
const TINT = 0.5;

/**
 * The CSS size of every painted canvas, kept up to date by one ResizeObserver: a frame that
 * reads `clientWidth` after a DOM write forces a layout, and a race paints six canvases a frame.
 */
const cssSizes = new WeakMap<Element, { w: number; h: number }>();
const sizeObserver = new ResizeObserver((entries) => {
  for (const e of entries) {
    const box = e.contentBoxSize?.[0];
    if (box) cssSizes.set(e.target, { w: box.inlineSize, h: box.blockSize });
  }
});

export class BoundaryPainter {
  private readonly cells = document.createElement('canvas');
  private image: ImageData | undefined;
  /** Target range of a regression dataset (for its colour scale). */
  private lo = -1;
  private hi = 1;

  constructor(private readonly canvas: HTMLCanvasElement) {
    sizeObserver.observe(canvas);
  }

  /** Stops following the canvas's size (its lane or view is gone). */
  dispose(): void {
    sizeObserver.unobserve(this.canvas);
  }

  /** Remembers the data (called once per start). */
  setData(data: DataMessage): void {
    this.data = data;
    this.pointsKey = '';
    if (data.kind === 'regression') {
      let lo = Infinity;
      let hi = -Infinity;
      for (const l of data.train.label) {
        if (l < lo) lo = l;
        if (l > hi) hi = l;
      }
      this.lo = Number.isFinite(lo) ? lo : -1;
      this.hi = hi > lo ? hi : lo + 1;
    }
  }
  private data: DataMessage | undefined;
  /** The points drawn once and reused every frame (they do not move while training runs). */
  private readonly pointsLayer = document.createElement('canvas');
  private pointsKey = '';

  /** Paints the grid (or curve) and the points at the canvas's CSS size × device pixel ratio. */
  draw(grid: Float32Array | undefined, res: number, channels: number, c: HeatmapColors): void {
    const ctx = this.resize();
    if (!ctx) return;
    const { width: w, height: h } = this.canvas;
    ctx.fillStyle = c.backgroundCss;
    ctx.fillRect(0, 0, w, h);
    const d = this.data;
    if (!d) return;
    if (d.inputDims === 1) {
      this.drawCurve(ctx, d, grid, res, c);
      return;
    }
    if (grid && res > 0) {
      this.paintCells(grid, res, channels, d, c);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.cells, 0, 0, w, h);
    }
    this.cachedPoints(ctx, d, c);
  }

  /** Draws the points from a cached layer, redrawn only when the size or the colours change. */
  private cachedPoints(ctx: CanvasRenderingContext2D, d: DataMessage, c: HeatmapColors): void {
    const { width: w, height: h } = this.canvas;
    const key = `${w}x${h} ${c.foreground} ${c.backgroundCss} ${c.classCss.join(' ')}`;
    if (key !== this.pointsKey) {
      this.pointsLayer.width = w;
      this.pointsLayer.height = h;
      const pc = this.pointsLayer.getContext('2d');
      if (!pc) return this.drawPoints(ctx, d, c);
      pc.clearRect(0, 0, w, h);
      this.drawPoints(pc, d, c);
      this.pointsKey = key;
    }
    ctx.drawImage(this.pointsLayer, 0, 0);
  }

  private resize(): CanvasRenderingContext2D | null {
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    // The observed size once known; before the first observation, one read of the layout.
    const size = cssSizes.get(this.canvas) ?? {
      w: this.canvas.clientWidth,
      h: this.canvas.clientHeight,
    };
    const cssW = size.w || Number(this.canvas.getAttribute('width')) || 240;
    const cssH = size.h || cssW;
    const w = Math.round(cssW * dpr);
    const h = Math.round(cssH * dpr);
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    return this.canvas.getContext('2d');
  }

  private paintCells(
    grid: Float32Array,
    res: number,
    K: number,
    d: DataMessage,
    c: HeatmapColors,
  ): void {
    if (this.cells.width !== res) {
      this.cells.width = res;
      this.cells.height = res;
      this.image = undefined;
    }
    const cx = this.cells.getContext('2d');
    if (!cx) return;
    this.image ??= cx.createImageData(res, res);
    const px = this.image.data;
    const bg = c.background;
    const [c0, c1] = c.classes;
    const span = this.hi - this.lo;
    const mix: Rgb = [0, 0, 0];
    for (let i = 0; i < res * res; i++) {
      let col: Rgb;
      let a: number;
      if (K > 1) {
        // The class colours weighted by their probabilities, tinted by the confidence: smooth
        // where the network hesitates, the winning colour where it is sure.
        let pMax = 0;
        mix[0] = mix[1] = mix[2] = 0;
        for (let k = 0; k < K; k++) {
          const p = grid[i * K + k];
          const ck = c.classes[k % c.classes.length];
          mix[0] += p * ck[0];
          mix[1] += p * ck[1];
          mix[2] += p * ck[2];
          if (p > pMax) pMax = p;
        }
        col = mix;
        a = ((pMax - 1 / K) / (1 - 1 / K)) * TINT;
      } else {
        const t = d.kind === 'regression' ? (2 * (grid[i] - this.lo)) / span - 1 : 2 * grid[i] - 1;
        const u = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
        col = u >= 0 ? c1 : c0;
        a = Math.abs(u) * TINT;
      }
      const o = i * 4;
      px[o] = bg[0] + (col[0] - bg[0]) * a;
      px[o + 1] = bg[1] + (col[1] - bg[1]) * a;
      px[o + 2] = bg[2] + (col[2] - bg[2]) * a;
      px[o + 3] = 255;
    }
    cx.putImageData(this.image, 0, 0);
  }

  private pointColor(label: number, d: DataMessage, c: HeatmapColors): string {
    if (d.kind === 'classification') return c.classCss[label % c.classCss.length] ?? c.foreground;
    // A regression target: from the low colour to the high one.
    const u = Math.max(0, Math.min(1, (label - this.lo) / (this.hi - this.lo)));
    const [a, b] = c.classes;
    const ch = (k: number) => Math.round(a[k] + (b[k] - a[k]) * u);
    return `rgb(${ch(0)}, ${ch(1)}, ${ch(2)})`;
  }

  private drawPoints(ctx: CanvasRenderingContext2D, d: DataMessage, c: HeatmapColors): void {
    const { width: w, height: h } = this.canvas;
    const e = d.extent;
    const sx = w / (e.xMax - e.xMin);
    const sy = h / (e.yMax - e.yMin);
    const r = Math.max(2, w / 110);
    ctx.lineWidth = Math.max(1, r / 2.5);
    const split = (s: DataMessage['train'], filled: boolean) => {
      for (let i = 0; i < s.x.length; i++) {
        const px = (s.x[i] - e.xMin) * sx;
        const py = (e.yMax - s.y[i]) * sy;
        const col = this.pointColor(s.label[i], d, c);
        ctx.beginPath();
        ctx.arc(px, py, r, 0, 2 * Math.PI);
        // Training points: the class colour ringed in the text colour; test points: a ring of
        // the class colour on the background colour. Both stay visible on their own class's tint.
        ctx.fillStyle = filled ? col : c.backgroundCss;
        ctx.fill();
        ctx.strokeStyle = filled ? c.foreground : col;
        ctx.stroke();
      }
    };
    split(d.train, true);
    split(d.test, false);
  }

  private drawCurve(
    ctx: CanvasRenderingContext2D,
    d: DataMessage,
    curve: Float32Array | undefined,
    res: number,
    c: HeatmapColors,
  ): void {
    const { width: w, height: h } = this.canvas;
    const e = d.extent;
    const X = (x: number) => ((x - e.xMin) / (e.xMax - e.xMin)) * w;
    const Y = (y: number) => ((e.yMax - y) / (e.yMax - e.yMin)) * h;
    ctx.strokeStyle = c.muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, Y(0));
    ctx.lineTo(w, Y(0));
    ctx.stroke();
    this.drawPoints(ctx, d, { ...c, classCss: [c.muted, c.muted] });
    if (!curve || res <= 0) return;
    ctx.strokeStyle = c.classCss[1];
    ctx.lineWidth = c.lineWidth * Math.min(2, window.devicePixelRatio || 1);
    ctx.beginPath();
    const dx = (e.xMax - e.xMin) / res;
    for (let i = 0; i < res; i++) {
      const y = Math.max(e.yMin - 10, Math.min(e.yMax + 10, curve[i]));
      const px = X(e.xMin + (i + 0.5) * dx);
      if (i === 0) ctx.moveTo(px, Y(y));
      else ctx.lineTo(px, Y(y));
    }
    ctx.stroke();
  }
}
