import * as vscode from 'vscode';
import { oneLogLine } from './core/errors';

let channel: vscode.LogOutputChannel | undefined;

/** What the extension writes to its log: one line per message. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  show(): void;
}

/** The extension's single log channel ("Activation Lab" in the Output view), created on first use. */
export function log(): Log {
  channel ??= vscode.window.createOutputChannel('Activation Lab', { log: true });
  const c = channel;
  return {
    info: (m) => c.info(oneLogLine(m)),
    warn: (m) => c.warn(oneLogLine(m)),
    error: (m) => c.error(oneLogLine(m)),
    show: () => c.show(),
  };
}

/** Disposes the log channel with the extension (pushed to `context.subscriptions`). */
export const logDisposable: vscode.Disposable = {
  dispose() {
    channel?.dispose();
    channel = undefined;
  },
};
