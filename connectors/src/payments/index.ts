/** Payment connectors: create a payment order, read its status. */
import { createPaymentOrder, paymentOrderStatus } from './payment-connectors.js';

export { createPaymentOrder, paymentOrderStatus, type CreatePaymentOrderInput } from './payment-connectors.js';

/** In palette order. */
export const paymentConnectors = [createPaymentOrder, paymentOrderStatus];
