import { createContext, useContext } from 'react';
import type { Localized } from './api.js';

export const LANGUAGES = ['lt', 'lv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const TEXTS = {
  lt: {
    portal: 'E. paslaugos', skip: 'Pereiti prie turinio', language: 'Kalba', catalogue: 'Paslaugos', orders: 'Mano užsakymai', logout: 'Atsijungti',
    login: 'Prisijungimas', username: 'Naudotojo vardas', password: 'Slaptažodis', signIn: 'Prisijungti',
    terms: 'Naudojimosi taisyklės', accept: 'Sutinku su taisyklėmis', order: 'Užsakyti', loading: 'Įkeliama…',
    step: (n: number, of: number) => `${n} žingsnis iš ${of}`, next: 'Toliau', back: 'Atgal', saveDraft: 'Išsaugoti juodraštį',
    draftSaved: 'Juodraštis išsaugotas', draftResumed: 'Tęsiate išsaugotą juodraštį', errorsTitle: 'Pataisykite klaidas',
    checkAnswers: 'Patikrinkite atsakymus', change: 'Keisti', submit: 'Pateikti', fromProfile: 'iš jūsų profilio',
    submitted: 'Užsakymas pateiktas', number: 'Užsakymo numeris', answersPdf: 'Atsakymų PDF', noOrders: 'Užsakymų dar nėra',
    status: 'Būsena', submittedAt: 'Pateikta', uploading: 'Įkeliamas failas…', noAnswer: '(neatsakyta)', service: 'Paslauga',
    submitting: 'Pateikiama…', orderHeading: (n: string) => `Užsakymas Nr. ${n}`, history: 'Eiga', live: 'Būsena atnaujinama automatiškai',
    statuses: { submitted: 'Pateiktas', 'in-progress': 'Vykdomas', 'in-review': 'Nagrinėjamas', approved: 'Patvirtintas', rejected: 'Atmestas', completed: 'Įvykdytas', cancelled: 'Atšauktas' },
    steps: { submitted: 'Užsakymas pateiktas', 'process-started': 'Pradėtas vykdyti', 'task-created': 'Perduotas specialistui', 'task-claimed': 'Specialistas pradėjo nagrinėti', 'task-completed': 'Specialistas baigė darbą', 'status-changed': 'Būsena pasikeitė' },
  },
  lv: {
    portal: 'E-pakalpojumi', skip: 'Pāriet uz saturu', language: 'Valoda', catalogue: 'Pakalpojumi', orders: 'Mani pieteikumi', logout: 'Iziet',
    login: 'Pieteikšanās', username: 'Lietotājvārds', password: 'Parole', signIn: 'Pieteikties',
    terms: 'Lietošanas noteikumi', accept: 'Piekrītu noteikumiem', order: 'Pieteikt', loading: 'Ielādē…',
    step: (n: number, of: number) => `${n}. solis no ${of}`, next: 'Tālāk', back: 'Atpakaļ', saveDraft: 'Saglabāt melnrakstu',
    draftSaved: 'Melnraksts saglabāts', draftResumed: 'Turpināt saglabāto melnrakstu', errorsTitle: 'Izlabojiet kļūdas',
    checkAnswers: 'Pārbaudiet atbildes', change: 'Mainīt', submit: 'Iesniegt', fromProfile: 'no jūsu profila',
    submitted: 'Pieteikums iesniegts', number: 'Pieteikuma numurs', answersPdf: 'Atbilžu PDF', noOrders: 'Pieteikumu vēl nav',
    status: 'Statuss', submittedAt: 'Iesniegts', uploading: 'Augšupielādē failu…', noAnswer: '(nav atbildes)', service: 'Pakalpojums',
    submitting: 'Iesniedz…', orderHeading: (n: string) => `Pieteikums Nr. ${n}`, history: 'Gaita', live: 'Statuss atjaunojas automātiski',
    statuses: { submitted: 'Iesniegts', 'in-progress': 'Izpildē', 'in-review': 'Izskatīšanā', approved: 'Apstiprināts', rejected: 'Noraidīts', completed: 'Izpildīts', cancelled: 'Atcelts' },
    steps: { submitted: 'Pieteikums iesniegts', 'process-started': 'Izpilde sākta', 'task-created': 'Nodots speciālistam', 'task-claimed': 'Speciālists sāka izskatīšanu', 'task-completed': 'Speciālists pabeidza darbu', 'status-changed': 'Statuss mainījās' },
  },
  en: {
    portal: 'E-services', skip: 'Skip to content', language: 'Language', catalogue: 'Services', orders: 'My orders', logout: 'Log out',
    login: 'Log in', username: 'Username', password: 'Password', signIn: 'Log in',
    terms: 'Terms of use', accept: 'I accept the terms', order: 'Order', loading: 'Loading…',
    step: (n: number, of: number) => `Step ${n} of ${of}`, next: 'Next', back: 'Back', saveDraft: 'Save draft',
    draftSaved: 'Draft saved', draftResumed: 'You are continuing your saved draft', errorsTitle: 'There is a problem',
    checkAnswers: 'Check your answers', change: 'Change', submit: 'Submit', fromProfile: 'from your profile',
    submitted: 'Order submitted', number: 'Order number', answersPdf: 'PDF of your answers', noOrders: 'No orders yet',
    status: 'Status', submittedAt: 'Submitted', uploading: 'Uploading file…', noAnswer: '(not answered)', service: 'Service',
    submitting: 'Submitting…', orderHeading: (n: string) => `Order no. ${n}`, history: 'Progress', live: 'The status updates by itself',
    statuses: { submitted: 'Submitted', 'in-progress': 'In progress', 'in-review': 'Under review', approved: 'Approved', rejected: 'Rejected', completed: 'Completed', cancelled: 'Cancelled' },
    steps: { submitted: 'Order submitted', 'process-started': 'Processing started', 'task-created': 'Passed to an official', 'task-claimed': 'An official started the review', 'task-completed': 'The official finished', 'status-changed': 'Status changed' },
  },
} satisfies Record<Lang, unknown>;

export type Texts = (typeof TEXTS)['en'];

export function texts(lang: Lang): Texts {
  return TEXTS[lang];
}

/** A text in the chosen language, else English, else any. */
export function localized(text: Localized | null | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}

export function isLang(value: string | null): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

export const LangContext = createContext<{ lang: Lang; t: Texts }>({ lang: 'lt', t: TEXTS.lt });

export const useLang = () => useContext(LangContext);

/** A status or step name as the citizen reads it; an unknown one as it came. */
export function named(names: Record<string, string>, key: string): string {
  return names[key] ?? key;
}
