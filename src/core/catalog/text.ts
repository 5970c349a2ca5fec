/**
 * Picking the reader's language from a bilingual text.
 */
import type { LocalText } from './types';

/** Languages the extension ships. */
export type Lang = 'en' | 'ja';

/** The text in `lang`, falling back to English when the translation is empty. */
export function localize(t: LocalText, lang: Lang): string {
  return (lang === 'ja' ? t.ja : t.en) || t.en;
}
