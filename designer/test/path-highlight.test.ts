import { describe, expect, it } from 'vitest';
import { pathHighlight, type SequenceFlow } from '../web/src/test-runs/path.js';
import type { RunElement } from '../web/src/test-runs/test-run.js';

const el = (elementId: string, elementType: string, state: RunElement['state']): RunElement =>
  ({ key: `${elementId}-${state}`, elementId, elementType, state, variables: {} });

// start -> check (service task) -> gw -> approve (user task) -> end ; gw -> reject -> endRejected
const flows: SequenceFlow[] = [
  { id: 'f1', source: 'start', target: 'check' },
  { id: 'f2', source: 'check', target: 'gw' },
  { id: 'f3', source: 'gw', target: 'approve' },
  { id: 'f4', source: 'gw', target: 'reject' },
  { id: 'f5', source: 'approve', target: 'end' },
  { id: 'f6', source: 'reject', target: 'endRejected' },
];

describe('pathHighlight', () => {
  it('marks completed and active nodes and only the flows taken between them', () => {
    const h = pathHighlight({
      elements: [
        el('order', 'PROCESS', 'ACTIVE'), el('start', 'START_EVENT', 'COMPLETED'), el('check', 'SERVICE_TASK', 'COMPLETED'),
        el('gw', 'EXCLUSIVE_GATEWAY', 'COMPLETED'), el('approve', 'USER_TASK', 'ACTIVE'),
      ],
      incidents: [],
    }, flows);
    expect(h).toEqual({ completed: ['check', 'gw', 'start'], active: ['approve'], terminated: [], incidents: [], flows: ['f1', 'f2', 'f3'] });
  });

  it('takes a node active again in a loop as active, and flows reported by the engine as taken', () => {
    const h = pathHighlight({
      elements: [el('start', 'START_EVENT', 'COMPLETED'), el('check', 'SERVICE_TASK', 'COMPLETED'), el('check', 'SERVICE_TASK', 'ACTIVE'), el('f9', 'SEQUENCE_FLOW', 'COMPLETED')],
      incidents: [{ elementId: 'check', errorType: 'JOB_NO_RETRIES', message: 'down' }],
    }, flows);
    expect(h.active).toEqual(['check']);
    expect(h.completed).toEqual(['start']);
    expect(h.incidents).toEqual(['check']);
    expect(h.flows).toEqual(['f1']);
    expect(pathHighlight({ elements: [el('f9', 'SEQUENCE_FLOW', 'COMPLETED')], incidents: [] }, [...flows, { id: 'f9', source: 'x', target: 'y' }]).flows).toEqual(['f9']);
  });

  it('does not lead a flow out of a terminated node', () => {
    const h = pathHighlight({ elements: [el('start', 'START_EVENT', 'COMPLETED'), el('check', 'SERVICE_TASK', 'TERMINATED')], incidents: [] }, flows);
    expect(h.terminated).toEqual(['check']);
    expect(h.flows).toEqual(['f1']);
  });
});
