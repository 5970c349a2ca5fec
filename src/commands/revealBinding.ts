/**
 * `activationLab.revealBinding` (internal, hidden from the palette): the hover's "bound at line N"
 * link. Moves the cursor to the binding site in the document the hover came from (its URI is in
 * the link) or, without one, in the active editor.
 */
import * as vscode from 'vscode';
import { parseRevealArgs } from '../core/protocol/commandArgs';
import { log } from '../log';

/** Opens (or focuses) the document and selects the start of the binding site. */
export async function revealBinding(raw: unknown): Promise<void> {
  const args = parseRevealArgs(raw);
  if (!args) {
    log().warn('Ignored an invalid binding position');
    return;
  }
  const active = vscode.window.activeTextEditor;
  let doc = active?.document;
  if (args.uri && doc?.uri.toString() !== args.uri) {
    try {
      doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
    } catch (e) {
      log().warn(`Could not open ${args.uri}: ${String(e)}`);
      return;
    }
  }
  if (!doc) return;
  // The offset wins when it still lies on the line the link names (the document may have changed).
  const byOffset = doc.positionAt(args.offset);
  const pos =
    byOffset.line === args.line - 1
      ? byOffset
      : new vscode.Position(Math.min(args.line - 1, doc.lineCount - 1), 0);
  const editor = await vscode.window.showTextDocument(doc, {
    selection: new vscode.Range(pos, pos),
    preserveFocus: false,
  });
  editor.revealRange(
    new vscode.Range(pos, pos),
    vscode.TextEditorRevealType.InCenterIfOutsideViewport,
  );
}
