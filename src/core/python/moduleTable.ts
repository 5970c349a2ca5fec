/**
 * The module-level binding table of one document: imports (one lezer parse over every
 * module-level import statement the scanner found), `def`/`class` names and assignments that
 * rebind or alias an imported name. Earlier notebook cells' tables are carried in first.
 */
import { parser } from '@lezer/python';
import { addBinding, importBindings, type Binding, type BindingTable } from './imports';
import { isIdentChar, Kw, type LogicalLines } from './scan';

/** Total size of module-level import statements read for the import table; imports beyond it
 * (in document order) are ignored. */
export const IMPORTS_MAX_CHARS = 64_000;

const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const DOTTED = /^[\p{L}_][\p{L}\p{N}_]*(?:[ \t]*\.[ \t]*[\p{L}_][\p{L}\p{N}_]*)*$/u;
const DEF_NAME = /^(?:async\s+)?(?:def|class)\s+([\p{L}_][\p{L}\p{N}_]*)/u;

/** Scope of each logical line: true when it lies inside a `def` or `class` body. */
function nestedFlags(lines: LogicalLines): Uint8Array {
  const nested = new Uint8Array(lines.count);
  for (let k = 0; k < lines.count; k++) {
    const p = lines.parent[k];
    if (p >= 0) {
      const kw = lines.keyword[p];
      nested[k] = kw === Kw.Def || kw === Kw.Class ? 1 : nested[p];
    }
  }
  return nested;
}

/** Names bound by an assignment target such as `a`, `a, b`, `(a, *b)`, `a: int`. */
export function targetNames(target: string): string[] {
  const colon = target.indexOf(':');
  const t = colon >= 0 ? target.slice(0, colon) : target;
  const out: string[] = [];
  for (const part of t.split(',')) {
    const s = part.replace(/[()[\]*\s]/g, '');
    if (IDENT.test(s)) out.push(s);
  }
  return out;
}

/**
 * Module-level bindings in document order; `inherited` (earlier cells) come first at offset -1.
 * Only names some import binds can be shadowed in a way that matters, so other assignments are
 * skipped without being read.
 */
export function buildModuleTable(
  text: string,
  lines: LogicalLines | undefined,
  inherited: BindingTable | undefined,
): BindingTable {
  const table: BindingTable = new Map();
  if (inherited) {
    for (const [name, list] of inherited)
      for (const b of list) addBinding(table, name, { ...b, pos: -1 });
  }
  for (const [name, b] of ownBindings(text, lines, inherited)) addBinding(table, name, b);
  return table;
}

/** The names that matter: this document's own (growing) and the inherited ones, never copied. */
interface NameSet {
  has(name: string): boolean;
  add(name: string): void;
}
const EVERY_NAME: NameSet = { has: () => true, add: () => undefined };

/**
 * This document's own module-level bindings, in document order, without copying `inherited`
 * (whose names only decide which assignments matter): the per-cell step of a notebook.
 */
export function ownBindings(
  text: string,
  lines: LogicalLines | undefined,
  inherited: BindingTable | undefined,
): Array<[string, Binding]> {
  if (!lines) return [];
  const nested = nestedFlags(lines);
  const found: Array<[string, Binding]> = [];
  // Imports first: one lezer parse over every module-level import statement.
  const ranges: Array<{ from: number; to: number }> = [];
  let total = 0;
  for (let k = 0; k < lines.count; k++) {
    const kw = lines.keyword[k];
    if (nested[k] || (kw !== Kw.Import && kw !== Kw.From)) continue;
    const r = { from: lines.start[k], to: Math.min(text.length, lines.end[k] + 1) };
    total += r.to - r.from;
    if (total > IMPORTS_MAX_CHARS) break;
    ranges.push(r);
  }
  if (ranges.length > 0) {
    const tree = parser.parse(text, undefined, ranges);
    const base = ranges[0].from;
    for (let c = tree.topNode.firstChild; c; c = c.nextSibling) {
      if (c.name === 'ImportStatement') found.push(...importBindings(c, text, base));
    }
  }
  // Only names that some import binds (here or in an earlier cell) can be shadowed in a way
  // that matters, and only assignments from such names can alias a module.
  const imported = new Set(found.map(([name]) => name));
  // After a star import any module-level name may shadow one it bound, so every name matters.
  const starred = imported.has('*') || !!inherited?.has('*');
  const interesting: NameSet = starred
    ? EVERY_NAME
    : { has: (n) => imported.has(n) || !!inherited?.has(n), add: (n) => imported.add(n) };
  for (let k = 0; k < lines.count; k++) {
    if (nested[k]) continue;
    const kw = lines.keyword[k];
    const s = lines.start[k];
    if (kw === Kw.Def || kw === Kw.Class) {
      const m = DEF_NAME.exec(text.slice(s, s + 200));
      if (m && interesting.has(m[1])) found.push([m[1], { kind: 'local', pos: s }]);
      continue;
    }
    const eq = lines.eq[k];
    if (kw !== Kw.None || eq < 0 || eq - s > 200) continue;
    if (plainUninteresting(text, s, eq, interesting)) continue;
    readAssignment(text, s, eq, lines.end[k], interesting, found);
  }
  found.sort((a, b) => a[1].pos - b[1].pos);
  return found;
}

/** Reads the identifier at `i` (ASCII fast path; '' when there is none). */
function identAt(text: string, i: number): { name: string; end: number } {
  let j = i;
  while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
  return { name: text.slice(i, j), end: j };
}

/** Cheap pre-check: `name = other…` where neither name can matter (the common case). */
function plainUninteresting(text: string, s: number, eq: number, interesting: NameSet): boolean {
  const target = identAt(text, s);
  let j = target.end;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  if (j !== eq || interesting.has(target.name)) return false;
  j = eq + 1;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  return !interesting.has(identAt(text, j).name);
}

function readAssignment(
  text: string,
  start: number,
  eq: number,
  end: number,
  interesting: NameSet,
  found: Array<[string, Binding]>,
): void {
  const names = targetNames(text.slice(start, eq));
  if (names.length === 0) return;
  let rhs = text.slice(eq + 1, Math.min(end, eq + 301));
  const hash = rhs.indexOf('#');
  if (hash >= 0) rhs = rhs.slice(0, hash);
  rhs = rhs.trim();
  // `torch = None` in an `except ImportError:` branch is the optional-import idiom, not a rebinding.
  if (rhs === 'None') return;
  if (names.length === 1 && DOTTED.test(rhs)) {
    const path = rhs.split('.').map((p) => p.trim());
    if (interesting.has(path[0]) || interesting.has(names[0])) {
      interesting.add(names[0]);
      found.push([names[0], { kind: 'alias', pos: start, path }]);
    }
    return;
  }
  for (const name of names)
    if (interesting.has(name)) found.push([name, { kind: 'local', pos: start }]);
}
