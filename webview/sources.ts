/**
 * Plot sources for the curves in the UI state: a catalog entry with its (live) parameters, or the
 * custom formula. Labels and colours are read on use, so a parameter or theme change needs no
 * rebuild.
 */
import type { Params } from '../src/core/catalog/types';
import { entryOf, sampleEntry } from './catalog';
import type { CompiledFormula } from './custom/customFormula';
import { fmt, t } from './i18n';
import type { PlotSource } from './graph/plotSource';
import { CUSTOM_ID, type CurveState } from './state';

export interface SourceContext {
  color(index: number): string;
  /** The compiled formula of the custom curve with this key. */
  custom(key: number): CompiledFormula | undefined;
}

/** The curve's display name, with its parameters (`LeakyReLU α=0.3`). */
export function curveLabel(c: CurveState): string {
  if (c.id === CUSTOM_ID) return t('Custom: {0}', shortFormula(c.formula ?? ''));
  const e = entryOf(c.id);
  if (!e) return c.id;
  const ps = e.params.map((p) => `${p.symbol}=${fmt(c.params[p.name] ?? p.default, 3)}`);
  return ps.length ? `${e.name} ${ps.join(' ')}` : e.name;
}

/** A formula cut to fit a legend entry. */
export function shortFormula(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  return s.length > 28 ? `${s.slice(0, 27)}…` : s;
}

/** The curve's name without parameters. */
export function curveName(c: CurveState): string {
  return c.id === CUSTOM_ID ? t('Custom') : (entryOf(c.id)?.name ?? c.id);
}

/** Central difference of f′ for sources without a closed-form f″. */
function secondByDifference(df: (x: number) => number, x: number): number {
  const hh = 1e-4 * Math.max(1, Math.abs(x));
  return (df(x + hh) - df(x - hh)) / (2 * hh);
}

/** The sampling half of a source; `sourceFor` adds the live label, colour and visibility. */
type Sampler = Pick<PlotSource, 'sample' | 'at' | 'gaps'>;

export function sourceFor(c: CurveState, ctx: SourceContext): PlotSource {
  // Getters, not values: an object spread would copy them once, and the legend would then show
  // the parameters of the moment the curve was added (not those of the slider).
  return Object.defineProperties(Object.assign({ key: c.key }, samplerFor(c, ctx)), {
    label: { get: () => curveLabel(c), enumerable: true },
    color: { get: () => ctx.color(c.color), enumerable: true },
    visible: { get: () => c.visible, enumerable: true },
  }) as PlotSource;
}

function samplerFor(c: CurveState, ctx: SourceContext): Sampler {
  if (c.id === CUSTOM_ID) {
    return {
      gaps: true,
      sample(x0, x1, n, out) {
        const f = ctx.custom(c.key);
        if (!f) {
          out.f.fill(NaN);
          out.df.fill(NaN);
          out.d2f?.fill(NaN);
          return;
        }
        f.sample(x0, x1, n, out);
        if (out.d2f) {
          const h = n > 1 ? (x1 - x0) / (n - 1) : 0;
          for (let i = 0; i < n; i++) out.d2f[i] = secondByDifference(f.df, x0 + i * h);
        }
      },
      at(x) {
        const f = ctx.custom(c.key);
        if (!f) return { f: NaN, df: NaN, d2f: NaN };
        return { f: f.f(x), df: f.df(x), d2f: secondByDifference(f.df, x) };
      },
    };
  }
  const e = entryOf(c.id);
  const params: Params = c.params;
  return {
    sample(x0, x1, n, out) {
      const ok = sampleEntry(c.id, params, x0, x1, n, out);
      if (ok && out.d2f && e?.kind === 'elementwise' && !e.d2f) {
        const h = n > 1 ? (x1 - x0) / (n - 1) : 0;
        const df = (u: number) => e.df(u, params);
        for (let i = 0; i < n; i++) out.d2f[i] = secondByDifference(df, x0 + i * h);
      }
    },
    at(x) {
      if (!e || e.kind !== 'elementwise') return { f: NaN, df: NaN, d2f: NaN };
      return {
        f: e.f(x, params),
        df: e.df(x, params),
        d2f: e.d2f ? e.d2f(x, params) : secondByDifference((u) => e.df(u, params), x),
      };
    },
  };
}
