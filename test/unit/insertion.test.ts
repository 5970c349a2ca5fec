import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getActivation, listActivations } from '../../src/core/catalog/catalog';
import { generateImplementation, IMPL_FRAMEWORKS } from '../../src/core/snippets/generate';
import { insertionEdits, type TextEditSpec } from '../../src/core/snippets/insertion';
import { fitToImports, frameworksUsed } from '../../src/core/snippets/fileImports';
import { asciiMath, plainMath } from '../../src/core/snippets/mathText';
import { analyzePython } from '../../src/core/python/parse';
import { analyzeCells } from '../../src/core/python/notebookCells';
import type { ImplFramework } from '../../src/core/snippets/generate';
import {
  COMMON_ACTIVATIONS,
  memberCompletions,
  stringCompletions,
} from '../../src/core/hover/completionContent';

/** Applies non-overlapping edits (any order) to a text. */
function apply(text: string, edits: TextEditSpec[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from))
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** Inserts entry `id` for `fw` with the cursor on line `line` of `text`, as the command does. */
function insert(text: string, line: number, id: string, fw: ImplFramework): string {
  const impl = generateImplementation(getActivation(id)!, fw)!;
  const a = analyzePython(text);
  return apply(text, insertionEdits(a.text, line, impl, a.moduleTable(), a.lines()).edits);
}

/** The 0-based line of the first line of `text` equal to `line`. */
const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);

const TORCH_FILE = `import torch
from torch import nn


class Gelu(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.gelu(x)
        `;

test('a blank line auto-indented after a return gets the class at column 0, twice in a row', () => {
  const once = insert(TORCH_FILE, 7, 'silu', 'pytorch');
  assert.match(once, /return torch\.nn\.functional\.gelu\(x\)\n\n\nclass Silu\(nn\.Module\):\n/);
  assert.doesNotMatch(once, /^ +class Silu/m);
  assert.equal(once.match(/^import torch$/gm)?.length, 1);
  assert.equal(once.match(/^from torch import nn$/gm)?.length, 1);
  // VS Code auto-indents the next line after the new class's return as well.
  const next = `${once}\n        `;
  const twice = insert(next, next.split('\n').length - 1, 'mish', 'pytorch');
  assert.match(twice, /\n\n\nclass Mish\(nn\.Module\):\n/);
  assert.doesNotMatch(twice, /^ +class /m, 'no class is nested in another');
});

test('inside a function body with code below, the code goes after that top-level block', () => {
  const text = `import numpy as np


def f(x):
    y = x + 1
    
    return y


def g():
    return 2
`;
  const out = insert(text, 5, 'relu', 'numpy');
  assert.match(out, /\n {4}return y\n\n\ndef relu\(x\):\n/);
  assert.match(out, /\n {4}return np\.where\(x > 0, 1\.0, 0\.0\)\n\n\ndef g\(\):/);
  assert.match(out, /\n {4}y = x \+ 1\n {4}\n {4}return y\n/, 'f is left as it was');
});

test('a non-blank cursor line inside a method puts the code after the whole class', () => {
  const text = `import torch
from torch import nn


class Net(nn.Module):
    def forward(self, x):
        h = torch.relu(x)
        return h
`;
  const out = insert(text, lineOf(text, '        h = torch.relu(x)'), 'gelu', 'pytorch');
  assert.match(out, /\n {8}return h\n\n\nclass Gelu\(nn\.Module\):\n/);
  assert.match(out, /^import math$/m);
});

test('a blank line at class-member indentation puts members into the class body', () => {
  const text = `import numpy as np


class Activations:
    """Element-wise functions used by the model."""

    

    scale = 2.0
`;
  const line = lineOf(text, '    ');
  const fn = insert(text, line, 'relu', 'numpy');
  assert.match(fn, /\n\n {4}@staticmethod\n {4}def relu\(x\):\n {8}"""ReLU/);
  assert.match(fn, /\n {4}@staticmethod\n {4}def relu_grad\(x\):\n/);
  assert.match(fn, /\n\n {4}scale = 2\.0\n$/);
  const cls = insert(
    `import torch\nfrom torch import nn\n${text.slice(19)}`,
    line + 1,
    'silu',
    'pytorch',
  );
  assert.match(cls, /\n {4}class Silu\(nn\.Module\):\n {8}"""/);
  // NumPy GELU needs module-level helpers (erf): it stays at the top level, after the class.
  const helpers = insert(text, line, 'gelu', 'numpy');
  assert.match(helpers, /\n {4}scale = 2\.0\n\n\ntry:\n {4}from scipy\.special import erf\n/);
});

test('end of file without a trailing newline, and a cursor above the imports', () => {
  const text = 'import numpy as np\n\nx = np.ones(3)';
  const end = insert(text, 2, 'relu', 'numpy');
  assert.match(end, /^x = np\.ones\(3\)\n\n\ndef relu\(x\):\n/m);
  const top = insert('"""Doc."""\nimport numpy as np\n\nx = 1\n', 0, 'relu', 'numpy');
  assert.match(top, /^"""Doc\."""\nimport numpy as np\n\n\ndef relu\(x\):[\s\S]*\n\n\nx = 1\n$/);
});

test('a notebook cell: imports from an earlier cell count, magics are left alone', () => {
  const cells = [
    'import torch\nimport torch.nn as nn\n',
    '%matplotlib inline\nx = torch.randn(3)\n',
  ];
  const a = analyzeCells(cells, 1);
  const impl = generateImplementation(getActivation('silu')!, 'pytorch')!;
  const plan = insertionEdits(a.text, 2, impl, a.moduleTable(), a.lines());
  const out = apply(cells[1], plan.edits);
  assert.equal(out, `%matplotlib inline\nx = torch.randn(3)\n\n\n${plan.code}`);
  assert.match(plan.code, /^class Silu\(nn\.Module\):/);
  assert.doesNotMatch(out, /^import|^from/m, 'nothing is imported again');
});

test('imports: existing aliases are used, only what is lacking is added', () => {
  const a = insert('import torch.nn as nn\n\n', 2, 'silu', 'pytorch');
  assert.match(a, /^import torch\.nn as nn\nimport torch\n/);
  assert.doesNotMatch(a, /from torch import nn/);
  const b = insert('import torch\nfrom torch import nn as tnn\n\n', 3, 'silu', 'pytorch');
  assert.match(b, /class Silu\(tnn\.Module\):/);
  assert.doesNotMatch(b, /\bnn\.Module|from torch import nn$/m);
  const c = insert('import tensorflow as tf\n\n', 2, 'silu', 'keras');
  assert.match(c, /class Silu\(tf\.keras\.layers\.Layer\):/);
  assert.match(c, /tf\.keras\.ops\.sigmoid\(x\)/);
  assert.doesNotMatch(c, /^import keras|^from keras/m);
  const d = insert('import flax.linen as nn\nimport jax\n\n', 3, 'silu', 'pytorch');
  assert.match(
    d,
    /^from torch import nn as torch_nn$/m,
    'nn is Flax here: torch.nn gets a new name',
  );
  assert.match(d, /class Silu\(torch_nn\.Module\):/);
  const e = insert('import jax.numpy as np\n\n', 2, 'relu', 'numpy');
  assert.match(e, /^import numpy as numpy_$/m);
  assert.match(e, /numpy_\.where\(/);
  const f = insert(
    'import torch as th\nimport torch.nn.functional as Fn\nfrom torch import nn\n\n',
    4,
    'softplus',
    'pytorch',
  );
  assert.match(f, /x: th\.Tensor/);
  assert.match(f, /Fn\.softplus\(/);
  assert.doesNotMatch(f, /^import torch$|import torch\.nn\.functional as F$/m);
});

test('fitToImports renames names, never attributes or longer identifiers', () => {
  const table = analyzePython('from torch import nn as tnn\n').moduleTable();
  const r = fitToImports('x = nn.Module\ny = self.nn\nnn_x = 1\n', ['from torch import nn'], table);
  assert.equal(r.code, 'x = tnn.Module\ny = self.nn\nnn_x = 1\n');
  assert.deepEqual(r.imports, []);
});

test('frameworksUsed lists every framework the file imports', () => {
  const t = (s: string) => frameworksUsed(analyzePython(s).moduleTable());
  assert.deepEqual(t('import numpy as np\nimport torch.nn as nn\nimport tensorflow as tf\n'), [
    'pytorch',
    'keras',
    'numpy',
  ]);
  assert.deepEqual(t('from flax import linen as nn\n'), ['jax']);
  assert.deepEqual(t('x = 1  # import torch\n'), []);
});

test('generated code is ASCII (no confusable σ, −, · in docstrings)', () => {
  for (const e of listActivations()) {
    for (const fw of IMPL_FRAMEWORKS) {
      const impl = generateImplementation(e, fw);
      if (!impl) continue;
      const bad = [...impl.code].filter((c) => c.charCodeAt(0) > 127);
      assert.deepEqual(bad, [], `${e.id} ${fw}`);
    }
  }
  assert.equal(asciiMath('x·σ(βx)'), 'x*sigmoid(beta*x)');
  assert.equal(asciiMath('λα(eˣ − 1)'), 'lambda*alpha*(e^x - 1)');
  assert.equal(asciiMath('x/√(1 + αx²)'), 'x/sqrt(1 + alpha*x^2)');
  assert.equal(plainMath('α(e^{x/α} − 1)'), 'α(e^(x/α) − 1)');
});

test('completions rank relu, gelu, silu, sigmoid, tanh, softmax first', () => {
  const ids = (list: { id: string }[]) => list.map((c) => c.id);
  const torch = ids(memberCompletions('torch.nn'));
  assert.deepEqual(torch.slice(0, 6), [...COMMON_ACTIVATIONS]);
  const fn = ids(memberCompletions('torch.nn.functional'));
  assert.equal(fn[0], 'relu');
  const keras = ids(stringCompletions('keras'));
  const firstOther = keras.findIndex((id) => !COMMON_ACTIVATIONS.includes(id));
  assert.ok(firstOther >= 6, `common ones lead: ${keras.slice(0, 8).join(', ')}`);
  assert.ok(keras.slice(firstOther).every((id) => !COMMON_ACTIVATIONS.includes(id)));
});
