import { boundary, chain, duration, end, error, manual, message, script, service, start, user, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'timer-interrupting.bpmn': {
    processId: 'boundary-timer-interrupting', name: 'Interrupting timer boundary event',
    nodes: [start('start'), service('work', 'slow-work'), end('done'), boundary('tooSlow', 'work', duration('PT30M')), manual('escalated'), end('late')],
    flows: [...chain('start', 'work', 'done'), ...chain('tooSlow', 'escalated', 'late')],
  },
  'message-boundary.bpmn': {
    processId: 'boundary-message', name: 'Message boundary events',
    nodes: [
      start('start'), user('fill'), service('work', 'process-order'), end('done'),
      boundary('reminder', 'fill', message('remind', '=orderId'), { interrupting: false }), service('sendReminder', 'send-reminder'), end('reminded'),
      boundary('cancel', 'work', message('cancel', '=orderId')), end('cancelled'),
    ],
    flows: [...chain('start', 'fill', 'work', 'done'), ...chain('reminder', 'sendReminder', 'reminded'), ...chain('cancel', 'cancelled')],
  },
  'error-boundary.bpmn': {
    processId: 'boundary-error', name: 'Error boundary events',
    nodes: [
      start('start'), service('charge', 'charge-card'), end('paid'),
      boundary('declined', 'charge', error('CARD_DECLINED'), { io: { out: [['=reason', 'declineReason']] } }),
      script('probe', '=extra != null', 'extraVisible'), end('declinedEnd'),
    ],
    flows: [...chain('start', 'charge', 'paid'), ...chain('declined', 'probe', 'declinedEnd')],
  },
  'error-catch-all.bpmn': {
    processId: 'boundary-error-catch-all', name: 'Specific and catch-all error boundary events',
    nodes: [
      start('start'), service('pay', 'pay'), end('paid'),
      boundary('insufficient', 'pay', error('INSUFFICIENT_FUNDS')), manual('topUp'), end('toppedUp'),
      boundary('anyError', 'pay', error()), manual('generic'), end('failed'),
    ],
    flows: [...chain('start', 'pay', 'paid'), ...chain('insufficient', 'topUp', 'toppedUp'), ...chain('anyError', 'generic', 'failed')],
  },
};
