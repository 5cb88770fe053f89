import type { Locale } from './types.js';

/** Texts a library writes in English, keyed by that English, in the designer's other languages. */
export type EnglishKeyed = Record<string, Record<Exclude<Locale, 'en'>, string>>;

/**
 * Translates a text a library rendered into `locale`, whether it is still in English or already
 * in another language (drawn before the analyst switched); a text the table lacks stays as it is.
 */
export function tableTranslator(table: EnglishKeyed): (text: string, locale: Locale) => string {
  const englishOf = new Map<string, string>();
  for (const [english, translations] of Object.entries(table)) {
    for (const translated of Object.values(translations)) if (!englishOf.has(translated)) englishOf.set(translated, english);
  }
  return (text, locale) => {
    const english = text in table ? text : englishOf.get(text);
    if (english === undefined) return text;
    return locale === 'en' ? english : table[english]![locale];
  };
}
