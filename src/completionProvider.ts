import * as vscode from 'vscode';
import { completionContext } from './core/python/completionContext';
import {
  callSnippet,
  completionDetail,
  completionDoc,
  completionSortKey,
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
  implFrameworkLabel,
  type Implementation,
  type ImplFramework,
} from './core/snippets/generate';
import { createInserter, missingImports } from './core/snippets/insertion';
import { fitToImports, frameworksUsed } from './core/snippets/fileImports';
import type { PythonAnalysis } from './core/python/parse';
import { DocumentAnalyses, docOptions } from './documentAnalysis';
import { displayLanguage } from './config';
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
          `**${item.impl.e.name}** — ${implFrameworkLabel(item.impl.fw, displayLanguage())}\n\n`,
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
      item.sortText = completionSortKey(c.id, c.name);
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
      item.sortText = completionSortKey(c.id, c.name);
      item.entry = c;
      return item;
    });
  }

  private snippetItems(doc: vscode.TextDocument, range: vscode.Range): Item[] {
    const analysis = this.analyses.get(doc);
    const table = analysis.moduleTable();
    const used = frameworksUsed(table);
    const ownFw = used[0] ?? 'numpy';
    const line = doc.lineAt(range.start.line);
    const own =
      line.text.slice(0, range.start.character).trim() === '' &&
      line.text.slice(range.end.character).trim() === '';
    const lang = docOptions().lang;
    const items: Item[] = [];
    const insert = own ? this.ownLineInserter(doc, analysis.text, range, table) : undefined;
    for (const e of snippetEntries()) {
      for (const fw of IMPL_FRAMEWORKS) {
        const key = `${e.id}:${fw}`;
        if (!this.impls.has(key)) this.impls.set(key, generateImplementation(e, fw));
        const impl = this.impls.get(key);
        if (!impl) continue;
        const label = fw === ownFw ? `act:${e.id}` : `act:${e.id}:${fw}`;
        const item: Item = new vscode.CompletionItem(
          { label, description: implFrameworkLabel(fw, displayLanguage()) },
          vscode.CompletionItemKind.Snippet,
        );
        item.filterText = own ? `${line.text.slice(0, range.start.character)}${label}` : label;
        item.sortText = `${used.includes(fw) ? 0 : 1}${completionSortKey(e.id)}`;
        item.detail = `${e.name}: ${localize(e.summary, lang)}`;
        if (insert) {
          const planned = insert(impl);
          item.range = planned.range;
          item.insertText = planned.text;
          item.additionalTextEdits = planned.more;
        } else {
          // Typed inside other code: the code goes where it was typed, unindented.
          const fitted = fitToImports(impl.code, impl.imports, table);
          item.range = range;
          item.insertText = fitted.code.replace(/\n$/, '');
          const m = missingImports(doc.getText(), fitted.imports);
          item.additionalTextEdits = m && [
            vscode.TextEdit.insert(doc.positionAt(m.offset), m.text),
          ];
        }
        item.impl = { e, fw };
        items.push(item);
      }
    }
    return items;
  }

  /**
   * For `act:…` typed on a line of its own: the code is placed as the insert command places it,
   * in the document as it is without the typed text. The completion's own edit replaces the
   * line (with the code, when it goes there); the other edits are additional.
   */
  private ownLineInserter(
    doc: vscode.TextDocument,
    text: string,
    range: vscode.Range,
    table: ReturnType<PythonAnalysis['moduleTable']>,
  ): (impl: Implementation) => {
    range: vscode.Range;
    text: string;
    more: vscode.TextEdit[] | undefined;
  } {
    const from = doc.offsetAt(range.start);
    const cut = doc.offsetAt(range.end) - from;
    const without = text.slice(0, from) + text.slice(from + cut);
    const lineFrom = doc.offsetAt(range.start.with(undefined, 0));
    const lineTo =
      without.indexOf('\n', lineFrom) < 0 ? without.length : without.indexOf('\n', lineFrom);
    const inserter = createInserter(without, range.start.line, table);
    // Offsets after the typed text move back by its length in the real document.
    const real = (o: number) => doc.positionAt(o <= from ? o : o + cut);
    const lineRange = new vscode.Range(
      range.start.with(undefined, 0),
      doc.lineAt(range.start.line).range.end,
    );
    return (impl) => {
      const plan = inserter(impl);
      const main = plan.edits.find(
        (e) => e.from === lineFrom && e.to >= lineFrom && e.to <= lineTo,
      );
      const more = plan.edits
        .filter((e) => e !== main)
        .map((e) => vscode.TextEdit.replace(new vscode.Range(real(e.from), real(e.to)), e.text));
      return { range: lineRange, text: main?.text ?? '', more: more.length ? more : undefined };
    };
  }
}
