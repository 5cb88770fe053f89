import type { PaymentStatus } from './payment-order.entity.js';

/** What the runtime needs from a payment provider (a bank link, a card acquirer, the sandbox bank). */
export interface PaymentProvider {
  /** Path segment of its webhook URL: POST /api/payments/webhooks/{name}. */
  readonly name: string;
  /** Creates the payment at the provider; `idempotencyKey` makes a retry return the same payment. */
  createPayment(request: ProviderPaymentRequest): Promise<{ providerPaymentId: string; redirectUrl: string }>;
  status(providerPaymentId: string): Promise<ProviderStatus>;
  /** Checks signature and freshness of a webhook on its raw bytes; throws WebhookRejected if it must not be trusted. */
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): ProviderEvent;
}

export interface ProviderPaymentRequest {
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  reference: string;
  description: string;
  returnUrl: string;
  payer: { name: string | null; personalCode: string | null };
}

export interface ProviderStatus {
  status: PaymentStatus;
  paidAt: Date | null;
  /** What the provider says the payment is for; another amount than the order's is never applied. */
  amount?: { cents: number; currency: string };
}

export interface ProviderEvent extends ProviderStatus {
  eventId: string;
  providerPaymentId: string;
}

/** A webhook that must not be trusted: the reason goes to the audit trail, the sender gets a 4xx. */
export class WebhookRejected extends Error {
  constructor(readonly reason: 'signature' | 'stale' | 'replay' | 'malformed' | 'unknown-payment' | 'unknown-provider' | 'amount-mismatch', message: string, readonly status = 400) {
    super(message);
  }
}

/** A provider reported another amount or currency than the order's: nothing is applied, the report is audited. */
export class AmountMismatch extends Error {}
