// Issue 10, item 5: the direct-call misses and wrong hovers found on real code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';

/** The hover at the `nth` occurrence of `token` in `src` (cursor in the token's middle). */
function hoverOn(src: string, token: string, nth = 0) {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = src.indexOf(token, at + 1);
    assert.ok(at >= 0, `${token} #${nth}`);
  }
  return hoverAt(analyzePython(src), at + Math.floor(token.length / 2));
}

test('nn.Identity is shown only where it fills an activation slot', () => {
  const src = `import torch.nn as nn
class Block(nn.Module):
    def __init__(self, act_layer=nn.Identity, norm_layer=None, use_act=True):
        self.norm = norm_layer(8) if norm_layer else nn.Identity()
        self.drop_path = nn.Identity()
        self.act = nn.ReLU() if use_act else nn.Identity()
        self.proj = nn.Sequential(nn.Linear(8, 8), nn.Identity())
        act = nn.Identity()
        mlp = Mlp(8, activation=nn.Identity)
`;
  assert.equal(hoverOn(src, 'Identity', 0)?.id, 'linear', 'act_layer=nn.Identity');
  assert.equal(hoverOn(src, 'Identity', 1), undefined, 'norm placeholder');
  assert.equal(hoverOn(src, 'Identity', 2), undefined, 'drop-path placeholder');
  assert.equal(hoverOn(src, 'Identity', 3)?.id, 'linear', 'self.act = … else nn.Identity()');
  assert.equal(hoverOn(src, 'Identity', 4), undefined, 'inside a Sequential');
  assert.equal(hoverOn(src, 'Identity', 5)?.id, 'linear', 'act = nn.Identity()');
  assert.equal(hoverOn(src, 'Identity', 6)?.id, 'linear', 'activation=nn.Identity');
});

test('the PyTorch "without dim" note appears only when dim is absent', () => {
  const src = `import torch.nn as nn
import torch.nn.functional as F
a = F.softmax(x, dim=-1)
b = F.softmax(x, -1)
c = nn.Softmax(dim=1)
d = nn.Softmax(-1)
e = F.log_softmax(x, dim=1)
f = F.softmax(x)
g = nn.Softmin()
`;
  const note = /Without dim, PyTorch warns/;
  for (const [token, nth] of [
    ['softmax', 0],
    ['softmax', 1],
    ['Softmax', 0],
    ['Softmax', 1],
    ['log_softmax', 0],
  ] as const) {
    const h = hoverOn(src, token, nth);
    assert.ok(h, `${token} #${nth}`);
    assert.doesNotMatch(h.markdown, note, `${token} #${nth} passes dim`);
  }
  assert.match(hoverOn(src, 'softmax', 3)?.markdown ?? '', note, 'F.softmax(x)');
  assert.match(hoverOn(src, 'Softmin')?.markdown ?? '', note, 'nn.Softmin()');
});
