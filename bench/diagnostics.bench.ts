/**
 * Benchmark of the pitfall diagnostics (issue 11). Prints medians; never fails on a target.
 * Targets: a 5,000-line file diagnosed in ≤ 30 ms (first diagnosis of a text never parsed, and
 * again after a one-line edit); the whole real-world corpus reported.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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

/** A 5,000-line file whose blocks are named from `seed`: a new seed is text never parsed before. */
const file5k = (seed: number): string => makeFile(5000, HEADER, (k) => block(seed * 10_000 + k));
for (let i = 0; i < 5; i++) diagnosePython(makeFile(300, HEADER, (k) => block(900_000 + k)));
const cold: number[] = [];
/** CPU time of the same calls: on a shared machine, less disturbed by other processes. */
const coldCpu: number[] = [];
const edited: number[] = [];
let count = 0;
let chars = 0;
for (let i = 0; i < 20; i++) {
  const text = file5k(i + 1);
  chars = text.length;
  // First diagnosis of a text never seen: every window is parsed.
  const cpu = process.cpuUsage();
  cold.push(time(() => (count = diagnosePython(text).length)));
  const used = process.cpuUsage(cpu);
  coldCpu.push((used.user + used.system) / 1000);
  // The same file after a one-line edit in its middle (what runs, debounced, while typing):
  // windows whose text did not change are reused from the earlier version.
  const at = text.indexOf('dim=64', text.length >> 1);
  const next = text.slice(0, at) + 'dim=65' + text.slice(at + 6);
  edited.push(time(() => diagnosePython(next)));
}
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
console.log('\n## Pitfall diagnostics');
console.log(
  `5,000-line file (${chars} chars, ${count} diagnostics), first diagnosis: median ${median(cold).toFixed(1)} ms (CPU ${median(coldCpu).toFixed(1)} ms), max ${Math.max(...cold).toFixed(1)} ms   (target ≤ 30 ms)`,
);
console.log(
  `  the same file after a one-line edit: median ${median(edited).toFixed(1)} ms, max ${Math.max(...edited).toFixed(1)} ms   (loadavg ${load})`,
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
