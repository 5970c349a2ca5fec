/**
 * `Activation Lab: Export Trained Network as Code…`: pick a framework, the playground's page writes
 * the network it shows (the core's `exportModel`, run in its training worker) and the code lands
 * at the cursor when a Python editor was active, else in a new untitled Python editor. The page's
 * own "Export as code…" button always opens a new editor (`openCode.ts`).
 */
import * as vscode from 'vscode';
import {
  CODE_FRAMEWORKS,
  CODE_FRAMEWORK_NAMES,
  type CodeFramework,
} from '../core/snippets/frameworks';
import { CommandIds } from '../core/commandIds';
import { PlaygroundPanel } from '../playgroundPanel';
import { openExportedCode } from '../openCode';

/** What each framework's code is, for the picker. */
function frameworkDetail(fw: CodeFramework): string {
  const details: Record<CodeFramework, string> = {
    pytorch: vscode.l10n.t('an nn.Module with the trained weights, in float64'),
    keras: vscode.l10n.t('a Keras 3 functional model with the trained weights, in float64'),
    jax: vscode.l10n.t('plain jax.numpy with the weights as arrays'),
    numpy: vscode.l10n.t('plain NumPy, no other dependency'),
  };
  return details[fw];
}

async function pickFramework(): Promise<CodeFramework | undefined> {
  const items = CODE_FRAMEWORKS.map((fw) => ({
    label: CODE_FRAMEWORK_NAMES[fw],
    detail: frameworkDetail(fw),
    fw,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export Trained Network as Code'),
    placeHolder: vscode.l10n.t('Framework of the exported code'),
  });
  return picked?.fw;
}

/** The palette command (see the file comment). */
export async function exportTrainedNetwork(): Promise<void> {
  // Read before any picker takes the focus: the editor the person ran the command from.
  const active = vscode.window.activeTextEditor;
  const target = active?.document.languageId === 'python' ? active : undefined;
  const panel = PlaygroundPanel.open;
  if (!panel) {
    const open = vscode.l10n.t('Open Playground');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Nothing is trained yet: train a network in the playground first.'),
      open,
    );
    if (choice === open) await vscode.commands.executeCommand(CommandIds.openPlayground);
    return;
  }
  const framework = await pickFramework();
  if (!framework) return;
  const reply = await panel.requestExport(framework);
  if (reply.status !== 'ok' || !reply.code) {
    void vscode.window.showInformationMessage(reply.detail);
    return;
  }
  const failed = await openExportedCode(reply.code.source, target, panel.viewColumn);
  if (failed)
    void vscode.window.showErrorMessage(vscode.l10n.t('The code could not be opened: {0}', failed));
}
