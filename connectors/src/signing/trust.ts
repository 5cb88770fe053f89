/** Trust settings of a verification and the certificate checks shared by PAdES and XAdES. */
import type * as pkijs from 'pkijs';
import { commonName, validateChain } from './chain.js';
import { certificatesFromPem, parseCertificate } from './webcrypto.js';
import { checkOcsp, evaluateOcspResponse, type OcspCheck } from './ocsp.js';
import { check, type Check } from './report.js';
import { verifyTimestampToken } from './tsp.js';

export interface TrustOptions {
  /** Trusted CA certificates (PEM text, one or more blocks). */
  trustedPem: string;
  /** Check the signer's revocation status (default true): from an OCSP response the document keeps, else from the responder. */
  checkRevocation?: boolean;
  /** Never ask a responder: revocation only from validation material embedded in the document (PAdES B-LT). */
  offline?: boolean;
  signal?: AbortSignal;
}

export function trustedCertificates(trust: TrustOptions): pkijs.Certificate[] {
  return certificatesFromPem(trust.trustedPem).map(parseCertificate);
}

function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return a.isEqual(b);
}

/** The issuer of `certificate` among the given ones. */
export function findIssuer(certificate: pkijs.Certificate, candidates: pkijs.Certificate[]): pkijs.Certificate | undefined {
  return candidates.find((candidate) => candidate !== certificate && sameName(candidate.subject, certificate.issuer));
}

/**
 * Chain to a trusted CA at `at` (the timestamp's time, or now), then revocation over OCSP:
 * a certificate revoked after a trusted timestamp still vouches for what was signed before.
 */
export async function checkSignerCertificate(
  leaf: pkijs.Certificate,
  certificates: pkijs.Certificate[],
  trust: TrustOptions,
  options: { at?: Date; timestampedAt?: Date; embeddedOcsp?: Uint8Array[] } = {},
): Promise<{ chain: Check; revocation: Check }> {
  const trusted = trustedCertificates(trust);
  const chainResult = await validateChain(leaf, certificates, trusted, options.at ?? new Date());
  const chain = check(chainResult.ok, 'chains to a trusted CA', `not trusted: ${chainResult.message}`);
  if (trust.checkRevocation === false) return { chain, revocation: { status: 'skipped', message: 'revocation not checked (turned off)' } };
  const issuer = findIssuer(leaf, [...certificates, ...trusted]);
  if (!issuer) return { chain, revocation: { status: 'failed', message: "issuer certificate not found, revocation can't be checked" } };
  const ocsp = (await embeddedOcspCheck(leaf, issuer, trusted, options.embeddedOcsp ?? []))
    ?? (trust.offline ? { status: 'error', message: 'the document keeps no OCSP response for the signer certificate, and asking the responder is turned off' } as OcspCheck : await checkOcsp(leaf, issuer, trusted, { signal: trust.signal }));
  if (ocsp.status === 'good') return { chain, revocation: { status: 'passed', message: ocsp.message } };
  if (ocsp.status === 'revoked' && options.timestampedAt && ocsp.revokedAt && ocsp.revokedAt > options.timestampedAt) {
    return { chain, revocation: { status: 'passed', message: `revoked on ${ocsp.revokedAt.toISOString()}, after the signature was timestamped` } };
  }
  return { chain, revocation: { status: 'failed', message: ocsp.status === 'error' ? `revocation status unavailable: ${ocsp.message}` : `certificate ${ocsp.message}` } };
}

/** The first OCSP response kept in the document that answers for `leaf`, read without network. */
async function embeddedOcspCheck(leaf: pkijs.Certificate, issuer: pkijs.Certificate, trusted: pkijs.Certificate[], responses: Uint8Array[]): Promise<OcspCheck | undefined> {
  for (const der of responses) {
    const result = await evaluateOcspResponse(der, leaf, issuer, trusted);
    if (result.status === 'error') continue;
    const when = result.producedAt ? `, produced ${result.producedAt.toISOString()}` : '';
    return { ...result, message: `${result.message}; response kept in the document${when}` };
  }
  return undefined;
}

/**
 * What follows the signature check alike for PAdES and XAdES: the signature timestamp (B-T)
 * over `covered` when there is a token, then the signer's chain and revocation at its time.
 */
export async function checkTimestampAndSigner(
  token: Uint8Array | undefined,
  covered: () => Uint8Array,
  leaf: pkijs.Certificate | undefined,
  certificates: pkijs.Certificate[],
  trust: TrustOptions,
  noSigner: string,
  embeddedOcsp: Uint8Array[] = [],
): Promise<{ timestamp: Date | undefined; timestampCheck: Check; chain: Check; revocation: Check }> {
  let timestampCheck: Check = { status: 'skipped', message: 'no signature timestamp (B-B)' };
  let timestamp: Date | undefined;
  if (token) {
    const result = await verifyTimestampToken(token, covered(), trustedCertificates(trust));
    timestamp = result.ok ? result.genTime : undefined;
    timestampCheck = check(result.ok, `timestamped at ${result.genTime?.toISOString()} by ${result.tsa ? commonName(result.tsa) : 'a TSA'}`, result.problems.join('; '));
  }
  const { chain, revocation } = leaf
    ? await checkSignerCertificate(leaf, certificates, trust, { at: timestamp, timestampedAt: timestamp, embeddedOcsp })
    : { chain: { status: 'failed', message: noSigner } as Check, revocation: { status: 'skipped', message: 'no signer certificate' } as Check };
  return { timestamp, timestampCheck, chain, revocation };
}
