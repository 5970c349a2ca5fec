import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/python/parse';
import { hoverAt } from '../../src/core/hover/hoverAt';
import { jsonHoverAt, jsonValueAt } from '../../src/core/hover/jsonHover';

/** Hovers the token right after the `¦` marker (which is removed from the source). */
function hov(src: string) {
  const at = src.indexOf('¦');
  assert.ok(at >= 0, 'marker');
  const text = src.slice(0, at) + src.slice(at + 1);
  return hoverAt(analyzePython(text), at + 1);
}

/** Same for JSON text. */
function json(src: string) {
  const at = src.indexOf('¦');
  const text = src.slice(0, at) + src.slice(at + 1);
  return jsonHoverAt(text, at + 1);
}

const HF =
  'import torch\nfrom torch import nn\nfrom transformers.activations import ACT2FN, get_activation\n';

test('transformers ACT2FN["gelu_new"]: the key, the table and a bound use', () => {
  assert.equal(hov(`${HF}act = ACT2FN[¦"gelu_new"]\n`)?.id, 'gelu_tanh');
  assert.equal(hov(`${HF}act = ¦ACT2FN["gelu"]\n`)?.id, 'gelu');
  const bound = hov(`${HF}
class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.act = ACT2FN["quick_gelu"]
    def forward(self, x):
        return self.¦act(x)
`);
  assert.equal(bound?.id, 'gelu_sigmoid');
  assert.match(bound?.markdown ?? '', /ACT2FN/);
  assert.match(bound?.markdown ?? '', /huggingface\/transformers/);
});

test('transformers get_activation("gelu") and hidden_act="gelu_new" in a Python config', () => {
  assert.equal(hov(`${HF}act = ¦get_activation("gelu")\n`)?.id, 'gelu');
  assert.equal(hov(`${HF}cfg = BertConfig(hidden_act=¦"gelu_new")\n`)?.id, 'gelu_tanh');
  assert.equal(
    hov(`class C:\n    def __init__(self, hidden_act=¦"gelu_pytorch_tanh"):\n        pass\n`)?.id,
    'gelu_tanh',
  );
});

test('a config attribute as the key is unknown, and said so', () => {
  const h = hov(`${HF}
class MLP(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.act = ACT2FN[config.hidden_act]
    def forward(self, x):
        return self.¦act(x)
`);
  assert.ok(h?.unknown);
  assert.match(h?.markdown ?? '', /config\.hidden_act/);
});

test('timm create_act_layer, get_act_layer, act_layer="…" and forwarded keywords', () => {
  const T = 'from timm.layers import create_act_layer, get_act_layer\n';
  assert.equal(hov(`${T}act = ¦create_act_layer("hard_mish")\n`)?.id, 'hard_mish');
  assert.equal(hov(`${T}cls = get_act_layer(¦"gelu_tanh")\n`)?.id, 'gelu_tanh');
  assert.equal(hov(`${T}m = Block(dim, act_layer=¦"gelu")\n`)?.id, 'gelu');
  const leaky = hov(`${T}act = ¦create_act_layer("leaky_relu", negative_slope=0.2)\n`);
  assert.equal(leaky?.id, 'leaky_relu');
  assert.equal(leaky?.resolved.params.negativeSlope, 0.2);
  const passThrough = hov(`${T}import torch.nn as nn\nact = ¦create_act_layer(nn.SiLU)\n`);
  assert.equal(passThrough?.id, 'silu');
});

test('keras.activations.get and tf-models tf_utils.get_activation', () => {
  const K = 'import keras\nfrom official.modeling import tf_utils\n';
  assert.equal(hov(`${K}name = "swish"\nf = keras.activations.get(¦name)\n`)?.id, 'silu');
  const tfm = hov(`${K}act = tf_utils.¦get_activation("gelu")\n`);
  assert.equal(tfm?.id, 'gelu_tanh');
  const layer = hov(`${K}act = tf_utils.¦get_activation("gelu", use_keras_layer=True)\n`);
  assert.equal(layer?.id, 'gelu');
});

test('JSON config values resolve through the transformers table', () => {
  assert.equal(json(`{\n  "hidden_act": ¦"gelu_new",\n  "model_type": "gpt2"\n}`)?.id, 'gelu_tanh');
  assert.equal(json(`{"hidden_activation": ¦"gelu_pytorch_tanh"}`)?.id, 'gelu_tanh');
  assert.equal(json(`{"activation_function": ¦"gelu_new"}`)?.id, 'gelu_tanh');
  assert.equal(json(`{"model_type": "distilbert", "activation": ¦"gelu"}`)?.id, 'gelu');
  assert.equal(
    json(`{"text_config": {"projector_hidden_act": ¦"quick_gelu"}}`)?.id,
    'gelu_sigmoid',
  );
  assert.equal(json(`{"pretrained_cfg": {}, "act_layer": ¦"hard_mish"}`)?.id, 'hard_mish');
  const h = json(`{"hidden_act": ¦"gelu_new"}`);
  assert.match(h?.markdown ?? '', /hidden_act/);
});

test('JSON: nothing on keys, other keys, unknown names, arrays or broken text', () => {
  assert.equal(json(`{¦"hidden_act": "gelu"}`), undefined);
  assert.equal(json(`{"name": ¦"gelu"}`), undefined);
  assert.equal(json(`{"hidden_act": ¦"no_such_act"}`), undefined);
  assert.equal(json(`{"hidden_act": [¦"gelu"]}`), undefined);
  assert.equal(json(`{"activation": ¦"relu"}`), undefined);
  assert.equal(json(`{"hidden_act": ¦"gel`), undefined);
  assert.equal(jsonHoverAt('{"hidden_act": "gelu"}', -1), undefined);
  assert.equal(jsonHoverAt('{"hidden_act": "gelu"}', 1e9), undefined);
  assert.deepEqual(jsonValueAt('{"a\\"b": "x\\"y"}', 12), {
    key: 'a"b',
    value: 'x"y',
    from: 9,
    to: 15,
  });
});
