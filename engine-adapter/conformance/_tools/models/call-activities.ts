import { boundary, call, chain, duration, end, error, manual, script, service, start, type Model } from '../bpmn.js';

const child = (processId: string, name: string, type: string, extra: { probe?: [string, string] } = {}): Model => ({
  processId, name,
  nodes: [start('childStart'), service('childWork', type), ...(extra.probe ? [script('childProbe', extra.probe[0], extra.probe[1])] : []), end('childEnd')],
  flows: chain('childStart', 'childWork', ...(extra.probe ? ['childProbe'] : []), 'childEnd'),
});

export const models: Record<string, Model> = {
  'call-basic-parent.bpmn': {
    processId: 'call-basic-parent', name: 'Call activity (defaults)',
    nodes: [start('start'), call('callChild', 'call-basic-child'), end('done')],
    flows: chain('start', 'callChild', 'done'),
  },
  'call-basic-child.bpmn': child('call-basic-child', 'Called process', 'child-work'),
  'call-no-propagation-parent.bpmn': {
    processId: 'call-no-propagation-parent', name: 'Call activity without child variable propagation',
    nodes: [start('start'), call('callChild', 'call-no-propagation-child', { propagateAllChildVariables: false }), script('probe', '=secret != null', 'secretVisible'), end('done')],
    flows: chain('start', 'callChild', 'probe', 'done'),
  },
  'call-no-propagation-child.bpmn': child('call-no-propagation-child', 'Called process', 'secret-work'),
  'call-output-mapping-parent.bpmn': {
    processId: 'call-output-mapping-parent', name: 'Call activity with an output mapping',
    nodes: [
      start('start'),
      call('callChild', 'call-output-mapping-child', { propagateAllChildVariables: false, io: { out: [['=result', 'childResult']] } }),
      script('probe', '=other != null', 'otherVisible'),
      end('done'),
    ],
    flows: chain('start', 'callChild', 'probe', 'done'),
  },
  'call-output-mapping-child.bpmn': child('call-output-mapping-child', 'Called process', 'compute'),
  'call-input-mapping-parent.bpmn': {
    processId: 'call-input-mapping-parent', name: 'Call activity with an input mapping, parent variables not copied',
    nodes: [start('start'), call('callChild', 'call-input-mapping-child', { propagateAllParentVariables: false, io: { in: [['=orderId', 'ref']] } }), end('done')],
    flows: chain('start', 'callChild', 'done'),
  },
  'call-input-mapping-child.bpmn': child('call-input-mapping-child', 'Called process', 'lookup', { probe: ['=orderId != null', 'seesOrderId'] }),
  'call-unknown-process.bpmn': {
    processId: 'call-unknown-process', name: 'Call activity of a process that is not deployed',
    nodes: [start('start'), call('callMissing', 'no-such-process'), end('done')],
    flows: chain('start', 'callMissing', 'done'),
  },
  'call-boundary-parent.bpmn': {
    processId: 'call-boundary-parent', name: 'Call activity with boundary events',
    nodes: [
      start('start'), call('callChild', 'call-boundary-child'), end('done'),
      boundary('tooLate', 'callChild', duration('PT1H')), manual('timedOut'), end('lateEnd'),
      boundary('rejected', 'callChild', error('REJECTED')), manual('handleRejection'), end('rejectedEnd'),
    ],
    flows: [...chain('start', 'callChild', 'done'), ...chain('tooLate', 'timedOut', 'lateEnd'), ...chain('rejected', 'handleRejection', 'rejectedEnd')],
  },
  'call-boundary-child.bpmn': child('call-boundary-child', 'Called process', 'child-task'),
};
