import type { Request, Response } from 'express';
import { requestLanguage, type RequestLanguage } from '../http/request-language.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * The language a page is rendered in, by the portal's own rule (web/src/ui/language.ts): the
 * request's language (lang, cookie, Accept-Language), Lithuanian when it names none; a `?lang=`
 * is kept in the `lang` cookie for the next pages.
 */
export function pageLanguage(req: Request, res: Response): RequestLanguage {
  const lang = requestLanguage(req, 'lt');
  if (req.query.lang === lang) res.cookie('lang', lang, { path: '/', maxAge: YEAR_MS, sameSite: 'lax', secure: req.secure });
  return lang;
}
