/**
 * `Activation Lab: Train with…`: pick an activation, then the playground opens on its training
 * tab with that activation selected and ready to train. A caller (a hover link) may pass
 * `{ id, params }` to skip the pick.
 */
import * as vscode from 'vscode';
import {
  defaultParams,
  getActivation,
  listActivations,
  validateParams,
} from '../core/catalog/catalog';
import { log } from '../log';
import { localize } from '../core/catalog/text';
import type { Params } from '../core/catalog/types';
import type { ShowRequest } from '../core/protocol/webviewProtocol';
import { parseTrainArgs } from '../core/protocol/commandArgs';
import { displayLanguage } from '../config';
import { PlaygroundPanel } from '../playgroundPanel';

interface Pick extends vscode.QuickPickItem {
  id: string;
}

/** The request that opens the training tab with `id` (and its parameters) selected, not yet training. */
export function trainRequest(id: string, params?: Params): ShowRequest {
  return {
    curves: [{ id, params: { ...defaultParams(id), ...params } }],
    tab: 'train',
    train: false,
  };
}

/** The argument `{ id, params? }` when it names an element-wise activation; otherwise ask. */
function argument(raw: unknown): { id: string; params?: Params } | undefined {
  const a = parseTrainArgs(raw);
  const e = a ? getActivation(a.id) : undefined;
  if (!e || e.kind !== 'elementwise') return undefined;
  // The catalog's own check: a parameter the entry lacks or outside its domain is refused.
  const checked = validateParams(e.id, a?.params ?? {});
  if (!checked.ok) log().warn(`Train with ${e.id}: ${checked.message.en}; the defaults are used`);
  return { id: e.id, params: checked.ok ? checked.params : {} };
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
  const given = argument(raw);
  const id = given?.id ?? (await pick());
  if (!id) return;
  PlaygroundPanel.show(extensionUri, trainRequest(id, given?.params));
}
