import { and, call, chain, end, service, start, user, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'cancel.bpmn': {
    processId: 'cancel', name: 'An instance with a job and a user task',
    nodes: [start('start'), and('fork'), service('work', 'cancel-work'), user('review'), and('join'), end('done')],
    flows: [...chain('start', 'fork', 'work', 'join', 'done'), ...chain('fork', 'review', 'join')],
  },
  'cancel-parent.bpmn': {
    processId: 'cancel-parent', name: 'Calls a child process',
    nodes: [start('start'), call('callChild', 'cancel-child'), end('done')],
    flows: chain('start', 'callChild', 'done'),
  },
  'cancel-child.bpmn': {
    processId: 'cancel-child', name: 'Child process waiting for a job',
    nodes: [start('childStart'), service('childWork', 'cancel-child-work'), end('childEnd')],
    flows: chain('childStart', 'childWork', 'childEnd'),
  },
};
