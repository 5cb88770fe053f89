/**
 * Where officials' personal signatures are made: the mobile-signature service (Smart-ID style,
 * MOBILE_SIGNATURE_URL and the relying party it knows us as), and the same TSA and trusted CAs
 * the platform's seal uses (CONNECTOR_SECRET_SIGNING_TSA_URL, _SIGNING_TRUSTED_CA; see
 * receipts/platform-seal.ts). `npm start` points them at the sandboxes.
 */
import { certificatesFromPem, lookupSecret, secretsFromEnv, SIGNING_SECRETS } from '@konstruktor/connectors';
import { ConfigError } from '../config.js';

export interface PersonalSigningSettings {
  mobileSignature: { url: string; relyingPartyUUID: string; relyingPartyName: string };
  /** B-LT needs a timestamp. */
  tsaUrl: string;
  /** The CAs the signed copy is verified against, and whose roots complete the chains in its DSS (PEM). */
  trustedPem: string;
  /** How long the official has to confirm on the phone (the service's own limit is usually 120 s). */
  timeoutMs: number;
}

export const MOBILE_SIGNATURE_ENV = {
  url: 'MOBILE_SIGNATURE_URL',
  relyingPartyUUID: 'MOBILE_SIGNATURE_RELYING_PARTY_UUID',
  relyingPartyName: 'MOBILE_SIGNATURE_RELYING_PARTY_NAME',
} as const;

/** The settings in `env`; null when the mobile-signature service is not configured (signing is then refused, 503). */
export function personalSigningFromEnv(env: NodeJS.ProcessEnv): PersonalSigningSettings | null {
  const url = env[MOBILE_SIGNATURE_ENV.url];
  if (!url) return null;
  const relyingPartyUUID = env[MOBILE_SIGNATURE_ENV.relyingPartyUUID];
  const relyingPartyName = env[MOBILE_SIGNATURE_ENV.relyingPartyName];
  if (!relyingPartyUUID || !relyingPartyName) {
    throw new ConfigError(`${MOBILE_SIGNATURE_ENV.url} is set: ${MOBILE_SIGNATURE_ENV.relyingPartyUUID} and ${MOBILE_SIGNATURE_ENV.relyingPartyName} are needed too`);
  }
  const secrets = secretsFromEnv(env);
  const tsaUrl = lookupSecret(secrets, SIGNING_SECRETS.tsaUrl);
  const trustedPem = lookupSecret(secrets, SIGNING_SECRETS.trustedCa);
  if (!tsaUrl || !trustedPem || certificatesFromPem(trustedPem).length === 0) {
    throw new ConfigError(`personal signatures (PAdES B-LT) need CONNECTOR_SECRET_${SIGNING_SECRETS.tsaUrl} and CONNECTOR_SECRET_${SIGNING_SECRETS.trustedCa} (PEM)`);
  }
  return { mobileSignature: { url, relyingPartyUUID, relyingPartyName }, tsaUrl, trustedPem, timeoutMs: 120_000 };
}
