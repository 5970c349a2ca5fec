/**
 * The activation catalog: every entry, looked up by id, with parameter defaults and validation.
 * Pure data and pure functions; the hover, completions, snippets, graphs and trainer all read it.
 */
import type { Activation, ApiAlias, Disagreement, LocalText, Params } from './types';
import { t } from './build';
import { RECTIFIER_ENTRIES } from './entries/rectifiers';
import { THRESHOLDED_ENTRIES } from './entries/thresholded';
import { EXPONENTIAL_ENTRIES } from './entries/exponential';
import { SIGMOID_ENTRIES } from './entries/sigmoids';
import { SMOOTH_ENTRIES } from './entries/smooth';
import { SHRINK_AND_OTHER_ENTRIES } from './entries/misc';
import { VECTOR_ENTRIES } from './entries/vector';
import { LIBRARY_DEFINED_ENTRIES } from './entries/libraryDefined';
import { DISAGREEMENTS } from './disagreements';
import { KERAS3_STRINGS, TF_KERAS_STRINGS } from './kerasStrings';
import { parsePyLiteral } from './pyLiteral';

/** Every entry: each entries file exports its own list, so a new entry touches only its file. */
const ENTRIES: Activation[] = [
  ...RECTIFIER_ENTRIES,
  ...THRESHOLDED_ENTRIES,
  ...EXPONENTIAL_ENTRIES,
  ...SIGMOID_ENTRIES,
  ...SMOOTH_ENTRIES,
  ...SHRINK_AND_OTHER_ENTRIES,
  ...LIBRARY_DEFINED_ENTRIES,
  ...VECTOR_ENTRIES,
];

const BY_ID = new Map<string, Activation>(ENTRIES.map((e) => [e.id, e]));

/** Catalog defaults, then the alias's own argument defaults, then what it fixes. */
export function aliasDefaults(id: string, alias: ApiAlias): Params {
  const e = BY_ID.get(id);
  const p: Params = {};
  if (!e) return p;
  for (const s of e.params) p[s.name] = s.default;
  for (const a of alias.args) {
    if (!a.param || a.default === undefined) continue;
    const v = parsePyLiteral(a.default);
    if (typeof v === 'number') p[a.param] = v;
    else if (v === null && e.params.find((s) => s.name === a.param)?.infinityMeansNone) {
      p[a.param] = Infinity;
    } else if (typeof v === 'string' && a.valueMap?.[a.default] !== undefined) {
      p[a.param] = a.valueMap[a.default];
    }
  }
  return { ...p, ...alias.fixed };
}

// The `activation="…"` string forms are listed (listing only) on the entry they compute.
function addStringAliases(
  table: Readonly<Record<string, string>>,
  framework: 'keras' | 'tf-keras',
) {
  const prefix = framework === 'keras' ? 'keras.activations.' : 'tf_keras.activations.';
  for (const [name, qn] of Object.entries(table)) {
    for (const e of ENTRIES) {
      const target = e.apis.find((a) => a.qualifiedName === qn && !a.requires && !a.listingOnly);
      if (!target) continue;
      let id = e.id;
      let params = aliasDefaults(e.id, target);
      const s = e.simplify?.(params);
      if (s) ({ id, params } = s);
      BY_ID.get(id)?.apis.push({
        qualifiedName: prefix + name,
        framework,
        form: 'string',
        args: [],
        fixed: params,
        listingOnly: true,
        note: t(`activation="${name}" calls ${qn}.`, `activation="${name}" は ${qn} を呼び出す。`),
      });
    }
  }
}
addStringAliases(KERAS3_STRINGS, 'keras');
addStringAliases(TF_KERAS_STRINGS, 'tf-keras');

/** Every entry of the catalog, in display order (element-wise first, then vector ones). */
export function listActivations(): Activation[] {
  return ENTRIES.slice();
}

/** The entry with this id, or undefined. */
export function getActivation(id: string): Activation | undefined {
  return BY_ID.get(id);
}

/** The catalog defaults of an entry's parameters (`{}` for an unknown id or an entry without any). */
export function defaultParams(id: string): Params {
  const e = BY_ID.get(id);
  const p: Params = {};
  if (e) for (const s of e.params) p[s.name] = s.default;
  return p;
}

/** Result of `validateParams`: the complete parameter set, or a clear error. */
export type Validation =
  { ok: true; params: Params } | { ok: false; error: string; message: LocalText };

function fail(message: LocalText): Validation {
  return { ok: false, error: message.en, message };
}

/**
 * Checks parameters against the entry's declared domain and fills in defaults for missing ones.
 * Rejects unknown ids and names, non-numbers, NaN, ±∞ (except +∞ where it means Python `None`),
 * values outside `ParamSpec.valid` and cross-parameter violations, so no NaN reaches a curve.
 */
export function validateParams(id: string, params: Record<string, unknown> = {}): Validation {
  const e = BY_ID.get(id);
  if (!e) return fail(t(`Unknown activation '${id}'.`, `不明な活性化関数 '${id}'。`));
  const out = defaultParams(id);
  for (const [name, value] of Object.entries(params ?? {})) {
    const spec = e.params.find((s) => s.name === name);
    if (!spec) {
      return fail(
        t(`${e.name} has no parameter '${name}'.`, `${e.name} にパラメータ '${name}' はない。`),
      );
    }
    if (typeof value !== 'number' || Number.isNaN(value)) {
      return fail(t(`${name} must be a number.`, `${name} は数値でなければならない。`));
    }
    if (!Number.isFinite(value) && !(value === Infinity && spec.infinityMeansNone)) {
      return fail(t(`${name} must be finite.`, `${name} は有限の値でなければならない。`));
    }
    const v = spec.valid;
    if (v?.min !== undefined && (value < v.min || (v.minExclusive && value === v.min))) {
      const op = v.minExclusive ? '>' : '≥';
      return fail(
        t(
          `${name} must be ${op} ${v.min}.`,
          `${name} は ${v.min} ${v.minExclusive ? 'より大きく' : '以上で'}なければならない。`,
        ),
      );
    }
    if (
      v?.max !== undefined &&
      value !== Infinity &&
      (value > v.max || (v.maxExclusive && value === v.max))
    ) {
      const op = v.maxExclusive ? '<' : '≤';
      return fail(
        t(
          `${name} must be ${op} ${v.max}.`,
          `${name} は ${v.max} ${v.maxExclusive ? '未満で' : '以下で'}なければならない。`,
        ),
      );
    }
    out[name] = value;
  }
  const cross = e.checkParams?.(out);
  if (cross) return fail(cross);
  return { ok: true, params: out };
}

/**
 * Known disagreements between frameworks that concern an entry, or, with `qualifiedName`, only
 * those that concern that API (plus the entry-wide ones that name no API).
 */
export function disagreementsFor(id: string, qualifiedName?: string): Disagreement[] {
  return DISAGREEMENTS.filter(
    (d) =>
      d.ids.includes(id) &&
      (qualifiedName === undefined || d.apis.length === 0 || d.apis.includes(qualifiedName)),
  );
}

/** Every (entry, alias) pair used for resolution, keyed by qualified name. Internal to the catalog. */
export function aliasIndex(): Map<string, { id: string; alias: ApiAlias }[]> {
  if (INDEX) return INDEX;
  const m = new Map<string, { id: string; alias: ApiAlias }[]>();
  for (const e of ENTRIES) {
    for (const alias of e.apis) {
      if (alias.listingOnly) continue;
      const list = m.get(alias.qualifiedName) ?? [];
      list.push({ id: e.id, alias });
      m.set(alias.qualifiedName, list);
    }
  }
  INDEX = m;
  return m;
}
let INDEX: Map<string, { id: string; alias: ApiAlias }[]> | undefined;
