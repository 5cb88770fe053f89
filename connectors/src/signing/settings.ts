/**
 * Where the signing connectors find the agency's seal and the trust settings: host
 * configuration handed over as connector secrets (the key is a real secret; the TSA address and
 * the trusted CAs travel the same way so one secret store configures a deployment).
 */
import { localKeySigner, type RemoteSigner } from './remote-signer.js';

export const SIGNING_SECRETS = {
  /** PEM private key (PKCS#8) of the agency's signing certificate. */
  key: 'SIGNING_KEY',
  /** PEM certificate chain of the signer: its certificate first, then the issuing CAs. */
  certificate: 'SIGNING_CERT',
  /** RFC 3161 timestamping authority, for B-T and B-LT signatures. */
  tsaUrl: 'SIGNING_TSA_URL',
  /** PEM certificates of the CAs a verification trusts. */
  trustedCa: 'SIGNING_TRUSTED_CA',
} as const;

export function sealSigner(secrets: Record<string, string>): RemoteSigner {
  const missing = [SIGNING_SECRETS.key, SIGNING_SECRETS.certificate].filter((name) => !secrets[name]);
  if (missing.length) throw new Error(`signing is not configured: secret ${missing.join(' and ')} missing`);
  return localKeySigner({ keyPem: secrets[SIGNING_SECRETS.key]!, certificatePem: secrets[SIGNING_SECRETS.certificate]! });
}

export function tsaUrlOf(secrets: Record<string, string>, level: string): string | undefined {
  const url = secrets[SIGNING_SECRETS.tsaUrl];
  if (level !== 'B-B' && !url) throw new Error(`level ${level} needs a timestamping authority: secret ${SIGNING_SECRETS.tsaUrl} missing`);
  return url;
}
