import { chain, duration, cycle, end, error, eventSub, manual, message, script, service, start, sub, user, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'embedded-subprocess.bpmn': {
    processId: 'embedded-subprocess', name: 'Embedded sub-process with its own scope',
    nodes: [
      start('start'),
      sub('handle', [start('handleStart'), service('work', 'sub-work'), end('handleEnd')], chain('handleStart', 'work', 'handleEnd'), {
        io: { in: [['=amount * 2', 'doubled']], out: [['=doubled', 'result']] },
      }),
      script('probe', '=doubled != null', 'doubledVisible'),
      end('done'),
    ],
    flows: chain('start', 'handle', 'probe', 'done'),
  },
  'event-subprocess-message.bpmn': {
    processId: 'event-subprocess-message', name: 'Message event sub-processes',
    nodes: [
      start('start'), service('work', 'long-work'), end('done'),
      eventSub('cancelSub', [start('cancelRequested', { event: message('cancel-order', '=orderId') }), service('cleanup', 'cleanup'), end('cancelled')],
        chain('cancelRequested', 'cleanup', 'cancelled')),
      eventSub('noteSub', [start('noteAdded', { event: message('note-added', '=orderId'), interrupting: false }), service('recordNote', 'record-note'), end('noted')],
        chain('noteAdded', 'recordNote', 'noted')),
    ],
    flows: chain('start', 'work', 'done'),
  },
  'event-subprocess-timer.bpmn': {
    processId: 'event-subprocess-timer', name: 'Timer event sub-processes',
    nodes: [
      start('start'), user('approve'), end('done'),
      eventSub('expireSub', [start('expired', { event: duration('PT1H') }), service('expire', 'expire-request'), end('expiredEnd')],
        chain('expired', 'expire', 'expiredEnd')),
      eventSub('remindSub', [start('remindTimer', { event: cycle('R2/PT10M'), interrupting: false }), service('remind', 'send-reminder'), end('reminded')],
        chain('remindTimer', 'remind', 'reminded')),
    ],
    flows: chain('start', 'approve', 'done'),
  },
  'event-subprocess-error.bpmn': {
    processId: 'event-subprocess-error', name: 'Error event sub-process',
    nodes: [
      start('start'), service('charge', 'charge-card'), end('done'),
      eventSub('declinedSub', [start('declined', { event: error('CARD_DECLINED') }), service('notifyDecline', 'notify-decline'), end('declinedEnd')],
        chain('declined', 'notifyDecline', 'declinedEnd')),
    ],
    flows: chain('start', 'charge', 'done'),
  },
  'event-subprocess-in-subprocess.bpmn': {
    processId: 'event-subprocess-in-subprocess', name: 'Error event sub-process inside a sub-process',
    nodes: [
      start('start'),
      sub('payment', [
        start('paymentStart'), service('charge', 'charge-card'), end('paymentEnd'),
        eventSub('failureSub', [start('failed', { event: error() }), manual('logFailure'), end('failureEnd')], chain('failed', 'logFailure', 'failureEnd')),
      ], chain('paymentStart', 'charge', 'paymentEnd')),
      service('ship', 'ship-order'),
      end('done'),
    ],
    flows: chain('start', 'payment', 'ship', 'done'),
  },
};
