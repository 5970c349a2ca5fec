/**
 * Fitting generated code to the imports a file already has: which frameworks it imports, and
 * how the module names of the generated code are spelled there. A file with
 * `import torch.nn as nn` needs no `from torch import nn`; one with `from torch import nn as tnn`
 * gets `tnn.Module`; one with only `import tensorflow as tf` gets `tf.keras.layers.Layer`. Pure;
 * works on the module binding table of `python/moduleTable.ts` (earlier notebook cells included).
 */
import type { BindingTable } from '../python/imports';
import type { ImplFramework } from './generate';

/** The top-level package names that mean a file uses a framework. */
const FRAMEWORK_ROOTS: Record<ImplFramework, readonly string[]> = {
  pytorch: ['torch'],
  keras: ['keras', 'tensorflow', 'tf_keras'],
  jax: ['jax', 'flax'],
  numpy: ['numpy'],
};

/** Order of the frameworks when a file imports several (the first is the file's main one). */
const FRAMEWORK_ORDER: readonly ImplFramework[] = ['pytorch', 'keras', 'jax', 'numpy'];

/**
 * Modules that are equal for generated code: Keras 3 is `tensorflow.keras` in TensorFlow ≥ 2.16,
 * so a name bound to either serves code written for `keras`.
 */
const SAME_MODULE: Record<string, readonly string[]> = {
  keras: ['keras', 'tensorflow.keras'],
  'keras.ops': ['keras.ops', 'tensorflow.keras.ops'],
};

/** Modules reachable as an attribute of an imported parent (`tf.keras` after `import tensorflow as tf`). */
const ATTRIBUTE_OF: Record<string, { parent: string; attr: string }> = {
  keras: { parent: 'tensorflow', attr: 'keras' },
};

/** The module a name denotes at the end of the file's module level, or undefined (unbound/local). */
function targetOf(table: BindingTable, name: string, depth = 0): string | undefined {
  const list = table.get(name);
  const b = list?.[list.length - 1];
  if (!b || b.kind === 'local' || depth > 4) return undefined;
  if (b.kind === 'import') return b.target;
  const head = targetOf(table, b.path[0], depth + 1);
  return head === undefined ? undefined : [head, ...b.path.slice(1)].join('.');
}

/** A name that denotes module `path` in the file (preferring `preferred`), or undefined. */
function nameFor(table: BindingTable, path: string, preferred: string): string | undefined {
  const wanted = SAME_MODULE[path] ?? [path];
  if (wanted.includes(targetOf(table, preferred) ?? '')) return preferred;
  for (const name of table.keys()) if (wanted.includes(targetOf(table, name) ?? '')) return name;
  return undefined;
}

/**
 * Every framework the file imports at module level (directly, through an alias, or in an earlier
 * notebook cell), most specific first: PyTorch, Keras/TensorFlow, JAX/Flax, NumPy.
 */
export function frameworksUsed(table: BindingTable): ImplFramework[] {
  const roots = new Set<string>();
  for (const name of table.keys()) {
    const t = targetOf(table, name);
    if (t) roots.add(t.split('.')[0]);
  }
  return FRAMEWORK_ORDER.filter((fw) => FRAMEWORK_ROOTS[fw].some((r) => roots.has(r)));
}

/** One import statement of generated code: the name it binds and the module (or member) path. */
interface Needed {
  local: string;
  path: string;
  /** The statement with the bound name replaced by `alias`. */
  as: (alias: string) => string;
}

/** Reads `import a.b as c`, `import a`, `from a import b [as c]` (one name each). */
function parseImport(stmt: string): Needed | undefined {
  let m = /^import\s+([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(stmt);
  if (m) {
    const [, mod, alias] = m;
    if (!alias && mod.includes('.')) return undefined;
    return { local: alias ?? mod, path: mod, as: (a) => `import ${mod} as ${a}` };
  }
  m = /^from\s+([\w.]+)\s+import\s+(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(stmt);
  if (m) {
    const [, mod, member, alias] = m;
    return {
      local: alias ?? member,
      path: `${mod}.${member}`,
      as: (a) => `from ${mod} import ${member} as ${a}`,
    };
  }
  return undefined;
}

/** Whether a name is already taken in the file by something other than module `path`. */
function taken(table: BindingTable, name: string, path: string): boolean {
  const list = table.get(name);
  return !!list && list.length > 0 && targetOf(table, name) !== path;
}

/** Renames whole identifiers that are not attributes (`nn.Module` → `tnn.Module`, never `x.nn`). */
function renameNames(code: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return code;
  const names = [...renames.keys()].sort((a, b) => b.length - a.length).join('|');
  return code.replace(new RegExp(`(?<![\\w.])(${names})(?!\\w)`, 'g'), (n) => renames.get(n)!);
}

/**
 * Generated `code` with its module names spelled as the file spells them, and the import
 * statements of `imports` the file still lacks. A module the file imports under another name is
 * renamed in the code instead of imported again; one whose usual name the file binds to something
 * else (`nn` is `flax.linen`) is imported under a new name (`from torch import nn as torch_nn`).
 */
export function fitToImports(
  code: string,
  imports: readonly string[],
  table: BindingTable,
): { code: string; imports: string[] } {
  const renames = new Map<string, string>();
  const lacking: string[] = [];
  for (const stmt of imports) {
    const need = parseImport(stmt);
    if (!need) {
      lacking.push(stmt);
      continue;
    }
    const own = nameFor(table, need.path, need.local);
    if (own !== undefined) {
      if (own !== need.local) renames.set(need.local, own);
      continue;
    }
    const attribute = ATTRIBUTE_OF[need.path];
    const viaParent = attribute && nameFor(table, attribute.parent, attribute.parent);
    const dot = need.path.lastIndexOf('.');
    const parentRenamed = dot > 0 ? renamedModule(renames, imports, need.path.slice(0, dot)) : '';
    if (attribute && viaParent !== undefined) {
      renames.set(need.local, `${viaParent}.${attribute.attr}`);
    } else if (parentRenamed) {
      renames.set(need.local, `${parentRenamed}.${need.path.slice(dot + 1)}`);
    } else if (taken(table, need.local, need.path)) {
      const alias = need.path.replace(/\./g, '_') + (need.path.includes('.') ? '' : '_');
      renames.set(need.local, alias);
      lacking.push(need.as(alias));
    } else lacking.push(stmt);
  }
  return { code: renameNames(code, renames), imports: lacking };
}

/**
 * The expression a module of the generated imports was renamed to when it is reached as an
 * attribute (`tf.keras`), so its submodules follow (`tf.keras.ops`); '' otherwise.
 */
function renamedModule(
  renames: ReadonlyMap<string, string>,
  imports: readonly string[],
  path: string,
): string {
  for (const stmt of imports) {
    const n = parseImport(stmt);
    const r = n && n.path === path ? renames.get(n.local) : undefined;
    if (r && r.includes('.')) return r;
  }
  return '';
}
