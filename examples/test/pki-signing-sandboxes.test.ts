import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { certificatesFromPem, checkOcsp, parseCertificate } from '@konstruktor/connectors';
import { createTestPki, startSigningSandboxes } from '@konstruktor/examples';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const cert = (pem: string) => parseCertificate(certificatesFromPem(pem)[0]!);

describe('signing sandboxes kept in a folder', () => {
  it('a restart reuses the ports and the seal, whose OCSP URL answers again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signing-sandboxes-'));
    dirs.push(dir);
    const first = await startSigningSandboxes({ pki: await createTestPki({ dir }), dir, mobileSignature: false });
    const { seal, connectorSecrets } = first;
    expect(Object.keys(connectorSecrets).sort()).toEqual(['SIGNING_CERT', 'SIGNING_KEY', 'SIGNING_TRUSTED_CA', 'SIGNING_TSA_URL']);
    await first.close();

    const pki = await createTestPki({ dir });
    const second = await startSigningSandboxes({ pki, dir, mobileSignature: false });
    try {
      expect(second.seal).toEqual(seal);
      expect(second.ocsp.url).toBe(first.ocsp.url);
      const status = await checkOcsp(cert(seal.chainPem), cert(pki.issuing.certPem), [cert(pki.caCertPem)]);
      expect(status.status).toBe('good');
    } finally {
      await second.close();
    }
  });
});
