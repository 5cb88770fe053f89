import type Modeler from 'bpmn-js/lib/Modeler';
import type { Locale } from '../model/types.js';
import { whenIdle } from '../model/idle.js';
import { createModeler, type ElementTemplate } from './modeler.js';

/**
 * One modeler made ahead, while the designer is idle: making one costs ~0.35 s of the main
 * thread, which opening a service then does not wait for. The Process tab takes it, attaches it
 * and imports its diagram; when the tab closes, the next spare is made at the next idle moment.
 */
let spare: { modeler: Modeler; locale: Locale } | undefined;

export function makeSpareModeler(locale: Locale, templates: ElementTemplate[]): void {
  whenIdle(() => {
    if (spare?.locale === locale) return;
    spare?.modeler.destroy();
    spare = { modeler: createModeler({ locale, templates }), locale };
    // The bench waits for this before it times opening a service from the list.
    performance.mark('konstruktor:spare-modeler');
  });
}

/** The spare modeler if it was made in this language, for the taking; else nothing. */
export function takeSpareModeler(locale: Locale): Modeler | undefined {
  if (spare?.locale !== locale) return undefined;
  const { modeler } = spare;
  spare = undefined;
  return modeler;
}
