/**
 * Benchmark of hovers in large notebooks (issue 13, item 3): a hover in the last of N five-line
 * cells, first with nothing cached (every cell above read once), then after an edit in the
 * middle cell, then again with nothing changed. Prints milliseconds; never fails.
 * Target: ≤ 100 ms for the first hover in the last of 4,000 cells, growing linearly with N.
 */
import { NotebookAnalyses, type NotebookCell } from '../src/core/python/notebookCells';
import { hoverAt } from '../src/core/hover/hoverAt';
import { median, time } from './benchUtil';

function notebook(n: number): NotebookCell[] {
  return Array.from({ length: n }, (_, k) => ({
    key: `cell${k}`,
    version: 1,
    text:
      k === 0
        ? 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nx = 1\nprint(x)\n'
        : `h${k} = torch.randn(8, ${k % 64})\ny = F.leaky_relu(h${k}, 0.2)\nact = nn.GELU()\nout = act(y)\nprint(out.shape)\n`,
  }));
}

for (const n of [1000, 4000]) {
  const first: number[] = [];
  const edited: number[] = [];
  const again: number[] = [];
  for (let run = 0; run < 5; run++) {
    const cells = notebook(n);
    const offset = cells[n - 1].text.indexOf('GELU') + 1;
    const nb = new NotebookAnalyses();
    first.push(time(() => hoverAt(nb.analyze(cells, n - 1), offset)));
    const mid = n >> 1;
    cells[mid] = { ...cells[mid], version: 2, text: `${cells[mid].text}z = 3\n` };
    edited.push(time(() => hoverAt(nb.analyze(cells, n - 1), offset)));
    again.push(time(() => hoverAt(nb.analyze(cells, n - 1), offset)));
  }
  console.log(
    `notebook hover, last of ${n} cells: first ${median(first).toFixed(1)} ms, ` +
      `after an edit mid-notebook ${median(edited).toFixed(1)} ms, ` +
      `unchanged ${median(again).toFixed(2)} ms (median of 5)`,
  );
}
