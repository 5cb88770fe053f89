/**
 * Payment connectors. Prepayment: "create payment order" before processing, then a message catch
 * event `payment-received` with correlation key `=applicationId` (the runtime publishes it once
 * when the order is paid). Postpayment: the same task after the decision, as an invoice.
 */
import { ConnectorError, defineConnector, type ConnectorContext, type PaymentOrderRef, type PaymentOrderRequest, type PaymentService } from '../sdk/index.js';

/** What the analyst configures: the order request less what the worker supplies (idempotency key, application). */
export type CreatePaymentOrderInput = Omit<PaymentOrderRequest, 'idempotencyKey' | 'applicationId'>;

const orderOutput = {
  type: 'object',
  properties: {
    orderId: { type: 'string' },
    reference: { type: 'string', description: 'ISO 11649 creditor reference' },
    kind: { type: 'string', enum: ['prepayment', 'postpayment'] },
    amountCents: { type: 'integer' },
    currency: { type: 'string' },
    status: { type: 'string', enum: ['created', 'pending', 'failed', 'paid', 'expired', 'cancelled'] },
    redirectUrl: { type: ['string', 'null'], description: "The bank's payment page the payer is sent to" },
  },
};

function paymentsOf(context: ConnectorContext): PaymentService {
  const payments = context.services.payments;
  if (!payments) throw new Error('this connector host has no payments service: run payment connectors in the runtime');
  return payments;
}

export const createPaymentOrder = defineConnector<CreatePaymentOrderInput, PaymentOrderRef>({
  id: 'konstruktor:payments:create-order',
  version: 1,
  title: { en: 'Payment: create payment order', lt: 'Mokėjimas: sukurti mokėjimo nurodymą', lv: 'Maksājums: izveidot maksājuma uzdevumu' },
  description: 'Creates a payment order for the application (once per job, however often it is retried) and returns the bank page to pay it',
  category: 'Payments',
  inputSchema: {
    type: 'object',
    required: ['kind', 'amountCents', 'description'],
    properties: {
      kind: { type: 'string', enum: ['prepayment', 'postpayment'], default: 'prepayment', title: 'Kind', description: 'Prepayment before processing, or postpayment (an invoice after the decision)' },
      amountCents: { type: 'integer', minimum: 1, maximum: 100_000_000, title: 'Amount (cents)', description: 'e.g. 1500 for 15.00' },
      currency: { type: 'string', pattern: '^[A-Z]{3}$', default: 'EUR', title: 'Currency' },
      description: { type: 'string', minLength: 1, maxLength: 200, title: 'Purpose of payment' },
      payer: {
        type: 'object', title: 'Payer', 'x-feel': 'required', description: 'e.g. =applicant',
        properties: { name: { type: ['string', 'null'] }, personalCode: { type: ['string', 'null'] } },
      },
      dueDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', title: 'Due date', description: 'YYYY-MM-DD' },
      returnUrl: { type: 'string', pattern: '^https?://', title: 'Return URL', description: 'Where the bank sends the payer back; the application in My orders by default' },
    },
    additionalProperties: false,
  },
  outputSchema: orderOutput,
  timeoutMs: 20_000,
  handler: (input, context) => paymentsOf(context).createOrder({
    ...input,
    idempotencyKey: `connector:${context.idempotencyKey}`,
    ...(context.applicationId ? { applicationId: context.applicationId } : {}),
  }),
});

export const paymentOrderStatus = defineConnector<{ orderId: string }, PaymentOrderRef>({
  id: 'konstruktor:payments:order-status',
  version: 1,
  title: { en: 'Payment: order status', lt: 'Mokėjimas: nurodymo būsena', lv: 'Maksājums: uzdevuma statuss' },
  description: 'Where a payment order stands (created, pending, failed, paid, expired, cancelled)',
  category: 'Payments',
  inputSchema: {
    type: 'object',
    required: ['orderId'],
    properties: { orderId: { type: 'string', minLength: 1, title: 'Payment order id', description: 'e.g. =paymentOrder.orderId' } },
    additionalProperties: false,
  },
  outputSchema: orderOutput,
  errors: [{ code: 'PAYMENT_ORDER_NOT_FOUND', description: 'No payment order with this id' }],
  handler: async (input, context) => {
    const order = await paymentsOf(context).order(input.orderId);
    if (!order) throw new ConnectorError('PAYMENT_ORDER_NOT_FOUND', `No payment order ${input.orderId}`);
    return order;
  },
});
