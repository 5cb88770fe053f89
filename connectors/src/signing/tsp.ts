/** RFC 3161 timestamps: ask a TSA for a token over some data, and check a token. */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { validateChain, extendedKeyUsages, type ChainResult } from './chain.js';
import { decodeSignedData, OID } from './cms.js';
import { digest, digestAlgorithmOf, DIGEST_OIDS, toArrayBuffer, type DigestAlgorithm } from './webcrypto.js';

const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

export class TimestampError extends Error {}

/** Returns the timestamp token (a CMS ContentInfo, DER) over the digest of `data`. */
export async function requestTimestamp(url: string, data: Uint8Array, options: { algorithm?: DigestAlgorithm; signal?: AbortSignal } = {}): Promise<Uint8Array> {
  const algorithm = options.algorithm ?? 'SHA-256';
  const hashed = await digest(algorithm, data);
  const nonce = webcrypto.getRandomValues(new Uint8Array(8));
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[algorithm] }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(hashed) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: new Uint8Array(request.toSchema().toBER(false)),
    signal: options.signal ?? AbortSignal.timeout(15_000),
  }).catch((error: Error) => {
    throw new TimestampError(`TSA ${url} unreachable: ${error.message}`);
  });
  if (!response.ok) throw new TimestampError(`TSA ${url} answered HTTP ${response.status}`);
  const resp = pkijs.TimeStampResp.fromBER(await response.arrayBuffer());
  if (resp.status.status > 1 || !resp.timeStampToken) {
    throw new TimestampError(`TSA ${url} refused the request (status ${resp.status.status}${resp.status.statusStrings ? `: ${resp.status.statusStrings.map((s) => s.valueBlock.value).join('; ')}` : ''})`);
  }
  const token = new Uint8Array(resp.timeStampToken.toSchema().toBER(false));
  const info = tstInfoOf(decodeSignedData(token));
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(Buffer.from(nonce))) throw new TimestampError('TSA answered with a different nonce');
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(hashed))) throw new TimestampError('TSA timestamped a different digest');
  return token;
}

function tstInfoOf(signedData: pkijs.SignedData): pkijs.TSTInfo {
  const content = signedData.encapContentInfo;
  if (content.eContentType !== OID.tstInfo || !content.eContent) throw new TimestampError('not a timestamp token (no TSTInfo)');
  return pkijs.TSTInfo.fromBER(content.eContent.getValue());
}

export interface TimestampCheck {
  ok: boolean;
  problems: string[];
  genTime?: Date;
  tsa?: pkijs.Certificate;
  chain?: ChainResult;
}

/** Checks a token: imprint over `data`, the TSA's signature, its timestamping certificate and its chain to a trusted CA. */
export async function verifyTimestampToken(token: Uint8Array, data: Uint8Array, trusted: pkijs.Certificate[]): Promise<TimestampCheck> {
  const problems: string[] = [];
  let signedData: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    signedData = decodeSignedData(token);
    info = tstInfoOf(signedData);
  } catch (error) {
    return { ok: false, problems: [`timestamp token unreadable: ${(error as Error).message}`] };
  }
  const algorithm = digestAlgorithmOf(info.messageImprint.hashAlgorithm.algorithmId);
  const imprintOk = algorithm !== undefined && Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(await digest(algorithm, data)));
  if (!algorithm) problems.push(`timestamp uses an unsupported digest ${info.messageImprint.hashAlgorithm.algorithmId}`);
  else if (!imprintOk) problems.push('timestamp does not cover this signature (message imprint differs)');
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  let tsa: pkijs.Certificate | undefined;
  if (imprintOk) {
    // pkijs checks the imprint against the data, then the TSA's signature over the TSTInfo.
    try {
      const result = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true });
      if (result.signatureVerified !== true) problems.push('timestamp signature invalid');
      tsa = result.signerCertificate ?? undefined;
    } catch (error) {
      problems.push(`timestamp signature invalid: ${(error as Error).message}`);
    }
  }
  let chain: ChainResult | undefined;
  if (tsa) {
    if (!extendedKeyUsages(tsa).includes(ID_KP_TIME_STAMPING)) problems.push('timestamp signed by a certificate without the timeStamping extended key usage');
    chain = await validateChain(tsa, certificates, trusted, info.genTime);
    if (!chain.ok) problems.push(`timestamp authority not trusted: ${chain.message}`);
  }
  return { ok: problems.length === 0, problems, genTime: info.genTime, tsa, chain };
}
