/**
 * The entry points: every rule over one Python text or one notebook, in the display language,
 * with hints and information capped so they never flood a file.
 */
import { localize } from '../catalog/text';
import {
  analyzePython,
  blankMagics,
  MAX_DOCUMENT_CHARS,
  reportDetectorError,
  type PythonAnalysis,
} from '../python/parse';
import { doubleSoftmax } from './doubleSoftmax';
import { jaxGeluApproximate } from './jaxGeluApproximate';
import { kerasHardSigmoidChanged } from './kerasHardSigmoidChanged';
import { probabilitiesNotLogits } from './probabilitiesNotLogits';
import { Program } from './program';
import { RuleContext, type Rule } from './rule';
import { saturatingDeepStack } from './saturatingDeepStack';
import { sigmoidThenBce } from './sigmoidThenBce';
import { singleUnitSoftmax } from './singleUnitSoftmax';
import { softmaxImplicitDim } from './softmaxImplicitDim';
import {
  DEFAULT_SEVERITY,
  type DiagnoseOptions,
  type DiagnosticCode,
  type PitfallDiagnostic,
} from './types';

/** Every rule, by code: the compiler names this table when a code is added. */
export const RULES: Record<DiagnosticCode, Rule> = {
  'double-softmax': doubleSoftmax,
  'probabilities-not-logits': probabilitiesNotLogits,
  'sigmoid-then-bce': sigmoidThenBce,
  'softmax-implicit-dim': softmaxImplicitDim,
  'single-unit-softmax': singleUnitSoftmax,
  'saturating-deep-stack': saturatingDeepStack,
  'jax-gelu-approximate': jaxGeluApproximate,
  'keras-hard-sigmoid-changed': kerasHardSigmoidChanged,
};

/** Hint/information diagnostics kept per code, and in all, per file. */
const MAX_QUIET_PER_CODE = 5;
const MAX_QUIET_PER_FILE = 10;

/** Cheap test: text that mentions none of these words draws no diagnostic. */
const ANY_TRIGGER =
  /softmax|Softmax|softmin|Softmin|sigmoid|Sigmoid|tanh|Tanh|gelu|[Cc]ross_?[Ee]ntropy|BCELoss/;

/**
 * Pitfall diagnostics of one Python file: offsets into `text`, sorted by position, at most one
 * per (code, range). Texts beyond `MAX_DOCUMENT_CHARS` are skipped (empty result). Never throws.
 */
export function diagnosePython(text: string, options: DiagnoseOptions = {}): PitfallDiagnostic[] {
  return typeof text === 'string' ? diagnoseAnalysis(analyzePython(text), options) : [];
}

/**
 * `diagnosePython` over an existing analysis of the text: the host passes the one its hovers
 * use for that document version, so the scan and the parsed windows are shared.
 */
export function diagnoseAnalysis(
  analysis: PythonAnalysis,
  options: DiagnoseOptions = {},
): PitfallDiagnostic[] {
  const text = analysis.text;
  if (text.length > MAX_DOCUMENT_CHARS || !ANY_TRIGGER.test(text)) return [];
  const lang = options.lang === 'ja' ? 'ja' : 'en';
  const ctx = new RuleContext(new Program(analysis));
  const seen = new Set<string>();
  const all: PitfallDiagnostic[] = [];
  for (const code of Object.keys(RULES) as DiagnosticCode[]) {
    let found;
    try {
      found = RULES[code](ctx);
    } catch (e) {
      reportDetectorError(e);
      continue;
    }
    for (const f of found) {
      const key = `${f.code}:${f.start}:${f.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push({
        code: f.code,
        severity: DEFAULT_SEVERITY[f.code],
        start: f.start,
        end: f.end,
        message: localize(f.message, lang),
        fixes: f.fixes
          .filter((x) => x.edits.length > 0)
          .map((x) => ({
            title: localize(x.title, lang),
            edits: [...x.edits].sort((a, b) => a.start - b.start),
          })),
        explain: f.explain,
      });
    }
  }
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  return cap(all);
}

/** Keeps every warning and error; hints and information up to the per-code and per-file caps. */
function cap(list: PitfallDiagnostic[]): PitfallDiagnostic[] {
  const perCode = new Map<DiagnosticCode, number>();
  let quiet = 0;
  return list.filter((d) => {
    if (d.severity === 'error' || d.severity === 'warning') return true;
    const n = perCode.get(d.code) ?? 0;
    if (n >= MAX_QUIET_PER_CODE || quiet >= MAX_QUIET_PER_FILE) return false;
    perCode.set(d.code, n + 1);
    quiet++;
    return true;
  });
}

/**
 * Pitfall diagnostics of every cell of a notebook, read as one program (cells run top to
 * bottom, so a model defined in one cell and trained in a later one is seen together). Each
 * cell's list has offsets into that cell's text; a fix whose edits leave the cell is dropped.
 * Magic lines are blanked first.
 */
export function diagnoseNotebook(
  cells: readonly string[],
  options: DiagnoseOptions = {},
): PitfallDiagnostic[][] {
  const texts = cells.map((c) => blankMagics(typeof c === 'string' ? c : ''));
  const starts: number[] = [];
  let joined = '';
  for (const t of texts) {
    starts.push(joined.length);
    joined += t + '\n\n';
  }
  const out: PitfallDiagnostic[][] = texts.map(() => []);
  for (const d of diagnosePython(joined, options)) {
    let k = starts.length - 1;
    while (k > 0 && starts[k] > d.start) k--;
    const base = starts[k];
    const end = base + texts[k].length;
    if (d.end > end) continue;
    out[k].push({
      ...d,
      start: d.start - base,
      end: d.end - base,
      fixes: d.fixes
        .filter((f) => f.edits.every((e) => e.start >= base && e.end <= end))
        .map((f) => ({
          title: f.title,
          edits: f.edits.map((e) => ({ ...e, start: e.start - base, end: e.end - base })),
        })),
    });
  }
  return out;
}

/** Pitfall diagnostics of notebook cell `index` (see `diagnoseNotebook`). */
export function diagnoseCells(
  cells: readonly string[],
  index: number,
  options: DiagnoseOptions = {},
): PitfallDiagnostic[] {
  return diagnoseNotebook(cells, options)[index] ?? [];
}
