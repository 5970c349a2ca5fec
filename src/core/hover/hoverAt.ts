/**
 * One call from a cursor to a hover: find the mention (python/), resolve it to a catalog entry
 * with effective parameters (catalog/), and write the Markdown (hoverContent). A direct framework
 * mention is read first (its name arguments followed through their bindings); otherwise the
 * binding model follows the hovered name, `self.<attr>`, argument or dispatch key to what it is
 * bound to (python/boundHover). The host keeps the analysis per document version and calls this
 * on every hover.
 */
import { reportCoreError } from '../errors';
import type { LocalText, Resolved } from '../catalog/types';
import { findMention, type Mention } from '../python/mentions';
import type { PythonAnalysis } from '../python/parse';
import { resolveMention } from '../python/resolveMention';
import { boundHoverAt, refineDirect, type BoundOption } from '../python/boundHover';
import type { BindingStep } from '../python/boundValue';
import { UNKNOWN_REASON_TEXT } from '../python/boundValue';
import { DEFAULT_HOVER_OPTIONS, hoverMarkdown, type HoverOptions } from './hoverContent';
import {
  alternativeLines,
  dispatchLine,
  uncertainLines,
  unknownMarkdown,
  viaLines,
} from './bindingContent';
import { MAX_NOTEBOOK_CELLS } from '../python/notebookCells';
import { localize } from '../catalog/text';
import { L, fill } from './labels';
import { mdText } from './markdownSafe';
import { codeDefinedMarkdown } from './codeDefinedContent';

/** Hover options plus the document's URI, which the "bound at line N" links carry. */
export type HoverAtOptions = Partial<HoverOptions> & { documentUri?: string };

/**
 * A hover ready to show: its Markdown and the document range of the hovered token.
 *
 * `via` lists the binding sites from the use outwards (empty or absent for a direct mention);
 * `alternatives` the resolutions of every binding that reaches the name when there are several
 * (the first is the one `id`/`resolved` describe). When `unknown` is set, an activation is expected
 * here but cannot be known statically: `id` is `''`, `resolved` has no parameters and `mention`
 * is a placeholder.
 */
export interface HoverAnswer {
  markdown: string;
  from: number;
  to: number;
  id: string;
  mention: Mention;
  resolved: Resolved;
  via?: { line: number; text: string; offset: number }[];
  alternatives?: Resolved[];
  unknown?: LocalText;
}

function viaOf(steps: readonly BindingStep[]): HoverAnswer['via'] {
  return steps.map((s) => ({ line: s.line, text: s.text, offset: s.offset }));
}

function directAnswer(
  analysis: PythonAnalysis,
  mention: Mention,
  o: HoverAtOptions,
): HoverAnswer | undefined {
  const refined = refineDirect(analysis, mention);
  const resolved = refined?.resolved ?? resolveMention(mention);
  if (!resolved) return undefined;
  const m = refined?.mention ?? mention;
  const binding = uncertainLines(resolved, o.lang ?? DEFAULT_HOVER_OPTIONS.lang);
  const markdown = hoverMarkdown({ mention: m, resolved, binding }, o);
  if (!markdown) return undefined;
  return { markdown, from: mention.from, to: mention.to, id: resolved.id, mention: m, resolved };
}

function boundAnswer(
  options: BoundOption[],
  from: number,
  to: number,
  o: HoverAtOptions,
): HoverAnswer | undefined {
  const lang = o.lang ?? DEFAULT_HOVER_OPTIONS.lang;
  const [first] = options;
  const binding = [
    ...viaLines(first.via, lang, o.documentUri),
    ...(first.dispatch ? [dispatchLine(first.dispatch, lang)] : []),
    ...uncertainLines(first.resolved, lang),
  ];
  if (options.length > 1) binding.push('', ...alternativeLines(options, lang, o.documentUri));
  if (first.code) {
    // The hover of an activation defined in the file: its formula, curve and verdict.
    const markdown = codeDefinedMarkdown(first.code, o, binding);
    return { ...answerOf(first, options, from, to), markdown };
  }
  const shown =
    first.mention.kind === 'reference' && first.mention.value !== undefined
      ? first.mention.importedName
      : undefined;
  const markdown = hoverMarkdown(
    { mention: first.mention, resolved: first.resolved, binding, ...(shown ? { shown } : {}) },
    o,
  );
  if (!markdown) return undefined;
  return { ...answerOf(first, options, from, to), markdown };
}

/** The answer's fields other than its Markdown for the first of the bound options. */
function answerOf(
  first: BoundOption,
  options: BoundOption[],
  from: number,
  to: number,
): Omit<HoverAnswer, 'markdown'> {
  return {
    from,
    to,
    id: first.resolved.id,
    mention: { ...first.mention, from, to },
    resolved: first.resolved,
    via: viaOf(first.via),
    ...(options.length > 1 ? { alternatives: options.map((x) => x.resolved) } : {}),
  };
}

/**
 * The hover at a UTF-16 offset, or undefined when no known activation is there. Never throws.
 * In a notebook cell whose earlier cells were not all read, the hover says so at its end.
 */
export function hoverAt(
  analysis: PythonAnalysis,
  offset: number,
  options: HoverAtOptions = {},
): HoverAnswer | undefined {
  const answer = answerAt(analysis, offset, options);
  if (answer && analysis.skippedCells > 0) {
    const text = localize(L.cellsSkipped, options.lang ?? DEFAULT_HOVER_OPTIONS.lang);
    answer.markdown += `\n\n---\n\n*${mdText(fill(text, analysis.skippedCells, MAX_NOTEBOOK_CELLS))}*`;
  }
  return answer;
}

function answerAt(
  analysis: PythonAnalysis,
  offset: number,
  options: HoverAtOptions,
): HoverAnswer | undefined {
  try {
    const mention = findMention(analysis, offset);
    // A bare name (`ACT()` after `ACT = nn.SiLU`) may be an alias bound in the file: the binding
    // model then says where; an imported name (`GELU()` from `torch.nn`) has no binding steps.
    const bare = mention && analysis.text.charAt(mention.from - 1) !== '.';
    const bound = !mention || bare ? boundHoverAt(analysis, offset) : undefined;
    if (mention && !(bound && bound.options.length > 0 && bound.options[0].via.length > 0)) {
      const direct = directAnswer(analysis, mention, options);
      if (direct) return direct;
    }
    if (!bound) return undefined;
    if (bound.options.length > 0) return boundAnswer(bound.options, bound.from, bound.to, options);
    if (!bound.unknown) return undefined;
    const lang = options.lang ?? DEFAULT_HOVER_OPTIONS.lang;
    const markdown = unknownMarkdown(bound.unknown, lang, options.documentUri);
    return {
      markdown,
      from: bound.from,
      to: bound.to,
      id: '',
      mention: {
        kind: 'reference',
        qualifiedName: '',
        framework: 'paper',
        from: bound.from,
        to: bound.to,
        args: { positional: [], keywords: {} },
        importedName: '',
      },
      resolved: { id: '', params: {} },
      via: viaOf(bound.unknown.via),
      unknown: UNKNOWN_REASON_TEXT[bound.unknown.reason],
    };
  } catch (e) {
    reportCoreError(e, 'hoverAt');
    return undefined;
  }
}
export { jsonHoverAt } from './jsonHover';
