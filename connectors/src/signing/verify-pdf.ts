/**
 * Verifies every signature of a PDF: byte ranges, CMS signature, chain, OCSP, signature
 * timestamp. A B-LT document's DSS supplies certificates and OCSP responses, so its revocation is
 * checked without network; an incremental update after the last signature that only adds the
 * DSS is not a change to the signed document.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { commonName } from './chain.js';
import { decodeSignedData, findAttribute, OID } from './cms.js';
import { digest, digestAlgorithmOf, toArrayBuffer } from './webcrypto.js';
import { check, finish, type Check, type DocumentTimestampReport, type SignatureReport, type VerificationReport } from './report.js';
import { checkTimestampAndSigner, trustedCertificates, type TrustOptions } from './trust.js';
import { verifyTimestampToken } from './tsp.js';
import { onlyValidationMaterialAppended, readValidationMaterial, type ValidationMaterial } from './pades-ltv.js';
import { parseCertificate } from './webcrypto.js';

interface PdfSignature {
  byteRange: [number, number, number, number];
  cms: Uint8Array;
  subFilter?: string;
  claimedSigningTime?: Date;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

function findSignatures(pdf: Uint8Array, problems: string[]): PdfSignature[] {
  const text = Buffer.from(pdf).toString('latin1');
  const found: PdfSignature[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
    const contents = text.slice(a + b, c);
    if (a !== 0 || c + d > pdf.length || !/^<[0-9a-fA-F]*>$/.test(contents)) {
      problems.push(`signature ${found.length + 1}: byte range [${a} ${b} ${c} ${d}] does not frame its /Contents`);
      continue;
    }
    const der = Buffer.from(contents.slice(1, -1), 'hex');
    // /Contents is zero-padded to the placeholder's size; the DER header says where the CMS ends.
    const parsed = asn1js.fromBER(der);
    const cms = new Uint8Array(der.subarray(0, parsed.offset > 0 ? parsed.offset : der.length));
    const before = text.slice(Math.max(0, match.index - 600), match.index);
    const after = text.slice(c, c + 600).split('endobj')[0] ?? '';
    const subFilter = [...before.matchAll(/\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/g)].pop()?.[1];
    const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(after);
    const claimedSigningTime = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
    found.push({ byteRange: [a, b, c, d], cms, subFilter, claimedSigningTime });
  }
  return found;
}

export async function verifyPdf(pdf: Uint8Array, trust: TrustOptions): Promise<VerificationReport> {
  const problems: string[] = [];
  const found = findSignatures(pdf, problems);
  if (found.length === 0 && problems.length === 0) problems.push('the PDF has no signature');
  const material = Buffer.from(pdf).includes('/DSS') ? await readValidationMaterial(pdf).catch(() => undefined) : undefined;
  const signatures: SignatureReport[] = [];
  const documentTimestamps: DocumentTimestampReport[] = [];
  for (const signature of found) {
    if (signature.subFilter !== 'ETSI.RFC3161') {
      signatures.push(await verifyOne(pdf, signature, trust, material));
      continue;
    }
    const stamp = await verifyDocumentTimestamp(pdf, signature, trust);
    documentTimestamps.push(stamp);
    // A valid document timestamp over B-LT signatures (their DSS included) makes them B-LTA.
    if (stamp.valid) for (const earlier of signatures) if (earlier.level === 'B-LT') earlier.level = 'B-LTA';
  }
  const last = found.at(-1);
  const signedLength = last ? last.byteRange[2] + last.byteRange[3] : pdf.length;
  if (signedLength !== pdf.length && !(await onlyValidationMaterialAppended(pdf, signedLength))) {
    problems.push('the document was changed after the last signature (bytes appended outside its byte range)');
  }
  return {
    valid: problems.length === 0 && signatures.length > 0 && signatures.every((s) => s.valid) && documentTimestamps.every((t) => t.valid),
    problems, signatures, ...(documentTimestamps.length ? { documentTimestamps } : {}),
  };
}

/** A document timestamp: the token's imprint over the byte ranges, the TSA's signature and chain. */
async function verifyDocumentTimestamp(pdf: Uint8Array, signature: PdfSignature, trust: TrustOptions): Promise<DocumentTimestampReport> {
  const [a, b, c, d] = signature.byteRange;
  const covered = new Uint8Array(Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
  const result = await verifyTimestampToken(signature.cms, covered, trustedCertificates(trust));
  return { tsa: result.tsa ? commonName(result.tsa) : 'unknown', time: result.genTime, valid: result.ok, problems: result.problems };
}

async function verifyOne(pdf: Uint8Array, signature: PdfSignature, trust: TrustOptions, material: ValidationMaterial | undefined): Promise<SignatureReport> {
  const [a, b, c, d] = signature.byteRange;
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const failedAll = (message: string): SignatureReport => {
    const failed: Check = { status: 'failed', message };
    return finish({ signer: 'unknown', format: 'PAdES', level: 'B-B', checks: { integrity: failed, signature: failed, chain: failed, revocation: failed, timestamp: failed } });
  };
  let signedData: pkijs.SignedData;
  try {
    signedData = decodeSignedData(signature.cms);
  } catch (error) {
    return failedAll(`signature unreadable: ${(error as Error).message}`);
  }
  const signerInfo = signedData.signerInfos[0];
  const certificates = [
    ...(signedData.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate),
    ...(material?.certificates ?? []).flatMap((der) => { try { return [parseCertificate(der)]; } catch { return []; } }),
  ];
  if (!signerInfo) return failedAll('CMS has no signer');
  const algorithm = digestAlgorithmOf(signerInfo.digestAlgorithm.algorithmId);
  const messageDigest = findAttribute(signerInfo.signedAttrs, OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  const integrityOk = !!algorithm && !!messageDigest && Buffer.from(messageDigest.valueBlock.valueHexView).equals(await digest(algorithm, signedBytes));
  const integrity = check(integrityOk, 'the signed byte ranges are unchanged', 'the document was modified after signing (digest mismatch)');

  let signatureCheck: Check = { status: 'skipped', message: 'not checked: the signed content changed' };
  let leaf: pkijs.Certificate | undefined;
  if (integrityOk) {
    try {
      const result = await signedData.verify({ signer: 0, data: toArrayBuffer(new Uint8Array(signedBytes)), checkChain: false, extendedMode: true });
      leaf = result.signerCertificate ?? undefined;
      signatureCheck = check(result.signatureVerified === true, 'the signature matches the signer certificate', 'the signature value is invalid');
    } catch (error) {
      signatureCheck = { status: 'failed', message: `the signature value is invalid: ${(error as Error).message}` };
    }
  }
  leaf ??= certificates.find((x) => signerInfo.sid instanceof pkijs.IssuerAndSerialNumber && x.serialNumber.isEqual(signerInfo.sid.serialNumber));
  if (signatureCheck.status === 'passed') {
    const problem = await signingCertificateProblem(signerInfo, leaf!);
    if (problem) signatureCheck = { status: 'failed', message: problem };
    else if (signature.subFilter !== 'ETSI.CAdES.detached') signatureCheck = { status: 'passed', message: `valid, but SubFilter ${signature.subFilter ?? 'missing'} is not PAdES (ETSI.CAdES.detached)` };
  }

  const tokenAttribute = findAttribute(signerInfo.unsignedAttrs, OID.signatureTimeStampToken);
  const token = tokenAttribute ? new Uint8Array((tokenAttribute.values[0] as asn1js.BaseBlock).toBER(false)) : undefined;
  const { timestamp, timestampCheck, chain, revocation } = await checkTimestampAndSigner(
    token, () => new Uint8Array(signerInfo.signature.valueBlock.valueHexView), leaf, certificates, trust, 'signer certificate not in the signature', material?.ocspResponses,
  );
  const leafDer = leaf ? Buffer.from(leaf.toSchema().toBER(false)) : undefined;
  const keepsValidationMaterial = !!leafDer && !!material?.ocspResponses.length && material.certificates.some((der) => leafDer.equals(der));
  return finish({
    signer: leaf ? commonName(leaf) : 'unknown',
    format: 'PAdES',
    level: tokenAttribute ? (keepsValidationMaterial ? 'B-LT' : 'B-T') : 'B-B',
    claimedSigningTime: signature.claimedSigningTime,
    timestamp,
    checks: { integrity, signature: signatureCheck, chain, revocation, timestamp: timestampCheck },
  });
}

/** PAdES requires signing-certificate-v2 naming the very certificate that verifies the signature. */
async function signingCertificateProblem(signerInfo: pkijs.SignerInfo, leaf: pkijs.Certificate): Promise<string | undefined> {
  const attribute = findAttribute(signerInfo.signedAttrs, OID.signingCertificateV2);
  if (!attribute) return 'the signing-certificate-v2 attribute is missing';
  const essCertId = ((attribute.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  const fields = essCertId.valueBlock.value;
  const hasAlgorithm = fields[0] instanceof asn1js.Sequence;
  const algorithm = hasAlgorithm ? digestAlgorithmOf(new pkijs.AlgorithmIdentifier({ schema: fields[0] }).algorithmId) : 'SHA-256';
  const certHash = fields[hasAlgorithm ? 1 : 0] as asn1js.OctetString;
  if (!algorithm) return 'signing-certificate-v2 uses an unsupported digest';
  const actual = await digest(algorithm, new Uint8Array(leaf.toSchema().toBER(false)));
  return Buffer.from(certHash.valueBlock.valueHexView).equals(actual) ? undefined : 'signing-certificate-v2 names a different certificate';
}
