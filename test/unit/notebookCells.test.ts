import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_NOTEBOOK_CELLS,
  NotebookAnalyses,
  type NotebookCell,
} from '../../src/core/python/notebookCells';
import { hoverAt } from '../../src/core/hover/hoverAt';

/** `n` five-line cells; the first imports torch.nn, the last uses it. */
function notebook(n: number): NotebookCell[] {
  const cells: NotebookCell[] = [];
  for (let k = 0; k < n; k++) {
    const text =
      k === 0
        ? 'import torch.nn as nn\nx = 1\ny = 2\nz = x + y\nprint(z)\n'
        : `a${k} = ${k}\nb = a${k} * 2\nc = nn.GELU()\nd = [b, c]\nprint(d)\n`;
    cells.push({ key: `cell${k}`, version: 1, text });
  }
  return cells;
}

test('notebook: a hover in the last cell reads each cell above once, whatever the query order', () => {
  const n = 1000;
  const cells = notebook(n);
  const nb = new NotebookAnalyses();
  const offset = cells[n - 1].text.indexOf('GELU') + 1;
  assert.equal(hoverAt(nb.analyze(cells, n - 1), offset)?.id, 'gelu');
  assert.equal(nb.work.cellsRead, n - 1);
  // Hovering every cell in turn reads nothing again: linear, not quadratic.
  for (let k = 1; k < n; k++) hoverAt(nb.analyze(cells, k), offset);
  assert.equal(nb.work.cellsRead, n - 1);
  // Only the first cell binds a name, so its one binding is all that is ever carried.
  assert.ok(nb.work.bindingsCopied <= 1, `${nb.work.bindingsCopied} bindings copied`);
});

test('notebook: an edit re-reads the edited cell, and the cells below only when its names change', () => {
  const n = 400;
  const cells = notebook(n);
  const nb = new NotebookAnalyses();
  nb.analyze(cells, n - 1);
  const before = nb.work.cellsRead;
  cells[200] = { ...cells[200], version: 2, text: 'q = 3\n' };
  nb.analyze(cells, n - 1);
  assert.equal(nb.work.cellsRead - before, 1);
  cells[200] = { ...cells[200], version: 3, text: 'import torch.nn.functional as F\n' };
  nb.analyze(cells, n - 1);
  assert.equal(nb.work.cellsRead - before, 1 + (n - 1 - 200));
});

test('notebook: at most MAX_NOTEBOOK_CELLS cells are read, and the hover says so', () => {
  const n = MAX_NOTEBOOK_CELLS + 3;
  const cells = notebook(n);
  const nb = new NotebookAnalyses();
  const a = nb.analyze(cells, n - 1);
  assert.equal(nb.work.cellsRead, MAX_NOTEBOOK_CELLS);
  assert.equal(a.skippedCells, 2);
  const offset = cells[n - 1].text.indexOf('GELU') + 1;
  const en = hoverAt(a, offset, { lang: 'en' })!.markdown;
  assert.match(en, /Imports in 2 earlier cells were not read/);
  const ja = hoverAt(a, offset, { lang: 'ja' })!.markdown;
  assert.match(ja, /前の 2 個のセルの import は読んでいない/);
});
