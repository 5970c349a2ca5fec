/**
 * The values the binding model gives Python expressions: what a name, an attribute of `self`,
 * a call or an argument evaluates to as far as the same file tells, and the chain of binding
 * sites that says how it is known. Nothing is executed; every value is read from the source.
 *
 * The model is deliberately small: framework callables (classes and functions the catalog's
 * frameworks export), what calling them gives (a module instance, or a tensor when an activation
 * is applied), library dispatch results (`ACT2FN["gelu_new"]`), literals, lists, alternatives
 * (several bindings reach the expression) and "unknown" with the reason.
 */
import type { Qualified } from './qualify';
import type { CallArgs, PyValue } from './literals';
import type { LocalText, Resolved } from '../catalog/types';
import type { DispatchLibrary, DispatchSource } from '../catalog/dispatch/types';
import type { CodeDefined } from './codeDefined';

/** One binding site on the way from an expression to its value. */
export interface BindingStep {
  /** Document offset of the binding statement (or parameter) start. */
  offset: number;
  /** 1-based line of `offset`. */
  line: number;
  /** The site's source text (its first line, trimmed, at most `STEP_TEXT_MAX` characters).
   * Source text: escape it before it goes into Markdown. */
  text: string;
  /** The value comes from a parameter's default (or a dataclass field's), so a caller may
   * pass another. */
  overridable?: boolean;
}

/** Longest source excerpt kept in a step. */
export const STEP_TEXT_MAX = 120;

/** Fields every value has. */
interface ValueBase {
  /** Binding sites, outermost (nearest the use) first. */
  via: BindingStep[];
  /** The value as a whole comes from a default a caller may replace (`act_layer=nn.GELU`). */
  overridable?: boolean;
}

/**
 * A framework callable, possibly with arguments bound by `functools.partial`:
 * `nn.GELU`, `partial(nn.LeakyReLU, negative_slope=1e-3)`, `F.gelu`.
 * `form` says whether calling it constructs (`class`) or computes (`function`).
 */
export interface CallableValue extends ValueBase {
  kind: 'callable';
  callee: Qualified;
  importedName: string;
  form: 'class' | 'function';
  args: CallArgs;
  /** Keyword and positional-argument names (framework spelling) whose value a caller may
   * replace: given through a parameter default, or `'*'` for `**kwargs` forwarding. */
  overridableArgs: string[];
}

/** A constructed framework object (`nn.GELU(approximate="tanh")`, `layers.Dense(…)`): a module
 * that applies its computation when called. */
export interface InstanceValue extends ValueBase {
  kind: 'instance';
  callee: Qualified;
  importedName: string;
  args: CallArgs;
  overridableArgs: string[];
  /** Document ranges of the constructor call's argument expressions, for consumers that follow
   * layer lists (`nn.Sequential(a, b)`): pass a range to `valueOfExpression`. */
  argRanges?: { positional: SourceRange[]; keywords: Record<string, SourceRange> };
}

/** A document range. */
export interface SourceRange {
  from: number;
  to: number;
}

/** The result of applying a framework function or module to an input: a tensor, not an
 * activation one can call again. Kept so that `F.relu(x)` is never shown on `y` later. */
export interface AppliedValue extends ValueBase {
  kind: 'applied';
  callee: Qualified;
  importedName: string;
  args: CallArgs;
  overridableArgs: string[];
}

/** An activation a library dispatch table names (`ACT2FN["gelu_new"]`, `create_act_layer("gelu")`,
 * `hidden_act="gelu_new"`). */
export interface DispatchValue extends ValueBase {
  kind: 'dispatch';
  library: DispatchLibrary;
  key: string;
  resolved: Resolved;
  /** How to show it: `ACT2FN["gelu_new"]`. */
  shown: string;
  /** The framework whose API the table maps to. */
  callee: Qualified;
  /** Where the library's mapping was read. */
  source: DispatchSource;
  /** What the value is now: a class to construct, a function or module to apply, or the
   * result of applying it (a tensor). */
  stage: 'class' | 'function' | 'instance' | 'applied';
}

/** An activation defined in this file (`def gelu(x): return …`, `class NewGELU` with a
 * `forward`), read as a formula (codeDefined.ts). */
export interface CodeValue extends ValueBase {
  kind: 'code';
  definition: CodeDefined;
  /** What the value is now: the class, an instance of it, the function, or a result. */
  stage: 'class' | 'function' | 'instance' | 'applied';
}

/** A statically known literal (`"swish"`, `0.2`, `None`). */
export interface LiteralValue extends ValueBase {
  kind: 'literal';
  value: PyValue;
}

/** A list or tuple of values (layer lists). */
export interface ListValue extends ValueBase {
  kind: 'list';
  items: BoundValue[];
}

/** Why a value cannot be known statically. */
export type UnknownReason =
  /** A parameter without a default: the caller decides. */
  | 'parameter'
  /** An attribute of an object other than `self` (a config: `config.hidden_act`). */
  | 'attribute'
  /** The result of a call the model does not follow. */
  | 'call'
  /** A function or class defined in this file whose body is not element-wise math. */
  | 'defined'
  /** Bound by an import the catalog does not know, a loop, a `with`, or nothing at all. */
  | 'unbound'
  /** The work or depth bound was reached. */
  | 'budget'
  /** Any other expression. */
  | 'expression';

/** A value that cannot be known statically, with the source text that decides it. */
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  reason: UnknownReason;
  /** The deciding source text (`config.hidden_act`), at most `STEP_TEXT_MAX` characters. */
  text: string;
  /** The unknown sits where an activation is expected (a dispatch key, an activation slot), so
   * the hover says it cannot be known rather than nothing. */
  activationSlot?: boolean;
  /** Document offset of the definition, for `defined`. */
  definedAt?: number;
}

/** Several bindings reach the expression (branches): each option in document order. */
export interface AlternativesValue extends ValueBase {
  kind: 'alternatives';
  options: BoundValue[];
}

/** What an expression evaluates to. */
export type BoundValue =
  | CallableValue
  | InstanceValue
  | AppliedValue
  | DispatchValue
  | CodeValue
  | LiteralValue
  | ListValue
  | UnknownValue
  | AlternativesValue;

/** Reasons as the hover says them. */
export const UNKNOWN_REASON_TEXT: Record<UnknownReason, LocalText> = {
  parameter: {
    en: 'a parameter without a default: the caller decides',
    ja: '既定値のない引数：呼び出し側が決める',
  },
  attribute: {
    en: 'an attribute of an object (a configuration): known only at run time',
    ja: 'オブジェクト（設定）の属性：実行時にしか分からない',
  },
  call: { en: 'the result of a call', ja: '関数呼び出しの結果' },
  defined: { en: 'defined in this file', ja: 'このファイルで定義' },
  unbound: { en: 'not bound in this file', ja: 'このファイルでは束縛されていない' },
  budget: { en: 'too many steps to follow', ja: '追跡する段数が多すぎる' },
  expression: { en: 'an expression', ja: '式' },
};
