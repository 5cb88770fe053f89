import type { PaymentOrderRef, PaymentService } from '@konstruktor/connectors';
import type { PaymentOrder } from './payment-order.entity.js';
import type { Payments } from './payments.js';

const ref = (order: PaymentOrder): PaymentOrderRef => ({
  orderId: order.id, reference: order.reference, kind: order.kind, amountCents: order.amountCents, currency: order.currency,
  status: order.status, redirectUrl: order.redirectUrl,
});

/** The payments module as connectors see it (PlatformServices.payments). */
export function paymentService(payments: Payments): PaymentService {
  return {
    async createOrder(order) {
      return ref(await payments.create(order));
    },
    async order(orderId) {
      const order = await payments.get(orderId);
      return order ? ref(order) : null;
    },
  };
}
