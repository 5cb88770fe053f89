import type { Request } from 'express';
import type { Locale } from './start-form.js';

/** The language of messages for this request, from Accept-Language (English when it names none of ours). */
export function requestLocale(req: Request): Locale {
  return (req.acceptsLanguages('en', 'lt', 'lv') || 'en') as Locale;
}
