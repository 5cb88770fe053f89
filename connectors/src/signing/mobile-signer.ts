/**
 * RemoteSigner over a mobile-signature service that works like Smart-ID / Mobile-ID: the
 * relying party sends only a digest, the person sees a verification code on the web page and
 * the same code on the phone, confirms with a PIN, and the service's answer is polled for.
 * Protocol (JSON over HTTP): POST /certificate, POST /signature -> session, GET /session/:id.
 */
import { constants, createHash, publicDecrypt, X509Certificate } from 'node:crypto';
import { digestInfo, SigningRefusedError, type RemoteSigner } from './remote-signer.js';
import type { DigestAlgorithm } from './webcrypto.js';

export interface MobileSignerOptions {
  /** Base URL of the service, e.g. http://127.0.0.1:8443/v1 */
  url: string;
  relyingPartyUUID: string;
  relyingPartyName: string;
  /** Whose signature: the person's personal code with country prefix, e.g. PNOLT-39001010000. */
  personalCode: string;
  /** Text shown on the phone. */
  displayText?: string;
  /** Called once per signature with the code to show to the person before he confirms. */
  onVerificationCode?: (code: string) => void;
  pollIntervalMs?: number;
  /** Gives up when the person has not answered by then (default 120 s, as the real services do). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Smart-ID's verification code: 4 digits from the last two bytes of SHA-256 over the digest. */
export function verificationCode(digest: Uint8Array): string {
  const hash = createHash('sha256').update(digest).digest();
  return String(hash.readUInt16BE(hash.length - 2) % 10_000).padStart(4, '0');
}

const HASH_TYPES: Record<DigestAlgorithm, string> = { 'SHA-256': 'SHA256', 'SHA-384': 'SHA384', 'SHA-512': 'SHA512' };

export function mobileSignatureSigner(options: MobileSignerOptions): RemoteSigner {
  const base = options.url.replace(/\/$/, '');
  const party = { relyingPartyUUID: options.relyingPartyUUID, relyingPartyName: options.relyingPartyName };
  let chain: Uint8Array[] | undefined;

  async function call<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal ?? AbortSignal.timeout(30_000),
    });
    const payload = (await response.json().catch(() => ({}))) as T & { message?: string };
    if (!response.ok) throw new SigningRefusedError('failed', `mobile signature service: HTTP ${response.status}${payload.message ? ` (${payload.message})` : ''}`);
    return payload;
  }

  const signer: RemoteSigner = {
    async getCertificate() {
      if (!chain) {
        const answer = await call<{ certificate: string; chain: string[] }>('/certificate', { ...party, personalCode: options.personalCode });
        chain = [answer.certificate, ...answer.chain].map((der) => new Uint8Array(Buffer.from(der, 'base64')));
      }
      return chain;
    },
    async signDigest(digest, algorithm) {
      const [certificate] = await signer.getCertificate();
      options.onVerificationCode?.(verificationCode(digest));
      const { sessionId } = await call<{ sessionId: string }>('/signature', {
        ...party,
        personalCode: options.personalCode,
        hash: Buffer.from(digest).toString('base64'),
        hashType: HASH_TYPES[algorithm],
        displayText: options.displayText ?? 'Sign the document',
      });
      const deadline = Date.now() + (options.timeoutMs ?? 120_000);
      for (;;) {
        const session = await call<{ state: string; result?: { endResult: string }; signature?: { value: string } }>(`/session/${encodeURIComponent(sessionId)}`);
        if (session.state === 'COMPLETE') {
          const end = session.result?.endResult;
          if (end === 'OK' && session.signature) {
            const value = new Uint8Array(Buffer.from(session.signature.value, 'base64'));
            // The relying party checks what came back before putting it into a document.
            if (!checkSignature(certificate!, digest, algorithm, value)) throw new SigningRefusedError('failed', 'mobile signature service returned a signature that does not verify');
            return value;
          }
          if (end === 'USER_REFUSED') throw new SigningRefusedError('refused', 'the person refused to sign');
          if (end === 'TIMEOUT') throw new SigningRefusedError('timeout', 'the person did not confirm in time');
          throw new SigningRefusedError('failed', `mobile signature session ended with ${end ?? 'no result'}`);
        }
        if (Date.now() > deadline) throw new SigningRefusedError('timeout', 'no answer from the mobile signature service in time');
        await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 1000));
      }
    },
  };
  return signer;
}

/** RSA PKCS#1 v1.5: the signature opens, with the certificate's key, to the DigestInfo of our digest. */
function checkSignature(certificateDer: Uint8Array, digest: Uint8Array, algorithm: DigestAlgorithm, signature: Uint8Array): boolean {
  try {
    const publicKey = new X509Certificate(Buffer.from(certificateDer)).publicKey;
    return publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature).equals(Buffer.from(digestInfo(digest, algorithm)));
  } catch {
    return false;
  }
}
