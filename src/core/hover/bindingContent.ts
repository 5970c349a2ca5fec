/**
 * The part of the hover that says how it knows: "bound at line 10: `self.act = nn.GELU(…)`" with
 * a link that moves the cursor there, a note when a caller may replace the value, the list of
 * alternatives when several bindings reach the name, and the hover for an activation slot whose
 * value cannot be known statically. Source excerpts go through `mdCode`; only our own links are
 * written raw.
 */
import type { LocalText, Resolved } from '../catalog/types';
import { getActivation } from '../catalog/catalog';
import { localize, type Lang } from '../catalog/text';
import type { BindingStep, UnknownReason } from '../python/boundValue';
import type { DispatchSource } from '../catalog/dispatch/types';
import { UNKNOWN_REASON_TEXT } from '../python/boundValue';
import { CommandIds } from '../commandIds';
import type { RevealArgs } from '../protocol/commandArgs';
import { fill } from './labels';
import { mdCode } from './markdownSafe';
import { paramValueText } from './paramText';

const t = (en: string, ja: string): LocalText => ({ en, ja });

/** Words of this part of the hover. */
const BL = {
  boundAt: t('Bound at {0}: {1}', '{0} で束縛: {1}'),
  line: t('line {0}', '{0} 行目'),
  goTo: t('Go to line {0}', '{0} 行目へ移動'),
  overridable: t(
    'A default: a caller may pass another value.',
    '既定値：呼び出し側が別の値を渡せる。',
  ),
  uncertain: t(
    'Not certain (a caller may pass another value, or it is not known statically): {0}',
    '確定しない値（呼び出し側が別の値を渡せる、または静的に分からない）: {0}',
  ),
  alternatives: t(
    'Several bindings reach this name; which one runs depends on the path taken:',
    'この名前には複数の束縛が届く。どれが実行されるかは実行経路による:',
  ),
  lookedUp: t('{0} looked up in {1}’s {2} ({3})', '{0} を {1} の {2}（{3}）で参照'),
  unknownTitle: t('Activation not known statically', '静的には決まらない活性化関数'),
  unknownBody: t(
    'It depends on {0}: {1}. No curve is shown rather than a guessed default.',
    '{0} で決まる: {1}。既定値を推測して表示することはしない。',
  ),
} as const;

/** `[line N](command:activationLab.revealBinding?…)`: moves the cursor to a binding site. */
function revealLink(step: BindingStep, lang: Lang, uri?: string): string {
  const arg: RevealArgs = { offset: step.offset, line: step.line, ...(uri ? { uri } : {}) };
  const label = fill(localize(BL.line, lang), step.line);
  const title = fill(localize(BL.goTo, lang), step.line);
  return `[${label}](command:${CommandIds.revealBinding}?${encodeURIComponent(JSON.stringify(arg))} "${title}")`;
}

/** One line per binding step: "Bound at [line 10]: `self.act = nn.GELU(approximate="tanh")`". */
export function viaLines(via: readonly BindingStep[], lang: Lang, uri?: string): string[] {
  return via.map((s) => {
    const line = fill(localize(BL.boundAt, lang), revealLink(s, lang, uri), mdCode(s.text));
    return s.overridable ? `${line} — *${localize(BL.overridable, lang)}*` : line;
  });
}

/** Which library table a name was looked up in, and the file the mapping was read from. */
export function dispatchLine(
  d: { library: string; key: string; source: DispatchSource },
  lang: Lang,
): string {
  return fill(
    localize(BL.lookedUp, lang),
    mdCode(JSON.stringify(d.key)),
    d.library,
    mdCode(d.source.symbol),
    mdCode(`${d.source.repo}/${d.source.path}`),
  );
}

/** The "not certain" line for `resolved.uncertain`, or nothing. */
export function uncertainLines(resolved: Resolved, lang: Lang): string[] {
  const names = resolved.uncertain ?? [];
  if (names.length === 0) return [];
  const entry = getActivation(resolved.id);
  const shown = names.map((n) => {
    const spec = entry?.params.find((p) => p.name === n);
    return mdCode(`${spec?.symbol ?? n} = ${paramValueText(resolved.params[n], spec)}`);
  });
  return [`⚠ ${fill(localize(BL.uncertain, lang), shown.join(', '))}`];
}

/** One option of several: its name, parameters and where it is bound. */
export interface AlternativeLine {
  resolved: Resolved;
  via: readonly BindingStep[];
  /** An activation defined in the file: its name, shown when it equals no catalog entry. */
  code?: { name: string };
}

/** The list of alternatives (two or more), each with its first binding site's link. */
export function alternativeLines(
  options: readonly AlternativeLine[],
  lang: Lang,
  uri?: string,
): string[] {
  const lines = [`**${localize(BL.alternatives, lang)}**`];
  for (const o of options) {
    const entry = getActivation(o.resolved.id);
    const params = Object.entries(o.resolved.params).map(([k, v]) => {
      const spec = entry?.params.find((p) => p.name === k);
      return `${spec?.symbol ?? k} = ${paramValueText(v, spec)}`;
    });
    const where = o.via.length > 0 ? ` — ${revealLink(o.via[o.via.length - 1], lang, uri)}` : '';
    const p = params.length > 0 ? ` ${mdCode(params.join(', '))}` : '';
    const name = entry?.name ?? (o.code ? mdCode(o.code.name) : o.resolved.id);
    lines.push(`- ${name}${p}${where}`);
  }
  return lines;
}

/** The hover for an activation slot whose value cannot be known statically. */
export function unknownMarkdown(
  u: { reason: UnknownReason; text: string; via: readonly BindingStep[] },
  lang: Lang,
  uri?: string,
): string {
  const body = fill(
    localize(BL.unknownBody, lang),
    mdCode(u.text),
    localize(UNKNOWN_REASON_TEXT[u.reason], lang),
  );
  const via = viaLines(u.via, lang, uri);
  return [
    `**${localize(BL.unknownTitle, lang)}**`,
    body,
    ...(via.length ? [via.join('  \n')] : []),
  ].join('\n\n');
}
