import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER,
  type BankPayment, type BankPaymentStatus, type BankWebhookEvent, type CreatePaymentRequest,
} from './protocol.js';
import { escapeHtml } from '../html.js';

/** Misbehaviours a test can switch on, for every payment or for one payment reference. */
export interface BankSwitches {
  /** Every payment attempt is declined by the bank (status `failed`). */
  decline?: boolean;
  /** The next N API requests get no answer at all (the bank still acts on them). */
  timeouts?: number;
  /** Every webhook is delivered twice, with the same event id. */
  duplicateWebhook?: boolean;
  /** The `pending` event is held back and delivered after the `paid` one. */
  outOfOrderWebhooks?: boolean;
  /** A payment first fails, then the bank captures it `captureDelayMs` later. */
  failedThenCaptured?: boolean;
  /** No webhooks are sent: only polling the API shows the status. */
  missingWebhook?: boolean;
}

export interface WebhookDelivery {
  event: BankWebhookEvent;
  url: string;
  rawBody: string;
  headers: Record<string, string>;
  /** HTTP status the merchant answered, or 0 when it could not be reached. */
  status: number;
}

export interface SandboxBankOptions {
  port?: number;
  apiKey?: string;
  webhookSecret?: string;
  /** Delay between the failure and the capture of the failed-then-captured switch. */
  captureDelayMs?: number;
}

export interface SandboxBank {
  url: string;
  apiKey: string;
  webhookSecret: string;
  /** Replaces the switches for all payments. */
  setSwitches(switches: BankSwitches): void;
  /** Replaces the switches of the payments with this reference (they win over the global ones). */
  setSwitchesFor(reference: string, switches: BankSwitches): void;
  payments(): BankPayment[];
  deliveries(): WebhookDelivery[];
  /** Resolves when no webhook delivery or delayed capture is under way. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface Payment extends BankPayment {
  idempotencyKey: string;
  request: string;
  returnUrl: string;
  notificationUrl: string | null;
  heldEvents: BankWebhookEvent[];
  delivery: Promise<void>;
}

class RequestError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

const MAX_BODY = 64 * 1024;
const DELIVERY_ATTEMPTS = 3;

/**
 * A sandbox bank on loopback: an API to create payments, a hosted page where the payer pays or
 * declines, HMAC-signed webhooks (protocol.ts), and switches for the failures a real provider
 * shows: decline, no answer, duplicate, out-of-order and missing webhooks, failed-then-captured.
 */
export async function startSandboxBank(options: SandboxBankOptions = {}): Promise<SandboxBank> {
  const apiKey = options.apiKey ?? `sandbox-key-${randomBytes(8).toString('hex')}`;
  const webhookSecret = options.webhookSecret ?? randomBytes(32).toString('hex');
  const captureDelayMs = options.captureDelayMs ?? 300;
  const payments = new Map<string, Payment>();
  const byIdempotencyKey = new Map<string, Payment>();
  const deliveries: WebhookDelivery[] = [];
  const pending = new Set<Promise<unknown>>();
  const held = new Set<ServerResponse>();
  let global: BankSwitches = {};
  const perReference = new Map<string, BankSwitches>();
  let url = '';

  const switchesOf = (reference: string): BankSwitches => perReference.get(reference) ?? global;
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
    return promise;
  };

  /** Consumes one "no answer" from the switches that apply. */
  const swallowAnswer = (reference: string | undefined): boolean => {
    const switches = reference !== undefined ? switchesOf(reference) : global;
    if (!switches.timeouts) return false;
    switches.timeouts -= 1;
    return true;
  };

  const view = (p: Payment): BankPayment => ({
    id: p.id, status: p.status, amount: p.amount, currency: p.currency, reference: p.reference,
    description: p.description, paymentUrl: p.paymentUrl, createdAt: p.createdAt, paidAt: p.paidAt,
  });

  async function deliver(payment: Payment, event: BankWebhookEvent): Promise<void> {
    if (!payment.notificationUrl) return;
    const rawBody = JSON.stringify(event);
    for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt += 1) {
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = { 'content-type': 'application/json', [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signWebhook(webhookSecret, timestamp, rawBody) };
      const status = await fetch(payment.notificationUrl, { method: 'POST', headers, body: rawBody, signal: AbortSignal.timeout(5000) })
        .then((response) => response.status, () => 0);
      deliveries.push({ event, url: payment.notificationUrl, rawBody, headers, status });
      // Delivered, or refused for good (4xx: the merchant will never accept this one).
      if (status >= 200 && status < 500) return;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }

  /** Queues the webhooks of a status change in order, after those queued before. */
  function notify(payment: Payment): void {
    const switches = switchesOf(payment.reference);
    if (switches.missingWebhook) return;
    const event: BankWebhookEvent = {
      id: `evt_${randomUUID()}`, type: 'payment.status', occurredAt: new Date().toISOString(),
      payment: { id: payment.id, status: payment.status, reference: payment.reference, amount: payment.amount, currency: payment.currency, paidAt: payment.paidAt },
    };
    if (switches.outOfOrderWebhooks && event.payment.status === 'pending') {
      payment.heldEvents.push(event);
      return;
    }
    const events = [event, ...(event.payment.status === 'pending' ? [] : payment.heldEvents.splice(0))];
    const copies = switches.duplicateWebhook ? 2 : 1;
    payment.delivery = track(payment.delivery.then(async () => {
      for (const queued of events) for (let i = 0; i < copies; i += 1) await deliver(payment, queued);
    }));
  }

  function setStatus(payment: Payment, status: BankPaymentStatus): void {
    payment.status = status;
    if (status === 'paid') payment.paidAt = new Date().toISOString();
    notify(payment);
  }

  function createPayment(req: IncomingMessage, body: unknown): { payment: Payment; created: boolean } {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !/^[\w:.-]{1,200}$/.test(key)) throw new RequestError(400, 'Idempotency-Key header is required (1-200 letters, digits, _ : . -)');
    const input = validateCreate(body);
    const request = JSON.stringify(input);
    const existing = byIdempotencyKey.get(key);
    if (existing) {
      if (existing.request !== request) throw new RequestError(422, 'Idempotency-Key was used before with a different payment');
      return { payment: existing, created: false };
    }
    const id = `pay_${randomBytes(10).toString('hex')}`;
    const payment: Payment = {
      id, status: 'created', amount: input.amount, currency: input.currency, reference: input.reference,
      description: input.description ?? '', paymentUrl: `${url}/pay/${id}`, createdAt: new Date().toISOString(), paidAt: null,
      idempotencyKey: key, request, returnUrl: input.returnUrl, notificationUrl: input.notificationUrl ?? null,
      heldEvents: [], delivery: Promise.resolve(),
    };
    payments.set(id, payment);
    byIdempotencyKey.set(key, payment);
    return { payment, created: true };
  }

  function payerAction(payment: Payment, action: string): void {
    if (!['created', 'pending', 'failed'].includes(payment.status)) throw new RequestError(409, `The payment is already ${payment.status}`);
    if (action === 'decline') return setStatus(payment, 'failed');
    if (action !== 'pay') throw new RequestError(400, 'action must be pay or decline');
    const switches = switchesOf(payment.reference);
    if (switches.decline) return setStatus(payment, 'failed');
    if (switches.failedThenCaptured) {
      setStatus(payment, 'failed');
      track(new Promise<void>((resolve) => setTimeout(() => {
        if (payment.status === 'failed') setStatus(payment, 'paid');
        resolve();
      }, captureDelayMs)));
      return;
    }
    setStatus(payment, 'paid');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://bank');
    const parts = pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';

    if (parts[0] === 'api') {
      const auth = req.headers.authorization ?? '';
      if (!constantTimeEqual(auth, `Bearer ${apiKey}`)) throw new RequestError(401, 'A valid API key is required (Authorization: Bearer <apiKey>)');
      if (method === 'POST' && pathname === '/api/payments') {
        const body = parseJson(await readBody(req));
        const { payment, created } = createPayment(req, body);
        if (swallowAnswer(payment.reference)) return hold(res);
        return json(res, created ? 201 : 200, view(payment));
      }
      if (method === 'GET' && parts[1] === 'payments' && parts.length === 3) {
        const payment = payments.get(parts[2]!);
        if (!payment) throw new RequestError(404, `No payment ${parts[2]}`);
        if (swallowAnswer(payment.reference)) return hold(res);
        return json(res, 200, view(payment));
      }
    }

    if (parts[0] === 'pay' && parts.length === 2) {
      const payment = payments.get(parts[1]!);
      if (!payment) throw new RequestError(404, 'No such payment');
      if (method === 'GET') {
        if (payment.status === 'created') setStatus(payment, 'pending');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(paymentPage(payment));
        return;
      }
      if (method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        payerAction(payment, form.get('action') ?? '');
        const back = new URL(payment.returnUrl);
        back.searchParams.set('payment', payment.id);
        back.searchParams.set('status', payment.status);
        res.writeHead(303, { location: back.href }).end();
        return;
      }
    }

    if (parts[0] === 'sandbox') {
      if (method === 'GET' && pathname === '/sandbox/payments') return json(res, 200, [...payments.values()].map(view));
      if (method === 'PUT' && parts[1] === 'switches') {
        const switches = parseJson(await readBody(req)) as BankSwitches;
        if (parts[2]) perReference.set(decodeURIComponent(parts[2]), { ...switches });
        else global = { ...switches };
        res.writeHead(204).end();
        return;
      }
    }
    throw new RequestError(404, `No route ${method} ${pathname}`);
  }

  function hold(res: ServerResponse): void {
    held.add(res);
    res.on('close', () => held.delete(res));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof RequestError ? error.status : 500;
      json(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => server.listen(options.port ?? 0, '127.0.0.1', resolve).once('error', reject));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url, apiKey, webhookSecret,
    setSwitches(switches) { global = { ...switches }; },
    setSwitchesFor(reference, switches) { perReference.set(reference, { ...switches }); },
    payments: () => [...payments.values()].map(view),
    deliveries: () => [...deliveries],
    async settled() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function validateCreate(body: unknown): CreatePaymentRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new RequestError(400, 'The body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (!Number.isInteger(b.amount) || (b.amount as number) <= 0) throw new RequestError(422, 'amount must be a positive whole number of cents');
  if (typeof b.currency !== 'string' || !/^[A-Z]{3}$/.test(b.currency)) throw new RequestError(422, 'currency must be an ISO 4217 code such as EUR');
  if (typeof b.reference !== 'string' || !/^[\w-]{1,35}$/.test(b.reference)) throw new RequestError(422, 'reference must be 1-35 letters, digits, _ or -');
  if (b.description !== undefined && (typeof b.description !== 'string' || b.description.length > 200)) throw new RequestError(422, 'description must be a text of at most 200 characters');
  for (const field of ['returnUrl', 'notificationUrl'] as const) {
    const value = b[field];
    if (value === undefined && field === 'notificationUrl') continue;
    if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new RequestError(422, `${field} must be an http(s) URL`);
  }
  return {
    amount: b.amount as number, currency: b.currency, reference: b.reference,
    ...(b.description !== undefined ? { description: b.description as string } : {}),
    returnUrl: b.returnUrl as string,
    ...(b.notificationUrl !== undefined ? { notificationUrl: b.notificationUrl as string } : {}),
  };
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RequestError(413, 'The body is larger than 64 KiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestError(400, 'The body is not valid JSON');
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function paymentPage(payment: Payment): string {
  const amount = `${(payment.amount / 100).toFixed(2)} ${payment.currency}`;
  const open = ['created', 'pending', 'failed'].includes(payment.status);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox bank: payment ${escapeHtml(payment.reference)}</title></head>
<body><main><h1>Sandbox bank</h1>
<p>Pay <strong>${escapeHtml(amount)}</strong> for <span>${escapeHtml(payment.description || payment.reference)}</span>.</p>
<p>Reference: <code>${escapeHtml(payment.reference)}</code>. Status: <strong id="status">${payment.status}</strong>.</p>
${open ? `<form method="post"><button name="action" value="pay">Pay</button> <button name="action" value="decline">Decline</button></form>` : ''}
</main></body></html>`;
}

/** The runtime's PAYMENT_BANK_* settings that point it at this sandbox bank. */
export function sandboxBankEnv(bank: Pick<SandboxBank, 'url' | 'apiKey' | 'webhookSecret'>, name = 'sandbox-bank'): Record<string, string> {
  return { PAYMENT_BANK_URL: bank.url, PAYMENT_BANK_API_KEY: bank.apiKey, PAYMENT_BANK_WEBHOOK_SECRET: bank.webhookSecret, PAYMENT_BANK_NAME: name };
}
