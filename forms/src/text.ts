/** Languages Konstruktor forms speak. */
export const LOCALES = ['lt', 'lv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in several languages, e.g. `{ lt: 'Vardas', lv: 'Vārds', en: 'Given name' }`. */
export type LocalizedText = Partial<Record<Locale, string>>;

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the text for a locale. Fallback order: the requested locale, then `plain` (the text
 * written without a language, e.g. JSON Schema `title`), then English, Lithuanian, Latvian.
 */
export function pickText(texts: LocalizedText | undefined, locale: Locale, plain?: string): string | undefined {
  const own = texts?.[locale];
  if (typeof own === 'string' && own !== '') return own;
  if (typeof plain === 'string' && plain !== '') return plain;
  for (const candidate of ['en', 'lt', 'lv'] as const) {
    const text = texts?.[candidate];
    if (typeof text === 'string' && text !== '') return text;
  }
  return undefined;
}
