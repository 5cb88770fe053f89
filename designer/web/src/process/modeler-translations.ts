import type { ModuleDeclaration } from 'didi';
import type { EnglishKeyed } from '../model/english-keyed.js';
import type { Locale } from '../model/types.js';

/**
 * The modeler's main UI strings in Lithuanian and Latvian, keyed by bpmn-js's English: palette,
 * context pad, replace menu, the common properties panel groups and the template chooser. A string
 * without a translation stays English.
 */
const TRANSLATIONS: EnglishKeyed = {
  // Palette
  'Activate hand tool': { lt: 'Rankos įrankis', lv: 'Rokas rīks' },
  'Activate lasso tool': { lt: 'Laso įrankis', lv: 'Lasso rīks' },
  'Activate create/remove space tool': { lt: 'Vietos pridėjimo ar pašalinimo įrankis', lv: 'Vietas pievienošanas vai noņemšanas rīks' },
  'Activate global connect tool': { lt: 'Jungimo įrankis', lv: 'Savienošanas rīks' },
  'Create start event': { lt: 'Kurti pradžios įvykį', lv: 'Izveidot sākuma notikumu' },
  'Create intermediate/boundary event': { lt: 'Kurti tarpinį ar ribinį įvykį', lv: 'Izveidot starpnotikumu vai robežnotikumu' },
  'Create end event': { lt: 'Kurti pabaigos įvykį', lv: 'Izveidot beigu notikumu' },
  'Create gateway': { lt: 'Kurti šakotuvą', lv: 'Izveidot sazarojumu' },
  'Create task': { lt: 'Kurti užduotį', lv: 'Izveidot uzdevumu' },
  'Create data object reference': { lt: 'Kurti duomenų objekto nuorodą', lv: 'Izveidot datu objekta atsauci' },
  'Create data store reference': { lt: 'Kurti duomenų saugyklos nuorodą', lv: 'Izveidot datu krātuves atsauci' },
  'Create expanded sub-process': { lt: 'Kurti išskleistą subprocesą', lv: 'Izveidot izvērstu apakšprocesu' },
  'Create pool/participant': { lt: 'Kurti telkinį ar dalyvį', lv: 'Izveidot dalībnieka joslu' },
  'Create group': { lt: 'Kurti grupę', lv: 'Izveidot grupu' },
  // Context pad
  'Append end event': { lt: 'Pridėti pabaigos įvykį', lv: 'Pievienot beigu notikumu' },
  'Append gateway': { lt: 'Pridėti šakotuvą', lv: 'Pievienot sazarojumu' },
  'Append task': { lt: 'Pridėti užduotį', lv: 'Pievienot uzdevumu' },
  'Append intermediate/boundary event': { lt: 'Pridėti tarpinį ar ribinį įvykį', lv: 'Pievienot starpnotikumu vai robežnotikumu' },
  'Append message intermediate catch event': { lt: 'Pridėti pranešimo laukimo įvykį', lv: 'Pievienot ziņojuma gaidīšanas notikumu' },
  'Append timer intermediate catch event': { lt: 'Pridėti laikmačio įvykį', lv: 'Pievienot taimera notikumu' },
  'Append signal intermediate catch event': { lt: 'Pridėti signalo laukimo įvykį', lv: 'Pievienot signāla gaidīšanas notikumu' },
  'Append conditional intermediate catch event': { lt: 'Pridėti sąlyginį laukimo įvykį', lv: 'Pievienot nosacījuma gaidīšanas notikumu' },
  'Append receive task': { lt: 'Pridėti gavimo užduotį', lv: 'Pievienot saņemšanas uzdevumu' },
  'Append text annotation': { lt: 'Pridėti pastabą', lv: 'Pievienot piezīmi' },
  'Add text annotation': { lt: 'Pridėti pastabą', lv: 'Pievienot piezīmi' },
  'Add lane above': { lt: 'Pridėti juostą viršuje', lv: 'Pievienot joslu augšā' },
  'Add lane below': { lt: 'Pridėti juostą apačioje', lv: 'Pievienot joslu apakšā' },
  'Divide into two lanes': { lt: 'Padalyti į dvi juostas', lv: 'Sadalīt divās joslās' },
  'Divide into three lanes': { lt: 'Padalyti į tris juostas', lv: 'Sadalīt trīs joslās' },
  'Change element': { lt: 'Keisti elementą', lv: 'Mainīt elementu' },
  'Change type': { lt: 'Keisti tipą', lv: 'Mainīt tipu' },
  Delete: { lt: 'Šalinti', lv: 'Dzēst' },
  'Connect to other element': { lt: 'Sujungti su kitu elementu', lv: 'Savienot ar citu elementu' },
  'Connect using association': { lt: 'Sujungti asociacija', lv: 'Savienot ar asociāciju' },
  'Connect using data input association': { lt: 'Sujungti duomenų įvesties asociacija', lv: 'Savienot ar datu ievades asociāciju' },
  // Replace menu
  Task: { lt: 'Užduotis', lv: 'Uzdevums' },
  'Service task': { lt: 'Paslaugos užduotis', lv: 'Servisa uzdevums' },
  'User task': { lt: 'Naudotojo užduotis', lv: 'Lietotāja uzdevums' },
  'Send task': { lt: 'Siuntimo užduotis', lv: 'Sūtīšanas uzdevums' },
  'Receive task': { lt: 'Gavimo užduotis', lv: 'Saņemšanas uzdevums' },
  'Manual task': { lt: 'Rankinė užduotis', lv: 'Manuāls uzdevums' },
  'Business rule task': { lt: 'Verslo taisyklės užduotis', lv: 'Biznesa noteikuma uzdevums' },
  'Script task': { lt: 'Scenarijaus užduotis', lv: 'Skripta uzdevums' },
  'Call activity': { lt: 'Kviečiamoji veikla', lv: 'Izsaukuma darbība' },
  'Sub-process (collapsed)': { lt: 'Subprocesas (suskleistas)', lv: 'Apakšprocess (sakļauts)' },
  'Sub-process (expanded)': { lt: 'Subprocesas (išskleistas)', lv: 'Apakšprocess (izvērsts)' },
  'Start event': { lt: 'Pradžios įvykis', lv: 'Sākuma notikums' },
  'End event': { lt: 'Pabaigos įvykis', lv: 'Beigu notikums' },
  'Exclusive gateway': { lt: 'Išskirtinis šakotuvas', lv: 'Izslēdzošais sazarojums' },
  'Parallel gateway': { lt: 'Lygiagretus šakotuvas', lv: 'Paralēlais sazarojums' },
  'Inclusive gateway': { lt: 'Įtraukiantis šakotuvas', lv: 'Iekļaujošais sazarojums' },
  'Event-based gateway': { lt: 'Įvykiais grįstas šakotuvas', lv: 'Notikumu sazarojums' },
  'Message start event': { lt: 'Pranešimo pradžios įvykis', lv: 'Ziņojuma sākuma notikums' },
  'Timer start event': { lt: 'Laikmačio pradžios įvykis', lv: 'Taimera sākuma notikums' },
  'Message intermediate catch event': { lt: 'Pranešimo laukimo įvykis', lv: 'Ziņojuma gaidīšanas notikums' },
  'Timer intermediate catch event': { lt: 'Laikmačio įvykis', lv: 'Taimera notikums' },
  'Error end event': { lt: 'Klaidos pabaigos įvykis', lv: 'Kļūdas beigu notikums' },
  'Terminate end event': { lt: 'Nutraukimo pabaigos įvykis', lv: 'Pārtraukšanas beigu notikums' },
  'Search in diagram': { lt: 'Ieškoti diagramoje', lv: 'Meklēt diagrammā' },
  // Properties panel groups
  General: { lt: 'Bendra', lv: 'Vispārīgi' },
  Documentation: { lt: 'Dokumentacija', lv: 'Dokumentācija' },
  'Element documentation': { lt: 'Elemento dokumentacija', lv: 'Elementa dokumentācija' },
  Name: { lt: 'Pavadinimas', lv: 'Nosaukums' },
  ID: { lt: 'ID', lv: 'ID' },
  Inputs: { lt: 'Įvestys', lv: 'Ievades' },
  Outputs: { lt: 'Išvestys', lv: 'Izvades' },
  Input: { lt: 'Įvestis', lv: 'Ievade' },
  Output: { lt: 'Išvestis', lv: 'Izvade' },
  Headers: { lt: 'Antraštės', lv: 'Galvenes' },
  'Task definition': { lt: 'Užduoties apibrėžimas', lv: 'Uzdevuma definīcija' },
  'Job worker': { lt: 'Darbų vykdytojas', lv: 'Darbu izpildītājs' },
  Type: { lt: 'Tipas', lv: 'Tips' },
  Retries: { lt: 'Bandymai', lv: 'Atkārtojumi' },
  Form: { lt: 'Forma', lv: 'Veidlapa' },
  Assignment: { lt: 'Priskyrimas', lv: 'Piešķiršana' },
  Assignee: { lt: 'Vykdytojas', lv: 'Izpildītājs' },
  'Candidate groups': { lt: 'Kandidatų grupės', lv: 'Kandidātu grupas' },
  'Candidate users': { lt: 'Kandidatai', lv: 'Kandidāti' },
  Condition: { lt: 'Sąlyga', lv: 'Nosacījums' },
  Conditions: { lt: 'Sąlygos', lv: 'Nosacījumi' },
  Timer: { lt: 'Laikmatis', lv: 'Taimeris' },
  Message: { lt: 'Pranešimas', lv: 'Ziņojums' },
  Error: { lt: 'Klaida', lv: 'Kļūda' },
  Escalation: { lt: 'Eskalavimas', lv: 'Eskalācija' },
  Signal: { lt: 'Signalas', lv: 'Signāls' },
  'Called element': { lt: 'Kviečiamas elementas', lv: 'Izsaucamais elements' },
  'Multi-instance': { lt: 'Kartotinis vykdymas', lv: 'Vairākkārtēja izpilde' },
  'Extension properties': { lt: 'Papildomos savybės', lv: 'Papildu īpašības' },
  'Execution listeners': { lt: 'Vykdymo klausytojai', lv: 'Izpildes klausītāji' },
  'Task listeners': { lt: 'Užduoties klausytojai', lv: 'Uzdevuma klausītāji' },
  'Input propagation': { lt: 'Įvesties perdavimas', lv: 'Ievades nodošana' },
  'Output propagation': { lt: 'Išvesties perdavimas', lv: 'Izvades nodošana' },
  'Output mapping': { lt: 'Išvesties susiejimas', lv: 'Izvades kartēšana' },
  'Input mapping': { lt: 'Įvesties susiejimas', lv: 'Ievades kartēšana' },
  Implementation: { lt: 'Įgyvendinimas', lv: 'Īstenošana' },
  Template: { lt: 'Šablonas', lv: 'Veidne' },
  Select: { lt: 'Pasirinkti', lv: 'Izvēlēties' },
  Change: { lt: 'Keisti', lv: 'Mainīt' },
  Unlink: { lt: 'Atsieti', lv: 'Atsaistīt' },
  Remove: { lt: 'Pašalinti', lv: 'Noņemt' },
  Process: { lt: 'Procesas', lv: 'Process' },
  'Version tag': { lt: 'Versijos žymė', lv: 'Versijas birka' },
  Executable: { lt: 'Vykdomas', lv: 'Izpildāms' },
  Value: { lt: 'Reikšmė', lv: 'Vērtība' },
  Key: { lt: 'Raktas', lv: 'Atslēga' },
  'Local variable name': { lt: 'Vietinio kintamojo vardas', lv: 'Lokālā mainīgā nosaukums' },
  'Process variable name': { lt: 'Proceso kintamojo vardas', lv: 'Procesa mainīgā nosaukums' },
  'Variable assignment value': { lt: 'Priskiriama reikšmė', lv: 'Piešķiramā vērtība' },
  'Result variable': { lt: 'Rezultato kintamasis', lv: 'Rezultāta mainīgais' },
  '<none>': { lt: '<nėra>', lv: '<nav>' },
  '<empty>': { lt: '<tuščia>', lv: '<tukšs>' },
};

/** `template` in `locale` (as written when English or not translated), its {placeholders} filled in. */
export function translateTo(locale: Locale, template: string, replacements: Record<string, string> = {}): string {
  const text = locale === 'en' ? template : TRANSLATIONS[template]?.[locale] ?? template;
  return text.replace(/{([^}]+)}/g, (whole, key: string) => replacements[key] ?? whole);
}

interface EventBus { fire(event: string): void }

/**
 * The modeler's language, switchable while the modeler lives (so a switch keeps the diagram's
 * undo history): its translate service reads it on every call, and a switch redraws what
 * bpmn-js drew with the old one — the palette (`i18n.changed`) and the properties panel.
 * Context pads and popup menus are drawn anew each time they open.
 */
export class ModelerLanguage {
  static $inject = ['eventBus'];
  private locale: Locale = 'en';

  constructor(private readonly eventBus: EventBus) {}

  get(): Locale {
    return this.locale;
  }

  set(locale: Locale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.eventBus.fire('i18n.changed');
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}

function translateInLanguage(language: ModelerLanguage) {
  return (template: string, replacements?: Record<string, string>) => translateTo(language.get(), template, replacements);
}
translateInLanguage.$inject = ['language'];

export const languageModule: ModuleDeclaration = {
  language: ['type', ModelerLanguage],
  translate: ['factory', translateInLanguage],
};
