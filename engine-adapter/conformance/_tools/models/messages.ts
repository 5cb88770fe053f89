import { catchEvent, chain, end, message, start, type Model } from '../bpmn.js';

const waiter = (processId: string, name: string): Model => ({
  processId, name,
  nodes: [start('start'), catchEvent('waitPayment', message('payment', '=orderId')), end('done')],
  flows: chain('start', 'waitPayment', 'done'),
});

export const models: Record<string, Model> = {
  'payment.bpmn': waiter('payment', 'Waits for the payment message'),
  'payment-audit.bpmn': waiter('payment-audit', 'Another process waiting for the same message'),
};
