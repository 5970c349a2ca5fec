/**
 * Notebook cells read as if run top to bottom, in linear work: each cell's exported bindings
 * (the latest binding of every module-level name so far) are kept per cell and reused while the
 * cell's version and its predecessor's exports are unchanged. A query in cell k after an edit in
 * cell j re-reads cells j…k−1 only; a cell that binds nothing passes its predecessor's table on
 * without copying it. At most `MAX_NOTEBOOK_CELLS` cells (and `MAX_DOCUMENT_CHARS` characters)
 * above the asked cell are read; `PythonAnalysis.skippedCells` says how many were not.
 */
import type { Binding, BindingTable } from './imports';
import { ownBindings } from './moduleTable';
import { blankMagics, MAX_DOCUMENT_CHARS, PythonAnalysis, reportDetectorError } from './parse';
import { scanLogicalLines } from './scan';

/** Cells above the asked one that are read, counted from the top of the notebook. */
export const MAX_NOTEBOOK_CELLS = 5_000;

/** One cell as the host knows it: a stable key (its uri), its version and its text. */
export interface NotebookCell {
  key: string;
  version: number;
  text: string;
}

/** Work done so far, for tests that prove the work is linear (not timed). */
export interface NotebookWork {
  /** Cells scanned and read for their bindings. */
  cellsRead: number;
  /** Bindings copied from one cell's exports into the next. */
  bindingsCopied: number;
}

interface CellEntry {
  version: number;
  inherited: BindingTable | undefined;
  exported: BindingTable | undefined;
  /** The analysis of this cell as the asked one, for this version and these inherited names. */
  asked?: PythonAnalysis;
}

/** The analyses of one notebook's cells; keep one per notebook and pass every query through it. */
export class NotebookAnalyses {
  private readonly entries = new Map<string, CellEntry>();
  readonly work: NotebookWork = { cellsRead: 0, bindingsCopied: 0 };

  /** The analysis of `cells[index]` with the bindings of the cells above it. Never throws. */
  analyze(cells: readonly NotebookCell[], index: number): PythonAnalysis {
    const last = Math.min(Math.max(0, Math.floor(index)), Math.max(0, cells.length - 1));
    if (this.entries.size > 2 * cells.length + 16) this.prune(cells);
    let inherited: BindingTable | undefined;
    let budget = MAX_DOCUMENT_CHARS;
    let read = 0;
    for (; read < Math.min(last, MAX_NOTEBOOK_CELLS); read++) {
      const cell = cells[read];
      budget -= cell.text.length;
      if (budget < 0) break;
      inherited = this.exports(cell, inherited);
    }
    const cell = cells[last] ?? { key: '', version: 0, text: '' };
    const entry = this.entry(cell, inherited);
    if (!entry.asked) {
      entry.asked = new PythonAnalysis(blankMagics(cell.text), cell.version, inherited);
      entry.asked.skippedCells = last - read;
    }
    return entry.asked;
  }

  /** The entry of `cell`, fresh when its version or inherited table changed. */
  private entry(cell: NotebookCell, inherited: BindingTable | undefined): CellEntry {
    const hit = this.entries.get(cell.key);
    if (hit && hit.version === cell.version && hit.inherited === inherited) return hit;
    const fresh: CellEntry = { version: cell.version, inherited, exported: undefined };
    this.entries.set(cell.key, fresh);
    return fresh;
  }

  /** The bindings in effect after `cell`: the latest of each name, shared when nothing changes. */
  private exports(cell: NotebookCell, inherited: BindingTable | undefined) {
    const entry = this.entry(cell, inherited);
    if (entry.exported) return entry.exported;
    this.work.cellsRead++;
    let own: Array<[string, Binding]> = [];
    try {
      const text = blankMagics(cell.text);
      own = ownBindings(text, scanLogicalLines(text), inherited);
    } catch (e) {
      reportDetectorError(e);
    }
    if (own.length === 0) {
      entry.exported = inherited ?? new Map();
      return entry.exported;
    }
    const out: BindingTable = new Map(inherited);
    this.work.bindingsCopied += inherited?.size ?? 0;
    for (const [name, b] of own) out.set(name, [{ ...b, pos: -1 }]);
    entry.exported = out;
    return out;
  }

  /** Forgets cells that are no longer in the notebook. */
  private prune(cells: readonly NotebookCell[]): void {
    const present = new Set(cells.map((c) => c.key));
    for (const key of [...this.entries.keys()]) if (!present.has(key)) this.entries.delete(key);
  }
}

/**
 * Analyses notebook cell `cellIndex` with the module-level bindings of the cells before it
 * carried over (imports usually live in the first cell). Offsets are offsets in that cell's text.
 * Magic lines are blanked first. Earlier cells are read in order, as if run top to bottom. For
 * repeated queries keep a `NotebookAnalyses` instead, which reuses unchanged cells.
 */
export function analyzeCells(
  cellTexts: readonly string[],
  cellIndex: number,
  version?: number,
): PythonAnalysis {
  const cells = cellTexts.map((t, k) => ({
    key: String(k),
    version: k === cellIndex ? (version ?? 0) : 0,
    text: typeof t === 'string' ? t : '',
  }));
  return new NotebookAnalyses().analyze(cells, cellIndex);
}
