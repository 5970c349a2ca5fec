/**
 * The graph's own chart.js plugins: an opaque theme background (so exported PNGs and pixel checks
 * see the theme), the shading of flat-derivative regions under the curves, and the label of the
 * difference curve's maximum.
 */
import type { Plugin } from 'chart.js';
import { fmt } from '../i18n';
import type { Theme } from '../theme';
import type { FlatRegion } from './plotSource';

/** What the plugins read from the graph at draw time. */
export interface GraphVisuals {
  theme(): Theme;
  regions(): FlatRegion[];
  /** The difference's largest |Δ|, when the difference is shown. */
  diffMax(): { x: number; delta: number } | undefined;
}

export function graphPlugins(v: GraphVisuals): Plugin<'line'>[] {
  return [backgroundPlugin(v), shadingPlugin(v), diffLabelPlugin(v)];
}

function backgroundPlugin(v: GraphVisuals): Plugin<'line'> {
  return {
    id: 'alBackground',
    beforeDraw: (chart) => {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = v.theme().background;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

function shadingPlugin(v: GraphVisuals): Plugin<'line'> {
  return {
    id: 'alShading',
    beforeDatasetsDraw: (chart) => {
      if (!v.regions().length) return;
      const { ctx, chartArea: a, scales } = chart;
      ctx.save();
      for (const r of v.regions()) {
        const p0 = Math.max(a.left, scales.x.getPixelForValue(r.x0));
        const p1 = Math.min(a.right, scales.x.getPixelForValue(r.x1));
        ctx.fillStyle = v.theme()[r.kind];
        ctx.fillRect(p0, a.top, p1 - p0, a.bottom - a.top);
      }
      ctx.restore();
    },
  };
}

function diffLabelPlugin(v: GraphVisuals): Plugin<'line'> {
  return {
    id: 'alDiffLabel',
    afterDatasetsDraw: (chart) => {
      const m = v.diffMax();
      if (!m) return;
      const { ctx, chartArea: a, scales } = chart;
      const px = scales.x.getPixelForValue(m.x);
      const py = scales.y2.getPixelForValue(m.delta);
      if (px < a.left || px > a.right) return;
      const text = `max |Δ| = ${fmt(Math.abs(m.delta), 3)} @ x = ${fmt(m.x, 3)}`;
      ctx.save();
      ctx.font = `12px ${v.theme().font}`;
      ctx.fillStyle = v.theme().foreground;
      const w = ctx.measureText(text).width;
      const tx = Math.min(Math.max(px + 8, a.left + 4), a.right - w - 4);
      const ty = Math.min(Math.max(py - 10, a.top + 14), a.bottom - 6);
      ctx.fillText(text, tx, ty);
      ctx.restore();
    },
  };
}
