/**
 * Paying from the order page: the card and the order carry the fee, the invoice PDF prints an
 * ISO 11649 reference made of the service number and the case code, the owner hears of the
 * payment live, and nothing the browser sends (an amount, a forged return) changes a payment;
 * money the bank takes after a withdrawal is recorded for refund and never resumes the process.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxBankEnv, signWebhook, startSandboxBank, type BankSwitches, type SandboxBank } from '@konstruktor/examples';
import { citizen, publishProcessService, startTestRuntime, type TestRuntime } from './support/harness.js';
import type { ApiClient } from './support/api-client.js';
import { eventually } from './support/eventually.js';
import { freePort } from './support/free-port.js';
import { isCreditorReference } from '../src/payments/reference.js';

/** Prepayment of 2.50 EUR with a due date, then the wait for `payment-received`. */
const bpmn = (processId: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="submitted"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="invoice">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="konstruktor:payments:create-order" retries="3" />
        <zeebe:ioMapping>
          <zeebe:input source="=&quot;prepayment&quot;" target="kind" />
          <zeebe:input source="=250" target="amountCents" />
          <zeebe:input source="=&quot;Rinkliava už gyvenamosios vietos deklaravimą&quot;" target="description" />
          <zeebe:input source="=&quot;2999-12-31&quot;" target="dueDate" />
          <zeebe:input source="=applicant" target="payer" />
        </zeebe:ioMapping>
        <zeebe:taskHeaders><zeebe:header key="resultVariable" value="paymentOrder" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:intermediateCatchEvent id="paid"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:messageEventDefinition messageRef="paymentReceived" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="done"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="submitted" targetRef="invoice" />
    <bpmn:sequenceFlow id="f2" sourceRef="invoice" targetRef="paid" />
    <bpmn:sequenceFlow id="f3" sourceRef="paid" targetRef="done" />
  </bpmn:process>
  <bpmn:message id="paymentReceived" name="payment-received">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements>
  </bpmn:message>
</bpmn:definitions>`;

interface Received { type: string; data: Record<string, unknown> }

describe('paying from the order page', () => {
  let t: TestRuntime;
  let bank: SandboxBank;
  let jonas: ApiClient;
  let serviceNumber: number;
  const code = `declaration-fee-${process.pid}`;
  const closing: (() => void)[] = [];
  const db = () => t.runtime.database.dataSource;
  const webhookPath = '/api/payments/webhooks/sandbox-bank';

  beforeAll(async () => {
    bank = await startSandboxBank();
    t = await startTestRuntime({}, { PORT: String(await freePort()), ...sandboxBankEnv(bank) });
    await publishProcessService(t, { code, processId: `declaration-fee-${process.pid}`, bpmn: bpmn(`declaration-fee-${process.pid}`), title: 'Declaration', price: { amount: '2.50', currency: 'EUR' } });
    jonas = await citizen(t);
    serviceNumber = (await t.anonymous().get(`/api/services/${code}`)).body.number;
  }, 120_000);
  afterEach(() => { for (const close of closing.splice(0)) close(); });
  afterAll(async () => {
    await t?.close();
    await bank?.close();
  });

  /** Orders the service as Jonas; resolves once the order page offers the bank's page. */
  async function order(switches: BankSwitches = {}) {
    const submitted = await jonas.post('/api/applications', { service: code, data: {} });
    expect(submitted.status).toBe(201);
    const id = submitted.body.id as string;
    const application = await eventually(async () => {
      const body = (await jonas.get(`/api/applications/${id}`)).body;
      return body.payment?.payable && body;
    }, 'the order page to offer the payment');
    bank.setSwitchesFor(application.payment.reference, switches);
    return { id, number: submitted.body.number as string, payment: application.payment, application };
  }

  const payerPresses = (redirectUrl: string, action: 'pay' | 'decline') =>
    fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' });
  const stored = async (paymentId: string) => (await db().query('SELECT status, refund_due, paid_at, message_published_at, amount_cents FROM payment_order WHERE id = $1', [paymentId]))[0];

  /** The text of a PDF downloaded with the client's session, as pdftotext reads it (runs of white space as one). */
  async function pdfText(client: ApiClient, path: string, headers: Record<string, string> = {}): Promise<string> {
    const response = await fetch(`${t.url}${path}`, { headers: { ...headers, cookie: (client as unknown as { cookie: string }).cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdftotext = promisify(execFile)('pdftotext', ['-enc', 'UTF-8', '-', '-']);
    pdftotext.child.stdin!.end(Buffer.from(await response.arrayBuffer()));
    return (await pdftotext).stdout.replace(/\s+/g, ' ');
  }

  it('shows the fee on the card and the order, and prints an invoice whose RF reference embeds the service number and the case code', async () => {
    const card = (await t.anonymous().get(`/api/services/${code}`)).body;
    expect(card.price).toEqual({ amount: '2.50', currency: 'EUR' });
    expect(serviceNumber).toBeGreaterThanOrEqual(1001);
    const { id, number, payment, application } = await order();
    expect(application).toMatchObject({ caseCode: `${serviceNumber} ${number}`, fee: { amount: '2.50', currency: 'EUR' } });
    const listed = (await jonas.get('/api/applications?limit=100')).body.items.find((a: { id: string }) => a.id === id);
    expect(listed.caseCode).toBe(`${serviceNumber} ${number}`);
    expect(payment).toMatchObject({ amountCents: 250, amount: '2.50', currency: 'EUR', status: 'created', payable: true, dueDate: '2999-12-31', kind: 'prepayment' });
    expect(payment.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\//);
    expect(payment.reference).toBe(payment.printedReference.replaceAll(' ', ''));
    expect(payment.reference.slice(4)).toBe(`${serviceNumber}${number}01`);

    const lt = await pdfText(jonas, `${payment.invoiceUrl}?lang=lt`);
    for (const text of ['Sąskaita apmokėti', 'Gavėjas', 'Kauno miesto savivaldybės administracija', '188764867', 'LT12 1000 0111 0100 1000',
      'Mokėtojas', 'Jonas Jonaitis', '38501010013', 'Paslaugos Nr.', `Bylos kodas ${serviceNumber} ${number}`, 'Rinkliava už gyvenamosios vietos deklaravimą',
      '2,50 EUR', 'Sumokėti iki', '2999-12-31', 'Įmokos kodas (ISO 11649)', 'Laukiama apmokėjimo']) expect(lt).toContain(text);
    const printed = lt.match(/RF\d{2}(?: [0-9A-Z]{1,4}\b)+/g)!;
    expect(printed).toContain(payment.printedReference);
    const reference = payment.printedReference.replaceAll(' ', '');
    expect(isCreditorReference(reference)).toBe(true);
    expect(reference).toContain(`${serviceNumber}${number}`);

    const lv = await pdfText(jonas, payment.invoiceUrl, { 'accept-language': 'lv' });
    for (const text of ['Rēķins', 'Saņēmējs', 'Maksātājs', 'Strukturētā atsauce (ISO 11649)', payment.printedReference, 'Samaksāt līdz']) expect(lv).toContain(text);
    const en = await pdfText(jonas, `${payment.invoiceUrl}?lang=en`, { 'accept-language': 'lt' });
    for (const text of ['Invoice', 'Payee', 'Payment reference (ISO 11649)', '2.50 EUR', payment.printedReference]) expect(en).toContain(text);

    // Another person's invoice by id guessing: as if it did not exist.
    const ieva = await citizen(t, 'citizen2');
    expect((await ieva.get(payment.invoiceUrl)).status).toBe(404);
    expect((await ieva.post(`/api/applications/${id}/payments/${payment.id}/refresh`, {})).status).toBe(404);
    const ievas = await ieva.post('/api/applications', { service: code, data: {} });
    expect((await ieva.get(`/api/applications/${ievas.body.id}/payments/${payment.id}/invoice.pdf`)).status).toBe(404);
    expect((await jonas.get(`/api/applications/${id}/payments/00000000-0000-4000-8000-000000000000/invoice.pdf`)).status).toBe(404);
    expect((await t.anonymous().get(payment.invoiceUrl)).status).toBe(401);
    // The agency's supervisor sees it; an official with no task of the case does not (the fee comes before any review).
    expect((await (await t.as('supervisor')).get(payment.invoiceUrl)).status).toBe(200);
    expect((await (await t.as('official')).get(payment.invoiceUrl)).status).toBe(404);
  });

  /** Opens Jonas's event stream (`path` may narrow it to one application); `steps` tells the steps of an application received so far. */
  async function watch(path = '/api/events') {
    const received: Received[] = [];
    const source = jonas.eventSource(path);
    closing.push(() => source.close());
    source.addEventListener('application', (message: MessageEvent) => received.push({ type: 'application', data: JSON.parse(message.data as string) }));
    await new Promise<void>((resolve, reject) => { source.onopen = () => resolve(); source.onerror = () => reject(new Error('stream failed')); });
    return { steps: (applicationId: string) => received.filter((e) => e.data.applicationId === applicationId).map((e) => e.data.step) };
  }

  it('tells the owner live when the bank page is ready and when the bank says paid', async () => {
    const stream = await watch();
    const { id, payment } = await order();
    await eventually(async () => stream.steps(id).includes('payment-created'), 'the payment-created event');
    await payerPresses(payment.redirectUrl, 'pay');
    await eventually(async () => stream.steps(id).includes('payment-paid'), 'the payment-paid event');
    expect((await jonas.get(`/api/applications/${id}`)).body.payment).toMatchObject({ status: 'paid', payable: false, redirectUrl: null });
  });

  it('tells the owner live when the bank takes the payment; the return address is not believed, the bank is', async () => {
    const { id, payment } = await order({ missingWebhook: true });
    const stream = await watch(`/api/events?application=${id}`);

    // A forged return: the portal's page with ?status=paid before anything was paid.
    await fetch(`${t.url}/orders/${id}?payment=${payment.id}&status=paid`);
    expect((await stored(payment.id)).status).toBe('created');
    // The refresh takes no status from the browser.
    const forged = await jonas.post(`/api/applications/${id}/payments/${payment.id}/refresh`, { status: 'paid' });
    expect(forged.status).toBe(400);
    expect((await stored(payment.id)).status).toBe('created');

    await fetch(payment.redirectUrl); // the payer opens the bank's page: pending
    expect((await jonas.post(`/api/applications/${id}/payments/${payment.id}/refresh`, {})).body.status).toBe('pending');
    const back = await payerPresses(payment.redirectUrl, 'pay');
    expect(back.headers.get('location')).toMatch(new RegExp(`/orders/${id}\\?payment=.+&status=paid$`));
    // The bank sends no notice; asking again within 5 s answers what is stored, without asking the bank.
    expect((await jonas.post(`/api/applications/${id}/payments/${payment.id}/refresh`, {})).body.status).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 5100));
    const refreshed = await jonas.post(`/api/applications/${id}/payments/${payment.id}/refresh`, {});
    expect(refreshed.body).toMatchObject({ status: 'paid', payable: false, redirectUrl: null });

    await eventually(async () => stream.steps(id).includes('payment-paid'), 'the payment-paid event');
    expect(stream.steps(id)).toEqual(expect.arrayContaining(['payment-pending', 'payment-paid']));
    const page = (await jonas.get(`/api/applications/${id}`)).body;
    expect(page.payment).toMatchObject({ id: payment.id, status: 'paid', payable: false });
    expect(page.timeline.find((e: { kind: string }) => e.kind === 'payment-paid').details).toMatchObject({ paymentId: payment.id, paymentStatus: 'paid', amountCents: 250 });
    const [move] = await db().query(`SELECT details FROM audit_event WHERE action = 'payment.status-changed' AND object_id = $1 AND details->>'to' = 'paid'`, [payment.id]);
    expect(move.details.source).toBe('refresh');
  }, 30_000);

  it('takes no amount from the citizen, and refuses and audits a signed notice of another amount', async () => {
    const extra = await jonas.post('/api/applications', { service: code, data: {}, amountCents: 1 });
    expect(extra.status).toBe(400);
    // This service has no start form, so its data are taken as they come: an amount among them is just data.
    const inData = await jonas.post('/api/applications', { service: code, data: { amountCents: 1, amount: '0.01' } });
    expect(inData.status).toBe(201);
    const asked = await eventually(async () => (await jonas.get(`/api/applications/${inData.body.id}`)).body.payment?.payable && (await jonas.get(`/api/applications/${inData.body.id}`)).body.payment, 'the payment');
    expect(asked).toMatchObject({ amountCents: 250, amount: '2.50' });
    const { id, payment } = await order();
    const before = await t.snapshot();
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      id: 'evt_cheap', type: 'payment.status', occurredAt: new Date().toISOString(),
      payment: { id: (await db().query('SELECT provider_payment_id AS p FROM payment_order WHERE id = $1', [payment.id]))[0].p, status: 'paid', reference: payment.reference, amount: 1, currency: 'EUR', paidAt: new Date().toISOString() },
    });
    const response = await fetch(`${t.url}${webhookPath}`, {
      method: 'POST', body, headers: { 'content-type': 'application/json', 'x-bank-timestamp': String(now), 'x-bank-signature': signWebhook(bank.webhookSecret, now, body) },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { type: string }).type).toBe('urn:konstruktor:problem:payment-webhook-amount-mismatch');
    const after = await t.snapshot();
    expect({ ...after, audit_event: before.audit_event, auditHead: before.auditHead }).toEqual(before);
    expect(Number(after.audit_event)).toBe(Number(before.audit_event) + 1);
    const [rejected] = await db().query(`SELECT details FROM audit_event WHERE action = 'payment.webhook-rejected' ORDER BY seq DESC LIMIT 1`);
    expect(rejected.details.reason).toBe('amount-mismatch');
    expect(await stored(payment.id)).toMatchObject({ status: 'created', amount_cents: 250 });
    expect((await jonas.get(`/api/applications/${id}`)).body.payment).toMatchObject({ status: 'created', payable: true });
  });

  it('records money taken after a withdrawal or a cancellation for refund, and never resumes the process', async () => {
    const withdrawn = await order();
    const instanceKey = await eventually(async () => (await db().query('SELECT process_instance_key AS k FROM application WHERE id = $1', [withdrawn.id]))[0].k as string | undefined, 'the instance');
    await t.runtime.engine.cancelInstance(instanceKey);
    await eventually(async () => (await jonas.get(`/api/applications/${withdrawn.id}`)).body.status === 'cancelled', 'the application to be withdrawn');
    // The order page no longer offers the bank; the citizen pays with the page he still had open.
    expect((await jonas.get(`/api/applications/${withdrawn.id}`)).body.payment).toMatchObject({ payable: false, redirectUrl: null });
    await payerPresses(withdrawn.payment.redirectUrl, 'pay');
    await bank.settled();
    expect(await stored(withdrawn.payment.id)).toMatchObject({ status: 'paid', refund_due: 'application-withdrawn', message_published_at: null });
    expect((await jonas.get(`/api/applications/${withdrawn.id}`)).body).toMatchObject({ status: 'cancelled', payment: { status: 'paid', refundDue: 'application-withdrawn', payable: false } });
    expect((await db().query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'payment.refund-due' AND object_id = $1`, [withdrawn.payment.id]))[0].n).toBe(1);
    expect((await t.runtime.engine.instance(instanceKey))?.state).not.toBe('COMPLETED');
    const lt = await pdfText(jonas, `${withdrawn.payment.invoiceUrl}?lang=lt`);
    expect(lt).toContain('prašymas atsiimtas, sumokėti pinigai bus grąžinti');

    const cancelled = await order();
    expect((await (await t.as('supervisor')).post(`/api/payments/${cancelled.payment.id}/cancel`)).status).toBe(200);
    await payerPresses(cancelled.payment.redirectUrl, 'pay');
    await bank.settled();
    expect(await stored(cancelled.payment.id)).toMatchObject({ status: 'cancelled', refund_due: 'order-cancelled', message_published_at: null });
    expect((await jonas.get(`/api/applications/${cancelled.id}`)).body.timeline.map((e: { kind: string }) => e.kind)).toContain('payment-refund-due');
  }, 60_000);
});
