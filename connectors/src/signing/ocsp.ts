/** Revocation status over OCSP (RFC 6960): the URL from the certificate's AIA, a signed answer from the CA's responder. */
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { extendedKeyUsages, validateChain } from './chain.js';
import { toArrayBuffer } from './webcrypto.js';

const ID_AD_OCSP = '1.3.6.1.5.5.7.48.1';
const ID_PKIX_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const ID_KP_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';

export interface OcspCheck {
  status: 'good' | 'revoked' | 'unknown' | 'error';
  message: string;
  revokedAt?: Date;
  producedAt?: Date;
}

/** The OCSP responder URL of a certificate's Authority Information Access extension. */
export function ocspUrlOf(certificate: pkijs.Certificate): string | undefined {
  const aia = certificate.extensions?.find((e) => e.extnID === '1.3.6.1.5.5.7.1.1');
  const access = (aia?.parsedValue as pkijs.InfoAccess | undefined)?.accessDescriptions ?? [];
  const ocsp = access.find((a) => a.accessMethod === ID_AD_OCSP && a.accessLocation.type === 6);
  return ocsp ? String(ocsp.accessLocation.value) : undefined;
}

/** Asks the certificate's OCSP responder (or `url`) and checks the answer; `response` is its DER, for a PAdES DSS. */
export async function checkOcsp(
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate,
  trusted: pkijs.Certificate[],
  options: { url?: string; signal?: AbortSignal } = {},
): Promise<OcspCheck & { response?: Uint8Array }> {
  const fetched = await fetchOcspResponse(certificate, issuer, options);
  if ('error' in fetched) return { status: 'error', message: fetched.error };
  return { ...(await evaluateOcspResponse(fetched.der, certificate, issuer, trusted)), response: fetched.der };
}

/** The responder's raw answer (an OCSPResponse, DER), or why there is none. */
export async function fetchOcspResponse(
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate,
  options: { url?: string; signal?: AbortSignal } = {},
): Promise<{ der: Uint8Array } | { error: string }> {
  const url = options.url ?? ocspUrlOf(certificate);
  if (!url) return { error: 'certificate names no OCSP responder (no AIA extension)' };
  const request = new pkijs.OCSPRequest();
  await request.createForCertificate(certificate, { hashAlgorithm: 'SHA-256', issuerCertificate: issuer });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: new Uint8Array(request.toSchema(true).toBER(false)),
      signal: options.signal ?? AbortSignal.timeout(10_000),
    });
    if (!response.ok) return { error: `OCSP responder ${url} answered HTTP ${response.status}` };
    return { der: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { error: `OCSP responder ${url} unreachable: ${(error as Error).message}` };
  }
}

/**
 * What an OCSP response says about `certificate`: fresh from the responder, or kept in a
 * document's DSS and read years later (no network either way). `error` when the response is
 * unreadable, not signed by the CA or its authorised responder, or about another certificate.
 */
export async function evaluateOcspResponse(der: Uint8Array, certificate: pkijs.Certificate, issuer: pkijs.Certificate, trusted: pkijs.Certificate[]): Promise<OcspCheck> {
  let basic: pkijs.BasicOCSPResponse;
  try {
    const ocspResponse = pkijs.OCSPResponse.fromBER(toArrayBuffer(der));
    const status = ocspResponse.responseStatus.valueBlock.valueDec;
    if (status !== 0 || !ocspResponse.responseBytes) return { status: 'error', message: `OCSP responder refused (responseStatus ${status})` };
    if (ocspResponse.responseBytes.responseType !== ID_PKIX_OCSP_BASIC) return { status: 'error', message: 'OCSP response is not a basic response' };
    basic = pkijs.BasicOCSPResponse.fromBER(ocspResponse.responseBytes.response.getValue());
  } catch (error) {
    return { status: 'error', message: `OCSP response unreadable: ${(error as Error).message}` };
  }
  const producedAt = basic.tbsResponseData.producedAt;
  // Either the CA itself signs, or a responder it authorised (id-kp-OCSPSigning, issued by the same CA).
  const responder = basic.certs?.[0];
  if (!responder) return { status: 'error', message: 'OCSP response carries no responder certificate', producedAt };
  const byCa = sameKey(issuer, responder);
  if (!byCa && !extendedKeyUsages(responder).includes(ID_KP_OCSP_SIGNING)) return { status: 'error', message: 'OCSP response signed by a certificate not authorised for OCSP', producedAt };
  const signed = await basic.verify({ trustedResponders: [responder] }).catch(() => false);
  if (!signed) return { status: 'error', message: 'OCSP response signature invalid', producedAt };
  // The responder's certificate as it was when it answered: a response kept in a document stays checkable after it expires.
  if (!byCa) {
    const chain = await validateChain(responder, [issuer], trusted, producedAt);
    if (!chain.ok || !chain.path[1] || !sameKey(chain.path[1], issuer)) return { status: 'error', message: `OCSP responder not authorised by the certificate's CA${chain.ok ? '' : `: ${chain.message}`}`, producedAt };
  }
  const single = await findSingle(basic, certificate, issuer);
  if (!single) return { status: 'error', message: 'OCSP response does not cover this certificate', producedAt };
  const certStatus = single.certStatus as asn1js.BaseBlock;
  switch (certStatus.idBlock.tagNumber) {
    case 0:
      return { status: 'good', message: 'not revoked (OCSP)', producedAt };
    case 1: {
      const revokedAt = ((certStatus as asn1js.Constructed).valueBlock.value[0] as asn1js.GeneralizedTime | undefined)?.toDate();
      return { status: 'revoked', message: `revoked${revokedAt ? ` on ${revokedAt.toISOString()}` : ''} (OCSP)`, revokedAt, producedAt };
    }
    default:
      return { status: 'unknown', message: 'unknown to the CA (OCSP)', producedAt };
  }
}

async function findSingle(basic: pkijs.BasicOCSPResponse, certificate: pkijs.Certificate, issuer: pkijs.Certificate): Promise<pkijs.SingleResponse | undefined> {
  for (const single of basic.tbsResponseData.responses) {
    if (!single.certID.serialNumber.isEqual(certificate.serialNumber)) continue;
    const algorithm = single.certID.hashAlgorithm.algorithmId === '1.3.14.3.2.26' ? 'SHA-1' : 'SHA-256';
    const expected = new pkijs.CertID();
    await expected.createForCertificate(certificate, { hashAlgorithm: algorithm, issuerCertificate: issuer });
    if (expected.isEqual(single.certID)) return single;
  }
  return undefined;
}

function sameKey(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return Buffer.from(a.subjectPublicKeyInfo.toSchema().toBER(false)).equals(Buffer.from(b.subjectPublicKeyInfo.toSchema().toBER(false)));
}
