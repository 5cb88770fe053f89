import type { Request, Response } from 'express';

export type PageLanguage = 'lt' | 'lv' | 'en';
const LANGUAGES: readonly string[] = ['lt', 'lv', 'en'];
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * The language a page is rendered in, by the portal's own rule (web/src/ui/language.ts): `?lang=`
 * when a link names one (and kept in the `lang` cookie for the next pages), else the cookie, else
 * Accept-Language, else Lithuanian.
 */
export function pageLanguage(req: Request, res: Response): PageLanguage {
  const asked = req.query.lang;
  if (typeof asked === 'string' && LANGUAGES.includes(asked)) {
    res.cookie('lang', asked, { path: '/', maxAge: YEAR_MS, sameSite: 'lax', secure: req.secure });
    return asked as PageLanguage;
  }
  const cookie = /(?:^|;\s*)lang=([a-z]{2})/.exec(req.headers.cookie ?? '')?.[1];
  if (cookie && LANGUAGES.includes(cookie)) return cookie as PageLanguage;
  return (req.acceptsLanguages('lt', 'lv', 'en') || 'lt') as PageLanguage;
}
