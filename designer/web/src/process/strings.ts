import type { Locale } from '../model/types.js';

/** The Process tab's own words (the modeler's are in modeler-translations.ts); English defines the keys. */
const en = {
  canvas: 'Process diagram', properties: 'Properties', loading: 'Loading the modeler…',
  importFailed: 'The diagram could not be opened', templatesFailed: 'The connector templates could not be loaded',
  chooser: { title: 'Choose a connector template', search: 'Search templates', apply: 'Apply', cancel: 'Cancel', none: 'No template applies.' },
  readOnly: 'Read only',
};

export type ProcessStrings = typeof en;

const STRINGS = {
  lt: {
    canvas: 'Proceso diagrama', properties: 'Savybės', loading: 'Įkeliamas modeliuotojas…',
    importFailed: 'Diagramos atverti nepavyko', templatesFailed: 'Jungčių šablonų gauti nepavyko',
    chooser: { title: 'Pasirinkite jungties šabloną', search: 'Ieškoti šablono', apply: 'Taikyti', cancel: 'Atšaukti', none: 'Tinkamų šablonų nėra.' },
    readOnly: 'Tik peržiūra',
  },
  lv: {
    canvas: 'Procesa diagramma', properties: 'Īpašības', loading: 'Ielādē modelētāju…',
    importFailed: 'Diagrammu neizdevās atvērt', templatesFailed: 'Savienotāju veidnes neizdevās ielādēt',
    chooser: { title: 'Izvēlieties savienotāja veidni', search: 'Meklēt veidni', apply: 'Lietot', cancel: 'Atcelt', none: 'Nav piemērotas veidnes.' },
    readOnly: 'Tikai skatīšanai',
  },
  en,
} satisfies Record<Locale, ProcessStrings>;

export function processStrings(locale: Locale): ProcessStrings {
  return STRINGS[locale];
}
