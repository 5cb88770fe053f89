/**
 * PAdES B-LT (ETSI EN 319 142-1 5.4): after a B-T signature, an incremental update adds the
 * Document Security Store — the full certificate chains of the signer and of the TSA, and the
 * OCSP responses for both leaf certificates fetched now — so the signature validates offline
 * once the responders are gone. @libpdf/core writes the incremental update (pdf-lib cannot);
 * what goes into the DSS is chosen here. The DSS is also read back here, for the verifier.
 */
import { createHash } from 'node:crypto';
import { HttpTimestampAuthority, PDF, PdfArray, PdfDict, PdfName, PdfRef, PdfStream, PdfString } from '@libpdf/core';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { commonName } from './chain.js';
import { decodeSignedData, findAttribute, OID } from './cms.js';
import { fetchOcspResponse, ocspUrlOf } from './ocsp.js';
import { findIssuer } from './trust.js';
import { parseCertificate, toArrayBuffer } from './webcrypto.js';

/** Validation material kept in a PDF's DSS. */
export interface ValidationMaterial {
  certificates: Uint8Array[];
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
}

export interface LtvOptions {
  /** CA certificates (DER) that complete the chains, typically the roots the CMS leaves out. */
  caCertificates?: Uint8Array[];
  signal?: AbortSignal;
}

/** Thrown when the validation material can't be had: B-LT is then not reached, and nothing is returned half done. */
export class ValidationMaterialError extends Error {}

/** Appends the DSS for the last signature of `pdf` (a B-T signature) and returns the B-LT document. */
export async function addValidationMaterial(pdf: Uint8Array, options: LtvOptions = {}): Promise<Uint8Array> {
  const contents = lastSignatureContents(pdf);
  if (!contents) throw new ValidationMaterialError('the PDF has no signature to add validation material for');
  const signedData = decodeSignedData(stripPadding(contents));
  const cmsCertificates = certificatesOf(signedData);
  const signerInfo = signedData.signerInfos[0];
  const leaf = cmsCertificates.find((c) => signerInfo?.sid instanceof pkijs.IssuerAndSerialNumber && c.serialNumber.isEqual(signerInfo.sid.serialNumber));
  if (!leaf) throw new ValidationMaterialError('the signer certificate is not in the signature');
  const cas = (options.caCertificates ?? []).map(parseCertificate);

  const tokenAttribute = findAttribute(signerInfo!.unsignedAttrs, OID.signatureTimeStampToken);
  if (!tokenAttribute) throw new ValidationMaterialError('B-LT needs a B-T signature: the signature has no timestamp');
  const tokenCertificates = certificatesOf(decodeSignedData(new Uint8Array((tokenAttribute.values[0] as asn1js.BaseBlock).toBER(false))));
  const tsa = tokenCertificates[0];

  const certificates = new Map<string, Uint8Array>();
  const ocspResponses: Uint8Array[] = [];
  const keep = (certificate: pkijs.Certificate) => {
    const der = new Uint8Array(certificate.toSchema().toBER(false));
    certificates.set(sha1Hex(der), der);
  };
  for (const [subject, pool, required] of [[leaf, cmsCertificates, true], [tsa, tokenCertificates, false]] as const) {
    if (!subject) continue;
    const chain = chainOf(subject, [...pool, ...cas]);
    chain.forEach(keep);
    // The signer's status is required; the TSA's is added when its certificate names a responder.
    if (!required && !ocspUrlOf(subject)) continue;
    const issuer = chain[1];
    if (!issuer) throw new ValidationMaterialError(`issuer of "${commonName(subject)}" not found, its revocation status can't be fetched`);
    const answer = await fetchOcspResponse(subject, issuer, { signal: options.signal });
    if ('error' in answer) throw new ValidationMaterialError(`revocation status of "${commonName(subject)}": ${answer.error}`);
    ocspResponses.push(answer.der);
    for (const responder of responderCertificates(answer.der)) chainOf(responder, [...pool, ...cas]).forEach(keep);
  }
  return writeDss(pdf, contents, { certificates: [...certificates.values()], ocspResponses, crls: [] });
}

/**
 * B-LTA: a document timestamp (ETSI.RFC3161) over the whole B-LT document, DSS included, then
 * in a last update the OCSP responses and certificates for the timestamp's TSA — so that a
 * later archive timestamp can extend it again. @libpdf/core writes both updates.
 */
export async function addArchiveTimestamp(pdf: Uint8Array, options: { tsaUrl: string; signal?: AbortSignal }): Promise<Uint8Array> {
  const document = await PDF.load(pdf);
  const { bytes } = await document.addTimestamp({
    timestampAuthority: new HttpTimestampAuthority(options.tsaUrl),
    longTermValidation: true,
    revocationProvider: {
      async getOCSP(certificate, issuer) {
        const answer = await fetchOcspResponse(parseCertificate(certificate), parseCertificate(issuer), { signal: options.signal });
        if ('error' in answer) throw new ValidationMaterialError(answer.error);
        return answer.der;
      },
    },
  });
  return bytes;
}

/** The incremental update: DSS with /Certs, /OCSPs and a /VRI entry for the signature, referenced from the catalog. */
async function writeDss(pdf: Uint8Array, contents: Uint8Array, material: ValidationMaterial): Promise<Uint8Array> {
  const document = await PDF.load(pdf);
  const streams = (items: Uint8Array[]) => items.map((der) => document.register(new PdfStream(new PdfDict(), der)));
  const certs = streams(material.certificates);
  const ocsps = streams(material.ocspResponses);
  const vri = new PdfDict();
  vri.set('Cert', new PdfArray(certs));
  if (ocsps.length) vri.set('OCSP', new PdfArray(ocsps));
  vri.set('TU', PdfString.fromString(pdfDate(new Date())));
  const dss = new PdfDict();
  dss.set('Type', PdfName.of('DSS'));
  dss.set('Certs', new PdfArray(certs));
  if (ocsps.length) dss.set('OCSPs', new PdfArray(ocsps));
  // The key: SHA-1 of the signature's /Contents as the PDF holds it, padding included (ISO 32000-2 12.8.4.4).
  dss.set('VRI', new PdfDict([[sha1Hex(contents).toUpperCase(), vri]]));
  document.getCatalog().set('DSS', document.register(dss));
  return document.save({ incremental: true });
}

/** The DSS of a PDF, if it has one (no network: it is read from the file). */
export async function readValidationMaterial(pdf: Uint8Array): Promise<ValidationMaterial | undefined> {
  const document = await PDF.load(pdf);
  const resolve = (ref: PdfRef) => document.getObject(ref);
  const dss = document.getCatalog().getDict('DSS', resolve);
  if (!dss) return undefined;
  const streamsOf = (key: string): Uint8Array[] =>
    [...(dss.getArray(key, resolve) ?? [])].flatMap((item) => {
      const value = item instanceof PdfRef ? resolve(item) : item;
      return value instanceof PdfStream ? [value.getDecodedData()] : [];
    });
  return { certificates: streamsOf('Certs'), ocspResponses: streamsOf('OCSPs'), crls: streamsOf('CRLs') };
}

/** Leaf first, up to the self-signed root when the pool holds it. */
function chainOf(leaf: pkijs.Certificate, pool: pkijs.Certificate[]): pkijs.Certificate[] {
  const chain = [leaf];
  for (let current = leaf; chain.length < 10; ) {
    if (current.subject.isEqual(current.issuer)) break;
    const issuer = findIssuer(current, pool);
    if (!issuer || chain.includes(issuer)) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

function responderCertificates(der: Uint8Array): pkijs.Certificate[] {
  try {
    const response = pkijs.OCSPResponse.fromBER(toArrayBuffer(der));
    if (!response.responseBytes) return [];
    return pkijs.BasicOCSPResponse.fromBER(response.responseBytes.response.getValue()).certs ?? [];
  } catch {
    return [];
  }
}

function certificatesOf(signedData: pkijs.SignedData): pkijs.Certificate[] {
  return (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
}

/** The bytes of the last signature's /Contents (hex-decoded, with the placeholder's zero padding). */
export function lastSignatureContents(pdf: Uint8Array): Uint8Array | undefined {
  const text = Buffer.from(pdf).toString('latin1');
  const match = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].pop();
  if (!match) return undefined;
  const [a, b, c] = match.slice(1, 4).map(Number) as [number, number, number];
  const contents = text.slice(a + b, c);
  return /^<[0-9a-fA-F]*>$/.test(contents) ? new Uint8Array(Buffer.from(contents.slice(1, -1), 'hex')) : undefined;
}

/** The DER without the zero padding that fills the placeholder. */
export function stripPadding(contents: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(contents);
  return contents.subarray(0, parsed.offset > 0 ? parsed.offset : contents.length);
}

function sha1Hex(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/**
 * Whether what follows the last signature's byte range only adds validation material: every
 * object written there is new, or the catalog, which differs from the signed one by /DSS alone.
 * Anything else (a changed page, a deleted object, objects hidden in an object stream) is a
 * change after signing.
 */
export async function onlyValidationMaterialAppended(pdf: Uint8Array, signedLength: number): Promise<boolean> {
  const signedText = Buffer.from(pdf.subarray(0, signedLength)).toString('latin1');
  const appended = Buffer.from(pdf.subarray(signedLength)).toString('latin1');
  if (/\/ObjStm\b|\/ByteRange/.test(appended)) return false;
  if ([...appended.matchAll(/^\d{10} \d{5} f/gm)].some((m) => !m[0].startsWith('0000000000 65535'))) return false;
  const rootOf = (text: string) => [...text.matchAll(/\/Root\s+(\d+)\s+(\d+)\s+R/g)].pop()?.slice(1, 3).join(' ');
  const root = rootOf(signedText);
  if (!root || rootOf(appended) !== root) return false;
  try {
    const before = await PDF.load(pdf.subarray(0, signedLength));
    const after = await PDF.load(pdf);
    for (const m of appended.matchAll(/(?:^|\s)(\d+)\s+(\d+)\s+obj\b/g)) {
      if (`${m[1]} ${m[2]}` === root) continue;
      if (before.getObject(PdfRef.of(Number(m[1]), Number(m[2]))) !== null) return false;
    }
    const signedCatalog = before.getCatalog();
    const catalog = after.getCatalog();
    const keys = (dict: PdfDict) => [...dict.keys()].map((k) => k.value).filter((k) => k !== 'DSS').sort();
    const [a, b] = [keys(signedCatalog), keys(catalog)];
    return a.length === b.length && a.every((key, i) => key === b[i] && sameObject(signedCatalog.get(key), catalog.get(key)));
  } catch {
    return false;
  }
}

/** Structural equality of two PDF objects as parsed (references compared by number, not followed). */
function sameObject(a: unknown, b: unknown): boolean {
  if (a instanceof PdfRef || b instanceof PdfRef) return a instanceof PdfRef && b instanceof PdfRef && a.objectNumber === b.objectNumber && a.generation === b.generation;
  if (a instanceof PdfString && b instanceof PdfString) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  if (a instanceof PdfArray && b instanceof PdfArray) {
    const [x, y] = [[...a], [...b]];
    return x.length === y.length && x.every((item, i) => sameObject(item, y[i]));
  }
  if (a instanceof PdfDict && b instanceof PdfDict) {
    const keys = [...a.keys()].map((k) => k.value);
    return keys.length === [...b.keys()].length && keys.every((key) => sameObject(a.get(key), b.get(key)));
  }
  const valueOf = (x: unknown) => (x && typeof x === 'object' && 'value' in x ? { kind: x.constructor, value: (x as { value: unknown }).value } : undefined);
  const [x, y] = [valueOf(a), valueOf(b)];
  return !!x && !!y && x.kind === y.kind && x.value === y.value;
}
