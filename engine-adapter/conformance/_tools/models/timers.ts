import { boundary, catchEvent, chain, cycle, date, duration, end, service, start, user, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'duration.bpmn': {
    processId: 'timer-duration', name: 'Intermediate timer catch event with a duration',
    nodes: [start('start'), catchEvent('wait', duration('PT5M')), end('done')],
    flows: chain('start', 'wait', 'done'),
  },
  'date.bpmn': {
    processId: 'timer-date', name: 'Intermediate timer catch event with a date',
    nodes: [start('start'), catchEvent('waitUntil', date('=dueDate')), end('done')],
    flows: chain('start', 'waitUntil', 'done'),
  },
  'cycle.bpmn': {
    processId: 'timer-cycle', name: 'Non-interrupting timer boundary event with a cycle',
    nodes: [
      start('start'), user('review'), end('done'),
      boundary('remindEveryMinute', 'review', cycle('R3/PT1M'), { interrupting: false }), service('remind', 'remind-reviewer'), end('reminded'),
    ],
    flows: [...chain('start', 'review', 'done'), ...chain('remindEveryMinute', 'remind', 'reminded')],
  },
};
