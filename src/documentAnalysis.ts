import * as vscode from 'vscode';
import { analyzeCells, analyzePython, type PythonAnalysis } from './core/python/parse';
import type { HoverOptions } from './core/hover/hoverContent';
import type { ThemeKind } from './core/hover/svgPlot';
import { displayLanguage, readSettings } from './config';

const MAX_ENTRIES = 16;

/**
 * The Python analysis of a document, kept per uri and version so every hover and completion of
 * one version reuses the same parse. A notebook cell is analysed with the imports of the cells
 * above it, so its key also holds their versions.
 */
export class DocumentAnalyses {
  private readonly entries = new Map<string, { key: string; analysis: PythonAnalysis }>();

  get(doc: vscode.TextDocument): PythonAnalysis {
    const { key, build } = this.source(doc);
    const uri = doc.uri.toString();
    const hit = this.entries.get(uri);
    if (hit && hit.key === key) {
      // Re-insert so the map stays in least-recently-used order.
      this.entries.delete(uri);
      this.entries.set(uri, hit);
      return hit.analysis;
    }
    const analysis = build();
    this.entries.delete(uri);
    this.entries.set(uri, { key, analysis });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return analysis;
  }

  /** Drops a closed document's analysis. */
  forget(doc: vscode.TextDocument): void {
    this.entries.delete(doc.uri.toString());
  }

  private source(doc: vscode.TextDocument): { key: string; build: () => PythonAnalysis } {
    if (doc.uri.scheme === 'vscode-notebook-cell') {
      const nb = vscode.workspace.notebookDocuments.find((n) =>
        n.getCells().some((c) => c.document === doc),
      );
      if (nb) {
        const cells = nb.getCells();
        const index = cells.findIndex((c) => c.document === doc);
        const python = cells
          .slice(0, index + 1)
          .filter(
            (c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python',
          );
        const key = python.map((c) => `${c.document.uri.fragment}@${c.document.version}`).join(',');
        return {
          key,
          build: () =>
            analyzeCells(
              python.map((c) => c.document.getText()),
              python.length - 1,
              doc.version,
            ),
        };
      }
    }
    return { key: String(doc.version), build: () => analyzePython(doc.getText(), doc.version) };
  }
}

/** The editor's theme kind, for the plot colours. */
export function themeKind(): ThemeKind {
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
