import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobileSignatureSigner, signPdf, SigningRefusedError, verifyPdf, type MobileSignerOptions } from '@konstruktor/connectors';
import { createTestPki, startMobileSignatureSandbox, startOcspResponder, type MobileSignatureSandbox, type OcspResponder, type TestPki } from '@konstruktor/examples';

const party = { relyingPartyUUID: '00000000-0000-4000-8000-000000000001', relyingPartyName: 'Konstruktor' };
let pki: TestPki;
let ocsp: OcspResponder;
let service: MobileSignatureSandbox;
let pdf: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  ocsp = await startOcspResponder({ pki });
  service = await startMobileSignatureSandbox({ pki, ...party, answerAfterMs: 200, sessionTimeoutMs: 800 });
  const document = await PDFDocument.create();
  document.addPage();
  pdf = await document.save();
});
afterAll(async () => {
  await service?.close();
  await ocsp?.close();
});

const signer = (personalCode: string, extra: Partial<MobileSignerOptions> = {}) =>
  mobileSignatureSigner({ url: service.url, ...party, personalCode, pollIntervalMs: 100, ...extra });

describe('mobile signature (Smart-ID style sandbox)', () => {
  it('signs a PDF: the code shown to the person matches the phone, and the signature verifies', async () => {
    const shown: string[] = [];
    const signed = await signPdf(pdf, { signer: signer('PNOLT-39001010000', { onVerificationCode: (code) => shown.push(code), displayText: 'Sign decision 1' }) });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^\d{4}$/);
    const session = service.sessions().at(-1)!;
    expect(session).toMatchObject({ personalCode: 'PNOLT-39001010000', verificationCode: shown[0], displayText: 'Sign decision 1' });
    const report = await verifyPdf(signed, { trustedPem: pki.caCertPem });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]!.signer).toBe('Jonas Jonaitis');
  });

  it('a person who refuses ends the signing with a refusal, no document is produced', async () => {
    const error = await signPdf(pdf, { signer: signer('PNOLT-49002020000') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningRefusedError);
    expect(error).toMatchObject({ reason: 'refused' });
  });

  it('a person who never answers ends as a timeout', async () => {
    const error = await signPdf(pdf, { signer: signer('PNOLV-010190-10000') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'timeout' });
  });

  it('an unknown relying party or person is refused with the field named', async () => {
    await expect(mobileSignatureSigner({ url: service.url, relyingPartyUUID: 'x', relyingPartyName: 'y', personalCode: 'PNOLT-39001010000' }).getCertificate()).rejects.toThrow(/401.*relyingPartyUUID/);
    await expect(signer('PNOLT-00000000000').getCertificate()).rejects.toThrow(/404.*personalCode/);
  });
});
