/**
 * The sandbox "phone" of the mobile-signature service: a plain HTML page where a person with
 * behaviour 'phone' sees each pending signing request — the relying party's text and the
 * verification code, to compare with the one the web page shows — and confirms or refuses it
 * with a form (no JavaScript). LT, LV and EN via ?lang.
 */
import { Router, type Response } from 'express';

type Lang = 'lt' | 'lv' | 'en';
type Answer = 'confirmed' | 'refused';

export interface PhoneRouterOptions {
  /** Who answers on the phone (behaviour 'phone'). */
  people: { personalCode: string; name: string }[];
  pending(personalCode: string): { id: string; displayText: string; verificationCode: string }[];
  /** Records the answer; false when the session is unknown, someone else's, answered or expired. */
  answer(personalCode: string, sessionId: string, answer: Answer): boolean;
}

const TEXTS = {
  lt: {
    title: 'Smėlio dėžės telefonas', people: 'Kas pasirašo telefonu', unknown: 'Tokio asmens smėlio dėžės telefone nėra.',
    none: 'Pasirašymo užklausų nėra. Puslapis atsinaujina kas 5 sekundes.', request: 'Pasirašymo užklausa',
    code: 'Kontrolinis kodas', compare: 'Patikrinkite, ar kodas sutampa su rodomu svetainėje.', confirm: 'Patvirtinti', refuse: 'Atsisakyti',
    confirmed: 'Parašas patvirtintas.', refused: 'Pasirašyti atsisakyta.', expired: 'Užklausa nebegalioja (baigėsi laikas arba į ją jau atsakyta).',
    language: 'Kalba', back: 'Visi asmenys',
  },
  lv: {
    title: 'Smilškastes tālrunis', people: 'Kas paraksta ar tālruni', unknown: 'Šādas personas smilškastes tālrunī nav.',
    none: 'Parakstīšanas pieprasījumu nav. Lapa atjaunojas ik pēc 5 sekundēm.', request: 'Parakstīšanas pieprasījums',
    code: 'Kontroles kods', compare: 'Pārbaudiet, vai kods sakrīt ar vietnē redzamo.', confirm: 'Apstiprināt', refuse: 'Atteikt',
    confirmed: 'Paraksts apstiprināts.', refused: 'Parakstīšana atteikta.', expired: 'Pieprasījums vairs nav derīgs (beidzies laiks vai jau atbildēts).',
    language: 'Valoda', back: 'Visas personas',
  },
  en: {
    title: 'Sandbox phone', people: 'Who signs on the phone', unknown: 'No such person on the sandbox phone.',
    none: 'No signing requests. The page refreshes every 5 seconds.', request: 'Signing request',
    code: 'Verification code', compare: 'Check that the code matches the one the website shows.', confirm: 'Confirm', refuse: 'Refuse',
    confirmed: 'Signature confirmed.', refused: 'Signing refused.', expired: 'The request is no longer valid (timed out or already answered).',
    language: 'Language', back: 'All people',
  },
} satisfies Record<Lang, Record<string, string>>;

const LANGUAGE_NAMES: Record<Lang, string> = { lt: 'Lietuvių', lv: 'Latviešu', en: 'English' };

function langOf(value: unknown): Lang {
  return value === 'lv' || value === 'en' ? value : 'lt';
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: Response, status: number, lang: Lang, body: string, options: { refresh?: boolean; query?: Record<string, string> } = {}): void {
  const t = TEXTS[lang];
  const query = (l: Lang) => new URLSearchParams({ ...options.query, lang: l }).toString();
  const languages = (Object.keys(LANGUAGE_NAMES) as Lang[])
    .map((l) => (l === lang ? `<li><strong aria-current="true">${LANGUAGE_NAMES[l]}</strong></li>` : `<li><a href="/phone?${query(l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`))
    .join('');
  res.status(status).type('html').send(`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.refresh ? '<meta http-equiv="refresh" content="5">' : ''}
<title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:1rem auto;padding:0 1rem;line-height:1.5}
.code{font-size:2.5rem;font-weight:bold;letter-spacing:.2em}button{font-size:1.1rem;padding:.5rem 1rem;margin:.25rem .5rem .25rem 0}
nav ul{list-style:none;padding:0;display:flex;gap:1rem}section{border:1px solid #555;border-radius:.5rem;padding:1rem;margin:1rem 0}</style>
</head>
<body>
<nav aria-label="${t.language}"><ul>${languages}</ul></nav>
<main>
<h1>${t.title}</h1>
${body}
</main>
</body>
</html>`);
}

export function phoneRouter(options: PhoneRouterOptions): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const lang = langOf(req.query.lang);
    const t = TEXTS[lang];
    const personalCode = typeof req.query.personalCode === 'string' ? req.query.personalCode : undefined;
    if (!personalCode) {
      const links = options.people
        .map((p) => `<li><a href="/phone?${new URLSearchParams({ personalCode: p.personalCode, lang })}">${escape(p.name)}</a> (${escape(p.personalCode)})</li>`)
        .join('');
      return page(res, 200, lang, `<h2>${t.people}</h2><ul>${links}</ul>`);
    }
    const person = options.people.find((p) => p.personalCode === personalCode);
    if (!person) return page(res, 404, lang, `<p role="alert">${t.unknown}</p><p><a href="/phone?lang=${lang}">${t.back}</a></p>`, { query: { personalCode } });
    const done = req.query.done === 'confirmed' || req.query.done === 'refused' || req.query.done === 'expired' ? t[req.query.done] : undefined;
    const pending = options.pending(personalCode);
    const requests = pending
      .map((s, i) => `<section aria-labelledby="request-${i}">
<h3 id="request-${i}">${t.request}</h3>
<p>${escape(s.displayText)}</p>
<p>${t.code}: <span class="code">${escape(s.verificationCode)}</span></p>
<p>${t.compare}</p>
<form method="post" action="/phone/${encodeURIComponent(s.id)}/confirm"><input type="hidden" name="personalCode" value="${escape(personalCode)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${t.confirm}</button></form>
<form method="post" action="/phone/${encodeURIComponent(s.id)}/refuse"><input type="hidden" name="personalCode" value="${escape(personalCode)}"><input type="hidden" name="lang" value="${lang}"><button type="submit">${t.refuse}</button></form>
</section>`)
      .join('');
    const body = `<h2>${escape(person.name)}</h2>
<div role="status">${done ? `<p>${done}</p>` : ''}</div>
${requests || `<p>${t.none}</p>`}
<p><a href="/phone?lang=${lang}">${t.back}</a></p>`;
    // Refreshes only while nothing is pending, so a page never reloads under a person about to answer.
    page(res, 200, lang, body, { refresh: pending.length === 0, query: { personalCode } });
  });

  for (const [action, answer] of [['confirm', 'confirmed'], ['refuse', 'refused']] as const) {
    router.post(`/:sessionId/${action}`, (req, res) => {
      const lang = langOf(req.body?.lang);
      const personalCode = typeof req.body?.personalCode === 'string' ? req.body.personalCode : '';
      const ok = options.answer(personalCode, req.params.sessionId, answer);
      res.redirect(303, `/phone?${new URLSearchParams({ personalCode, lang, done: ok ? answer : 'expired' })}`);
    });
  }
  return router;
}
