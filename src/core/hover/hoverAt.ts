/**
 * One call from a cursor to a hover: find the mention (python/), resolve it to a catalog entry
 * with effective parameters (catalog/), and write the Markdown (hoverContent). The host keeps
 * the analysis per document version and calls this on every hover.
 */
import type { Resolved } from '../catalog/types';
import { findMention, type Mention } from '../python/mentions';
import type { PythonAnalysis } from '../python/parse';
import { resolveMention } from '../python/resolveMention';
import { hoverMarkdown, type HoverOptions } from './hoverContent';

/** A hover ready to show: its Markdown and the document range of the hovered token. */
export interface HoverAnswer {
  markdown: string;
  from: number;
  to: number;
  id: string;
  mention: Mention;
  resolved: Resolved;
}

/** The hover at a UTF-16 offset, or undefined when no known activation is there. Never throws. */
export function hoverAt(
  analysis: PythonAnalysis,
  offset: number,
  options: Partial<HoverOptions> = {},
): HoverAnswer | undefined {
  try {
    const mention = findMention(analysis, offset);
    if (!mention) return undefined;
    const resolved = resolveMention(mention);
    if (!resolved) return undefined;
    const markdown = hoverMarkdown({ mention, resolved }, options);
    if (!markdown) return undefined;
    return { markdown, from: mention.from, to: mention.to, id: resolved.id, mention, resolved };
  } catch {
    return undefined;
  }
}
