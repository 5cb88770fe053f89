import { catchEvent, chain, end, message, service, start, throwNone, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'message-catch.bpmn': {
    processId: 'message-catch', name: 'Intermediate message catch event',
    nodes: [start('start'), catchEvent('approved', message('request-approved', '=requestId'), { io: { out: [['=decision', 'approvalDecision']] } }), end('done')],
    flows: chain('start', 'approved', 'done'),
  },
  'none-throw.bpmn': {
    processId: 'none-throw', name: 'None intermediate throw event',
    nodes: [start('start'), throwNone('received', { name: 'Application received' }), service('review', 'review'), end('done')],
    flows: chain('start', 'received', 'review', 'done'),
  },
};
