import * as vscode from 'vscode';
import { getActivation, listActivations, validateParams } from '../core/catalog/catalog';
import { localize } from '../core/catalog/text';
import type { Activation, Family } from '../core/catalog/types';
import {
  generateImplementation,
  IMPL_FRAMEWORKS,
  implementationText,
  type ImplFramework,
} from '../core/snippets/generate';
import { frameworkOfDocument, indentCode, missingImports } from '../core/snippets/insertion';
import { parseInsertArgs } from '../core/protocol/commandArgs';
import { displayLanguage } from '../config';
import { log } from '../log';

/** Blank lines from `line` going in direction `step` (stops at the first non-blank line or the end). */
function countBlank(doc: vscode.TextDocument, line: number, step: 1 | -1): number {
  let n = 0;
  for (let i = line; i >= 0 && i < doc.lineCount && doc.lineAt(i).isEmptyOrWhitespace; i += step)
    n++;
  // Blank lines at the start or end of the file need no company.
  return line + n * step < 0 || line + n * step >= doc.lineCount ? Infinity : n;
}

/** A framework's name in the pickers and completion labels. */
export function frameworkLabel(fw: ImplFramework): string {
  switch (fw) {
    case 'pytorch':
      return vscode.l10n.t('PyTorch nn.Module');
    case 'keras':
      return vscode.l10n.t('Keras layer (keras.ops)');
    case 'jax':
      return vscode.l10n.t('JAX function');
    case 'numpy':
      return vscode.l10n.t('NumPy function and its derivative');
  }
}

function familyLabel(f: Family): string {
  const labels: Record<Family, string> = {
    rectifier: vscode.l10n.t('Rectifiers'),
    exponential: vscode.l10n.t('Exponential units'),
    sigmoid: vscode.l10n.t('Sigmoids and squashing functions'),
    smooth: vscode.l10n.t('Smooth rectifiers'),
    shrink: vscode.l10n.t('Shrinkage'),
    periodic: vscode.l10n.t('Periodic'),
    other: vscode.l10n.t('Other'),
    normaliser: vscode.l10n.t('Normalisers (vector)'),
    gated: vscode.l10n.t('Gated (vector)'),
  };
  return labels[f] ?? f;
}

async function pickEntry(): Promise<Activation | undefined> {
  type EntryItem = vscode.QuickPickItem & { entry?: Activation };
  const items: EntryItem[] = [];
  const byFamily = new Map<Family, Activation[]>();
  for (const e of listActivations()) byFamily.set(e.family, [...(byFamily.get(e.family) ?? []), e]);
  for (const [family, entries] of byFamily) {
    items.push({ label: familyLabel(family), kind: vscode.QuickPickItemKind.Separator });
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
  preferred: ImplFramework | undefined,
): Promise<ImplFramework | undefined> {
  const order = preferred
    ? [preferred, ...IMPL_FRAMEWORKS.filter((f) => f !== preferred)]
    : [...IMPL_FRAMEWORKS];
  const items = order.map((fw) => ({
    label: frameworkLabel(fw),
    description: fw === preferred ? vscode.l10n.t('used by this file') : undefined,
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
export async function insertImplementation(raw?: unknown): Promise<string | undefined> {
  try {
    const req = parseInsertArgs(raw);
    const editor = vscode.window.activeTextEditor;
    const entry = req.id ? getActivation(req.id) : await pickEntry();
    if (!entry) {
      if (req.id)
        void vscode.window.showErrorMessage(vscode.l10n.t('Unknown activation "{0}".', req.id));
      return undefined;
    }
    const own = editor ? frameworkOfDocument(editor.document.getText()) : undefined;
    const fw = req.framework ?? (await pickFramework(entry, own));
    if (!fw) return undefined;
    const checked = validateParams(entry.id, req.params ?? {});
    const impl = generateImplementation(entry, fw, checked.ok ? checked.params : undefined);
    if (!impl) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('No {1} implementation of {0} is available.', entry.name, frameworkLabel(fw)),
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
    const line = doc.lineAt(editor.selection.active.line);
    const blank = line.isEmptyOrWhitespace;
    const indent = blank ? line.text : line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const code = indentCode(impl.code, indent).replace(/\n$/, '');
    const imports = missingImports(doc.getText(), impl.imports);
    // PEP 8: two blank lines around a top-level definition, one around a nested one.
    const gap = indent ? 1 : 2;
    const blankAbove = countBlank(doc, line.lineNumber - 1, -1);
    const blankBelow = countBlank(doc, line.lineNumber + 1, 1);
    const before = '\n'.repeat(Math.max(0, gap - blankAbove));
    const after = '\n'.repeat(Math.max(0, gap - blankBelow));
    const ok = await editor.edit((b) => {
      if (imports) b.insert(doc.positionAt(imports.offset), imports.text);
      // A blank line takes the code in its place; otherwise the code goes below the cursor line.
      if (blank) b.replace(line.range, `${before}${code}${after}`);
      else b.insert(line.range.end, `\n${'\n'.repeat(gap)}${code}${after}`);
    });
    if (!ok) return undefined;
    return code;
  } catch (e) {
    log().error(`Insert implementation failed: ${String(e)}`);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not insert the implementation: {0}', String(e)),
    );
    return undefined;
  }
}
