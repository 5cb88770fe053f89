/**
 * CMS SignedData (RFC 5652) built around a RemoteSigner: the signed attributes are assembled
 * here, only their digest goes to the signer. Shared by PAdES signatures and the sandbox TSA's
 * timestamp tokens.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digest, DIGEST_OIDS, parseCertificate, toArrayBuffer, type DigestAlgorithm } from './webcrypto.js';
import type { RemoteSigner } from './remote-signer.js';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const RSA_SIGNATURE_OIDS: Record<DigestAlgorithm, string> = {
  'SHA-256': '1.2.840.113549.1.1.11',
  'SHA-384': '1.2.840.113549.1.1.12',
  'SHA-512': '1.2.840.113549.1.1.13',
};

export interface CmsSignOptions {
  signer: RemoteSigner;
  digestAlgorithm?: DigestAlgorithm;
  /** Encapsulated content type; id-data when absent. */
  eContentType?: string;
  /** Content carried inside the SignedData (a TSTInfo); otherwise the signature is detached. */
  eContent?: Uint8Array;
  /** Digest of the detached content (PAdES: of the PDF's byte ranges). */
  contentDigest?: Uint8Array;
  /** Adds a signing-time attribute: not for PAdES baseline, where the PDF's /M carries the claimed time. */
  signingTime?: Date;
}

/** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into the signed attributes. */
export async function signingCertificateV2Attribute(certificateDer: Uint8Array, algorithm: DigestAlgorithm = 'SHA-256'): Promise<pkijs.Attribute> {
  const certificate = parseCertificate(certificateDer);
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }),
    serialNumber: certificate.serialNumber,
  });
  const essCertId = new asn1js.Sequence({
    value: [
      // SHA-256 is the DEFAULT hashAlgorithm and DER leaves a default out.
      ...(algorithm === 'SHA-256' ? [] : [new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[algorithm] }).toSchema()]),
      new asn1js.OctetString({ valueHex: toArrayBuffer(await digest(algorithm, certificateDer)) }),
      issuerSerial.toSchema(),
    ],
  });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [value] });
}

/** Signs and returns the SignedData (for unsigned attributes to be added) and its DER ContentInfo. */
export async function signCms(options: CmsSignOptions): Promise<{ signedData: pkijs.SignedData; der: Uint8Array }> {
  const algorithm = options.digestAlgorithm ?? 'SHA-256';
  const chain = await options.signer.getCertificate();
  const leafDer = chain[0];
  if (!leafDer) throw new Error('signer: getCertificate() returned no certificate');
  const leaf = parseCertificate(leafDer);
  if (leaf.subjectPublicKeyInfo.algorithm.algorithmId !== OID.rsaEncryption) throw new Error('signer: only RSA signing certificates are supported');
  const eContentType = options.eContentType ?? OID.data;
  const contentDigest = options.eContent ? await digest(algorithm, options.eContent) : options.contentDigest;
  if (!contentDigest) throw new Error('signCms: eContent or contentDigest is required');

  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: eContentType })] }),
    ...(options.signingTime ? [new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime })] })] : []),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })] }),
    await signingCertificateV2Attribute(leafDer, algorithm),
  ];
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes DER-encoded as a SET (RFC 5652 5.4), not as [0].
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const signature = await options.signer.signDigest(await digest(algorithm, toSign), algorithm);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[algorithm] }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: RSA_SIGNATURE_OIDS[algorithm], algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: eContentType === OID.data ? 1 : 3,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[algorithm] })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType,
      ...(options.eContent ? { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(options.eContent) }) } : {}),
    }),
    certificates: chain.map(parseCertificate),
    signerInfos: [signerInfo],
  });
  return { signedData, der: encodeSignedData(signedData) };
}

export function encodeSignedData(signedData: pkijs.SignedData): Uint8Array {
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export function decodeSignedData(der: Uint8Array): pkijs.SignedData {
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
  if (contentInfo.contentType !== OID.signedData) throw new Error(`not a CMS SignedData (content type ${contentInfo.contentType})`);
  return new pkijs.SignedData({ schema: contentInfo.content });
}

/** Adds an unsigned attribute to the first signer (a signature timestamp, for B-T). */
export function addUnsignedAttribute(signedData: pkijs.SignedData, attribute: pkijs.Attribute): void {
  const signerInfo = signedData.signerInfos[0]!;
  const existing = signerInfo.unsignedAttrs?.attributes ?? [];
  signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [...existing, attribute] });
}

export function findAttribute(attributes: pkijs.SignedAndUnsignedAttributes | undefined, type: string): pkijs.Attribute | undefined {
  return attributes?.attributes.find((attribute) => attribute.type === type);
}
