/**
 * Framework disagreements for a hover, with numbers measured from the catalog's own functions:
 * for each other API the disagreement names, its default behaviour (entry and parameters) is
 * compared with what this call computes, as the largest |Δf| on the hover's x range.
 */
import type { Activation, Params } from '../catalog/types';
import { aliasDefaults, aliasIndex, disagreementsFor, getActivation } from '../catalog/catalog';
import { localize, type Lang } from '../catalog/text';
import { L, fill } from './labels';
import { formatGap, formatX, largestGap, type Gap } from './gap';
import { tickLabel } from './svgPlot';
import { paramValueText } from './paramText';

/** What another API computes when called with its defaults. */
export interface Counterpart {
  label: string;
  id: string;
  params: Params;
}

const sameParams = (a: Params, b: Params) =>
  Object.keys({ ...a, ...b }).every(
    (k) => a[k] === b[k] || (Number.isNaN(a[k]) && Number.isNaN(b[k])),
  );

/**
 * The distinct default behaviours of `apis` (qualified names) other than `self` and other than
 * what this call computes (`id`, `params`), first API name kept for each.
 */
function counterparts(
  apis: readonly string[],
  self: string,
  id: string,
  params: Params,
): Counterpart[] {
  const out: Counterpart[] = [];
  const stem = (qn: string) => (qn.split('.').pop() ?? qn).toLowerCase().replace(/_/g, '');
  for (const qn of apis) {
    // `self` stays: called with its defaults it may compute something else (nn.GELU() is exact).
    const candidates = aliasIndex().get(qn);
    const pick = candidates?.find((c) => !c.alias.requires) ?? candidates?.[0];
    if (!pick) continue;
    // Another entry is compared only under the same name (jax.nn.gelu vs torch.nn.GELU), so a
    // note about argument names does not turn into a comparison of unrelated functions.
    if (pick.id !== id && stem(qn) !== stem(self)) continue;
    const p = aliasDefaults(pick.id, pick.alias);
    if (pick.id === id && sameParams(p, params)) continue;
    if (out.some((c) => c.id === pick.id && sameParams(c.params, p))) continue;
    out.push({ label: qn, id: pick.id, params: p });
  }
  return out;
}

/** What a counterpart computes, briefly: its entry's name, or its differing parameters. */
function describe(entry: Activation, c: Counterpart): string {
  const other = getActivation(c.id);
  if (!other) return c.id;
  if (c.id !== entry.id || other.params.length === 0) return other.name;
  return other.params.map((p) => `${p.symbol} = ${paramValueText(c.params[p.name], p)}`).join(', ');
}

const cache = new Map<string, Gap | undefined>();

/** The largest |Δf| between two entries with parameters on [x0, x1], memoised. */
function measuredGap(
  a: { id: string; params: Params },
  b: { id: string; params: Params },
  x0: number,
  x1: number,
): Gap | undefined {
  const key = JSON.stringify([a.id, a.params, b.id, b.params, x0, x1]);
  if (cache.has(key)) return cache.get(key);
  const ea = getActivation(a.id);
  const eb = getActivation(b.id);
  let g: Gap | undefined;
  if (ea?.kind === 'elementwise' && eb?.kind === 'elementwise') {
    g = largestGap(
      (x) => ea.f(x, a.params),
      (x) => eb.f(x, b.params),
      x0,
      x1,
    );
  }
  if (cache.size > 256) cache.clear();
  cache.set(key, g);
  return g;
}

/**
 * Markdown lines: each disagreement's text, then one measured line per distinct counterpart,
 * at most three per disagreement; `first` is the first measured line, for the top of the hover.
 * Entry-wide disagreements (no APIs named) are shown without measurements.
 */
export function disagreementLines(
  entry: Activation,
  params: Params,
  defaulted: readonly string[] | undefined,
  qualifiedName: string,
  x0: number,
  x1: number,
  lang: Lang,
): { lines: string[]; first?: string } {
  const found = disagreementsFor(entry.id, qualifiedName);
  if (found.length === 0) return { lines: [] };
  let first: string | undefined;
  const lines: string[] = [`**⚠ ${localize(L.disagreement, lang)}:**`, ''];
  for (const d of found) {
    lines.push(`- ${localize(d.text, lang)}`);
    // Entry-wide notes (no API named) are about context, not about one call: nothing to measure.
    const others = d.apis.length > 0 ? counterparts(d.apis, qualifiedName, entry.id, params) : [];
    // Another API's defaults are compared with this call only where this call used defaults
    // too (`defaulted` undefined means all of them: `activation="…"`); an explicit
    // `negative_slope=0.1` is the reader's choice, not a framework disagreement.
    const chosen = (c: Counterpart) =>
      c.id === entry.id &&
      defaulted !== undefined &&
      Object.keys(params).some((k) => params[k] !== c.params[k] && !defaulted.includes(k));
    for (const c of others.filter((o) => !chosen(o)).slice(0, 3)) {
      const g = measuredGap({ id: entry.id, params }, c, x0, x1);
      if (!g || g.gap === 0) continue;
      const label = `\`${c.label}\` (${describe(entry, c)})`;
      const text = fill(
        localize(L.gapVs, lang),
        label,
        formatGap(g.gap),
        formatX(g.at),
        tickLabel(x0),
        tickLabel(x1),
      );
      first ??= text;
      lines.push(`  - ${text}`);
    }
  }
  return { lines, first };
}
