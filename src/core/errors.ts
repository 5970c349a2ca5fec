/**
 * The core's one error hook. Functions documented as "never throws" (hover, resolution, plots,
 * snippets, the Python detector) catch what goes wrong and answer `undefined`; they hand the
 * caught error here first, so a core bug shows in the host's log instead of as a silently
 * missing hover. Tests set a handler to prove that no query failed.
 */

let handler: ((error: unknown, where: string) => void) | undefined;

/** Sets (or, with undefined, clears) the receiver of errors the core caught instead of throwing. */
export function setCoreErrorHandler(
  h: ((error: unknown, where: string) => void) | undefined,
): void {
  handler = h;
}

/** Hands a caught error, and the function it was caught in, to the handler; never throws. */
export function reportCoreError(error: unknown, where = 'core'): void {
  try {
    handler?.(error, where);
  } catch {
    // A failing handler must not turn a quiet `undefined` into an exception.
  }
}

/**
 * A message as one log line: line breaks and other control characters (from a page error, a
 * file name, a core error's stack) are shown escaped, so no text can forge a log line of its own.
 */
export function oneLogLine(message: string): string {
  return String(message).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
