/**
 * Display names of the catalog's two groupings, in English and Japanese: the frameworks whose
 * APIs it knows and the families that group entries in pickers. One table each, keyed by the id
 * type, so a new framework or family fails to compile until it has its name here.
 * Deliberate data tables: their rows look alike by design.
 */
import type { Family, Framework, LocalText } from './types';

/** A framework's name as people write it (hover headers, the playground's preset menus). */
export const FRAMEWORK_NAMES: Record<Framework, string> = {
  pytorch: 'PyTorch',
  keras: 'Keras 3',
  'tf-keras': 'tf.keras (Keras 2)',
  tensorflow: 'TensorFlow',
  jax: 'JAX',
  flax: 'Flax',
  mlx: 'MLX',
  paper: 'Paper',
};

/** Family headings of the pickers (the playground's Add menu, Insert Implementation), in picker order. */
export const FAMILY_LABELS: Record<Family, LocalText> = {
  rectifier: { en: 'Rectifiers (ReLU family)', ja: '整流関数（ReLU 系）' },
  exponential: { en: 'Exponential units (ELU family)', ja: '指数型（ELU 系）' },
  smooth: { en: 'Smooth gated (GELU, SiLU, Mish…)', ja: '滑らかなゲート型（GELU、SiLU、Mish…）' },
  sigmoid: { en: 'Sigmoid-like (bounded)', ja: 'シグモイド型（有界）' },
  shrink: { en: 'Shrinkage', ja: '縮小 (shrinkage)' },
  periodic: { en: 'Periodic', ja: '周期関数' },
  gated: { en: 'Gated (vector)', ja: 'ゲート付き (ベクトル)' },
  normaliser: { en: 'Normalisers (vector)', ja: '正規化 (ベクトル)' },
  other: { en: 'Other', ja: 'その他' },
};

/** Families in picker order (the order of `FAMILY_LABELS`). */
export const FAMILY_ORDER = Object.keys(FAMILY_LABELS) as Family[];
