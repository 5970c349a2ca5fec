import * as vscode from 'vscode';
import { getActivation, listActivations, validateParams } from '../core/catalog/catalog';
import { FAMILY_LABELS, FAMILY_ORDER } from '../core/catalog/groups';
import { localize } from '../core/catalog/text';
import type { Activation } from '../core/catalog/types';
import {
  generateImplementation,
  IMPL_FRAMEWORKS,
  implementationText,
  implFrameworkLabel,
  type ImplFramework,
} from '../core/snippets/generate';
import { insertionEdits } from '../core/snippets/insertion';
import { frameworksUsed } from '../core/snippets/fileImports';
import { DocumentAnalyses } from '../documentAnalysis';
import { parseInsertArgs } from '../core/protocol/commandArgs';
import { displayLanguage } from '../config';
import { log } from '../log';

async function pickEntry(): Promise<Activation | undefined> {
  type EntryItem = vscode.QuickPickItem & { entry?: Activation };
  const items: EntryItem[] = [];
  const all = listActivations();
  for (const family of FAMILY_ORDER) {
    const entries = all.filter((e) => e.family === family);
    if (!entries.length) continue;
    const label = localize(FAMILY_LABELS[family], displayLanguage());
    items.push({ label, kind: vscode.QuickPickItemKind.Separator });
    for (const e of entries) {
      items.push({
        label: e.name,
        description: e.id,
        detail: localize(e.summary, displayLanguage()),
        entry: e,
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert Activation Implementation'),
    placeHolder: vscode.l10n.t('Pick an activation function'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.entry;
}

async function pickFramework(
  entry: Activation,
  used: readonly ImplFramework[],
): Promise<ImplFramework | undefined> {
  // Every framework the file imports is marked, and listed first.
  const order = [...used, ...IMPL_FRAMEWORKS.filter((f) => !used.includes(f))];
  const items = order.map((fw) => ({
    label: implFrameworkLabel(fw, displayLanguage()),
    description: used.includes(fw) ? vscode.l10n.t('used by this file') : undefined,
    fw,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert {0}', entry.name),
    placeHolder: vscode.l10n.t('Pick a framework'),
  });
  return picked?.fw;
}

/**
 * Inserts an implementation of an activation at the cursor (the imports the file lacks go to the
 * top), after asking for what the argument does not say. Without a Python editor, the code opens
 * in a new untitled Python file. Resolves to the inserted code, or undefined when cancelled.
 */
export async function insertImplementation(
  raw?: unknown,
  analyses: DocumentAnalyses = new DocumentAnalyses(),
): Promise<string | undefined> {
  try {
    const req = parseInsertArgs(raw);
    const editor = vscode.window.activeTextEditor;
    const entry = req.id ? getActivation(req.id) : await pickEntry();
    if (!entry) {
      if (req.id)
        void vscode.window.showErrorMessage(vscode.l10n.t('Unknown activation "{0}".', req.id));
      return undefined;
    }
    const analysis =
      editor?.document.languageId === 'python' ? analyses.get(editor.document) : undefined;
    const used = analysis ? frameworksUsed(analysis.moduleTable()) : [];
    const fw = req.framework ?? (await pickFramework(entry, used));
    if (!fw) return undefined;
    const checked = validateParams(entry.id, req.params ?? {});
    const impl = generateImplementation(entry, fw, checked.ok ? checked.params : undefined);
    if (!impl) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'No {1} implementation of {0} is available.',
          entry.name,
          implFrameworkLabel(fw, displayLanguage()),
        ),
      );
      return undefined;
    }
    if (!editor || editor.document.languageId !== 'python') {
      const doc = await vscode.workspace.openTextDocument({
        language: 'python',
        content: implementationText(impl),
      });
      await vscode.window.showTextDocument(doc);
      return impl.code;
    }
    const doc = editor.document;
    // Read again: the document may have changed while the pickers were open.
    const current = analyses.get(doc);
    // The analysis text is the document's (a notebook cell's, magics blanked), offsets unchanged.
    const plan = insertionEdits(
      current.text,
      editor.selection.active.line,
      impl,
      current.moduleTable(),
      current.lines(),
    );
    const ok = await editor.edit((b) => {
      for (const e of plan.edits) {
        b.replace(new vscode.Range(doc.positionAt(e.from), doc.positionAt(e.to)), e.text);
      }
    });
    return ok ? plan.code : undefined;
  } catch (e) {
    log().error(`Insert implementation failed: ${String(e)}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not insert the implementation: {0}', String(e)),
    );
    return undefined;
  }
}
