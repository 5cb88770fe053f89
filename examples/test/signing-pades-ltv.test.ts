/**
 * PAdES B-LT: a B-T signature plus the DSS (chains of the signer and the TSA, OCSP responses)
 * in an incremental update. With the OCSP responder and the TSA stopped, pdfsig (-no-ocsp,
 * the test CA trusted) and our verifier (offline) still accept it; a change after signing is
 * still caught.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { certificatesFromPem, localKeySigner, readValidationMaterial, signPdf, verifyPdf } from '@konstruktor/connectors';
import { createTestPki, startOcspResponder, startTimestampAuthority, type OcspResponder, type TestPki } from '@konstruktor/examples';
import { nssDatabaseTrusting, pdfsig, toolsPresent } from '../src/signing-tools.js';

let pki: TestPki;
let ocsp: OcspResponder;
let tsa: Awaited<ReturnType<typeof startTimestampAuthority>>;
let dir: string;
let signed: Uint8Array;
let archived: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  ocsp = await startOcspResponder({ pki });
  tsa = await startTimestampAuthority({ pki });
  dir = await mkdtemp(join(tmpdir(), 'pades-lt-'));
  const document = await PDFDocument.create();
  document.addPage().drawText('Leidimas Nr. 7', { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  const issued = await pki.issue({ subject: 'CN=Ona Valdininke, SERIALNUMBER=PNOLT-48501010001, C=LT', usage: 'signing' });
  const options = { signer: localKeySigner({ keyPem: issued.keyPem, certificatePem: issued.chainPem }), tsaUrl: tsa.url, caCertificates: certificatesFromPem(pki.caCertPem) };
  signed = await signPdf(await document.save(), { ...options, level: 'B-LT' });
  archived = await signPdf(await document.save(), { ...options, level: 'B-LTA' });
  // Everything below runs with the responder and the TSA gone.
  await ocsp.close();
  await tsa.close();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PAdES B-LT', () => {
  it('keeps the chains of the signer and the TSA, and OCSP responses for both, in the DSS', async () => {
    const material = (await readValidationMaterial(signed))!;
    expect(material.ocspResponses).toHaveLength(2);
    // signer, issuing CA, root, TSA, OCSP responder
    expect(material.certificates).toHaveLength(5);
    expect(Buffer.from(signed).toString('latin1')).toMatch(/\/VRI\s*<<\s*\/[0-9A-F]{40}/);
  });

  it('validates offline: our verifier says B-LT valid, revocation from the embedded OCSP response', async () => {
    const report = await verifyPdf(signed, { trustedPem: pki.caCertPem, offline: true });
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.signatures[0]).toMatchObject({ level: 'B-LT', signer: 'Ona Valdininke', valid: true });
    expect(report.signatures[0]!.checks.revocation).toMatchObject({ status: 'passed', message: expect.stringMatching(/kept in the document/) });
    expect(report.signatures[0]!.checks.timestamp.status).toBe('passed');
  });

  it('still validates three years on, when every certificate in it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() + 3 * 365 * 24 * 60 * 60 * 1000));
      const report = await verifyPdf(signed, { trustedPem: pki.caCertPem, offline: true });
      expect(report.signatures[0]!.checks).toMatchObject({ chain: { status: 'passed' }, revocation: { status: 'passed' }, timestamp: { status: 'passed' } });
      expect(report.valid).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it.skipIf(!toolsPresent('pdfsig', 'certutil'))('pdfsig -no-ocsp: signature valid, certificate trusted, document not changed', async () => {
    const nssDir = await nssDatabaseTrusting(pki.caCertPem);
    const file = join(dir, 'permit-lt.pdf');
    await writeFile(file, signed);
    const out = await pdfsig(nssDir, file, { noOcsp: true });
    await rm(nssDir, { recursive: true, force: true });
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
    expect(out).toMatch(/Signed Ranges: \[0 - \d+\], \[\d+ - \d+\]/);
    expect(out).not.toContain('Total document signed');
  });

  it('offline, a B-T signature (no DSS) cannot have its revocation checked, and B-LT needs the TSA', async () => {
    const issued = await pki.issue({ subject: 'Offline Signer', usage: 'signing' });
    const signer = localKeySigner({ keyPem: issued.keyPem, certificatePem: issued.chainPem });
    // The TSA is stopped by now: B-LT (and B-T) cannot be made, and nothing half-done comes back.
    await expect(signPdf(signed, { signer, level: 'B-LT', tsaUrl: tsa.url })).rejects.toThrow(/TSA .* unreachable/);
    const bb = await signPdf(new Uint8Array(Buffer.from(await (await PDFDocument.create()).save())), { signer });
    const report = await verifyPdf(bb, { trustedPem: pki.caCertPem, offline: true });
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.checks.revocation).toMatchObject({ status: 'failed', message: expect.stringMatching(/keeps no OCSP response/) });
  });

  it('B-LTA: a document timestamp over it all, valid offline; pdfsig still accepts the signature', async () => {
    const report = await verifyPdf(archived, { trustedPem: pki.caCertPem, offline: true });
    expect(report.problems).toEqual([]);
    expect(report.signatures[0]).toMatchObject({ level: 'B-LTA', valid: true });
    expect(report.documentTimestamps).toEqual([{ tsa: 'Konstruktor Test TSA', time: expect.any(Date), valid: true, problems: [] }]);
    expect(report.valid).toBe(true);
    if (!toolsPresent('pdfsig', 'certutil')) return;
    const nssDir = await nssDatabaseTrusting(pki.caCertPem);
    const file = join(dir, 'permit-lta.pdf');
    await writeFile(file, archived);
    const out = await pdfsig(nssDir, file, { noOcsp: true });
    await rm(nssDir, { recursive: true, force: true });
    // poppler 22 lists the document timestamp ("Signature Type: unknown") but does not verify it.
    expect(out.split('Signature #2')[0]).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signature #2');
  });

  it('an appended change to the page after the DSS is still a change after signing', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const pageObject = /(\d+) 0 obj\s*<<[^]*?\/Type \/Page\b/.exec(text)!;
    const tail = `\n${pageObject[1]} 0 obj\n<< /Type /Page >>\nendobj\n`;
    const report = await verifyPdf(new Uint8Array(Buffer.concat([Buffer.from(signed), Buffer.from(tail, 'latin1')])), { trustedPem: pki.caCertPem, offline: true });
    expect(report.valid).toBe(false);
    expect(report.problems.join(' ')).toMatch(/changed after the last signature/);
  });
});
