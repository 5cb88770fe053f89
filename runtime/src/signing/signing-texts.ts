/** What the official reads about his personal signature, in lt, lv and en. */
import type { Locale } from '../forms/start-form.js';
import type { PersonalSignatureStatus } from './personal-signature.entity.js';

const TEXTS = {
  pending: {
    lt: 'Patvirtinkite parašą telefone. Patikrinkite, ar telefone rodomas kontrolinis kodas {code}.',
    lv: 'Apstipriniet parakstu tālrunī. Pārbaudiet, vai tālrunī redzams kontroles kods {code}.',
    en: 'Confirm the signature on your phone. Check that the phone shows the verification code {code}.',
  },
  signed: {
    lt: 'Pasirašyta: {filename}. Parašas patikrintas (PAdES B-LT).',
    lv: 'Parakstīts: {filename}. Paraksts pārbaudīts (PAdES B-LT).',
    en: 'Signed: {filename}. The signature was verified (PAdES B-LT).',
  },
  refused: {
    lt: 'Telefone pasirašyti atsisakyta. Niekas nepasirašyta.',
    lv: 'Parakstīšana tālrunī atteikta. Nekas netika parakstīts.',
    en: 'You refused to sign on the phone. Nothing was signed.',
  },
  timeout: {
    lt: 'Parašas telefone nepatvirtintas laiku. Niekas nepasirašyta; bandykite dar kartą.',
    lv: 'Paraksts tālrunī netika laikus apstiprināts. Nekas netika parakstīts; mēģiniet vēlreiz.',
    en: 'The signature was not confirmed on the phone in time. Nothing was signed; try again.',
  },
  failed: {
    lt: 'Pasirašyti nepavyko: parašo nepavyko sukurti arba patikrinti. Niekas neišsaugota; bandykite dar kartą.',
    lv: 'Parakstīt neizdevās: parakstu nevarēja izveidot vai pārbaudīt. Nekas netika saglabāts; mēģiniet vēlreiz.',
    en: 'Signing failed: the signature could not be made or verified. Nothing was stored; try again.',
  },
} satisfies Record<PersonalSignatureStatus, Record<Locale, string>>;

export function signatureMessage(status: PersonalSignatureStatus, locale: Locale, values: { code?: string | null; filename?: string }): string {
  return TEXTS[status][locale].replace('{code}', values.code ?? '…').replace('{filename}', values.filename ?? '');
}

/** What the phone shows (Smart-ID allows 60 characters). */
export function signingDisplayText(locale: Locale, filename: string): string {
  const verb = { lt: 'Pasirašyti', lv: 'Parakstīt', en: 'Sign' }[locale];
  return `${verb}: ${filename}`.slice(0, 60);
}

/** The signature's /Reason, shown by PDF readers. */
export function signingReason(locale: Locale): string {
  return { lt: 'Pasirašyta asmeniniu parašu', lv: 'Parakstīts ar personisko parakstu', en: 'Signed with a personal signature' }[locale];
}
