/**
 * One lookup over every library dispatch table: `lookupDispatch('transformers', 'gelu_new')` →
 * `{ id: 'gelu_tanh', params: {}, source }`. Keras and tf-keras reuse the string tables of
 * `kerasStrings.ts` (one definition per fact); the others are the tables in this folder.
 */
import { defaultParams, getActivation } from '../catalog';
import { kerasStringNames, resolveKerasString } from '../resolve';
import type { DispatchEntry, DispatchLibrary, DispatchResult, DispatchSource } from './types';
import { TRANSFORMERS_ACT2FN } from './transformers';
import { TIMM_ACT_FNS, TIMM_ACT_LAYERS } from './timm';
import { TF_MODELS_KERAS_LAYER, TF_MODELS_NAME_TO_FN } from './tfModels';

const KERAS_SOURCE: DispatchSource = {
  repo: 'keras-team/keras',
  path: 'keras/src/activations/__init__.py',
  commit: '3422977a5e38fb2f7709aaa9a08e47f0c43d0f60',
  symbol: 'ALL_OBJECTS_DICT',
};
const TF_KERAS_SOURCE: DispatchSource = {
  repo: 'keras-team/tf-keras',
  path: 'tf_keras/activations.py',
  commit: '95675f5d363641e58de50b33b8051737c06d1ff2',
  symbol: 'deserialize',
};
const RNN_SOURCE: DispatchSource = {
  repo: 'pytorch/pytorch',
  path: 'torch/nn/modules/rnn.py',
  commit: 'e6f551aa3e44ae79694352a686f9cf503768ead6',
  symbol: 'RNN.__init__ nonlinearity',
};

/** `torch.nn.RNN` / `RNNCell(nonlinearity=…)`: only these two strings are accepted (default 'tanh'). */
const TORCH_RNN: Readonly<Record<string, DispatchEntry>> = {
  tanh: { id: 'tanh', source: RNN_SOURCE },
  relu: { id: 'relu', source: RNN_SOURCE },
};

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function fromEntry(e: DispatchEntry | undefined): DispatchResult | undefined {
  if (!e || !getActivation(e.id)) return undefined;
  const r: DispatchResult = {
    id: e.id,
    params: { ...defaultParams(e.id), ...e.params },
    source: e.source,
  };
  if (e.api) r.api = e.api;
  return r;
}

function keras(name: string, framework: 'keras' | 'tf-keras'): DispatchResult | undefined {
  const r = resolveKerasString(name, framework);
  if (!r) return undefined;
  const source = framework === 'keras' ? KERAS_SOURCE : TF_KERAS_SOURCE;
  const out: DispatchResult = { id: r.id, params: r.params, source };
  if (r.api) out.api = r.api.qualifiedName;
  return out;
}

/** How one library's table answers: the lookup of a name and the names it defines. */
interface Library {
  lookup(name: string): DispatchResult | undefined;
  names(): string[];
}

/** A table of this folder, looked up by the name as given or, with `fold`, lower-cased. */
function tableLibrary(table: Readonly<Record<string, DispatchEntry>>, fold = false): Library {
  return {
    lookup: (name) => fromEntry(own(table, fold ? name.toLowerCase() : name)),
    names: () => Object.keys(table),
  };
}

/** Keras and tf-keras: the string tables of `kerasStrings.ts`. */
function kerasLibrary(framework: 'keras' | 'tf-keras'): Library {
  return { lookup: (name) => keras(name, framework), names: () => kerasStringNames(framework) };
}

/**
 * tf-models `get_activation`: its own names (after the layer allow-list with
 * `use_keras_layer=True`), then tf-keras strings, all lower-cased. Its names are its own table's.
 */
function tfModelsLibrary(withLayers: boolean): Library {
  return {
    lookup: (name) => {
      const lower = name.toLowerCase();
      const layer = withLayers ? own(TF_MODELS_KERAS_LAYER, lower) : undefined;
      return fromEntry(layer ?? own(TF_MODELS_NAME_TO_FN, lower)) ?? keras(lower, 'tf-keras');
    },
    names: () => Object.keys(withLayers ? TF_MODELS_KERAS_LAYER : TF_MODELS_NAME_TO_FN),
  };
}

/** Every library with a dispatch table, keyed by its id (a new id fails to compile until it is here). */
const LIBRARIES: Record<DispatchLibrary, Library> = {
  transformers: tableLibrary(TRANSFORMERS_ACT2FN),
  timm: tableLibrary(TIMM_ACT_LAYERS, true),
  'timm-fn': tableLibrary(TIMM_ACT_FNS, true),
  keras: kerasLibrary('keras'),
  'tf-keras': kerasLibrary('tf-keras'),
  'tf-models': tfModelsLibrary(false),
  'tf-models-layer': tfModelsLibrary(true),
  'torch-rnn': tableLibrary(TORCH_RNN),
};

/**
 * What `name` computes in `library`'s dispatch table: the catalog id, the full effective
 * parameters (library-fixed values over catalog defaults) and the source the mapping was read
 * from. Undefined for names the library does not define or that have no catalog entry.
 * timm and tf-models lower-case the name first, as their code does; the others are exact.
 */
export function lookupDispatch(library: DispatchLibrary, name: string): DispatchResult | undefined {
  if (typeof name !== 'string') return undefined;
  return own(LIBRARIES, library)?.lookup(name);
}

/** Every name a library's table defines (for completions and tests). */
export function dispatchNames(library: DispatchLibrary): string[] {
  return own(LIBRARIES, library)?.names() ?? [];
}
