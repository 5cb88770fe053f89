/**
 * PAdES baseline signatures (ETSI EN 319 142-1): B-B is a detached CMS over the PDF's byte
 * ranges with SubFilter ETSI.CAdES.detached and signing-certificate-v2, the claimed signing
 * time in the signature dictionary's /M (not in the CMS); B-T adds a signature timestamp
 * from a TSA as an unsigned attribute; B-LT then appends the validation material, B-LTA a
 * document timestamp over it all (pades-ltv.ts).
 * The key stays with the RemoteSigner.
 */
import { SignPdf } from '@signpdf/signpdf';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as pkijs from 'pkijs';
import { PDFDocument } from 'pdf-lib';
import { commonName } from './chain.js';
import { addUnsignedAttribute, encodeSignedData, OID, signCms } from './cms.js';
import { digest, parseCertificate, type DigestAlgorithm } from './webcrypto.js';
import type { RemoteSigner } from './remote-signer.js';
import { requestTimestamp } from './tsp.js';
import { addArchiveTimestamp, addValidationMaterial } from './pades-ltv.js';

export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';
export const PADES_LEVELS: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

export interface PadesOptions {
  signer: RemoteSigner;
  level?: PadesLevel;
  /** RFC 3161 timestamping authority; required for B-T and B-LT. */
  tsaUrl?: string;
  /** B-LT: CA certificates (DER) completing the chains kept in the DSS, e.g. the trusted roots. */
  caCertificates?: Uint8Array[];
  digestAlgorithm?: DigestAlgorithm;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Claimed signing time, written to /M; now when absent. */
  signingTime?: Date;
  signal?: AbortSignal;
}

/** Room for the CMS (bytes; the PDF holds twice as many hex digits): the signer's chain, and for B-T a token with the TSA's chain. */
const SIGNATURE_LENGTH: Record<PadesLevel, number> = { 'B-B': 8_192, 'B-T': 16_384, 'B-LT': 16_384, 'B-LTA': 16_384 };

export async function signPdf(pdf: Uint8Array, options: PadesOptions): Promise<Uint8Array> {
  const level = options.level ?? 'B-B';
  if (!PADES_LEVELS.includes(level)) throw new Error(`level: expected ${PADES_LEVELS.join(', ')}, got ${String(level)}`);
  if (level !== 'B-B' && !options.tsaUrl) throw new Error(`tsaUrl: a timestamping authority is required for PAdES ${level}`);
  if (!isPdf(pdf)) throw new Error('pdf: the document is not a PDF (no %PDF- header)');
  const chain = await options.signer.getCertificate();
  if (!chain[0]) throw new Error('signer: getCertificate() returned no certificate');
  const signingTime = options.signingTime ?? new Date();
  const placeholderOptions = {
    reason: options.reason ?? 'Signed with Konstruktor',
    contactInfo: options.contactInfo ?? '',
    name: commonName(parseCertificate(chain[0])),
    location: options.location ?? '',
    signingTime,
    signatureLength: SIGNATURE_LENGTH[level],
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Konstruktor',
  };
  let prepared: Buffer;
  try {
    prepared = plainAddPlaceholder({ pdfBuffer: Buffer.from(pdf), ...placeholderOptions });
  } catch {
    // The plain placeholder only reads classic cross-reference tables; rewrite a PDF that uses streams.
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    const rewritten = Buffer.from(await document.save({ useObjectStreams: false }));
    prepared = plainAddPlaceholder({ pdfBuffer: rewritten, ...placeholderOptions });
  }
  const signed = new Uint8Array(await new SignPdf().sign(exactStartxref(prepared), new CmsSigner(options, level)));
  if (level === 'B-B' || level === 'B-T') return signed;
  const longTerm = await addValidationMaterial(signed, { caCertificates: options.caCertificates, signal: options.signal });
  return level === 'B-LTA' ? addArchiveTimestamp(longTerm, { tsaUrl: options.tsaUrl!, signal: options.signal }) : longTerm;
}

/**
 * @signpdf's plain placeholder points startxref at the newline before `xref`. Readers that
 * tolerate it are fine, but a strict one (@libpdf/core, which writes the B-LT update) rebuilds
 * the whole file instead of appending. Corrected before signing, as the trailer is signed.
 */
function exactStartxref(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const match = [...text.matchAll(/startxref\s+(\d+)\s+%%EOF\s*$/g)].pop();
  if (!match) return pdf;
  const offset = Number(match[1]);
  if (!/^\s+xref/.test(text.slice(offset, offset + 8))) return pdf;
  const exact = offset + text.slice(offset).search(/\S/);
  const numberAt = match.index + match[0].indexOf(match[1]!, 'startxref'.length);
  return Buffer.concat([pdf.subarray(0, numberAt), Buffer.from(String(exact), 'latin1'), pdf.subarray(numberAt + match[1]!.length)]);
}

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** The @signpdf Signer that builds our CMS over the byte ranges @signpdf hands it. */
class CmsSigner extends Signer {
  constructor(
    private readonly options: PadesOptions,
    private readonly level: PadesLevel,
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const algorithm = this.options.digestAlgorithm ?? 'SHA-256';
    const { signedData, der } = await signCms({ signer: this.options.signer, digestAlgorithm: algorithm, contentDigest: await digest(algorithm, content) });
    if (this.level === 'B-B') return Buffer.from(der);
    const signatureValue = new Uint8Array(signedData.signerInfos[0]!.signature.valueBlock.valueHexView);
    const token = await requestTimestamp(this.options.tsaUrl!, signatureValue, { algorithm, signal: this.options.signal });
    const tokenSchema = pkijs.ContentInfo.fromBER(token.buffer.slice(token.byteOffset, token.byteOffset + token.byteLength) as ArrayBuffer).toSchema();
    addUnsignedAttribute(signedData, new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [tokenSchema] }));
    return Buffer.from(encodeSignedData(signedData));
  }
}
