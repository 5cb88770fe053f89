/** Verifies an ASiC-E container: structure, every XAdES signature, its chain, OCSP and timestamp. */
import { webcrypto } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type * as pkijs from 'pkijs';
import * as xadesjs from 'xadesjs';
import { commonName } from './chain.js';
import { ASICE_MIMETYPE, openAsice, type OpenedContainer } from './asice.js';
import { digest, parseCertificate, type DigestAlgorithm } from './webcrypto.js';
import { check, finish, type Check, type SignatureReport, type VerificationReport } from './report.js';
import { checkTimestampAndSigner, type TrustOptions } from './trust.js';
import { canonicalSignatureValue, DSIG_NS, fileResolver, referenceUri, XADES_NS } from './xades.js';

const DIGEST_URIS: Record<string, DigestAlgorithm> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512',
};

export async function verifyAsice(bytes: Uint8Array, trust: TrustOptions): Promise<VerificationReport> {
  const problems: string[] = [];
  let container: OpenedContainer;
  try {
    container = openAsice(bytes);
  } catch (error) {
    return { valid: false, problems: [`the container can't be read: ${(error as Error).message}`], signatures: [] };
  }
  if (container.mimetype !== ASICE_MIMETYPE) problems.push(`mimetype is ${JSON.stringify(container.mimetype)}, expected ${ASICE_MIMETYPE}`);
  else if (!container.mimetypeFirstAndStored) problems.push('mimetype must be the first entry, stored uncompressed');
  if (!container.manifest) problems.push('META-INF/manifest.xml is missing');
  if (container.dataFiles.length === 0) problems.push('the container holds no data files');
  const signatures: SignatureReport[] = [];
  for (const file of container.signatures) {
    const document = new DOMParser().parseFromString(file.xml, 'application/xml');
    const elements = Array.from(document.getElementsByTagNameNS(DSIG_NS, 'Signature'));
    if (elements.length === 0) problems.push(`${file.name} holds no ds:Signature`);
    for (const element of elements) signatures.push(await verifySignature(element, container, trust));
  }
  if (container.signatures.length === 0) problems.push('the container has no signature (META-INF/*signatures*.xml)');
  return { valid: problems.length === 0 && signatures.length > 0 && signatures.every((s) => s.valid), problems, signatures };
}

function text(element: Element | undefined | null): string {
  return element?.textContent?.replace(/\s+/g, '') ?? '';
}

async function verifySignature(element: Element, container: OpenedContainer, trust: TrustOptions): Promise<SignatureReport> {
  const signedXml = new xadesjs.SignedXml(element.ownerDocument as never);
  signedXml.LoadXml(element as never);
  signedXml.contentHandler = fileResolver(container.dataFiles) as never;

  // Every data file must be signed, and every file reference must name a file of the container.
  const referenced = new Set(
    Array.from(element.getElementsByTagNameNS(DSIG_NS, 'Reference'))
      .map((reference) => reference.getAttribute('URI') ?? '')
      .filter((uri) => uri && !uri.startsWith('#')),
  );
  const uris = new Set(container.dataFiles.map((file) => referenceUri(file.name)));
  const unsigned = container.dataFiles.filter((file) => !referenced.has(referenceUri(file.name))).map((file) => file.name);
  const missing = [...referenced].filter((uri) => !uris.has(uri)).map(decodeURIComponent);

  let integrity: Check = check(unsigned.length === 0 && missing.length === 0, 'every file is signed and unchanged', [
    ...(unsigned.length ? [`not covered by the signature: ${unsigned.join(', ')}`] : []),
    ...(missing.length ? [`signed but missing from the container: ${missing.join(', ')}`] : []),
  ].join('; '));
  const certificates = Array.from(element.getElementsByTagNameNS(DSIG_NS, 'X509Certificate')).map((node) => parseCertificate(new Uint8Array(Buffer.from(text(node), 'base64'))));
  const leaf = await signingCertificate(element, certificates);
  let signature: Check;
  if (!leaf) {
    signature = { status: 'failed', message: 'SigningCertificateV2 does not name a certificate of the signature' };
  } else {
    try {
      // Verified with the key of the certificate the signed properties name, not any key in KeyInfo.
      const ok = await signedXml.Verify(await publicKeyOf(leaf, element));
      signature = check(ok, 'the signature matches the signer certificate', 'the signature value is invalid');
    } catch (error) {
      const message = (error as Error).message;
      const uri = /Invalid digest for uri '([^']*)'/.exec(message)?.[1];
      if (uri !== undefined) {
        integrity = { status: 'failed', message: uri.startsWith('#') ? 'the signed properties were modified' : `${decodeURIComponent(uri)} was modified after signing` };
        signature = { status: 'skipped', message: 'not checked: signed content changed' };
      } else {
        signature = { status: 'failed', message: `the signature can't be verified: ${message}` };
      }
    }
  }

  const signingTimeText = text(element.getElementsByTagNameNS(XADES_NS, 'SigningTime')[0]);
  const encapsulated = element.getElementsByTagNameNS(XADES_NS, 'EncapsulatedTimeStamp')[0];
  const token = encapsulated ? new Uint8Array(Buffer.from(text(encapsulated), 'base64')) : undefined;
  const { timestamp, timestampCheck, chain, revocation } = await checkTimestampAndSigner(token, () => {
    const signatureValue = element.getElementsByTagNameNS(DSIG_NS, 'SignatureValue')[0];
    return signatureValue ? canonicalSignatureValue(signatureValue) : new Uint8Array();
  }, leaf, certificates, trust, 'signer certificate not found');
  return finish({
    signer: leaf ? commonName(leaf) : 'unknown',
    format: 'XAdES',
    level: encapsulated ? 'B-T' : 'B-B',
    claimedSigningTime: signingTimeText ? new Date(signingTimeText) : undefined,
    timestamp,
    checks: { integrity, signature, chain, revocation, timestamp: timestampCheck },
  });
}

const RSA_SIGNATURE_HASHES: Record<string, DigestAlgorithm> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'SHA-512',
};

async function publicKeyOf(certificate: pkijs.Certificate, element: Element): Promise<webcrypto.CryptoKey> {
  const method = element.getElementsByTagNameNS(DSIG_NS, 'SignatureMethod')[0]?.getAttribute('Algorithm') ?? '';
  const hash = RSA_SIGNATURE_HASHES[method];
  if (!hash) throw new Error(`unsupported SignatureMethod ${method}`);
  const spki = new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
  return webcrypto.subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash }, true, ['verify']);
}

/** The certificate SigningCertificateV2 (or V1) names by digest. */
async function signingCertificate(element: Element, certificates: pkijs.Certificate[]): Promise<pkijs.Certificate | undefined> {
  const cert = (element.getElementsByTagNameNS(XADES_NS, 'SigningCertificateV2')[0] ?? element.getElementsByTagNameNS(XADES_NS, 'SigningCertificate')[0]);
  if (!cert) return undefined;
  const method = cert.getElementsByTagNameNS(DSIG_NS, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
  const algorithm = DIGEST_URIS[method];
  const expected = Buffer.from(text(cert.getElementsByTagNameNS(DSIG_NS, 'DigestValue')[0]), 'base64');
  if (!algorithm) return undefined;
  for (const certificate of certificates) {
    if (expected.equals(await digest(algorithm, new Uint8Array(certificate.toSchema().toBER(false))))) return certificate;
  }
  return undefined;
}
