/** The runtime's test runs (designer/README.md): a saved package on an embedded engine of its own, driven step by step. */
import { api, ok, type Answer } from '../model/api.js';

export type TestRun = Answer<'get', '/api/designer/test-runs/{id}'>;
export type RunElement = TestRun['elements'][number];
export type ConnectorMode = TestRun['connectors'];

/** One scenario step (spec/scenarios.md), e.g. `{ completeUserTask: { elementId, variables } }`. */
export type Step = Record<string, Record<string, unknown>>;

const run = (id: string) => ({ params: { path: { id } } });

export const startTestRun = (code: string, version: string, connectors: ConnectorMode) =>
  ok(api.POST('/api/designer/test-runs', { body: { code, version, connectors } }));

export const getTestRun = (id: string) => ok(api.GET('/api/designer/test-runs/{id}', run(id)));

export const runStep = (id: string, step: Step) =>
  ok(api.POST('/api/designer/test-runs/{id}/steps', { ...run(id), body: { step } }));

export const scenarioOf = (id: string, name: string) =>
  ok(api.GET('/api/designer/test-runs/{id}/scenario', { params: { path: { id }, query: { name } } }));

export const endTestRun = (id: string) => api.DELETE('/api/designer/test-runs/{id}', run(id));
