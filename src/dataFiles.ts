/**
 * Reading a person's data file for the playground: an open dialog (csv, tsv, txt), a size check
 * before reading (over 10 MB is refused at once), `workspace.fs` (so virtual and web workspaces
 * work) and strict UTF-8. Nothing is ever written. The host remembers, per workspace, which files
 * the person chose, and re-reads only those when a reloaded page asks for its file again.
 */
import * as vscode from 'vscode';
import { TABLE_LIMITS } from './core/data/limits';
import { decodeDataBytes, mayReread, rememberFile } from './core/data/dataFile';
import type { DataFailed, DataLoaded } from './core/protocol/webviewProtocol';

/** File name endings offered by the dialog and by the explorer menu. */
export const DATA_EXTENSIONS = ['csv', 'tsv', 'txt'];
/** Files chosen in this workspace, most recent first (see core/data/dataFile). */
const MEMENTO_KEY = 'activationLab.dataFiles';

/** The file's last path segment. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

/** Reads data files and remembers which ones the person chose. */
export class DataFiles {
  constructor(private readonly memento: vscode.Memento) {}

  /** Asks for a file with the open dialog (starting at `near`, if given). */
  async pick(near?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      canSelectFolders: false,
      defaultUri: near ?? vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: vscode.l10n.t('Train on This File'),
      title: vscode.l10n.t('Train on Data File'),
      filters: { [vscode.l10n.t('Data tables')]: DATA_EXTENSIONS },
    });
    return picked?.[0];
  }

  /** Reads a file the person chose now (the command, the dialog) and remembers it. */
  async load(uri: vscode.Uri): Promise<DataLoaded | DataFailed> {
    const read = await readDataFile(uri);
    if (read.type === 'data/loaded') await this.remember(uri);
    return read;
  }

  /** Reads again a file chosen before, or refuses one the person never chose in this workspace. */
  async reload(uriText: string): Promise<DataLoaded | DataFailed> {
    let uri: vscode.Uri | undefined;
    try {
      uri = vscode.Uri.parse(uriText, true);
    } catch {
      uri = undefined;
    }
    if (!uri || !mayReread(this.memento.get(MEMENTO_KEY), uri.toString()))
      return {
        type: 'data/failed',
        uri: uriText,
        name: uri ? baseName(uri) : uriText.slice(0, 256),
        reason: 'unreadable',
        detail: 'not a file chosen in this workspace',
        restore: true,
      };
    return { ...(await readDataFile(uri)), restore: true };
  }

  private async remember(uri: vscode.Uri): Promise<void> {
    await this.memento.update(
      MEMENTO_KEY,
      rememberFile(this.memento.get(MEMENTO_KEY), uri.toString()),
    );
  }
}

/** The text of a data file, or why it cannot be used (missing, over 10 MB, not UTF-8 text). */
export async function readDataFile(uri: vscode.Uri): Promise<DataLoaded | DataFailed> {
  const name = baseName(uri).slice(0, 256);
  const fail = (reason: DataFailed['reason'], detail?: string): DataFailed => ({
    type: 'data/failed',
    uri: uri.toString(),
    name,
    reason,
    ...(detail === undefined ? {} : { detail: detail.slice(0, 1000) }),
  });
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return fail('unreadable', 'a folder');
    // Refused before a single byte is read.
    if (stat.size > TABLE_LIMITS.maxBytes) return fail('tooLarge', String(stat.size));
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return fail('missing');
    return fail('unreadable', e instanceof Error ? e.message : String(e));
  }
  // The file may have grown between the two calls; decodeDataBytes checks the size again.
  const decoded = decodeDataBytes(bytes);
  if (!decoded.ok)
    return decoded.reason === 'tooLarge' ? fail('tooLarge', String(bytes.length)) : fail('notText');
  return {
    type: 'data/loaded',
    uri: uri.toString(),
    name,
    text: decoded.text,
    bytes: bytes.length,
  };
}

/** The sentence a notification says for a file that could not be used. */
export function failureText(f: DataFailed): string {
  switch (f.reason) {
    case 'missing':
      return vscode.l10n.t('{0} is no longer there (it was moved or deleted).', f.name);
    case 'tooLarge':
      return vscode.l10n.t(
        '{0} is {1} MB; files up to 10 MB can be loaded.',
        f.name,
        (Number(f.detail) / 2 ** 20).toFixed(1),
      );
    case 'notText':
      return vscode.l10n.t(
        '{0} is not UTF-8 text; save it as UTF-8 (CSV or TSV) and try again.',
        f.name,
      );
    case 'unreadable':
      return vscode.l10n.t('{0} could not be read: {1}', f.name, f.detail ?? '');
  }
}
