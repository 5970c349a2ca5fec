/**
 * The crosshair: a vertical line on an overlay canvas (so moving it never redraws the chart) and
 * a read-out table of every curve's f, f′ (and f″) at the pointer's x, evaluated exactly rather
 * than read off the samples.
 */
import type { Chart } from 'chart.js';
import { fmt, t } from '../i18n';
import type { Theme } from '../theme';
import type { PlotSource } from './plotSource';

export class Crosshair {
  private x: number | null = null;
  private readonly overlay: HTMLCanvasElement;
  private sources: PlotSource[] = [];
  private showD2f = false;

  constructor(
    wrap: HTMLElement,
    /** Holds the chart (built on the graph's first redraw; read when drawing). */
    private readonly graph: { readonly chart: Chart<'line', { x: number; y: number }[]> },
    private readonly readout: HTMLElement,
    private theme: Theme,
  ) {
    this.overlay = document.createElement('canvas');
    this.overlay.className = 'overlay';
    this.overlay.setAttribute('aria-hidden', 'true');
    wrap.append(this.overlay);
    new ResizeObserver(() => this.draw()).observe(wrap);
    this.renderReadout();
  }

  setSources(sources: PlotSource[], showD2f: boolean): void {
    this.sources = sources;
    this.showD2f = showD2f;
    this.draw();
    this.renderReadout();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.draw();
  }

  /** Moves the crosshair to data x, or hides it. */
  set(x: number | null): void {
    this.x = x;
    this.draw();
    this.renderReadout();
  }

  get(): number | null {
    return this.x;
  }

  /** Redraws the overlay after the chart changed under it (zoom, parameter change). */
  refresh(): void {
    this.draw();
    if (this.x !== null) this.renderReadout();
  }

  /** Whether the overlay may hold a drawing (it is cleared before the next one). */
  private shown = false;

  private draw(): void {
    // Nothing to show and nothing shown: leave the overlay alone (no layout read and no canvas
    // allocation on the way to the first chart).
    if (this.x === null && !this.shown) return;
    this.shown = this.x !== null;
    const c = this.overlay;
    const dpr = window.devicePixelRatio || 1;
    const w = this.graph.chart.canvas.clientWidth;
    const h = this.graph.chart.canvas.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const x = this.x;
    const a = this.graph.chart.chartArea;
    if (x === null || !a) return;
    const { x: sx, y: sy } = this.graph.chart.scales;
    const px = sx.getPixelForValue(x);
    if (px < a.left || px > a.right) return;
    ctx.strokeStyle = this.theme.muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(px, a.top);
    ctx.lineTo(px, a.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const s of this.sources) {
      if (!s.visible) continue;
      const v = s.at(x);
      const py = sy.getPixelForValue(v.f);
      if (!Number.isFinite(py) || py < a.top || py > a.bottom) continue;
      ctx.fillStyle = s.color;
      ctx.strokeStyle = this.theme.background;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(px, py, 4, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
  }

  private renderReadout(): void {
    const r = this.readout;
    r.replaceChildren();
    const visible = this.sources.filter((s) => s.visible);
    if (this.x === null || visible.length === 0) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = t(
        'Point at the graph to read every curve. Wheel: zoom · drag: pan · double-click: reset · keyboard: arrows, +, −, 0, Shift+arrows move the read-out.',
      );
      r.append(p);
      return;
    }
    const x = this.x;
    const table = document.createElement('table');
    table.className = 'readout-table';
    const head = table.createTHead().insertRow();
    const cols = [`x = ${fmt(x)}`, 'f(x)', 'f′(x)', ...(this.showD2f ? ['f″(x)'] : [])];
    for (const c of cols) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    const body = table.createTBody();
    for (const s of visible) {
      const v = s.at(x);
      const row = body.insertRow();
      const name = document.createElement('th');
      name.scope = 'row';
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = s.color;
      name.append(sw, s.label);
      row.append(name);
      for (const val of [v.f, v.df, ...(this.showD2f ? [v.d2f] : [])])
        row.insertCell().textContent = fmt(val);
    }
    r.append(table);
  }
}
