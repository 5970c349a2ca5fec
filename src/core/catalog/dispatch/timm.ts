/**
 * timm `get_act_layer(name)` / `create_act_layer(name, **kwargs)` / `act_layer="…"` and
 * `get_act_fn(name)`. Read from `timm/layers/create_act.py` (`_ACT_LAYER_DEFAULT`, `_ACT_FN_DEFAULT`;
 * the `_ME` memory-efficient variants compute the same functions) and `timm/layers/activations.py`:
 * `gelu` is exact, `gelu_tanh` the tanh form, `quick_gelu` x·σ(1.702x), `hard_mish`
 * ½·x·clamp(x + 2, 0, 2), `hard_sigmoid` relu6(x + 3)/6, `prelu` timm's PReLU (init 0.25).
 * Names are lower-cased before the lookup; `hardsigmoid`/`hardswish` are aliases.
 * A deliberate data table: its rows look alike by design, each one a fact read from timm.
 */
import type { DispatchEntry, DispatchSource } from './types';

const LAYERS: DispatchSource = {
  repo: 'huggingface/pytorch-image-models',
  path: 'timm/layers/create_act.py',
  commit: 'aa4b5850c1543fa488abf260f18390eda46cf85d',
  symbol: '_ACT_LAYER_DEFAULT',
};
const FNS: DispatchSource = { ...LAYERS, symbol: '_ACT_FN_DEFAULT' };

/** Names both tables share, with the torch class the layer table instantiates. */
const SHARED: Record<string, { id: string; api?: string }> = {
  silu: { id: 'silu', api: 'torch.nn.SiLU' },
  swish: { id: 'silu', api: 'torch.nn.SiLU' },
  mish: { id: 'mish', api: 'torch.nn.Mish' },
  relu: { id: 'relu', api: 'torch.nn.ReLU' },
  relu6: { id: 'relu6', api: 'torch.nn.ReLU6' },
  leaky_relu: { id: 'leaky_relu', api: 'torch.nn.LeakyReLU' },
  elu: { id: 'elu', api: 'torch.nn.ELU' },
  celu: { id: 'celu', api: 'torch.nn.CELU' },
  selu: { id: 'selu', api: 'torch.nn.SELU' },
  gelu: { id: 'gelu' },
  gelu_tanh: { id: 'gelu_tanh' },
  quick_gelu: { id: 'gelu_sigmoid' },
  sigmoid: { id: 'sigmoid' },
  tanh: { id: 'tanh' },
  hard_sigmoid: { id: 'hard_sigmoid', api: 'torch.nn.Hardsigmoid' },
  hardsigmoid: { id: 'hard_sigmoid', api: 'torch.nn.Hardsigmoid' },
  hard_swish: { id: 'hard_swish', api: 'torch.nn.Hardswish' },
  hardswish: { id: 'hard_swish', api: 'torch.nn.Hardswish' },
  hard_mish: { id: 'hard_mish' },
};

function table(
  source: DispatchSource,
  extra: Record<string, DispatchEntry>,
  withApi: boolean,
): Record<string, DispatchEntry> {
  const out: Record<string, DispatchEntry> = {};
  for (const [name, e] of Object.entries(SHARED)) {
    out[name] = withApi && e.api ? { id: e.id, api: e.api, source } : { id: e.id, source };
  }
  return { ...out, ...extra };
}

/** `get_act_layer` / `create_act_layer` / `act_layer="…"`. */
export const TIMM_ACT_LAYERS: Readonly<Record<string, DispatchEntry>> = table(
  LAYERS,
  {
    prelu: { id: 'prelu', params: { negativeSlope: 0.25 }, source: LAYERS },
    identity: { id: 'linear', api: 'torch.nn.Identity', source: LAYERS },
  },
  true,
);

/** `get_act_fn` (functions, so no keyword arguments reach them). */
export const TIMM_ACT_FNS: Readonly<Record<string, DispatchEntry>> = table(FNS, {}, false);
