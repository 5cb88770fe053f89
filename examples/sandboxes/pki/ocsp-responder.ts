/**
 * Sandbox OCSP responder (RFC 6960) for the test PKI's issuing CA: answers good / revoked /
 * unknown from the PKI's records, signed by a delegated responder certificate
 * (id-kp-OCSPSigning, id-pkix-ocsp-nocheck). POST, and GET with the base64 request in the path.
 * The same server publishes the issuing CA's CRL at /crl.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '@konstruktor/connectors';
import { listen, type RunningServer } from './http.js';
import type { TestPki } from './ca.js';

const ID_PKIX_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const ID_PKIX_OCSP_NONCE = '1.3.6.1.5.5.7.48.1.2';
const HASHES: Record<string, string> = { '1.3.14.3.2.26': 'SHA-1', '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' };

export interface OcspResponderOptions {
  pki: TestPki;
  port?: number;
  /** Makes this the PKI's default OCSP and CRL URLs for certificates issued from now on (default true). */
  setAsDefault?: boolean;
}

export interface OcspResponder extends RunningServer {
  /** Number of requests answered, for tests that check a verifier asked. */
  requests(): number;
}

export async function startOcspResponder(options: OcspResponderOptions): Promise<OcspResponder> {
  const { pki } = options;
  const responder = await pki.issue({ subject: 'Konstruktor Test OCSP Responder', usage: 'ocsp' });
  const responderCert = pkijs.Certificate.fromBER(responder.certificate.rawData);
  const issuerCert = pkijs.Certificate.fromBER(pki.issuing.certificate.rawData);
  let count = 0;

  async function answer(der: Uint8Array): Promise<Uint8Array> {
    let request: pkijs.OCSPRequest;
    try {
      request = pkijs.OCSPRequest.fromBER(toArrayBuffer(der));
    } catch {
      return errorResponse(1); // malformedRequest
    }
    count += 1;
    // Whole seconds: NSS rejects GeneralizedTime with fractions as a malformed response.
    const now = wholeSeconds(new Date());
    const basic = new pkijs.BasicOCSPResponse();
    basic.tbsResponseData.responderID = responderCert.subject;
    basic.tbsResponseData.producedAt = now;
    for (const { reqCert } of request.tbsRequest.requestList) {
      const single = new pkijs.SingleResponse({ certID: reqCert, thisUpdate: now, nextUpdate: new Date(now.getTime() + 60 * 60 * 1000) });
      single.certStatus = await statusOf(reqCert);
      basic.tbsResponseData.responses.push(single);
    }
    const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === ID_PKIX_OCSP_NONCE);
    if (nonce) basic.tbsResponseData.responseExtensions = [nonce];
    basic.certs = [responderCert];
    await basic.sign(responder.privateKey, 'SHA-256');
    const response = new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: 0 }),
      responseBytes: new pkijs.ResponseBytes({
        responseType: ID_PKIX_OCSP_BASIC,
        response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
      }),
    });
    return new Uint8Array(response.toSchema().toBER(false));
  }

  async function statusOf(certID: pkijs.CertID): Promise<asn1js.BaseBlock> {
    const hash = HASHES[certID.hashAlgorithm.algorithmId];
    const ours =
      hash !== undefined &&
      equal(certID.issuerNameHash.valueBlock.valueHexView, await webcrypto.subtle.digest(hash, issuerCert.subject.toSchema().toBER(false))) &&
      equal(certID.issuerKeyHash.valueBlock.valueHexView, await webcrypto.subtle.digest(hash, issuerCert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
    const status = ours ? pki.status(Buffer.from(certID.serialNumber.valueBlock.valueHexView).toString('hex')) : { status: 'unknown' as const };
    if (status.status === 'good') return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
    if (status.status === 'revoked') {
      return new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 1 },
        value: [
          new asn1js.GeneralizedTime({ valueDate: wholeSeconds(status.revokedAt) }),
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Enumerated({ value: status.reason })] }),
        ],
      });
    }
    return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } });
  }

  const server = await listen(
    async ({ method, path, body }) => {
      if (method === 'GET' && path === '/crl') return { status: 200, type: 'application/pkix-crl', body: await pki.crl() };
      const der = method === 'GET' ? new Uint8Array(Buffer.from(decodeURIComponent(path.replace(/^\/ocsp\/?/, '')), 'base64')) : body;
      return { status: 200, type: 'application/ocsp-response', body: await answer(der) };
    },
    { port: options.port, path: '/ocsp' },
  );
  if (options.setAsDefault !== false) {
    pki.ocspUrl = server.url;
    pki.crlUrl = server.url.replace(/\/ocsp$/, '/crl');
  }
  return { ...server, requests: () => count };
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function errorResponse(status: number): Uint8Array {
  return new Uint8Array(new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) }).toSchema().toBER(false));
}

function equal(a: Uint8Array, b: ArrayBuffer): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
