/**
 * The e-signing sandboxes together, for `npm start`, the CLI and tests: OCSP responder (and
 * CRL), timestamping authority, mobile-signature service and an agency seal certificate, with
 * the connector secrets that point the signing connectors at them. Given a folder, the ports
 * and the seal are kept there, so certificates issued earlier still name a live OCSP URL.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startMobileSignatureSandbox, type MobileSignatureSandbox } from '../mobile-signature/index.js';
import type { TestPki } from './ca.js';
import { startOcspResponder, type OcspResponder } from './ocsp-responder.js';
import { startTimestampAuthority } from './tsa.js';

export const SANDBOX_RELYING_PARTY = { relyingPartyUUID: '00000000-0000-4000-8000-000000000000', relyingPartyName: 'Konstruktor Sandbox' };

export interface SigningSandboxes {
  ocsp: OcspResponder;
  tsa: Awaited<ReturnType<typeof startTimestampAuthority>>;
  /** Absent when started with `mobileSignature: false`. */
  mobileSignature?: MobileSignatureSandbox;
  /** The agency seal: certificate chain and key (PEM). */
  seal: { chainPem: string; keyPem: string };
  /** SIGNING_* secrets for the signing connectors. */
  connectorSecrets: Record<string, string>;
  close(): Promise<void>;
}

interface Saved {
  ocspPort?: number;
  tsaPort?: number;
  mobilePort?: number;
}

export async function startSigningSandboxes(options: { pki: TestPki; dir?: string; mobileSignature?: boolean }): Promise<SigningSandboxes> {
  const { pki, dir } = options;
  const saved: Saved = dir ? await readJson<Saved>(join(dir, 'signing-sandboxes.json'), {}) : {};
  // A saved port may be taken by now; another one then, and certificates naming the old one are re-issued.
  const onPort = async <T>(port: number | undefined, start: (port?: number) => Promise<T>): Promise<T> => {
    try {
      return await start(port);
    } catch (error) {
      if (port && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return start(0);
      throw error;
    }
  };
  const ocsp = await onPort(saved.ocspPort, (port) => startOcspResponder({ pki, port }));
  const tsa = await onPort(saved.tsaPort, (port) => startTimestampAuthority({ pki, port }));
  const mobileSignature = options.mobileSignature === false ? undefined : await onPort(saved.mobilePort, (port) => startMobileSignatureSandbox({ pki, ...SANDBOX_RELYING_PARTY, port }));
  const seal = await loadOrIssueSeal(pki, ocsp.url, dir);
  if (dir) {
    await mkdir(dir, { recursive: true });
    const mobilePort = mobileSignature ? Number(new URL(mobileSignature.url).port) : saved.mobilePort;
    await writeFile(join(dir, 'signing-sandboxes.json'), JSON.stringify({ ocspPort: ocsp.port, tsaPort: tsa.port, mobilePort }, null, 2));
  }
  return {
    ocsp,
    tsa,
    mobileSignature,
    seal,
    connectorSecrets: { SIGNING_KEY: seal.keyPem, SIGNING_CERT: seal.chainPem, SIGNING_TSA_URL: tsa.url, SIGNING_TRUSTED_CA: pki.caCertPem },
    async close() {
      await Promise.all([ocsp.close(), tsa.close(), mobileSignature?.close()]);
    },
  };
}

async function loadOrIssueSeal(pki: TestPki, ocspUrl: string, dir?: string): Promise<{ chainPem: string; keyPem: string }> {
  const saved = dir ? await readJson<{ chainPem?: string; keyPem?: string; ocspUrl?: string }>(join(dir, 'seal.json'), {}) : {};
  if (saved.chainPem && saved.keyPem && saved.ocspUrl === ocspUrl) return { chainPem: saved.chainPem, keyPem: saved.keyPem };
  const issued = await pki.issue({ subject: 'Konstruktor Sandbox Agency Seal', usage: 'signing', ocspUrl });
  const seal = { chainPem: issued.chainPem, keyPem: issued.keyPem };
  if (dir) await writeFile(join(dir, 'seal.json'), JSON.stringify({ ...seal, ocspUrl }, null, 2), { mode: 0o600 });
  return seal;
}

async function readJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}
