/**
 * Resolution: from a framework call as written in Python (qualified name, positional and keyword
 * arguments) to the catalog entry and the effective parameters, applying that framework's defaults
 * and argument names. Unknown names or unusable arguments give a reason, never a wrong curve.
 */
import { reportCoreError } from '../errors';
import type { ApiAlias, ApiArg, LocalText, Params, Resolved } from './types';
import { t } from './build';
import { aliasDefaults, aliasIndex, getActivation, validateParams } from './catalog';
import { KERAS3_STRINGS, TF_KERAS_STRINGS } from './kerasStrings';
import { mdCode } from '../hover/markdownSafe';
import { asPyValue, isUnknown, parsePyLiteral, pyEquals, pyRepr, type PyValue } from './pyLiteral';

/** Arguments of a call, excluding the input tensor, as JS values parsed from Python source. */
export interface CallArgs {
  positional?: unknown[];
  keywords?: Record<string, unknown>;
  /** The call also has `*args`/`**kwargs`, so the lists above may be incomplete. */
  spread?: boolean;
}

/** Outcome of `resolveActivationDetailed`. */
export type Resolution = { ok: true; resolved: Resolved } | { ok: false; reason: LocalText };

/** Keyword arguments every Keras layer accepts through `**kwargs`; ignored silently. */
const KERAS_LAYER_KWARGS = new Set([
  'name',
  'dtype',
  'trainable',
  'autocast',
  'input_shape',
  'input_dim',
]);

function no(reason: LocalText): Resolution {
  return { ok: false, reason };
}

/** Module paths people import from that re-export the public name. */
const PREFIX_REWRITES: [string, string][] = [
  ['tf.', 'tensorflow.'],
  ['torch.nn.modules.activation.', 'torch.nn.'],
  ['flax.linen.activation.', 'flax.linen.'],
  ['keras.src.activations.activations.', 'keras.activations.'],
  ['keras.src.activations.', 'keras.activations.'],
  ['keras.src.ops.nn.', 'keras.ops.'],
  ['keras.ops.nn.', 'keras.ops.'],
  ['tensorflow.compat.v1.nn.', 'tensorflow.nn.'],
];

function normalizeName(name: string): { name: string; notes: LocalText[] } {
  let n = name.trim();
  for (const [from, to] of PREFIX_REWRITES) if (n.startsWith(from)) n = to + n.slice(from.length);
  const notes: LocalText[] = [];
  if (n.startsWith('tensorflow.keras.')) {
    n = 'keras.' + n.slice('tensorflow.keras.'.length);
    notes.push(
      t(
        'tf.keras is Keras 3 from TensorFlow 2.16 on (shown here); before 2.16 or with TF_USE_LEGACY_KERAS=1 it is Keras 2 (tf_keras).',
        'tf.keras は TensorFlow 2.16 以降では Keras 3（ここで表示）、2.16 より前や TF_USE_LEGACY_KERAS=1 のときは Keras 2（tf_keras）。',
      ),
    );
  }
  return { name: n, notes };
}

/** The value passed for argument `a` of `alias`, if any: keyword first, then position. */
function passed(alias: ApiAlias, a: ApiArg, args: CallArgs): { given: boolean; value?: unknown } {
  const kw = args.keywords ?? {};
  if (Object.prototype.hasOwnProperty.call(kw, a.name)) return { given: true, value: kw[a.name] };
  if (a.keywordOnly) return { given: false };
  const idx = alias.args.filter((x) => !x.keywordOnly).indexOf(a);
  const pos = args.positional ?? [];
  if (idx >= 0 && idx < pos.length) return { given: true, value: pos[idx] };
  return { given: false };
}

/** Picks among aliases of one name by their `requires` (e.g. GELU `approximate`). */
function chooseAlias(
  cands: { id: string; alias: ApiAlias }[],
  args: CallArgs,
  notes: LocalText[],
): { id: string; alias: ApiAlias } | LocalText {
  const fallback = cands.find((c) => !c.alias.requires) ?? cands[0];
  const switches = new Set(cands.flatMap((c) => Object.keys(c.alias.requires ?? {})));
  for (const key of switches) {
    const a = fallback.alias.args.find((x) => x.name === key);
    if (!a) continue;
    const { given, value } = passed(fallback.alias, a, args);
    if (!given) continue;
    if (isUnknown(value)) {
      const quoted = mdCode(`${key}=${value.unknown}`);
      notes.push(
        t(
          `${quoted} could not be evaluated statically; the default ${a.default ?? ''} is shown.`,
          `${quoted} は静的に評価できないため、既定値 ${a.default ?? ''} で表示している。`,
        ),
      );
      continue;
    }
    const v = asPyValue(value);
    const hit = cands.find((c) => {
      const want = c.alias.requires?.[key];
      const w = want === undefined ? undefined : parsePyLiteral(want);
      return w !== undefined && v !== undefined && pyEquals(w, v);
    });
    if (hit) return hit;
    const def = a.default === undefined ? undefined : parsePyLiteral(a.default);
    if (v === undefined || def === undefined || !pyEquals(def, v)) {
      return t(
        `${fallback.alias.qualifiedName} does not accept ${key}=${v === undefined ? String(value) : pyRepr(v)}.`,
        `${fallback.alias.qualifiedName} は ${key}=${v === undefined ? String(value) : pyRepr(v)} を受け付けない。`,
      );
    }
  }
  return fallback;
}

/** Converts a passed value to a number for parameter `a.param`, or explains why it cannot. */
function numericValue(a: ApiArg, value: unknown, infinityMeansNone: boolean): number | LocalText {
  if (isUnknown(value)) {
    const quoted = mdCode(`${a.name}=${value.unknown}`);
    return t(
      `${quoted} could not be evaluated statically; the default is shown.`,
      `${quoted} は静的に評価できないため、既定値で表示している。`,
    );
  }
  const v: PyValue | undefined = asPyValue(value);
  if (typeof v === 'number') return v;
  if (v === null && infinityMeansNone) return Infinity;
  if (typeof v === 'string' && a.valueMap?.[pyRepr(v)] !== undefined) return a.valueMap[pyRepr(v)];
  const quoted = mdCode(`${a.name}=${v === undefined ? typeof value : pyRepr(v)}`);
  return t(
    `${quoted} is not a number the curve can use; the default is shown.`,
    `${quoted} は曲線に使える数値ではないため、既定値で表示している。`,
  );
}

/** Notes that depend on the API and the arguments rather than on parameter values. */
function contextNotes(args: CallArgs, alias: ApiAlias): LocalText[] {
  const notes: LocalText[] = [];
  // PyTorch's implicit-dim note matters only when dim is left out or None.
  const dim = alias.args.find((a) => a.name === 'dim' && a.default === 'None');
  const dimPassed = dim ? passed(alias, dim, args) : { given: false };
  const dimGiven = dimPassed.given && asPyValue(dimPassed.value) !== null;
  if (alias.note && !dimGiven) notes.push(alias.note);
  const training = alias.args.find((a) => a.name === 'training');
  if (training && asPyValue(passed(alias, training, args).value) === true) {
    notes.push(
      t(
        'training=True: each negative element gets a random slope in [lower, upper]; the curve shows the mean slope.',
        'training=True：負の要素ごとに [lower, upper] のランダムな傾きが使われる。曲線は平均の傾きを示す。',
      ),
    );
  }
  return notes;
}

/**
 * Resolves a framework call to a catalog entry and its effective parameters, or gives the reason
 * it cannot: an unknown name, an unsupported variant (`approximate='foo'`), an unknown keyword,
 * too many positional arguments, or parameter values outside the function's domain.
 */
export function resolveActivationDetailed(qualifiedName: string, args: CallArgs = {}): Resolution {
  if (typeof qualifiedName !== 'string') return no(t('No API name.', 'API 名がない。'));
  const norm = normalizeName(qualifiedName);
  const cands = aliasIndex().get(norm.name);
  if (!cands || cands.length === 0) {
    return no(
      t(
        `${qualifiedName} is not an activation the catalog knows.`,
        `${qualifiedName} はカタログにない活性化関数。`,
      ),
    );
  }
  const safeArgs: CallArgs = {
    positional: Array.isArray(args?.positional) ? args.positional : [],
    keywords: args?.keywords && typeof args.keywords === 'object' ? args.keywords : {},
  };
  const notes: LocalText[] = [...norm.notes];
  if (args?.spread) {
    notes.push(
      t(
        'The call unpacks *args or **kwargs; arguments hidden there are not taken into account.',
        'この呼び出しは *args や **kwargs を展開しているため、そこに含まれる引数は考慮していない。',
      ),
    );
  }
  const chosen = chooseAlias(cands, safeArgs, notes);
  if (!('alias' in chosen)) return no(chosen);
  const { alias } = chosen;
  const entry = getActivation(chosen.id);
  if (!entry) return no(t(`No entry ${chosen.id}.`, `項目 ${chosen.id} がない。`));

  const positional = safeArgs.positional ?? [];
  const byPosition = alias.args.filter((a) => !a.keywordOnly);
  if (positional.length > byPosition.length) {
    return no(
      t(
        `${alias.qualifiedName} takes at most ${byPosition.length} positional argument(s) besides the input.`,
        `${alias.qualifiedName} が入力以外に受け取る位置引数は最大 ${byPosition.length} 個。`,
      ),
    );
  }
  for (const k of Object.keys(safeArgs.keywords ?? {})) {
    if (alias.args.some((a) => a.name === k)) continue;
    if (alias.acceptsKwargs) {
      if (!KERAS_LAYER_KWARGS.has(k))
        notes.push(
          t(
            `Keyword ${mdCode(`${k}=`)} is passed on to the base layer.`,
            `キーワード ${mdCode(`${k}=`)} は基底レイヤーに渡される。`,
          ),
        );
      continue;
    }
    return no(
      t(
        `${alias.qualifiedName} has no argument ${k}=.`,
        `${alias.qualifiedName} に引数 ${k}= はない。`,
      ),
    );
  }

  const params: Params = aliasDefaults(entry.id, alias);
  const defaulted = new Set(entry.params.map((p) => p.name));
  for (const a of alias.args) {
    if (!a.param || alias.fixed?.[a.param] !== undefined) continue;
    const { given, value } = passed(alias, a, safeArgs);
    const spec = entry.params.find((p) => p.name === a.param);
    if (!given) {
      if (
        a.default === undefined &&
        // A deprecated spelling without a default (Keras 3 LeakyReLU's `alpha`) is not required
        // when another argument for the same parameter has one or is given.
        !alias.args.some(
          (b) =>
            b !== a &&
            b.param === a.param &&
            (b.default !== undefined || passed(alias, b, safeArgs).given),
        )
      ) {
        notes.push(
          t(
            `${a.name} is required by ${alias.qualifiedName} but not given; the catalog default ${spec?.default} is shown.`,
            `${a.name} は ${alias.qualifiedName} の必須引数だが指定されていないため、カタログの既定値 ${spec?.default} で表示している。`,
          ),
        );
      }
      continue;
    }
    const n = numericValue(a, value, !!spec?.infinityMeansNone);
    if (typeof n !== 'number') {
      notes.push(n);
      continue;
    }
    params[a.param] = n;
    defaulted.delete(a.param);
  }
  for (const k of Object.keys(alias.fixed ?? {})) defaulted.delete(k);

  const v = validateParams(entry.id, params);
  if (!v.ok) return no(v.message);
  notes.push(...contextNotes(safeArgs, alias));

  let id = entry.id;
  let finalParams = v.params;
  const simple = entry.simplify?.(v.params);
  if (simple) {
    id = simple.id;
    finalParams = simple.params;
  }
  const resolved: Resolved = {
    id,
    params: finalParams,
    defaulted: [...defaulted].filter((k) => k in finalParams),
    api: alias,
  };
  if (notes.length > 0) resolved.notes = notes;
  return { ok: true, resolved };
}

/**
 * The catalog entry and effective parameters computed by a framework call such as
 * `torch.nn.LeakyReLU(0.2)` → `{ id: 'leaky_relu', params: { negativeSlope: 0.2 } }`; undefined when
 * the name is unknown or the arguments cannot be used (see `resolveActivationDetailed` for why).
 */
export function resolveActivation(qualifiedName: string, args?: CallArgs): Resolved | undefined {
  try {
    const r = resolveActivationDetailed(qualifiedName, args);
    return r.ok ? r.resolved : undefined;
  } catch (e) {
    reportCoreError(e, 'resolveActivation');
    return undefined;
  }
}

/**
 * What `activation="<name>"` computes in Keras 3 (`keras`) or tf-keras 2 (`tf-keras`), e.g.
 * 'leaky_relu' → slope 0.2 in both (tf-keras via tf.nn.leaky_relu). Undefined for unknown names.
 */
export function resolveKerasString(
  name: string,
  framework: 'keras' | 'tf-keras',
): Resolved | undefined {
  const table = framework === 'tf-keras' ? TF_KERAS_STRINGS : KERAS3_STRINGS;
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(table, name))
    return undefined;
  const r = resolveActivation(table[name]);
  if (!r) return undefined;
  const call = mdCode(`activation="${name}"`);
  const note = t(
    `${call} calls ${mdCode(table[name])}.`,
    `${call} は ${mdCode(table[name])} を呼び出す。`,
  );
  return { ...r, notes: [note, ...(r.notes ?? [])] };
}

/** The names `activation="…"` accepts, sorted, for completions (Keras 3 unless told otherwise). */
export function kerasStringNames(framework: 'keras' | 'tf-keras' = 'keras'): string[] {
  return Object.keys(framework === 'tf-keras' ? TF_KERAS_STRINGS : KERAS3_STRINGS).sort();
}
