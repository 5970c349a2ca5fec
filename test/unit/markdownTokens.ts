/**
 * The hover's Markdown as a Markdown parser (marked, the parser VS Code uses) reads it: every
 * token, the links and images, and the rendered text. Tests use it to prove that text from a
 * user's file never becomes markup.
 */
import { marked, type Token } from 'marked';

/** Every token of `md`, block and inline, depth first. */
export function allTokens(md: string): Token[] {
  const out: Token[] = [];
  const walk = (tokens: Token[] | undefined) => {
    for (const t of tokens ?? []) {
      out.push(t);
      const nested = t as { tokens?: Token[]; items?: Token[] };
      walk(nested.tokens);
      walk(nested.items);
    }
  };
  walk(marked.lexer(md));
  return out;
}

/** Links and images (with their href), and the token types that no hover of ours contains. */
export function markup(md: string) {
  const tokens = allTokens(md);
  const of = (type: string) =>
    tokens.filter((t) => t.type === type).map((t) => (t as { href: string }).href);
  return {
    links: of('link'),
    images: of('image'),
    foreign: tokens.filter((t) => ['heading', 'html', 'table', 'def'].includes(t.type)),
    html: marked.parse(md, { async: false }),
  };
}

/** How often VS Code's theme-icon syntax `$(name)` occurs in the rendered HTML. */
export function iconCount(html: string): number {
  return (html.match(/\$\([\w-]+(~[\w-]*)?\)/g) ?? []).length;
}
