import * as vscode from 'vscode';
import { CommandIds, PLAYGROUND_VIEW_TYPE } from './core/commandIds';
import { parseShowRequest, type ShowRequest } from './core/protocol/webviewProtocol';
import { ActivationHoverProvider, JsonConfigHoverProvider } from './hoverProvider';
import { ActivationCompletionProvider, COMPLETION_TRIGGERS } from './completionProvider';
import { DocumentAnalyses } from './documentAnalysis';
import { insertImplementation } from './commands/insertImplementation';
import { PlaygroundPanel } from './playgroundPanel';
import { trainWith } from './commands/trainWith';
import { revealBinding } from './commands/revealBinding';
import { exportTrainedNetwork } from './commands/exportCode';
import { trainOnDataFile } from './commands/trainOnDataFile';
import { DataFiles } from './dataFiles';
import { log, logDisposable } from './log';
import { setCoreErrorHandler } from './core/errors';
import { showRefusal } from './core/protocol/commandArgs';
import { PitfallDiagnostics } from './diagnostics';
import { PitfallCodeActions } from './codeActions';

/** JSON files: the hover answers only for values under activation keys (`"hidden_act"`). */
const JSON_FILES: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

/**
 * Python documents of every scheme: `file` and `untitled` on the desktop, `vscode-notebook-cell`
 * in notebooks, `vscode-remote` in a browser VS Code with a remote folder (code-server,
 * Codespaces), `vscode-vfs` in virtual workspaces. A scheme list would leave some of them out.
 */
const PYTHON: vscode.DocumentSelector = { language: 'python' };

/** Constructs and registers only; the panel and everything heavy are created on first use. */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  try {
    const uri = context.extensionUri;
    const showArg = (raw: unknown): ShowRequest | undefined => {
      if (raw === undefined) return undefined;
      const checked = parseShowRequest(raw);
      if (!checked.ok) log().warn(`Ignored an invalid playground request (${checked.reason})`);
      const refused = checked.ok ? showRefusal(checked.message) : undefined;
      if (refused) log().warn(`Refused a playground request (${refused})`);
      return checked.ok && !refused ? checked.message : undefined;
    };
    const dataFiles = new DataFiles(context.workspaceState);
    PlaygroundPanel.dataFiles = dataFiles;
    const analyses = new DocumentAnalyses();
    const pitfalls = new PitfallDiagnostics(analyses);
    // A core bug (caught so a hover is quietly missing) shows in the log with its stack.
    setCoreErrorHandler((e, where) =>
      log().error(
        `Internal error in ${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      ),
    );
    context.subscriptions.push(
      { dispose: () => setCoreErrorHandler(undefined) },
      logDisposable,
      pitfalls,
      vscode.languages.registerCodeActionsProvider(
        { language: 'python' },
        new PitfallCodeActions(pitfalls),
        PitfallCodeActions.metadata,
      ),
      vscode.languages.registerHoverProvider(PYTHON, new ActivationHoverProvider(analyses)),
      vscode.languages.registerHoverProvider(JSON_FILES, new JsonConfigHoverProvider()),
      vscode.languages.registerCompletionItemProvider(
        PYTHON,
        new ActivationCompletionProvider(analyses),
        ...COMPLETION_TRIGGERS,
      ),
      vscode.workspace.onDidCloseTextDocument((d) => analyses.forget(d)),
      vscode.commands.registerCommand(CommandIds.insertImplementation, (raw: unknown) =>
        insertImplementation(raw, analyses),
      ),
      vscode.commands.registerCommand(CommandIds.openPlayground, () => PlaygroundPanel.show(uri)),
      vscode.commands.registerCommand(CommandIds.showInPlayground, (raw: unknown) =>
        PlaygroundPanel.show(uri, showArg(raw)),
      ),
      vscode.commands.registerCommand(CommandIds.showLog, () => log().show()),
      vscode.commands.registerCommand(CommandIds.trainWith, (raw: unknown) => trainWith(uri, raw)),
      vscode.commands.registerCommand(CommandIds.revealBinding, (raw: unknown) =>
        revealBinding(raw),
      ),
      vscode.commands.registerCommand(CommandIds.exportTrainedNetwork, () =>
        exportTrainedNetwork(),
      ),
      vscode.commands.registerCommand(CommandIds.trainOnDataFile, (raw: unknown) =>
        trainOnDataFile(uri, dataFiles, raw),
      ),
      vscode.window.registerWebviewPanelSerializer(PLAYGROUND_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => PlaygroundPanel.revive(panel, uri),
      }),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Activation Lab failed to start: {0}', String(e)),
    );
    throw e;
  } finally {
    const ms = performance.now() - started;
    // The log channel is created after activation returns: it is nobody's first need.
    setTimeout(
      () => log().info(`activate() took ${ms.toFixed(2)} ms (${EXTENSION_HOST_KIND} host)`),
      0,
    );
  }
}

export function deactivate(): void {}
