/**
 * The sandbox bank's wire protocol, as a real payment provider documents it for merchants.
 *
 * API (JSON, `Authorization: Bearer <apiKey>`):
 *   POST /api/payments      `Idempotency-Key` header; body {@link CreatePaymentRequest} -> 201 {@link BankPayment}
 *                           (the same key again -> 200 with the same payment; another body -> 422)
 *   GET  /api/payments/:id  -> {@link BankPayment}
 * Hosted payment page: GET /pay/:id (the payer pays or declines), then 303 to the return URL
 * with `?payment=<id>&status=<status>`.
 * Webhooks: POST to the payment's `notificationUrl`, body {@link BankWebhookEvent}, headers
 *   `X-Bank-Timestamp`: unix seconds of sending,
 *   `X-Bank-Signature`: `v1=` + hex HMAC-SHA256(webhookSecret, `${timestamp}.${rawBody}`).
 * A merchant accepts an event only with a valid signature, a fresh timestamp and an unseen `id`.
 */
import { createHmac } from 'node:crypto';

export type BankPaymentStatus = 'created' | 'pending' | 'paid' | 'failed' | 'expired' | 'cancelled';

export interface CreatePaymentRequest {
  /** In cents. */
  amount: number;
  currency: string;
  reference: string;
  description?: string;
  returnUrl: string;
  notificationUrl?: string;
  payer?: { name?: string; personalCode?: string };
}

export interface BankPayment {
  id: string;
  status: BankPaymentStatus;
  amount: number;
  currency: string;
  reference: string;
  description: string;
  paymentUrl: string;
  createdAt: string;
  paidAt: string | null;
}

export interface BankWebhookEvent {
  id: string;
  type: 'payment.status';
  occurredAt: string;
  payment: { id: string; status: BankPaymentStatus; reference: string; amount: number; currency: string; paidAt: string | null };
}

export const SIGNATURE_HEADER = 'x-bank-signature';
export const TIMESTAMP_HEADER = 'x-bank-timestamp';

/** The signature header value for a raw body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, rawBody: string | Uint8Array): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}
