import { tableTranslator, type EnglishKeyed } from '../model/english-keyed.js';

/**
 * What bpmn-js-token-simulation writes itself (its log, notices, the names it gives unnamed
 * elements) in the designer's other languages, keyed by its English.
 */
const SIMULATION_TEXTS: EnglishKeyed = {
  'Simulation Log': { lt: 'Simuliacijos žurnalas', lv: 'Simulācijas žurnāls' },
  'No Entries': { lt: 'Įrašų nėra', lv: 'Ierakstu nav' },
  'Process started': { lt: 'Procesas pradėtas', lv: 'Process sākts' },
  'Process finished': { lt: 'Procesas baigtas', lv: 'Process pabeigts' },
  'Process canceled': { lt: 'Procesas atšauktas', lv: 'Process atcelts' },
  'SubProcess started': { lt: 'Subprocesas pradėtas', lv: 'Apakšprocess sākts' },
  'SubProcess finished': { lt: 'Subprocesas baigtas', lv: 'Apakšprocess pabeigts' },
  'SubProcess canceled': { lt: 'Subprocesas atšauktas', lv: 'Apakšprocess atcelts' },
  'Play Simulation': { lt: 'Simuliacija tęsiama', lv: 'Simulācija turpinās' },
  'Pause Simulation': { lt: 'Simuliacija pristabdyta', lv: 'Simulācija apturēta' },
  'Reset Simulation': { lt: 'Simuliacija pradėta iš naujo', lv: 'Simulācija sākta no jauna' },
  Finished: { lt: 'Baigta', lv: 'Pabeigts' },
  'Found unsupported elements': { lt: 'Rasta nepalaikomų elementų', lv: 'Atrasti neatbalstīti elementi' },
  'Not supported': { lt: 'Nepalaikoma', lv: 'Netiek atbalstīts' },
  'Service Task': { lt: 'Paslaugos užduotis', lv: 'Servisa uzdevums' },
  'User Task': { lt: 'Naudotojo užduotis', lv: 'Lietotāja uzdevums' },
  'Call Activity': { lt: 'Kviečiamoji veikla', lv: 'Izsaukuma darbība' },
  'Script Task': { lt: 'Scenarijaus užduotis', lv: 'Skripta uzdevums' },
  'Business Rule Task': { lt: 'Verslo taisyklės užduotis', lv: 'Biznesa noteikuma uzdevums' },
  'Manual Task': { lt: 'Rankinė užduotis', lv: 'Manuāls uzdevums' },
  'Receive Task': { lt: 'Gavimo užduotis', lv: 'Saņemšanas uzdevums' },
  'Send Task': { lt: 'Siuntimo užduotis', lv: 'Sūtīšanas uzdevums' },
  Task: { lt: 'Užduotis', lv: 'Uzdevums' },
  'Exclusive Gateway': { lt: 'Išskirtinis šliuzas', lv: 'Izslēdzošais sazarojums' },
  'Parallel Gateway': { lt: 'Lygiagretusis šliuzas', lv: 'Paralēlais sazarojums' },
  'Inclusive Gateway': { lt: 'Įtraukiantysis šliuzas', lv: 'Iekļaujošais sazarojums' },
  'Start Event': { lt: 'Pradžios įvykis', lv: 'Sākuma notikums' },
  'Intermediate Event': { lt: 'Tarpinis įvykis', lv: 'Starpnotikums' },
  'End Event': { lt: 'Pabaigos įvykis', lv: 'Beigu notikums' },
  'Boundary Event': { lt: 'Ribinis įvykis', lv: 'Robežnotikums' },
};

/** The simulation's text in a language (from English or the language it was drawn in); a text not listed as written. */
export const simulationText = tableTranslator(SIMULATION_TEXTS);
