import * as vscode from 'vscode';
import { completionContext } from './core/python/completionContext';
import {
  callSnippet,
  completionDetail,
  completionDoc,
  memberCompletions,
  snippetEntries,
  stringCompletions,
  type ActivationCompletion,
} from './core/hover/completionContent';
import { localize } from './core/catalog/text';
import type { Activation, Framework } from './core/catalog/types';
import {
  generateImplementation,
  IMPL_FRAMEWORKS,
  type Implementation,
  type ImplFramework,
} from './core/snippets/generate';
import { frameworkOfDocument, indentCode, missingImports } from './core/snippets/insertion';
import { DocumentAnalyses, docOptions } from './documentAnalysis';
import { frameworkLabel } from './commands/insertImplementation';
import { log } from './log';

/** Characters that open a completion session: after `nn.`, inside quotes, after `act:`. */
export const COMPLETION_TRIGGERS = ['.', '"', "'", ':'];

/** The prefix of the implementation snippets: `act:gelu`, `act:gelu:numpy`. */
const SNIPPET_PREFIX = /(?:^|[^\w.])(act(?::[\w:]*)?)$/;

type Item = vscode.CompletionItem & {
  entry?: ActivationCompletion;
  impl?: { e: Activation; fw: ImplFramework };
};

/**
 * Completions for activations: names inside `activation="…"`, catalog members after `nn.`, `F.`,
 * `jax.nn.`, `keras.activations.`, each with formula and plot in its documentation (filled in
 * lazily), and `act:<id>` snippets that insert an implementation for the file's framework.
 */
export class ActivationCompletionProvider implements vscode.CompletionItemProvider<Item> {
  private readonly members = new Map<string, ActivationCompletion[]>();
  private readonly strings = new Map<Framework, ActivationCompletion[]>();
  private readonly impls = new Map<string, Implementation | undefined>();

  constructor(private readonly analyses: DocumentAnalyses = new DocumentAnalyses()) {}

  provideCompletionItems(
    doc: vscode.TextDocument,
    pos: vscode.Position,
    token: vscode.CancellationToken,
  ): vscode.CompletionList<Item> | undefined {
    try {
      if (token.isCancellationRequested) return undefined;
      const offset = doc.offsetAt(pos);
      const ctx = completionContext(this.analyses.get(doc), offset);
      if (ctx) {
        const range = new vscode.Range(
          doc.positionAt(ctx.replaceFrom),
          doc.positionAt(ctx.replaceTo),
        );
        if (ctx.kind === 'kerasString') {
          return new vscode.CompletionList(this.stringItems(ctx.framework, range));
        }
        const callFollows =
          doc.getText(new vscode.Range(range.end, range.end.translate(0, 1))) === '(';
        return new vscode.CompletionList(this.memberItems(ctx.module, range, callFollows));
      }
      const before = doc.lineAt(pos.line).text.slice(0, pos.character);
      const m = SNIPPET_PREFIX.exec(before);
      if (!m) return undefined;
      const start = pos.translate(0, -m[1].length);
      return new vscode.CompletionList(this.snippetItems(doc, new vscode.Range(start, pos)));
    } catch (e) {
      log().error(`Completion failed: ${String(e)}`);
      return undefined;
    }
  }

  resolveCompletionItem(item: Item): Item {
    try {
      const o = docOptions();
      if (item.entry) {
        const md = new vscode.MarkdownString(completionDoc(item.entry, o), true);
        item.documentation = md;
      } else if (item.impl) {
        const impl = generateImplementation(item.impl.e, item.impl.fw);
        const md = new vscode.MarkdownString(
          `**${item.impl.e.name}** — ${frameworkLabel(item.impl.fw)}\n\n`,
        );
        if (impl) md.appendCodeblock(`${impl.imports.join('\n')}\n\n${impl.code}`, 'python');
        item.documentation = md;
      }
    } catch (e) {
      log().error(`Completion documentation failed: ${String(e)}`);
    }
    return item;
  }

  private stringItems(framework: Framework, range: vscode.Range): Item[] {
    let list = this.strings.get(framework);
    if (!list) this.strings.set(framework, (list = stringCompletions(framework)));
    return list.map((c) => {
      const item: Item = new vscode.CompletionItem(
        { label: c.name, description: 'Activation Lab' },
        vscode.CompletionItemKind.EnumMember,
      );
      item.range = range;
      item.detail = completionDetail(c);
      item.sortText = `0${c.name}`;
      item.entry = c;
      return item;
    });
  }

  private memberItems(module: string, range: vscode.Range, callFollows: boolean): Item[] {
    let list = this.members.get(module);
    if (!list) this.members.set(module, (list = memberCompletions(module)));
    return list.map((c) => {
      const kind =
        c.form === 'function'
          ? vscode.CompletionItemKind.Function
          : vscode.CompletionItemKind.Class;
      const item: Item = new vscode.CompletionItem(
        { label: c.name, description: 'Activation Lab' },
        kind,
      );
      item.range = range;
      item.filterText = c.name;
      // Inside an existing call only the name is replaced; otherwise the call with its defaults.
      item.insertText = callFollows ? c.name : new vscode.SnippetString(callSnippet(c));
      item.detail = completionDetail(c);
      item.entry = c;
      return item;
    });
  }

  private snippetItems(doc: vscode.TextDocument, range: vscode.Range): Item[] {
    const text = doc.getText();
    const ownFw = frameworkOfDocument(text) ?? 'numpy';
    const lineStart = doc.lineAt(range.start.line).text.slice(0, range.start.character);
    const own = /^\s*$/.test(lineStart);
    const indent = own ? lineStart : '';
    // On a line of its own the code replaces the whole line, with PEP 8's blank lines above it
    // (two around a top-level definition, one around a nested one).
    let blankAbove = 0;
    for (let l = range.start.line - 1; l >= 0 && doc.lineAt(l).isEmptyOrWhitespace; l--)
      blankAbove++;
    const gap = range.start.line - blankAbove <= 0 ? 0 : indent ? 1 : 2;
    const lead = own ? '\n'.repeat(Math.max(0, gap - blankAbove)) : '';
    const replace = own ? new vscode.Range(range.start.with(undefined, 0), range.end) : range;
    const lang = docOptions().lang;
    const items: Item[] = [];
    const importEdits = new Map<string, vscode.TextEdit[] | undefined>();
    for (const e of snippetEntries()) {
      for (const fw of IMPL_FRAMEWORKS) {
        const key = `${e.id}:${fw}`;
        if (!this.impls.has(key)) this.impls.set(key, generateImplementation(e, fw));
        const impl = this.impls.get(key);
        if (!impl) continue;
        const label = fw === ownFw ? `act:${e.id}` : `act:${e.id}:${fw}`;
        const item: Item = new vscode.CompletionItem(
          { label, description: frameworkLabel(fw) },
          vscode.CompletionItemKind.Snippet,
        );
        item.range = replace;
        item.filterText = own ? `${lineStart}${label}` : label;
        item.sortText = `${fw === ownFw ? 0 : 1}${e.id}`;
        item.insertText =
          lead +
          (own ? indentCode(impl.code, indent) : indentCode(impl.code, '')).replace(/\n$/, '');
        item.detail = `${e.name}: ${localize(e.summary, lang)}`;
        const wanted = impl.imports.join('\n');
        if (!importEdits.has(wanted)) {
          const m = missingImports(text, impl.imports);
          importEdits.set(wanted, m && [vscode.TextEdit.insert(doc.positionAt(m.offset), m.text)]);
        }
        item.additionalTextEdits = importEdits.get(wanted);
        item.impl = { e, fw };
        items.push(item);
      }
    }
    return items;
  }
}
