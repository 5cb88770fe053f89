/**
 * The platform's seal over submission receipts: the same seal the signing connectors use
 * (CONNECTOR_SECRET_SIGNING_KEY and _CERT; `npm start` passes the sandbox CA's), PAdES B-T when
 * a timestamping authority is configured (CONNECTOR_SECRET_SIGNING_TSA_URL), else B-B.
 */
import { lookupSecret, sealSigner, secretsFromEnv, signPdf, SIGNING_SECRETS, type PadesLevel } from '@konstruktor/connectors';

export interface PlatformSeal {
  level: PadesLevel;
  seal(pdf: Uint8Array, reason: string): Promise<Uint8Array>;
}

/** The seal configured in `env`; null when it is not (receipts then wait, unsealed). A key or certificate that cannot be read throws. */
export function platformSealFromEnv(env: NodeJS.ProcessEnv): PlatformSeal | null {
  const source = secretsFromEnv(env);
  const secrets: Record<string, string> = {};
  for (const name of [SIGNING_SECRETS.key, SIGNING_SECRETS.certificate, SIGNING_SECRETS.tsaUrl]) {
    const value = lookupSecret(source, name);
    if (value) secrets[name] = value;
  }
  if (!secrets[SIGNING_SECRETS.key] || !secrets[SIGNING_SECRETS.certificate]) return null;
  const signer = sealSigner(secrets);
  const tsaUrl = secrets[SIGNING_SECRETS.tsaUrl];
  const level: PadesLevel = tsaUrl ? 'B-T' : 'B-B';
  return {
    level,
    seal: (pdf, reason) => signPdf(pdf, { signer, level, ...(tsaUrl ? { tsaUrl } : {}), reason, signal: AbortSignal.timeout(60_000) }),
  };
}
