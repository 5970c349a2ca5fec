/**
 * Text from a user's file (argument values, names, notes quoting a call) as inert Markdown: it
 * can show up as text or inside a code span, but never as a link, image, heading, HTML, table or
 * theme icon. The hover is *trusted* Markdown with command links enabled, so every piece of
 * source-derived text goes through `mdCode`, `mdText` or `mdInline` on its way in; only the
 * extension's own links are written raw. Dependency-free, so any core module may use it.
 */

/** Longest source text shown in one code span, in code points (an ellipsis marks the cut). */
export const CODE_MAX = 80;
/** Longest plain text shown for one piece (a note), in code points. */
export const TEXT_MAX = 400;

/**
 * Line breaks, other C0/C1 control characters, and the bidirectional overrides and isolates that
 * can make displayed text differ from its logical order (Trojan Source).
 */
const UNSAFE_CHARS =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of at most `max` code points: control characters and line breaks become spaces (so
 * a value cannot start a heading, a list or a table row on a line of its own), and `$(` gets a
 * zero-width space after the `$` so VS Code's theme-icon syntax `$(name)` never renders, not even
 * inside a code span (VS Code replaces icons in the rendered HTML).
 */
export function oneLine(text: string, max: number): string {
  const flat = String(text).replace(UNSAFE_CHARS, ' ').replace(/\$\(/g, '$\u200b(');
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * `text` as one Markdown code span with a single-backtick fence; backticks inside are shown as the
 * look-alike `ˋ` (U+02CB). A longer fence would be valid CommonMark, but marked (the parser VS Code
 * uses) masks only single-backtick spans when it pairs emphasis, so a `*` inside a double-backtick
 * span could close an emphasis outside it and break the span open (found by the markdown fuzz
 * test). Padded with a space on each side when the text starts and ends with a space (the parser
 * strips one of each) or ends with a backslash; an empty text is one space.
 */
export function mdCode(text: string, max: number = CODE_MAX): string {
  const s = oneLine(text, max).replace(/`/g, '\u02cb');
  if (s === '') return '` `';
  const spaced = s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '';
  // marked reads `\` + backtick as an escape when it pairs emphasis: keep the fence apart.
  const pad = spaced || s.endsWith('\\') ? ' ' : '';
  return `\`${pad}${s}${pad}\``;
}

/**
 * `text` as literal Markdown text: every ASCII punctuation character is backslash-escaped (which
 * CommonMark allows for all of them), so no `[`, `!`, `<`, `#`, `*`, `_`, `|`, `` ` ``, `&`, `\`,
 * `~` or `:` keeps a meaning; escaping `.`, `:` and `@` also stops GFM's bare-URL (`www.`,
 * `https://`) and e-mail autolinks. Trimmed, so it cannot start with a list marker's space or an
 * indented code block.
 */
export function mdText(text: string, max: number = TEXT_MAX): string {
  return escapePunctuation(oneLine(text, max).trim());
}

/** Backslash before every ASCII punctuation character. */
function escapePunctuation(s: string): string {
  return s.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * Text that may contain code spans (a note from the catalog such as ``other β is the `swish`
 * entry``, or one quoting the call): code spans stay code spans, re-fenced by `mdCode`, and all
 * the rest is escaped by `mdText`, so the result has no other Markdown than code spans, whatever
 * the input. A backtick run without a closing run of the same length is literal text.
 */
export function mdInline(text: string, max: number = TEXT_MAX): string {
  const s = oneLine(text, max).trim();
  const out: string[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (s[j] === '`') j++;
    const fence = s.slice(i, j);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
    close.lastIndex = j;
    const m = close.exec(s);
    if (!m) {
      i = j;
      continue;
    }
    let code = s.slice(j, m.index);
    if (/^ .*[^ ].* $/s.test(code)) code = code.slice(1, -1);
    out.push(escapePunctuation(s.slice(plainFrom, i)), mdCode(code, Infinity));
    i = plainFrom = m.index + fence.length;
  }
  out.push(escapePunctuation(s.slice(plainFrom)));
  return out.join('');
}
