/**
 * The one runtime check every boundary uses (host ↔ webview, page ↔ worker, command arguments):
 * a valibot schema in, the typed value or the first issue's reason out. Never throws.
 */
import * as v from 'valibot';

/** Result of checking an incoming message: the typed message, or the reason it was dropped. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Checks `raw` against `schema`; the reason names the path of the first issue (≤ 300 chars). */
export function check<T>(schema: v.GenericSchema<unknown, T>, raw: unknown): Checked<T> {
  const r = v.safeParse(schema, raw);
  if (r.success) return { ok: true, message: r.output };
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: `${path ? path + ': ' : ''}${issue.message}`.slice(0, 300) };
}
