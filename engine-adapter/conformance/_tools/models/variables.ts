import { chain, end, script, service, start, sub, user, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'input-output-mappings.bpmn': {
    processId: 'io-mappings', name: 'Input and output mappings of a task',
    nodes: [
      start('start'),
      service('greet', 'greet-customer', { io: { in: [['=customer.name', 'customerName']], out: [['="Dear " + customerName', 'salutation']] } }),
      script('probe', '=[customerName != null, ignored != null]', 'visible'),
      end('done'),
    ],
    flows: chain('start', 'greet', 'probe', 'done'),
  },
  'local-shadow.bpmn': {
    processId: 'local-shadow', name: 'Job variables stop at a local variable of the same name',
    nodes: [start('start'), service('quote', 'quote-price', { io: { in: [['=basePrice', 'price']] } }), end('done')],
    flows: chain('start', 'quote', 'done'),
  },
  'nearest-scope.bpmn': {
    processId: 'nearest-scope', name: 'Job variables propagate to the nearest scope that has them',
    nodes: [
      start('start'),
      sub('stageScope', [start('subStart'), service('work', 'stage-work'), end('subEnd')], chain('subStart', 'work', 'subEnd'), { io: { in: [['="started"', 'stage']] } }),
      script('probe', '=stage != null', 'stageVisible'),
      end('done'),
    ],
    flows: chain('start', 'stageScope', 'probe', 'done'),
  },
  'output-to-parent.bpmn': {
    processId: 'output-to-parent', name: 'Output mappings write to the parent scope',
    nodes: [
      start('start'),
      sub('basket', [
        start('basketStart'),
        service('price', 'price-item', { io: { out: [['=amount * 2', 'total']] } }),
        end('basketEnd'),
      ], chain('basketStart', 'price', 'basketEnd'), { io: { in: [['=0', 'total']], out: [['=total', 'grandTotal']] } }),
      script('probe', '=[total != null, amount != null]', 'visible'),
      end('done'),
    ],
    flows: chain('start', 'basket', 'probe', 'done'),
  },
  'io-mapping-error.bpmn': {
    processId: 'io-mapping-error', name: 'Failing input mapping',
    nodes: [start('start'), service('charge', 'charge', { io: { in: [['=assert(amount, amount != null)', 'amountToCharge']] } }), end('done')],
    flows: chain('start', 'charge', 'done'),
  },
  'set-variables.bpmn': {
    processId: 'set-variables', name: 'Setting variables on scopes',
    nodes: [
      start('start'),
      user('edit', { io: { in: [['="draft"', 'note']], out: [['=note', 'finalNote']] } }),
      script('probe', '=[note != null, tmp != null]', 'visible'),
      end('done'),
    ],
    flows: chain('start', 'edit', 'probe', 'done'),
  },
  'echo.bpmn': {
    processId: 'echo', name: 'Variables round trip',
    nodes: [start('start'), service('echoValues', 'echo'), end('done')],
    flows: chain('start', 'echoValues', 'done'),
  },
};
