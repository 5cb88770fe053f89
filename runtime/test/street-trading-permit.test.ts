/**
 * The example service examples/services/street-trading-permit, imported as `npm start` imports
 * it, ordered by the demo citizen against the sandboxes: the fee at the sandbox bank, the
 * official's decision through the task form (issue, refuse with a reason, ask for more), the
 * permit signed personally by an official with his mobile signature (a sandbox person who
 * confirms at once, so no one need answer on the sandbox phone) or the rejection letter sealed by
 * the agency (each checked with pdfsig), the status the process gives the order, and the
 * applicant's withdrawal while the process still allows it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServiceDir } from '@konstruktor/examples';
import { nssDatabaseTrusting, pdfsig, toolsPresent } from '@konstruktor/examples/signing-tools';
import { importExamplePackages } from '../src/demo/seed.js';
import { startDemoSandboxes, type DemoSandboxes } from '../src/demo/sandboxes.js';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
// Without poppler-utils and certutil the PDFs cannot be read back or their seal checked; CI installs them and must not skip that.
const haveTools = (existsSync(PDFTOTEXT) && toolsPresent('pdfsig', 'certutil')) || process.env.CI === 'true';
/** The smallest PDF file-type recognises: enough to stand for a stall plan. */
const PLAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** A sandbox mobile-signature person who confirms every signing request at once (examples/sandboxes/mobile-signature). */
const CONFIRMING_PERSONAL_CODE = '39001010000';
const ORDER = { tradingAs: 'person', place: 'Rotušės a. 1', from: '2026-05-01', to: '2026-05-31', goods: 'Gėlės ir medus' };

describe('street trading permit, the example service, on the sandboxes', () => {
  let t: TestRuntime;
  let sandboxes: DemoSandboxes;
  let dir: string;
  let jonas: ApiClient;
  let official: ApiClient;
  let signer: ApiClient;
  let nssDir: string | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'permit-'));
    // On disk, so that pdfsig can be told to trust the sandbox CA that issued the agency's seal.
    sandboxes = await startDemoSandboxes({ dataDir: dir, logger: pino({ level: 'silent' }) });
    if (haveTools) nssDir = await nssDatabaseTrusting(await readFile(path.join(dir, 'sandboxes', 'pki', 'root-ca.pem'), 'utf8'));
    t = await startTestRuntime({}, sandboxes.env);
    expect(await importExamplePackages(t.runtime.services, exampleServiceDir('street-trading-permit'), t.runtime.logger)).toEqual(['street-trading-permit@1.3.2']);
    jonas = await citizen(t);
    official = await t.as('official');
    await createUser(t, { username: 'permit-signer', roles: ['official'], agency: 'kaunas-city', groups: ['permits'], personalCode: CONFIRMING_PERSONAL_CODE });
    signer = await t.as('permit-signer');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await sandboxes?.close();
    await Promise.all([dir, nssDir].filter((d) => d !== undefined).map((d) => rm(d, { recursive: true, force: true })));
  });

  /** An order from the form's prefilled answers and the rest, made in `language`: the process answers in it. */
  async function order(language: 'lt' | 'lv' | 'en', extra: Record<string, unknown> = {}): Promise<string> {
    const form = await jonas.get('/api/services/street-trading-permit/form');
    const ordered = await jonas.request('POST', '/api/applications', { service: 'street-trading-permit', data: { ...form.body.data, ...ORDER, ...extra } }, { headers: { 'accept-language': language } });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    return ordered.body.id as string;
  }

  async function pay(id: string): Promise<void> {
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${id}/payments`)).body.items?.find((p: { redirectUrl: string | null }) => p.redirectUrl), 'the payment order');
    expect(payment).toMatchObject({ kind: 'prepayment', amountCents: 1500, currency: 'EUR' });
    expect((await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(303);
  }

  /** The open task of the order (other than one already done), claimed by the official. */
  async function claimedTask(id: string, done?: string): Promise<{ id: string }> {
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items
      .find((i: { id: string; applicationId: string }) => i.applicationId === id && i.id !== done), "the official's task");
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    return task;
  }

  async function ended(id: string, status: string, end: string) {
    return eventually(async () => {
      const response = await jonas.get(`/api/applications/${id}`);
      return response.body.status === status && response.body.steps.some((s: { elementId: string; state: string }) => s.elementId === end && s.state === 'COMPLETED') && response.body;
    }, `the application to end ${status}`);
  }

  /** The decision PDF as the citizen downloads it: its text, after pdfsig has found its signature (the agency's seal or the official's own) valid and trusted. */
  async function signedPdfText(documentId: string): Promise<string | undefined> {
    const pdf = await fetch(`${t.url}/api/documents/${documentId}`, { headers: { cookie: (jonas as unknown as { cookie: string }).cookie } });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (!haveTools) return undefined;
    const file = path.join(dir, `${documentId}.pdf`);
    await writeFile(file, bytes);
    const report = await pdfsig(nssDir!, file);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    return (await promisify(execFile)(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
  }

  async function variables(id: string): Promise<Record<string, unknown>> {
    const [row] = await t.runtime.database.dataSource.query('SELECT process_instance_key FROM application WHERE id = $1', [id]);
    return Object.fromEntries((await t.runtime.engine.variables(row.process_instance_key)).map((v) => [v.name, v.value]));
  }

  it('refuses a permit with the reason the official gives, and the refusal cannot be withdrawn', async () => {
    const id = await order('lt');
    await pay(id);
    const task = await claimedTask(id);
    const complete = (variables: Record<string, unknown>) => official.request('POST', `/api/tasks/${task.id}/complete`, { variables }, { headers: { 'accept-language': 'en' } });
    const noReason = await complete({ decision: 'reject' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toContainEqual(expect.objectContaining({ path: '/variables/reason' }));
    expect((await complete({ decision: 'maybe' })).status).toBe(422);
    expect((await complete({ decision: 'reject', reason: 'Rotušės aikštėje gegužę vyksta mugė.' })).status).toBe(200);

    const done = await ended(id, 'rejected', 'rejected');
    expect(done.timeline).toContainEqual(expect.objectContaining({ kind: 'status-changed', status: 'rejected' }));
    const text = await signedPdfText(((await variables(id)).decisionDocument as { documentId: string }).documentId);
    if (text) {
      expect(text).toContain('SPRENDIMAS ATSISAKYTI IŠDUOTI LEIDIMĄ');
      expect(text).toContain('Rotušės aikštėje gegužę vyksta mugė.');
      expect(text).toContain('Jonas Jonaitis');
    }
    const late = await jonas.request('POST', `/api/applications/${id}/withdraw`, undefined, { headers: { 'accept-language': 'lt' } });
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('Dėl prašymo jau priimtas sprendimas, jo atsiimti nebegalima.');
  }, 120_000);

  it('checks the company in the register, asks for more information, and issues the permit once it comes, in Latvian', async () => {
    const id = await order('lv', { tradingAs: 'company', companyCode: '305888127' });
    await pay(id);
    const first = await claimedTask(id);
    // The official sees what the register answered.
    expect((await variables(id)).representation).toMatchObject({ companyCode: '305888127', mayRepresent: true });
    const asked = await official.post(`/api/tasks/${first.id}/complete`, { variables: { decision: 'request-information', informationRequest: { message: 'Pridėkite prekyvietės planą.', fields: ['plan'] } } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const message = await eventually(async () => (await jonas.get('/api/me/messages')).body.items.find((m: { applicationId: string; subject: string }) => m.applicationId === id && m.subject.startsWith('Lūdzam papildināt')), 'the request in the inbox');
    expect(message.body).toContain('Pridėkite prekyvietės planą.');

    // The applicant sees what is asked, by when, and answers in the portal's way.
    const request = await eventually(async () => (await jonas.get(`/api/applications/${id}/information-request`)).body.request, 'the open request');
    expect(request).toMatchObject({ message: 'Pridėkite prekyvietės planą.', fields: ['plan'] });
    // The wait is on the timeline as it begins, so an open order page shows the request at once.
    await eventually(async () => (await jonas.get(`/api/applications/${id}`)).body.timeline.some((e: { kind: string }) => e.kind === 'information-requested'), 'the request on the timeline');
    expect(new Date(request.deadline).getTime() - new Date(request.requestedAt).getTime()).toBe(14 * 24 * 3600_000);
    const ieva = await citizen(t, 'citizen2');
    expect((await ieva.get(`/api/applications/${id}/information-request`)).status).toBe(404);
    expect((await ieva.post(`/api/applications/${id}/information`, { answers: {}, documents: [] })).status).toBe(404);
    const notAsked = await jonas.request('POST', `/api/applications/${id}/information`, { answers: { place: 'Laisvės al. 2' } }, { headers: { 'accept-language': 'lv' } });
    expect(notAsked.status).toBe(422);
    expect(notAsked.body.errors).toEqual([{ in: 'body', path: '/answers/place', message: 'šī informācija netika prasīta' }]);
    const missing = await jonas.request('POST', `/api/applications/${id}/information`, { answers: { plan: 'not-a-document' } }, { headers: { 'accept-language': 'lv' } });
    expect(missing.status, JSON.stringify(missing.body)).toBe(422);
    const plan = await jonas.request('POST', '/api/documents?filename=plan.pdf&service=street-trading-permit&field=plan', undefined, { raw: PLAN_PDF, headers: { 'content-type': 'application/pdf' } });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const answered = await jonas.post(`/api/applications/${id}/information`, { answers: { plan: plan.body.id }, lang: 'lv' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(202);
    expect((await jonas.get(`/api/applications/${id}`)).body.timeline.map((e: { kind: string }) => e.kind)).toContain('information-provided');
    const second = await claimedTask(id, first.id);
    // The answer reached the process beside the submitted answers, which stay as they were.
    expect((await variables(id)).informationProvided).toMatchObject({ answers: { plan: plan.body.id }, documents: [plan.body.id] });
    expect((await jonas.get(`/api/applications/${id}/information-request`)).body.request).toBeNull();
    expect((await jonas.post(`/api/applications/${id}/information`, { answers: {} })).status).toBe(409);
    expect((await official.post(`/api/tasks/${second.id}/complete`, { variables: { decision: 'approve' } })).status).toBe(200);

    // The permit is drawn up and waits for an official's personal signature.
    const sign = await eventually(async () => (await signer.get('/api/tasks')).body.items
      .find((i: { applicationId: string; state: string; id: string }) => i.applicationId === id && i.id !== second.id && i.state === 'open'), 'the signing task');
    expect(sign).toMatchObject({ name: expect.objectContaining({ lt: 'Pasirašyti leidimą', en: 'Sign the permit' }), candidateGroups: ['permits'], signature: { variable: 'draftDocument' } });
    expect((await signer.post(`/api/tasks/${sign.id}/claim`)).status).toBe(200);
    const unsigned = await signer.post(`/api/tasks/${sign.id}/complete`, { variables: { permitChecked: true } });
    expect(unsigned.status).toBe(422);
    const toSign = (await signer.get(`/api/tasks/${sign.id}/signature`)).body;
    expect(toSign.document).toMatchObject({ filename: 'leidimas.pdf' });
    const started = await signer.post(`/api/tasks/${sign.id}/signature`, { documentId: toSign.document.documentId });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const signed = await eventually(async () => {
      const status = (await signer.get(`/api/tasks/${sign.id}/signature`)).body;
      return status.status === 'signed' && status;
    }, 'the mobile signature');
    expect((await signer.post(`/api/tasks/${sign.id}/complete`, { variables: { permitChecked: true } })).status).toBe(200);
    await ended(id, 'approved', 'approved');
    // What the citizen receives is the copy the official signed.
    expect((await variables(id)).decisionDocument).toMatchObject({ documentId: signed.signedDocument.documentId });
    const documents = (await jonas.get(`/api/applications/${id}/documents`)).body.items;
    expect(documents.find((d: { decision: boolean }) => d.decision)).toMatchObject({ id: signed.signedDocument.documentId, signature: expect.objectContaining({ valid: true }) });
    const text = await signedPdfText(((await variables(id)).decisionDocument as { documentId: string }).documentId);
    if (text) {
      expect(text).toContain('ATĻAUJA TIRGOTIES PUBLISKĀ VIETĀ');
      expect(text).toContain('UAB „Gintarinė prekyba“');
      expect(text).toContain('15,00 EUR');
    }
  }, 120_000);

  it('lets the applicant withdraw before the decision, and nobody else', async () => {
    const id = await order('en');
    await eventually(async () => (await jonas.get(`/api/applications/${id}`)).body.status === 'in-progress', 'the process to start');
    const ieva = await citizen(t, 'citizen2');
    expect((await ieva.post(`/api/applications/${id}/withdraw`)).status).toBe(404);
    expect((await official.post(`/api/applications/${id}/withdraw`)).status).toBe(403);

    const withdrawn = await jonas.post(`/api/applications/${id}/withdraw`);
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(202);
    expect(withdrawn.body).toEqual({ id, status: 'in-progress' });
    const done = await ended(id, 'cancelled', 'withdrawnEnd');
    expect(done.steps.map((s: { elementId: string }) => s.elementId)).not.toContain('review');
    const inbox = (await jonas.get('/api/me/messages')).body.items.filter((m: { applicationId: string }) => m.applicationId === id);
    expect(inbox.map((m: { subject: string }) => m.subject)).toEqual(['Application “Street trading permit” withdrawn']);

    const again = await jonas.request('POST', `/api/applications/${id}/withdraw`, undefined, { headers: { 'accept-language': 'en' } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('The application has already ended; it can no longer be withdrawn.');
  }, 120_000);
});
