import * as vscode from 'vscode';
import { analyzePython, type PythonAnalysis } from './core/python/parse';
import { NotebookAnalyses } from './core/python/notebookCells';
import type { HoverOptions } from './core/hover/hoverContent';
import type { ThemeKind } from './core/hover/svgPlot';
import { displayLanguage, readSettings } from './config';

const MAX_ENTRIES = 16;

/**
 * The Python analysis of a document, kept per uri and version so every hover and completion of
 * one version reuses the same parse. A notebook cell is analysed with the imports of the cells
 * above it, through one `NotebookAnalyses` per notebook that reuses every unchanged cell.
 */
export class DocumentAnalyses {
  private readonly entries = new Map<string, { key: string; analysis: PythonAnalysis }>();
  private readonly notebooks = new Map<string, { key: string; analysis: NotebookAnalyses }>();

  get(doc: vscode.TextDocument): PythonAnalysis {
    const cell = this.notebookCell(doc);
    if (cell) return cell;
    const uri = doc.uri.toString();
    const key = String(doc.version);
    const hit = this.entries.get(uri);
    if (hit && hit.key === key) {
      // Re-insert so the map stays in least-recently-used order.
      this.entries.delete(uri);
      this.entries.set(uri, hit);
      return hit.analysis;
    }
    const analysis = analyzePython(doc.getText(), doc.version);
    this.remember(this.entries, uri, { key, analysis });
    return analysis;
  }

  /** Drops a closed document's analysis. */
  forget(doc: vscode.TextDocument): void {
    this.entries.delete(doc.uri.toString());
  }

  /**
   * A notebook cell's analysis through its notebook's `NotebookAnalyses`, which re-reads only
   * the cells changed since the last query; undefined for a document that is no notebook cell.
   */
  private notebookCell(doc: vscode.TextDocument): PythonAnalysis | undefined {
    if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
    const nb = vscode.workspace.notebookDocuments.find(
      (n) => n.uri.path === doc.uri.path && n.getCells().some((c) => c.document === doc),
    );
    if (!nb) return undefined;
    const python = nb
      .getCells()
      .filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python');
    const index = python.findIndex((c) => c.document === doc);
    if (index < 0) return undefined;
    const key = nb.uri.toString();
    const notebook = this.notebooks.get(key)?.analysis ?? new NotebookAnalyses();
    this.remember(this.notebooks, key, { key, analysis: notebook });
    const cells = python.map((c) => ({
      key: c.document.uri.toString(),
      version: c.document.version,
      text: c.document.getText(),
    }));
    return notebook.analyze(cells, index);
  }

  /** Sets `key` as the most recently used entry, dropping the least recently used beyond the limit. */
  private remember<T>(map: Map<string, T>, key: string, value: T): void {
    map.delete(key);
    map.set(key, value);
    while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
  }
}

/** The editor's theme kind, for the plot colours. */
function themeKind(): ThemeKind {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'highContrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'highContrastLight';
    default:
      return 'dark';
  }
}

/** Hover and completion documentation options from the settings, the theme and the display language. */
export function docOptions(): HoverOptions {
  const s = readSettings().hover;
  return {
    lang: displayLanguage(),
    theme: themeKind(),
    showPlot: s.showPlot,
    showDerivative: s.showDerivative,
    xMin: s.xMin,
    xMax: s.xMax,
  };
}
