/**
 * The hover of one activation mention as a Markdown string: what this very call computes (its
 * effective parameters, defaults filled in and marked), the formula, a plot of f and f′ for those
 * parameters, the key properties, measured framework disagreements, when to use it, and command
 * links. Pure: the host wraps the string in a `vscode.MarkdownString` with trusted commands.
 */
import type { Activation, ApiAlias, LocalText, Params, Resolved } from '../catalog/types';
import type { Mention } from '../python/mentions';
import type { PyValue } from '../python/literals';
import { aliasDefaults, aliasIndex, getActivation } from '../catalog/catalog';
import { localize, type Lang } from '../catalog/text';
import { L, fill, frameworkName, smoothnessText } from './labels';
import { disagreementLines } from './disagreement';
import { plainMath } from '../snippets/mathText';
import { activationPlot, plotRange, type PlotRequest } from './activationPlot';
import type { ThemeKind } from './svgPlot';
import { CommandIds } from '../commandIds';
import { paramValueText, pyValueText } from './paramText';
import { mdCode, mdInline } from './markdownSafe';

export { paramValueText, pyValueText };

/** What the hover shows, from the `activationLab.hover.*` settings and the editor. */
export interface HoverOptions {
  lang: Lang;
  theme: ThemeKind;
  showPlot: boolean;
  showDerivative: boolean;
  xMin: number;
  xMax: number;
}

/** The mention (as the detector found it) and its resolution (as the catalog resolved it). */
export interface HoverSubject {
  mention: Pick<Mention, 'kind' | 'qualifiedName' | 'framework' | 'args' | 'value'>;
  resolved: Resolved;
  /** How the head names the mention, when not by its API (`ACT2FN["gelu_new"]`); source text. */
  shown?: string;
  /** Markdown lines placed under the head: how the binding model reached the activation
   * (`bindingContent.ts`; already escaped). */
  binding?: string[];
}

export const DEFAULT_HOVER_OPTIONS: HoverOptions = {
  lang: 'en',
  theme: 'dark',
  showPlot: true,
  showDerivative: true,
  xMin: -5,
  xMax: 5,
};

/** The value an argument was given in the call, by keyword or by position, or undefined. */
function givenArgument(
  args: HoverSubject['mention']['args'],
  api: ApiAlias,
  name: string,
): PyValue | undefined {
  if (Object.prototype.hasOwnProperty.call(args.keywords, name)) return args.keywords[name];
  const i = api.args.filter((a) => !a.keywordOnly).findIndex((a) => a.name === name);
  return i >= 0 && i < args.positional.length ? args.positional[i] : undefined;
}

/** Arguments that select which entry an API computes (`approximate` of GELU): named by a `requires`. */
function selectorArgs(qualifiedName: string): Set<string> {
  const out = new Set<string>();
  for (const c of aliasIndex().get(qualifiedName) ?? []) {
    for (const k of Object.keys(c.alias.requires ?? {})) out.add(k);
  }
  return out;
}

/** True when the entry's framework APIs default this parameter to different values. */
function defaultsDisagree(entry: Activation, param: string): boolean {
  const seen = new Set<number>();
  for (const a of entry.apis) {
    if (a.form === 'string' || !a.args.some((g) => g.param === param)) continue;
    seen.add(aliasDefaults(entry.id, a)[param]);
  }
  return seen.size > 1;
}

/**
 * The parameters as "`name=value` (symbol) — *from the call / default / default of X*"; neighbours
 * with the same source share one tag ("β = 1.0, τ = None — *fixed by …*").
 */
function parameterLines(subject: HoverSubject, entry: Activation, lang: Lang): string[] {
  const { resolved, mention } = subject;
  const alias = resolved.api;
  // `activation="…"` passes no arguments: every value is the called function's default.
  const isString = mention.kind === 'string';
  const defaulted = new Set(resolved.defaulted ?? []);
  const parts: { text: string; how: string }[] = [];
  const covered = new Set<string>();
  const spec = (name: string) => entry.params.find((p) => p.name === name);
  const add = (text: string, how: string) => parts.push({ text, how });
  const selectors = selectorArgs(mention.qualifiedName);
  for (const arg of alias?.args ?? []) {
    if (arg.name === 'inplace' || arg.name === 'name') continue;
    const given = alias && !isString ? givenArgument(mention.args, alias, arg.name) : undefined;
    // A second spelling of a parameter already listed (Keras 3 `alpha=`) only when it was used.
    if (arg.param && covered.has(arg.param) && given === undefined) continue;
    if (arg.param && arg.param in resolved.params) {
      covered.add(arg.param);
      const s = spec(arg.param);
      const value = paramValueText(resolved.params[arg.param], s);
      const sym = s?.symbol && s.symbol !== arg.name ? ` (${s.symbol})` : '';
      const isDefault = isString || defaulted.has(arg.param) || given === undefined;
      let how = localize(L.fromCall, lang);
      if (isDefault) {
        how = defaultsDisagree(entry, arg.param)
          ? fill(localize(L.defaultOf, lang), mdCode(alias!.qualifiedName))
          : localize(L.default, lang);
        // A default written as a name (`'zeros'`) is shown as written, with the number it means.
        if (arg.default !== undefined && arg.valueMap?.[arg.default] !== undefined) {
          add(
            `${mdCode(`${arg.name}=${arg.default}`)} (${s?.symbol ?? arg.param} = ${value})`,
            how,
          );
          continue;
        }
      }
      add(`${mdCode(`${arg.name}=${value}`)}${sym}`, how);
    } else if (
      given !== undefined ||
      (!arg.param && (selectors.has(arg.name) || /^(dim|axis)$/.test(arg.name)))
    ) {
      // Arguments that choose behaviour (approximate=, dim=), and any other argument the call
      // gives whose parameter the resolved entry no longer has (Keras ReLU(max_value=6) → ReLU6).
      const value =
        given !== undefined ? pyValueText(given) : (alias?.requires?.[arg.name] ?? arg.default);
      if (value === undefined) continue;
      const how = given !== undefined ? L.fromCall : L.default;
      add(`${mdCode(`${arg.name}=${value}`)}`, localize(how, lang));
    }
  }
  const fixed = resolved.api?.fixed ?? {};
  for (const p of entry.params) {
    if (covered.has(p.name) || !(p.name in resolved.params)) continue;
    const value = paramValueText(resolved.params[p.name], p);
    const how =
      p.name in fixed
        ? fill(localize(L.fixedBy, lang), mdCode(resolved.api!.qualifiedName))
        : defaulted.has(p.name) || isString
          ? localize(L.default, lang)
          : localize(L.catalogDefault, lang);
    add(`${p.symbol} = ${value}`, how);
  }
  const grouped: { texts: string[]; how: string }[] = [];
  for (const { text, how } of parts) {
    const last = grouped[grouped.length - 1];
    if (last?.how === how) last.texts.push(text);
    else grouped.push({ texts: [text], how });
  }
  return grouped.map((g) => `${g.texts.join(', ')} — *${g.how}*`);
}

/** `[label](command:id?<encoded JSON>)`: VS Code passes the decoded object as the argument. */
function commandLink(label: string, command: string, arg: unknown): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(arg))})`;
}

/** Parameters that survive JSON and the playground's schema (finite numbers only). */
function finiteParams(p: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(p)) if (Number.isFinite(v)) out[k] = v;
  return out;
}

/** The implementation framework that matches the mention's framework. */
function implementationFrameworkOf(framework: string): 'pytorch' | 'keras' | 'jax' | 'numpy' {
  if (framework === 'pytorch') return 'pytorch';
  if (framework === 'keras' || framework === 'tf-keras' || framework === 'tensorflow')
    return 'keras';
  if (framework === 'jax' || framework === 'flax') return 'jax';
  return 'numpy';
}

/** The command arguments of the two links for this entry, these parameters and this API. */
function linkArgs(
  entry: Activation,
  params: Params,
  api: string | undefined,
  framework: string | undefined,
) {
  const curve = { id: entry.id, params: finiteParams(params), ...(api ? { api } : {}) };
  const show = { curves: [curve], ...(entry.kind === 'vector' ? { tab: 'vector' } : {}) };
  const insert = {
    id: entry.id,
    params: finiteParams(params),
    ...(framework ? { framework: implementationFrameworkOf(framework) } : {}),
  };
  // Training needs an element-wise activation for the hidden layers.
  const train =
    entry.kind === 'elementwise' ? { id: entry.id, params: finiteParams(params) } : undefined;
  return { show, insert, train };
}

/** One command link of the hover: its codicon, its localized title, the command and its argument. */
interface HoverLink {
  icon: string;
  title: string;
  command: string;
  arg: unknown;
}

/** The hover's links (playground, training for element-wise entries, insert) with their arguments. */
function hoverLinks(
  entry: Activation,
  params: Params,
  api: string | undefined,
  framework: string | undefined,
  lang: Lang,
): HoverLink[] {
  const { show, insert, train } = linkArgs(entry, params, api, framework);
  const link = (icon: string, title: LocalText, command: string, arg: unknown): HoverLink => ({
    icon,
    title: localize(title, lang),
    command,
    arg,
  });
  return [
    link('graph-line', L.showInPlayground, CommandIds.showInPlayground, show),
    ...(train ? [link('beaker', L.trainWith, CommandIds.trainWith, train)] : []),
    link('code', L.insertImplementation, CommandIds.insertImplementation, insert),
  ];
}

/** The links as icons with a tooltip, for the hover's first line. */
function iconLinks(links: readonly HoverLink[]): string {
  return links
    .map(
      (l) =>
        `[$(${l.icon})](command:${l.command}?${encodeURIComponent(JSON.stringify(l.arg))} "${l.title}")`,
    )
    .join(' ');
}

/** The links with icon and title, for the hover's last line. */
function linksLine(links: readonly HoverLink[]): string {
  return links.map((l) => commandLink(`$(${l.icon}) ${l.title}`, l.command, l.arg)).join(' · ');
}

/** Formula lines (f and, when enabled and known, f′) in code spans. */
export function formulaLines(entry: Activation, showDerivative: boolean): string[] {
  const vector = entry.kind === 'vector';
  // Plain Unicode: TeX groups such as `e^{x/α}` are written `e^(x/α)`.
  const [f, df] = [plainMath(entry.text), entry.derivativeText && plainMath(entry.derivativeText)];
  const lines = [vector ? `\`${f}\`` : `\`f(x) = ${f}\``];
  if (showDerivative && df) lines.push(vector ? `\`${df}\`` : `\`f′(x) = ${df}\``);
  return lines;
}

/** "Range … · monotonic · smooth (C∞) · zero-centred" and the gradient note. */
function propertyLines(entry: Activation, lang: Lang): string[] {
  const p = entry.properties;
  const parts = [
    `${localize(L.range, lang)} \`${p.range}\``,
    localize(p.monotonic ? L.monotonic : L.notMonotonic, lang),
    localize(smoothnessText(p.smoothness), lang),
    localize(p.zeroCentred ? L.zeroCentred : L.notZeroCentred, lang),
    ...(p.selfNormalising ? [localize(L.selfNormalising, lang)] : []),
  ];
  return [
    `**${localize(L.properties, lang)}:** ${parts.join(' · ')}`,
    `**${localize(L.gradients, lang)}:** ${plainMath(localize(p.gradientNotes, lang))}`,
  ];
}

/** The plot as a Markdown image, or nothing when plots are off or the entry has no curve. */
export function plotLine(req: PlotRequest): string[] {
  const plot = activationPlot(req);
  return plot ? [`![${plot.alt.replace(/[[\]]/g, '')}](${plot.uri})`] : [];
}

/**
 * The complete hover Markdown for a resolved mention, or undefined when the resolved id is not in
 * the catalog. Sections are separated by horizontal rules so they stay apart in a narrow hover.
 */
export function hoverMarkdown(
  subject: HoverSubject,
  options: Partial<HoverOptions> = {},
): string | undefined {
  const o = { ...DEFAULT_HOVER_OPTIONS, ...options };
  [o.xMin, o.xMax] = plotRange(o.xMin, o.xMax);
  const entry = getActivation(subject.resolved.id);
  if (!entry) return undefined;
  const { lang } = o;
  const { mention, resolved } = subject;
  const shown =
    subject.shown ??
    (mention.kind === 'string' && mention.value
      ? `activation="${mention.value}"`
      : mention.qualifiedName);
  const commandLinks = hoverLinks(
    entry,
    resolved.params,
    resolved.api?.qualifiedName ?? mention.qualifiedName,
    mention.framework,
    lang,
  );
  const icons = iconLinks(commandLinks);
  const head = [
    `**${entry.name}** — ${frameworkName(mention.framework)} · ${mdCode(shown)} ${icons}`,
  ];
  const summary = localize(entry.summary, lang);
  if (subject.binding?.length) head.push('', subject.binding.join('  \n'));
  const params = parameterLines(subject, entry, lang);
  // The parameters run on after their label, separated by dots: a hover is short on height
  // (VS Code caps it at 250 px in a usual window), and the plot must fit under them.
  const callPart = `**${localize(L.thisCall, lang)}:** ${(params.length ? params : [localize(L.noParams, lang)]).join(' · ')}`;
  const notes = (resolved.notes ?? []).map((n) => `*${mdInline(localize(n, lang))}*`);
  const formula = formulaLines(entry, o.showDerivative).join('  \n');
  const plot = o.showPlot
    ? plotLine({
        entry,
        params: resolved.params,
        x0: o.xMin,
        x1: o.xMax,
        theme: o.theme,
        showDerivative: o.showDerivative,
        lang,
      })
    : [];
  const disagree = disagreementLines(
    entry,
    resolved.params,
    mention.kind === 'string' ? undefined : (resolved.defaulted ?? []),
    mention.qualifiedName,
    o.xMin,
    o.xMax,
    lang,
  );
  const links = linksLine(commandLinks);
  // What this call computes comes first and stays together (name, parameters, plot, notes,
  // formula); rules only separate it from the disagreements, the general properties and the
  // links. The plot comes right after the parameters, so it shows without scrolling.
  const gapLine = disagree.first ? [`⚠ ${disagree.first}`] : [];
  // The first measured gap is said under the formula; the list below does not say it again.
  const rest = disagree.lines.filter((l) => l !== `  - ${disagree.first}`);
  const sections = [
    [head.join('\n'), callPart, ...plot, ...notes, formula, ...gapLine, summary].join('\n\n'),
    ...(rest.length ? [rest.join('\n')] : []),
    [
      propertyLines(entry, lang).join('  \n'),
      `**${localize(L.whenToUse, lang)}:** ${localize(entry.whenToUse, lang)}`,
    ].join('\n\n'),
    links,
  ];
  return sections.join('\n\n---\n\n');
}
