/**
 * pkijs and xadesjs run on Node's WebCrypto; importing this module sets both up once. The
 * crypto engine's `sign` (what pkijs calls) also accepts a "remote key" (remoteCryptoKey), so XML signatures made by
 * xadesjs get their signature value from a RemoteSigner.
 */
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import * as xmldsigjs from 'xmldsigjs';

export type DigestAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** What a remote key signs with: the digest of the data, signed elsewhere. */
type DigestSigner = (digest: Uint8Array, algorithm: DigestAlgorithm) => Promise<Uint8Array>;
const remoteKeys = new WeakMap<object, DigestSigner>();

/** A stand-in CryptoKey for libraries that sign through WebCrypto (xadesjs): RSA PKCS#1 v1.5 with `hash`. */
export function remoteCryptoKey(sign: DigestSigner, hash: DigestAlgorithm = 'SHA-256'): webcrypto.CryptoKey {
  const key = { type: 'private', extractable: false, algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: { name: hash } }, usages: ['sign'] };
  remoteKeys.set(key, sign);
  return key as unknown as webcrypto.CryptoKey;
}

const subtle = new Proxy(webcrypto.subtle, {
  get(target, property) {
    if (property === 'sign') {
      return async (algorithm: unknown, key: webcrypto.CryptoKey, data: webcrypto.BufferSource) => {
        const remote = remoteKeys.get(key);
        if (!remote) return target.sign(algorithm as webcrypto.AlgorithmIdentifier, key, data);
        const hash = (key.algorithm as unknown as { hash: { name: DigestAlgorithm } }).hash.name;
        const signature = await remote(new Uint8Array(await target.digest(hash, data)), hash);
        return signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.byteLength);
      };
    }
    const value = Reflect.get(target, property) as unknown;
    return typeof value === 'function' ? value.bind(target) : value;
  },
});

const signingCrypto = {
  subtle,
  getRandomValues: <T extends ArrayBufferView | null>(array: T) => webcrypto.getRandomValues(array as never) as T,
  randomUUID: () => webcrypto.randomUUID(),
};
// xmldsigjs also hands its engine to pkijs; set pkijs's afterwards so both use the same one.
xmldsigjs.Application.setEngine('node', signingCrypto as never);
export const cryptoEngine = new pkijs.CryptoEngine({ name: 'node', crypto: signingCrypto as never });
pkijs.setEngine('node', cryptoEngine);

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
