import * as vscode from 'vscode';
import { CommandIds } from './core/commandIds';
import { hoverAt, type HoverAnswer } from './core/hover/hoverAt';
import { jsonHoverAt } from './core/hover/jsonHover';
import { readSettings } from './config';
import { DocumentAnalyses, docOptions } from './documentAnalysis';
import { log } from './log';

/** Commands a hover link may run; every other `command:` link stays inert. */
const HOVER_COMMANDS = [
  CommandIds.showInPlayground,
  CommandIds.trainWith,
  CommandIds.insertImplementation,
  CommandIds.revealBinding,
];

/** The core's answer as a `vscode.Hover` whose links may run only our own commands. */
function toHover(doc: vscode.TextDocument, answer: HoverAnswer): vscode.Hover {
  const md = new vscode.MarkdownString(answer.markdown, true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  return new vscode.Hover(
    md,
    new vscode.Range(doc.positionAt(answer.from), doc.positionAt(answer.to)),
  );
}

/**
 * The shared frame of both providers: nothing when hovers are off or the request is cancelled,
 * the core's answer as a hover otherwise, and a logged error (never a throw) when it fails.
 */
function guardedHover(
  what: string,
  doc: vscode.TextDocument,
  token: vscode.CancellationToken,
  answer: () => HoverAnswer | undefined,
): vscode.Hover | undefined {
  try {
    if (!readSettings().hover.enabled || token.isCancellationRequested) return undefined;
    const found = answer();
    return found && toHover(doc, found);
  } catch (e) {
    log().error(`${what} failed: ${String(e)}`);
    return undefined;
  }
}

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
    return guardedHover('Hover', doc, token, () =>
      hoverAt(this.analyses.get(doc), doc.offsetAt(pos), {
        ...docOptions(),
        documentUri: doc.uri.toString(),
      }),
    );
  }
}

/**
 * Hovers on activation names in `config.json`-style files (`"hidden_act": "gelu_new"`): the core
 * reads only the value under the cursor and answers for activation keys alone.
 */
export class JsonConfigHoverProvider implements vscode.HoverProvider {
  provideHover(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    token: vscode.CancellationToken,
  ): vscode.Hover | undefined {
    return guardedHover('JSON hover', doc, token, () => {
      // Cheap exit for JSON without activation keys: one look at the hovered line.
      if (!/act|activation/i.test(doc.lineAt(pos.line).text)) return undefined;
      return jsonHoverAt(doc.getText(), doc.offsetAt(pos), docOptions());
    });
  }
}
