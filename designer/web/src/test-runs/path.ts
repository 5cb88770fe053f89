/**
 * Which parts of the diagram a test run has been through: the flow nodes by the state of their
 * element instances, and the sequence flows taken. The engine reports element instances, not
 * flows, so a flow counts as taken when its source completed and its target was reached.
 */
import type { TestRun } from './test-run.js';

export interface SequenceFlow { id: string; source: string; target: string }

export interface PathHighlight {
  completed: string[];
  active: string[];
  terminated: string[];
  incidents: string[];
  flows: string[];
}

// The process itself and the flows are element instances too in Zeebe's records; neither is a node to colour.
const NOT_NODES = new Set(['PROCESS', 'SEQUENCE_FLOW']);

export function pathHighlight(run: Pick<TestRun, 'elements' | 'incidents'>, flows: SequenceFlow[]): PathHighlight {
  const states = new Map<string, Set<string>>();
  const takenFlows = new Set<string>();
  for (const element of run.elements) {
    if (element.elementType === 'SEQUENCE_FLOW') takenFlows.add(element.elementId);
    if (NOT_NODES.has(element.elementType)) continue;
    let set = states.get(element.elementId);
    if (!set) states.set(element.elementId, (set = new Set()));
    set.add(element.state);
  }
  // A node active now shows as active even when an earlier pass through it completed (loops).
  const active = [...states].filter(([, s]) => s.has('ACTIVE')).map(([id]) => id);
  const completed = [...states].filter(([, s]) => !s.has('ACTIVE') && s.has('COMPLETED')).map(([id]) => id);
  const terminated = [...states].filter(([, s]) => !s.has('ACTIVE') && !s.has('COMPLETED')).map(([id]) => id);
  const left = new Set([...states].filter(([, s]) => s.has('COMPLETED')).map(([id]) => id));
  for (const flow of flows) {
    if (left.has(flow.source) && states.has(flow.target)) takenFlows.add(flow.id);
  }
  return {
    completed: completed.sort(),
    active: active.sort(),
    terminated: terminated.sort(),
    incidents: [...new Set(run.incidents.map((i) => i.elementId))].sort(),
    flows: flows.map((f) => f.id).filter((id) => takenFlows.has(id)),
  };
}
