/**
 * Library dispatch tables: a string name that a library maps to an activation (transformers
 * `ACT2FN["gelu_new"]`, timm `get_act_layer("hard_mish")`, tf-models `get_activation("gelu")`,
 * `torch.nn.RNN(nonlinearity="relu")`). Each entry is data read from the library's own source
 * and cites the file it was read from.
 */
import type { Params } from '../types';

/** Where a table entry was read: repository, path and commit of the library's source. */
export interface DispatchSource {
  repo: string;
  path: string;
  /** 40-hex commit of the snapshot that was read. */
  commit: string;
  /** The symbol in that file that holds the mapping (e.g. `ACT2CLS`, `_ACT_LAYER_DEFAULT`). */
  symbol: string;
}

/** One name of a dispatch table: the catalog entry it computes and the parameters it fixes. */
export interface DispatchEntry {
  id: string;
  /** Parameters the library fixes; the catalog defaults fill the rest. */
  params?: Params;
  /**
   * The framework API the library instantiates, when there is one, so keyword arguments forwarded
   * by a factory (timm `create_act_layer("leaky_relu", negative_slope=0.2)`) can be resolved.
   */
  api?: string;
  source: DispatchSource;
}

/** Libraries with a dispatch table. `tf-models-layer` is `get_activation(name, use_keras_layer=True)`. */
export type DispatchLibrary =
  | 'transformers'
  | 'timm'
  | 'timm-fn'
  | 'keras'
  | 'tf-keras'
  | 'tf-models'
  | 'tf-models-layer'
  | 'torch-rnn';

/** A resolved dispatch: the entry, its full effective parameters and where the mapping was read. */
export interface DispatchResult {
  id: string;
  params: Params;
  api?: string;
  source: DispatchSource;
}
