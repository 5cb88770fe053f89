import { createContext, useContext } from 'react';
import { LOCALES, type Locale } from '../model/types.js';

/** The shell's own words; English defines the keys, so a key missing in Lithuanian or Latvian is a type error. Each tab translates its own. */
const en = {
  app: 'Konstruktor — designer', skip: 'Skip to content', language: 'Language', logout: 'Log out', loading: 'Loading…',
  login: 'Log in', username: 'Username', password: 'Password', signIn: 'Log in',
  services: 'Services', noServices: 'No services yet.', code: 'Code', title: 'Title', versions: 'Versions',
  version: 'Version', state: 'State', actions: 'Actions', open: 'Open', view: 'View', exportZip: 'Export ZIP',
  copy: 'Copy', copyAs: 'New version', copyDone: (v: string) => `Version ${v} created`,
  createService: 'New service', create: 'Create', created: (c: string) => `Service ${c} created`,
  importPackage: 'Import a package (ZIP)', importDone: (c: string, v: string) => `Imported ${c} ${v}`,
  states: { draft: 'draft', testing: 'testing', published: 'published', retired: 'retired' } as Record<string, string>,
  back: 'All services', save: 'Save', saving: 'Saving…', saved: 'Saved', unsaved: 'There are unsaved changes',
  readOnly: 'This version is published or retired and cannot change. Copy it as a new version to edit.',
  tabs: { process: 'Process', forms: 'Forms', data: 'Data', card: 'Card', test: 'Test', publish: 'Publish' },
  problems: 'Problems', noProblems: 'No problems found.', error: 'error', warning: 'warning',
  problemCount: (errors: number, warnings: number) => `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  leaveUnsaved: 'There are unsaved changes. Leave?', notFound: 'Page not found.',
  notForStaff: 'The designer is for analysts and developers.', toWorkspace: "Go to the officials' workspace",
};

export type Texts = typeof en;

const lt: Texts = {
  app: 'Konstruktor — dizaineris', skip: 'Pereiti prie turinio', language: 'Kalba', logout: 'Atsijungti', loading: 'Įkeliama…',
  login: 'Prisijungimas', username: 'Naudotojo vardas', password: 'Slaptažodis', signIn: 'Prisijungti',
  services: 'Paslaugos', noServices: 'Paslaugų dar nėra.', code: 'Kodas', title: 'Pavadinimas', versions: 'Versijos',
  version: 'Versija', state: 'Būsena', actions: 'Veiksmai', open: 'Atverti', view: 'Peržiūrėti', exportZip: 'Eksportuoti ZIP',
  copy: 'Kopijuoti', copyAs: 'Nauja versija', copyDone: (v: string) => `Sukurta versija ${v}`,
  createService: 'Nauja paslauga', create: 'Sukurti', created: (c: string) => `Sukurta paslauga ${c}`,
  importPackage: 'Importuoti paketą (ZIP)', importDone: (c: string, v: string) => `Importuota ${c} ${v}`,
  states: { draft: 'juodraštis', testing: 'testuojama', published: 'paskelbta', retired: 'nebenaudojama' },
  back: 'Visos paslaugos', save: 'Išsaugoti', saving: 'Saugoma…', saved: 'Išsaugota', unsaved: 'Yra neišsaugotų pakeitimų',
  readOnly: 'Ši versija paskelbta arba nebenaudojama: jos keisti negalima. Nukopijuokite ją kaip naują versiją.',
  tabs: { process: 'Procesas', forms: 'Formos', data: 'Duomenys', card: 'Kortelė', test: 'Testas', publish: 'Paskelbimas' },
  problems: 'Problemos', noProblems: 'Problemų nerasta.', error: 'klaida', warning: 'įspėjimas',
  problemCount: (errors, warnings) => `klaidų: ${errors}, įspėjimų: ${warnings}`,
  leaveUnsaved: 'Yra neišsaugotų pakeitimų. Išeiti?', notFound: 'Puslapis nerastas.',
  notForStaff: 'Dizaineris skirtas analitikams ir programuotojams.', toWorkspace: 'Eiti į valdininko darbo vietą',
};

const lv: Texts = {
  app: 'Konstruktor — pakalpojumu veidotājs', skip: 'Pāriet uz saturu', language: 'Valoda', logout: 'Iziet', loading: 'Ielādē…',
  login: 'Pieteikšanās', username: 'Lietotājvārds', password: 'Parole', signIn: 'Pieteikties',
  services: 'Pakalpojumi', noServices: 'Pakalpojumu vēl nav.', code: 'Kods', title: 'Nosaukums', versions: 'Versijas',
  version: 'Versija', state: 'Statuss', actions: 'Darbības', open: 'Atvērt', view: 'Skatīt', exportZip: 'Eksportēt ZIP',
  copy: 'Kopēt', copyAs: 'Jauna versija', copyDone: (v) => `Izveidota versija ${v}`,
  createService: 'Jauns pakalpojums', create: 'Izveidot', created: (c) => `Izveidots pakalpojums ${c}`,
  importPackage: 'Importēt pakotni (ZIP)', importDone: (c, v) => `Importēts ${c} ${v}`,
  states: { draft: 'melnraksts', testing: 'testēšanā', published: 'publicēts', retired: 'vairs netiek lietots' },
  back: 'Visi pakalpojumi', save: 'Saglabāt', saving: 'Saglabā…', saved: 'Saglabāts', unsaved: 'Ir nesaglabātas izmaiņas',
  readOnly: 'Šī versija ir publicēta vai vairs netiek lietota, tāpēc to nevar mainīt. Lai to labotu, nokopējiet to kā jaunu versiju.',
  tabs: { process: 'Process', forms: 'Veidlapas', data: 'Dati', card: 'Kartīte', test: 'Tests', publish: 'Publicēšana' },
  problems: 'Problēmas', noProblems: 'Problēmas nav atrastas.', error: 'kļūda', warning: 'brīdinājums',
  problemCount: (errors, warnings) => `kļūdas: ${errors}, brīdinājumi: ${warnings}`,
  leaveUnsaved: 'Ir nesaglabātas izmaiņas. Vai tiešām iziet?', notFound: 'Lapa nav atrasta.',
  notForStaff: 'Pakalpojumu veidotājs ir paredzēts analītiķiem un izstrādātājiem.', toWorkspace: 'Uz ierēdņa darba vietu',
};

const TEXTS = { lt, lv, en } satisfies Record<Locale, Texts>;

export function texts(locale: Locale): Texts {
  return TEXTS[locale];
}

const isLocale = (value: string | null): value is Locale => (LOCALES as readonly (string | null)[]).includes(value);

/** The language chosen last time, else the browser's (Latvian or English when it prefers them, else Lithuanian). */
export function initialLocale(): Locale {
  const kept = localStorage.getItem('designer.locale');
  if (isLocale(kept)) return kept;
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : 'lt';
}

export const LocaleContext = createContext<{ locale: Locale; t: Texts }>({ locale: 'lt', t: TEXTS.lt });

export function useTexts(): { locale: Locale; t: Texts } {
  return useContext(LocaleContext);
}

/** A catalogue text in the chosen language, falling back to any other. */
export function localized(text: unknown, locale: Locale): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const byLang = text as Record<string, string>;
    return byLang[locale] ?? byLang.lt ?? byLang.en ?? byLang.lv ?? Object.values(byLang)[0] ?? '';
  }
  return '';
}
