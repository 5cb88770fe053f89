import express, { type Express } from 'express';
import helmet from 'helmet';
import { Type } from '@sinclair/typebox';
import { JSON_LIMITS } from './http/input-limits.js';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RuntimeConfig } from './config.js';
import { Api } from './http/api.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { AuditLog } from './audit/audit-log.js';
import { auditRouter } from './audit/audit-router.js';
import { SessionStore } from './accounts/sessions.js';
import { sessionRouter } from './accounts/session-router.js';
import { loginMethodsRouter } from './accounts/login-methods-router.js';
import { LoginThrottle } from './accounts/login-throttle.js';
import { Representations } from './accounts/representations.js';
import { representationsRouter } from './accounts/representations-router.js';
import { LegalEntitiesRegister } from './acting-for/legal-entities-register.js';
import { RepresentedEntities } from './acting-for/represented-entities.js';
import { Authorisations } from './acting-for/authorisations.js';
import { actingForRouter } from './acting-for/acting-for-router.js';
import { TermsService } from './terms/terms-service.js';
import { Catalogue } from './catalogue/catalogue.js';
import { servicesRouter } from './catalogue/services-router.js';
import { Applications, type ApplicationProcessing } from './applications/applications.js';
import { applicationsRouter } from './applications/applications-router.js';
import { withdrawalsRouter } from './process/withdrawals-router.js';
import { informationRequestsRouter } from './process/information-requests-router.js';
import { InformationRequests } from './process/information-requests.js';
import { Withdrawals } from './process/withdrawals.js';
import { Receipts } from './receipts/receipts.js';
import { receiptsRouter } from './receipts/receipts-router.js';
import { Tasks } from './tasks/tasks.js';
import { tasksRouter } from './tasks/tasks-router.js';
import { reviewTaskKind, reviewTaskProcessing } from './tasks/review-task.js';
import { databaseReadiness, healthRouter, type ReadinessCheck } from './health/health-router.js';
import { Documents } from './documents/documents.js';
import { documentsRouter } from './documents/documents-router.js';
import { ServiceForms } from './forms/service-forms.js';
import { formsRouter } from './forms/forms-router.js';
import { Drafts } from './drafts/drafts.js';
import { draftsRouter } from './drafts/drafts-router.js';
import { Payments } from './payments/payments.js';
import type { PaymentProvider } from './payments/provider.js';
import { paymentsRouter } from './payments/payments-router.js';
import { PortalInbox } from './inbox/inbox.js';
import { inboxRouter } from './inbox/inbox-router.js';
import { NotificationPreferences } from './inbox/notification-preferences.js';
import { notificationPreferencesRouter } from './inbox/notification-preferences-router.js';
import { ApplicationDocuments } from './documents/application-documents.js';
import { applicationDocumentsRouter } from './documents/application-documents-router.js';
import { CaseScope } from './cases/case-scope.js';
import { CaseViews } from './cases/case-view.js';
import { casesRouter } from './cases/cases-router.js';
import { signatureCheckerFromEnv } from './documents/signature-check.js';
import { connectorTemplatesRouter } from './connectors/templates-router.js';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import type { Outbox } from './bridge/outbox.js';
import { IdempotencyKeys } from './http/idempotency.js';
import type { LiveEvents } from './events/live-events.js';
import { eventsRouter } from './events/events-router.js';
import { deployServiceProcess } from './process/process-deployer.js';
import { processApplications } from './process/process-applications.js';
import { userTaskKind } from './process/user-task-kind.js';
import { TaskForms } from './process/task-forms.js';
import { webRouter } from './web/web-router.js';
import { designerRouter } from './designer/designer-router.js';
import { checkPackage } from './designer/package-check.js';
import { TestRuns } from './designer/test-runs.js';
import { hostConnectors } from './connectors/host.js';
import { allConnectors } from './connectors/modules.js';
import { designerAppRouter } from './web/designer-app-router.js';
import { workspaceRouter } from './web/workspace-router.js';
import type { Services } from './services.js';
import { PersonalSignatures } from './signing/personal-signatures.js';
import { personalSigningFromEnv } from './signing/personal-signing-settings.js';
import { withPersonalSignature } from './signing/signature-completion.js';
import { personalSignaturesRouter } from './signing/personal-signatures-router.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const SECRET_QUERY = /([?&](?:code|state|session_state|id_token|access_token|token)=)[^&#]*/gi;

/** Request URLs as logged: one-time codes and tokens in the query are blanked. */
export function redactQuery(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

/** What the services need of the process engine: the engine to deploy to and read from, the outbox for commands to it. */
export interface ProcessBridge {
  engine: EngineAdapter;
  outbox: Outbox;
}

/** What createServices wires in beside the database: the process bridge, and the logger and settings of the connectors test runs host. */
export interface ServiceWiring {
  /** With it, published processes run in its engine and their user tasks reach the inbox. */
  bridge?: ProcessBridge;
  logger: Logger;
  /** Settings of the connectors that sandbox test runs host (CONNECTOR_SECRET_*…; `npm start` passes the sandboxes' here, not in process.env). */
  env?: NodeJS.ProcessEnv;
  /** The banks payment orders go to (paymentProvidersFromEnv). */
  paymentProviders?: readonly PaymentProvider[];
}

/** The composition root of the services: each is given what it needs here, once. */
export function createServices(db: DataSource, config: RuntimeConfig, { bridge, logger, env, paymentProviders }: ServiceWiring): Services {
  const engine = bridge?.engine;
  const audit = new AuditLog(db);
  const terms = new TermsService(db, audit);
  const representations = new Representations(db, audit);
  // The register connectors' settings (CONNECTOR_SECRET_*); without them, administrators' grants alone say who represents whom.
  const representedEntities = new RepresentedEntities({ register: LegalEntitiesRegister.fromEnv(env ?? process.env, audit), representations, logger });
  const authorisations = new Authorisations(db, audit);
  // Publishing runs the designer's package check first (lint, forms, card, scenarios), then deploys the process.
  const catalogue = new Catalogue(db, audit, {
    check: (version) => checkPackage(version.files),
    ...(bridge ? { deployer: (version: Parameters<typeof deployServiceProcess>[1]) => deployServiceProcess(bridge.engine, version) } : {}),
  });
  const documents = new Documents(db, config.uploadQuota);
  // Officials' personal signatures on tasks marked konstruktor:sign (MOBILE_SIGNATURE_URL, and the seal's TSA and trusted CAs).
  const personalSignatures = new PersonalSignatures(db, { documents, audit, logger, settings: personalSigningFromEnv(env ?? process.env), ...(engine ? { engine } : {}) });
  const tasks = new Tasks(db, audit);
  // The forms of process user tasks: what a completion may carry, and how the case view words its outcome.
  const taskForms = new TaskForms();
  tasks.register(reviewTaskKind());
  let processing: ApplicationProcessing = reviewTaskProcessing(tasks);
  if (bridge) {
    tasks.register(withPersonalSignature(userTaskKind(bridge.outbox, taskForms, { db, engine: bridge.engine }), personalSignatures));
    processing = processApplications(bridge.outbox, processing);
  }
  const forms = new ServiceForms(db, catalogue);
  const drafts = new Drafts(db, { forms, documents });
  const idempotencyKeys = new IdempotencyKeys(db);
  const receipts = new Receipts(db, { terms });
  // An official reaches the applications of his cases (a task of them he may see), a supervisor his agency's.
  const caseScope = new CaseScope(db, audit);
  const applications = new Applications(db, { audit, representedEntities, authorisations, processing, forms, documents, drafts, idempotencyKeys, receipts, officialReach: caseScope, ...(engine ? { engine } : {}) });
  const sessions = new SessionStore(db, config.sessionTtlSeconds, config.publicUrl.startsWith('https:'));
  const payments = new Payments(db, audit, { publicUrl: config.publicUrl, providers: paymentProviders ?? [], ...(bridge ? { outbox: bridge.outbox } : {}) });
  // Sandbox test runs host the connectors in-process on the run's own engine, as the runtime does on its engine.
  let connectorTypes: Promise<string[]> | undefined;
  const testRuns = new TestRuns({
    host: (runEngine) => hostConnectors({ engine: runEngine, services, logger, env }),
    types: () => (connectorTypes ??= allConnectors(env).then((all) => all.map((c) => c.id))),
  });
  const loginThrottle = new LoginThrottle(db, config.loginThrottle);
  const informationRequests = new InformationRequests(db, { applications, audit, documents, forms, ...(bridge ? { outbox: bridge.outbox, engine: bridge.engine } : {}) });
  // Signatures are verified trusting the CAs the verify connector trusts (CONNECTOR_SECRET_SIGNING_TRUSTED_CA).
  const applicationDocuments = new ApplicationDocuments(db, { applications, documents, payments, checkSignature: signatureCheckerFromEnv(env ?? process.env), ...(engine ? { engine } : {}) });
  const services: Services = { db, audit, sessions, loginThrottle, terms, representations, representedEntities, authorisations, catalogue, applications, receipts, idempotencyKeys, tasks, personalSignatures, documents, forms, drafts, payments, portalInbox: new PortalInbox(db, audit), testRuns,
    withdrawals: new Withdrawals(db, { applications, audit, ...(bridge ? { outbox: bridge.outbox } : {}) }),
    informationRequests, applicationDocuments,
    notificationPreferences: new NotificationPreferences(db, audit),
    cases: new CaseViews(db, { scope: caseScope, audit, forms, applicationDocuments, payments, informationRequests, taskForms, ...(engine ? { engine } : {}) }) };
  return services;
}

export interface AppOptions {
  config: RuntimeConfig;
  services: Services;
  logger: Logger;
  readiness?: ReadinessCheck[];
  /** Changes pushed to browsers (GET /api/events); the route is left out without it. */
  liveEvents?: LiveEvents;
  /** Routers added by other parts (OIDC login, engine, web apps), mounted before the 404 handler. */
  extraRouters?: ((api: Api) => express.Router)[];
  /** Where the designer finds connector modules (CONNECTOR_MODULES); process.env when absent. */
  env?: NodeJS.ProcessEnv;
}

export function createApp(options: AppOptions): Express {
  const { config, services, logger } = options;
  const app = express();
  const api = new Api();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxyHops);
  app.use(pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactQuery(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }));
  app.use(securityHeaders());
  app.use(services.sessions.authenticate());
  app.use(api.options());
  for (const router of apiRouters(api, options)) app.use(router);
  app.use(api.methodNotAllowed());
  app.use('/designer', designerAppRouter(config));
  app.use('/workspace', workspaceRouter(config));
  app.use(webRouter(config, services));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

const API_INFO = {
  title: 'Konstruktor runtime API',
  version: '1.0.0',
  description: [
    'Catalogue, applications, tasks, accounts and audit of the Konstruktor e-services platform.',
    '',
    'Rules every operation keeps besides its schema, each answered with a problem document naming the field:',
    '- a string (value or key, in the path, query or body) holding a NUL character or a lone UTF-16 surrogate is refused with 400: nothing can store it;',
    `- JSON nested deeper than ${JSON_LIMITS.maxDepth} levels or holding more than ${JSON_LIMITS.maxKeys} keys is refused with 400;`,
    "- form data are checked against the service's own form and data structure, which the schema cannot know: data that fit the schema may still be refused with 422 naming the fields;",
    '- a task result is checked against the task kind and its form likewise (422);',
    '- login is slowed per account and per address after failed attempts (429 with Retry-After); uploads are held to a daily count (429) and to the bytes waiting unsubmitted (413).',
  ].join('\n'),
};

/**
 * Helmet's headers on every response, with two changes: no page of ours may be framed, not even
 * by our own origin; and HSTS only on a request that came over HTTPS (directly or, with
 * TRUST_PROXY_HOPS, through a proxy that says so), since a browser ignores it over plain HTTP.
 */
function securityHeaders(): express.RequestHandler[] {
  const hsts = helmet.strictTransportSecurity();
  return [
    helmet({
      contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: false,
    }),
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
  ];
}

/** The API's routers in mounting order; building them declares their routes, and so their OpenAPI entries, on `api`. */
function apiRouters(api: Api, { config, services, readiness = [], extraRouters = [], env, liveEvents }: Omit<AppOptions, 'logger'>): express.Router[] {
  const deps = { api, ...services };
  return [
    healthRouter({ api, checks: [databaseReadiness(services.db), ...readiness] }),
    openApiRouter(api),
    sessionRouter(deps),
    loginMethodsRouter({ api, eid: config.oidc !== undefined }),
    representationsRouter(deps),
    actingForRouter(deps),
    servicesRouter(deps),
    draftsRouter(deps),
    applicationsRouter(deps),
    withdrawalsRouter(deps),
    informationRequestsRouter(deps),
    receiptsRouter(deps),
    applicationDocumentsRouter(deps),
    casesRouter(deps),
    documentsRouter({ ...deps, uploadLimits: async (service, field) => (await services.forms.orderable(service)).form.uploadLimits(field) }),
    formsRouter(deps),
    tasksRouter(deps),
    personalSignaturesRouter(deps),
    auditRouter(deps),
    paymentsRouter(deps),
    inboxRouter(deps),
    notificationPreferencesRouter(deps),
    ...(liveEvents ? [eventsRouter({ ...deps, liveEvents })] : []),
    connectorTemplatesRouter(deps),
    designerRouter({ api, services, env }),
    ...extraRouters.map((router) => router(api)),
  ];
}

/** GET /api/openapi.json: the document of every route, this one included, built once at the first request. */
function openApiRouter(api: Api): express.Router {
  const router = express.Router();
  let document: Record<string, unknown> | undefined;
  api.publicRoute(router, {
    method: 'get', path: '/api/openapi.json', tag: 'meta', access: 'public',
    summary: 'This API as an OpenAPI 3.1 document', response: Type.Object({ openapi: Type.Literal('3.1.0') }, { additionalProperties: true }),
  }, () => (document ??= api.openApiDocument(API_INFO)));
  return router;
}

/**
 * The document GET /api/openapi.json serves on a runtime started with `config` (without OIDC login,
 * whose routes only redirect), built without a server or a database: building a router only declares
 * its routes, the services are used by the handlers alone, so none stands behind them here.
 */
export function openApiDocument(config: RuntimeConfig): Record<string, unknown> {
  const api = new Api();
  apiRouters(api, { config, services: {} as Services, liveEvents: {} as LiveEvents });
  return api.openApiDocument(API_INFO);
}
