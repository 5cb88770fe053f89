import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatesFromPem, checkOcsp, parseCertificate, requestTimestamp, verifyTimestampToken } from '@konstruktor/connectors';
import { createTestPki, startOcspResponder, startTimestampAuthority, type OcspResponder, type RunningServer, type TestPki } from '@konstruktor/examples';

const run = promisify(execFile);
const cert = (pem: string) => parseCertificate(certificatesFromPem(pem)[0]!);

let pki: TestPki;
let ocsp: OcspResponder;
let tsa: RunningServer;
let dir: string;

beforeAll(async () => {
  pki = await createTestPki();
  ocsp = await startOcspResponder({ pki });
  tsa = await startTimestampAuthority({ pki });
  dir = await mkdtemp(join(tmpdir(), 'pki-services-'));
});
afterAll(async () => {
  await ocsp?.close();
  await tsa?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('OCSP responder', () => {
  it('answers good for an issued certificate and revoked once the CA revokes it', async () => {
    const signer = await pki.issue({ subject: 'Ona Onaitė', usage: 'signing' });
    expect(signer.certificate.getExtension('1.3.6.1.5.5.7.1.1')).toBeTruthy();
    const issuer = cert(pki.issuing.certPem);
    const trusted = [cert(pki.caCertPem)];
    expect((await checkOcsp(cert(signer.certPem), issuer, trusted)).status).toBe('good');
    await pki.revoke(signer.serialNumber, 1);
    const revoked = await checkOcsp(cert(signer.certPem), issuer, trusted);
    expect(revoked).toMatchObject({ status: 'revoked' });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
  });

  it('answers unknown for a certificate of another CA, and OpenSSL accepts its responses', async () => {
    const other = await createTestPki();
    const stranger = await other.issue({ subject: 'Stranger', usage: 'signing' });
    expect((await checkOcsp(cert(stranger.certPem), cert(other.issuing.certPem), [cert(other.caCertPem)], { url: ocsp.url })).status).not.toBe('good');

    const signer = await pki.issue({ subject: 'Openssl Check', usage: 'signing' });
    await writeFile(join(dir, 'leaf.pem'), signer.certPem);
    await writeFile(join(dir, 'issuer.pem'), pki.issuing.certPem);
    await writeFile(join(dir, 'ca.pem'), `${pki.caCertPem}${pki.issuing.certPem}`);
    const { stdout } = await run('openssl', ['ocsp', '-issuer', join(dir, 'issuer.pem'), '-cert', join(dir, 'leaf.pem'), '-url', ocsp.url, '-CAfile', join(dir, 'ca.pem')]);
    expect(stdout).toContain(': good');
  });
});

describe('timestamp authority', () => {
  it('issues tokens over the given data that verify against the test CA only', async () => {
    const data = new TextEncoder().encode('signature value');
    const token = await requestTimestamp(tsa.url, data);
    const good = await verifyTimestampToken(token, data, [cert(pki.caCertPem)]);
    expect(good).toMatchObject({ ok: true, problems: [] });
    expect(Math.abs(good.genTime!.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await verifyTimestampToken(token, new TextEncoder().encode('other'), [cert(pki.caCertPem)])).problems.join()).toMatch(/imprint/);
    const other = await createTestPki();
    expect((await verifyTimestampToken(token, data, [cert(other.caCertPem)])).problems.join()).toMatch(/not trusted/);
  });

  it('answers a query made by OpenSSL with a reply OpenSSL verifies', async () => {
    await writeFile(join(dir, 'data.txt'), 'hello TSA');
    await run('openssl', ['ts', '-query', '-data', join(dir, 'data.txt'), '-sha256', '-cert', '-out', join(dir, 'q.tsq')]);
    const response = await fetch(tsa.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: await readFile(join(dir, 'q.tsq')) });
    await writeFile(join(dir, 'r.tsr'), new Uint8Array(await response.arrayBuffer()));
    await writeFile(join(dir, 'chain.pem'), `${pki.caCertPem}${pki.issuing.certPem}`);
    const { stdout } = await run('openssl', ['ts', '-verify', '-data', join(dir, 'data.txt'), '-in', join(dir, 'r.tsr'), '-CAfile', join(dir, 'chain.pem')]);
    expect(stdout).toContain('Verification: OK');
  });
});
