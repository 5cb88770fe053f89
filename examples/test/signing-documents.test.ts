/**
 * Documents generated from templates (pdfmake's layout, annexed PDFs joined by pdf-lib) take a
 * PAdES signature that our verifier and pdfsig accept.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, localKeySigner, parseTemplate, renderPdf, signPdf, verifyPdf } from '@konstruktor/connectors';
import { createTestPki, startOcspResponder, type OcspResponder, type TestPki } from '@konstruktor/examples';
import { nssDatabaseTrusting, pdfsig, toolsPresent } from '../src/signing-tools.js';

let pki: TestPki;
let ocsp: OcspResponder;
let dir: string;
let nssDir: string;

beforeAll(async () => {
  pki = await createTestPki();
  ocsp = await startOcspResponder({ pki });
  dir = await mkdtemp(join(tmpdir(), 'pades-documents-'));
  if (toolsPresent('certutil')) nssDir = await nssDatabaseTrusting(pki.caCertPem);
});
afterAll(async () => {
  await ocsp?.close();
  await Promise.all([dir, nssDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

const DECISION = {
  language: 'lt', issuer: 'Kauno miesto savivaldybės administracija', title: 'SPRENDIMAS Nr. {{number}}',
  body: [{ fields: [{ label: 'Pareiškėjas', value: '{{applicant}}' }] }, { paragraph: 'Leidimas išduodamas.' }],
};
const DATA = { number: 'KNS-7', applicant: 'Jūratė Žemaitienė', plan: 'plan-1' };

/** The decision as the documents connector renders it, with the applicant's plan (a stored PDF) annexed or not. */
async function decision(annexed: boolean) {
  if (!annexed) return renderPdf(fillTemplate(parseTemplate(DECISION), DATA));
  const plan = await renderPdf(fillTemplate(parseTemplate({ language: 'lt', title: 'Sklypo planas', body: [] }), {}));
  const template = { ...DECISION, annexes: [{ title: 'Pareiškėjo pateiktas planas', document: '{{plan}}' }] };
  return renderPdf(fillTemplate(parseTemplate(template), DATA), new Map([['plan-1', plan.pdf]]));
}

describe('PAdES over generated documents', () => {
  it.each([
    ['laid out by pdfmake alone', false],
    ['with an annexed PDF joined by pdf-lib', true],
  ])('a decision %s signs (B-B) and verifies', async (name, annexed) => {
    const { pdf, pages } = await decision(annexed);
    expect(pages).toBe(annexed ? 3 : 1);
    const issued = await pki.issue({ subject: 'Jonas Jonaitis', usage: 'signing' });
    const signed = await signPdf(pdf, { signer: localKeySigner({ keyPem: issued.keyPem, certificatePem: issued.chainPem }) });
    const report = await verifyPdf(signed, { trustedPem: pki.caCertPem });
    expect(report.valid, JSON.stringify(report.problems)).toBe(true);
    expect(report.signatures[0]).toMatchObject({ signer: 'Jonas Jonaitis', format: 'PAdES', level: 'B-B' });
    if (toolsPresent('pdfsig', 'certutil')) {
      const file = join(dir, `${name.replaceAll(' ', '-')}.pdf`);
      await writeFile(file, signed);
      const out = await pdfsig(nssDir, file);
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Certificate Validation: Certificate is Trusted.');
      expect(out).toContain('Total document signed');
    }
  });
});
