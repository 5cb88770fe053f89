import express, { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { HttpProblem, problems } from '../http/problem.js';
import { Uuid } from '../common/schemas.js';
import type { Applications } from '../applications/applications.js';
import type { Payments } from './payments.js';
import { WebhookRejected } from './provider.js';

const PaymentOrderView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  amountCents: Type.Integer(),
  currency: Type.String(),
  reference: Type.String(),
  description: Type.String(),
  status: Type.String(),
  dueDate: Type.Union([Type.String(), Type.Null()]),
  redirectUrl: Type.Union([Type.String(), Type.Null()]),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** Provider webhooks (authenticated by their HMAC signature) and the payer's view of his orders. */
export function paymentsRouter({ api, payments, applications }: { api: Api; payments: Payments; applications: Applications }): Router {
  const router = Router();

  api.publicRoute(router, {
    method: 'post', path: '/api/payments/webhooks/:provider', tag: 'payments', access: 'public', errors: [401, 404, 409],
    summary: "A payment provider's status event; accepted only with a valid HMAC signature on the raw body, a fresh timestamp and an unseen event id",
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
    summary: 'Payment orders of an application I may see, with the bank page to pay them',
    params: Type.Object({ id: Uuid }),
    response: Type.Object({ items: Type.Array(PaymentOrderView) }),
  }, async ({ params, auth }) => {
    await applications.get(auth.user, params.id);
    const orders = await payments.forApplication(params.id);
    return {
      items: orders.map((o) => ({
        id: o.id, kind: o.kind, amountCents: o.amountCents, currency: o.currency, reference: o.reference, description: o.description,
        status: o.status, dueDate: o.dueDate, redirectUrl: o.status === 'paid' ? null : o.redirectUrl, paidAt: o.paidAt?.toISOString() ?? null,
      })),
    };
  });

  api.route(router, {
    method: 'post', path: '/api/payments/:id/cancel', tag: 'payments', access: ['official'], errors: [404, 409],
    summary: "Call off a payment order not paid yet (an official of the application's agency); a paid, expired or cancelled order stays as it is",
    params: Type.Object({ id: Uuid }),
    response: Type.Object({ orderId: Type.String(), status: Type.String() }),
  }, async ({ params, auth }) => {
    const order = await payments.get(params.id);
    if (!order?.applicationId) throw problems.notFound('payment order', params.id);
    await applications.get(auth.user, order.applicationId);
    const status = await payments.cancel(order.id, auth.user.id);
    if (status !== 'cancelled') throw problems.conflict(`The payment order is ${status} and can no longer be cancelled`);
    return { orderId: order.id, status };
  });

  return router;
}
