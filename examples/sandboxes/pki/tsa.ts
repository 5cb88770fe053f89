/** Sandbox timestamping authority (RFC 3161) signing with a TSA certificate of the test PKI. */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { encodeSignedData, localKeySigner, OID, signCms, toArrayBuffer } from '@konstruktor/connectors';
import { listen, type RunningServer } from './http.js';
import type { TestPki } from './ca.js';

/** A policy under the OID arc reserved for examples (2.999). */
export const TSA_POLICY = '2.999.3161.1';
const SUPPORTED_HASHES = new Set(['2.16.840.1.101.3.4.2.1', '2.16.840.1.101.3.4.2.2', '2.16.840.1.101.3.4.2.3']);

export async function startTimestampAuthority(options: { pki: TestPki; port?: number }): Promise<RunningServer & { requests(): number }> {
  const tsa = await options.pki.issue({ subject: 'Konstruktor Test TSA', usage: 'tsa' });
  const signer = localKeySigner({ keyPem: tsa.keyPem, certificatePem: tsa.chainPem });
  let count = 0;

  async function answer(der: Uint8Array): Promise<Uint8Array> {
    let request: pkijs.TimeStampReq;
    try {
      request = pkijs.TimeStampReq.fromBER(toArrayBuffer(der));
    } catch {
      return rejection('request is not a DER TimeStampReq', 5); // badDataFormat
    }
    if (!SUPPORTED_HASHES.has(request.messageImprint.hashAlgorithm.algorithmId)) return rejection('unsupported hash algorithm', 0); // badAlg
    if (request.reqPolicy && request.reqPolicy !== TSA_POLICY) return rejection('unaccepted policy', 15); // unacceptedPolicy
    count += 1;
    const info = new pkijs.TSTInfo({
      version: 1,
      policy: TSA_POLICY,
      messageImprint: request.messageImprint,
      serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(serial()) }),
      genTime: new Date(),
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    const { signedData } = await signCms({ signer, eContentType: OID.tstInfo, eContent: new Uint8Array(info.toSchema().toBER(false)) });
    if (!request.certReq) signedData.certificates = undefined;
    const token = pkijs.ContentInfo.fromBER(toArrayBuffer(encodeSignedData(signedData)));
    const response = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }), timeStampToken: token });
    return new Uint8Array(response.toSchema().toBER(false));
  }

  const server = await listen(
    async ({ method, body }) => {
      if (method !== 'POST') return { status: 405, type: 'text/plain', body: 'POST an application/timestamp-query' };
      return { status: 200, type: 'application/timestamp-reply', body: await answer(body) };
    },
    { port: options.port, path: '/tsa' },
  );
  return { ...server, requests: () => count };
}

function serial(): Uint8Array {
  const bytes = webcrypto.getRandomValues(new Uint8Array(10));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes;
}

function rejection(text: string, failBit: number): Uint8Array {
  const bits = new Uint8Array(4);
  bits[failBit >> 3] = 0x80 >> (failBit & 7);
  const status = new pkijs.PKIStatusInfo({
    status: pkijs.PKIStatus.rejection,
    statusStrings: [new asn1js.Utf8String({ value: text })],
    failInfo: new asn1js.BitString({ valueHex: toArrayBuffer(bits) }),
  });
  return new Uint8Array(new pkijs.TimeStampResp({ status }).toSchema().toBER(false));
}
