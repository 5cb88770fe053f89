/**
 * A RemoteSigner holds (or reaches) a private key and signs digests with it, so the document
 * never leaves the platform: a person's eID device, a mobile-signature service, an HSM, or a
 * local key for an agency's seal and for tests.
 */
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificatesFromPem, DIGEST_OIDS, toArrayBuffer, type DigestAlgorithm } from './webcrypto.js';

export interface RemoteSigner {
  /** The signer's certificate first, then the CAs up to (not necessarily including) the root; DER. */
  getCertificate(): Promise<Uint8Array[]>;
  /**
   * Signs an already computed digest with the signer's key. For RSA keys the result is a
   * PKCS#1 v1.5 signature (sha*WithRSAEncryption), the only scheme the sandboxes issue.
   */
  signDigest(digest: Uint8Array, algorithm: DigestAlgorithm): Promise<Uint8Array>;
}

/** A signature value was refused or never came: the user said no, the session expired, the key is gone. */
export class SigningRefusedError extends Error {
  constructor(readonly reason: 'refused' | 'timeout' | 'failed', message: string) {
    super(message);
    this.name = 'SigningRefusedError';
  }
}

/** The DigestInfo an RSA PKCS#1 v1.5 signature wraps (RFC 8017 9.2). */
export function digestInfo(digest: Uint8Array, algorithm: DigestAlgorithm): Uint8Array {
  const info = new asn1js.Sequence({
    value: [
      new pkijs.AlgorithmIdentifier({ algorithmId: DIGEST_OIDS[algorithm], algorithmParams: new asn1js.Null() }).toSchema(),
      new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    ],
  });
  return new Uint8Array(info.toBER(false));
}

/** RSA PKCS#1 v1.5 over a precomputed digest: WebCrypto only signs whole messages, the private-key operation does not. */
export function signDigestWithRsaKey(key: KeyObject, digest: Uint8Array, algorithm: DigestAlgorithm): Uint8Array {
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`key: only RSA keys are supported, got ${key.asymmetricKeyType}`);
  return new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo(digest, algorithm)));
}

/** A signer whose key is a PEM (PKCS#8 or PKCS#1) private key on this machine. */
export function localKeySigner(options: { keyPem: string; certificatePem: string }): RemoteSigner {
  const key = createPrivateKey(options.keyPem);
  const chain = certificatesFromPem(options.certificatePem);
  if (chain.length === 0) throw new Error('certificatePem: no CERTIFICATE block found');
  return {
    getCertificate: async () => chain,
    signDigest: async (digest, algorithm) => signDigestWithRsaKey(key, digest, algorithm),
  };
}
