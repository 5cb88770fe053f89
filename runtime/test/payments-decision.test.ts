import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxBankEnv, startSandboxBank, type SandboxBank } from '@konstruktor/examples';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';
import { freePort } from './support/free-port.js';

const havePoppler = existsSync('/usr/bin/pdftotext') || process.env.CI === 'true';
const decisionTemplate = readFileSync(path.join(import.meta.dirname, '..', '..', 'connectors', 'src', 'documents', 'templates', 'decision-lt.json'), 'utf8');

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const DECISION_DATA = `={agency: {name: "Kauno miesto savivaldybės administracija"}, applicant: applicant, application: {number: "KNS-" + string(applicationNumber), place: "Laisvės alėja 53, Kaunas"}, decision: {date: "2026-11-21"}, fee: 1550, goods: [{name: "Ąžuolo medaus stiklainiai", quantity: 40}, {name: "Kęstučio bitynų korys", quantity: 6}, {name: "Rūtos šilko skarelės", quantity: 3}]}`;

/** Postpayment with a decision: the decision PDF from the package's template, then the invoice, then the wait for its payment. */
const bpmn = (processId: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="submitted"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="decision">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="konstruktor:documents:generate-pdf" retries="1" />
        <zeebe:ioMapping>
          <zeebe:input source="=&quot;documents/decision.json&quot;" target="template" />
          <zeebe:input source="${attr(DECISION_DATA)}" target="data" />
          <zeebe:input source="=&quot;sprendimas.pdf&quot;" target="filename" />
        </zeebe:ioMapping>
        <zeebe:taskHeaders><zeebe:header key="resultVariable" value="decisionDocument" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:serviceTask id="invoice">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="konstruktor:payments:create-order" retries="3" />
        <zeebe:ioMapping>
          <zeebe:input source="=&quot;postpayment&quot;" target="kind" />
          <zeebe:input source="=1550" target="amountCents" />
          <zeebe:input source="=&quot;Rinkliava už leidimą&quot;" target="description" />
          <zeebe:input source="=applicant" target="payer" />
        </zeebe:ioMapping>
        <zeebe:taskHeaders><zeebe:header key="resultVariable" value="paymentOrder" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:intermediateCatchEvent id="paid"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:messageEventDefinition messageRef="paymentReceived" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="done"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="submitted" targetRef="decision" />
    <bpmn:sequenceFlow id="f2" sourceRef="decision" targetRef="invoice" />
    <bpmn:sequenceFlow id="f3" sourceRef="invoice" targetRef="paid" />
    <bpmn:sequenceFlow id="f4" sourceRef="paid" targetRef="done" />
  </bpmn:process>
  <bpmn:message id="paymentReceived" name="payment-received">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements>
  </bpmn:message>
</bpmn:definitions>`;

describe.skipIf(!havePoppler)('a decision document, then an invoice paid at the sandbox bank', () => {
  let t: TestRuntime;
  let bank: SandboxBank;
  let dir: string;
  const suffix = `${process.pid}-${Date.now()}`;
  const code = `decided-${suffix}`.slice(0, 60);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'konstruktor-decision-'));
    bank = await startSandboxBank();
    t = await startTestRuntime({}, { PORT: String(await freePort()), ...sandboxBankEnv(bank) });
    const analyst = await t.as('analyst');
    const card = {
      code, version: '1.0.0', title: { lt: 'Leidimas prekiauti', en: 'Trading permit' }, provider: 'kaunas-city', audience: ['citizens'], price: { amount: '15.50', currency: 'EUR' },
      interactivityLevel: 4, onlineOrder: true, process: { file: 'process.bpmn', processId: `decided-${suffix}` },
    };
    const files = { 'service.yaml': stringify(card), 'process.bpmn': bpmn(`decided-${suffix}`), 'documents/decision.json': decisionTemplate };
    expect((await analyst.post('/api/service-packages', { files })).status).toBe(201);
    expect((await analyst.post(`/api/services/${code}/versions/1.0.0/publish`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await bank?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores the Lithuanian decision with the application, invoices after it and continues once paid', async () => {
    const jonas = await citizen(t);
    const submitted = await jonas.post('/api/applications', { service: code, data: {} });
    expect(submitted.status).toBe(201);
    const applicationId = submitted.body.id as string;
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items?.[0]?.redirectUrl && (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items[0], 'the invoice');
    expect(payment).toMatchObject({ kind: 'postpayment', amountCents: 1550 });

    const db = t.runtime.database.dataSource;
    const documents = await db.query('SELECT d.id, d.filename, d.media_type, d.content, d.owner_id = a.applicant_id AS "ownedByApplicant" FROM document d JOIN application a ON a.id = d.application_id WHERE a.id = $1', [applicationId]);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ filename: 'sprendimas.pdf', media_type: 'application/pdf', ownedByApplicant: true });
    const file = path.join(dir, 'sprendimas.pdf');
    await writeFile(file, documents[0].content);
    const { stdout: text } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']);
    for (const letter of 'ąčęėįšųūž') expect(text).toContain(letter);
    expect(text).toContain('Jonas Jonaitis');
    const [applicant] = await db.query(`SELECT personal_code FROM app_user WHERE username = 'citizen'`);
    expect(text).toContain(applicant.personal_code);
    expect(text).toContain('15,50 Eur');
    expect((await jonas.get(`/api/documents/${documents[0].id}`)).status).toBe(200);
    expect((await (await citizen(t, 'citizen2')).get(`/api/documents/${documents[0].id}`)).status).toBe(404);

    await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
    // The projection links the order to its instance from the engine's feed: wait for the link too.
    const row = await eventually(async () => {
      const [linked] = await db.query('SELECT process_instance_key FROM application WHERE id = $1', [applicationId]);
      return linked?.process_instance_key && (await t.runtime.engine.instance(linked.process_instance_key))?.state === 'COMPLETED' ? linked : undefined;
    }, 'the process to complete');
    const steps = (await t.runtime.engine.elementInstances(row.process_instance_key)).filter((e) => ['decision', 'invoice', 'paid'].includes(e.elementId));
    expect(steps.map((s) => `${s.elementId}:${s.state}`)).toEqual(['decision:COMPLETED', 'invoice:COMPLETED', 'paid:COMPLETED']);
  });
});
