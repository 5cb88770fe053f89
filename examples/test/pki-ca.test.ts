import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestPki } from '@konstruktor/examples';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function get(port: number, options: https.RequestOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port, path: '/', ...options }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe('test PKI', () => {
  it('issues certificates that chain to the root and carry their usage', async () => {
    const pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp' });
    const signer = await pki.issue({ subject: 'Jonas Jonaitis', usage: 'signing' });
    const leaf = new X509Certificate(signer.certPem);
    const issuing = new X509Certificate(pki.issuing.certPem);
    const root = new X509Certificate(pki.caCertPem);
    expect(leaf.verify(issuing.publicKey)).toBe(true);
    expect(issuing.verify(root.publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.infoAccess).toContain('OCSP - URI:http://127.0.0.1:9/ocsp');
    expect(leaf.keyUsage).toContain('1.3.6.1.5.5.7.3.4');
    const tsa = new X509Certificate((await pki.issue({ subject: 'TSA', usage: 'tsa' })).certPem);
    expect(tsa.keyUsage).toEqual(['1.3.6.1.5.5.7.3.8']);
    await expect(pki.issue({ subject: 'x', usage: 'nope' as never })).rejects.toThrow(/usage/);
  });

  it('serves mutual TLS: a client with an issued certificate gets in, one without is refused', async () => {
    const pki = await createTestPki();
    const server = await pki.issue({ subject: 'register.test', usage: 'tls-server' });
    const client = await pki.issue({ subject: 'konstruktor-client', usage: 'tls-client' });
    const httpsServer = https.createServer(
      { key: server.keyPem, cert: server.chainPem, ca: pki.caCertPem, requestCert: true, rejectUnauthorized: true },
      (req, res) => res.end((req.socket as TLSSocket).getPeerCertificate().subject.CN),
    );
    await new Promise<void>((resolve) => httpsServer.listen(0, '127.0.0.1', resolve));
    const { port } = httpsServer.address() as AddressInfo;
    try {
      expect(await get(port, { ca: pki.caCertPem, key: client.keyPem, cert: client.chainPem })).toBe('konstruktor-client');
      await expect(get(port, { ca: pki.caCertPem })).rejects.toThrow();
    } finally {
      httpsServer.close();
    }
  });

  it('keeps the same CA, issued certificates and revocations in its folder across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pki-'));
    dirs.push(dir);
    const first = await createTestPki({ dir });
    const cert = await first.issue({ subject: 'Petras', usage: 'signing' });
    await first.revoke(cert.serialNumber, 1);
    const second = await createTestPki({ dir });
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.status(cert.serialNumber)).toMatchObject({ status: 'revoked', reason: 1 });
    expect(second.status('0123')).toEqual({ status: 'unknown' });
    await expect(second.revoke('0123')).rejects.toThrow(/serialNumber/);
  });
});
