/**
 * The pitfall diagnostics of Python files and notebook cells: one diagnostic collection, updated
 * when a document opens and (debounced) when it changes, cleared when it closes. A document (or a
 * notebook, whose cells are read together) is diagnosed again only when its version changed.
 */
import * as vscode from 'vscode';
import { CommandIds } from './core/commandIds';
import { diagnoseAnalysis, diagnoseNotebook } from './core/diagnostics/diagnose';
import type { Fix, PitfallDiagnostic, Severity } from './core/diagnostics/types';
import { displayLanguage, readSettings } from './config';
import { log } from './log';
import type { DocumentAnalyses } from './documentAnalysis';

const DEBOUNCE_MS = 300;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A vscode diagnostic with the core's fixes, for the code action provider. */
export interface PitfallVsDiagnostic extends vscode.Diagnostic {
  pitfallFixes?: Fix[];
}

function isPython(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'python';
}

/** The command link that opens the playground on the finding's subject. */
function explainUri(d: PitfallDiagnostic): vscode.Uri {
  const args = encodeURIComponent(JSON.stringify(d.explain));
  return vscode.Uri.parse(`command:${CommandIds.showInPlayground}?${args}`);
}

function toVs(doc: vscode.TextDocument, d: PitfallDiagnostic): PitfallVsDiagnostic | undefined {
  const s = readSettings().diagnostics.severity[d.code];
  if (s === 'off') return undefined;
  const range = new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end));
  const v: PitfallVsDiagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[s]);
  v.source = 'Activation Lab';
  v.code = { value: d.code, target: explainUri(d) };
  v.pitfallFixes = d.fixes;
  return v;
}

export class PitfallDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('activationLab');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Last diagnosed version key per document or notebook uri. */
  private readonly done = new Map<string, string>();
  private readonly subs: vscode.Disposable[] = [];

  /** @param analyses the per-version analyses the hovers use (shared scan and parse). */
  constructor(private readonly analyses: DocumentAnalyses) {
    this.subs.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('activationLab.diagnostics')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  private refreshAll(): void {
    this.done.clear();
    this.collection.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isPython(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(doc);
      }, delay),
    );
  }

  private clear(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.done.delete(key);
    this.collection.delete(doc.uri);
  }

  private update(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    try {
      if (!readSettings().diagnostics.enabled) {
        this.collection.delete(doc.uri);
        return;
      }
      const lang = displayLanguage();
      const nb =
        doc.uri.scheme === 'vscode-notebook-cell'
          ? vscode.workspace.notebookDocuments.find((n) =>
              n.getCells().some((c) => c.document === doc),
            )
          : undefined;
      if (nb) {
        const cells = nb
          .getCells()
          .filter((c) => c.kind === vscode.NotebookCellKind.Code && isPython(c.document));
        const version = cells.map((c) => `${c.document.uri.fragment}@${c.document.version}`).join();
        if (this.done.get(nb.uri.toString()) === version) return;
        this.done.set(nb.uri.toString(), version);
        const found = diagnoseNotebook(
          cells.map((c) => c.document.getText()),
          { lang },
        );
        cells.forEach((c, k) => this.set(c.document, found[k]));
        return;
      }
      const version = String(doc.version);
      if (this.done.get(doc.uri.toString()) === version) return;
      this.done.set(doc.uri.toString(), version);
      this.set(doc, diagnoseAnalysis(this.analyses.get(doc), { lang }));
    } catch (e) {
      log().error(`Diagnostics failed for ${doc.uri.toString()}: ${String(e)}`);
    }
  }

  private set(doc: vscode.TextDocument, found: PitfallDiagnostic[]): void {
    const list: vscode.Diagnostic[] = [];
    for (const d of found) {
      const v = toVs(doc, d);
      if (v) list.push(v);
    }
    this.collection.set(doc.uri, list);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
    this.collection.dispose();
  }
}
