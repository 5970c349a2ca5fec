/**
 * The one request/reply helper of every message channel (host ↔ page, page ↔ worker). A request
 * carries an id; its single reply carries `inReplyTo` (that id) and a typed `status`. The side
 * that asks keeps a `PendingRequests` table and settles each request by its id, so a reply to a
 * request nobody is waiting for (stale, duplicated or forged) is recognised and dropped.
 */
import * as v from 'valibot';

/** How a request ended: done, given up by the person (a cancelled dialog), or failed. */
const REPLY_STATUSES = ['ok', 'cancelled', 'error'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** A request id: a non-negative safe integer, unique per requesting side. */
export const RequestIdSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(Number.MAX_SAFE_INTEGER),
);

/** The fields every reply message has (spread into its `v.object`). */
export const replyEntries = {
  /** The id of the request this answers. */
  inReplyTo: RequestIdSchema,
  status: v.picklist(REPLY_STATUSES),
  /** What a person reads: a saved file's path, or why it failed (empty when there is nothing to say). */
  detail: v.pipe(v.string(), v.maxLength(4096)),
};

/** The reply part of a message. */
export interface Reply {
  inReplyTo: number;
  status: ReplyStatus;
  detail: string;
}

/** The reply fields answering request `id`. */
export function replyTo(id: number, status: ReplyStatus, detail = ''): Reply {
  return { inReplyTo: id, status, detail: detail.slice(0, 4096) };
}

/** The requests one side sent and still waits for, by id. */
export class PendingRequests<R extends Reply> {
  private next = 1;
  private readonly waiting = new Map<number, (reply: R) => void>();

  /** Sends a request built around a fresh id; resolves with its reply. */
  request(send: (id: number) => void): { id: number; reply: Promise<R> } {
    const id = this.next++;
    const reply = new Promise<R>((resolve) => this.waiting.set(id, resolve));
    send(id);
    return { id, reply };
  }

  /** Settles the request `reply` answers; false if no request waits for that id. */
  settle(reply: R): boolean {
    const resolve = this.waiting.get(reply.inReplyTo);
    if (!resolve) return false;
    this.waiting.delete(reply.inReplyTo);
    resolve(reply);
    return true;
  }

  /** Settles every waiting request with the reply `make` builds (the other side went away). */
  settleAll(make: (id: number) => R): void {
    for (const id of [...this.waiting.keys()]) this.settle(make(id));
  }

  /** Whether request `id` still waits for its reply. */
  isWaiting(id: number): boolean {
    return this.waiting.has(id);
  }
}

/** Compile-time exhaustiveness check closing every `switch` over message types. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}
