/** Validation messages in Lithuanian, Latvian and English, shared by browser and server. */
import type { Locale } from '../text.js';

export type IssueCode =
  | 'required'
  | 'unknown'
  | 'type'
  | 'format'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'pattern'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'multipleOf'
  | 'choice'
  | 'invalid'
  | 'notObject'
  | 'tooDeep'
  | 'tooLong'
  | 'tooLarge'
  | 'forbiddenKey';

export interface Issue {
  /** JSON Pointer of the value, e.g. `/children/1/personalCode` (empty for the whole submission). */
  path: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

type Catalogue = Record<IssueCode, string>;

const MESSAGES: Record<Locale, Catalogue> = {
  en: {
    required: 'This field is required.',
    unknown: 'This field is not part of the form.',
    type: 'Wrong kind of value: expected {type}.',
    format: 'Enter a valid {format}.',
    minLength: 'Enter at least {limit} characters.',
    maxLength: 'Enter at most {limit} characters.',
    minimum: 'Enter a value of at least {limit}.',
    maximum: 'Enter a value of at most {limit}.',
    pattern: 'The value does not have the required form.',
    minItems: 'Add at least {limit} entries.',
    maxItems: 'Add at most {limit} entries.',
    uniqueItems: 'Entries must not repeat.',
    multipleOf: 'Enter a multiple of {limit}.',
    choice: 'Choose one of the listed values.',
    invalid: 'The value is not valid.',
    notObject: 'The submission must be a JSON object.',
    tooDeep: 'The data is nested deeper than {limit} levels.',
    tooLong: 'The text is longer than {limit} characters.',
    tooLarge: 'The submission has more than {limit} values.',
    forbiddenKey: 'The field name "{key}" is not allowed.',
  },
  lt: {
    required: 'Šis laukas privalomas.',
    unknown: 'Šio lauko formoje nėra.',
    type: 'Netinkama reikšmės rūšis: tikėtasi {type}.',
    format: 'Įveskite teisingą reikšmę: {format}.',
    minLength: 'Įveskite bent {limit} simb.',
    maxLength: 'Įveskite ne daugiau kaip {limit} simb.',
    minimum: 'Reikšmė turi būti ne mažesnė nei {limit}.',
    maximum: 'Reikšmė turi būti ne didesnė nei {limit}.',
    pattern: 'Reikšmė neatitinka reikalaujamo formato.',
    minItems: 'Pridėkite bent {limit} įrašus.',
    maxItems: 'Pridėkite ne daugiau kaip {limit} įrašų.',
    uniqueItems: 'Įrašai neturi kartotis.',
    multipleOf: 'Reikšmė turi būti {limit} kartotinis.',
    choice: 'Pasirinkite vieną iš pateiktų reikšmių.',
    invalid: 'Reikšmė netinkama.',
    notObject: 'Pateikti duomenys turi būti JSON objektas.',
    tooDeep: 'Duomenų įdėjimo gylis viršija {limit} lygių.',
    tooLong: 'Tekstas ilgesnis nei {limit} simb.',
    tooLarge: 'Pateikta daugiau nei {limit} reikšmių.',
    forbiddenKey: 'Lauko pavadinimas „{key}“ neleidžiamas.',
  },
  lv: {
    required: 'Šis lauks ir obligāts.',
    unknown: 'Šāda lauka formā nav.',
    type: 'Nepareizs vērtības veids: gaidīts {type}.',
    format: 'Ievadiet derīgu vērtību: {format}.',
    minLength: 'Ievadiet vismaz {limit} rakstzīmes.',
    maxLength: 'Ievadiet ne vairāk kā {limit} rakstzīmes.',
    minimum: 'Vērtībai jābūt vismaz {limit}.',
    maximum: 'Vērtībai jābūt ne lielākai par {limit}.',
    pattern: 'Vērtība neatbilst prasītajam formātam.',
    minItems: 'Pievienojiet vismaz {limit} ierakstus.',
    maxItems: 'Pievienojiet ne vairāk kā {limit} ierakstus.',
    uniqueItems: 'Ieraksti nedrīkst atkārtoties.',
    multipleOf: 'Vērtībai jādalās ar {limit}.',
    choice: 'Izvēlieties vienu no piedāvātajām vērtībām.',
    invalid: 'Vērtība nav derīga.',
    notObject: 'Iesniegtajiem datiem jābūt JSON objektam.',
    tooDeep: 'Datu ligzdojums pārsniedz {limit} līmeņus.',
    tooLong: 'Teksts ir garāks par {limit} rakstzīmēm.',
    tooLarge: 'Iesniegts vairāk nekā {limit} vērtību.',
    forbiddenKey: 'Lauka nosaukums "{key}" nav atļauts.',
  },
};

/** Names of formats and JSON types as the messages show them. */
const NAMES: Record<Locale, Record<string, string>> = {
  en: {
    'date-time': 'date and time', time: 'time', uri: 'web address', uuid: 'identifier (UUID)',
    email: 'e-mail address', phone: 'phone number in international form (+370…)', iban: 'IBAN', date: 'date (YYYY-MM-DD)',
    document: 'document reference', 'postal-code-lt': 'postal code (LT-12345)', 'postal-code-lv': 'postal code (LV-1234)',
    'lt-personal-code': 'Lithuanian personal code', 'lv-personal-code': 'Latvian personal code',
    'lt-company-code': 'Lithuanian company code', 'lv-company-code': 'Latvian company registration number',
    string: 'text', number: 'a number', integer: 'a whole number', boolean: 'yes or no', object: 'a group of fields', array: 'a list', null: 'nothing',
  },
  lt: {
    'date-time': 'data ir laikas', time: 'laikas', uri: 'interneto adresas', uuid: 'identifikatorius (UUID)',
    email: 'el. pašto adresas', phone: 'telefono numeris tarptautiniu formatu (+370…)', iban: 'IBAN', date: 'data (MMMM-MM-DD)',
    document: 'dokumento nuoroda', 'postal-code-lt': 'pašto kodas (LT-12345)', 'postal-code-lv': 'pašto kodas (LV-1234)',
    'lt-personal-code': 'Lietuvos asmens kodas', 'lv-personal-code': 'Latvijos asmens kodas',
    'lt-company-code': 'Lietuvos juridinio asmens kodas', 'lv-company-code': 'Latvijos įmonės registracijos numeris',
    string: 'tekstas', number: 'skaičius', integer: 'sveikasis skaičius', boolean: 'taip arba ne', object: 'laukų grupė', array: 'sąrašas', null: 'tuščia',
  },
  lv: {
    'date-time': 'datums un laiks', time: 'laiks', uri: 'tīmekļa adrese', uuid: 'identifikators (UUID)',
    email: 'e-pasta adrese', phone: 'tālruņa numurs starptautiskā formātā (+371…)', iban: 'IBAN', date: 'datums (GGGG-MM-DD)',
    document: 'dokumenta atsauce', 'postal-code-lt': 'pasta indekss (LT-12345)', 'postal-code-lv': 'pasta indekss (LV-1234)',
    'lt-personal-code': 'Lietuvas personas kods', 'lv-personal-code': 'Latvijas personas kods',
    'lt-company-code': 'Lietuvas uzņēmuma kods', 'lv-company-code': 'Latvijas uzņēmuma reģistrācijas numurs',
    string: 'teksts', number: 'skaitlis', integer: 'vesels skaitlis', boolean: 'jā vai nē', object: 'lauku grupa', array: 'saraksts', null: 'nekas',
  },
};

export function issueMessage(issue: Issue, locale: Locale): string {
  const params = issue.params ?? {};
  if (issue.code === 'pattern' && typeof params.message === 'string') return params.message;
  return MESSAGES[locale][issue.code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const names = NAMES[locale];
    return Object.hasOwn(names, String(value)) ? names[String(value)]! : String(value);
  });
}
