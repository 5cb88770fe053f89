import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localKeySigner, signPdf, verifyPdf } from '@konstruktor/connectors';
import { createTestPki, startOcspResponder, startTimestampAuthority, type OcspResponder, type TestPki } from '@konstruktor/examples';
import { nssDatabaseTrusting, pdfsig, toolsPresent } from '../src/signing-tools.js';

const withPdfsig = toolsPresent('pdfsig', 'certutil') ? it : it.skip;

let pki: TestPki;
let ocsp: OcspResponder;
let tsa: Awaited<ReturnType<typeof startTimestampAuthority>>;
let dir: string;
let nssDir: string;
let decision: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  ocsp = await startOcspResponder({ pki });
  tsa = await startTimestampAuthority({ pki });
  dir = await mkdtemp(join(tmpdir(), 'pades-'));
  if (toolsPresent('certutil')) nssDir = await nssDatabaseTrusting(pki.caCertPem);
  const document = await PDFDocument.create();
  document.addPage().drawText('Sprendimas Nr. 1', { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  decision = await document.save();
});
afterAll(async () => {
  await ocsp?.close();
  await tsa?.close();
  await Promise.all([dir, nssDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

async function signer(subject = 'Jonas Jonaitis') {
  const issued = await pki.issue({ subject, usage: 'signing' });
  return { issued, signer: localKeySigner({ keyPem: issued.keyPem, certificatePem: issued.chainPem }) };
}

const trust = () => ({ trustedPem: pki.caCertPem });

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** Changes one byte inside the second signed range (the signature dictionary's /Reason). */
function tamper(pdf: Uint8Array): Uint8Array {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('Signed with Konstruktor');
  copy[at] = 'Z'.charCodeAt(0);
  return new Uint8Array(copy);
}

describe('PAdES', () => {
  it('B-B: a detached CAdES signature our verifier and pdfsig both accept', async () => {
    const { signer: s } = await signer();
    const signed = await signPdf(decision, { signer: s });
    const report = await verifyPdf(signed, trust());
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ signer: 'Jonas Jonaitis', format: 'PAdES', level: 'B-B' });
    expect(report.signatures[0]!.checks.revocation.status).toBe('passed');
    if (toolsPresent('pdfsig', 'certutil')) {
      const out = await pdfsig(nssDir, await save('bb.pdf', signed));
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Certificate Validation: Certificate is Trusted.');
      expect(out).toContain('Total document signed');
    }
  });

  it('B-T: the signature carries a timestamp from the TSA, checked by our verifier; pdfsig accepts it', async () => {
    const { signer: s } = await signer('Ona Onaitė');
    const before = tsa.requests();
    const signed = await signPdf(decision, { signer: s, level: 'B-T', tsaUrl: tsa.url });
    const report = await verifyPdf(signed, trust());
    expect(report.valid).toBe(true);
    expect(report.signatures[0]).toMatchObject({ level: 'B-T', signer: 'Ona Onaitė' });
    expect(report.signatures[0]!.checks.timestamp.status).toBe('passed');
    expect(Math.abs(report.signatures[0]!.timestamp!.getTime() - Date.now())).toBeLessThan(120_000);
    expect(tsa.requests()).toBeGreaterThan(before);
    if (toolsPresent('pdfsig', 'certutil')) {
      const out = await pdfsig(nssDir, await save('bt.pdf', signed));
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Certificate Validation: Certificate is Trusted.');
    }
  });

  withPdfsig('a tampered copy fails in pdfsig and in our verifier', async () => {
    const { signer: s } = await signer();
    const tampered = tamper(await signPdf(decision, { signer: s, level: 'B-T', tsaUrl: tsa.url }));
    const report = await verifyPdf(tampered, trust());
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.checks.integrity).toMatchObject({ status: 'failed', message: expect.stringMatching(/modified after signing/) });
    const out = await pdfsig(nssDir, await save('tampered.pdf', tampered));
    expect(out).toContain('Signature Validation: Digest Mismatch.');
  });

  withPdfsig('a revoked signer certificate fails revocation (OCSP) in our verifier and pdfsig', async () => {
    const { issued, signer: s } = await signer('Revoked Signer');
    const signed = await signPdf(decision, { signer: s });
    await pki.revoke(issued.serialNumber, 1);
    const report = await verifyPdf(signed, trust());
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.checks.revocation).toMatchObject({ status: 'failed', message: expect.stringMatching(/revoked/) });
    expect(report.signatures[0]!.checks.signature.status).toBe('passed');
    const out = await pdfsig(nssDir, await save('revoked.pdf', signed));
    expect(out).toContain('Certificate has been Revoked.');
  });

  withPdfsig('a signature from another CA is not trusted', async () => {
    const stranger = await createTestPki({ name: 'Stranger' });
    const issued = await stranger.issue({ subject: 'Mallory', usage: 'signing' });
    const signed = await signPdf(decision, { signer: localKeySigner({ keyPem: issued.keyPem, certificatePem: issued.chainPem }) });
    const report = await verifyPdf(signed, { ...trust(), checkRevocation: false });
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.checks.chain).toMatchObject({ status: 'failed', message: expect.stringMatching(/not trusted/) });
    const out = await pdfsig(nssDir, await save('stranger.pdf', signed));
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).not.toContain('Certificate is Trusted');
  });

  it('refuses bad input with a message naming the field', async () => {
    const { signer: s } = await signer();
    await expect(signPdf(new TextEncoder().encode('not a pdf'), { signer: s })).rejects.toThrow(/pdf:/);
    await expect(signPdf(decision, { signer: s, level: 'B-T' })).rejects.toThrow(/tsaUrl/);
    expect((await verifyPdf(decision, trust())).problems).toContain('the PDF has no signature');
  });
});
