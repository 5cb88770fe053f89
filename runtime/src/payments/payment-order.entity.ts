import { EntitySchema } from 'typeorm';

export type PaymentStatus = 'created' | 'pending' | 'failed' | 'paid' | 'expired' | 'cancelled';
export type PaymentKind = 'prepayment' | 'postpayment';
export type RefundReason = 'order-cancelled' | 'order-expired' | 'application-withdrawn';

/** One amount a payer owes for an application, and where its payment stands at the provider. */
export interface PaymentOrder {
  id: string;
  /** The caller's key: the same key gives back this order instead of a second one. */
  idempotencyKey: string;
  applicationId: string | null;
  kind: PaymentKind;
  /** In cents, never floating point. */
  amountCents: number;
  currency: string;
  /** ISO 11649 creditor reference (RF...), unique; the bank statement carries it. */
  reference: string;
  description: string;
  payerName: string | null;
  payerPersonalCode: string | null;
  dueDate: string | null;
  status: PaymentStatus;
  provider: string;
  providerPaymentId: string | null;
  redirectUrl: string | null;
  returnUrl: string;
  paidAt: Date | null;
  /**
   * Set when the bank took money no longer owed: the order was cancelled or had expired, or the
   * application was withdrawn. Such a payment is recorded, never announced to the process.
   */
  refundDue: RefundReason | null;
  /** When the provider was last asked for its status on the payer's request (refresh is rate-limited). */
  providerCheckedAt: Date | null;
  /** When its payment-received message was written to the outbox (it reaches the engine after the commit). */
  messagePublishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PaymentOrderEntity = new EntitySchema<PaymentOrder>({
  name: 'PaymentOrder',
  tableName: 'payment_order',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    idempotencyKey: { type: 'text', name: 'idempotency_key', unique: true },
    applicationId: { type: 'uuid', name: 'application_id', nullable: true },
    kind: { type: 'text' },
    amountCents: { type: 'integer', name: 'amount_cents' },
    currency: { type: 'text' },
    reference: { type: 'text', unique: true },
    description: { type: 'text' },
    payerName: { type: 'text', name: 'payer_name', nullable: true },
    payerPersonalCode: { type: 'text', name: 'payer_personal_code', nullable: true },
    dueDate: { type: 'date', name: 'due_date', nullable: true },
    status: { type: 'text' },
    provider: { type: 'text' },
    providerPaymentId: { type: 'text', name: 'provider_payment_id', nullable: true },
    redirectUrl: { type: 'text', name: 'redirect_url', nullable: true },
    returnUrl: { type: 'text', name: 'return_url' },
    paidAt: { type: 'timestamptz', name: 'paid_at', nullable: true },
    messagePublishedAt: { type: 'timestamptz', name: 'message_published_at', nullable: true },
    refundDue: { type: 'text', name: 'refund_due', nullable: true },
    providerCheckedAt: { type: 'timestamptz', name: 'provider_checked_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

/** A provider's webhook event id, kept so that the same event is never applied twice. */
export interface PaymentWebhookEvent {
  provider: string;
  eventId: string;
  orderId: string | null;
  receivedAt: Date;
}

export const PaymentWebhookEventEntity = new EntitySchema<PaymentWebhookEvent>({
  name: 'PaymentWebhookEvent',
  tableName: 'payment_webhook_event',
  columns: {
    provider: { type: 'text', primary: true },
    eventId: { type: 'text', name: 'event_id', primary: true },
    orderId: { type: 'uuid', name: 'order_id', nullable: true },
    receivedAt: { type: 'timestamptz', name: 'received_at', createDate: true },
  },
});
