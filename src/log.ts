import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The extension's single log channel ("Activation Lab" in the Output view), created on first use. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Activation Lab', { log: true });
  return channel;
}
