import express, { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { HttpProblem, problems } from '../http/problem.js';
import type { DataSource } from 'typeorm';
import { Language, Uuid } from '../common/schemas.js';
import { requestLocale } from '../forms/locale.js';
import type { Applications } from '../applications/applications.js';
import type { Payments } from './payments.js';
import { WebhookRejected } from './provider.js';
import { paymentOrderView, PaymentOrderView } from './payment-view.js';
import { invoicePdf } from './invoice-pdf.js';
import { invoiceSheet } from './invoice-sheet.js';

const OrderOfApplication = Type.Object({ id: Uuid, paymentId: Uuid });

/** Provider webhooks (authenticated by their HMAC signature) and the payer's view of his orders, their invoices and their refresh. */
export function paymentsRouter({ api, db, payments, applications }: { api: Api; db: DataSource; payments: Payments; applications: Applications }): Router {
  const router = Router();

  api.publicRoute(router, {
    method: 'post', path: '/api/payments/webhooks/:provider', tag: 'payments', access: 'public', errors: [401, 404, 409, 422],
    summary: "A payment provider's status event; accepted only with a valid HMAC signature on the raw body, a fresh timestamp and an unseen event id, "
      + "and only for the order's amount and currency (another amount is 422 and audited)",
    params: Type.Object({ provider: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }) }),
    // The signature covers the exact bytes sent, so the body is read raw, never re-serialised JSON.
    before: [express.raw({ type: () => true, limit: '64kb' })],
    response: Type.Object({ orderId: Type.String(), status: Type.String() }),
  }, async ({ params, req }) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      return await payments.receiveWebhook(params.provider, raw, req.headers);
    } catch (error) {
      if (error instanceof WebhookRejected) throw new HttpProblem(error.status, `payment-webhook-${error.reason}`, 'Payment webhook refused', error.message);
      throw error;
    }
  });

  api.route(router, {
    method: 'get', path: '/api/applications/:id/payments', tag: 'payments', access: ['citizen', 'official'], errors: [404],
    summary: 'Payment orders of an application I may see, oldest first, with the bank page to pay those still payable and their invoices',
    params: Type.Object({ id: Uuid }),
    response: Type.Object({ items: Type.Array(PaymentOrderView) }),
  }, async ({ params, auth }) => {
    const application = await applications.read(auth.user, params.id, 'payments');
    const orders = await payments.forApplication(params.id);
    return { items: orders.map((o) => paymentOrderView(o, application.status)) };
  });

  /** The order, when it is one of the application's and the application is the viewer's to see (`read` for `what`, when he sees its data); else 404. */
  async function orderOf(user: Parameters<Applications['visible']>[0], { id, paymentId }: { id: string; paymentId: string }, what?: string) {
    const application = what ? await applications.read(user, id, what) : await applications.visible(user, id);
    const order = await payments.get(paymentId);
    if (order?.applicationId !== application.id) throw problems.notFound('payment order', paymentId);
    return { application, order };
  }

  api.route(router, {
    method: 'get', path: '/api/applications/:id/payments/:paymentId/invoice.pdf', tag: 'payments', access: ['citizen', 'official'], errors: [404],
    summary: 'The invoice of a payment order as a PDF (application/pdf) in the language asked for (lang, else Accept-Language): payee agency with its IBAN, '
      + 'payer, service, case code, amount, due date, the ISO 11649 payment reference in groups of four, purpose and status. For whoever may see the application',
    params: OrderOfApplication, query: Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false }),
  }, async ({ params, query, auth, req, res }) => {
    const { application, order } = await orderOf(auth.user, params, 'invoice.pdf');
    const pdf = await invoicePdf(await invoiceSheet(db, application, order, query.lang ?? requestLocale(req)));
    res.status(200).type('application/pdf').setHeader('Content-Disposition', `inline; filename="invoice-${order.reference}.pdf"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(Buffer.from(pdf));
  });

  api.route(router, {
    method: 'post', path: '/api/applications/:id/payments/:paymentId/refresh', tag: 'payments', access: ['citizen', 'official'], errors: [404],
    summary: "Back from the bank: ask the bank for the order's status now instead of waiting for its notice (at most once every 5 s per order; "
      + 'in between, the stored status). The status comes from the bank only: nothing in the request or the return address counts',
    params: OrderOfApplication, body: Type.Object({}, { additionalProperties: false }),
    response: PaymentOrderView,
  }, async ({ params, auth }) => {
    const { application, order } = await orderOf(auth.user, params);
    return paymentOrderView(await payments.refresh(order.id), application.status);
  });

  api.route(router, {
    method: 'post', path: '/api/payments/:id/cancel', tag: 'payments', access: ['official'], errors: [404, 409],
    summary: "Call off a payment order not paid yet (an official of the case, or a supervisor of the application's agency); a paid, expired or cancelled order stays as it is",
    params: Type.Object({ id: Uuid }),
    response: Type.Object({ orderId: Type.String(), status: Type.String() }),
  }, async ({ params, auth }) => {
    const order = await payments.get(params.id);
    if (!order?.applicationId) throw problems.notFound('payment order', params.id);
    await applications.visible(auth.user, order.applicationId);
    const status = await payments.cancel(order.id, auth.user.id);
    if (status !== 'cancelled') throw problems.conflict(`The payment order is ${status} and can no longer be cancelled`);
    return { orderId: order.id, status };
  });

  return router;
}
