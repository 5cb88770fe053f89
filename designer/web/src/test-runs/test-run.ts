/** The runtime's test runs (designer/README.md): a saved package on an embedded engine of its own, driven step by step. */
import { api } from '../model/api.js';

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

export interface RunElement {
  key: string;
  elementId: string;
  elementType: string;
  state: InstanceState;
  variables: Record<string, unknown>;
}

export interface RunUserTask { key: string; elementId: string; name?: string; formKey?: string; form?: object }

export interface TestRun {
  id: string;
  code: string;
  version: string;
  processId: string;
  steps: object[];
  instance: { key: string; state: InstanceState } | null;
  elements: RunElement[];
  variables: Record<string, unknown>;
  userTasks: RunUserTask[];
  jobs: { type: string; elementId: string }[];
  incidents: { elementId: string; errorType: string; message: string }[];
  clock: string;
}

export type ConnectorMode = 'sandbox' | 'manual';

/** One scenario step (spec/scenarios.md), e.g. `{ completeUserTask: { elementId, variables } }`. */
export type Step = Record<string, Record<string, unknown>>;

export const startTestRun = (code: string, version: string, connectors: ConnectorMode) =>
  api<TestRun>('POST', '/api/designer/test-runs', { code, version, connectors });

export const getTestRun = (id: string) => api<TestRun>('GET', `/api/designer/test-runs/${encodeURIComponent(id)}`);

export const runStep = (id: string, step: Step) =>
  api<TestRun>('POST', `/api/designer/test-runs/${encodeURIComponent(id)}/steps`, { step });

export const scenarioOf = (id: string, name: string) =>
  api<{ file: string; yaml: string }>('GET', `/api/designer/test-runs/${encodeURIComponent(id)}/scenario?name=${encodeURIComponent(name)}`);

export const endTestRun = (id: string) => api<void>('DELETE', `/api/designer/test-runs/${encodeURIComponent(id)}`);
