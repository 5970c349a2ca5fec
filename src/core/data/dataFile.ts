/**
 * The host's rules for a person's data file, kept pure so they are tested in Node: which bytes
 * are text the playground can read, and which files a reloaded page may ask to read again.
 */
import { TABLE_LIMITS } from './limits';

/** Why a file's bytes are not a data table. */
export type DataBytesRefusal = 'tooLarge' | 'notText';

/** Bytes looked at for a NUL, the mark of a binary file (as git and grep do). */
const BINARY_SNIFF_BYTES = 8192;

/**
 * The text of a data file's bytes, or why not: more than `TABLE_LIMITS.maxBytes`, a NUL byte in
 * the first 8 KB (a binary file, a spreadsheet, UTF-16), or not valid UTF-8 (a Latin-1 or
 * Shift_JIS export). A UTF-8 byte order mark is dropped.
 */
export function decodeDataBytes(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; reason: DataBytesRefusal } {
  if (bytes.length > TABLE_LIMITS.maxBytes) return { ok: false, reason: 'tooLarge' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'notText' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'notText' };
  }
}

/** Files remembered per workspace. */
export const REMEMBERED_FILES = 20;

/** The stored list as a list of strings, whatever the store held. */
function asList(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

/** The remembered files after the person chose `uri`: it first, no repeats, at most 20. */
export function rememberFile(stored: unknown, uri: string): string[] {
  return [uri, ...asList(stored).filter((k) => k !== uri)].slice(0, REMEMBERED_FILES);
}

/**
 * Whether a reloaded page may have `uri` read again: only a file the person chose in this
 * workspace (a page's message is not trusted to name any other file).
 */
export function mayReread(stored: unknown, uri: string): boolean {
  return asList(stored).includes(uri);
}
