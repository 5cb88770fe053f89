/**
 * Pressing Submit counts as signing (seed 003): each order gets a receipt of the answers'
 * canonical JSON digest, the terms version and the declaration in the submitter's language,
 * and the platform seals a receipt PDF over it (PAdES) shortly after the submit, read back
 * with pdftotext and checked with pdfsig trusting the sandbox CA.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, startSigningSandboxes, type SigningSandboxes, type TestPki } from '@konstruktor/examples';
import { nssDatabaseTrusting, pdfsig, toolsPresent } from '@konstruktor/examples/signing-tools';
import type { ApiClient } from './support/api-client.js';
import { eventually } from './support/eventually.js';
import { citizen, createUser, startTestRuntime, type TestRuntime } from './support/harness.js';
import { publishFormService, VALID_ANSWERS } from './forms-fixture.js';
import { platformSealFromEnv } from '../src/receipts/platform-seal.js';
import { ReceiptSealer } from '../src/receipts/receipt-sealer.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
// Without poppler-utils and certutil the PDF cannot be read back or checked; CI installs them and must not skip.
const haveTools = (existsSync(PDFTOTEXT) && toolsPresent('pdfsig', 'certutil')) || process.env.CI === 'true';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const sealEnv = (signing: SigningSandboxes) => Object.fromEntries(Object.entries(signing.connectorSecrets).map(([name, value]) => [`CONNECTOR_SECRET_${name}`, value]));

/** Downloads a PDF with the client's session: its status, and the file it was saved to. */
async function download(t: TestRuntime, client: ApiClient, url: string, dir: string): Promise<{ status: number; type: string | null; file: string }> {
  const response = await fetch(`${t.url}${url}`, { headers: { cookie: (client as unknown as { cookie: string }).cookie } });
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return { status: response.status, type: response.headers.get('content-type'), file };
}

const pdfText = async (file: string) => (await promisify(execFile)(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');

describe.runIf(haveTools)('signed receipt of an order', () => {
  let t: TestRuntime;
  let pki: TestPki;
  let signing: SigningSandboxes;
  let service: string;
  let jonas: ApiClient;
  let dir: string;
  let nssDir: string;

  const submit = (client: ApiClient, body: Record<string, unknown>, headers: Record<string, string> = {}) => client.request('POST', '/api/applications', body, { headers });
  const sealedReceipt = (client: ApiClient, id: string) =>
    eventually(async () => {
      const receipt = await client.get(`/api/applications/${id}/receipt`);
      return receipt.body.seal?.status === 'sealed' && receipt.body;
    }, 'the receipt to be sealed');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'receipt-'));
    pki = await createTestPki();
    signing = await startSigningSandboxes({ pki, mobileSignature: false });
    nssDir = await nssDatabaseTrusting(pki.caCertPem);
    t = await startTestRuntime({}, sealEnv(signing));
    service = await publishFormService(t);
    jonas = await citizen(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await signing?.close();
    await Promise.all([dir, nssDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('shows before Submit what submitting confirms, in lt, lv and en, with the terms version', async () => {
    const { status, body } = await t.anonymous().get('/api/terms/declaration');
    expect(status).toBe(200);
    expect(body.termsVersion).toBe(1);
    expect(body.declaration.lt).toContain('prilyginamas mano parašui');
    expect(body.declaration.lv).toContain('pielīdzināma manam parakstam');
    expect(body.declaration.en).toContain('counts as my signature');
    expect((await t.anonymous().get('/api/terms/current')).body.declaration).toEqual(body.declaration);
  });

  it('records the digest of the canonical answers, the terms and the Lithuanian declaration, and seals a Lithuanian receipt PDF that pdfsig accepts', async () => {
    const data = { ...VALID_ANSWERS, applicant: { ...VALID_ANSWERS.applicant, givenName: 'Ąžuolas' }, place: 'Rotušės a. 1, Kaunas (ąčęėįšųūž)' };
    const submitted = await submit(jonas, { service, data }, { 'accept-language': 'lt' });
    expect(submitted.status).toBe(201);
    const { id } = submitted.body;
    const { caseCode } = (await jonas.get(`/api/applications/${id}`)).body;
    const declaration = (await t.anonymous().get('/api/terms/declaration')).body.declaration.lt;

    const receipt = await sealedReceipt(jonas, id);
    const digest = sha256(canonicalize(data)!);
    expect(receipt).toMatchObject({
      applicationId: id, caseCode, submittedBy: 'Jonas Jonaitis', onBehalfOf: null, termsVersion: 1, language: 'lt', declaration,
      canonicalization: 'RFC 8785', algorithm: 'SHA-256', digest, seal: { status: 'sealed', href: `/api/applications/${id}/receipt.pdf` },
    });
    const application = (await jonas.get(`/api/applications/${id}`)).body;
    expect(sha256(canonicalize(application.data)!)).toBe(digest);
    expect(application.timeline.map((e: { kind: string }) => e.kind)).toContain('receipt-sealed');

    const pdf = await download(t, jonas, receipt.seal.href, dir);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf.file);
    expect(text).toContain('Prašymo pateikimo kvitas');
    expect(text).toContain(`Bylos kodas ${caseCode}`);
    expect(text).toContain('Leidimas prekiauti');
    expect(text).toContain('Naudojimosi taisyklių redakcija 1');
    expect(text).toContain(digest);
    expect(text).toContain(declaration);
    expect(text).toContain('Prekybos vieta: Rotušės a. 1, Kaunas (ąčęėįšųūž)');

    const report = await pdfsig(nssDir, pdf.file);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Total document signed');
  });

  it('answers a replayed submit with the same receipt and makes no second one', async () => {
    const body = { service, data: { ...VALID_ANSWERS, place: 'Vilniaus g. 1' }, lang: 'lv' };
    const first = await submit(jonas, body, { 'idempotency-key': 'receipt-once' });
    expect(first.status).toBe(201);
    const receipt = await sealedReceipt(jonas, first.body.id);
    expect(receipt.language).toBe('lv');
    expect(receipt.declaration).toContain('pielīdzināma manam parakstam');
    const before = await t.snapshot();
    const again = await submit(jonas, body, { 'idempotency-key': 'receipt-once' });
    expect(again.body).toEqual(first.body);
    expect((await jonas.get(`/api/applications/${again.body.id}/receipt`)).body).toEqual(receipt);
    expect(await t.snapshot()).toEqual(before);
  });

  it("shows the receipt to whoever may see the application, and to nobody else (404, as another's application)", async () => {
    const { body: { id } } = await submit(jonas, { service, data: VALID_ANSWERS });
    await sealedReceipt(jonas, id);
    const ieva = await citizen(t, 'citizen2');
    const stranger = await createUser(t, { username: `official-lv-${process.pid}`, roles: ['official'], agency: 'lv-vsaa' });
    const otherOfficial = await t.as(stranger.username);
    for (const outsider of [ieva, otherOfficial]) {
      expect((await outsider.get(`/api/applications/${id}/receipt`)).status).toBe(404);
      expect((await download(t, outsider, `/api/applications/${id}/receipt.pdf`, dir)).status).toBe(404);
    }
    const official = await t.as('official');
    expect((await official.get(`/api/applications/${id}/receipt`)).body.seal.status).toBe('sealed');
    expect((await download(t, official, `/api/applications/${id}/receipt.pdf`, dir)).status).toBe(200);
  });

  it('refuses a receipt language that is not lt, lv or en, and changes nothing', async () => {
    const before = await t.snapshot();
    const refused = await submit(jonas, { service, data: VALID_ANSWERS, lang: 'de' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('lang');
    expect(await t.snapshot()).toEqual(before);
  });

  it('names the legal entity the submitter acted for, in the receipt and its PDF', async () => {
    const company = `30${String(process.pid).padStart(7, '0')}`;
    const granted = await (await t.as('administrator')).post('/api/representations', { username: 'citizen', entityCode: company, entityName: 'UAB Kvitas', capacity: 'manager' });
    expect(granted.status).toBe(201);
    const submitted = await submit(jonas, { service, data: VALID_ANSWERS, onBehalfOf: company, lang: 'en' });
    expect(submitted.status).toBe(201);
    const receipt = await sealedReceipt(jonas, submitted.body.id);
    expect(receipt).toMatchObject({ submittedBy: 'Jonas Jonaitis', onBehalfOf: company });
    const text = await pdfText((await download(t, jonas, receipt.seal.href, dir)).file);
    expect(text).toContain('Submitted by Jonas Jonaitis (38501010013)');
    expect(text).toContain(`On behalf of the legal entity ${company}`);
  });

  it('prints HTML and script in the answers as literal text', async () => {
    const place = '<script>alert("x")</script><b>bold</b> & <img src=x onerror=alert(1)>';
    const submitted = await submit(jonas, { service, data: { ...VALID_ANSWERS, place }, lang: 'en' });
    expect(submitted.status).toBe(201);
    const receipt = await sealedReceipt(jonas, submitted.body.id);
    const text = await pdfText((await download(t, jonas, receipt.seal.href, dir)).file);
    expect(text).toContain('Submission receipt');
    expect(text).toContain(`Trading place: ${place}`);
  });
});

describe.runIf(haveTools)('sealing a receipt that failed', () => {
  let t: TestRuntime;
  let signing: SigningSandboxes;

  beforeAll(async () => {
    signing = await startSigningSandboxes({ pki: await createTestPki(), mobileSignature: false });
    // No seal configured: receipts are recorded and wait.
    t = await startTestRuntime();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await signing?.close();
  });

  it('keeps the receipt pending (409 for the PDF, with Retry-After) and seals it on a later attempt after a failure', async () => {
    const service = await publishFormService(t);
    const jonas = await citizen(t);
    const { body: { id } } = await jonas.post('/api/applications', { service, data: VALID_ANSWERS });
    expect((await jonas.get(`/api/applications/${id}/receipt`)).body.seal).toEqual({ status: 'pending', sealedAt: null, documentId: null, href: null });
    const early = await jonas.get(`/api/applications/${id}/receipt.pdf`);
    expect(early.status).toBe(409);
    expect(early.headers.get('retry-after')).toBe('5');

    const seal = platformSealFromEnv(sealEnv(signing))!;
    let calls = 0;
    const flaky = { level: seal.level, seal: (pdf: Uint8Array, reason: string) => (++calls === 1 ? Promise.reject(new Error('signer unreachable')) : seal.seal(pdf, reason)) };
    const { services, database, logger } = t.runtime;
    const sealer = new ReceiptSealer(database.dataSource, { seal: flaky, forms: services.forms, documents: services.documents, audit: services.audit, logger });
    const row = async () => ((await database.dataSource.query('SELECT seal_status, seal_attempts, seal_error, seal_due_at > now() AS later FROM application_receipt WHERE application_id = $1', [id])) as Record<string, unknown>[])[0];

    expect(await sealer.sealDue()).toBe(0);
    expect(await row()).toMatchObject({ seal_status: 'pending', seal_attempts: 1, seal_error: 'signer unreachable', later: true });
    expect(await sealer.sealDue()).toBe(0); // not due yet
    await database.dataSource.query('UPDATE application_receipt SET seal_due_at = now() WHERE application_id = $1', [id]);
    expect(await sealer.sealDue()).toBe(1);
    expect(await row()).toMatchObject({ seal_status: 'sealed', seal_attempts: 2, seal_error: null });
    expect((await jonas.get(`/api/applications/${id}/receipt`)).body.seal.status).toBe('sealed');
    expect((await jonas.get(`/api/applications/${id}/receipt.pdf`)).status).toBe(200);
  });
});
