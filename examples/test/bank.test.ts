import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook, startSandboxBank, type BankWebhookEvent, type SandboxBank } from '../sandboxes/bank/index.js';

/** A merchant's webhook endpoint on loopback that records what arrives. */
async function merchant(): Promise<{ url: string; received: { raw: string; headers: Record<string, string | string[] | undefined> }[]; server: Server }> {
  const received: { raw: string; headers: Record<string, string | string[] | undefined> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      received.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe('sandbox bank', () => {
  let bank: SandboxBank;
  let shop: Awaited<ReturnType<typeof merchant>>;
  beforeAll(async () => {
    bank = await startSandboxBank({ captureDelayMs: 50 });
    shop = await merchant();
  });
  afterAll(async () => {
    await bank?.close();
    shop?.server.close();
  });

  const create = (key: string, body: Record<string, unknown>, apiKey = bank.apiKey) => fetch(`${bank.url}/api/payments`, {
    method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'idempotency-key': key, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const order = (reference: string) => ({ amount: 1500, currency: 'EUR', reference, description: 'Leidimas', returnUrl: 'http://127.0.0.1:1/back', notificationUrl: shop.url });

  it('creates a payment once per idempotency key, refuses a wrong API key and names a bad field', async () => {
    const first = await create('k-1', order('REF-1'));
    expect(first.status).toBe(201);
    const payment = await first.json() as any;
    expect(payment).toMatchObject({ status: 'created', amount: 1500, paymentUrl: `${bank.url}/pay/${payment.id}` });
    const again = await create('k-1', order('REF-1'));
    expect(again.status).toBe(200);
    expect(((await again.json()) as any).id).toBe(payment.id);
    expect((await create('k-1', order('REF-OTHER'))).status).toBe(422);
    expect((await create('k-2', order('REF-2'), 'wrong')).status).toBe(401);
    const bad = await create('k-3', { ...order('REF-3'), amount: 12.5 });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error).toContain('amount');
    expect(bank.payments().filter((p) => p.reference.startsWith('REF-'))).toHaveLength(1);
  });

  it('lets the payer pay on the hosted page, redirects back and sends signed webhooks in order', async () => {
    const payment = await (await create('k-pay', order('REF-PAY'))).json() as any;
    const page = await fetch(payment.paymentUrl);
    expect(await page.text()).toContain('15.00 EUR');
    const paid = await fetch(payment.paymentUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://127.0.0.1:1/back?payment=${payment.id}&status=paid`);
    await bank.settled();
    const events = shop.received.map((r) => JSON.parse(r.raw) as BankWebhookEvent).filter((e) => e.payment.id === payment.id);
    expect(events.map((e) => e.payment.status)).toEqual(['pending', 'paid']);
    for (const r of shop.received) {
      const timestamp = Number(r.headers['x-bank-timestamp']);
      expect(r.headers['x-bank-signature']).toBe(signWebhook(bank.webhookSecret, timestamp, r.raw));
    }
    const status = await fetch(`${bank.url}/api/payments/${payment.id}`, { headers: { authorization: `Bearer ${bank.apiKey}` } });
    expect(await status.json()).toMatchObject({ status: 'paid' });
  });

  it('switches: out-of-order, duplicate, failed-then-captured, missing webhook, decline, no answer', async () => {
    const run = async (reference: string, switches: Parameters<SandboxBank['setSwitchesFor']>[1]) => {
      bank.setSwitchesFor(reference, switches);
      const payment = await (await create(`k-${reference}`, order(reference))).json() as any;
      await fetch(payment.paymentUrl);
      await fetch(payment.paymentUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
      await bank.settled();
      return shop.received.map((r) => JSON.parse(r.raw) as BankWebhookEvent).filter((e) => e.payment.reference === reference);
    };
    expect((await run('OOO', { outOfOrderWebhooks: true })).map((e) => e.payment.status)).toEqual(['paid', 'pending']);
    const duplicated = await run('DUP', { duplicateWebhook: true });
    expect(duplicated.map((e) => e.payment.status)).toEqual(['pending', 'pending', 'paid', 'paid']);
    expect(duplicated[2]!.id).toBe(duplicated[3]!.id);
    expect((await run('FTC', { failedThenCaptured: true })).map((e) => e.payment.status)).toEqual(['pending', 'failed', 'paid']);
    expect(await run('MISS', { missingWebhook: true })).toEqual([]);
    expect(bank.payments().find((p) => p.reference === 'MISS')?.status).toBe('paid');
    expect((await run('DECL', { decline: true })).map((e) => e.payment.status)).toEqual(['pending', 'failed']);

    bank.setSwitchesFor('SLOW', { timeouts: 1 });
    const hung = await fetch(`${bank.url}/api/payments`, {
      method: 'POST', headers: { authorization: `Bearer ${bank.apiKey}`, 'idempotency-key': 'k-SLOW', 'content-type': 'application/json' },
      body: JSON.stringify(order('SLOW')), signal: AbortSignal.timeout(300),
    }).then(() => 'answered', () => 'no answer');
    expect(hung).toBe('no answer');
    // The bank acted on the unanswered request: the retry with the same key gets that payment.
    const retried = await create('k-SLOW', order('SLOW'));
    expect(retried.status).toBe(200);
    expect(bank.payments().filter((p) => p.reference === 'SLOW')).toHaveLength(1);
  }, 30_000);
});
