import { unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsice, localKeySigner, openAsice, verifyAsice, type ContainerFile } from '@konstruktor/connectors';
import { createTestPki, startOcspResponder, startTimestampAuthority, type OcspResponder, type TestPki } from '@konstruktor/examples';
import { toolsPresent, xmlsecVerify } from '../src/signing-tools.js';

const withXmlsec = toolsPresent('xmlsec1') ? it : it.skip;

let pki: TestPki;
let ocsp: OcspResponder;
let tsa: Awaited<ReturnType<typeof startTimestampAuthority>>;

beforeAll(async () => {
  pki = await createTestPki();
  ocsp = await startOcspResponder({ pki });
  tsa = await startTimestampAuthority({ pki });
});
afterAll(async () => {
  await ocsp?.close();
  await tsa?.close();
});

const encode = (text: string) => new TextEncoder().encode(text);
const files: ContainerFile[] = [
  { name: 'sprendimas.pdf', content: encode('%PDF-1.7 decision'), mediaType: 'application/pdf' },
  { name: 'priedas 1 – šeimos duomenys.txt', content: encode('Vaikas: Ąžuolas Čepėnas'), mediaType: 'text/plain' },
];

async function signer(subject = 'Rūta Valdininkė') {
  const issued = await pki.issue({ subject, usage: 'signing' });
  return { issued, signer: localKeySigner({ keyPem: issued.keyPem, certificatePem: issued.chainPem }) };
}

/** Replaces one data file, keeping the container's layout (mimetype first, stored). */
function replaceFile(container: Uint8Array, name: string, content: Uint8Array): Uint8Array {
  const entries = unzipSync(container);
  const out: Zippable = { mimetype: [entries.mimetype!, { level: 0 }] };
  for (const [entry, bytes] of Object.entries(entries)) if (entry !== 'mimetype') out[entry] = entry === name ? content : bytes;
  return zipSync(out);
}

describe('ASiC-E with XAdES', () => {
  withXmlsec('B-B: container layout per ASiC-E; our verifier and xmlsec1 accept the signature', async () => {
    const { signer: s } = await signer();
    const container = await createAsice(files, { signer: s });
    const opened = openAsice(container);
    expect(opened.mimetype).toBe('application/vnd.etsi.asic-e+zip');
    expect(opened.mimetypeFirstAndStored).toBe(true);
    expect(opened.manifest).toContain('manifest:full-path="priedas 1 – šeimos duomenys.txt" manifest:media-type="text/plain"');
    expect(opened.signatures.map((x) => x.name)).toEqual(['META-INF/signatures0.xml']);
    const report = await verifyAsice(container, { trustedPem: pki.caCertPem });
    expect(report).toMatchObject({ valid: true, problems: [] });
    expect(report.signatures[0]).toMatchObject({ format: 'XAdES', level: 'B-B', signer: 'Rūta Valdininkė' });
    const xmlsec = await xmlsecVerify(container, pki.caCertPem);
    expect(xmlsec.output).toContain('SignedInfo References (ok/all): 3/3');
    expect(xmlsec.ok).toBe(true);
  });

  withXmlsec('B-T: a SignatureTimeStamp from the TSA over the signature value; xmlsec1 still verifies', async () => {
    const { signer: s } = await signer();
    const container = await createAsice(files, { signer: s, level: 'B-T', tsaUrl: tsa.url });
    const xml = openAsice(container).signatures[0]!.xml;
    expect(xml).toContain('SignatureTimeStamp');
    const report = await verifyAsice(container, { trustedPem: pki.caCertPem });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]!.level).toBe('B-T');
    expect(report.signatures[0]!.checks.timestamp.status).toBe('passed');
    expect((await xmlsecVerify(container, pki.caCertPem)).ok).toBe(true);
  });

  withXmlsec('a changed file fails in our verifier (naming the file) and in xmlsec1', async () => {
    const { signer: s } = await signer();
    const tampered = replaceFile(await createAsice(files, { signer: s }), 'sprendimas.pdf', encode('%PDF-1.7 forged decision'));
    const report = await verifyAsice(tampered, { trustedPem: pki.caCertPem });
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.checks.integrity.message).toBe('sprendimas.pdf was modified after signing');
    const xmlsec = await xmlsecVerify(tampered, pki.caCertPem);
    expect(xmlsec.ok).toBe(false);
  });

  it('a revoked signer certificate fails the OCSP check', async () => {
    const { issued, signer: s } = await signer('Atšaukta Sertifikatė');
    const container = await createAsice(files, { signer: s });
    await pki.revoke(issued.serialNumber, 1);
    const report = await verifyAsice(container, { trustedPem: pki.caCertPem });
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.checks.revocation).toMatchObject({ status: 'failed', message: expect.stringMatching(/revoked/) });
    expect(report.signatures[0]!.checks.signature.status).toBe('passed');
  });

  withXmlsec('a signature from another CA is not trusted by our verifier nor by xmlsec1', async () => {
    const stranger = await createTestPki({ name: 'Stranger' });
    const issued = await stranger.issue({ subject: 'Mallory', usage: 'signing' });
    const container = await createAsice(files, { signer: localKeySigner({ keyPem: issued.keyPem, certificatePem: issued.chainPem }) });
    const report = await verifyAsice(container, { trustedPem: pki.caCertPem, checkRevocation: false });
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.checks.chain.status).toBe('failed');
    expect((await xmlsecVerify(container, pki.caCertPem)).ok).toBe(false);
  });

  it('refuses file names that would break the container, naming the field', async () => {
    const { signer: s } = await signer();
    await expect(createAsice([{ name: 'META-INF/x.xml', content: encode('x') }], { signer: s })).rejects.toThrow(/files\[0\]\.name/);
    await expect(createAsice([files[0]!, files[0]!], { signer: s })).rejects.toThrow(/files\[1\]\.name: .* appears twice/);
    await expect(createAsice([], { signer: s })).rejects.toThrow(/files/);
    expect((await verifyAsice(encode('not a zip'), { trustedPem: pki.caCertPem })).problems[0]).toMatch(/can't be read/);
  });
});
