/**
 * Verifies a signed document (PAdES PDF, ASiC-E) with the signing connectors' verifier, trusting
 * the CAs the verify connector trusts (CONNECTOR_SECRET_SIGNING_TRUSTED_CA), and says what a
 * person needs: valid or not, who signed and when, at which level, and why not.
 */
import { isPdf, lookupSecret, secretsFromEnv, SIGNING_SECRETS, verifyDocument, type VerificationReport } from '@konstruktor/connectors';
import type { Locale } from '../forms/start-form.js';
import type { DocumentSignature, SignatureFailure } from './document.entity.js';

const ASIC = new Set(['application/vnd.etsi.asic-e+zip']);

/** Whether the file carries signatures to verify: a PDF with a signature dictionary, or an ASiC-E container. */
export function isSignedKind(document: { mediaType: string; content: Buffer }): boolean {
  if (ASIC.has(document.mediaType)) return true;
  return document.mediaType === 'application/pdf' && isPdf(document.content) && document.content.includes('/ByteRange');
}

const REASONS: Record<SignatureFailure, Record<Locale, string>> = {
  integrity: {
    lt: 'Dokumentas pakeistas po pasirašymo.', lv: 'Dokuments ir mainīts pēc parakstīšanas.', en: 'The document was changed after it was signed.',
  },
  signature: {
    lt: 'Parašas neatitinka dokumento.', lv: 'Paraksts neatbilst dokumentam.', en: 'The signature does not match the document.',
  },
  chain: {
    lt: 'Pasirašiusiojo sertifikatas neišduotas patikimos įstaigos.', lv: 'Parakstītāja sertifikātu nav izdevusi uzticama iestāde.', en: "The signer's certificate was not issued by a trusted authority.",
  },
  revocation: {
    lt: 'Pasirašiusiojo sertifikatas atšauktas arba jo būsenos nepavyko patikrinti.', lv: 'Parakstītāja sertifikāts ir atsaukts, vai tā statusu neizdevās pārbaudīt.', en: "The signer's certificate is revoked, or its status could not be checked.",
  },
  timestamp: {
    lt: 'Parašo laiko žyma negalioja.', lv: 'Paraksta laika zīmogs nav derīgs.', en: "The signature's timestamp is not valid.",
  },
  document: {
    lt: 'Dokumentas pažeistas arba neturi galiojančio parašo.', lv: 'Dokuments ir bojāts vai tam nav derīga paraksta.', en: 'The document is damaged or carries no valid signature.',
  },
  unverifiable: {
    lt: 'Parašų šiuo metu patikrinti negalima.', lv: 'Parakstus pašlaik nevar pārbaudīt.', en: 'The signatures cannot be checked at the moment.',
  },
};

/** The reason a verification failed, in `locale`; null when it is valid. */
export function signatureReason(signature: DocumentSignature, locale: Locale): string | null {
  return signature.failure ? REASONS[signature.failure][locale] : null;
}

/** A verification that says nothing lasting (an OCSP responder or the trust settings missing): checked again next time. */
export function isTransient(signature: DocumentSignature): boolean {
  return signature.failure === 'unverifiable' || (signature.failure === 'revocation' && /unavailable/.test(signature.detail ?? ''));
}

const CHECKS = ['integrity', 'signature', 'chain', 'revocation', 'timestamp'] as const;

/** The report in the terms kept: the first signature speaks for signer, time and level; the first failure for the reason. */
export function summarize(report: VerificationReport, checkedAt: Date, sha256: string): DocumentSignature {
  const first = report.signatures[0];
  const invalid = report.signatures.find((s) => !s.valid);
  const failedCheck = invalid ? CHECKS.find((name) => invalid.checks[name].status === 'failed') : undefined;
  const failure: SignatureFailure | null = report.valid ? null : failedCheck ?? 'document';
  const detail = report.valid ? null : failedCheck ? invalid!.checks[failedCheck].message : report.problems[0] ?? 'not valid';
  return {
    valid: report.valid,
    signer: first && first.signer !== 'unknown' ? first.signer : null,
    signedAt: (first?.timestamp ?? first?.claimedSigningTime)?.toISOString() ?? null,
    level: first ? `${first.format} ${first.level}` : null,
    failure, detail, checkedAt: checkedAt.toISOString(), sha256,
  };
}

/** Verifies `content`, whose SHA-256 is `sha256`. */
export type SignatureChecker = (content: Buffer, sha256: string) => Promise<DocumentSignature>;

/** The checker of this deployment: trusting the verify connector's CAs, asking OCSP about the signer. */
export function signatureCheckerFromEnv(env: NodeJS.ProcessEnv): SignatureChecker {
  const trustedPem = lookupSecret(secretsFromEnv(env), SIGNING_SECRETS.trustedCa);
  return async (content, sha256) => {
    if (!trustedPem) {
      return { valid: false, signer: null, signedAt: null, level: null, failure: 'unverifiable', detail: `no trusted CA configured (CONNECTOR_SECRET_${SIGNING_SECRETS.trustedCa})`, checkedAt: new Date().toISOString(), sha256 };
    }
    const report = await verifyDocument(new Uint8Array(content), { trustedPem, signal: AbortSignal.timeout(30_000) });
    return summarize(report, new Date(), sha256);
  };
}
