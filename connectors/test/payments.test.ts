import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import {
  createPaymentOrder, memoryPlatformServices, paymentOrderStatus, runConnectors, serviceTaskBpmn, waitFor,
  type ConnectorLogger, type ConnectorWorkerHandle, type PaymentOrderRef, type PaymentOrderRequest, type PaymentService, type PlatformServices,
} from '../src/index.js';

/**
 * The payment connectors on their own, on the embedded engine, with the payments service kept in
 * memory (the runtime's real one, with the sandbox bank, is tested in runtime/test/payments.test.ts).
 */
const quiet: ConnectorLogger = { debug() {}, info() {}, warn() {}, error() {} };

function memoryPayments(options: { failFirst?: boolean } = {}) {
  const requests: PaymentOrderRequest[] = [];
  const orders = new Map<string, PaymentOrderRef>();
  let failures = options.failFirst ? 1 : 0;
  const service: PaymentService = {
    async createOrder(request) {
      requests.push(request);
      if (failures > 0) {
        failures -= 1;
        throw new Error('bank did not answer');
      }
      const orderId = `order-${request.idempotencyKey}`;
      const order = orders.get(orderId) ?? {
        orderId, reference: 'RF18539007547034', kind: request.kind, amountCents: request.amountCents, currency: request.currency ?? 'EUR',
        status: 'created' as const, redirectUrl: `http://127.0.0.1:1/pay/${orderId}`,
      };
      orders.set(orderId, order);
      return order;
    },
    async order(orderId) { return orders.get(orderId) ?? null; },
  };
  return { service, requests, orders };
}

describe('payment connectors', () => {
  let engine: EngineAdapter;
  let worker: ConnectorWorkerHandle | undefined;
  beforeEach(async () => { engine = await createEmbeddedEngine(); });
  afterEach(async () => {
    await worker?.close();
    await engine.close();
  });

  const start = (payments: PaymentService | undefined) => {
    const services: PlatformServices = { ...memoryPlatformServices(engine), ...(payments ? { payments } : {}) };
    worker = runConnectors({ engine, connectors: [createPaymentOrder, paymentOrderStatus], services, logger: quiet, pollIntervalMs: { min: 10, max: 50 }, retryBackOffMs: { initial: 50, max: 100 } });
  };

  async function run(type: string, inputs: Record<string, string>, variables: Record<string, unknown> = {}, catchErrorCode?: string) {
    const processId = `pay${Math.random().toString(36).slice(2, 8)}`;
    await engine.deploy([{ name: `${processId}.bpmn`, content: serviceTaskBpmn({ processId, type, inputs, headers: { resultVariable: 'paymentOrder' }, ...(catchErrorCode ? { catchErrorCode } : {}) }) }]);
    const { instanceKey } = await engine.createInstance({ processId, variables: { applicationId: '6a1c7d7e-8d3e-4b8e-9f64-0c1f1a2b3c4d', ...variables } });
    return instanceKey;
  }
  const variables = async (instanceKey: string) => Object.fromEntries((await engine.variables(instanceKey)).filter((v) => v.scopeKey === instanceKey).map((v) => [v.name, v.value]));
  const orderInputs = { kind: '="prepayment"', amountCents: '=1500', description: '="Rinkliava už leidimą"', payer: '=applicant' };

  it('creates the order for the application with the job\'s idempotency key, the same on the retry after a failure', async () => {
    const payments = memoryPayments({ failFirst: true });
    start(payments.service);
    const instanceKey = await run(createPaymentOrder.id, orderInputs, { applicant: { name: 'Jonas Jonaitis', personalCode: '38501010019' } });
    await waitFor(async () => (await engine.instance(instanceKey))?.state === 'COMPLETED', 10_000, 'the instance to complete');
    expect(payments.requests).toHaveLength(2);
    expect(payments.requests[0]!.idempotencyKey).toBe(payments.requests[1]!.idempotencyKey);
    expect(payments.requests[1]).toMatchObject({
      kind: 'prepayment', amountCents: 1500, description: 'Rinkliava už leidimą', applicationId: '6a1c7d7e-8d3e-4b8e-9f64-0c1f1a2b3c4d',
      payer: { name: 'Jonas Jonaitis', personalCode: '38501010019' },
    });
    expect(payments.orders.size).toBe(1);
    expect((await variables(instanceKey)).paymentOrder).toMatchObject({ status: 'created', redirectUrl: expect.stringContaining('/pay/') });
  });

  it('refuses an amount that is not whole cents before calling the payments service, as an incident naming the field', async () => {
    const payments = memoryPayments();
    start(payments.service);
    const instanceKey = await run(createPaymentOrder.id, { ...orderInputs, amountCents: '=15.5' });
    const incident = await waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0], 10_000, 'an incident');
    expect(incident.errorMessage).toContain('amountCents');
    expect(payments.requests).toEqual([]);
  });

  it('without a payments service (a worker outside the runtime) the job fails saying so', async () => {
    start(undefined);
    const instanceKey = await run(createPaymentOrder.id, orderInputs, { applicant: {} });
    const incident = await waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0], 10_000, 'an incident');
    expect(incident.errorMessage).toContain('no payments service');
  });

  it('order status: the order as it stands, or the BPMN error PAYMENT_ORDER_NOT_FOUND', async () => {
    const payments = memoryPayments();
    await payments.service.createOrder({ idempotencyKey: 'k1', kind: 'postpayment', amountCents: 700, description: 'Sąskaita' });
    start(payments.service);
    const found = await run(paymentOrderStatus.id, { orderId: '="order-k1"' });
    await waitFor(async () => (await engine.instance(found))?.state === 'COMPLETED', 10_000, 'the instance to complete');
    expect((await variables(found)).paymentOrder).toMatchObject({ orderId: 'order-k1', kind: 'postpayment', status: 'created' });
    const missing = await run(paymentOrderStatus.id, { orderId: '="nope"' }, {}, 'PAYMENT_ORDER_NOT_FOUND');
    await waitFor(async () => (await engine.instance(missing))?.state === 'COMPLETED', 10_000, 'the instance to end at the error');
    expect((await variables(missing)).caughtErrorCode).toBe('PAYMENT_ORDER_NOT_FOUND');
  });
});
