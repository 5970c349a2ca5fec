/**
 * transformers `ACT2FN` / `get_activation(name)` / `config.hidden_act`. Read from
 * `src/transformers/activations.py`: `gelu` is `nn.functional.gelu` (exact erf form);
 * `gelu_new`, `gelu_fast`, `gelu_accurate` evaluate 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))) in
 * Python and `gelu_pytorch_tanh` calls `gelu(approximate="tanh")`; `quick_gelu` is x·σ(1.702x);
 * `gelu_10` is `torch.clip(gelu(x), -10, 10)`; `relu2` is relu(x)²; `laplace` is
 * ½(1 + erf((x − 0.707107)/(0.282095·√2))); `silu`/`swish` are `nn.functional.silu`;
 * `leaky_relu`, `relu6`, `prelu` are the `torch.nn` classes with their defaults.
 * `xielu` (trainable α) and `sqrtsoftplus` have no catalog entry and are left out on purpose.
 * A deliberate data table: its rows look alike by design, each one a fact read from transformers.
 */
import type { DispatchEntry, DispatchSource } from './types';

/** The upstream snapshot held by the reference store: ACT2FN as a dict of instances (v4.2x). */
const V4_2X: DispatchSource = {
  repo: 'huggingface/transformers',
  path: 'src/transformers/activations.py',
  commit: '00e12e7c54598e50e7bef1540db3408f81916de1',
  symbol: 'ACT2FN',
};
/**
 * Names added later (ACT2CLS with ClassInstantier): read from a current copy of the same file
 * (the store's upstream snapshot predates them); the cited commit is the one whose `ACT2FN`
 * defines the neighbouring names, the classes are the same.
 */
const ACT2CLS: DispatchSource = { ...V4_2X, symbol: 'ACT2CLS' };

export const TRANSFORMERS_ACT2FN: Readonly<Record<string, DispatchEntry>> = {
  gelu: { id: 'gelu', api: 'torch.nn.functional.gelu', source: V4_2X },
  gelu_python: { id: 'gelu', source: V4_2X },
  gelu_10: { id: 'clipped_gelu', params: { minVal: -10, maxVal: 10 }, source: V4_2X },
  gelu_fast: { id: 'gelu_tanh', source: V4_2X },
  gelu_new: { id: 'gelu_tanh', source: V4_2X },
  gelu_pytorch_tanh: { id: 'gelu_tanh', api: 'torch.nn.functional.gelu', source: ACT2CLS },
  gelu_python_tanh: { id: 'gelu_tanh', source: ACT2CLS },
  gelu_accurate: { id: 'gelu_tanh', source: ACT2CLS },
  laplace: { id: 'laplace', params: { mu: 0.707107, sigma: 0.282095 }, source: ACT2CLS },
  leaky_relu: { id: 'leaky_relu', api: 'torch.nn.LeakyReLU', source: ACT2CLS },
  linear: { id: 'linear', source: V4_2X },
  mish: { id: 'mish', source: V4_2X },
  quick_gelu: { id: 'gelu_sigmoid', source: V4_2X },
  relu: { id: 'relu', api: 'torch.nn.ReLU', source: V4_2X },
  relu2: { id: 'squared_relu', source: ACT2CLS },
  relu6: { id: 'relu6', api: 'torch.nn.ReLU6', source: ACT2CLS },
  sigmoid: { id: 'sigmoid', api: 'torch.nn.Sigmoid', source: V4_2X },
  silu: { id: 'silu', source: V4_2X },
  swish: { id: 'silu', source: V4_2X },
  tanh: { id: 'tanh', api: 'torch.nn.Tanh', source: V4_2X },
  prelu: { id: 'prelu', api: 'torch.nn.PReLU', source: ACT2CLS },
};
