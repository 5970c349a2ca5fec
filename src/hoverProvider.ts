import * as vscode from 'vscode';
import { CommandIds } from './core/commandIds';
import { hoverAt } from './core/hover/hoverAt';
import { readSettings } from './config';
import { DocumentAnalyses, docOptions } from './documentAnalysis';
import { log } from './log';

/** Commands a hover link may run; every other `command:` link stays inert. */
const HOVER_COMMANDS = [
  CommandIds.showInPlayground,
  CommandIds.trainWith,
  CommandIds.insertImplementation,
];

/**
 * Hovers on activation mentions in Python: finds the mention with the core detector, resolves it
 * with the catalog and shows the core's Markdown, with command links limited to our own commands.
 */
export class ActivationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses = new DocumentAnalyses()) {}

  provideHover(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    token: vscode.CancellationToken,
  ): vscode.Hover | undefined {
    try {
      if (!readSettings().hover.enabled || token.isCancellationRequested) return undefined;
      const answer = hoverAt(this.analyses.get(doc), doc.offsetAt(pos), docOptions());
      if (!answer) return undefined;
      const md = new vscode.MarkdownString(answer.markdown, true);
      md.isTrusted = { enabledCommands: HOVER_COMMANDS };
      return new vscode.Hover(
        md,
        new vscode.Range(doc.positionAt(answer.from), doc.positionAt(answer.to)),
      );
    } catch (e) {
      log().error(`Hover failed: ${String(e)}`);
      return undefined;
    }
  }
}
