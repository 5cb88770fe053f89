import { chain, end, service, start, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'order-v1.bpmn': {
    processId: 'versioned-order', name: 'Order, version 1',
    nodes: [start('start'), service('v1Work', 'order-v1'), end('done')],
    flows: chain('start', 'v1Work', 'done'),
  },
  'order-v2.bpmn': {
    processId: 'versioned-order', name: 'Order, version 2',
    nodes: [start('start'), service('v2Work', 'order-v2'), end('done')],
    flows: chain('start', 'v2Work', 'done'),
  },
};
