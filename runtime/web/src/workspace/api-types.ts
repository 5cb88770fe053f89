/**
 * The workspace's API: the routes it calls, through the portal's client (its CSRF header and
 * its ApiError for a problem answer), typed by the runtime's OpenAPI document.
 */
import { api, ok, type Answer } from '../api.js';
import type { paths } from '../api-schema.js';
import type { Lang } from '../ui/index.js';

export type Me = Answer<'get', '/api/me'>;
export type TaskPage = Answer<'get', '/api/tasks'>;
export type TaskView = TaskPage['items'][number];
export type TaskDetail = Answer<'get', '/api/tasks/{id}'>;
export type TaskHistoryEntry = TaskDetail['history'][number];
export type TaskCounts = Answer<'get', '/api/tasks/counts'>;
export type ServiceChoice = Answer<'get', '/api/tasks/services'>[number];
export type SavedFilter = Answer<'get', '/api/tasks/filters'>[number];
export type Colleague = Answer<'get', '/api/agency/officials'>[number];
export type CaseView = Answer<'get', '/api/cases/{id}'>;
export type CaseDocument = CaseView['documents'][number];
export type SignatureState = Answer<'get', '/api/tasks/{id}/signature'>;
export type SignatureStatus = SignatureState['status'];
export type InboxApiQuery = NonNullable<paths['/api/tasks']['get']['parameters']['query']>;

const path = (id: string) => ({ params: { path: { id } } });

/** The workspace's calls, one per route it uses; an error answer throws ApiError. */
export const workspaceApi = {
  me: () => ok(api.GET('/api/me')),
  logout: () => api.DELETE('/api/session'),
  tasks: (query: InboxApiQuery) => ok(api.GET('/api/tasks', { params: { query } })),
  counts: () => ok(api.GET('/api/tasks/counts')),
  services: () => ok(api.GET('/api/tasks/services')),
  filters: () => ok(api.GET('/api/tasks/filters')),
  saveFilter: (name: string, query: string) => ok(api.POST('/api/tasks/filters', { body: { name, query } })),
  deleteFilter: (id: string) => api.DELETE('/api/tasks/filters/{id}', path(id)),
  task: (id: string) => ok(api.GET('/api/tasks/{id}', path(id))),
  claim: (id: string) => ok(api.POST('/api/tasks/{id}/claim', path(id))),
  unclaim: (id: string) => ok(api.POST('/api/tasks/{id}/unclaim', path(id))),
  delegate: (id: string, body: { userId?: string; group?: string; note: string }) => ok(api.POST('/api/tasks/{id}/delegate', { ...path(id), body })),
  complete: (id: string, variables: Record<string, unknown>, revision: number) => ok(api.POST('/api/tasks/{id}/complete', { ...path(id), body: { variables, revision } })),
  officials: () => ok(api.GET('/api/agency/officials')),
  caseView: (id: string, lang: Lang, task?: string) => ok(api.GET('/api/cases/{id}', { params: { path: { id }, query: { lang, ...(task ? { task } : {}) } } })),
  retryIncident: (id: string, key: string) => api.POST('/api/cases/{id}/incidents/{key}/retry', { params: { path: { id, key } } }),
  signature: (id: string) => ok(api.GET('/api/tasks/{id}/signature', path(id))),
  startSignature: (id: string, documentId: string) => ok(api.POST('/api/tasks/{id}/signature', { ...path(id), body: { documentId } })),
};
