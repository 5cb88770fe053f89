import type { Request } from 'express';
import { requestLanguage } from '../http/request-language.js';
import type { Locale } from './start-form.js';

/** The language of messages for this request: lang, the portal's cookie, Accept-Language, else English. */
export function requestLocale(req: Request): Locale {
  return requestLanguage(req);
}
