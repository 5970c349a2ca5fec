/**
 * The Python frameworks the extension writes code for: activation implementations (snippets) and
 * exported networks. A small module of its own, so the message protocols can name them without
 * pulling the generators into the page's first chunk.
 */

/** Frameworks in the order pickers list them. */
export const CODE_FRAMEWORKS = ['pytorch', 'keras', 'jax', 'numpy'] as const;
export type CodeFramework = (typeof CODE_FRAMEWORKS)[number];

/** Product names (the same in every language). */
export const FRAMEWORK_NAMES: Record<CodeFramework, string> = {
  pytorch: 'PyTorch',
  keras: 'Keras 3',
  jax: 'JAX',
  numpy: 'NumPy',
};
