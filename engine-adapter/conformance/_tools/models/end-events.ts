import { and, chain, end, error, message, service, start, sub, terminate, xor, when, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'none-ends.bpmn': {
    processId: 'none-ends', name: 'Two none end events',
    nodes: [start('start'), and('fork'), service('a', 'task-a'), service('b', 'task-b'), end('endA'), end('endB')],
    flows: [...chain('start', 'fork', 'a', 'endA'), ...chain('fork', 'b', 'endB')],
  },
  'terminate-end.bpmn': {
    processId: 'terminate-end', name: 'Terminate end event',
    nodes: [start('start'), and('fork'), service('slow', 'slow-work'), end('slowDone'), service('fast', 'fast-work'), end('stop', { event: terminate })],
    flows: [...chain('start', 'fork', 'slow', 'slowDone'), ...chain('fork', 'fast', 'stop')],
  },
  'terminate-in-subprocess.bpmn': {
    processId: 'terminate-in-subprocess', name: 'Terminate end event in a sub-process',
    nodes: [
      start('start'),
      sub('inner', [start('innerStart'), and('fork'), service('a', 'inner-a'), end('aDone'), service('b', 'inner-b'), end('stopInner', { event: terminate })],
        [...chain('innerStart', 'fork', 'a', 'aDone'), ...chain('fork', 'b', 'stopInner')]),
      service('after', 'after-inner'),
      end('done'),
    ],
    flows: chain('start', 'inner', 'after', 'done'),
  },
  'message-end.bpmn': {
    processId: 'message-end', name: 'Message end event (worked as a job)',
    nodes: [start('start'), end('notify', { event: message('order-done'), job: { type: 'send-order-done' } })],
    flows: chain('start', 'notify'),
  },
  'error-end-caught.bpmn': {
    processId: 'error-end-caught', name: 'Error end event caught by a boundary event',
    nodes: [
      start('start'),
      sub('checkOrder', [start('checkStart'), service('check', 'check-order'), xor('valid', { defaultTo: 'reject' }), end('checked'), end('reject', { event: error('INVALID_ORDER') })],
        [...chain('checkStart', 'check', 'valid'), when('valid', 'checked', '=valid = true'), { from: 'valid', to: 'reject' }]),
      end('accepted'),
      { id: 'invalid', kind: 'boundary', attachedTo: 'checkOrder', event: error('INVALID_ORDER') },
      service('fix', 'fix-order'),
      end('rejected'),
    ],
    flows: [...chain('start', 'checkOrder', 'accepted'), ...chain('invalid', 'fix', 'rejected')],
  },
  'error-end-uncaught.bpmn': {
    processId: 'error-end-uncaught', name: 'Error end event nobody catches',
    nodes: [start('start'), service('check', 'check-input'), end('fail', { event: error('BROKEN') })],
    flows: chain('start', 'check', 'fail'),
  },
};
