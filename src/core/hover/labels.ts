/**
 * Words of the hover and completion documentation in English and Japanese. The Japanese
 * vocabulary follows the project glossary (活性化関数, 勾配消失, 死にゆくニューロン).
 */
import type { Framework, LocalText, Properties } from '../catalog/types';
import { FRAMEWORK_NAMES } from '../catalog/groups';
import { mdText } from './markdownSafe';

const t = (en: string, ja: string): LocalText => ({ en, ja });

export const L = {
  thisCall: t('Effective parameters of this call', 'この呼び出しの実効パラメータ'),
  noParams: t('No parameters.', 'パラメータなし。'),
  fromCall: t('from the call', '呼び出しで指定'),
  default: t('default', '既定値'),
  defaults: t('Defaults', '既定値'),
  defaultOf: t('default of {0}', '{0} の既定値'),
  fixedBy: t('fixed by {0}', '{0} では固定'),
  catalogDefault: t('catalog default', 'カタログの既定値'),
  formula: t('Formula', '式'),
  derivative: t('Derivative', '導関数'),
  properties: t('Properties', '性質'),
  range: t('range', '値域'),
  monotonic: t('monotonic', '単調'),
  notMonotonic: t('not monotonic', '非単調'),
  zeroCentred: t('zero-centred', '0 中心'),
  notZeroCentred: t('not zero-centred', '0 中心でない'),
  selfNormalising: t('self-normalising', '自己正規化'),
  gradients: t('Gradients', '勾配'),
  disagreement: t('Frameworks disagree', 'フレームワーク間の違い'),
  gapVs: t(
    'vs {0}: largest |Δf| = {1} at x ≈ {2} on [{3}, {4}]',
    '{0} との差: 最大 |Δf| = {1}（x ≈ {2}、範囲 [{3}, {4}]）',
  ),
  whenToUse: t('When to use', '使いどころ'),
  showInPlayground: t('Show in playground', 'プレイグラウンドで表示'),
  insertImplementation: t('Insert implementation', '実装を挿入'),
  trainWith: t('Train a small network with it', 'これで小さなネットワークを学習'),
  plotTitle: t('{0}: f and f′ on [{1}, {2}]', '{0}: [{1}, {2}] における f と f′'),
  plotTitleF: t('{0}: f on [{1}, {2}]', '{0}: [{1}, {2}] における f'),
  vectorNote: t(
    'Applied along an axis (a row in, a row out); no single curve to plot.',
    '軸に沿って適用される（1 行を入力し 1 行を出力する）ため、1 本の曲線としては描けない。',
  ),
  cellsSkipped: t(
    'Imports in {0} earlier cells were not read (only the first {1} cells are).',
    '前の {0} 個のセルの import は読んでいない（読むのは先頭の {1} 個のセルまで）。',
  ),
  vectorPlot: t('{0} of the row [x, 0], first component', '行 [x, 0] に対する {0} の第 1 成分'),
} as const;

const SMOOTH: Record<Properties['smoothness'], LocalText> = {
  discontinuous: t('discontinuous', '不連続'),
  C0: t('continuous with kinks (C⁰)', '連続だが折れ点あり (C⁰)'),
  C1: t('once differentiable (C¹)', '1 回微分可能 (C¹)'),
  Cinf: t('smooth (C∞)', '滑らか (C∞)'),
};

/** Smoothness class in words. */
export function smoothnessText(s: Properties['smoothness']): LocalText {
  return Object.hasOwn(SMOOTH, s) ? SMOOTH[s] : SMOOTH.C0;
}

/** A framework's display name. */
export function frameworkName(f: Framework | string): string {
  return Object.hasOwn(FRAMEWORK_NAMES, f) ? FRAMEWORK_NAMES[f as Framework] : mdText(String(f));
}

/** Replaces `{0}`, `{1}`, … in a template. */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] ?? m).toString());
}
