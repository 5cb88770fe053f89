import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { Type } from '@sinclair/typebox';
import { link, type Api } from '../http/api.js';
import { requestLocale } from '../forms/locale.js';
import type { ServiceForms } from '../forms/service-forms.js';
import type { Documents } from '../documents/documents.js';
import { answersPdf } from './answers-pdf.js';
import { idempotentRequest } from '../http/idempotency.js';
import { Code, Dictionary, Language, LocalizedText, Page, Uuid } from '../common/schemas.js';
import type { Applications, ApplicationSummary } from './applications.js';
import { caseCode } from './case-code.js';
import type { Payments } from '../payments/payments.js';
import { ApplicationPayment, applicationPayment } from '../payments/application-payment.js';
import { VersionCourses } from './process-outline.js';
import { progressOf, ProgressStepView } from './progress-view.js';

const ApplicationSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  caseCode: Type.String({ description: 'the case code: service number and application number (e.g. "1001 7654"), the order number to show; payment references embed it' }),
  service: Type.String(),
  serviceTitle: LocalizedText,
  status: Type.String(),
  onBehalfOf: Type.Union([Type.String(), Type.Null()]),
  submittedBy: Type.Union([Type.Object({ name: Type.String() }), Type.Null()], { description: 'the e-assistant who submitted it under authorisation ("submitted under authorisation by …"); null when the applicant did' }),
  onBehalfOfPerson: Type.Union([Type.Object({ name: Type.String() }), Type.Null()], { description: 'the person an e-assistant submitted it for (its applicant); null when the applicant submitted' }),
  authorisationId: Type.Union([Type.String(), Type.Null()], { description: 'the authorisation it was submitted under' }),
  submittedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const TimelineEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kind: Type.String(),
  status: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** A process step of the application, from the engine's history. */
const Step = Type.Object({
  elementId: Type.String(),
  type: Type.String(),
  state: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** The service an application is of, as its summary names it. */
interface OfService { code: string; number: number; title: ApplicationSummary['serviceTitle'] }

const summary = (a: Omit<ApplicationSummary, 'serviceCode' | 'serviceNumber' | 'serviceTitle'>, service: OfService) => ({
  id: a.id, number: a.number, caseCode: caseCode(service.number, a.number), service: service.code, serviceTitle: service.title, status: a.status, onBehalfOf: a.onBehalfOf,
  submittedBy: a.submittedByName === null ? null : { name: a.submittedByName },
  onBehalfOfPerson: a.applicantName === null ? null : { name: a.applicantName },
  authorisationId: a.authorisationId,
  submittedAt: a.submittedAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
});

/** Ordering a service and following it in "My orders". */
export function applicationsRouter({ api, db, applications, forms, documents, payments }: { api: Api; db: DataSource; applications: Applications; forms: ServiceForms; documents: Documents; payments: Payments }): Router {
  const router = Router();
  const courses = new VersionCourses(db);

  api.route(router, {
    method: 'post', path: '/api/applications', tag: 'applications', access: ['citizen'], status: 201,
    links: {
      application: link('get', '/api/applications/:id', { id: '$response.body#/id' }),
      answers: link('get', '/api/applications/:id/answers.pdf', { id: '$response.body#/id' }),
      payments: link('get', '/api/applications/:id/payments', { id: '$response.body#/id' }),
      receipt: link('get', '/api/applications/:id/receipt', { id: '$response.body#/id' }),
    },
    summary: "Order a service: submit its start form data (pressing Submit counts as signing: the order's receipt records the declaration "
      + 'of GET /api/terms/declaration and the digest of the answers, and the platform seals it). The data are checked against the service\'s start form '
      + 'and data structure (422 with errors [{path, message}] in lang, else the Accept-Language: lt, lv, en); values of hidden fields are dropped; '
      + 'file fields hold ids of your uploads (POST /api/documents), which become part of the application; your draft of the service ends. '
      + 'With an Idempotency-Key header (1-255 printable characters), the same key and body within 24 hours answer the first result and create nothing; '
      + 'the same key with another body is 422',
    body: Type.Object({
      service: Code,
      data: Dictionary(Type.Unknown(), { maxKeyLength: 200, maxProperties: 1000 }),
      onBehalfOf: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{1,32}$', description: 'registration code of a legal entity you represent (GET /api/me/entities); checked in the legal entities register now: 403 naming it when you do not, 503 when the register does not answer' })),
      onBehalfOfPerson: Type.Optional(Type.String({ pattern: '^(\\d{11}|\\d{6}-\\d{5})$', description: 'as e-assistant: personal code of the person you order for (GET /api/me/authorised-by); 403 naming him without an authorisation in force covering this service. The order is his; you are recorded as who submitted it' })),
      lang: Type.Optional({ ...Language, description: 'the language of the errors and of the receipt (its declaration and PDF); default: Accept-Language' }),
    }, { additionalProperties: false }),
    bodyLimit: '1mb', errors: [404, 409, 422, 503],
    response: Type.Object({ id: Type.String(), number: Type.String(), caseCode: Type.String({ description: 'the order number to show (service number and application number)' }), status: Type.String() }),
  }, async ({ body, auth, req, res }) => {
    const application = await applications.submit(auth, body, body.lang ?? requestLocale(req), idempotentRequest(req, body));
    res.location(`/api/applications/${application.id}`);
    // A replay of a submission recorded before case codes existed has none: it is the application's own number then.
    return { id: application.id, number: application.number, caseCode: application.caseCode ?? application.number, status: application.status };
  });

  api.route(router, {
    method: 'get', path: '/api/applications', tag: 'applications', access: ['citizen', 'official'],
    summary: "Applications I may see: a citizen's own and his represented entities'; an official's cases (a task of them he may see, or did); a supervisor's agency's",
    query: Page,
    response: Type.Object({ items: Type.Array(ApplicationSummary), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }),
  }, async ({ query, auth }) => {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const page = await applications.list(auth.user, limit, offset);
    return { items: page.items.map((a) => summary(a, { code: a.serviceCode, number: a.serviceNumber, title: a.serviceTitle })), total: page.total, limit, offset };
  });

  api.route(router, {
    method: 'get', path: '/api/applications/:id', tag: 'applications', access: ['citizen', 'official'],
    summary: 'One application with its data, status timeline, the citizen\'s progress (steps with state, time and deadline), the fee of the service ordered and the payment asked for (with the bank page while it is payable). Readings by officials are recorded as data accesses with their purpose',
    params: Type.Object({ id: Uuid }), errors: [404],
    response: Type.Composite([ApplicationSummary, Type.Object({
      data: Type.Unknown(), timeline: Type.Array(TimelineEntry), steps: Type.Array(Step),
      progress: Type.Array(ProgressStepView, { description: 'the steps the citizen follows, in order, from the timeline, the process steps and the shape of the process' }),
    }), ApplicationPayment]),
  }, async ({ params, auth }) => {
    const { application, serviceCode, serviceNumber, serviceTitle, timeline, steps, names } = await applications.get(auth.user, params.id);
    return {
      ...summary({ ...application, ...names }, { code: serviceCode, number: serviceNumber, title: serviceTitle }),
      data: application.data,
      timeline: timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, status: e.status, details: e.details })),
      steps: steps.map((s) => ({ elementId: s.elementId, type: s.type, state: s.state, startedAt: s.startDate, endedAt: s.endDate })),
      progress: await progressOf(db, courses, application, timeline, steps),
      ...await applicationPayment(db, payments, application),
    };
  });

  api.route(router, {
    method: 'get', path: '/api/applications/:id/answers.pdf', tag: 'applications', access: ['citizen', 'official'],
    summary: 'The submitted answers as a PDF (application/pdf): labels from the start form in the language asked for (lang, else Accept-Language), '
      + 'repeating groups as entries, files by name and SHA-256. For whoever may see the application',
    params: Type.Object({ id: Uuid }), query: Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false }), errors: [404],
  }, async ({ params, query, auth, req, res }) => {
    const { application, serviceCode } = await applications.get(auth.user, params.id, 'answers.pdf');
    const locale = query.lang ?? requestLocale(req);
    const [form, attached, service] = await Promise.all([
      forms.forVersionId(application.serviceVersionId), documents.ofApplication(application.id), forms.serviceTitle(application.serviceId),
    ]);
    const pdf = await answersPdf({
      title: service[locale] ?? service.en ?? service.lt ?? service.lv ?? serviceCode, number: application.number, submittedAt: application.submittedAt,
      form: form.inLocale(locale).form, data: application.data, files: new Map(attached.map((d) => [d.id, d])), locale,
    });
    res.status(200).type('application/pdf').setHeader('Content-Disposition', `inline; filename="application-${application.number}.pdf"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(Buffer.from(pdf));
  });

  return router;
}
