import type { Request } from 'express';

export type RequestLanguage = 'lt' | 'lv' | 'en';
const LANGUAGES: readonly string[] = ['lt', 'lv', 'en'];

/**
 * The language to answer a request in: `?lang=` when it names one, else the portal's `lang`
 * cookie (the reader's choice), else Accept-Language, else `fallback`.
 */
export function requestLanguage(req: Request, fallback: RequestLanguage = 'en'): RequestLanguage {
  const asked = req.query?.lang;
  if (typeof asked === 'string' && LANGUAGES.includes(asked)) return asked as RequestLanguage;
  const cookie = /(?:^|;\s*)lang=([a-z]{2})/.exec(req.headers.cookie ?? '')?.[1];
  if (cookie && LANGUAGES.includes(cookie)) return cookie as RequestLanguage;
  // `*` or a list naming none of ours (clients often send `*`) says nothing: the fallback, not our first language.
  if (!/(^|[\s,])(lt|lv|en)([-;,]|$)/i.test(req.headers['accept-language'] ?? '')) return fallback;
  return (req.acceptsLanguages('lt', 'lv', 'en') || fallback) as RequestLanguage;
}
