import type { Lang } from './language.js';

/** Intl's locale for each language: dates and amounts as people of that country write them. */
const LOCALE: Record<Lang, string> = { lt: 'lt-LT', lv: 'lv-LV', en: 'en-GB' };

/** "2,50 €" / "€2.50": an amount the API gives as a decimal string. */
export function formatMoney(amount: string | number, currency: string, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency }).format(Number(amount));
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Vilnius' }).format(new Date(iso));
}

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'Europe/Vilnius' }).format(new Date(iso));
}

/** A calendar day (`2027-05-01`, no time of day) in numbers as the language writes it: 2027-05-01, 01.05.2027, 01/05/2027. */
export function formatDay(isoDate: string, lang: Lang): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!day) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .format(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
}
