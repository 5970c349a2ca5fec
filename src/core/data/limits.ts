/**
 * The stated limits of a data file, in a module of their own so the message protocols can name
 * them without pulling the CSV parser into the extension host's bundle.
 */
/** Stated limits of a data file. */
export const TABLE_LIMITS = {
  /** Largest text accepted (characters; a UTF-8 file of 10 MB never has more). */
  maxChars: 10 * 1024 * 1024,
  /** Largest file the host reads at all, in bytes (the same 10 MB). */
  maxBytes: 10 * 1024 * 1024,
  /** Rows used for training at most; more usable rows are sampled down (seeded). */
  maxRows: 5000,
  /** Fewest usable rows that can be split into a training and a test set. */
  minRows: 4,
  /** Classes a string or small-integer target may have. */
  maxClasses: 10,
} as const;
