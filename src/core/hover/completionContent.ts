/**
 * What the activation completions offer and say: the names a framework accepts in
 * `activation="…"`, the catalog members of a module (`nn.`, `F.`, `jax.nn.`, `keras.activations.`),
 * each resolved with its defaults, and a short Markdown documentation with formula and plot.
 */
import type { Activation, ApiAlias, Framework, Params } from '../catalog/types';
import { aliasIndex, getActivation, listActivations } from '../catalog/catalog';
import { kerasStringNames, resolveActivation, resolveKerasString } from '../catalog/resolve';
import { localize } from '../catalog/text';
import { L, frameworkName } from './labels';
import { formulaLines, paramValueText, plotLine, type HoverOptions } from './hoverContent';
import { mdCode, mdInline } from './markdownSafe';

/** One completion: the text to insert and what it computes. */
export interface ActivationCompletion {
  /** The member name or the string value (`LeakyReLU`, `leaky_relu`). */
  name: string;
  /** Fully qualified API, for the documentation (`torch.nn.LeakyReLU`). */
  qualifiedName: string;
  id: string;
  params: Params;
  form: ApiAlias['form'];
  /** The alias, when one matched (for argument names and defaults). */
  api?: ApiAlias;
}

/** Catalog ids offered first, in this order: the activations people reach for most. */
export const COMMON_ACTIVATIONS: readonly string[] = [
  'relu',
  'gelu',
  'silu',
  'sigmoid',
  'tanh',
  'softmax',
];

/**
 * A completion's sort key for an entry id: the common activations first (in the order of
 * `COMMON_ACTIVATIONS`), every other entry after them; ties are broken by `name` (lower case).
 */
export function completionSortKey(id: string, name: string = id): string {
  const i = COMMON_ACTIVATIONS.indexOf(id);
  return `${i < 0 ? 'z' : String.fromCharCode(97 + i)}${name.toLowerCase()}`;
}

/** Orders completions by `completionSortKey`. */
function byRank(a: ActivationCompletion, b: ActivationCompletion): number {
  return completionSortKey(a.id, a.name).localeCompare(completionSortKey(b.id, b.name));
}

/** The activation names a framework accepts as `activation="…"`, each resolved. */
export function stringCompletions(framework: Framework): ActivationCompletion[] {
  if (framework === 'keras' || framework === 'tf-keras') {
    const out: ActivationCompletion[] = [];
    for (const name of kerasStringNames(framework)) {
      const r = resolveKerasString(name, framework);
      if (!r) continue;
      out.push({
        name,
        qualifiedName: r.api?.qualifiedName ?? name,
        id: r.id,
        params: r.params,
        form: 'string',
        api: r.api,
      });
    }
    return out.sort(byRank);
  }
  if (framework === 'pytorch') {
    // PyTorch transformer layers take activation="relu" or "gelu" (torch.nn.functional.*).
    return ['relu', 'gelu'].flatMap((name) => {
      const r = resolveActivation(`torch.nn.functional.${name}`);
      return r
        ? [
            {
              name,
              qualifiedName: `torch.nn.functional.${name}`,
              id: r.id,
              params: r.params,
              form: 'string' as const,
              api: r.api,
            },
          ]
        : [];
    });
  }
  return [];
}

/**
 * Catalog members of a canonical module (`torch.nn`, `torch.nn.functional`, `jax.nn`,
 * `keras.activations`, `flax.linen`, …), one per name, resolved with no arguments.
 */
export function memberCompletions(module: string): ActivationCompletion[] {
  const prefix = `${module}.`;
  const seen = new Set<string>();
  const out: ActivationCompletion[] = [];
  for (const qn of aliasIndex().keys()) {
    if (!qn.startsWith(prefix)) continue;
    const name = qn.slice(prefix.length);
    if (name.includes('.') || seen.has(name)) continue;
    seen.add(name);
    const r = resolveActivation(qn);
    const api = r?.api ?? aliasIndex().get(qn)?.[0]?.alias;
    const id = r?.id ?? aliasIndex().get(qn)?.[0]?.id;
    if (!id || !api || api.form === 'method' || api.form === 'string') continue;
    out.push({ name, qualifiedName: qn, id, params: r?.params ?? {}, form: api.form, api });
  }
  return out.sort(byRank);
}

/**
 * A call template as a VS Code snippet: `LeakyReLU(negative_slope=${1:0.01})` for a module or
 * layer, `leaky_relu(${1:x}, negative_slope=${2:0.01})` for a function; arguments without a
 * catalog parameter are left out.
 */
export function callSnippet(c: ActivationCompletion): string {
  const parts: string[] = [];
  let n = 1;
  if (c.form === 'function') parts.push(`\${${n++}:x}`);
  const settable = (c.api?.args ?? []).filter(
    (a) => a.param && a.default !== undefined && !a.keywordOnly,
  );
  // More than two arguments (Keras ReLU) would be a row of placeholders to tab through.
  if (settable.length > 2) parts.push(`$${n++}`);
  else {
    for (const a of settable)
      parts.push(`${a.name}=\${${n++}:${a.default!.replace(/[$}\\]/g, '\\$&')}}`);
  }
  return `${c.name}(${parts.join(', ')})`;
}

/** One line: the entry's name and formula, for the completion's detail. */
export function completionDetail(c: ActivationCompletion): string {
  const e = getActivation(c.id);
  return e ? `${e.name}: ${e.kind === 'vector' ? e.text : `f(x) = ${e.text}`}` : c.qualifiedName;
}

/** Markdown documentation of a completion: what it is, its defaults, formula, plot, when to use. */
export function completionDoc(c: ActivationCompletion, o: HoverOptions): string {
  const e = getActivation(c.id);
  if (!e) return '';
  const lang = o.lang;
  // Parameters under the framework's own argument names where the API has them.
  const params = e.params
    .filter((p) => p.name in c.params)
    .map((p) => {
      const value = paramValueText(c.params[p.name], p);
      const arg = c.api?.args.find((a) => a.param === p.name && !a.keywordOnly);
      return arg ? `${mdCode(`${arg.name}=${value}`)} (${p.symbol})` : `${p.symbol} = ${value}`;
    });
  const fw = c.api ? ` — ${frameworkName(c.api.framework)} · ${mdCode(c.qualifiedName)}` : '';
  const lines = [`**${e.name}**${fw}`, '', localize(e.summary, lang)];
  if (params.length) lines.push('', `**${localize(L.defaults, lang)}:** ${params.join(', ')}`);
  if (c.api?.note) lines.push('', `*${mdInline(localize(c.api.note, lang))}*`);
  lines.push('', formulaLines(e, o.showDerivative).join('  \n'));
  if (o.showPlot) {
    lines.push(
      '',
      ...plotLine({
        entry: e,
        params: c.params,
        x0: o.xMin,
        x1: o.xMax,
        theme: o.theme,
        showDerivative: o.showDerivative,
        lang,
      }),
    );
  }
  lines.push('', `**${localize(L.whenToUse, lang)}:** ${localize(e.whenToUse, lang)}`);
  return lines.join('\n');
}

/** Every catalog entry, for the `act:` implementation snippets and the insert command's pick. */
export function snippetEntries(): Activation[] {
  return listActivations();
}
