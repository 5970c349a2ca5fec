/**
 * The shapes every pitfall rule shares: diagnostic codes, severities, the diagnostic itself and
 * its quick fixes. Offsets are UTF-16 indices into the diagnosed text.
 */
import type { ShowRequest } from '../protocol/webviewProtocol';

/** Stable codes, one per rule; the host shows them and settings key severities by them. */
export const DIAGNOSTIC_CODES = [
  'double-softmax',
  'probabilities-not-logits',
  'sigmoid-then-bce',
  'softmax-implicit-dim',
  'single-unit-softmax',
  'saturating-deep-stack',
  'jax-gelu-approximate',
  'keras-hard-sigmoid-changed',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The severity each rule reports with unless a setting says otherwise. Warning and error are
 * reserved for findings that are certain from the file alone. */
export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'double-softmax': 'warning',
  'probabilities-not-logits': 'warning',
  'sigmoid-then-bce': 'warning',
  'softmax-implicit-dim': 'warning',
  'single-unit-softmax': 'error',
  'saturating-deep-stack': 'information',
  'jax-gelu-approximate': 'hint',
  'keras-hard-sigmoid-changed': 'hint',
};

/** Replace `[start, end)` with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** One quick fix: a title and the edits that make it (never overlapping). */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** One finding. `explain` opens the playground on the thing the finding is about. */
export interface PitfallDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  fixes: Fix[];
  explain: ShowRequest;
}

/** Options of `diagnosePython` and `diagnoseCells`. */
export interface DiagnoseOptions {
  /** Display language of messages and fix titles. */
  lang?: 'en' | 'ja';
}
