import type { ModuleDeclaration } from 'didi';
import type { Locale } from '../model/types.js';

/**
 * Lithuanian for the modeler's main UI strings: palette, context pad, replace menu, the common
 * properties panel groups and the template chooser. A string without a translation stays English.
 */
const LT: Record<string, string> = {
  // Palette
  'Activate hand tool': 'Rankos įrankis',
  'Activate lasso tool': 'Laso įrankis',
  'Activate create/remove space tool': 'Vietos pridėjimo ar pašalinimo įrankis',
  'Activate global connect tool': 'Jungimo įrankis',
  'Create start event': 'Kurti pradžios įvykį',
  'Create intermediate/boundary event': 'Kurti tarpinį ar ribinį įvykį',
  'Create end event': 'Kurti pabaigos įvykį',
  'Create gateway': 'Kurti šakotuvą',
  'Create task': 'Kurti užduotį',
  'Create data object reference': 'Kurti duomenų objekto nuorodą',
  'Create data store reference': 'Kurti duomenų saugyklos nuorodą',
  'Create expanded sub-process': 'Kurti išskleistą subprocesą',
  'Create pool/participant': 'Kurti telkinį ar dalyvį',
  'Create group': 'Kurti grupę',
  // Context pad
  'Append end event': 'Pridėti pabaigos įvykį',
  'Append gateway': 'Pridėti šakotuvą',
  'Append task': 'Pridėti užduotį',
  'Append intermediate/boundary event': 'Pridėti tarpinį ar ribinį įvykį',
  'Append message intermediate catch event': 'Pridėti pranešimo laukimo įvykį',
  'Append timer intermediate catch event': 'Pridėti laikmačio įvykį',
  'Append signal intermediate catch event': 'Pridėti signalo laukimo įvykį',
  'Append conditional intermediate catch event': 'Pridėti sąlyginį laukimo įvykį',
  'Append receive task': 'Pridėti gavimo užduotį',
  'Append text annotation': 'Pridėti pastabą',
  'Add text annotation': 'Pridėti pastabą',
  'Add lane above': 'Pridėti juostą viršuje',
  'Add lane below': 'Pridėti juostą apačioje',
  'Divide into two lanes': 'Padalyti į dvi juostas',
  'Divide into three lanes': 'Padalyti į tris juostas',
  'Change element': 'Keisti elementą',
  'Change type': 'Keisti tipą',
  'Delete': 'Šalinti',
  'Connect to other element': 'Sujungti su kitu elementu',
  'Connect using association': 'Sujungti asociacija',
  'Connect using data input association': 'Sujungti duomenų įvesties asociacija',
  // Replace menu
  'Task': 'Užduotis',
  'Service task': 'Paslaugos užduotis',
  'User task': 'Naudotojo užduotis',
  'Send task': 'Siuntimo užduotis',
  'Receive task': 'Gavimo užduotis',
  'Manual task': 'Rankinė užduotis',
  'Business rule task': 'Verslo taisyklės užduotis',
  'Script task': 'Scenarijaus užduotis',
  'Call activity': 'Kviečiamoji veikla',
  'Sub-process (collapsed)': 'Subprocesas (suskleistas)',
  'Sub-process (expanded)': 'Subprocesas (išskleistas)',
  'Start event': 'Pradžios įvykis',
  'End event': 'Pabaigos įvykis',
  'Exclusive gateway': 'Išskirtinis šakotuvas',
  'Parallel gateway': 'Lygiagretus šakotuvas',
  'Inclusive gateway': 'Įtraukiantis šakotuvas',
  'Event-based gateway': 'Įvykiais grįstas šakotuvas',
  'Message start event': 'Pranešimo pradžios įvykis',
  'Timer start event': 'Laikmačio pradžios įvykis',
  'Message intermediate catch event': 'Pranešimo laukimo įvykis',
  'Timer intermediate catch event': 'Laikmačio įvykis',
  'Error end event': 'Klaidos pabaigos įvykis',
  'Terminate end event': 'Nutraukimo pabaigos įvykis',
  'Search in diagram': 'Ieškoti diagramoje',
  // Properties panel groups
  'General': 'Bendra',
  'Documentation': 'Dokumentacija',
  'Element documentation': 'Elemento dokumentacija',
  'Name': 'Pavadinimas',
  'ID': 'ID',
  'Inputs': 'Įvestys',
  'Outputs': 'Išvestys',
  'Input': 'Įvestis',
  'Output': 'Išvestis',
  'Headers': 'Antraštės',
  'Task definition': 'Užduoties apibrėžimas',
  'Job worker': 'Darbų vykdytojas',
  'Type': 'Tipas',
  'Retries': 'Bandymai',
  'Form': 'Forma',
  'Assignment': 'Priskyrimas',
  'Assignee': 'Vykdytojas',
  'Candidate groups': 'Kandidatų grupės',
  'Candidate users': 'Kandidatai',
  'Condition': 'Sąlyga',
  'Conditions': 'Sąlygos',
  'Timer': 'Laikmatis',
  'Message': 'Pranešimas',
  'Error': 'Klaida',
  'Escalation': 'Eskalavimas',
  'Signal': 'Signalas',
  'Called element': 'Kviečiamas elementas',
  'Multi-instance': 'Kartotinis vykdymas',
  'Extension properties': 'Papildomos savybės',
  'Execution listeners': 'Vykdymo klausytojai',
  'Task listeners': 'Užduoties klausytojai',
  'Input propagation': 'Įvesties perdavimas',
  'Output propagation': 'Išvesties perdavimas',
  'Output mapping': 'Išvesties susiejimas',
  'Input mapping': 'Įvesties susiejimas',
  'Implementation': 'Įgyvendinimas',
  'Template': 'Šablonas',
  'Select': 'Pasirinkti',
  'Change': 'Keisti',
  'Unlink': 'Atsieti',
  'Remove': 'Pašalinti',
  'Process': 'Procesas',
  'Version tag': 'Versijos žymė',
  'Executable': 'Vykdomas',
  'Value': 'Reikšmė',
  'Key': 'Raktas',
  'Local variable name': 'Vietinio kintamojo vardas',
  'Process variable name': 'Proceso kintamojo vardas',
  'Variable assignment value': 'Priskiriama reikšmė',
  'Result variable': 'Rezultato kintamasis',
  '<none>': '<nėra>',
  '<empty>': '<tuščia>',
};

/** `template` in `locale` (Lithuanian where known, else as written), its {placeholders} filled in. */
export function translateTo(locale: Locale, template: string, replacements: Record<string, string> = {}): string {
  const text = locale === 'lt' ? LT[template] ?? template : template;
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
