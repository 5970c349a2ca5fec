/**
 * `Activation Lab: Train on Data File…`: from the explorer's or the editor's context menu (the
 * file comes as the argument) or the palette (an open dialog, starting at the active editor's
 * file). The host reads the file; the playground opens on its training tab with the data loaded,
 * where the person picks the columns and trains.
 */
import * as vscode from 'vscode';
import type { DataFiles } from '../dataFiles';
import { failureText } from '../dataFiles';
import { PlaygroundPanel } from '../playgroundPanel';

/** The command's handler; `raw` is the clicked file's URI from a menu. */
export async function trainOnDataFile(
  extensionUri: vscode.Uri,
  files: DataFiles,
  raw?: unknown,
): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const uri =
    raw instanceof vscode.Uri
      ? raw
      : await files.pick(active?.scheme === 'untitled' ? undefined : active);
  if (!uri) return;
  const read = await files.load(uri);
  if (read.type === 'data/failed') {
    void vscode.window.showErrorMessage(failureText(read));
    return;
  }
  PlaygroundPanel.show(extensionUri, { curves: [], tab: 'train' }).postData(read);
}
