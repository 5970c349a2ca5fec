/**
 * Zoom and pan of the graph by mouse wheel, drag, double-click and keyboard, plus the pointer
 * position for the crosshair. Ranges are in data units; the graph resamples after each change,
 * so zooming in shows detail rather than stretched pixels.
 */
import type { Chart } from 'chart.js';
import { MAX_SPAN, MIN_SPAN } from '../state';

export interface ZoomPanHost {
  chart: Chart<'line', { x: number; y: number }[]>;
  ranges(): { x: [number, number]; y: [number, number] };
  setRanges(x: [number, number], y: [number, number] | null): void;
  reset(): void;
  /** Pointer moved to data x (or left the plot: `null`). */
  crosshair(x: number | null): void;
  crosshairX(): number | null;
}

type Range = [number, number];

/** Scales a range about `c` by `k`, within the allowed spans and magnitudes. */
export function zoomRange([a, b]: Range, c: number, k: number): Range {
  const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (b - a) * k));
  const t = (c - a) / (b - a);
  return clampRange([c - t * span, c - t * span + span]);
}

function clampRange([a, b]: Range): Range {
  const lim = 1e5;
  if (a < -lim) return [-lim, -lim + (b - a)];
  if (b > lim) return [lim - (b - a), lim];
  return [a, b];
}

export function attachZoomPan(canvas: HTMLCanvasElement, host: ZoomPanHost): void {
  const toData = (e: { offsetX: number; offsetY: number }) => {
    const { x, y } = host.chart.scales;
    return { x: x.getValueForPixel(e.offsetX) ?? 0, y: y.getValueForPixel(e.offsetY) ?? 0 };
  };
  const inside = (e: { offsetX: number; offsetY: number }) => {
    const a = host.chart.chartArea;
    return (
      e.offsetX >= a.left && e.offsetX <= a.right && e.offsetY >= a.top && e.offsetY <= a.bottom
    );
  };

  canvas.addEventListener(
    'wheel',
    (e) => {
      if (!inside(e)) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const k = Math.exp(Math.max(-200, Math.min(200, e.deltaY * unit)) * 0.002);
      const c = toData(e);
      const r = host.ranges();
      host.setRanges(
        e.altKey ? r.x : zoomRange(r.x, c.x, k),
        e.shiftKey ? r.y : zoomRange(r.y, c.y, k),
      );
    },
    { passive: false },
  );

  let drag: { px: number; py: number; x: Range; y: Range; id: number } | undefined;
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || !inside(e)) return;
    const r = host.ranges();
    drag = { px: e.offsetX, py: e.offsetY, x: r.x, y: r.y, id: e.pointerId };
    canvas.setPointerCapture(e.pointerId);
    canvas.classList.add('dragging');
    host.crosshair(null);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (drag && e.pointerId === drag.id) {
      const a = host.chart.chartArea;
      const dx = ((e.offsetX - drag.px) / (a.right - a.left)) * (drag.x[1] - drag.x[0]);
      const dy = ((e.offsetY - drag.py) / (a.bottom - a.top)) * (drag.y[1] - drag.y[0]);
      host.setRanges(
        clampRange([drag.x[0] - dx, drag.x[1] - dx]),
        clampRange([drag.y[0] + dy, drag.y[1] + dy]),
      );
      return;
    }
    host.crosshair(inside(e) ? toData(e).x : null);
  });
  const endDrag = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    drag = undefined;
    canvas.classList.remove('dragging');
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('pointerleave', () => {
    if (!drag) host.crosshair(null);
  });
  canvas.addEventListener('dblclick', () => host.reset());

  canvas.addEventListener('keydown', (e) => {
    const r = host.ranges();
    const w = r.x[1] - r.x[0];
    const hgt = r.y[1] - r.y[0];
    const cx = (r.x[0] + r.x[1]) / 2;
    const cy = (r.y[0] + r.y[1]) / 2;
    const pan = (dx: number, dy: number) =>
      host.setRanges(
        clampRange([r.x[0] + dx, r.x[1] + dx]),
        clampRange([r.y[0] + dy, r.y[1] + dy]),
      );
    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      const at = host.crosshairX() ?? cx;
      const next = at + (e.key === 'ArrowLeft' ? -w : w) / 100;
      host.crosshair(Math.min(r.x[1], Math.max(r.x[0], next)));
    } else if (e.key === 'ArrowLeft') pan(-w / 10, 0);
    else if (e.key === 'ArrowRight') pan(w / 10, 0);
    else if (e.key === 'ArrowUp') pan(0, hgt / 10);
    else if (e.key === 'ArrowDown') pan(0, -hgt / 10);
    else if (e.key === '+' || e.key === '=')
      host.setRanges(zoomRange(r.x, cx, 0.8), zoomRange(r.y, cy, 0.8));
    else if (e.key === '-' || e.key === '_')
      host.setRanges(zoomRange(r.x, cx, 1.25), zoomRange(r.y, cy, 1.25));
    else if (e.key === '0' || e.key === 'Home') host.reset();
    else if (e.key === 'Escape') host.crosshair(null);
    else return;
    e.preventDefault();
  });
}
