// Extension-host suite for desktop VS Code (`npm run test:desktop`, through @vscode/test-electron).
// It runs inside the extension host, so it may use the real `vscode` API. Not part of CI: these
// machines cannot download desktop VS Code; the code-server tier covers the same ground there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const cases: [string, () => Promise<void>][] = [
  [
    'activates on a Python file and registers its commands',
    async () => {
      const doc = await vscode.workspace.openTextDocument({
        language: 'python',
        content: 'import torch.nn as nn\nact = nn.ReLU()\n',
      });
      await vscode.window.showTextDocument(doc);
      const ext = vscode.extensions.getExtension('activation-lab.activation-lab');
      assert.ok(ext, 'extension is installed');
      await ext.activate();
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('activationLab.openPlayground'));
    },
  ],
  [
    'hovers nn.ReLU',
    async () => {
      const doc = await vscode.workspace.openTextDocument({
        language: 'python',
        content: 'import torch.nn as nn\nact = nn.ReLU()\n',
      });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        new vscode.Position(1, 10),
      );
      const text = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      assert.match(text, /ReLU/);
    },
  ],
  [
    'opens the playground panel',
    async () => {
      await vscode.commands.executeCommand('activationLab.openPlayground');
    },
  ],
];

/** Entry point called by @vscode/test-electron. */
export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, fn] of cases) {
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.error(`not ok - ${name}\n${String(e)}`);
    }
  }
  console.log(`${cases.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} desktop test(s) failed`);
}
