import { chain, cycle, date, end, message, service, start, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'none-start.bpmn': {
    processId: 'none-start', name: 'None start event',
    nodes: [start('start'), service('work', 'work'), end('done')],
    flows: chain('start', 'work', 'done'),
  },
  'message-start.bpmn': {
    processId: 'message-start', name: 'Message start event',
    nodes: [start('start', { event: message('order-placed') }), service('handle', 'handle-order'), end('done')],
    flows: chain('start', 'handle', 'done'),
  },
  'timer-start-date.bpmn': {
    processId: 'timer-start-date', name: 'Timer start event with a date',
    nodes: [start('start', { event: date('2020-01-01T00:00:00Z') }), service('work', 'dated-work'), end('done')],
    flows: chain('start', 'work', 'done'),
  },
  'timer-start-cycle.bpmn': {
    processId: 'timer-start-cycle', name: 'Timer start event with a cycle',
    nodes: [start('start', { event: cycle('R2/PT1H') }), service('tick', 'tick'), end('done')],
    flows: chain('start', 'tick', 'done'),
  },
};
