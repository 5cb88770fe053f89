/**
 * The form-js 1.23 viewer writes these English strings itself (buttons, placeholders, its own
 * validation messages). The portal swaps them for the citizen's language, keyed by the English text.
 * `{n}` and `{value}` stand for the numbers form-js puts in.
 */
import type { Locale } from '../text.js';

export const VIEWER_STRINGS: Record<string, Record<Exclude<Locale, 'en'>, string>> = {
  'Add new': { lt: 'Pridėti', lv: 'Pievienot' },
  Collapse: { lt: 'Suskleisti', lv: 'Sakļaut' },
  'Expand all ({n})': { lt: 'Išskleisti visus ({n})', lv: 'Izvērst visus ({n})' },
  'Remove list item {n}': { lt: 'Pašalinti {n} eilutę', lv: 'Noņemt {n}. rindu' },
  Browse: { lt: 'Pasirinkti failą', lv: 'Izvēlēties failu' },
  'No files selected': { lt: 'Failas nepasirinktas', lv: 'Nav izvēlēts neviens fails' },
  '{n} files selected': { lt: 'Pasirinkta failų: {n}', lv: 'Izvēlēti faili: {n}' },
  Select: { lt: 'Pasirinkite', lv: 'Izvēlieties' },
  Search: { lt: 'Ieškoti', lv: 'Meklēt' },
  'No results': { lt: 'Nieko nerasta', lv: 'Nekas nav atrasts' },
  Increment: { lt: 'Padidinti', lv: 'Palielināt' },
  Decrement: { lt: 'Sumažinti', lv: 'Samazināt' },
  Required: { lt: 'Privalomas', lv: 'Obligāts' },
  'Field is required.': { lt: 'Laukas privalomas.', lv: 'Lauks ir obligāts.' },
  'Value is not a number.': { lt: 'Reikšmė nėra skaičius.', lv: 'Vērtība nav skaitlis.' },
  'Value is expected to be an integer.': { lt: 'Reikšmė turi būti sveikasis skaičius.', lv: 'Vērtībai jābūt veselam skaitlim.' },
  'Field must have minimum value of {value}.': { lt: 'Mažiausia leistina reikšmė: {value}.', lv: 'Mazākā atļautā vērtība: {value}.' },
  'Field must have maximum value of {value}.': { lt: 'Didžiausia leistina reikšmė: {value}.', lv: 'Lielākā atļautā vērtība: {value}.' },
  'Field must have minimum length of {value}.': { lt: 'Mažiausias ilgis: {value} simb.', lv: 'Minimālais garums: {value} rakstzīmes.' },
  'Field must have maximum length of {value}.': { lt: 'Didžiausias ilgis: {value} simb.', lv: 'Maksimālais garums: {value} rakstzīmes.' },
  'Field must match pattern {value}.': { lt: 'Reikšmė neatitinka reikalaujamo formato.', lv: 'Vērtība neatbilst prasītajam formātam.' },
  'Field must be a valid email.': { lt: 'Įveskite teisingą el. pašto adresą.', lv: 'Ievadiet derīgu e-pasta adresi.' },
  'Date and time must both be entered.': { lt: 'Įveskite datą ir laiką.', lv: 'Ievadiet gan datumu, gan laiku.' },
  'Previous page': { lt: 'Ankstesnis puslapis', lv: 'Iepriekšējā lapa' },
  'Next page': { lt: 'Kitas puslapis', lv: 'Nākamā lapa' },
  'Nothing to show.': { lt: 'Nėra ką rodyti.', lv: 'Nav ko rādīt.' },
};

/** The viewer string in a locale, with `{n}`/`{value}` filled in; English passes through. */
export function viewerString(english: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const template = locale === 'en' ? english : (VIEWER_STRINGS[english]?.[locale] ?? english);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Translates one text the viewer rendered (e.g. `3 files selected`) by matching it against
 * the templates; unknown texts come back unchanged.
 */
export function translateViewerText(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const exact = VIEWER_STRINGS[text];
  if (exact) return exact[locale];
  for (const [english, translations] of Object.entries(VIEWER_STRINGS)) {
    if (!english.includes('{')) continue;
    const names: string[] = [];
    const pattern = english.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_whole, name: string) => {
      names.push(name);
      return '(.+?)';
    });
    const match = new RegExp(`^${pattern}$`).exec(text);
    if (match) {
      const params = Object.fromEntries(names.map((name, index) => [name, match[index + 1]!]));
      return translations[locale].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
    }
  }
  return text;
}
