import { useLanguage, type Catalogue } from './language.js';

/** The component layer's own words: the frame every app shares. */
interface ShellTexts {
  skip: string;
  language: string;
  languageNames: Record<'lt' | 'lv' | 'en', string>;
  menu: string;
  loading: string;
  errorsTitle: string;
  step: (n: number, of: number) => string;
  accessibility: string;
  footerNote: string;
}

const en: ShellTexts = {
  skip: 'Skip to content', language: 'Language', languageNames: { lt: 'Lietuvių', lv: 'Latviešu', en: 'English' }, menu: 'Main menu',
  loading: 'Loading…', errorsTitle: 'There is a problem', step: (n, of) => `Step ${n} of ${of}`,
  accessibility: 'Accessibility statement', footerNote: 'A Konstruktor e-service portal',
};

export const SHELL_TEXTS = {
  lt: {
    skip: 'Pereiti prie turinio', language: 'Kalba', languageNames: en.languageNames, menu: 'Pagrindinis meniu',
    loading: 'Įkeliama…', errorsTitle: 'Pataisykite klaidas', step: (n, of) => `${n} žingsnis iš ${of}`,
    accessibility: 'Pareiškimas dėl prieinamumo', footerNote: 'Konstruktor e. paslaugų portalas',
  },
  lv: {
    skip: 'Pāriet uz saturu', language: 'Valoda', languageNames: en.languageNames, menu: 'Galvenā izvēlne',
    loading: 'Ielādē…', errorsTitle: 'Izlabojiet kļūdas', step: (n, of) => `${n}. solis no ${of}`,
    accessibility: 'Paziņojums par piekļūstamību', footerNote: 'Konstruktor e-pakalpojumu portāls',
  },
  en,
} satisfies Catalogue<ShellTexts>;

export const useShellTexts = () => SHELL_TEXTS[useLanguage()];
