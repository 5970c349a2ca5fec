/**
 * The Python frameworks the extension writes code for: activation implementations (snippets) and
 * exported networks. A small module of its own, so the message protocols can name them without
 * pulling the generators into the page's first chunk.
 */
import { FRAMEWORK_NAMES } from '../catalog/groups';

/** Frameworks in the order pickers list them. */
export const CODE_FRAMEWORKS = ['pytorch', 'keras', 'jax', 'numpy'] as const;
export type CodeFramework = (typeof CODE_FRAMEWORKS)[number];

/** Product names (the same in every language): the catalog's, and NumPy, which it has no APIs of. */
export const CODE_FRAMEWORK_NAMES: Record<CodeFramework, string> = {
  pytorch: FRAMEWORK_NAMES.pytorch,
  keras: FRAMEWORK_NAMES.keras,
  jax: FRAMEWORK_NAMES.jax,
  numpy: 'NumPy',
};
