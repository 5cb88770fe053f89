import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { Dictionary, Language, LocalizedText, Uuid } from '../common/schemas.js';
import { requestLocale } from '../forms/locale.js';
import { DocumentView, documentView } from '../documents/application-documents-router.js';
import type { CaseViews } from './case-view.js';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const AnyObject = Dictionary(Type.Unknown());

const CaseViewSchema = Type.Object({
  application: Type.Object({
    id: Uuid, caseCode: Type.String(), status: Type.String(), submittedAt: DateTime, serviceCode: Type.String(), serviceTitle: LocalizedText,
    applicant: Type.Object({ name: Type.String(), personalCode: Nullable(Type.String()) }),
    onBehalfOf: Nullable(Type.Object({ kind: Type.Literal('legal-entity'), code: Type.String(), name: Nullable(Type.String()) }, { description: 'the legal entity the applicant acted for' })),
    submittedBy: Nullable(Type.Object({ name: Type.String() }, { description: 'the e-assistant who submitted it for the applicant' })),
  }),
  answers: Type.Unknown({ description: 'the submitted data' }),
  form: Nullable(Type.Unknown({ description: 'the start form (form-js schema, in the language asked for) to render the answers read-only' })),
  documents: Type.Array(DocumentView),
  registerData: Type.Array(Type.Object({
    source: Type.String({ description: "the register connector's title in the language asked for" }),
    elementId: Type.String(), elementName: Type.String({ description: 'the step\'s name in the language asked for' }), at: Type.String({ description: 'when the process step ended (the engine\'s clock)' }),
    data: AnyObject,
    labels: Dictionary(Type.String(), { description: "the data's values named as the register connector names its answer's fields, in the language asked for, by path (`representation.mayRepresent`); a value without one is shown by its key" }),
  }), { description: 'what the process fetched from state registers: the answers of its completed register steps' }),
  payments: Type.Array(Type.Object({ id: Type.String(), amount: Type.String(), currency: Type.String(), status: Type.String(), reference: Type.String(), paidAt: Nullable(DateTime) })),
  timeline: Type.Array(Type.Object({ at: DateTime, kind: Type.String(), actorName: Nullable(Type.String()), details: AnyObject })),
  tasks: Type.Array(Type.Object({
    id: Uuid, name: LocalizedText, state: Type.String(), assigneeName: Nullable(Type.String()), completedByName: Nullable(Type.String()), completedAt: Nullable(DateTime),
    outcome: Nullable(Type.String({ description: "the completion's decision, if it made one" })),
    outcomeLabel: Type.Union([LocalizedText, Type.Null()], { description: "the decision as the option of the task's form names it, in each language it has (null: show outcome)" }),
  })),
  messages: Type.Array(Type.Object({ at: DateTime, direction: Type.Union([Type.Literal('to-citizen'), Type.Literal('from-citizen')]), subject: Type.String(), body: Type.String() })),
  informationRequest: Nullable(Type.Object({ message: Type.String(), fields: Type.Array(Type.String()), requestedAt: DateTime, deadline: Nullable(DateTime) })),
  incidents: Type.Array(Type.Object({ key: Type.String(), elementId: Type.String(), elementName: Type.String(), errorType: Type.String(), message: Type.String() })),
});

/** The officials' case view and a supervisor's retry of a stuck step. */
export function casesRouter({ api, cases }: { api: Api; cases: CaseViews }): Router {
  const router = Router();

  api.route(router, {
    method: 'get', path: '/api/cases/:id', tag: 'cases', access: ['official'],
    summary: "An application as the official working it sees it: answers with the start form, documents (signatures verified), register data, payments, timeline, tasks, messages, "
      + 'the open request for information and incidents. For an official who may see a task of it (task: the one he works on, else the one he most likely does) '
      + "or a supervisor of the provider agency; 404 otherwise. Each opening is recorded in the audit trail as a data access ('case.opened', with the purpose)",
    params: Type.Object({ id: Uuid }),
    query: Type.Object({ task: Type.Optional(Uuid), lang: Type.Optional(Language) }, { additionalProperties: false }),
    errors: [404], response: CaseViewSchema,
  }, async ({ params, query, auth, req }) => {
    const locale = query.lang ?? requestLocale(req);
    const view = await cases.open(auth.user, params.id, query.task, locale);
    return { ...view, documents: view.documents.map((d) => documentView(d, locale)) };
  });

  api.route(router, {
    method: 'post', path: '/api/cases/:id/incidents/:key/retry', tag: 'cases', access: ['supervisor'], status: 204,
    summary: "Retry a process step stuck in an incident of the case: its job gets another round of attempts and the incident is resolved (audited). Supervisors of the provider agency; 404 for an incident not of this case, 409 when it can no longer be retried",
    params: Type.Object({ id: Uuid, key: Type.String({ pattern: '^\\d{1,19}$' }) }),
    errors: [404, 409],
  }, async ({ params, auth, req }) => {
    await cases.retryIncident(auth.user, params.id, params.key, requestLocale(req));
  });

  return router;
}
