/** Why acting for someone is refused, in the user's language (lt, lv, en). */
import type { Locale } from '../forms/start-form.js';
import { HttpProblem, problems } from '../http/problem.js';

export const refusals = {
  notRepresentative: (code: string, locale: Locale) => problems.forbidden({
    lt: `Jūs šiuo metu neatstovaujate juridinio asmens ${code}: Juridinių asmenų registras nenurodo jūsų jo atstovu.`,
    lv: `Jūs pašlaik nepārstāvat juridisko personu ${code}: Uzņēmumu reģistrs nenorāda jūs kā tās pārstāvi.`,
    en: `You do not currently represent the legal entity ${code}: the legal entities register does not name you its representative.`,
  }[locale]),

  registerUnavailable: (locale: Locale) => new HttpProblem(503, 'register-unavailable', 'The legal entities register is not available', {
    lt: 'Juridinių asmenų registras šiuo metu nepasiekiamas, todėl negalima patikrinti, ką atstovaujate. Bandykite vėliau.',
    lv: 'Uzņēmumu reģistrs pašlaik nav pieejams, tāpēc nevar pārbaudīt, ko jūs pārstāvat. Mēģiniet vēlāk.',
    en: 'The legal entities register cannot be reached now, so whom you represent cannot be checked. Try again later.',
  }[locale]),

  noAuthorisation: (personalCode: string, locale: Locale) => problems.forbidden({
    lt: `Neturite galiojančio asmens ${personalCode} įgaliojimo užsakyti šią paslaugą jo vardu.`,
    lv: `Jums nav spēkā esoša personas ${personalCode} pilnvarojuma pieteikt šo pakalpojumu tās vārdā.`,
    en: `You hold no authorisation in force from the person ${personalCode} to order this service on their behalf.`,
  }[locale]),
};
