import type { RequestLanguage } from './request-language.js';

/**
 * The title of each problem a person may meet, in the portal's languages: the error handler sends
 * it in the request's language (lang, cookie, Accept-Language), so every error names what is
 * wrong in the reader's language; `detail` stays a developer's English account with the values.
 * The English here is the code's own title, or a general one where the code words it per case.
 * A test (problem-texts.test.ts) fails when code raises a problem whose slug is missing here.
 */
export const PROBLEM_TITLES: Record<string, Record<RequestLanguage, string>> = {
  'invalid-request': { en: 'The request is not valid', lt: 'Užklausa netinkama', lv: 'Pieprasījums nav derīgs' },
  'malformed-json': { en: 'The request body is not valid JSON', lt: 'Užklausos turinys nėra tinkamas JSON', lv: 'Pieprasījuma saturs nav derīgs JSON' },
  'json-too-deep': { en: 'The request body is nested too deeply', lt: 'Duomenys per giliai įdėti vienas į kitą', lv: 'Dati ir ligzdoti pārāk dziļi' },
  'json-too-many-keys': { en: 'The request body has too many fields', lt: 'Duomenyse per daug laukų', lv: 'Datos ir pārāk daudz lauku' },
  'request-aborted': { en: 'The request was aborted', lt: 'Užklausa nutraukta', lv: 'Pieprasījums tika pārtraukts' },
  unauthenticated: { en: 'Log in first', lt: 'Pirmiausia prisijunkite', lv: 'Vispirms piesakieties' },
  'invalid-credentials': { en: 'Wrong username or password', lt: 'Neteisingas naudotojo vardas arba slaptažodis', lv: 'Nepareizs lietotājvārds vai parole' },
  'account-disabled': { en: 'This account is disabled', lt: 'Ši paskyra išjungta', lv: 'Šis konts ir atspējots' },
  'oidc-login-unknown': { en: 'This login attempt is unknown or expired', lt: 'Šis prisijungimas nežinomas arba nebegalioja', lv: 'Šī pieteikšanās nav zināma vai ir beigusies' },
  'oidc-login-refused': { en: 'The eID gateway refused the login', lt: 'Elektroniniai valdžios vartai atsisakė prisijungimo', lv: 'Autentifikācijas vārteja noraidīja pieteikšanos' },
  'oidc-login-failed': { en: 'The eID login could not be completed', lt: 'Prisijungimo nepavyko užbaigti', lv: 'Pieteikšanos ar eID neizdevās pabeigt' },
  'identity-provider-unavailable': { en: 'The eID gateway does not answer', lt: 'Elektroniniai valdžios vartai nepasiekiami', lv: 'Autentifikācijas vārteja nav pieejama' },
  forbidden: { en: 'Not allowed', lt: 'Neleidžiama', lv: 'Nav atļauts' },
  'terms-not-accepted': { en: 'Accept the terms of use first', lt: 'Pirmiausia sutikite su naudojimosi taisyklėmis', lv: 'Vispirms piekrītiet lietošanas noteikumiem' },
  'csrf-token-invalid': { en: 'Missing or wrong CSRF token', lt: 'Puslapis pasenęs; atnaujinkite jį ir bandykite dar kartą', lv: 'Lapa ir novecojusi; pārlādējiet to un mēģiniet vēlreiz' },
  'not-found': { en: 'No such thing, or not yours to see', lt: 'Nerasta arba jums nepriklauso', lv: 'Nav atrasts vai jums nav pieejams' },
  'no-such-endpoint': { en: 'No such endpoint', lt: 'Tokio adreso nėra', lv: 'Šādas adreses nav' },
  'method-not-allowed': { en: 'Method not allowed', lt: 'Toks veiksmas neleidžiamas', lv: 'Šāda darbība nav atļauta' },
  conflict: { en: 'Conflicts with the current state', lt: 'Prieštarauja dabartinei būsenai', lv: 'Konfliktē ar pašreizējo stāvokli' },
  'idempotency-key-reused': { en: 'This Idempotency-Key was used with a different request', lt: 'Ši užklausa jau buvo siųsta su kitu turiniu', lv: 'Šis pieprasījums jau tika nosūtīts ar citu saturu' },
  'payload-too-large': { en: 'The request body is too large', lt: 'Per didelis', lv: 'Pārāk liels' },
  'unsupported-media-type': { en: 'Unsupported content type', lt: 'Nepalaikomas turinio tipas', lv: 'Neatbalstīts satura veids' },
  unprocessable: { en: 'The content cannot be processed', lt: 'Turinio apdoroti negalima', lv: 'Saturu nevar apstrādāt' },
  'package-check-failed': { en: 'The package has errors', lt: 'Paslaugos pakete yra klaidų', lv: 'Pakalpojuma paketē ir kļūdas' },
  'too-many-requests': { en: 'Too many attempts', lt: 'Per daug bandymų; palaukite', lv: 'Pārāk daudz mēģinājumu; uzgaidiet' },
  'upload-quota': { en: 'Too many uploads', lt: 'Pasiekta įkėlimų riba', lv: 'Sasniegts augšupielāžu ierobežojums' },
  'empty-file': { en: 'The file is empty', lt: 'Failas tuščias', lv: 'Fails ir tukšs' },
  'file-type-not-allowed': { en: 'This type of file is not accepted', lt: 'Tokio tipo failai nepriimami', lv: 'Šāda veida faili netiek pieņemti' },
  'file-name-mismatch': { en: 'The file name does not fit its type', lt: 'Failo pavadinimas neatitinka jo tipo', lv: 'Faila nosaukums neatbilst tā veidam' },
  'file-content-mismatch': { en: 'The file is not what it claims to be', lt: 'Failo turinys neatitinka nurodyto tipo', lv: 'Faila saturs neatbilst norādītajam veidam' },
  'register-unavailable': { en: 'The legal entities register is not available', lt: 'Juridinių asmenų registras nepasiekiamas', lv: 'Uzņēmumu reģistrs nav pieejams' },
  'task-completed': { en: 'This task has already been completed', lt: 'Ši užduotis jau atlikta', lv: 'Šis uzdevums jau ir pabeigts' },
  'task-cancelled': { en: 'The process withdrew this task', lt: 'Procesas šią užduotį atšaukė', lv: 'Process šo uzdevumu ir atsaucis' },
  'task-taken': { en: 'A colleague has taken this task', lt: 'Šią užduotį jau paėmė kolega', lv: 'Šo uzdevumu jau ir paņēmis kolēģis' },
  'task-not-claimed': { en: 'Claim the task first', lt: 'Pirmiausia paimkite užduotį', lv: 'Vispirms paņemiet uzdevumu' },
  'task-changed': { en: 'The task changed since you opened it (reassigned)', lt: 'Užduotis pasikeitė, kol ją atvėrėte (perduota kitam)', lv: 'Uzdevums ir mainījies, kopš to atvērāt (nodots citam)' },
  'task-hand-over-refused': { en: 'The task cannot be handed over so', lt: 'Užduoties taip perduoti negalima', lv: 'Uzdevumu tā nodot nevar' },
  'task-filter-name-taken': { en: 'You already have a filter with this name', lt: 'Filtras tokiu pavadinimu jau yra', lv: 'Filtrs ar šādu nosaukumu jau ir' },
  'signature-not-asked': { en: 'This task asks for no signature', lt: 'Šioje užduotyje pasirašyti nereikia', lv: 'Šajā uzdevumā nekas nav jāparaksta' },
  'signature-no-document': { en: 'The process has no document to sign yet', lt: 'Procesas dar neparengė dokumento pasirašyti', lv: 'Process vēl nav sagatavojis dokumentu parakstīšanai' },
  'signature-document-not-in-case': { en: 'This document is not in this case', lt: 'Šio dokumento šioje byloje nėra', lv: 'Šī dokumenta šajā lietā nav' },
  'signature-no-personal-code': { en: 'You have no personal code for a mobile signature', lt: 'Jūsų paskyroje nėra asmens kodo mobiliajam parašui', lv: 'Jūsu kontā nav personas koda mobilajam parakstam' },
  'signature-pending': { en: 'A signature is already waiting for confirmation on the phone', lt: 'Parašas jau laukia patvirtinimo telefone', lv: 'Paraksts jau gaida apstiprinājumu tālrunī' },
  'signature-required': { en: 'Sign the document before completing the task', lt: 'Prieš užbaigdami užduotį pasirašykite dokumentą', lv: 'Pirms uzdevuma pabeigšanas parakstiet dokumentu' },
  'signature-unavailable': { en: 'Personal signing is not available', lt: 'Pasirašyti asmeniniu parašu šiuo metu negalima', lv: 'Parakstīšana ar personisko parakstu nav pieejama' },
  'signature-start-failed': { en: 'The mobile signature could not be started', lt: 'Mobiliojo parašo pradėti nepavyko', lv: 'Mobilo parakstu neizdevās sākt' },
  internal: { en: 'Internal error', lt: 'Mūsų sistemoje įvyko klaida', lv: 'Mūsu sistēmā radās kļūda' },
};

/** The problem's title in `lang`; in English (and for a slug not listed) the title the code gave it, which may be more exact ("No such document"). */
export function problemTitle(slug: string, lang: RequestLanguage, fallback: string): string {
  return lang === 'en' ? fallback : PROBLEM_TITLES[slug]?.[lang] ?? fallback;
}
