import { chain, end, script, service, start, sub, type Model } from '../bpmn.js';

export const models: Record<string, Model> = {
  'parallel.bpmn': {
    processId: 'mi-parallel', name: 'Parallel multi-instance service task',
    nodes: [
      start('start'),
      service('check', 'check-item', { loop: { inputCollection: '=items', inputElement: 'item', outputCollection: 'results', outputElement: '=item + "-checked"' } }),
      script('probe', '=item != null or loopCounter != null', 'loopVariablesVisible'),
      end('done'),
    ],
    flows: chain('start', 'check', 'probe', 'done'),
  },
  'sequential.bpmn': {
    processId: 'mi-sequential', name: 'Sequential multi-instance service task',
    nodes: [
      start('start'),
      service('collect', 'collect-item', { loop: { sequential: true, inputCollection: '=items', inputElement: 'item', outputCollection: 'results', outputElement: '=result' } }),
      script('probe', '=result != null', 'resultVisible'),
      end('done'),
    ],
    flows: chain('start', 'collect', 'probe', 'done'),
  },
  'subprocess.bpmn': {
    processId: 'mi-subprocess', name: 'Parallel multi-instance sub-process',
    nodes: [
      start('start'),
      sub('perOrder', [start('orderStart'), service('ship', 'ship-order', { io: { in: [['=order.id', 'orderId']] } }), end('orderEnd')], chain('orderStart', 'ship', 'orderEnd'), {
        loop: { inputCollection: '=orders', inputElement: 'order', outputCollection: 'shipped', outputElement: '=order.id' },
      }),
      end('done'),
    ],
    flows: chain('start', 'perOrder', 'done'),
  },
};
