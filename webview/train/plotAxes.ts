/**
 * Axes in the file's units around a decision-boundary canvas, for data from a file: the network
 * works on standardised inputs, but the person reads the plot in centimetres (or whatever the
 * columns hold). Tick labels, axis titles (the column names) and the class legend are DOM text
 * next to the canvas, set with `textContent`. For a built-in dataset the frame shows the canvas
 * alone, as before.
 */
import { fileUnitTicks, type AxisTick } from '../../src/core/data/axisTicks';
import type { DataMessage } from '../../src/core/protocol/workerProtocol';
import { el } from '../dom';
import type { HeatmapColors } from './heatmap';

type Scale = NonNullable<DataMessage['table']>;

/** The y axis of a data message in the file's units: the second input, the target, or classes. */
function yTicks(d: DataMessage, s: Scale, count: number): { ticks: AxisTick[]; title: string } {
  const e = d.extent;
  if (d.inputDims === 2)
    return {
      ticks: fileUnitTicks(e.yMin, e.yMax, s.inputs.mean[1], s.inputs.std[1], count),
      title: s.inputNames[1] ?? '',
    };
  if (d.kind === 'regression')
    return {
      ticks: fileUnitTicks(e.yMin, e.yMax, s.target.mean, s.target.std, count),
      title: s.targetName,
    };
  // One input, classes: a point's height is its class index.
  const names = s.classes ?? [];
  const ticks = names.map((label, k) => ({
    value: k,
    label,
    at: (k - e.yMin) / (e.yMax - e.yMin),
  }));
  return { ticks, title: s.targetName };
}

export class PlotAxes {
  readonly element: HTMLElement;
  private readonly xTicks = el('div', 'x-ticks');
  private readonly yTicksBox = el('div', 'y-ticks');
  private readonly xTitle = el('div', 'x-title');
  private readonly yTitle = el('div', 'y-title');
  private readonly legend = el('ul', 'class-legend');

  /** `small`: fewer ticks (the race's and gradient view's small pictures). */
  constructor(
    canvas: HTMLCanvasElement,
    private readonly small = false,
  ) {
    this.xTicks.dataset.role = 'x-ticks';
    this.yTicksBox.dataset.role = 'y-ticks';
    this.legend.dataset.role = 'class-legend';
    for (const e of [this.xTicks, this.yTicksBox]) e.setAttribute('aria-hidden', 'true');
    this.element = el(
      'div',
      'plot-axes',
      this.yTitle,
      this.yTicksBox,
      canvas,
      this.xTicks,
      this.xTitle,
      this.legend,
    );
    this.set(undefined);
  }

  /** Shows axes for a file's data (hidden for a built-in dataset), class names in their colours. */
  set(d: DataMessage | undefined, colors?: HeatmapColors): void {
    const s = d?.table;
    this.element.classList.toggle('with-axes', !!s);
    if (!d || !s) {
      for (const e of [this.xTicks, this.yTicksBox, this.xTitle, this.yTitle, this.legend])
        e.replaceChildren();
      return;
    }
    const count = this.small ? 3 : 6;
    const e = d.extent;
    const x = fileUnitTicks(e.xMin, e.xMax, s.inputs.mean[0], s.inputs.std[0], count);
    this.xTicks.replaceChildren(...x.map((k) => tick(k, 'x')));
    const y = yTicks(d, s, count);
    this.yTicksBox.replaceChildren(...y.ticks.map((k) => tick(k, 'y')));
    // The labels are placed absolutely, so the column is as wide as the longest one says.
    const longest = Math.max(0, ...y.ticks.map((k) => k.label.length));
    this.yTicksBox.style.minWidth = `${(longest * 0.62 + 0.4).toFixed(1)}em`;
    this.xTitle.textContent = s.inputNames[0] ?? '';
    this.yTitle.textContent = y.title;
    const classes = d.kind === 'classification' ? (s.classes ?? []) : [];
    this.legend.replaceChildren(
      ...classes.map((name, k) => {
        const swatch = el('span', 'swatch');
        const css = colors?.classCss;
        if (css?.length) swatch.style.background = css[k % css.length];
        return el('li', undefined, swatch, name);
      }),
    );
  }
}

/** One tick label placed along its axis (x: from the left, y: from the bottom). */
function tick(k: AxisTick, axis: 'x' | 'y'): HTMLElement {
  const e = el('span', 'tick', k.label);
  if (axis === 'x') e.style.left = `${(k.at * 100).toFixed(2)}%`;
  else e.style.bottom = `${(k.at * 100).toFixed(2)}%`;
  return e;
}
