/**
 * Arguments that our commands accept from hover links, the playground and other callers. They
 * are untrusted (a `command:` link can be written by anyone), so each field is checked and a bad
 * field is dropped on its own: the command then asks for what is missing instead of failing.
 */
import * as v from 'valibot';
import type { Params } from '../catalog/types';
import { getActivation } from '../catalog/catalog';
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
