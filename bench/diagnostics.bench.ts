/**
 * Benchmark of the pitfall diagnostics (issue 11). Prints medians; never fails on a target.
 * Targets: a 5,000-line file diagnosed in ≤ 30 ms; the whole real-world corpus reported.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseNotebook, diagnosePython } from '../src/core/diagnostics/diagnose';
import { makeFile, median, time } from './benchUtil';

const HEADER = `import torch
import torch.nn as nn
import torch.nn.functional as F
import keras
from keras import layers
import jax
`;

/** A realistic mix: models, a training step, Keras heads and JAX code, some with pitfalls. */
function block(k: number): string {
  return `

class Net${k}(nn.Module):
    def __init__(self, dim=64, classes=10):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(dim, dim), nn.GELU(), nn.LayerNorm(dim))
        self.head = nn.Linear(dim, classes)

    def forward(self, x):
        x = self.body(x)
        x = self.head(x)
        return F.softmax(x, dim=-1)


def train_${k}(loader):
    model = Net${k}()
    criterion = nn.CrossEntropyLoss()
    for x, y in loader:
        out = model(x)
        loss = criterion(out, y)
        loss.backward()


def keras_head_${k}(units):
    m = keras.Sequential([layers.Dense(units, activation="tanh"), layers.Dense(10)])
    m.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return m


def jax_fn_${k}(x):
    return jax.nn.gelu(x) + jax.nn.relu(x)
`;
}

const file5k = makeFile(5000, HEADER, block);
for (let i = 0; i < 5; i++) diagnosePython(makeFile(300, HEADER, block));
const runs: number[] = [];
let count = 0;
for (let i = 0; i < 10; i++) runs.push(time(() => (count = diagnosePython(file5k).length)));
console.log('\n## Pitfall diagnostics');
console.log(
  `5,000-line file (${file5k.length} chars, ${count} diagnostics): median ${median(runs).toFixed(1)} ms, max ${Math.max(...runs).toFixed(1)} ms   (target ≤ 30 ms)`,
);

const dir = 'test/fixtures/realworld/files';
if (existsSync(dir)) {
  const texts: Array<() => unknown> = [];
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (name.endsWith('.py')) texts.push(() => diagnosePython(text));
    else if (name.endsWith('.ipynb')) {
      const nb = JSON.parse(text) as {
        cells?: Array<{ cell_type: string; source: string | string[] }>;
      };
      const cells = (nb.cells ?? [])
        .filter((c) => c.cell_type === 'code')
        .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
      texts.push(() => diagnoseNotebook(cells));
    }
  }
  const whole: number[] = [];
  for (let i = 0; i < 5; i++) whole.push(time(() => texts.forEach((f) => f())));
  console.log(
    `whole real-world corpus (${texts.length} files): median ${median(whole).toFixed(1)} ms, max ${Math.max(...whole).toFixed(1)} ms`,
  );
}
