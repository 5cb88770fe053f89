/**
 * The workspace's API: the answers of the routes issue 21's contract names (tasks, cases,
 * signature), typed here until each route is in api-schema.d.ts, and the calls that reach them
 * through the portal's client (its CSRF header and its ApiError for a problem answer).
 */
import { api, ok, type Answer } from '../api.js';
import type { Localized } from '../ui/index.js';

export type Me = Answer<'get', '/api/me'>;

export interface TaskView {
  id: string;
  kind: string;
  name: Localized;
  applicationId: string | null;
  candidateGroups: string[];
  assignee: string | null;
  assigneeName: string | null;
  state: string;
  formKey: string | null;
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
  priority: number;
  serviceCode: string | null;
  serviceTitle: Localized | null;
  caseCode: string | null;
  applicantName: string | null;
  revision: number;
  overdue: boolean;
  signature: { variable: string } | null;
}

export interface TaskHistoryEntry {
  at: string;
  action: 'claimed' | 'unclaimed' | 'delegated' | 'assigned' | 'completed';
  actorName: string | null;
  toName?: string | null;
  toGroup?: string | null;
  note?: string | null;
}

export interface TaskDetail extends TaskView {
  form: TaskForm | null;
  data: Record<string, unknown>;
  history: TaskHistoryEntry[];
}

/** A form-js schema with its translations (x-translations), as the designer saves it. */
export interface TaskForm { components: unknown[]; [property: string]: unknown }

export interface TaskPage { items: TaskView[]; total: number }
export interface TaskCounts { mine: number; groups: number; unassigned: number; dueSoon: number; overdue: number; all: number }
export interface ServiceChoice { code: string; title: Localized }
export interface SavedFilter { id: string; name: string; query: string }
export interface Colleague { id: string; displayName: string; groups: string[] }

export type CaseDocument = Answer<'get', '/api/applications/{id}/documents'>['items'][number];
export type InformationRequest = NonNullable<Answer<'get', '/api/applications/{id}/information-request'>['request']>;

export interface CaseView {
  application: {
    id: string;
    caseCode: string;
    status: string;
    submittedAt: string;
    serviceCode: string;
    serviceTitle: Localized;
    applicant: { name: string; personalCode: string | null };
    onBehalfOf: { kind: string; code: string; name: string } | null;
  };
  answers: Record<string, unknown>;
  form: TaskForm | null;
  documents: CaseDocument[];
  registerData: { source: Localized | string; elementName: string | null; at: string; data: Record<string, unknown> }[];
  payments: { id: string; amount: string; currency: string; status: string; reference: string | null; paidAt: string | null }[];
  timeline: { at: string; kind: string; actorName: string | null; details?: Record<string, unknown> | null }[];
  tasks: { id: string; name: Localized; state: string; assigneeName: string | null; completedByName: string | null; completedAt: string | null; outcome: string | null }[];
  messages: { at: string; direction: 'to-citizen' | 'from-citizen'; subject: string; body: string }[];
  informationRequest: InformationRequest | null;
  incidents: { key: string; elementName: string | null; errorType: string | null; message: string | null }[];
}

export type SignatureStatus = 'none' | 'pending' | 'signed' | 'refused' | 'timeout' | 'failed';
export interface SignatureState {
  document: { documentId: string; filename: string } | null;
  status: SignatureStatus;
  verificationCode?: string;
  signedDocument?: { documentId: string; filename: string };
  message?: string;
}

/** The portal's client without its path typing, for the routes not yet in the generated schema. */
interface Untyped {
  GET(path: string, init?: { params?: { query?: Record<string, unknown> } }): Promise<{ data?: unknown }>;
  POST(path: string, init?: { body?: unknown }): Promise<{ data?: unknown }>;
  DELETE(path: string): Promise<{ data?: unknown }>;
}
const untyped = api as unknown as Untyped;

const enc = encodeURIComponent;

/** The workspace's calls, one per route it uses; an error answer throws ApiError. */
export const workspaceApi = {
  me: () => ok(api.GET('/api/me')),
  logout: () => api.DELETE('/api/session'),
  tasks: (query: Record<string, string | number>) => ok(untyped.GET('/api/tasks', { params: { query } })) as Promise<TaskPage>,
  counts: () => ok(untyped.GET('/api/tasks/counts')) as Promise<TaskCounts>,
  services: () => ok(untyped.GET('/api/tasks/services')) as Promise<ServiceChoice[]>,
  filters: () => ok(untyped.GET('/api/tasks/filters')) as Promise<SavedFilter[]>,
  saveFilter: (name: string, query: string) => ok(untyped.POST('/api/tasks/filters', { body: { name, query } })) as Promise<SavedFilter>,
  deleteFilter: (id: string) => untyped.DELETE(`/api/tasks/filters/${enc(id)}`),
  task: (id: string) => ok(untyped.GET(`/api/tasks/${enc(id)}`)) as Promise<TaskDetail>,
  claim: (id: string) => ok(untyped.POST(`/api/tasks/${enc(id)}/claim`)) as Promise<TaskView>,
  unclaim: (id: string) => ok(untyped.POST(`/api/tasks/${enc(id)}/unclaim`)) as Promise<TaskView>,
  delegate: (id: string, body: { userId?: string; group?: string; note: string }) => ok(untyped.POST(`/api/tasks/${enc(id)}/delegate`, { body })) as Promise<TaskView>,
  complete: (id: string, variables: Record<string, unknown>, revision: number) => ok(untyped.POST(`/api/tasks/${enc(id)}/complete`, { body: { variables, revision } })) as Promise<TaskView>,
  officials: () => ok(untyped.GET('/api/agency/officials')) as Promise<Colleague[]>,
  caseView: (applicationId: string, lang: string, task?: string) => ok(untyped.GET(`/api/cases/${enc(applicationId)}`, { params: { query: { lang, ...(task ? { task } : {}) } } })) as Promise<CaseView>,
  retryIncident: (applicationId: string, key: string) => untyped.POST(`/api/cases/${enc(applicationId)}/incidents/${enc(key)}/retry`),
  signature: (taskId: string) => ok(untyped.GET(`/api/tasks/${enc(taskId)}/signature`)) as Promise<SignatureState>,
  startSignature: (taskId: string, documentId: string) => ok(untyped.POST(`/api/tasks/${enc(taskId)}/signature`, { body: { documentId } })) as Promise<SignatureState>,
};
