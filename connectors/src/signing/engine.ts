/** pkijs runs on Node's WebCrypto; importing this module sets it up once for every signing module. */
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

export const cryptoEngine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto });
pkijs.setEngine('node', cryptoEngine);

export type DigestAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

export const DIGEST_OIDS: Record<DigestAlgorithm, string> = {
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

export function digestAlgorithmOf(oid: string): DigestAlgorithm | undefined {
  return (Object.keys(DIGEST_OIDS) as DigestAlgorithm[]).find((name) => DIGEST_OIDS[name] === oid);
}

export async function digest(algorithm: DigestAlgorithm, data: Uint8Array | ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(await webcrypto.subtle.digest(algorithm, data));
}

/** The ArrayBuffer pkijs and asn1js want, holding exactly the bytes of a view. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** DER certificates from PEM text (one or more `CERTIFICATE` blocks). */
export function certificatesFromPem(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64')));
}

export function certificateToPem(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').trimEnd();
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}
