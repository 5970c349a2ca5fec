/**
 * Types of the activation catalog: the single source that the hover, the completions,
 * the snippets, the playground graphs and the trainer read. Pure data and pure functions:
 * no `vscode`, no DOM, no Node built-ins.
 */

/** A sentence a person reads, in every language the extension ships. */
export interface LocalText {
  en: string;
  ja: string;
}

/** Effective numeric parameters of one activation, by catalog parameter name (e.g. `{ alpha: 1 }`). */
export type Params = Record<string, number>;

/** Frameworks whose APIs the catalog knows. `tf-keras` is Keras 2 as shipped with TensorFlow 2.x. */
export type Framework =
  'pytorch' | 'keras' | 'tf-keras' | 'tensorflow' | 'jax' | 'flax' | 'mlx' | 'paper';

/** One numeric parameter of an activation, in the catalog's own naming. */
export interface ParamSpec {
  /** Catalog name, stable, used as the key in `Params` (e.g. `alpha`, `negativeSlope`, `beta`). */
  name: string;
  /** Symbol shown in formulas and sliders (e.g. `α`, `β`, `λ`). */
  symbol: string;
  /** The catalog's default (the most common framework default). */
  default: number;
  /** Range a slider offers; values outside it are allowed if `validate` accepts them. */
  min: number;
  max: number;
  step: number;
  description: LocalText;
  /**
   * Values `validateParams` accepts (the mathematical domain), wider than the slider range.
   * Absent bounds mean "any finite number". Exclusive bounds reject the bound itself (e.g. β > 0).
   */
  valid?: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean };
  /** `Infinity` is accepted and stands for Python `None` ("no limit"), e.g. Keras `max_value=None`. */
  infinityMeansNone?: boolean;
}

/** Qualitative properties shown in the hover and the properties table. */
export interface Properties {
  /** Output range as text, e.g. `(0, 1)`, `[0, ∞)`, `(−λα, ∞)`. */
  range: string;
  monotonic: boolean;
  /** Smoothness class: `C0` (kinks), `C1`, `Cinf`, or `discontinuous`. */
  smoothness: 'discontinuous' | 'C0' | 'C1' | 'Cinf';
  zeroCentred: boolean;
  bounded: 'both' | 'below' | 'above' | 'none';
  selfNormalising: boolean;
  /** Where the derivative is (near) zero, as text: e.g. `x < 0 (dead)`, `|x| > 4 (saturates)`. */
  gradientNotes: LocalText;
  /** Rough relative compute cost (1 = ReLU-like compare, 2 = one exp/tanh, 3 = erf or several transcendental calls). */
  cost: 1 | 2 | 3;
}

/**
 * How one framework API names and defaults an activation.
 * `qualifiedName` is what people import, fully qualified: `torch.nn.GELU`, `torch.nn.functional.gelu`,
 * `torch.Tensor.relu`, `keras.activations.gelu`, `keras.layers.LeakyReLU`, `tensorflow.nn.leaky_relu`,
 * `jax.nn.gelu`, `flax.linen.gelu`. Keras string names are `keras.activations.<name>` with form `string`.
 */
export interface ApiAlias {
  qualifiedName: string;
  framework: Framework;
  /** `module` = a class to construct (nn.ReLU()), `function`, `method` (x.relu()), `layer` (Keras layer), `string` (activation="relu"). */
  form: 'module' | 'function' | 'method' | 'layer' | 'string';
  /** The framework's own parameter list in call order, excluding the input tensor. */
  args: ApiArg[];
  /** Framework-specific note shown in the hover, if any. */
  note?: LocalText;
  /**
   * This alias computes this entry only when these arguments have these values (Python source text,
   * e.g. `{ approximate: "'tanh'" }` or `{ approximate: 'False' }`). Without it, the alias is the
   * one chosen when no `requires` of the same qualified name matches.
   */
  requires?: Record<string, string>;
  /** Catalog parameters this API fixes regardless of its arguments (e.g. Keras softplus: `{ beta: 1, threshold: Infinity }`). */
  fixed?: Params;
  /** Listed for the reader only: resolution uses the alias of the same name on another entry. */
  listingOnly?: boolean;
  /** The API takes `**kwargs` (Keras layers: `name`, `dtype`, …): unknown keywords are ignored, not errors. */
  acceptsKwargs?: boolean;
}

/** One argument of a framework API. */
export interface ApiArg {
  /** The framework's own argument name (`negative_slope`, `alpha`, `approximate`, `lambd`, `dim`). */
  name: string;
  /** The framework's default as Python source text (`0.01`, `'none'`, `True`, `None`), or undefined if required. */
  default?: string;
  /** Which catalog parameter it sets, if any; arguments such as `inplace` or `dim` set none. */
  param?: string;
  /** Keyword-only (or a deprecated keyword alias such as Keras 3 `LeakyReLU(alpha=…)`): never matched by position. */
  keywordOnly?: boolean;
  /** Non-numeric values that map to a number, keyed by Python source text (`"'zeros'"` → 0 for an initializer). */
  valueMap?: Record<string, number>;
}

/** The paper or source that introduced the function. */
export interface Origin {
  year: number;
  title: string;
  authors: string;
  /** arXiv id or URL. */
  ref?: string;
}

/** Fields every catalog entry has. */
export interface ActivationBase {
  id: string;
  name: string;
  /** Other names people search for (e.g. `swish` for SiLU). */
  aliases: string[];
  /** Formula of f as LaTeX (for KaTeX) and as plain Unicode text (for the hover). */
  latex: string;
  text: string;
  /** Formula of f′ as LaTeX and text, if it has a closed form worth showing. */
  derivativeLatex?: string;
  derivativeText?: string;
  params: ParamSpec[];
  properties: Properties;
  apis: ApiAlias[];
  origin?: Origin;
  /** One line: what it is. */
  summary: LocalText;
  /** One line: when to use it. */
  whenToUse: LocalText;
  /** Pitfalls: dying ReLU, vanishing gradients, where softmax belongs relative to cross-entropy, … */
  pitfalls: LocalText;
  /** Ids of entries it is commonly compared with or is a variant of (e.g. gelu ↔ gelu_tanh). */
  related: string[];
  /** Family for grouping in pickers. */
  family: Family;
  /** Cross-parameter check beyond each `ParamSpec.valid` (e.g. lower ≤ upper); returns the problem or undefined. */
  checkParams?(p: Params): LocalText | undefined;
  /**
   * When these parameters make the entry identical to a simpler one (Keras relu with default
   * arguments is plain ReLU), that entry and its parameters. Used by the resolver.
   */
  simplify?(p: Params): { id: string; params: Params } | undefined;
}

/** Groups for pickers and the catalog browser. */
export type Family =
  | 'rectifier'
  | 'exponential'
  | 'sigmoid'
  | 'smooth'
  | 'shrink'
  | 'periodic'
  | 'other'
  | 'normaliser'
  | 'gated';

/** An element-wise activation f: ℝ → ℝ with its derivatives. */
export interface ElementwiseActivation extends ActivationBase {
  kind: 'elementwise';
  /** f(x) for effective parameters p (all parameters present). Finite for finite x. */
  f(x: number, p: Params): number;
  /** df/dx at x (the convention at kinks is the frameworks' autograd one, stated in `properties`). */
  df(x: number, p: Params): number;
  /** d²f/dx² where it exists. */
  d2f?(x: number, p: Params): number;
  /** Points where f or f′ is not smooth for parameters p (empty for C∞ functions). */
  kinks(p: Params): number[];
}

/** A vector activation applied along the last axis of a row (softmax, log-softmax, GLU, …). */
export interface VectorActivation extends ActivationBase {
  kind: 'vector';
  /** Output row for one input row; GLU halves the length. */
  apply(row: ArrayLike<number>, p: Params): number[];
}

export type Activation = ElementwiseActivation | VectorActivation;

/** A known disagreement between frameworks or between two entries, with its measured gap. */
export interface Disagreement {
  /** Entry ids concerned; the hover of any of them shows it. */
  ids: string[];
  /** Qualified API names concerned (for the hover of a specific call). */
  apis: string[];
  text: LocalText;
}

/** Result of resolving a framework call to a catalog entry. */
export interface Resolved {
  id: string;
  /** Effective parameters with framework defaults filled in. */
  params: Params;
  /** Names of `params` that came from defaults rather than from the call. */
  defaulted?: string[];
  /** The alias that matched. */
  api?: ApiAlias;
  /**
   * What the reader should know about this resolution: an argument that could not be evaluated
   * statically (the default was used instead), a random slope in training mode, a required argument
   * that is missing, an ignored keyword.
   */
  notes?: LocalText[];
  /**
   * Catalog parameters (keys of `params`) whose shown value is not certain: a caller may pass
   * another (the value is a parameter's default, or `**kwargs` are forwarded), or the argument
   * could not be evaluated statically (the default is shown).
   */
  uncertain?: string[];
}
