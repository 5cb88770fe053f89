/** The sandbox eID gateway's one page: whom to log in as, in Lithuanian, Latvian or English. */
import { escapeHtml } from '../html.js';

export const GATEWAY_LANGUAGES = ['lt', 'lv', 'en'] as const;
export type GatewayLanguage = (typeof GATEWAY_LANGUAGES)[number];

const TEXTS: Record<GatewayLanguage, {
  languageName: string; languages: string; title: string; sandbox: string; asks: string;
  loginAs: string; personalCode: string; logIn: string; cancel: string; pickSomeone: string; expired: string;
}> = {
  lt: {
    languageName: 'Lietuvių', languages: 'Kalba', title: 'Bandomieji eID vartai',
    sandbox: 'Tai bandomoji aplinka: tapatybė netikrinama. Pasirinkite demonstracinį asmenį iš bandomojo gyventojų registro.',
    asks: 'Prisijungti prašo', loginAs: 'Prisijungti kaip', personalCode: 'asmens kodas', logIn: 'Prisijungti', cancel: 'Atšaukti',
    pickSomeone: 'Pasirinkite asmenį iš sąrašo.',
    expired: 'Šis prisijungimas nebegalioja arba nežinomas. Pradėkite prisijungti iš naujo portale.',
  },
  lv: {
    languageName: 'Latviešu', languages: 'Valoda', title: 'Testa eID vārteja',
    sandbox: 'Šī ir testa vide: identitāte netiek pārbaudīta. Izvēlieties demonstrācijas personu no testa iedzīvotāju reģistra.',
    asks: 'Pieslēgties lūdz', loginAs: 'Pieslēgties kā', personalCode: 'personas kods', logIn: 'Pieslēgties', cancel: 'Atcelt',
    pickSomeone: 'Izvēlieties personu no saraksta.',
    expired: 'Šī pieslēgšanās vairs nav derīga vai nav zināma. Sāciet pieslēgties no jauna portālā.',
  },
  en: {
    languageName: 'English', languages: 'Language', title: 'Sandbox eID gateway',
    sandbox: 'This is a sandbox: no identity is checked. Pick a demo person from the sandbox population register.',
    asks: 'Log-in requested by', loginAs: 'Log in as', personalCode: 'personal code', logIn: 'Log in', cancel: 'Cancel',
    pickSomeone: 'Pick a person from the list.',
    expired: 'This login has expired or is unknown. Start logging in again from the portal.',
  },
};

const isLanguage = (tag: string): tag is GatewayLanguage => (GATEWAY_LANGUAGES as readonly string[]).includes(tag);

/**
 * The page's language: the one the tester switched to on the page, else the first of the
 * authorisation request's `ui_locales` (space-separated, e.g. "lv-LV en") the page speaks, else lt.
 */
export function pageLanguage(chosen: unknown, uiLocales: unknown): GatewayLanguage {
  if (typeof chosen === 'string' && isLanguage(chosen)) return chosen;
  const tags = typeof uiLocales === 'string' ? uiLocales.split(' ') : [];
  return tags.map((tag) => tag.split('-')[0]!.toLowerCase()).find(isLanguage) ?? 'lt';
}

export interface LoginPagePerson {
  personalCode: string;
  givenName: string;
  familyName: string;
}

const STYLE = `
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f3f4f6}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c8ccd2;border-radius:.5rem}
nav ul{display:flex;gap:1rem;list-style:none;margin:0 0 1rem;padding:0;justify-content:flex-end}
a{color:#0b4fa3}
a[aria-current]{font-weight:600;color:#1b1b1b;text-decoration:none}
h1{font-size:1.5rem;margin:0 0 .5rem}
.sandbox{padding:.5rem .75rem;background:#fff4ce;border-left:4px solid #b58100}
.error{padding:.5rem .75rem;background:#fde7e9;border-left:4px solid #b3261e}
fieldset{border:0;margin:1rem 0;padding:0}
legend{font-weight:600;margin-bottom:.5rem}
.person{display:flex;gap:.5rem;align-items:baseline;padding:.375rem 0;border-bottom:1px solid #e5e7eb}
.code{color:#4b5563}
button{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem;border-radius:.25rem;border:1px solid #0b4fa3;cursor:pointer}
button[value=login]{background:#0b4fa3;color:#fff}
button[value=cancel]{background:#fff;color:#0b4fa3}
:focus-visible{outline:3px solid #b58100;outline-offset:2px}
@media (max-width:40rem){main{margin:0;border:0;border-radius:0}}`;

const page = (language: GatewayLanguage, body: string) => `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TEXTS[language].title}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body></html>`;

/** What a tester sees for an interaction the gateway no longer knows (expired, or its cookie is gone). */
export function expiredPage(language: GatewayLanguage): string {
  const t = TEXTS[language];
  return page(language, `<h1>${t.title}</h1>\n<p class="error" role="alert">${t.expired}</p>`);
}

/** The HTML of the login page for one interaction; `error` when the form came back without a person. */
export function loginPage({ uid, language, clientName, people, error }: {
  uid: string; language: GatewayLanguage; clientName: string; people: LoginPagePerson[]; error?: boolean;
}): string {
  const t = TEXTS[language];
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const languages = GATEWAY_LANGUAGES.map((code) => code === language
    ? `<li><a href="${action}?lang=${code}" lang="${code}" hreflang="${code}" aria-current="page">${TEXTS[code].languageName}</a></li>`
    : `<li><a href="${action}?lang=${code}" lang="${code}" hreflang="${code}">${TEXTS[code].languageName}</a></li>`).join('');
  const options = people.map((person, index) => {
    const id = `person-${index}`;
    return `<div class="person"><input type="radio" name="personalCode" id="${id}" value="${escapeHtml(person.personalCode)}"${index === 0 ? ' checked' : ''}>`
      + `<label for="${id}">${escapeHtml(`${person.givenName} ${person.familyName}`)} <span class="code">(${t.personalCode} ${escapeHtml(person.personalCode)})</span></label></div>`;
  }).join('\n');
  return page(language, `<nav aria-label="${t.languages}"><ul>${languages}</ul></nav>
<h1>${t.title}</h1>
<p class="sandbox">${t.sandbox}</p>
<p>${t.asks}: <strong>${escapeHtml(clientName)}</strong></p>
${error ? `<p class="error" role="alert">${t.pickSomeone}</p>` : ''}
<form method="post" action="${action}">
<input type="hidden" name="lang" value="${language}">
<fieldset><legend>${t.loginAs}</legend>
${options}
</fieldset>
<button type="submit" name="action" value="login">${t.logIn}</button>
<button type="submit" name="action" value="cancel">${t.cancel}</button>
</form>`);
}
