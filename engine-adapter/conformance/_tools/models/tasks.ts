import { businessRule, chain, end, manual, receive, script, send, start, task, throwNone, user, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'send-and-business-rule.bpmn': {
    processId: 'send-and-business-rule', name: 'Send and business rule tasks as jobs',
    nodes: [start('start'), send('notify', 'send-mail'), businessRule('decide', 'decide-discount'), end('done')],
    flows: chain('start', 'notify', 'decide', 'done'),
  },
  'script-task.bpmn': {
    processId: 'script-task', name: 'Script tasks (FEEL expression and result variable)',
    nodes: [
      start('start'),
      script('sum', '=a + b', 'total'),
      script('greet', '="Hello " + name', 'greeting'),
      script('summarize', '={count: count(items), first: items[1], doubled: total * 2}', 'summary'),
      end('done'),
    ],
    flows: chain('start', 'sum', 'greet', 'summarize', 'done'),
  },
  'user-task.bpmn': {
    processId: 'user-task', name: 'Camunda user task',
    nodes: [
      start('start'),
      user('review', { name: 'Review application', user: { assignee: 'anna', candidateGroups: 'clerks, managers', dueDate: '2030-01-01T10:00:00Z', formKey: 'review-form' } }),
      end('done'),
    ],
    flows: chain('start', 'review', 'done'),
  },
  'user-task-expressions.bpmn': {
    processId: 'user-task-expressions', name: 'User task assignment from expressions',
    nodes: [
      start('start'),
      user('review', { user: { assignee: '=owner', candidateGroups: '=groups' } }),
      user('approve', { user: { candidateGroups: 'managers' } }),
      end('done'),
    ],
    flows: chain('start', 'review', 'approve', 'done'),
  },
  'receive-task.bpmn': {
    processId: 'receive-task', name: 'Receive task',
    nodes: [start('start'), receive('waitPayment', 'payment-received', '=orderId'), end('done')],
    flows: chain('start', 'waitPayment', 'done'),
  },
  'pass-through.bpmn': {
    processId: 'pass-through', name: 'Manual task, undefined task and none throw event',
    nodes: [start('start'), manual('sign', { name: 'Sign on paper' }), task('file', { name: 'File it' }), throwNone('filed', { name: 'Filed' }), end('done')],
    flows: chain('start', 'sign', 'file', 'filed', 'done'),
  },
};
