/**
 * `Activation Lab: Train with…`: pick an activation, then the playground opens on its training
 * tab with that activation selected and ready to train. A caller (a hover link) may pass
 * `{ id, params }` to skip the pick; a refused field is said in a warning (and the log).
 */
import * as vscode from 'vscode';
import { defaultParams, listActivations } from '../core/catalog/catalog';
import { log } from '../log';
import { localize } from '../core/catalog/text';
import type { Params } from '../core/catalog/types';
import type { ShowRequest } from '../core/protocol/webviewProtocol';
import { checkTrainArgs } from '../core/protocol/commandArgs';
import { displayLanguage } from '../config';
import { PlaygroundPanel } from '../playgroundPanel';

interface Pick extends vscode.QuickPickItem {
  id: string;
}

/** The request that opens the training tab with `id` (and its parameters) selected, not yet training. */
function trainRequest(id: string, params?: Params): ShowRequest {
  return {
    curves: [{ id, params: { ...defaultParams(id), ...params } }],
    tab: 'train',
    train: false,
  };
}

async function pick(): Promise<string | undefined> {
  const l = displayLanguage();
  const items: Pick[] = listActivations()
    .filter((e) => e.kind === 'elementwise')
    .map((e) => ({
      id: e.id,
      label: e.name,
      description: e.aliases.length ? e.aliases.join(', ') : undefined,
      detail: localize(e.summary, l),
    }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Train with…'),
    placeHolder: vscode.l10n.t('Pick the activation of the hidden layers'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.id;
}

/** The command's handler. */
export async function trainWith(extensionUri: vscode.Uri, raw?: unknown): Promise<void> {
  // The argument comes from a link anyone can write: the core checks it with the catalog.
  const given = checkTrainArgs(raw);
  if (given.problem) {
    log().warn(`Train with: ${given.problem.en}`);
    void vscode.window.showWarningMessage(localize(given.problem, displayLanguage()));
  }
  const id = given.id ?? (await pick());
  if (!id) return;
  PlaygroundPanel.show(extensionUri, trainRequest(id, given.params));
}
