import { and, catchEvent, chain, duration, end, eventGateway, manual, message, or, service, start, when, xor, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'exclusive-conditions.bpmn': {
    processId: 'exclusive-conditions', name: 'Exclusive gateway with conditions',
    nodes: [start('start'), xor('amountCheck', { name: 'Amount?' }), service('approve', 'approve-order'), manual('autoApprove'), xor('merge'), end('done')],
    flows: [
      ...chain('start', 'amountCheck'),
      when('amountCheck', 'approve', '=amount > 100', 'large'),
      when('amountCheck', 'autoApprove', '=amount <= 100', 'small'),
      ...chain('approve', 'merge'), ...chain('autoApprove', 'merge'), ...chain('merge', 'done'),
    ],
  },
  'exclusive-default.bpmn': {
    processId: 'exclusive-default', name: 'Exclusive gateway with a default flow',
    nodes: [start('start'), xor('route', { defaultTo: 'fallback' }), manual('taskA'), manual('taskB'), manual('fallback'), end('endA'), end('endB'), end('endFallback')],
    flows: [
      ...chain('start', 'route'),
      when('route', 'taskA', '=kind = "a"'), when('route', 'taskB', '=kind = "b"'), { from: 'route', to: 'fallback' },
      ...chain('taskA', 'endA'), ...chain('taskB', 'endB'), ...chain('fallback', 'endFallback'),
    ],
  },
  'exclusive-one-flow.bpmn': {
    processId: 'exclusive-one-flow', name: 'Exclusive gateway with two fulfilled conditions',
    nodes: [start('start'), xor('grade', { defaultTo: 'low' }), service('high', 'graded'), service('medium', 'graded'), manual('low'), end('endHigh'), end('endMedium'), end('endLow')],
    flows: [
      ...chain('start', 'grade'),
      when('grade', 'high', '=score > 10'), when('grade', 'medium', '=score > 5'), { from: 'grade', to: 'low' },
      ...chain('high', 'endHigh'), ...chain('medium', 'endMedium'), ...chain('low', 'endLow'),
    ],
  },
  'exclusive-no-match.bpmn': {
    processId: 'exclusive-no-match', name: 'Exclusive gateway without default and no fulfilled condition',
    nodes: [start('start'), xor('check'), manual('big'), manual('medium'), end('endBig'), end('endMedium')],
    flows: [
      ...chain('start', 'check'),
      when('check', 'big', '=amount > 100'), when('check', 'medium', '=amount > 50'),
      ...chain('big', 'endBig'), ...chain('medium', 'endMedium'),
    ],
  },
  'parallel-fork-join.bpmn': {
    processId: 'parallel-fork-join', name: 'Parallel gateway fork and join',
    nodes: [start('start'), and('fork'), service('a', 'branch-a'), service('b', 'branch-b'), and('join'), service('after', 'after-join'), end('done')],
    flows: [...chain('start', 'fork', 'a', 'join', 'after', 'done'), ...chain('fork', 'b', 'join')],
  },
  'parallel-same-type.bpmn': {
    processId: 'parallel-same-type', name: 'Parallel branches with jobs of one type',
    nodes: [start('start'), and('fork'), service('first', 'check'), service('second', 'check'), service('third', 'check'), and('join'), end('done')],
    flows: [...chain('start', 'fork', 'first', 'join', 'done'), ...chain('fork', 'second', 'join'), ...chain('fork', 'third', 'join')],
  },
  'inclusive.bpmn': {
    processId: 'inclusive', name: 'Inclusive gateway fork and join',
    nodes: [start('start'), or('choose', { defaultTo: 'bread' }), service('pasta', 'cook-pasta'), service('steak', 'cook-steak'), service('salad', 'make-salad'), manual('bread'), or('serve'), end('done')],
    flows: [
      ...chain('start', 'choose'),
      when('choose', 'pasta', '=list contains(courses, "pasta")'),
      when('choose', 'steak', '=list contains(courses, "steak")'),
      when('choose', 'salad', '=list contains(courses, "salad")'),
      { from: 'choose', to: 'bread' },
      ...chain('pasta', 'serve'), ...chain('steak', 'serve'), ...chain('salad', 'serve'), ...chain('bread', 'serve'), ...chain('serve', 'done'),
    ],
  },
  'inclusive-no-match.bpmn': {
    processId: 'inclusive-no-match', name: 'Inclusive gateway without default and no fulfilled condition',
    nodes: [start('start'), or('choose'), manual('pasta'), manual('salad'), or('serve'), end('done')],
    flows: [
      ...chain('start', 'choose'),
      when('choose', 'pasta', '=list contains(courses, "pasta")'),
      when('choose', 'salad', '=list contains(courses, "salad")'),
      ...chain('pasta', 'serve'), ...chain('salad', 'serve'), ...chain('serve', 'done'),
    ],
  },
  'event-based.bpmn': {
    processId: 'event-based', name: 'Event-based gateway',
    nodes: [
      start('start'), eventGateway('wait'),
      catchEvent('paid', message('payment-received', '=orderId')), end('paidEnd'),
      catchEvent('timeout', duration('PT1H')), service('escalate', 'escalate'), end('timedOut'),
    ],
    flows: [...chain('start', 'wait', 'paid', 'paidEnd'), ...chain('wait', 'timeout', 'escalate', 'timedOut')],
  },
};
