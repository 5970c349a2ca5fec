/**
 * Small constructors that keep the entry tables readable: bilingual text, parameters and the
 * framework aliases written the way each framework spells them.
 */
import type { ApiAlias, ApiArg, LocalText, ParamSpec, Framework } from './types';

/** A sentence in English and Japanese. */
export function t(en: string, ja: string): LocalText {
  return { en, ja };
}

/** One framework argument: its name, its default as Python source, and the catalog parameter it sets. */
export function arg(name: string, def?: string, param?: string, extra?: Partial<ApiArg>): ApiArg {
  const a: ApiArg = { name };
  if (def !== undefined) a.default = def;
  if (param !== undefined) a.param = param;
  return extra ? { ...a, ...extra } : a;
}

/** `inplace=False`, which sets no parameter. */
export const INPLACE = arg('inplace', 'False');

/** One framework API. */
export function api(
  qualifiedName: string,
  framework: Framework,
  form: ApiAlias['form'],
  args: ApiArg[] = [],
  extra?: Partial<ApiAlias>,
): ApiAlias {
  return { qualifiedName, framework, form, args, ...extra };
}

/** `torch.nn.<Cls>` module. */
export const torchModule = (cls: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`torch.nn.${cls}`, 'pytorch', 'module', args, extra);
/** `torch.nn.functional.<fn>` function. */
export const torchF = (fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`torch.nn.functional.${fn}`, 'pytorch', 'function', args, extra);
/** `torch.<fn>` function. */
export const torchFn = (fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`torch.${fn}`, 'pytorch', 'function', args, extra);
/** `torch.Tensor.<m>` method (`x.relu()`). */
export const torchMethod = (m: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`torch.Tensor.${m}`, 'pytorch', 'method', args, extra);
/** Keras 3 `keras.activations.<fn>`. */
export const kerasAct = (fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`keras.activations.${fn}`, 'keras', 'function', args, extra);
/** Keras 3 `keras.ops.<fn>`. */
export const kerasOps = (fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`keras.ops.${fn}`, 'keras', 'function', args, extra);
/** Keras 3 `keras.layers.<Cls>` (accepts `**kwargs` such as `name`). */
export const kerasLayer = (cls: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`keras.layers.${cls}`, 'keras', 'layer', args, { acceptsKwargs: true, ...extra });
/** tf-keras 2 `tf_keras.activations.<fn>` (also reached as `tf.keras.activations` before TF 2.16). */
export const tfKerasAct = (fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`tf_keras.activations.${fn}`, 'tf-keras', 'function', args, extra);
/** tf-keras 2 `tf_keras.layers.<Cls>`. */
export const tfKerasLayer = (cls: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`tf_keras.layers.${cls}`, 'tf-keras', 'layer', args, { acceptsKwargs: true, ...extra });
/** `tensorflow.<path>` function (`tf.nn.relu` is written `tensorflow.nn.relu`). */
export const tfFn = (path: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`tensorflow.${path}`, 'tensorflow', 'function', args, extra);
/** `jax.nn.<fn>`. */
export const jaxFn = (fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`jax.nn.${fn}`, 'jax', 'function', args, extra);
/** `flax.linen.<fn>` (Flax re-exports `jax.nn`). */
const flaxFn = (fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>) =>
  api(`flax.linen.${fn}`, 'flax', 'function', args, extra);
/** `mlx.nn.<name>` function or module. */
export const mlx = (
  name: string,
  form: 'function' | 'module',
  args: ApiArg[] = [],
  extra?: Partial<ApiAlias>,
) => api(`mlx.nn.${name}`, 'mlx', form, args, extra);

/** A numeric parameter. */
export function param(
  name: string,
  symbol: string,
  def: number,
  range: [number, number, number],
  description: LocalText,
  extra?: Partial<ParamSpec>,
): ParamSpec {
  return {
    name,
    symbol,
    default: def,
    min: range[0],
    max: range[1],
    step: range[2],
    description,
    ...extra,
  };
}

/** The same function under each of JAX and Flax (Flax re-exports `jax.nn`). */
export function jaxAndFlax(fn: string, args: ApiArg[] = [], extra?: Partial<ApiAlias>): ApiAlias[] {
  return [jaxFn(fn, args, extra), flaxFn(fn, args, extra)];
}
