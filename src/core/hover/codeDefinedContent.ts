/**
 * The hover of an activation defined in the file (python/codeDefined.ts): its name, the return
 * expression as written, the curve, and the verdict — which catalog entry it equals on the grid,
 * or that none does and which is closest. Source text goes through `mdCode`; catalog names are
 * ours.
 */
import { getActivation } from '../catalog/catalog';
import type { LocalText } from '../catalog/types';
import { localize } from '../catalog/text';
import { compileSampler } from '../formula/compile';
import { GRID_SPAN, type CodeDefined } from '../python/codeDefined';
import { DEFAULT_HOVER_OPTIONS, type HoverOptions } from './hoverContent';
import { fill, L } from './labels';
import { mdCode, mdText } from './markdownSafe';
import { plotSvg, svgDataUri, tickLabel, type PlotSeries } from './svgPlot';

const t = (en: string, ja: string): LocalText => ({ en, ja });

/** Words of this hover. */
export const CL = {
  definedFunction: t(
    '{0}: an activation function defined in this file (line {1})',
    '{0}: このファイルで定義された活性化関数（{1} 行目）',
  ),
  definedClass: t(
    '{0}: an activation module defined in this file (line {1})',
    '{0}: このファイルで定義された活性化モジュール（{1} 行目）',
  ),
  equals: t(
    'Equals **{0}** to {1} on [−{2}, {2}] (catalog defaults).',
    '**{0}** と [−{2}, {2}] で {1} 以内で一致（カタログの既定パラメータ）。',
  ),
  exactly: t(
    'Equals **{0}** exactly on [−{1}, {1}] (catalog defaults).',
    '**{0}** と [−{1}, {1}] で完全に一致（カタログの既定パラメータ）。',
  ),
  noMatch: t(
    'No catalog entry matches: closest is **{0}** (max |Δ| {1} on [−{2}, {2}]).',
    '一致するカタログ項目はありません。最も近いのは **{0}**（[−{2}, {2}] で最大 |Δ| {1}）。',
  ),
  readFrom: t(
    'Read from the code without running it.',
    'コードを実行せずに式として読み取りました。',
  ),
};

/** A bound as a power of ten at or above `d` (`1e-12`). */
function bound(d: number): string {
  return `1e${Math.ceil(Math.log10(d))}`;
}

function verdict(d: CodeDefined, o: HoverOptions): string | undefined {
  const span = String(GRID_SPAN);
  const name = (id: string) => getActivation(id)?.name ?? id;
  if (d.match) {
    return d.match.maxDelta === 0
      ? fill(localize(CL.exactly, o.lang), name(d.match.id), span)
      : fill(localize(CL.equals, o.lang), name(d.match.id), bound(d.match.maxDelta), span);
  }
  if (d.closest)
    return fill(
      localize(CL.noMatch, o.lang),
      name(d.closest.id),
      Number.isFinite(d.closest.maxDelta) ? tickLabel(+d.closest.maxDelta.toPrecision(3)) : '∞',
      span,
    );
  return undefined;
}

/** Plot lines per definition (kept per analysis by python/codeDefined), by theme, range and
 * language: a hover of the same definition draws nothing again. */
const drawn = new WeakMap<CodeDefined, Map<string, string>>();

function plot(d: CodeDefined, o: HoverOptions): string {
  const key = [o.xMin, o.xMax, o.theme, o.showDerivative, o.lang].join('|');
  let perDefinition = drawn.get(d);
  if (!perDefinition) drawn.set(d, (perDefinition = new Map()));
  let line = perDefinition.get(key);
  if (line === undefined) {
    if (perDefinition.size >= 8) perDefinition.clear();
    perDefinition.set(key, (line = drawPlot(d, o)));
  }
  return line;
}

function drawPlot(d: CodeDefined, o: HoverOptions): string {
  const [x0, x1] = o.xMax > o.xMin ? [o.xMin, o.xMax] : [-5, 5];
  const n = 121;
  const out = { f: new Float64Array(n), df: new Float64Array(n) };
  compileSampler(d.expr)(x0, x1, n, out);
  const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const title = fill(
    localize(o.showDerivative ? L.plotTitle : L.plotTitleF, o.lang),
    d.name,
    tickLabel(x0),
    tickLabel(x1),
  );
  const series: PlotSeries[] = [{ role: 'f', label: 'f', xs, ys: Array.from(out.f) }];
  if (o.showDerivative) series.push({ role: 'df', label: 'f′', xs, ys: Array.from(out.df) });
  const svg = plotSvg(series, { theme: o.theme, x0, x1, title });
  return `![${mdText(title)}](${svgDataUri(svg)})`;
}

/**
 * The hover Markdown of a code-defined activation; `binding` are the binding model's lines (how
 * the hovered use reaches the definition; already escaped).
 */
export function codeDefinedMarkdown(
  d: CodeDefined,
  options: Partial<HoverOptions> = {},
  binding: readonly string[] = [],
): string {
  const o = { ...DEFAULT_HOVER_OPTIONS, ...options };
  const head = fill(
    localize(d.kind === 'class' ? CL.definedClass : CL.definedFunction, o.lang),
    mdCode(d.name),
    d.line + 1,
  );
  // Head, verdict and curve first so the plot shows within VS Code's 250 px hover; the code and
  // the binding chain after it.
  const lines = [`**${head}**`];
  const v = verdict(d, o);
  if (v) lines.push('', v);
  if (o.showPlot) lines.push('', plot(d, o));
  lines.push('', mdCode(`return ${d.source}`, 160));
  if (binding.length > 0) lines.push('', binding.join('  \n'));
  lines.push('', `*${localize(CL.readFrom, o.lang)}*`);
  return lines.join('\n');
}
