import { chain, end, service, start, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'job.bpmn': {
    processId: 'job-retries', name: 'A service task with three retries',
    nodes: [start('start'), service('charge', 'charge-card', { job: { type: 'charge-card', retries: 3 } }), end('done')],
    flows: chain('start', 'charge', 'done'),
  },
};
