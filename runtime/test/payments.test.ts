import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxBankEnv, signWebhook, startSandboxBank, type BankSwitches, type SandboxBank } from '@konstruktor/examples';
import { citizen, publishProcessService, startTestRuntime, type TestRuntime } from './support/harness.js';
import type { ApiClient } from './support/api-client.js';
import { eventually } from './support/eventually.js';
import { freePort } from './support/free-port.js';

/**
 * Prepayment: create the order (connector), wait for `payment-received` (correlation key =
 * application id), done. Postpayment: a decision step first, then the invoice and the wait.
 */
const bpmn = (processId: string, kind: 'prepayment' | 'postpayment' = 'prepayment', decisionJob = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="submitted"><bpmn:outgoing>${kind === 'postpayment' ? 'f0' : 'f1'}</bpmn:outgoing></bpmn:startEvent>${kind === 'postpayment' ? `
    <bpmn:serviceTask id="decide"><bpmn:extensionElements><zeebe:taskDefinition type="${decisionJob}" /></bpmn:extensionElements><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f0" sourceRef="submitted" targetRef="decide" />` : ''}
    <bpmn:serviceTask id="invoice">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="konstruktor:payments:create-order" retries="3" />
        <zeebe:ioMapping>
          <zeebe:input source="=&quot;${kind}&quot;" target="kind" />
          <zeebe:input source="=1500" target="amountCents" />
          <zeebe:input source="=&quot;Rinkliava už leidimą&quot;" target="description" />
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
    <bpmn:sequenceFlow id="f1" sourceRef="${kind === 'postpayment' ? 'decide' : 'submitted'}" targetRef="invoice" />
    <bpmn:sequenceFlow id="f2" sourceRef="invoice" targetRef="paid" />
    <bpmn:sequenceFlow id="f3" sourceRef="paid" targetRef="done" />
  </bpmn:process>
  <bpmn:message id="paymentReceived" name="payment-received">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=applicationId" /></bpmn:extensionElements>
  </bpmn:message>
</bpmn:definitions>`;

describe('payments with the sandbox bank', () => {
  let t: TestRuntime;
  let bank: SandboxBank;
  let jonas: ApiClient;
  const suffix = `${process.pid}-${Date.now()}`;
  const code = `paid-permit-${suffix}`.slice(0, 60);
  const webhookPath = '/api/payments/webhooks/sandbox-bank';
  const db = () => t.runtime.database.dataSource;

  beforeAll(async () => {
    // The runtime hosts the built-in connectors (CONNECTORS=embedded), the payment connector among them.
    bank = await startSandboxBank({ captureDelayMs: 200 });
    // The bank is told where to send webhooks, so the runtime's own URL is known before it starts.
    t = await startTestRuntime({}, { PORT: String(await freePort()), ...sandboxBankEnv(bank), PAYMENT_BANK_TIMEOUT_MS: '1000' });
    t.runtime.services.payments.start({ reconcileEveryMs: 300 });
    await publishProcessService(t, { code, processId: `paid-permit-${suffix}`, bpmn: bpmn(`paid-permit-${suffix}`), title: 'Paid permit', price: { amount: '15.00', currency: 'EUR' } });
    jonas = await citizen(t);
  });
  afterAll(async () => {
    await t?.close();
    await bank?.close();
  });

  /** Orders the service; resolves with the application id, its instance and its payment order once the bank page is known. */
  async function order(switches: BankSwitches) {
    bank.setSwitches(switches);
    const submitted = await jonas.post('/api/applications', { service: code, data: {} });
    expect(submitted.status).toBe(201);
    const applicationId = submitted.body.id as string;
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items?.[0]?.redirectUrl && (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items[0], 'the payment order');
    // The order learns its instance from the engine's feed: over REST that may come after the bank's page.
    const instanceKey = await eventually(async () => {
      const [row] = await db().query('SELECT process_instance_key FROM application WHERE id = $1', [applicationId]);
      return (row?.process_instance_key as string | null) ?? undefined;
    }, 'the order to learn its instance');
    return { applicationId, instanceKey, payment };
  }

  const payerPresses = (redirectUrl: string, action: 'pay' | 'decline') =>
    fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' });

  /** The end every switch must reach: one paid order, one bank payment, the catch event passed once, the instance done. */
  async function expectPaidOnce(applicationId: string, instanceKey: string) {
    await eventually(async () => (await t.runtime.engine.instance(instanceKey))?.state === 'COMPLETED', 'the process to pass the payment');
    await bank.settled();
    const orders = await db().query('SELECT id, reference, status, message_published_at FROM payment_order WHERE application_id = $1', [applicationId]);
    expect(orders).toHaveLength(1);
    expect(orders[0].status).toBe('paid');
    expect(orders[0].message_published_at).not.toBeNull();
    expect(bank.payments().filter((p) => p.reference === orders[0].reference).map((p) => p.status)).toEqual(['paid']);
    const catches = (await t.runtime.engine.elementInstances(instanceKey)).filter((e) => e.elementId === 'paid');
    expect(catches.map((e) => e.state)).toEqual(['COMPLETED']);
    const variables = Object.fromEntries((await t.runtime.engine.variables(instanceKey)).map((v) => [v.name, v.value]));
    expect(variables.payment).toMatchObject({ orderId: orders[0].id, reference: orders[0].reference, status: 'paid', amountCents: 1500 });
    const paidEvents = await db().query(`SELECT details FROM audit_event WHERE action = 'payment.status-changed' AND object_id = $1 AND details->>'to' = 'paid'`, [orders[0].id]);
    expect(paidEvents).toHaveLength(1);
    // Give a late duplicate webhook or reconciler pass the chance to misbehave, then check again.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await t.runtime.engine.elementInstances(instanceKey)).filter((e) => e.elementId === 'paid')).toHaveLength(1);
    return orders[0] as { id: string; reference: string };
  }

  it('prepayment: the payer pays on the bank page, the signed webhook marks the order paid and the process goes on', async () => {
    const { applicationId, instanceKey, payment } = await order({});
    expect(payment).toMatchObject({ kind: 'prepayment', amountCents: 1500, currency: 'EUR', status: 'created' });
    expect(payment.reference).toMatch(/^RF\d{2}[0-9A-Z]+$/);
    // Zeebe's history reaches us through its exporter a moment after the job completed.
    const paymentOrder = await eventually(async () => (await t.runtime.engine.variables(instanceKey)).find((v) => v.name === 'paymentOrder')?.value, 'the paymentOrder variable');
    expect(paymentOrder).toMatchObject({ orderId: payment.id, redirectUrl: payment.redirectUrl });
    expect(await (await fetch(payment.redirectUrl)).text()).toContain('15.00 EUR');
    const back = await payerPresses(payment.redirectUrl, 'pay');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toContain(`/orders/${applicationId}`);
    await expectPaidOnce(applicationId, instanceKey);
    expect((await jonas.get(`/api/applications/${applicationId}/payments`)).body.items[0]).toMatchObject({ status: 'paid', redirectUrl: null });
  });

  it('decline: the bank declines, the order stays retryable as failed, the payer pays again', async () => {
    const { applicationId, instanceKey, payment } = await order({ decline: true });
    await payerPresses(payment.redirectUrl, 'pay');
    await bank.settled();
    await eventually(async () => (await db().query('SELECT status FROM payment_order WHERE id = $1', [payment.id]))[0].status === 'failed', 'the order to fail');
    expect((await t.runtime.engine.instance(instanceKey))?.state).toBe('ACTIVE');
    bank.setSwitches({});
    await payerPresses(payment.redirectUrl, 'pay');
    await expectPaidOnce(applicationId, instanceKey);
  });

  it('timeout: the bank does not answer the first create call; the retried job gets the same bank payment', async () => {
    const { applicationId, instanceKey, payment } = await order({ timeouts: 1 });
    await payerPresses(payment.redirectUrl, 'pay');
    await expectPaidOnce(applicationId, instanceKey);
  });

  it('duplicate webhook: the second copy is refused as a replay and audited', async () => {
    const { applicationId, instanceKey, payment } = await order({ duplicateWebhook: true });
    await payerPresses(payment.redirectUrl, 'pay');
    await expectPaidOnce(applicationId, instanceKey);
    const statuses = bank.deliveries().filter((d) => d.event.payment.reference === payment.reference).map((d) => d.status);
    expect(statuses).toEqual([200, 409]);
    const replays = await db().query(`SELECT details FROM audit_event WHERE action = 'payment.webhook-rejected' AND details->>'reason' = 'replay'`);
    expect(replays.map((r: { details: { reason: string } }) => r.details.reason)).toEqual(['replay']);
  });

  it('out-of-order webhooks: paid before pending; pending does not move the order back', async () => {
    const { applicationId, instanceKey, payment } = await order({ outOfOrderWebhooks: true });
    await fetch(payment.redirectUrl);
    await payerPresses(payment.redirectUrl, 'pay');
    await expectPaidOnce(applicationId, instanceKey);
    expect(bank.deliveries().filter((d) => d.event.payment.reference === payment.reference).map((d) => d.event.payment.status)).toEqual(['paid', 'pending']);
  });

  it('failed then captured: a late capture still marks the failed order paid', async () => {
    const { applicationId, instanceKey, payment } = await order({ failedThenCaptured: true });
    await payerPresses(payment.redirectUrl, 'pay');
    const order_ = await expectPaidOnce(applicationId, instanceKey);
    const moves = await db().query(`SELECT details->>'to' AS "to" FROM audit_event WHERE action = 'payment.status-changed' AND object_id = $1 ORDER BY seq`, [order_.id]);
    expect(moves.map((m: { to: string }) => m.to)).toEqual(['failed', 'paid']);
  });

  it('missing webhook: the reconciliation poller finds the payment paid', async () => {
    const { applicationId, instanceKey, payment } = await order({ missingWebhook: true });
    await payerPresses(payment.redirectUrl, 'pay');
    const paid = await expectPaidOnce(applicationId, instanceKey);
    expect(bank.deliveries().filter((d) => d.event.payment.reference === payment.reference)).toEqual([]);
    const [move] = await db().query(`SELECT details FROM audit_event WHERE action = 'payment.status-changed' AND object_id = $1 AND details->>'to' = 'paid'`, [paid.id]);
    expect(move.details.source).toBe('reconciliation');
  });

  it('postpayment: the invoice is issued after the decision, the process waits for its payment', async () => {
    const postCode = `invoiced-${suffix}`.slice(0, 60);
    const decisionJob = `test-decision-${suffix}`;
    await publishProcessService(t, { code: postCode, processId: `invoiced-${suffix}`, bpmn: bpmn(`invoiced-${suffix}`, 'postpayment', decisionJob), title: 'Invoiced permit', price: { amount: '15.00', currency: 'EUR' } });
    bank.setSwitches({});
    const submitted = await jonas.post('/api/applications', { service: postCode, data: {} });
    const applicationId = submitted.body.id as string;
    expect((await jonas.get(`/api/applications/${applicationId}/payments`)).body.items).toEqual([]);
    const decision = await eventually(async () => (await t.runtime.engine.activateJobs({ type: decisionJob, worker: 'test', maxJobs: 1, timeout: 30_000 }))[0], 'the decision step');
    await t.runtime.engine.completeJob(decision.key, { approved: true });
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items?.[0]?.redirectUrl && (await jonas.get(`/api/applications/${applicationId}/payments`)).body.items[0], 'the invoice');
    expect(payment).toMatchObject({ kind: 'postpayment', amountCents: 1500 });
    await payerPresses(payment.redirectUrl, 'pay');
    await expectPaidOnce(applicationId, decision.instanceKey);
  });

  it('an unpaid order past its due date expires at reconciliation, and stays expired', async () => {
    const payments = t.runtime.services.payments;
    const { applicationId } = await order({});
    const overdue = await payments.create({ idempotencyKey: `overdue-${applicationId}`, applicationId, kind: 'postpayment', amountCents: 300, description: 'Vėluojanti sąskaita', dueDate: '2020-01-31' });
    const dueSoon = await payments.create({ idempotencyKey: `due-soon-${applicationId}`, applicationId, kind: 'postpayment', amountCents: 300, description: 'Sąskaita', dueDate: '2999-12-31' });
    await payments.reconcile();
    const status = async (id: string) => (await db().query('SELECT status FROM payment_order WHERE id = $1', [id]))[0].status;
    expect(await status(overdue.id)).toBe('expired');
    expect(await status(dueSoon.id)).toBe('created');
    // The payer cannot revive it: the bank page still takes the money, but the expired order does not move; the money is marked for refund.
    await payerPresses(overdue.redirectUrl!, 'pay');
    await bank.settled();
    expect(await status(overdue.id)).toBe('expired');
    expect((await db().query('SELECT refund_due FROM payment_order WHERE id = $1', [overdue.id]))[0].refund_due).toBe('order-expired');
  });

  it('a supervisor of the agency cancels an unpaid order; a paid one cannot be cancelled; neither the citizen nor an official with no task of the case may cancel', async () => {
    const { applicationId, payment } = await order({});
    const supervisor = await t.as('supervisor');
    expect((await jonas.post(`/api/payments/${payment.id}/cancel`)).status).toBe(403);
    // Paid first, reviewed after: no task of the case is his yet.
    expect((await (await t.as('official')).post(`/api/payments/${payment.id}/cancel`)).status).toBe(404);
    const cancelled = await supervisor.post(`/api/payments/${payment.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ orderId: payment.id, status: 'cancelled' });
    const [event] = await db().query(`SELECT actor_id FROM audit_event WHERE action = 'payment.status-changed' AND object_id = $1 AND details->>'to' = 'cancelled'`, [payment.id]);
    expect(event.actor_id).not.toBeNull();
    // The payer pays anyway: the cancelled order stays cancelled and the process gets no message.
    await payerPresses(payment.redirectUrl, 'pay');
    await bank.settled();
    expect((await jonas.get(`/api/applications/${applicationId}/payments`)).body.items[0].status).toBe('cancelled');
    const [paid] = await db().query(`SELECT id FROM payment_order WHERE status = 'paid' LIMIT 1`);
    expect((await supervisor.post(`/api/payments/${paid.id}/cancel`)).status).toBe(409);
    expect((await supervisor.post('/api/payments/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(404);
  });

  it('refuses forged, stale and replayed webhooks with 4xx, audits them and changes nothing', async () => {
    bank.setSwitches({});
    const delivered = bank.deliveries().find((d) => d.status === 200 && d.event.payment.status === 'paid')!;
    const post = (body: string, headers: Record<string, string>) => fetch(`${t.url}${webhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const rejectedCount = async () => Number((await db().query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'payment.webhook-rejected'`))[0].n);
    const orders = async () => db().query('SELECT id, status, updated_at FROM payment_order ORDER BY id');
    const before = { orders: await orders(), events: (await db().query('SELECT count(*)::int AS n FROM payment_webhook_event'))[0].n, rejected: await rejectedCount() };

    // Forged: a cancellation of a paid order, signed with a guessed secret.
    const now = Math.floor(Date.now() / 1000);
    const forgedBody = JSON.stringify({ ...delivered.event, id: 'evt_forged', payment: { ...delivered.event.payment, status: 'cancelled' } });
    const forged = await post(forgedBody, { 'x-bank-timestamp': String(now), 'x-bank-signature': signWebhook('guessed-secret', now, forgedBody) });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as any).type).toBe('urn:konstruktor:problem:payment-webhook-signature');
    // Tampered: a real signature over a different body (re-serialised JSON with a changed status).
    const tampered = await post(delivered.rawBody.replace('"paid"', '"cancelled"'), delivered.headers);
    expect(tampered.status).toBe(401);
    // Stale: correctly signed, but ten minutes old.
    const old = now - 600;
    const staleBody = JSON.stringify({ ...delivered.event, id: 'evt_stale' });
    expect((await post(staleBody, { 'x-bank-timestamp': String(old), 'x-bank-signature': signWebhook(bank.webhookSecret, old, staleBody) })).status).toBe(400);
    // Replayed: a webhook the runtime accepted before, sent again byte for byte.
    const replayed = await post(delivered.rawBody, delivered.headers);
    expect(replayed.status).toBe(409);
    // Unsigned.
    expect((await post(delivered.rawBody, {})).status).toBe(401);

    expect(await orders()).toEqual(before.orders);
    expect((await db().query('SELECT count(*)::int AS n FROM payment_webhook_event'))[0].n).toBe(before.events);
    expect(await rejectedCount()).toBe(before.rejected + 5);
    const reasons = (await db().query(`SELECT details->>'reason' AS reason FROM audit_event WHERE action = 'payment.webhook-rejected' ORDER BY seq DESC LIMIT 5`)).map((r: { reason: string }) => r.reason);
    expect(reasons.reverse()).toEqual(['signature', 'signature', 'stale', 'replay', 'signature']);
    expect(t.logs.join('')).not.toContain(bank.webhookSecret);
    expect(t.logs.join('')).not.toContain(bank.apiKey);
  });

  it('one order per idempotency key, bad input names the field and stores nothing, only the applicant sees the payments', async () => {
    const payments = t.runtime.services.payments;
    const { applicationId } = await order({});
    const first = await payments.create({ idempotencyKey: 'postpayment-1', applicationId, kind: 'postpayment', amountCents: 250, description: 'Sąskaita' });
    const again = await payments.create({ idempotencyKey: 'postpayment-1', applicationId, kind: 'postpayment', amountCents: 250, description: 'Sąskaita' });
    expect(again.id).toBe(first.id);
    expect(bank.payments().filter((p) => p.reference === first.reference)).toHaveLength(1);
    await expect(payments.create({ idempotencyKey: 'postpayment-1', applicationId, kind: 'postpayment', amountCents: 999, description: 'Sąskaita' })).rejects.toThrow(/amountCents/);
    const count = async () => (await db().query('SELECT count(*)::int AS n FROM payment_order'))[0].n;
    const before = await count();
    await expect(payments.create({ idempotencyKey: 'bad-1', applicationId, kind: 'postpayment', amountCents: 12.5, description: 'x' })).rejects.toThrow(/amountCents/);
    await expect(payments.create({ idempotencyKey: 'bad-2', applicationId, kind: 'postpayment', amountCents: 100, currency: 'euro', description: 'x' })).rejects.toThrow(/currency/);
    expect(await count()).toBe(before);

    const ieva = await citizen(t, 'citizen2');
    expect((await ieva.get(`/api/applications/${applicationId}/payments`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/applications/${applicationId}/payments`)).status).toBe(401);
    expect((await jonas.get(`/api/applications/${applicationId}/payments`)).body.items).toHaveLength(2);
  });
});
