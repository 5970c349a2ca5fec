/**
 * Name bindings: what an identifier means at a point of a Python file, as far as imports can
 * tell. `import torch.nn as nn` binds `nn` to the module `torch.nn`; `from keras import layers`
 * binds `layers` to `keras.layers`; `nn = torch.nn` aliases; `def relu(x): …`, `nn = Model()`
 * or a parameter named `nn` are local bindings that shadow any import of the same name.
 */
import type { SyntaxNode } from '@lezer/common';

/** One binding of a name. `pos` is a document offset (earlier notebook cells use -1). */
export type Binding =
  | { kind: 'import'; pos: number; target: string }
  | { kind: 'alias'; pos: number; path: string[] }
  | { kind: 'local'; pos: number };

/** Bindings by name, each list in document order; star imports are listed under `*`. */
export type BindingTable = Map<string, Binding[]>;

/** Adds a binding to a table, keeping document order when callers add in order. */
export function addBinding(table: BindingTable, name: string, b: Binding): void {
  const list = table.get(name);
  if (list) list.push(b);
  else table.set(name, [b]);
}

/**
 * The binding in effect at `offset`: the last one that starts before it; when none does (a use
 * above its import, e.g. in a function defined earlier), the first one.
 */
export function pickBinding(
  list: readonly Binding[] | undefined,
  offset: number,
): Binding | undefined {
  if (!list || list.length === 0) return undefined;
  let chosen: Binding | undefined;
  for (const b of list) if (b.pos < offset) chosen = b;
  return chosen ?? list[0];
}

/**
 * Reads one `ImportStatement` node into (name, binding) pairs. `base` maps the node's positions
 * (relative to the parse's first range) to document offsets. Relative imports bind local names.
 */
export function importBindings(
  node: SyntaxNode,
  text: string,
  base: number,
): Array<[string, Binding]> {
  const out: Array<[string, Binding]> = [];
  const pos = node.from + base;
  const word = (n: SyntaxNode): string => text.slice(n.from + base, n.to + base);
  const kids: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) kids.push(c);
  if (kids.length === 0) return out;
  let k = 0;
  let fromModule: string | undefined;
  let relative = false;
  if (kids[0].name === 'from') {
    k = 1;
    const parts: string[] = [];
    while (k < kids.length && kids[k].name !== 'import') {
      const nm = kids[k].name;
      if ((nm === '.' || nm === 'Ellipsis') && parts.length === 0) relative = true;
      else if (nm === 'VariableName') parts.push(word(kids[k]));
      k++;
    }
    fromModule = parts.join('.');
  }
  if (k >= kids.length || kids[k].name !== 'import') return out;
  k++;
  // `from m import *` binds every public name of m; recorded under the name `*` (see lookupName).
  if (kids[k]?.name === '*') {
    if (fromModule && !relative) out.push(['*', { kind: 'import', pos, target: fromModule }]);
    return out;
  }
  // The rest is a comma-separated list of `dotted.name [as alias]` (maybe in parentheses).
  let dotted: string[] = [];
  let alias: string | undefined;
  let expectAlias = false;
  const flush = (): void => {
    if (dotted.length === 0) return;
    if (fromModule !== undefined) {
      const name = alias ?? dotted[dotted.length - 1];
      const target = [fromModule, ...dotted].filter((s) => s).join('.');
      out.push([name, relative ? { kind: 'local', pos } : { kind: 'import', pos, target }]);
    } else if (alias !== undefined) {
      out.push([alias, { kind: 'import', pos, target: dotted.join('.') }]);
    } else {
      // `import torch.nn` binds `torch` to the top-level package.
      out.push([dotted[0], { kind: 'import', pos, target: dotted[0] }]);
    }
    dotted = [];
    alias = undefined;
  };
  for (; k < kids.length; k++) {
    const c = kids[k];
    if (c.name === 'VariableName') {
      if (expectAlias) {
        alias = word(c);
        expectAlias = false;
      } else dotted.push(word(c));
    } else if (c.name === 'as') expectAlias = true;
    else if (c.name === ',') flush();
  }
  flush();
  return out;
}
