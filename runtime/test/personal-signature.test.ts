/**
 * An official signs a permit personally: a process whose user task is marked konstruktor:sign,
 * the real mobile-signature sandbox, and its phone page driven over HTTP as a browser without
 * JavaScript would. Refused and timed out: nothing stored. Confirmed: a PAdES B-LT signed copy
 * on the application, which the citizen's documents list shows as the decision; with the OCSP
 * responder and the TSA stopped, pdfsig -no-ocsp (the sandbox CA trusted) and our verifier,
 * offline, accept it. The task then completes with the signed copy in its variables.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '@konstruktor/connectors';
import {
  createTestPki, SANDBOX_RELYING_PARTY, startMobileSignatureSandbox, startOcspResponder, startTimestampAuthority,
  type MobileSignatureSandbox, type OcspResponder, type TestPki,
} from '@konstruktor/examples';
import { nssDatabaseTrusting, pdfsig, toolsPresent } from '@konstruktor/examples/signing-tools';
import { citizen, createUser, publishProcessService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';
import type { ApiClient } from './support/api-client.js';

const suffix = `${process.pid}-${Date.now()}`;
const processId = `signed-permit-${suffix}`;
const jobType = `prepare-permit-${suffix}`;
const code = `signed-permit-${suffix}`.slice(0, 60);

/** Prepare the permit (a job the test does), then the official signs it: the user task names the variable holding it. */
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" name="Signed permit" isExecutable="true">
    <bpmn:startEvent id="submitted" />
    <bpmn:sequenceFlow id="f1" sourceRef="submitted" targetRef="prepare" />
    <bpmn:serviceTask id="prepare" name="Prepare the permit">
      <bpmn:extensionElements><zeebe:taskDefinition type="${jobType}" retries="1" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="prepare" targetRef="sign" />
    <bpmn:userTask id="sign" name="Sign the permit">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:assignmentDefinition candidateGroups="permits" />
        <zeebe:properties><zeebe:property name="konstruktor:sign" value="decisionDocument" /></zeebe:properties>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="sign" targetRef="decided" />
    <bpmn:endEvent id="decided" />
  </bpmn:process>
</bpmn:definitions>`;

const haveTools = toolsPresent('pdfsig', 'certutil');

describe('personal signature of a decision (mobile signature, PAdES B-LT)', () => {
  let t: TestRuntime;
  let pki: TestPki;
  let ocsp: OcspResponder;
  let tsa: Awaited<ReturnType<typeof startTimestampAuthority>>;
  let phone: MobileSignatureSandbox;
  let official: ApiClient;
  let jonas: ApiClient;
  let dir: string;

  beforeAll(async () => {
    pki = await createTestPki();
    // The responder first: the officials' certificates the phone holds then name it.
    ocsp = await startOcspResponder({ pki });
    tsa = await startTimestampAuthority({ pki });
    phone = await startMobileSignatureSandbox({ pki, ...SANDBOX_RELYING_PARTY, phoneTimeoutMs: 4_000 });
    t = await startTestRuntime({}, {
      MOBILE_SIGNATURE_URL: phone.url,
      MOBILE_SIGNATURE_RELYING_PARTY_UUID: SANDBOX_RELYING_PARTY.relyingPartyUUID,
      MOBILE_SIGNATURE_RELYING_PARTY_NAME: SANDBOX_RELYING_PARTY.relyingPartyName,
      CONNECTOR_SECRET_SIGNING_TSA_URL: tsa.url,
      CONNECTOR_SECRET_SIGNING_TRUSTED_CA: pki.caCertPem,
    });
    await publishProcessService(t, { code, processId, bpmn: BPMN, title: 'Signed permit' });
    official = await t.as('official');
    jonas = await citizen(t);
    dir = await mkdtemp(path.join(tmpdir(), 'personal-signature-'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([phone?.close(), ocsp?.close(), tsa?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** An order whose process has prepared its permit PDF (stored with the order) and waits for the official's signature. */
  async function orderWaitingForSignature(): Promise<{ applicationId: string; taskId: string; documentId: string }> {
    const ordered = await jonas.post('/api/applications', { service: code, data: {} });
    expect(ordered.status).toBe(201);
    const applicationId = ordered.body.id as string;
    const job = await eventually(async () => (await t.runtime.engine.activateJobs({ type: jobType, worker: 'test', maxJobs: 1, timeout: 30_000 }))[0], 'the prepare job');
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText(`Leidimas ${applicationId}`, { x: 50, y: 700, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const db = t.runtime.database.dataSource;
    const [application] = await db.query('SELECT applicant_id FROM application WHERE id = $1', [job.variables.applicationId]);
    const content = Buffer.from(await pdf.save());
    const stored = await db.transaction((manager) => t.runtime.services.documents.store(manager, {
      applicationId: job.variables.applicationId as string, ownerId: application.applicant_id, filename: 'permit.pdf', mediaType: 'application/pdf', content,
    }));
    await t.runtime.engine.completeJob(job.key, { decisionDocument: { documentId: stored.id, filename: 'permit.pdf' } });
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === job.variables.applicationId), 'the signing task');
    expect(task.signature).toEqual({ variable: 'decisionDocument' });
    return { applicationId: job.variables.applicationId as string, taskId: task.id, documentId: stored.id };
  }

  /** The phone page of Ona Valdininkė (the demo official), once it shows a request. */
  async function phonePage(lang = 'lt'): Promise<string> {
    return eventually(async () => {
      const html = await (await fetch(`${phone.phoneUrl}?personalCode=PNOLT-48501010001&lang=${lang}`)).text();
      return html.includes('<form') && html;
    }, 'the request on the phone');
  }

  async function press(html: string, button: 'confirm' | 'refuse'): Promise<void> {
    const action = new RegExp(`action="(/phone/[^"]+/${button})"`).exec(html)![1]!;
    const response = await fetch(new URL(action, phone.phoneUrl), { method: 'POST', body: new URLSearchParams({ personalCode: 'PNOLT-48501010001', lang: 'lt' }), redirect: 'manual' });
    expect(response.status).toBe(303);
  }

  async function finished(taskId: string, client = official, lang = 'en') {
    return eventually(async () => {
      const status = (await client.request('GET', `/api/tasks/${taskId}/signature`, undefined, { headers: { 'accept-language': lang } })).body;
      return status.status !== 'pending' && status;
    }, 'the signing to end');
  }

  it('is refused to whoever does not hold the task (409), for a document not in the case (422), and changes nothing', async () => {
    const { taskId, documentId } = await orderWaitingForSignature();
    expect((await official.get(`/api/tasks/${taskId}/signature`)).body).toEqual({ document: { documentId, filename: 'permit.pdf' }, status: 'none' });

    const before = await t.snapshot();
    const unclaimed = await official.post(`/api/tasks/${taskId}/signature`, { documentId });
    expect(unclaimed.status).toBe(409);
    expect(await t.snapshot()).toEqual(before);
    const colleague = await t.as('official2');
    expect((await colleague.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    const taken = await official.request('POST', `/api/tasks/${taskId}/signature`, { documentId }, { headers: { 'accept-language': 'lt' } });
    expect(taken.status).toBe(409);
    expect(taken.body.title).toBe('Šią užduotį jau paėmė kolega');
    expect((await colleague.post(`/api/tasks/${taskId}/unclaim`)).status).toBe(200);
    expect((await official.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);

    const other = await orderWaitingForSignature();
    const afterOther = await t.snapshot();
    const elsewhere = await official.request('POST', `/api/tasks/${taskId}/signature`, { documentId: other.documentId }, { headers: { 'accept-language': 'lv' } });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body).toMatchObject({ type: expect.stringContaining('signature-document-not-in-case'), title: 'Šī dokumenta šajā lietā nav' });
    expect(elsewhere.body.errors).toEqual([{ in: 'body', path: '/documentId', message: 'not in this case' }]);
    expect(await t.snapshot()).toEqual(afterOther);

    // An official without a personal code cannot sign with a mobile signature.
    await createUser(t, { username: `nocode-${suffix}`, roles: ['official'], agency: 'kaunas-city', groups: ['permits'] });
    const nocode = await t.as(`nocode-${suffix}`);
    expect((await nocode.post(`/api/tasks/${other.taskId}/claim`)).status).toBe(200);
    const noCode = await nocode.post(`/api/tasks/${other.taskId}/signature`, { documentId: other.documentId });
    expect(noCode.status).toBe(422);
    expect(noCode.body.type).toContain('signature-no-personal-code');

    // Completing the task before it is signed is refused.
    const early = await official.request('POST', `/api/tasks/${taskId}/complete`, { variables: {} }, { headers: { 'accept-language': 'lt' } });
    expect(early.status).toBe(422);
    expect(early.body.title).toBe('Prieš užbaigdami užduotį pasirašykite dokumentą');
  });

  it('refused on the phone: status refused with a message in his language, nothing stored; a second request while one is pending is 409', async () => {
    const { taskId, documentId, applicationId } = await orderWaitingForSignature();
    expect((await official.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    const started = await official.request('POST', `/api/tasks/${taskId}/signature`, { documentId }, { headers: { 'accept-language': 'lt' } });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ status: 'pending', verificationCode: expect.stringMatching(/^\d{4}$/) });
    const pending = (await official.request('GET', `/api/tasks/${taskId}/signature`, undefined, { headers: { 'accept-language': 'lt' } })).body;
    expect(pending).toMatchObject({ status: 'pending', verificationCode: started.body.verificationCode, message: expect.stringContaining(started.body.verificationCode) });
    expect((await official.post(`/api/tasks/${taskId}/signature`, { documentId })).status).toBe(409);

    const html = await phonePage();
    expect(html).toContain(`<span class="code">${started.body.verificationCode}</span>`);
    expect(html).toContain('Pasirašyti: permit.pdf');
    await press(html, 'refuse');
    const status = await finished(taskId, official, 'lt');
    expect(status).toEqual({ document: { documentId, filename: 'permit.pdf' }, status: 'refused', message: 'Telefone pasirašyti atsisakyta. Niekas nepasirašyta.' });
    const [copies] = await t.runtime.database.dataSource.query('SELECT count(*)::int AS n FROM document WHERE signed_copy_of = $1', [documentId]);
    expect(copies.n).toBe(0);
    const audit = await t.runtime.database.dataSource.query(`SELECT action FROM audit_event WHERE object_id = $1 AND action LIKE 'signature.%' ORDER BY seq`, [taskId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['signature.requested', 'signature.refused']);
    const listed = (await jonas.get(`/api/applications/${applicationId}/documents`)).body;
    expect(Array.isArray(listed) ? listed : listed.items).not.toContainEqual(expect.objectContaining({ filename: 'permit-signed.pdf' }));
  });

  it('not confirmed in time: status timeout, nothing stored', async () => {
    const { taskId, documentId } = await orderWaitingForSignature();
    expect((await official.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    expect((await official.post(`/api/tasks/${taskId}/signature`, { documentId })).status).toBe(202);
    const status = await finished(taskId, official, 'lv');
    expect(status).toMatchObject({ status: 'timeout', message: 'Paraksts tālrunī netika laikus apstiprināts. Nekas netika parakstīts; mēģiniet vēlreiz.' });
    const [copies] = await t.runtime.database.dataSource.query('SELECT count(*)::int AS n FROM document WHERE signed_copy_of = $1', [documentId]);
    expect(copies.n).toBe(0);
  }, 30_000);

  it('confirmed on the phone: a PAdES B-LT signed copy, the decision in the citizen\'s list, valid offline (pdfsig -no-ocsp, our verifier); the task completes with it', async () => {
    const { taskId, documentId, applicationId } = await orderWaitingForSignature();
    expect((await official.post(`/api/tasks/${taskId}/claim`)).status).toBe(200);
    const events = official.eventSource('/api/events');
    const signedEvent = new Promise<unknown>((resolve) => events.addEventListener('task', (e) => {
      const data = JSON.parse((e as MessageEvent).data as string) as Record<string, unknown>;
      if (data.taskId === taskId && data.signature === 'signed') resolve(data);
    }));
    const started = await official.post(`/api/tasks/${taskId}/signature`, { documentId });
    expect(started.status).toBe(202);
    const html = await phonePage('en');
    expect(html).toContain(`<span class="code">${started.body.verificationCode}</span>`);
    await press(html, 'confirm');
    const status = await finished(taskId);
    expect(status).toMatchObject({ status: 'signed', signedDocument: { documentId: expect.any(String), filename: 'permit-signed.pdf' }, message: 'Signed: permit-signed.pdf. The signature was verified (PAdES B-LT).' });
    await signedEvent;
    events.close();

    // The citizen's list shows the signed copy as the decision, in place of the unsigned one.
    const listed = (await jonas.get(`/api/applications/${applicationId}/documents`)).body;
    const items = (Array.isArray(listed) ? listed : listed.items) as { id: string; decision: boolean; kind: string; signature: { valid: boolean; level: string; signer: string } | null }[];
    const decision = items.find((d) => d.decision)!;
    expect(decision).toMatchObject({ id: status.signedDocument.documentId, kind: 'result', signature: { valid: true, level: 'PAdES B-LT', signer: 'Ona Valdininkė' } });
    expect(items.map((d) => d.id)).not.toContain(documentId);

    const download = await fetch(`${t.url}/api/documents/${status.signedDocument.documentId}`, { headers: { cookie: (jonas as unknown as { cookie: string }).cookie } });
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());

    // Years later, as it were: no responder, no TSA.
    await ocsp.close();
    await tsa.close();
    const report = await verifyPdf(bytes, { trustedPem: pki.caCertPem, offline: true });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]).toMatchObject({ level: 'B-LT', signer: 'Ona Valdininkė', checks: { revocation: { status: 'passed' }, timestamp: { status: 'passed' } } });
    if (haveTools) {
      const nssDir = await nssDatabaseTrusting(pki.caCertPem);
      const file = path.join(dir, 'permit-signed.pdf');
      await writeFile(file, bytes);
      const out = await pdfsig(nssDir, file, { noOcsp: true });
      await rm(nssDir, { recursive: true, force: true });
      expect(out).toContain('Signer Certificate Common Name: Ona Valdininkė');
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Certificate Validation: Certificate is Trusted.');
    }

    const audit = await t.runtime.database.dataSource.query(`SELECT action FROM audit_event WHERE object_id = $1 AND action LIKE 'signature.%' ORDER BY seq`, [taskId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['signature.requested', 'signature.signed']);

    // Signed: the task completes, and the process gets the signed copy.
    expect((await official.post(`/api/tasks/${taskId}/complete`, { variables: {} })).status).toBe(200);
    const [row] = await t.runtime.database.dataSource.query('SELECT process_instance_key FROM application WHERE id = $1', [applicationId]);
    const signedDocument = await eventually(async () => (await t.runtime.engine.variables(row.process_instance_key)).find((v) => v.name === 'signedDocument')?.value, 'signedDocument in the process');
    expect(signedDocument).toMatchObject({ documentId: status.signedDocument.documentId, filename: 'permit-signed.pdf', mediaType: 'application/pdf' });
  }, 60_000);
});
