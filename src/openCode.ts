/** Where exported code goes: the cursor of a Python editor, or a new untitled Python editor. */
import * as vscode from 'vscode';
import { log } from './log';

/**
 * Puts `source` at the cursor of `editor` (replacing its selection) or, without one, in a new
 * untitled Python editor beside the playground (`besides`: the panel's column). Returns why it
 * failed, or undefined.
 */
export async function openExportedCode(
  source: string,
  editor: vscode.TextEditor | undefined,
  besides: vscode.ViewColumn | undefined,
): Promise<string | undefined> {
  try {
    if (editor && !editor.document.isClosed) {
      const ok = await editor.edit((b) => b.replace(editor.selection, source));
      if (ok) {
        await vscode.window.showTextDocument(editor.document, editor.viewColumn);
        return undefined;
      }
      log().warn('Inserting the exported code was refused: opening it in a new editor instead');
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: source });
    const column =
      besides === undefined || besides === vscode.ViewColumn.One
        ? vscode.ViewColumn.Beside
        : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
    return undefined;
  } catch (e) {
    log().error(`Opening the exported code failed: ${String(e)}`);
    return String(e);
  }
}
