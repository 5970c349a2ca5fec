/**
 * Arguments that our commands accept from hover links, the playground and other callers. They
 * are untrusted (a `command:` link can be written by anyone), so each field is checked and a bad
 * field is dropped on its own: the command then asks for what is missing instead of failing.
 */
import * as v from 'valibot';
import type { LocalText, Params } from '../catalog/types';
import { getActivation, validateParams } from '../catalog/catalog';
import type { ShowRequest } from './webviewProtocol';
import { IMPL_FRAMEWORKS, type ImplFramework } from '../snippets/generate';
import { check } from './validate';

/** Finite numbers only, at most 16 of them; other entries are dropped. */
const LooseParams = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(64)), v.unknown()),
  v.transform(
    (r): Params =>
      Object.fromEntries(
        Object.entries(r).filter(([, x]) => typeof x === 'number' && Number.isFinite(x)),
      ) as Params,
  ),
  v.check((r) => Object.keys(r).length <= 16),
);
const Id = v.pipe(v.string(), v.maxLength(64));
/** A field that is dropped, not fatal, when it does not check. */
const lenient = <T extends v.GenericSchema>(s: T) => v.fallback(v.optional(s), undefined);

const InsertArgsSchema = v.object({
  id: lenient(Id),
  framework: lenient(v.picklist(IMPL_FRAMEWORKS as ImplFramework[])),
  params: lenient(LooseParams),
});
/** `activationLab.insertImplementation`: what to insert; anything absent is asked for. */
export type InsertArgs = v.InferOutput<typeof InsertArgsSchema>;

const TrainArgsSchema = v.object({ id: Id, params: lenient(LooseParams) });
/** `activationLab.trainWith`: the activation to train with; without an id the command asks. */
export type TrainArgs = v.InferOutput<typeof TrainArgsSchema>;

/** Reads the insert command's argument; a non-object means "ask for everything". */
export function parseInsertArgs(raw: unknown): InsertArgs {
  const r = check(InsertArgsSchema, raw);
  return r.ok ? r.message : {};
}

/** Reads the train command's argument; undefined means "ask". */
export function parseTrainArgs(raw: unknown): TrainArgs | undefined {
  const r = check(TrainArgsSchema, raw);
  return r.ok ? r.message : undefined;
}

/** What the train command does with its argument (see `checkTrainArgs`). */
export interface TrainPlan {
  /** The element-wise activation to train with; absent: ask for one. */
  id?: string;
  /** Its parameters, checked by the catalog (absent: the defaults). */
  params?: Params;
  /** Why (part of) the argument was refused, and what happens instead, for the person. */
  problem?: LocalText;
}

const text = (en: string, ja: string): LocalText => ({ en, ja });

/**
 * The train command's argument checked like any request from outside: `{ id, params? }` with an
 * element-wise catalog id, and parameters that the catalog's own check accepts (no name the
 * entry lacks, every value in its domain). A wrong id is refused (the command asks for an
 * activation); wrong parameters are refused as a whole (the defaults are used). Either way
 * `problem` says which field and why. No argument at all means "ask", without a problem.
 */
export function checkTrainArgs(raw: unknown): TrainPlan {
  if (raw === undefined || raw === null) return {};
  const a = parseTrainArgs(raw);
  if (!a)
    return {
      problem: text(
        'The request names no activation (id); pick one.',
        '要求に活性化関数 (id) がない。選んでください。',
      ),
    };
  const e = getActivation(a.id);
  if (!e || e.kind !== 'elementwise') {
    const name = e?.name ?? JSON.stringify(a.id);
    return {
      problem: text(
        `${name} cannot be trained: the hidden layers need an element-wise activation; pick one.`,
        `${name} は学習できない (隠れ層には要素ごとの活性化関数が必要)。選んでください。`,
      ),
    };
  }
  const given = (raw as { params?: unknown }).params ?? {};
  const checked =
    typeof given === 'object' && !Array.isArray(given)
      ? validateParams(e.id, given as Record<string, unknown>)
      : {
          ok: false as const,
          message: text('params must be an object.', 'params はオブジェクトでなければならない。'),
        };
  if (checked.ok) return { id: e.id, params: checked.params };
  return {
    id: e.id,
    problem: text(
      `${e.name}: ${checked.message.en} The default parameters are used.`,
      `${e.name}: ${checked.message.ja} 既定のパラメータを使う。`,
    ),
  };
}

const RevealArgsSchema = v.object({
  offset: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
  line: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e8)),
  uri: lenient(v.pipe(v.string(), v.maxLength(4096))),
});
/** `activationLab.revealBinding`: where a hover's "bound at line N" link moves the cursor. */
export type RevealArgs = v.InferOutput<typeof RevealArgsSchema>;

/** Reads the reveal command's argument; undefined when it is not a valid position. */
export function parseRevealArgs(raw: unknown): RevealArgs | undefined {
  const r = check(RevealArgsSchema, raw);
  return r.ok ? r.message : undefined;
}

/**
 * Why a valid `showInPlayground` request is still refused, or undefined: `train: true` needs its
 * first curve to be an element-wise catalog activation; otherwise the playground would train
 * whatever was selected before. A Gradient-flow preset needs an element-wise activation too.
 */
export function showRefusal(req: ShowRequest): string | undefined {
  if (req.gradient && getActivation(req.gradient.id)?.kind !== 'elementwise')
    return `cannot show gradient flow with ${JSON.stringify(req.gradient.id)}: not an element-wise activation`;
  if (req.train !== true) return undefined;
  const id = req.curves[0]?.id;
  const e = id === undefined ? undefined : getActivation(id);
  if (e?.kind === 'elementwise') return undefined;
  return `cannot train with ${JSON.stringify(id ?? null)}: not an element-wise activation`;
}
