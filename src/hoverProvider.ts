import * as vscode from 'vscode';

/**
 * First slice of the in-editor reference: a one-line hover on `nn.ReLU` and `torch.relu`.
 * The full detector (imports, arguments, every framework) replaces this.
 */
export class ActivationHoverProvider implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const range = doc.getWordRangeAtPosition(pos, /[A-Za-z_][\w.]*/);
    if (!range) return undefined;
    const word = doc.getText(range);
    if (!/(^|\.)(nn\.ReLU|torch\.relu|F\.relu)$/.test(word)) return undefined;
    return new vscode.Hover(
      new vscode.MarkdownString(vscode.l10n.t('**ReLU** (PyTorch): f(x) = max(0, x)')),
      range,
    );
  }
}
