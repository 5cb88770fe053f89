import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { link, type Api } from '../http/api.js';
import { Code, Dictionary, LocalizedText, Page, Uuid } from '../common/schemas.js';
import type { TaskRow, Tasks } from './tasks.js';
import { INBOX_SORTS, INBOX_VIEWS } from './inbox-query.js';
import { requestLocale } from '../forms/locale.js';
import { SavedTaskFilters } from './saved-task-filters.js';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit/audit-log.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const TaskView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: LocalizedText,
  applicationId: Nullable(Type.String()),
  candidateGroups: Type.Array(Type.String()),
  assignee: Nullable(Type.String({ description: 'the user id of the official holding the task' })),
  assigneeName: Nullable(Type.String()),
  state: Type.String(),
  formKey: Nullable(Type.String()),
  dueAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Nullable(Type.String({ format: 'date-time' })),
  priority: Type.Integer({ minimum: 0, maximum: 100, description: "higher first; 50 unless the process's zeebe:priorityDefinition says" }),
  serviceCode: Nullable(Type.String()),
  serviceTitle: Nullable(LocalizedText),
  caseCode: Nullable(Type.String({ description: 'e.g. "1001 7654"' })),
  applicantName: Nullable(Type.String()),
  revision: Type.Integer({ description: 'goes up by one at every claim, unclaim and hand-over; send it with the completion' }),
  overdue: Type.Boolean(),
  signature: Nullable(Type.Object({ variable: Type.String({ description: 'the process variable holding the document the official signs personally' }) })),
});

const HistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  action: Type.Union(['claimed', 'unclaimed', 'delegated', 'assigned', 'completed'].map((a) => Type.Literal(a))),
  actorName: Type.String(),
  toName: Type.Optional(Type.String()),
  toGroup: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});

const TaskDetail = Type.Composite([TaskView, Type.Object({
  form: Nullable(Type.Object({}, { additionalProperties: true, description: "the user task's form (form-js schema)" })),
  data: Dictionary(Type.Unknown(), { description: "values to open the form with: the process variables the form's fields name" }),
  history: Type.Array(HistoryEntry),
})]);

const view = (t: TaskRow) => ({
  id: t.id, kind: t.kind, name: t.name, applicationId: t.applicationId, candidateGroups: t.candidateGroups, assignee: t.assigneeId,
  assigneeName: t.assigneeName, state: t.state, formKey: t.formKey, dueAt: t.dueAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString(),
  completedAt: t.completedAt?.toISOString() ?? null, priority: t.priority, serviceCode: t.serviceCode, serviceTitle: t.serviceTitle,
  caseCode: t.caseCode, applicantName: t.applicantName, revision: t.revision,
  overdue: t.state === 'open' && t.dueAt !== null && t.dueAt.getTime() < Date.now(),
  signature: t.signVariable ? { variable: t.signVariable } : null,
});

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** The inbox's query: what a saved filter holds too (less the page). */
export const InboxQuery = Type.Object({
  view: Type.Optional(literals(INBOX_VIEWS)),
  state: Type.Optional(literals(['open', 'completed', 'cancelled'])),
  service: Type.Optional(Code),
  q: Type.Optional(Type.String({ maxLength: 200, description: "words (prefixes) of the applicant's name, the case code, the service's title" })),
  sort: Type.Optional(literals(INBOX_SORTS)),
  assignee: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('unassigned'), Uuid], { description: 'me, unassigned, or an official\'s id' })),
}, { additionalProperties: false });

/** The officials' workspace inbox, its tasks and their hand-overs. */
export function tasksRouter({ api, tasks, db, audit }: { api: Api; tasks: Tasks; db: DataSource; audit: AuditLog }): Router {
  const router = Router();
  const TaskId = Type.Object({ id: Uuid });
  const filters = new SavedTaskFilters(db, audit, InboxQuery);

  api.route(router, {
    method: 'get', path: '/api/tasks', tag: 'tasks', access: ['official'],
    summary: "My inbox: the tasks of my agency I may see (my candidate groups, tasks for anyone, naming me or in my hands; a supervisor: all), by view "
      + '(due-soon: due within 2 days; overdue: past due), state (default open), service, words, assignee; sorted by due date (default), priority or creation (- for descending)',
    query: Type.Composite([InboxQuery, Page], { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(TaskView), total: Type.Integer() }),
  }, async ({ query, auth }) => {
    const { view: inboxView = 'all', state = 'open', sort = 'due', limit = 20, offset = 0, ...rest } = query;
    const page = await tasks.inbox(auth.user, { view: inboxView, state, ...rest }, sort, { limit, offset });
    return { items: page.items.map(view), total: page.total };
  });

  api.route(router, {
    method: 'get', path: '/api/tasks/counts', tag: 'tasks', access: ['official'],
    summary: 'How many open tasks I may see in each view of the inbox (narrowed by service and words when given)',
    query: Type.Object({ service: Type.Optional(Code), q: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
    response: Type.Object({ mine: Type.Integer(), groups: Type.Integer(), unassigned: Type.Integer(), dueSoon: Type.Integer(), overdue: Type.Integer(), all: Type.Integer() }),
  }, async ({ query, auth }) => tasks.counts(auth.user, query));

  api.route(router, {
    method: 'get', path: '/api/tasks/services', tag: 'tasks', access: ['official'],
    summary: 'The services that have tasks I may see (the choices of the inbox filter)',
    response: Type.Array(Type.Object({ code: Type.String(), title: LocalizedText })),
  }, async ({ auth }) => tasks.services(auth.user));

  api.route(router, {
    method: 'get', path: '/api/tasks/filters', tag: 'tasks', access: ['official'],
    summary: 'My saved inbox filters', response: Type.Array(SavedTaskFilters.View),
  }, async ({ auth }) => filters.list(auth.user));

  api.route(router, {
    method: 'post', path: '/api/tasks/filters', tag: 'tasks', access: ['official'], status: 201,
    summary: 'Save an inbox filter: a name and the URL query of the inbox (checked like the inbox checks it; 422 otherwise; 409 for a name I used already)',
    body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), query: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }),
    errors: [409, 422], response: SavedTaskFilters.View,
  }, async ({ body, auth }) => filters.save(auth.user, body));

  api.route(router, {
    method: 'delete', path: '/api/tasks/filters/:id', tag: 'tasks', access: ['official'], status: 204,
    summary: 'Delete one of my saved filters', params: TaskId, errors: [404],
  }, async ({ params, auth }) => { await filters.remove(auth.user, params.id); });

  api.route(router, {
    method: 'get', path: '/api/tasks/:id', tag: 'tasks', access: ['official'],
    summary: 'A task I may see: its form and the values it opens with, and its history (claimed, unclaimed, delegated, assigned, completed: who, to whom, the note)',
    params: TaskId, errors: [404], response: TaskDetail,
  }, async ({ params, auth }) => {
    const { task, work, history } = await tasks.detail(auth.user, params.id);
    return { ...view(task), form: work?.form ?? null, data: work?.data ?? {}, history };
  });

  api.route(router, {
    method: 'post', path: '/api/tasks/:id/claim', tag: 'tasks', access: ['official'],
    links: { complete: link('post', '/api/tasks/:id/complete', { id: '$request.path.id' }) },
    summary: 'Take a task: it is assigned to me (409 when a colleague has it, or it is no longer open)', params: TaskId, errors: [404, 409], response: TaskView,
  }, async ({ params, auth }) => view(await tasks.claim(auth.user, params.id)));

  api.route(router, {
    method: 'post', path: '/api/tasks/:id/unclaim', tag: 'tasks', access: ['official'],
    summary: 'Put a task back in the queue: by the official holding it, or a supervisor', params: TaskId, errors: [404, 409], response: TaskView,
  }, async ({ params, auth }) => view(await tasks.unclaim(auth.user, params.id)));

  api.route(router, {
    method: 'post', path: '/api/tasks/:id/delegate', tag: 'tasks', access: ['official'],
    summary: 'Hand a task, with a note, to a colleague of my agency who may work it (assigned to him) or to a group (unassigned, for that group): '
      + 'by the official holding it, or a supervisor (who so reassigns any task of the agency); 422 when the colleague may not see it or nobody is in the group',
    params: TaskId,
    body: Type.Object({ userId: Type.Optional(Uuid), group: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), note: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
    errors: [404, 409, 422], response: TaskView,
  }, async ({ params, body, auth, req }) => view(await tasks.delegate(auth.user, params.id, body, requestLocale(req))));

  api.route(router, {
    method: 'post', path: '/api/tasks/:id/complete', tag: 'tasks', access: ['official'],
    summary: 'Complete a task I have claimed with its result variables: checked against the task kind and, for a process task with a form, against that form and the data structure like a citizen submission (a key the form does not ask for is refused, 422). '
      + 'With `revision` (from the task as I opened it), a task that changed hands since is refused (409)',
    params: TaskId, body: Type.Object({ variables: Dictionary(Type.Unknown(), { maxKeyLength: 200, maxProperties: 1000 }), revision: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
    bodyLimit: '1mb', errors: [404, 409, 422], response: TaskView,
  }, async ({ params, body, auth, req }) => view(await tasks.complete(auth.user, params.id, body.variables, requestLocale(req), body.revision)));

  api.route(router, {
    method: 'get', path: '/api/agency/officials', tag: 'tasks', access: ['official'],
    summary: 'The officials of my agency and their groups (to hand a task to)',
    response: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String(), groups: Type.Array(Type.String()) })),
  }, async ({ auth }) => tasks.colleagues(auth.user));

  return router;
}
