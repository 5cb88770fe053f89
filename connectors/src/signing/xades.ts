/**
 * XAdES baseline signatures (ETSI EN 319 132-1) over detached files, as ASiC-E carries them:
 * one ds:Reference per file (URI = its name in the container), SignedProperties with
 * SigningTime and SigningCertificateV2; B-T adds a SignatureTimeStamp over the canonical
 * ds:SignatureValue. The signature value comes from a RemoteSigner.
 */
import { createRequire } from 'node:module';
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import * as xadesjs from 'xadesjs';
import * as xmldsigjs from 'xmldsigjs';
import { remoteCryptoKey, type DigestAlgorithm } from './webcrypto.js';
import type { RemoteSigner } from './remote-signer.js';
import { requestTimestamp } from './tsp.js';

// Loaded untyped: xpath's type declarations pull the DOM library into every package's types.
const xpath: unknown = createRequire(import.meta.url)('xpath');
xadesjs.setNodeDependencies({ DOMParser, XMLSerializer, xpath });

export const ASIC_NS = 'http://uri.etsi.org/02918/v1.2.1#';
export const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

export interface DetachedFile {
  /** Name inside the container; the reference URI is this name, percent-encoded. */
  name: string;
  content: Uint8Array;
}

export interface XadesOptions {
  signer: RemoteSigner;
  level?: 'B-B' | 'B-T';
  tsaUrl?: string;
  digestAlgorithm?: DigestAlgorithm;
  signingTime?: Date;
  signal?: AbortSignal;
}

export function referenceUri(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/** Resolves a reference URI to a file of the container (what xmldsigjs digests for it). */
export function fileResolver(files: DetachedFile[]) {
  const byUri = new Map(files.map((file) => [referenceUri(file.name), file.content]));
  return async (reference: xmldsigjs.Reference): Promise<Uint8Array | null> => (reference.Uri && !reference.Uri.startsWith('#') ? (byUri.get(reference.Uri) ?? null) : null);
}

/** Returns the `asic:XAdESSignatures` document (UTF-8 XML) signing every file. */
export async function signXades(files: DetachedFile[], options: XadesOptions): Promise<string> {
  const level = options.level ?? 'B-B';
  if (level === 'B-T' && !options.tsaUrl) throw new Error('tsaUrl: a timestamping authority is required for XAdES B-T');
  if (files.length === 0) throw new Error('files: at least one file to sign is required');
  const algorithm = options.digestAlgorithm ?? 'SHA-256';
  const chain = await options.signer.getCertificate();
  if (!chain[0]) throw new Error('signer: getCertificate() returned no certificate');
  const base64 = (der: Uint8Array) => Buffer.from(der).toString('base64');

  const root = new DOMParser().parseFromString(`<asic:XAdESSignatures xmlns:asic="${ASIC_NS}"/>`, 'application/xml');
  const signedXml = new xadesjs.SignedXml();
  signedXml.contentHandler = fileResolver(files) as never;
  const key = remoteCryptoKey((digest, hash) => options.signer.signDigest(digest, hash), algorithm);
  // Signing against the container's root element puts its namespaces in the context the references are digested in.
  await signedXml.Sign({ name: 'RSASSA-PKCS1-v1_5' } as never, key as never, root.documentElement as never, {
    references: files.map((file) => ({ uri: referenceUri(file.name), hash: algorithm, transforms: [] })),
    x509: chain.map(base64),
    signingCertificateV2: { certificate: base64(chain[0]), digestAlgorithm: algorithm },
    signingTime: { value: options.signingTime ?? new Date() },
  });
  const signature = new DOMParser().parseFromString(signedXml.toString(), 'application/xml').documentElement!;
  root.documentElement!.appendChild(root.importNode(signature, true));
  if (level === 'B-T') await addSignatureTimestamp(root, options.tsaUrl!, algorithm, options.signal);
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${new XMLSerializer().serializeToString(root.documentElement!)}`;
}

/** The bytes a SignatureTimeStamp covers: ds:SignatureValue in inclusive C14N, in its document's namespace context. */
export function canonicalSignatureValue(signatureValue: Element): Uint8Array {
  const transform = new xmldsigjs.XmlDsigC14NTransform();
  transform.LoadInnerXml(signatureValue as never);
  return new TextEncoder().encode(transform.GetOutput() as string);
}

async function addSignatureTimestamp(document: Document, tsaUrl: string, algorithm: DigestAlgorithm, signal?: AbortSignal): Promise<void> {
  const signatureValue = document.getElementsByTagNameNS(DSIG_NS, 'SignatureValue')[0];
  const qualifying = document.getElementsByTagNameNS(XADES_NS, 'QualifyingProperties')[0];
  if (!signatureValue || !qualifying) throw new Error('XAdES: signature has no SignatureValue or QualifyingProperties');
  const token = await requestTimestamp(tsaUrl, canonicalSignatureValue(signatureValue), { algorithm, signal });
  const prefix = qualifying.prefix ? `${qualifying.prefix}:` : '';
  const element = (name: string) => document.createElementNS(XADES_NS, `${prefix}${name}`);
  const unsigned = element('UnsignedProperties');
  const unsignedSignature = element('UnsignedSignatureProperties');
  const timestamp = element('SignatureTimeStamp');
  timestamp.setAttribute('Id', `TS-${signatureValue.parentNode && (signatureValue.parentNode as Element).getAttribute('Id')}`);
  const c14n = document.createElementNS(DSIG_NS, 'ds:CanonicalizationMethod');
  c14n.setAttribute('Algorithm', C14N);
  const encapsulated = element('EncapsulatedTimeStamp');
  encapsulated.appendChild(document.createTextNode(Buffer.from(token).toString('base64')));
  timestamp.appendChild(c14n);
  timestamp.appendChild(encapsulated);
  unsignedSignature.appendChild(timestamp);
  unsigned.appendChild(unsignedSignature);
  qualifying.appendChild(unsigned);
}
