/**
 * Placing generated code in a Python document: which framework the file already uses, which of
 * the needed imports it lacks and where they go, and how the code is indented at the cursor.
 * Pure text functions; the host turns the results into edits.
 */
import type { ImplFramework } from './generate';

/** Lines read from the top of a file when looking for imports (bounded work on huge files). */
const HEADER_LINES = 400;

/**
 * The implementation framework a file already imports: PyTorch, then Keras/TensorFlow, then
 * JAX/Flax, then NumPy; undefined when it imports none of them.
 */
export function frameworkOfDocument(text: string): ImplFramework | undefined {
  const head = text.split('\n', HEADER_LINES).join('\n');
  const uses = (mod: string) => new RegExp(`^\\s*(?:import|from)\\s+(?:${mod})\\b`, 'm').test(head);
  if (uses('torch')) return 'pytorch';
  if (uses('keras|tensorflow|tf_keras')) return 'keras';
  if (uses('jax|flax')) return 'jax';
  if (uses('numpy')) return 'numpy';
  return undefined;
}

/** Import statements present in the file, normalised (single spaces). */
function presentImports(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n', HEADER_LINES * 4)) {
    const m = /^(import|from)\s.*$/.exec(line.trim());
    if (m) out.add(line.trim().replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * The imports of `needed` the file lacks, and the offset to insert them at: after the last
 * top-of-file import (or after a module docstring, comments and `from __future__` lines, when
 * there is no import). The text to insert ends with a newline.
 */
export function missingImports(
  text: string,
  needed: readonly string[],
): { offset: number; text: string } | undefined {
  const present = presentImports(text);
  const lacking = needed.filter((n) => !present.has(n.replace(/\s+/g, ' ')));
  if (lacking.length === 0) return undefined;
  const lines = text.split('\n', HEADER_LINES);
  let offset = 0;
  let pos = 0;
  let inDocstring: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    const end = pos + line.length + 1;
    if (inDocstring) {
      if (t.includes(inDocstring)) [inDocstring, offset] = [undefined, end];
    } else if (i === 0 && t.startsWith('#!')) {
      offset = end;
    } else if (/^[rRuU]?("""|''')/.test(t)) {
      const q = t.includes('"""') ? '"""' : "'''";
      const rest = t.slice(t.indexOf(q) + 3);
      if (rest.includes(q)) offset = end;
      else inDocstring = q;
    } else if (/^(import|from)\s/.test(t)) {
      offset = end;
    } else if (t !== '' && !t.startsWith('#')) {
      break;
    }
    pos = end;
  }
  offset = Math.min(offset, text.length);
  const prefix = offset > 0 && text[offset - 1] !== '\n' ? '\n' : '';
  return { offset, text: `${prefix}${lacking.join('\n')}\n` };
}

/** Indents every non-empty line of `code` by `indent` (the cursor line's indentation). */
export function indentCode(code: string, indent: string): string {
  if (!indent) return code;
  return code
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}
