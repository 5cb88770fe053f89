import { createContext, useContext, useEffect, useState } from 'react';

/** The languages of every web app: Lithuanian, Latvian, English. */
export const LANGUAGES = ['lt', 'lv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A text the API gives in several languages (a service's title, a message). */
export type Localized = Partial<Record<string, string>>;

/** The cookie the runtime also reads (server-rendered pages, problem texts, PDFs). */
export const LANG_COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 3600;

export function isLang(value: string | null | undefined): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/** A text in the chosen language, else English, else any. */
export function localized(text: Localized | null | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text).find((v) => !!v) ?? '';
}

/** The first of ours among the browser's preferred languages. */
function preferred(languages: readonly string[]): Lang | undefined {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return undefined;
}

function cookieLang(cookies: string): Lang | undefined {
  const value = /(?:^|;\s*)lang=([a-z]{2})/.exec(cookies)?.[1];
  return isLang(value) ? value : undefined;
}

/**
 * The language a page opens in: `?lang=` when a link names one, else the one chosen before
 * (cookie), else the browser's, else Lithuanian. The server renders with the same rule
 * (runtime/src/web/page-language.ts), so a hydrated page does not change language.
 */
export function initialLanguage(url: URL, cookies: string, languages: readonly string[]): Lang {
  const asked = url.searchParams.get('lang');
  if (isLang(asked)) return asked;
  return cookieLang(cookies) ?? preferred(languages) ?? 'lt';
}

/** Keeps the choice for the next visit and for the server (cookie, a year). */
export function rememberLanguage(lang: Lang): void {
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
  document.documentElement.lang = lang;
}

/** A dictionary of texts per language; `satisfies` on each app's catalogue makes a key missing in one language a type error. */
export type Catalogue<T> = Record<Lang, T>;

export const LangContext = createContext<Lang>('lt');
export const useLanguage = () => useContext(LangContext);

/**
 * An app's language: the one the page opened in, then whatever a link's `?lang=` or the language
 * switch asks for. Each is kept in the cookie, so the runtime (a page the bank sends the payer back
 * to, problem titles, PDFs) and the next visit answer in the same language.
 */
export function usePageLanguage(initial: Lang, url: URL): [Lang, (lang: Lang) => void] {
  const [lang, setLang] = useState<Lang>(initial);
  const asked = url.searchParams.get('lang');
  useEffect(() => { if (isLang(asked)) setLang(asked); }, [asked]);
  useEffect(() => { rememberLanguage(lang); }, [lang]);
  return [lang, setLang];
}
