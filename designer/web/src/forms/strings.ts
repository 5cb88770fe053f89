/** The forms tab's UI strings in the designer's languages. */
import type { Locale } from '../model/types.js';

const en = {
  form: 'Form',
  noForms: 'This package has no forms (forms/*.form).',
  startForm: 'start form',
  userTask: (name: string) => `user task ${name}`,
  generate: 'Generate from data structure',
  noStructure: 'The card names no data structure (dataStructure in service.yaml).',
  confirmReplace: 'Replace this form with one generated from the data structure? Changes made to it are lost.',
  preview: 'Preview',
  previewLanguage: 'Preview language',
  showPreview: 'Show preview',
  hidePreview: 'Hide preview',
  badForm: (message: string) => `The form is not valid JSON: ${message}`,
  badStructure: (message: string) => `The data structure is not valid JSON: ${message}`,
  readOnly: 'This version cannot change; edits in the editor are not kept.',
  problems: 'Consistency with the data structure',
  noProblems: 'The form fits the data structure.',
  unusedForm: 'Neither the card nor any user task uses this form.',
  missingForm: (ref: string) => `The user task names form "${ref}" (zeebe:formDefinition), which is not in the package.`,
  openElement: (id: string) => `Open ${id} in the process`,
};

export type FormsStrings = typeof en;

const lt: FormsStrings = {
  form: 'Forma',
  noForms: 'Šiame pakete nėra formų (forms/*.form).',
  startForm: 'pradinė forma',
  userTask: (name) => `užduotis ${name}`,
  generate: 'Generuoti iš duomenų struktūros',
  noStructure: 'Kortelėje nenurodyta duomenų struktūra (dataStructure faile service.yaml).',
  confirmReplace: 'Pakeisti šią formą nauja, sugeneruota iš duomenų struktūros? Formos pakeitimai bus prarasti.',
  preview: 'Peržiūra',
  previewLanguage: 'Peržiūros kalba',
  showPreview: 'Rodyti peržiūrą',
  hidePreview: 'Slėpti peržiūrą',
  badForm: (message) => `Forma nėra teisingas JSON: ${message}`,
  badStructure: (message) => `Duomenų struktūra nėra teisingas JSON: ${message}`,
  readOnly: 'Šios versijos keisti negalima; redaktoriaus pakeitimai neišsaugomi.',
  problems: 'Atitiktis duomenų struktūrai',
  noProblems: 'Forma atitinka duomenų struktūrą.',
  unusedForm: 'Šios formos nenaudoja nei kortelė, nei jokia užduotis.',
  missingForm: (ref) => `Užduotyje nurodyta forma „${ref}“ (zeebe:formDefinition), kurios pakete nėra.`,
  openElement: (id) => `Atverti ${id} procese`,
};

const lv: FormsStrings = {
  form: 'Veidlapa',
  noForms: 'Šajā pakotnē nav veidlapu (forms/*.form).',
  startForm: 'sākuma veidlapa',
  userTask: (name) => `uzdevums ${name}`,
  generate: 'Ģenerēt no datu struktūras',
  noStructure: 'Kartītē nav norādīta datu struktūra (dataStructure datnē service.yaml).',
  confirmReplace: 'Aizstāt šo veidlapu ar jaunu, kas ģenerēta no datu struktūras? Veidlapā veiktās izmaiņas zudīs.',
  preview: 'Priekšskatījums',
  previewLanguage: 'Priekšskatījuma valoda',
  showPreview: 'Rādīt priekšskatījumu',
  hidePreview: 'Slēpt priekšskatījumu',
  badForm: (message) => `Veidlapa nav derīgs JSON: ${message}`,
  badStructure: (message) => `Datu struktūra nav derīgs JSON: ${message}`,
  readOnly: 'Šo versiju nevar mainīt; redaktorā veiktās izmaiņas netiek saglabātas.',
  problems: 'Atbilstība datu struktūrai',
  noProblems: 'Veidlapa atbilst datu struktūrai.',
  unusedForm: 'Šo veidlapu neizmanto ne kartīte, ne kāds uzdevums.',
  missingForm: (ref) => `Uzdevumā norādīta veidlapa „${ref}” (zeebe:formDefinition), kuras pakotnē nav.`,
  openElement: (id) => `Atvērt ${id} procesā`,
};

const STRINGS = { lt, lv, en } satisfies Record<Locale, FormsStrings>;

export function formsStrings(locale: Locale): FormsStrings {
  return STRINGS[locale];
}
