/**
 * Quick fixes for the pitfall diagnostics: each fix the core computed becomes a `quickfix` code
 * action; when a diagnostic has exactly one fix it is the preferred one (applied by Ctrl+.).
 */
import * as vscode from 'vscode';
import type { PitfallDiagnostics, PitfallVsDiagnostic } from './diagnostics';

export class PitfallCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: PitfallDiagnostics) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
  ): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const own = this.diagnostics.collection.get(doc.uri) ?? [];
    for (const d of own as readonly PitfallVsDiagnostic[]) {
      if (!d.range.intersection(range) || !d.pitfallFixes) continue;
      for (const fix of d.pitfallFixes) {
        const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.isPreferred = d.pitfallFixes.length === 1;
        a.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits)
          a.edit.replace(
            doc.uri,
            new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)),
            e.newText,
          );
        out.push(a);
      }
    }
    return out;
  }
}
