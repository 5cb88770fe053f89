import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PaymentStatus } from './payment-order.entity.js';
import { WebhookRejected, type PaymentProvider, type ProviderEvent, type ProviderStatus } from './provider.js';

export interface BankLinkSettings {
  /** Provider name in the webhook path, e.g. `sandbox-bank`. */
  name: string;
  /** Base URL of the bank's API and hosted page. */
  url: string;
  apiKey: string;
  webhookSecret: string;
  /** Where the bank posts its webhooks: this runtime's POST /api/payments/webhooks/{name}. */
  notificationUrl: string;
  /** A bank that does not answer within this time is treated as down (the caller retries). */
  timeoutMs?: number;
  /** Webhooks signed longer ago than this are refused as stale (replay protection). */
  toleranceSeconds?: number;
}

const STATUSES: readonly PaymentStatus[] = ['created', 'pending', 'paid', 'failed', 'expired', 'cancelled'];

/**
 * A bank link with a REST API, a hosted payment page and webhooks signed with HMAC-SHA256 over
 * `${timestamp}.${rawBody}` (the sandbox bank's protocol, examples/sandboxes/bank/protocol.ts).
 */
export function bankLinkProvider(settings: BankLinkSettings): PaymentProvider {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const tolerance = settings.toleranceSeconds ?? 300;

  async function call(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    const response = await fetch(`${settings.url}${path}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${settings.apiKey}`, 'content-type': 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    }).catch((error: unknown) => {
      throw new Error(`bank ${settings.name} did not answer ${path} within ${timeoutMs} ms: ${(error as Error).message}`);
    });
    const body = await response.json().catch(() => ({})) as Record<string, unknown>;
    if (!response.ok) throw new Error(`bank ${settings.name} answered ${response.status} to ${path}: ${String(body.error ?? '')}`);
    return body;
  }

  const statusOf = (body: { status?: unknown; paidAt?: unknown; amount?: unknown; currency?: unknown }): ProviderStatus => {
    if (!STATUSES.includes(body.status as PaymentStatus)) throw new Error(`bank ${settings.name} reported an unknown status ${JSON.stringify(body.status)}`);
    if (!Number.isInteger(body.amount) || typeof body.currency !== 'string') throw new Error(`bank ${settings.name} reported a payment without its amount and currency`);
    return { status: body.status as PaymentStatus, paidAt: typeof body.paidAt === 'string' ? new Date(body.paidAt) : null, amount: { cents: body.amount as number, currency: body.currency } };
  };

  return {
    name: settings.name,

    async createPayment(request) {
      const body = await call('/api/payments', {
        method: 'POST',
        headers: { 'idempotency-key': request.idempotencyKey },
        body: JSON.stringify({
          amount: request.amountCents, currency: request.currency, reference: request.reference, description: request.description,
          returnUrl: request.returnUrl, notificationUrl: settings.notificationUrl,
          payer: { ...(request.payer.name ? { name: request.payer.name } : {}), ...(request.payer.personalCode ? { personalCode: request.payer.personalCode } : {}) },
        }),
      });
      if (typeof body.id !== 'string' || typeof body.paymentUrl !== 'string') throw new Error(`bank ${settings.name} answered without a payment id or URL`);
      return { providerPaymentId: body.id, redirectUrl: body.paymentUrl };
    },

    async status(providerPaymentId) {
      return statusOf(await call(`/api/payments/${encodeURIComponent(providerPaymentId)}`));
    },

    verifyWebhook(rawBody, headers): ProviderEvent {
      const timestamp = Number(headers['x-bank-timestamp']);
      const signature = headers['x-bank-signature'];
      if (!Number.isInteger(timestamp) || typeof signature !== 'string') throw new WebhookRejected('signature', 'X-Bank-Timestamp and X-Bank-Signature headers are required', 401);
      const expected = Buffer.from(`v1=${createHmac('sha256', settings.webhookSecret).update(`${timestamp}.`).update(rawBody).digest('hex')}`);
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WebhookRejected('signature', 'The webhook signature does not match its body', 401);
      // Checked after the signature, so that the timestamp itself is known to be the sender's.
      if (Math.abs(Date.now() / 1000 - timestamp) > tolerance) throw new WebhookRejected('stale', `The webhook was signed more than ${tolerance} s ago`, 400);
      let event: { id?: unknown; payment?: { id?: unknown; status?: unknown; paidAt?: unknown; amount?: unknown; currency?: unknown } };
      try {
        event = JSON.parse(rawBody.toString('utf8')) as typeof event;
      } catch {
        throw new WebhookRejected('malformed', 'The webhook body is not JSON');
      }
      if (typeof event.id !== 'string' || typeof event.payment?.id !== 'string') throw new WebhookRejected('malformed', 'The webhook has no event id or payment id');
      let status: ProviderStatus;
      try {
        status = statusOf(event.payment);
      } catch (error) {
        throw new WebhookRejected('malformed', (error as Error).message);
      }
      return { eventId: event.id, providerPaymentId: event.payment.id, ...status };
    },
  };
}
