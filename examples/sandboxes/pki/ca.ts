/**
 * Test PKI for the sandboxes: a root CA, an issuing CA under it, and end-entity certificates
 * for TLS (server / client), document signing, OCSP responders and timestamping authorities.
 * Everything is fictional and for loopback use only. Given a folder, the CAs, the issued
 * certificates and the revocations are kept there, so `npm start` trusts the same CA after a
 * restart.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import 'reflect-metadata'; // @peculiar/x509's dependency injection needs it loaded first
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(globalThis.crypto);

/** RSA + SHA-256 PKCS#1 v1.5: what pdfsig (NSS), xmlsec1 and Node's TLS all accept. */
export const KEY_ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

export type CertificateUsage = 'tls-server' | 'tls-client' | 'signing' | 'ocsp' | 'tsa';

export interface IssueRequest {
  /** Common name, or a full distinguished name such as `CN=Jonas Jonaitis, SERIALNUMBER=PNOLT-39001010000, C=LT`. */
  subject: string;
  usage: CertificateUsage;
  /** Host names for a TLS server certificate; `localhost` when none are given. */
  dnsNames?: string[];
  /** IP addresses for a TLS server certificate; `127.0.0.1` when none are given. */
  ipAddresses?: string[];
  /** OCSP responder URL put in the Authority Information Access extension; defaults to the PKI's `ocspUrl`. */
  ocspUrl?: string;
  /** CRL distribution point; defaults to the PKI's `crlUrl`. */
  crlUrl?: string;
  /** Validity in days from now (default 365); a negative value issues an already expired certificate. */
  validDays?: number;
}

export interface IssuedCertificate {
  /** The end-entity certificate alone (PEM). */
  certPem: string;
  /** The end-entity certificate followed by the issuing CA (PEM): what a TLS peer or a signature should carry. */
  chainPem: string;
  /** PKCS#8 private key (PEM). */
  keyPem: string;
  /** Lower-case hex serial number, as the OCSP responder and `revoke` use it. */
  serialNumber: string;
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface CaKeyPair {
  certPem: string;
  keyPem: string;
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
}

export interface Revocation {
  serialNumber: string;
  revokedAt: string;
  /** CRLReason code (RFC 5280 5.3.1); 0 = unspecified. */
  reason: number;
}

export type CertificateStatus =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date; reason: number }
  | { status: 'unknown' };

export interface TestPki {
  /** The trust anchor: relying parties trust this certificate. */
  root: CaKeyPair;
  /** Signs every end-entity certificate. */
  issuing: CaKeyPair;
  /** Root CA certificate (PEM); what `ca-cert` writes and what a TLS peer puts in `ca`. */
  caCertPem: string;
  /** Default OCSP URL for new certificates (set it once the responder listens). */
  ocspUrl: string | undefined;
  /** Default CRL distribution point for new certificates. */
  crlUrl: string | undefined;
  issue(request: IssueRequest): Promise<IssuedCertificate>;
  /** Marks a certificate issued by the issuing CA as revoked; the OCSP responder reports it from then on. */
  revoke(serialNumber: string, reason?: number): Promise<void>;
  status(serialNumber: string): CertificateStatus;
  /** The issuing CA's current CRL (DER), listing every revocation. */
  crl(): Promise<Uint8Array>;
}

export interface CreateTestPkiOptions {
  /** Folder that keeps the CAs, issued certificates and revocations across restarts. */
  dir?: string;
  /** Prefix of the CAs' common names. */
  name?: string;
  ocspUrl?: string;
  crlUrl?: string;
}

const DAY = 24 * 60 * 60 * 1000;

export async function createTestPki(options: CreateTestPkiOptions = {}): Promise<TestPki> {
  const name = options.name ?? 'Konstruktor Test';
  const dir = options.dir;
  const state = dir ? await loadState(dir) : undefined;
  const root = state?.root ?? (await createRoot(name));
  const issuing = state?.issuing ?? (await createIssuing(name, root));
  const issued = new Map<string, string>(Object.entries(state?.issued ?? {}));
  const revoked = new Map<string, Revocation>((state?.revoked ?? []).map((r) => [r.serialNumber, r]));

  // Saves run one after another so concurrent issue() calls never interleave their writes.
  let saving: Promise<void> = Promise.resolve();
  function save(): Promise<void> {
    saving = saving.then(writeState, writeState);
    return saving;
  }
  async function writeState(): Promise<void> {
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'root-ca.pem'), root.certPem);
    await writeFile(join(dir, 'root-ca.key.pem'), root.keyPem, { mode: 0o600 });
    await writeFile(join(dir, 'issuing-ca.pem'), issuing.certPem);
    await writeFile(join(dir, 'issuing-ca.key.pem'), issuing.keyPem, { mode: 0o600 });
    await writeFile(join(dir, 'issued.json'), JSON.stringify(Object.fromEntries(issued), null, 2));
    await writeFile(join(dir, 'revoked.json'), JSON.stringify([...revoked.values()], null, 2));
  }
  if (!state) await save();

  const pki: TestPki = {
    root,
    issuing,
    caCertPem: root.certPem,
    ocspUrl: options.ocspUrl,
    crlUrl: options.crlUrl,
    async issue(request) {
      const cert = await issueCertificate(issuing, { ...request, ocspUrl: request.ocspUrl ?? pki.ocspUrl, crlUrl: request.crlUrl ?? pki.crlUrl });
      issued.set(cert.serialNumber, cert.certificate.subject);
      await save();
      return cert;
    },
    async revoke(serialNumber, reason = 0) {
      const serial = normalizeSerial(serialNumber);
      if (!issued.has(serial)) throw new Error(`serialNumber: ${serialNumber} was not issued by this CA`);
      revoked.set(serial, { serialNumber: serial, revokedAt: new Date().toISOString(), reason });
      await save();
    },
    status(serialNumber) {
      const serial = normalizeSerial(serialNumber);
      const revocation = revoked.get(serial);
      if (revocation) return { status: 'revoked', revokedAt: new Date(revocation.revokedAt), reason: revocation.reason };
      return issued.has(serial) ? { status: 'good' } : { status: 'unknown' };
    },
    async crl() {
      const crl = await x509.X509CrlGenerator.create({
        issuer: issuing.certificate.subject,
        thisUpdate: new Date(),
        nextUpdate: new Date(Date.now() + DAY),
        entries: [...revoked.values()].map((r) => ({ serialNumber: r.serialNumber, revocationDate: new Date(r.revokedAt), reason: r.reason })),
        signingKey: issuing.privateKey,
        signingAlgorithm: KEY_ALGORITHM,
      });
      return new Uint8Array(crl.rawData);
    },
  };
  return pki;
}

/** Serial numbers compare as lower-case hex without leading zero bytes. */
export function normalizeSerial(serial: string): string {
  return serial.toLowerCase().replace(/^(00)+(?=[0-9a-f])/, '');
}

export async function importPrivateKey(keyPem: string, algorithm: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams = KEY_ALGORITHM): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(keyPem);
  return webcrypto.subtle.importKey('pkcs8', der, algorithm, true, ['sign']);
}

export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01; // positive and no leading zero byte
  return Buffer.from(bytes).toString('hex');
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

async function createRoot(name: string): Promise<CaKeyPair> {
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=${name} Root CA, O=Konstruktor Sandbox, C=LT`,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 20 * 365 * DAY),
    keys,
    signingAlgorithm: KEY_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return caKeyPair(certificate, keys.privateKey);
}

async function createIssuing(name: string, root: CaKeyPair): Promise<CaKeyPair> {
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${name} Issuing CA, O=Konstruktor Sandbox, C=LT`,
    issuer: root.certificate.subject,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 10 * 365 * DAY),
    publicKey: keys.publicKey,
    signingKey: root.privateKey,
    signingAlgorithm: KEY_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.certificate),
    ],
  });
  return caKeyPair(certificate, keys.privateKey);
}

const USAGES: Record<CertificateUsage, { keyUsage: number; extendedKeyUsage: string }> = {
  'tls-server': {
    keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
    extendedKeyUsage: x509.ExtendedKeyUsage.serverAuth,
  },
  'tls-client': { keyUsage: x509.KeyUsageFlags.digitalSignature, extendedKeyUsage: x509.ExtendedKeyUsage.clientAuth },
  // Non-repudiation marks a signature of a person or an agency (as on qualified signing certificates).
  signing: {
    keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
    extendedKeyUsage: x509.ExtendedKeyUsage.emailProtection,
  },
  ocsp: { keyUsage: x509.KeyUsageFlags.digitalSignature, extendedKeyUsage: x509.ExtendedKeyUsage.ocspSigning },
  tsa: { keyUsage: x509.KeyUsageFlags.digitalSignature, extendedKeyUsage: x509.ExtendedKeyUsage.timeStamping },
};

async function issueCertificate(issuer: CaKeyPair, request: IssueRequest): Promise<IssuedCertificate> {
  const usage = USAGES[request.usage];
  if (!usage) throw new Error(`usage: expected one of ${Object.keys(USAGES).join(', ')}, got ${String(request.usage)}`);
  if (!request.subject?.trim()) throw new Error('subject: a common name or distinguished name is required');
  // @peculiar/x509 knows no SERIALNUMBER keyword; the attribute's OID works.
  const subject = request.subject.includes('=') ? request.subject.replace(/\bSERIALNUMBER=/gi, '2.5.4.5=') : `CN=${request.subject}, O=Konstruktor Sandbox, C=LT`;
  const keys = await generateKeys();
  const validDays = request.validDays ?? 365;
  const notAfter = new Date(Date.now() + validDays * DAY);
  const notBefore = new Date(Math.min(Date.now() - DAY, notAfter.getTime() - DAY));
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(usage.keyUsage, true),
    // Timestamping EKU must be the only one and critical (RFC 3161 2.3).
    new x509.ExtendedKeyUsageExtension([usage.extendedKeyUsage], request.usage === 'tsa'),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
  ];
  if (request.usage === 'tls-server') {
    const names = [
      ...(request.dnsNames ?? ['localhost']).map((value) => ({ type: 'dns' as const, value })),
      ...(request.ipAddresses ?? ['127.0.0.1']).map((value) => ({ type: 'ip' as const, value })),
    ];
    extensions.push(new x509.SubjectAlternativeNameExtension(names));
  }
  // id-pkix-ocsp-nocheck: relying parties need not ask about the responder's own certificate (RFC 6960 4.2.2.2.1).
  if (request.usage === 'ocsp') extensions.push(new x509.Extension('1.3.6.1.5.5.7.48.1.5', false, new Uint8Array([0x05, 0x00])));
  // NSS (pdfsig) reports a stale "extension not found" as a certificate problem when a leaf has no CRL distribution point.
  if (request.crlUrl && request.usage !== 'ocsp') extensions.push(new x509.CRLDistributionPointsExtension([request.crlUrl]));
  if (request.ocspUrl && request.usage !== 'ocsp') {
    extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: request.ocspUrl }));
  }
  const serialNumber = randomSerial();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject,
    issuer: issuer.certificate.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: KEY_ALGORITHM,
    extensions,
  });
  const certPem = certificate.toString('pem') + '\n';
  return {
    certPem,
    chainPem: `${certPem}${issuer.certPem}`,
    keyPem: await exportPrivateKeyPem(keys.privateKey),
    serialNumber: normalizeSerial(certificate.serialNumber),
    certificate,
    privateKey: keys.privateKey,
  };
}

async function caKeyPair(certificate: x509.X509Certificate, privateKey: CryptoKey): Promise<CaKeyPair> {
  return { certPem: certificate.toString('pem') + '\n', keyPem: await exportPrivateKeyPem(privateKey), certificate, privateKey };
}

interface StoredState {
  root: CaKeyPair;
  issuing: CaKeyPair;
  issued: Record<string, string>;
  revoked: Revocation[];
}

async function loadState(dir: string): Promise<StoredState | undefined> {
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  let rootPem: string;
  try {
    rootPem = await read('root-ca.pem');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const load = async (certPem: string, keyPem: string): Promise<CaKeyPair> => ({
    certPem,
    keyPem,
    certificate: new x509.X509Certificate(certPem),
    privateKey: await importPrivateKey(keyPem),
  });
  return {
    root: await load(rootPem, await read('root-ca.key.pem')),
    issuing: await load(await read('issuing-ca.pem'), await read('issuing-ca.key.pem')),
    issued: JSON.parse(await read('issued.json')) as Record<string, string>,
    revoked: JSON.parse(await read('revoked.json')) as Revocation[],
  };
}
