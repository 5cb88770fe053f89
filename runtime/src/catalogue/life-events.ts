import type { LocalizedText } from '../common/schemas.js';

/**
 * The life events services are grouped by in the catalogue (`lifeEvents` of service.yaml), after
 * the Single Digital Gateway's list (Regulation (EU) 2018/1724, annex II) that VIISP and
 * Latvija.lv both follow. A code not listed here is shown as it is written.
 */
const LIFE_EVENTS: Record<string, LocalizedText> = {
  'birth-of-a-child': { lt: 'Vaiko gimimas', lv: 'Bērna piedzimšana', en: 'Birth of a child' },
  'moving-house': { lt: 'Gyvenamosios vietos keitimas', lv: 'Dzīvesvietas maiņa', en: 'Moving house' },
  'starting-a-business': { lt: 'Verslo pradžia', lv: 'Uzņēmējdarbības uzsākšana', en: 'Starting a business' },
  'running-a-business': { lt: 'Verslo vykdymas', lv: 'Uzņēmējdarbības veikšana', en: 'Running a business' },
  'closing-a-business': { lt: 'Verslo uždarymas', lv: 'Uzņēmējdarbības izbeigšana', en: 'Closing a business' },
  'studying': { lt: 'Studijos', lv: 'Studijas', en: 'Studying' },
  'working': { lt: 'Darbas', lv: 'Darbs', en: 'Working' },
  'retiring': { lt: 'Išėjimas į pensiją', lv: 'Pensionēšanās', en: 'Retiring' },
  'owning-a-vehicle': { lt: 'Transporto priemonės valdymas', lv: 'Transportlīdzekļa īpašums', en: 'Owning a vehicle' },
  'death-of-a-relative': { lt: 'Artimojo mirtis', lv: 'Tuvinieka nāve', en: 'Death of a relative' },
};

export function lifeEventTitle(code: string): LocalizedText | null {
  return LIFE_EVENTS[code] ?? null;
}
