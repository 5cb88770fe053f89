import { chain, end, service, start, user, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'steps.bpmn': {
    processId: 'rejected-steps', name: 'A job, then a user task',
    nodes: [start('start'), service('work', 'do-work'), user('approve'), end('done')],
    flows: chain('start', 'work', 'approve', 'done'),
  },
  'invalid.bpmn': {
    processId: 'invalid-process', name: 'A service task without a job type (Zeebe refuses it)',
    nodes: [start('start'), { id: 'noType', kind: 'service' }, end('done')],
    flows: chain('start', 'noType', 'done'),
  },
};
