import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { link, type Api } from '../http/api.js';
import { Dictionary, LocalizedText, Page, Uuid } from '../common/schemas.js';
import type { Task } from './task.entity.js';
import type { Tasks } from './tasks.js';
import { requestLocale } from '../forms/locale.js';

const TaskView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: LocalizedText,
  applicationId: Type.Union([Type.String(), Type.Null()]),
  candidateGroups: Type.Array(Type.String()),
  assignee: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  formKey: Type.Union([Type.String(), Type.Null()]),
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const view = (t: Task) => ({
  id: t.id, kind: t.kind, name: t.name, applicationId: t.applicationId, candidateGroups: t.candidateGroups, assignee: t.assigneeId,
  state: t.state, formKey: t.formKey, dueAt: t.dueAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString(),
  completedAt: t.completedAt?.toISOString() ?? null,
});

/** The officials' workspace inbox. */
export function tasksRouter({ api, tasks }: { api: Api; tasks: Tasks }): Router {
  const router = Router();
  const TaskId = Type.Object({ id: Uuid });

  api.route(router, {
    method: 'get', path: '/api/tasks', tag: 'tasks', access: ['official'],
    summary: "My inbox: my agency's tasks for my candidate groups",
    query: Type.Composite([Type.Object({
      state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('cancelled')])),
      assignee: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('unassigned')])),
    }), Page], { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(TaskView), total: Type.Integer() }),
  }, async ({ query, auth }) => {
    const page = await tasks.inbox(auth.user, { state: query.state ?? 'open', limit: query.limit ?? 20, offset: query.offset ?? 0, ...(query.assignee ? { assignee: query.assignee } : {}) });
    return { items: page.items.map(view), total: page.total };
  });

  api.route(router, {
    method: 'post', path: '/api/tasks/:id/claim', tag: 'tasks', access: ['official'],
    links: { complete: link('post', '/api/tasks/:id/complete', { id: '$request.path.id' }) },
    summary: 'Take a task: it is assigned to me', params: TaskId, errors: [404, 409], response: TaskView,
  }, async ({ params, auth }) => view(await tasks.claim(auth.user, params.id)));

  api.route(router, {
    method: 'post', path: '/api/tasks/:id/complete', tag: 'tasks', access: ['official'],
    summary: 'Complete a task I have claimed with its result variables: checked against the task kind and, for a process task with a form, against that form and the data structure like a citizen submission (a key the form does not ask for is refused, 422)',
    params: TaskId, body: Type.Object({ variables: Dictionary(Type.Unknown(), { maxKeyLength: 200, maxProperties: 1000 }) }, { additionalProperties: false }),
    bodyLimit: '1mb', errors: [404, 409, 422], response: TaskView,
  }, async ({ params, body, auth, req }) => view(await tasks.complete(auth.user, params.id, body.variables, requestLocale(req))));

  return router;
}
