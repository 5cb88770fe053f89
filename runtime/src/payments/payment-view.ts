import { Type, type Static } from '@sinclair/typebox';
import type { ApplicationStatus } from '../applications/application.entity.js';
import type { PaymentOrder } from './payment-order.entity.js';
import { inGroupsOfFour } from './reference.js';
import { OPEN_STATUSES, WITHDRAWN_APPLICATION } from './status.js';

/** A payment order as its payer sees it; every amount is the server's (the order the process made), never the browser's. */
export const PaymentOrderView = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'prepayment or postpayment' }),
  amountCents: Type.Integer(),
  amount: Type.String({ description: 'the amount as a decimal text, e.g. "2.50"' }),
  currency: Type.String(),
  reference: Type.String({ description: 'ISO 11649 creditor reference (RF…) embedding the service number and the case' }),
  printedReference: Type.String({ description: 'the reference in groups of four, as invoices print it' }),
  description: Type.String(),
  status: Type.Union(['created', 'pending', 'failed', 'paid', 'expired', 'cancelled'].map((s) => Type.Literal(s))),
  payable: Type.Boolean({ description: 'true while it can be paid at the bank: open, and the application not withdrawn' }),
  dueDate: Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()]),
  redirectUrl: Type.Union([Type.String(), Type.Null()], { description: "the bank's page to pay it; only while payable" }),
  invoiceUrl: Type.String({ description: 'the invoice PDF (lang=lt|lv|en)' }),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  refundDue: Type.Union([Type.Literal('order-cancelled'), Type.Literal('order-expired'), Type.Literal('application-withdrawn'), Type.Null()], {
    description: 'set when the bank took money no longer owed; it is to be refunded',
  }),
});
export type PaymentOrderView = Static<typeof PaymentOrderView>;

export function paymentOrderView(order: PaymentOrder, applicationStatus: ApplicationStatus): PaymentOrderView {
  const payable = OPEN_STATUSES.includes(order.status) && !WITHDRAWN_APPLICATION.includes(applicationStatus) && order.redirectUrl !== null;
  return {
    id: order.id, kind: order.kind, amountCents: order.amountCents, amount: (order.amountCents / 100).toFixed(2), currency: order.currency,
    reference: order.reference, printedReference: inGroupsOfFour(order.reference), description: order.description,
    status: order.status, payable, dueDate: order.dueDate, redirectUrl: payable ? order.redirectUrl : null,
    invoiceUrl: `/api/applications/${order.applicationId}/payments/${order.id}/invoice.pdf`,
    paidAt: order.paidAt?.toISOString() ?? null, refundDue: order.refundDue,
  };
}

/** The order an order page shows: the newest one still open, else the newest of all (none: null). */
export function currentPayment(orders: readonly PaymentOrder[]): PaymentOrder | null {
  const newestFirst = [...orders].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return newestFirst.find((o) => OPEN_STATUSES.includes(o.status)) ?? newestFirst[0] ?? null;
}
