import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parser } from '@lezer/python';
import { diagnoseCells, diagnosePython } from '../../src/core/diagnostics/diagnose';
import type { DiagnosticCode, PitfallDiagnostic } from '../../src/core/diagnostics/types';
import { showRefusal } from '../../src/core/protocol/commandArgs';
import { parseShowRequest } from '../../src/core/protocol/webviewProtocol';

const TORCH = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
const KERAS = 'import keras\nfrom keras import layers\n';

function codes(src: string, code: DiagnosticCode): PitfallDiagnostic[] {
  return diagnosePython(src).filter((d) => d.code === code);
}

function parsesClean(src: string): boolean {
  let bad = false;
  parser.parse(src).iterate({
    enter: (n) => {
      if (n.type.isError) bad = true;
    },
  });
  return !bad;
}

/** Whether CPython itself accepts the text (`ast.parse`); undefined when python3 is missing. */
function cpythonParses(src: string): boolean | undefined {
  const r = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], {
    input: src,
    encoding: 'utf8',
  });
  if (r.error) return undefined;
  return r.status === 0;
}
const HAVE_PYTHON = cpythonParses('x = 1\n') === true;
let cpythonChecked = 0;

function apply(src: string, d: PitfallDiagnostic, k = 0): string {
  const edits = [...d.fixes[k].edits].sort((a, b) => b.start - a.start);
  let out = src;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Asserts exactly one `code` diagnostic on `marked` text, and that every fix parses and clears it. */
function positive(src: string, code: DiagnosticCode, marked?: string, fixes = 1): string[] {
  const ds = codes(src, code);
  assert.equal(
    ds.length,
    1,
    `${code} expected once in:\n${src}\ngot ${JSON.stringify(diagnosePython(src), null, 1)}`,
  );
  const d = ds[0];
  if (marked) assert.equal(src.slice(d.start, d.end), marked);
  assert.equal(d.fixes.length, fixes, `fixes of ${code}: ${JSON.stringify(d.fixes)}`);
  return d.fixes.map((_, k) => {
    const fixed = apply(src, d, k);
    assert.ok(parsesClean(fixed), `fix ${d.fixes[k].title} leaves a parse error:\n${fixed}`);
    if (HAVE_PYTHON) {
      assert.equal(
        cpythonParses(fixed),
        true,
        `python3 rejects fix ${d.fixes[k].title}:\n${fixed}`,
      );
      cpythonChecked++;
    }
    assert.equal(
      codes(fixed, code).length,
      0,
      `fix ${d.fixes[k].title} still draws ${code}:\n${fixed}`,
    );
    return fixed;
  });
}

function negative(src: string, code: DiagnosticCode): void {
  assert.deepEqual(codes(src, code), [], src);
}

test('double-softmax: nn.Sequential bound to a name, loss bound to a name', () => {
  const src = `${TORCH}model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))
criterion = nn.CrossEntropyLoss()
for x, y in loader:
    out = model(x)
    loss = criterion(out, y)
`;
  const [fixed] = positive(src, 'double-softmax', 'nn.Softmax(dim=1)');
  assert.match(fixed, /nn\.Sequential\(nn\.Linear\(4, 3\)\)/);
});

test('double-softmax: self. attributes in a trainer and F.softmax in forward', () => {
  const src = `${TORCH}class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        x = self.fc(x)
        x = F.softmax(x, dim=1)
        return x


class Trainer:
    def __init__(self):
        self.model = Net()
        self.loss_fn = nn.CrossEntropyLoss()

    def step(self, x, y):
        return self.loss_fn(self.model(x), y)
`;
  const [fixed] = positive(src, 'double-softmax', 'F.softmax');
  assert.match(fixed, /x = x\n/);
});

test('double-softmax: direct functional nesting and a LogSoftmax module offering NLLLoss', () => {
  positive(
    `${TORCH}loss = F.cross_entropy(F.softmax(logits, dim=-1), target)\n`,
    'double-softmax',
    'F.softmax',
  );
  const src = `${TORCH}class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.out = nn.LogSoftmax(dim=1)

    def forward(self, x):
        return self.out(x)

net = Net()
crit = nn.CrossEntropyLoss()
loss = crit(net(x), y)
`;
  const [nll] = positive(src, 'double-softmax', undefined, 2);
  assert.match(nll, /nn\.NLLLoss\(\)/);
});

test('double-softmax: silent when the model or the loss cannot both be seen', () => {
  negative(
    `${TORCH}from mymodels import Net\nmodel = Net()\ncrit = nn.CrossEntropyLoss()\nloss = crit(model(x), y)\n`,
    'double-softmax',
  );
  negative(`${TORCH}def train(model, crit):\n    return crit(model(x), y)\n`, 'double-softmax');
  negative(
    `${TORCH}model = nn.Sequential(nn.Linear(4, 3))\ncrit = nn.CrossEntropyLoss()\nloss = crit(model(x), y)\n`,
    'double-softmax',
  );
  // Rebinding in a branch makes the output uncertain.
  negative(
    `${TORCH}out = F.softmax(z, dim=1)\nif flag:\n    out = z\nloss = F.cross_entropy(out, y)\n`,
    'double-softmax',
  );
  // Softmax only at evaluation time: not every return is a softmax.
  negative(
    `${TORCH}class Net(nn.Module):
    def forward(self, x):
        if self.training:
            return x
        return F.softmax(x, dim=1)

crit = nn.CrossEntropyLoss()
loss = crit(Net()(x), y)
`,
    'double-softmax',
  );
});

test('double-softmax: Keras final softmax with from_logits=True', () => {
  const src = `${KERAS}model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
`;
  const [removed, flag] = positive(src, 'double-softmax', '"softmax"', 2);
  assert.match(removed, /layers\.Dense\(10\)\]/);
  assert.match(flag, /from_logits=False/);
  negative(src.replace('from_logits=True', 'from_logits=False'), 'double-softmax');
});

test('probabilities-not-logits: Keras linear output with a string loss and with a loss object', () => {
  const src = `${KERAS}inputs = keras.Input(shape=(4,))
h = layers.Dense(32, activation="relu")(inputs)
outputs = layers.Dense(3)(h)
model = keras.Model(inputs, outputs)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
`;
  const [fixed] = positive(src, 'probabilities-not-logits', '"sparse_categorical_crossentropy"');
  assert.match(fixed, /keras\.losses\.SparseCategoricalCrossentropy\(from_logits=True\)/);
  const obj = `${KERAS}def build():
    m = keras.Sequential([layers.Dense(1)])
    return m

model = build()
loss_fn = keras.losses.BinaryCrossentropy()
model.compile(loss=loss_fn)
`;
  positive(obj, 'probabilities-not-logits', 'keras.losses.BinaryCrossentropy');
  negative(src.replace('Dense(3)', 'Dense(3, activation="softmax")'), 'probabilities-not-logits');
  negative(
    src.replace('loss="sparse_categorical_crossentropy"', 'loss="mse"'),
    'probabilities-not-logits',
  );
});

test('sigmoid-then-bce: nn.Sigmoid in Sequential and torch.sigmoid in forward', () => {
  const src = `${TORCH}model = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
loss = loss_fn(model(x), y)
`;
  const [fixed] = positive(src, 'sigmoid-then-bce', 'nn.Sigmoid()');
  assert.match(fixed, /nn\.BCEWithLogitsLoss\(\)/);
  const fwd = `${TORCH}class Head(nn.Module):
    def forward(self, x):
        return torch.sigmoid(self.fc(x))

head = Head()
loss = F.binary_cross_entropy(head(x), y)
`;
  const [f2] = positive(fwd, 'sigmoid-then-bce', 'torch.sigmoid');
  assert.match(f2, /F\.binary_cross_entropy_with_logits/);
  negative(src.replace('nn.BCELoss()', 'nn.BCEWithLogitsLoss()'), 'sigmoid-then-bce');
});

test('softmax-implicit-dim: functional and module forms', () => {
  const [f] = positive(`${TORCH}y = F.softmax(x)\n`, 'softmax-implicit-dim', 'F.softmax(x)');
  assert.match(f, /F\.softmax\(x, dim=-1\)/);
  const [m] = positive(`${TORCH}m = nn.LogSoftmax()\n`, 'softmax-implicit-dim');
  assert.match(m, /nn\.LogSoftmax\(dim=-1\)/);
  positive(`${TORCH}y = F.log_softmax(x, dtype=torch.float64)\n`, 'softmax-implicit-dim');
  positive(`${TORCH}m = nn.Softmax(dim=None)\n`, 'softmax-implicit-dim');
  negative(
    `${TORCH}y = F.softmax(x, 1)\nz = F.softmax(x, dim=-1)\nm = nn.Softmax(-1)\nw = x.softmax(-1)\n`,
    'softmax-implicit-dim',
  );
  negative(`from mylib import F\ny = F.softmax(x)\n`, 'softmax-implicit-dim');
});

test('single-unit-softmax: Keras Dense(1, softmax) and Linear(_, 1) then Softmax(dim=-1)', () => {
  const [k] = positive(
    `${KERAS}out = layers.Dense(1, activation="softmax")\n`,
    'single-unit-softmax',
    '"softmax"',
  );
  assert.match(k, /"sigmoid"/);
  positive(
    `${KERAS}out = layers.Dense(units=1, activation=keras.activations.softmax)\n`,
    'single-unit-softmax',
  );
  const [t] = positive(
    `${TORCH}head = nn.Sequential(nn.Linear(16, 1), nn.Softmax(dim=-1))\n`,
    'single-unit-softmax',
    'nn.Softmax(dim=-1)',
  );
  assert.match(t, /nn\.Sigmoid\(\)/);
  positive(
    `${KERAS}m = keras.Sequential([layers.Dense(1), layers.Softmax()])\n`,
    'single-unit-softmax',
  );
  negative(`${KERAS}out = layers.Dense(2, activation="softmax")\n`, 'single-unit-softmax');
  // Attention pooling over time: softmax over dim=1 of (N, T, 1) is not constant.
  negative(
    `${TORCH}att = nn.Sequential(nn.Linear(16, 1), nn.Softmax(dim=1))\n`,
    'single-unit-softmax',
  );
});

test('saturating-deep-stack: literal lists, comprehensions and resets', () => {
  const layers = Array.from({ length: 8 }, () => 'nn.Linear(8, 8), nn.Tanh()').join(', ');
  const ds = positive(
    `${TORCH}net = nn.Sequential(${layers})\n`,
    'saturating-deep-stack',
    'nn.Sequential',
    0,
  );
  assert.equal(ds.length, 0);
  const d = codes(`${TORCH}net = nn.Sequential(${layers})\n`, 'saturating-deep-stack')[0];
  assert.equal(d.severity, 'information');
  assert.deepEqual(
    d.explain.curves.map((c) => c.id),
    ['tanh'],
  );
  positive(
    `${TORCH}net = nn.Sequential(*[nn.Sequential(nn.Linear(8, 8), nn.Sigmoid()) for _ in range(10)])\n`,
    'saturating-deep-stack',
    undefined,
    0,
  );
  positive(
    `${KERAS}m = keras.Sequential([layers.Dense(32, activation="sigmoid") for _ in range(9)] + [layers.Dense(1)])\n`,
    'saturating-deep-stack',
    undefined,
    0,
  );
  negative(
    `${TORCH}net = nn.Sequential(*[nn.Sequential(nn.Linear(8, 8), nn.Tanh()) for _ in range(7)])\n`,
    'saturating-deep-stack',
  );
  negative(
    `${TORCH}net = nn.Sequential(*[nn.Sequential(nn.Linear(8, 8), nn.BatchNorm1d(8), nn.Tanh()) for _ in range(10)])\n`,
    'saturating-deep-stack',
  );
});

test('jax-gelu-approximate: calls get two fixes, explicit ones nothing', () => {
  const [t, f] = positive(
    'import jax\ny = jax.nn.gelu(x)\n',
    'jax-gelu-approximate',
    'jax.nn.gelu',
    2,
  );
  assert.match(t, /approximate=True/);
  assert.match(f, /approximate=False/);
  positive('import flax.linen as nn\ny = nn.gelu(x)\n', 'jax-gelu-approximate', 'nn.gelu', 2);
  negative(
    'import jax\ny = jax.nn.gelu(x, approximate=False)\nz = jax.nn.gelu(x, False)\n',
    'jax-gelu-approximate',
  );
  negative(`${TORCH}y = F.gelu(x)\n`, 'jax-gelu-approximate');
});

test('keras-hard-sigmoid-changed: strings and references in Keras code only', () => {
  positive(
    `${KERAS}l = layers.Dense(4, activation="hard_sigmoid")\n`,
    'keras-hard-sigmoid-changed',
    '"hard_sigmoid"',
    0,
  );
  positive(
    `${KERAS}y = keras.activations.hard_sigmoid(x)\n`,
    'keras-hard-sigmoid-changed',
    undefined,
    0,
  );
  negative(`${TORCH}y = F.hardsigmoid(x)\nname = "hard_sigmoid"\n`, 'keras-hard-sigmoid-changed');
});

test('hints are capped per file; messages come in Japanese', () => {
  const src =
    'import jax\n' + Array.from({ length: 30 }, (_, i) => `y${i} = jax.nn.gelu(x)\n`).join('');
  assert.equal(diagnosePython(src).length, 5);
  const ja = diagnosePython(`${TORCH}y = F.softmax(x)\n`, { lang: 'ja' })[0];
  assert.match(ja.message, /軸/);
  assert.match(ja.fixes[0].title, /追加/);
});

test('notebook cells: the model in one cell, the loss in a later one', () => {
  const cells = [
    TORCH,
    '%matplotlib inline\nmodel = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))',
    'crit = nn.CrossEntropyLoss()\nloss = crit(model(x), y)',
  ];
  const d = diagnoseCells(cells, 1).filter((x) => x.code === 'double-softmax');
  assert.equal(d.length, 1);
  assert.equal(cells[1].slice(d[0].start, d[0].end), 'nn.Softmax(dim=1)');
  assert.equal(d[0].fixes.length, 1);
  assert.deepEqual(diagnoseCells(cells, 2), []);
});

test('bad input never throws', () => {
  for (const s of [
    '',
    'softmax(',
    'nn.Sequential(*',
    '\u0000F.softmax(',
    'x = (' + 'softmax,'.repeat(5000),
  ])
    assert.ok(Array.isArray(diagnosePython(s)));
  assert.deepEqual(diagnosePython(undefined as unknown as string), []);
});

// Models and losses bound to names and to `self.` attributes, followed through the binding model
// (python/bindingSites.ts): a binding counts only when it is the single site reaching the use.

test('binding model: self.criterion and self.model set in __init__, used in another method', () => {
  const src = `${TORCH}class Trainer:
    def __init__(self):
        self.model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))
        self.criterion = nn.CrossEntropyLoss()

    def step(self, x, y):
        loss = self.criterion(self.model(x), y)
        return loss
`;
  const [fixed] = positive(src, 'double-softmax', 'nn.Softmax(dim=1)');
  assert.match(fixed, /self\.model = nn\.Sequential\(nn\.Linear\(4, 3\)\)\n/);
  // A later unconditional assignment in the same method hides the first one.
  positive(
    src.replace(
      '        self.criterion =',
      '        self.model = nn.Sequential(nn.Linear(4, 3))\n        self.model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\n        self.criterion =',
    ),
    'double-softmax',
    'nn.Softmax(dim=1)',
  );
});

test('binding model: silent when several bindings of self.model or self.criterion can reach', () => {
  const base = `${TORCH}class Trainer:
    def __init__(self, head):
        if head == "probs":
            self.model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))
        else:
            self.model = nn.Sequential(nn.Linear(4, 3))
        self.criterion = nn.CrossEntropyLoss()

    def step(self, x, y):
        return self.criterion(self.model(x), y)
`;
  negative(base, 'double-softmax');
  // Set in two methods: which one ran last is not known from the file.
  negative(
    `${TORCH}class Trainer:
    def __init__(self):
        self.model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))
        self.criterion = nn.CrossEntropyLoss()

    def to_logits(self):
        self.model = nn.Sequential(nn.Linear(4, 3))

    def step(self, x, y):
        return self.criterion(self.model(x), y)
`,
    'double-softmax',
  );
  // The loss chosen at run time, the model passed in: nothing is certain.
  negative(
    `${TORCH}class Trainer:
    def __init__(self, model, loss_name):
        self.model = model
        self.criterion = getattr(nn, loss_name)()

    def step(self, x, y):
        return self.criterion(self.model(x), y)
`,
    'double-softmax',
  );
});

test('binding model: loss_fn = nn.BCELoss() and a model name bound once in a function', () => {
  const src = `${TORCH}def train(loader):
    model = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
    loss_fn = nn.BCELoss()
    for x, y in loader:
        pred = model(x)
        loss = loss_fn(pred, y)
`;
  const [fixed] = positive(src, 'sigmoid-then-bce', 'nn.Sigmoid()');
  assert.match(fixed, /nn\.BCEWithLogitsLoss\(\)/);
  assert.match(fixed, /nn\.Sequential\(nn\.Linear\(8, 1\)\)\n/);
  // Rebound inside the loop before the use: the value that reaches is the loop's.
  negative(
    src.replace('        pred = model(x)', '        model = make()\n        pred = model(x)'),
    'sigmoid-then-bce',
  );
  // A parameter of the same name shadows the module-level model.
  negative(
    `${TORCH}model = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()

def step(model, x, y):
    return loss_fn(model(x), y)
`,
    'sigmoid-then-bce',
  );
});

test('binding model: Keras loss objects bound to names, Sequential and functional models', () => {
  const seq = `${KERAS}model = keras.Sequential([layers.Dense(32, activation="relu"), layers.Dense(10, activation="softmax")])
loss = keras.losses.CategoricalCrossentropy(from_logits=True)
model.compile(optimizer="adam", loss=loss)
`;
  const [removed, flag] = positive(seq, 'double-softmax', '"softmax"', 2);
  assert.match(removed, /layers\.Dense\(10\)\]\)/);
  assert.match(flag, /CategoricalCrossentropy\(from_logits=False\)/);
  const functional = `import keras
from keras.layers import Dense, Input

inputs = Input(shape=(8,))
x = Dense(32, activation="relu")(inputs)
outputs = Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
`;
  positive(functional, 'double-softmax', '"softmax"', 2);
  // The output tensor rebound in a branch: not certain.
  negative(
    functional.replace(
      'model = keras.Model',
      'if wide:\n    outputs = Dense(10)(x)\nmodel = keras.Model',
    ),
    'double-softmax',
  );
  // A model built in another module.
  negative(
    `import keras\nfrom zoo import build\nmodel = build()\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n`,
    'double-softmax',
  );
});

test('fix paths not covered above: each applied fix parses and clears its diagnostic', () => {
  const cases: Array<[string, DiagnosticCode, number]> = [
    // F.log_softmax into F.cross_entropy: rename to F.nll_loss, or unwrap the log-softmax.
    [`${TORCH}loss = F.cross_entropy(F.log_softmax(z, dim=1), y)\n`, 'double-softmax', 2],
    // A tensor method in forward.
    [
      `${TORCH}class Net(nn.Module):\n    def forward(self, x):\n        return self.fc(x).softmax(dim=-1)\n\nnet = Net()\nloss = F.cross_entropy(net(x), y)\n`,
      'double-softmax',
      1,
    ],
    // Keras: activation given positionally, and a final Activation layer.
    [
      `${KERAS}m = keras.Sequential([layers.Dense(10, "softmax")])\nm.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n`,
      'double-softmax',
      2,
    ],
    [
      `${KERAS}m = keras.Sequential([layers.Dense(10), layers.Activation("sigmoid")])\nm.compile(loss=keras.losses.BinaryCrossentropy(True))\n`,
      'double-softmax',
      2,
    ],
    // probabilities-not-logits with from_logits=False written out.
    [
      `${KERAS}m = keras.Sequential([layers.Dense(10)])\nm.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=False))\n`,
      'probabilities-not-logits',
      1,
    ],
    // softmax-implicit-dim: functional with keyword input, module with other arguments.
    [`${TORCH}y = F.log_softmax(input=x)\n`, 'softmax-implicit-dim', 1],
    [`${TORCH}y = F.softmin(x, None)\n`, 'softmax-implicit-dim', 1],
    // single-unit-softmax: an Activation layer after a one-unit Dense; a flax gelu.
    [
      `${KERAS}m = keras.Sequential([layers.Dense(1), layers.Activation("softmax")])\n`,
      'single-unit-softmax',
      1,
    ],
    ['import jax\ny = jax.nn.gelu(x, )\n', 'jax-gelu-approximate', 2],
  ];
  for (const [src, code, fixes] of cases) positive(src, code, undefined, fixes);
});

test('every quick fix applied above was also accepted by python3 (ast.parse)', (t) => {
  if (!HAVE_PYTHON) {
    t.skip('python3 is not on PATH: fixes were checked with the lezer parser only');
    return;
  }
  assert.ok(cpythonChecked >= 20, `only ${cpythonChecked} fixed texts went through python3`);
});

test('saturating-deep-stack: the link is a valid show request for Gradient flow at that depth', () => {
  const stack = (n: number, act: string) =>
    `${TORCH}net = nn.Sequential(${Array.from({ length: n }, () => `nn.Linear(8, 8), nn.${act}()`).join(', ')})\n`;
  for (const [n, act, id, depth] of [
    [8, 'Tanh', 'tanh', 8],
    [13, 'Sigmoid', 'sigmoid', 13],
    [45, 'Sigmoid', 'sigmoid', 30],
  ] as const) {
    const [d] = codes(stack(n, act), 'saturating-deep-stack');
    const checked = parseShowRequest(JSON.parse(JSON.stringify(d.explain)));
    assert.ok(checked.ok, JSON.stringify(d.explain));
    assert.equal(checked.message.tab, 'train');
    assert.deepEqual(checked.message.gradient, { id, depth });
    assert.equal(showRefusal(checked.message), undefined);
  }
  const kerasRun = codes(
    `${KERAS}m = keras.Sequential([layers.Dense(32, activation="tanh") for _ in range(10)])\n`,
    'saturating-deep-stack',
  )[0];
  assert.deepEqual(kerasRun.explain.gradient, { id: 'tanh', depth: 10 });
  // What the host refuses: a depth outside the view's range, a non-integer, a vector activation.
  const base = { curves: [], tab: 'train' };
  for (const gradient of [{ id: 'tanh', depth: 31 }, { id: 'tanh', depth: 8.5 }, { id: 'tanh' }])
    assert.equal(parseShowRequest({ ...base, gradient }).ok, false, JSON.stringify(gradient));
  const softmax = parseShowRequest({ ...base, gradient: { id: 'softmax', depth: 8 } });
  assert.ok(softmax.ok && showRefusal(softmax.message));
});

test('a large file edited above a finding: windows reused from the earlier version, offsets right', () => {
  const filler = Array.from(
    { length: 700 },
    (_, i) => `def helper_${i}(x):\n    return x + ${i}\n\n`,
  ).join('');
  const body = `def train(loader):
    model = nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))
    criterion = nn.CrossEntropyLoss()
    for x, y in loader:
        loss = criterion(model(x), y)
`;
  const src = `${TORCH}${filler}${body}`;
  assert.ok(src.length > 16_000, 'beyond the whole-text window');
  const first = codes(src, 'double-softmax');
  assert.equal(first.length, 1);
  const inserted = '# a comment typed at the top\n';
  const edited = inserted + src;
  const again = codes(edited, 'double-softmax');
  assert.equal(again.length, 1);
  assert.equal(again[0].start, first[0].start + inserted.length);
  assert.equal(edited.slice(again[0].start, again[0].end), 'nn.Softmax(dim=1)');
  const [fixed] = positive(edited, 'double-softmax', 'nn.Softmax(dim=1)');
  assert.ok(fixed.startsWith(inserted));
});
