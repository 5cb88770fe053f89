import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { match } from 'path-to-regexp';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Role } from '../common/schemas.js';
import type { AuthContext } from '../accounts/auth-context.js';
import { problems, type FieldError } from './problem.js';
import { compileValidator } from './validation.js';
import { checkJsonShape, unstorableStrings } from './input-limits.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An OpenAPI link: the operation a response leads to, and where its parameters come from. */
export interface Link {
  operationId: string;
  parameters: Record<string, string>;
}

/** The operationId of a route, as its OpenAPI entry names it. */
export function operationId(method: Method, path: string): string {
  return `${method}${path.replace(/[/:{}-]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`;
}

/**
 * A link to the route `method path` (Express style), its parameters taken from runtime
 * expressions such as `$response.body#/id` or `$request.path.id`.
 */
export function link(method: Method, path: string, parameters: Record<string, string>): Link {
  return { operationId: operationId(method, path), parameters };
}

/** Who may call a route: anyone, anyone logged in, or holders of one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RouteSpec<P extends TSchema, Q extends TSchema, B extends TSchema> {
  method: Method;
  /** Express-style path, e.g. `/api/services/:code`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** The request body's media type when the handler reads the raw bytes itself (an upload) rather than `body`'s JSON. */
  requestType?: string;
  /** Body size limit for this route (default 100kb). */
  bodyLimit?: string;
  /** Status of a successful response (default 200; 204 sends no body). */
  status?: number;
  response?: TSchema;
  /** The success response's media type when it is not JSON (e.g. text/event-stream). */
  responseType?: string;
  /** Other statuses this route answers with, beyond the ones every route has. */
  errors?: number[];
  /** What a client can do next with the success response (OpenAPI links; `link` makes one). */
  links?: Record<string, Link>;
  /** Runs before everything else, e.g. a rate limiter. */
  before?: RequestHandler[];
}

export interface Context<P, Q, B, A> {
  params: P;
  query: Q;
  body: B;
  auth: A;
  req: Request;
  res: Response;
}

type Handler<P extends TSchema, Q extends TSchema, B extends TSchema, A> = (
  ctx: Context<Static<P>, Static<Q>, Static<B>, A>,
) => unknown;

const Empty = Type.Object({}, { additionalProperties: false });
type Empty = typeof Empty;
const UNSAFE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Declares routes once: the same spec drives the access check, CSRF check, request validation
 * and the route's entry in the OpenAPI document, so the document cannot drift from the code.
 */
export class Api {
  private readonly operations: { spec: RouteSpec<TSchema, TSchema, TSchema> }[] = [];
  /** Each route's path pattern and method, built at the first request, when every route is declared. */
  private matchers: { matches: (path: string) => unknown; method: string }[] | undefined;

  /** A route that needs a session (and, when roles are listed, one of them). */
  route<P extends TSchema = Empty, Q extends TSchema = Empty, B extends TSchema = Empty>(
    router: Router,
    spec: RouteSpec<P, Q, B> & { access: Exclude<Access, 'public'> },
    handler: Handler<P, Q, B, AuthContext>,
  ): void {
    this.register(router, spec, handler as Handler<P, Q, B, AuthContext | undefined>);
  }

  /** A route anyone may call; `auth` is set when the caller happens to be logged in. */
  publicRoute<P extends TSchema = Empty, Q extends TSchema = Empty, B extends TSchema = Empty>(
    router: Router,
    spec: RouteSpec<P, Q, B> & { access: 'public' },
    handler: Handler<P, Q, B, AuthContext | undefined>,
  ): void {
    this.register(router, spec, handler);
  }

  private register<P extends TSchema, Q extends TSchema, B extends TSchema>(
    router: Router,
    spec: RouteSpec<P, Q, B>,
    handler: Handler<P, Q, B, AuthContext | undefined>,
  ): void {
    this.operations.push({ spec: spec as unknown as RouteSpec<TSchema, TSchema, TSchema> });
    const validateParams = compileValidator(spec.params ?? Empty, 'path');
    const validateQuery = compileValidator(spec.query ?? Empty, 'query');
    const validateBody = spec.body ? compileValidator(spec.body, 'body') : undefined;
    const limit = spec.bodyLimit ?? '100kb';
    const parseJson = express.json({ limit, strict: false, type: () => true, verify: (_req, _res, raw) => checkJsonShape(raw) });

    router[spec.method](spec.path, ...(spec.before ?? []), (req, res, next) => {
      checkAccess(spec.access, req.auth);
      if (UNSAFE_METHODS.has(spec.method) && req.auth?.via === 'cookie' && req.get('x-csrf-token') !== req.auth.session.csrfToken) {
        throw problems.csrf();
      }
      if (!validateBody) return next();
      if (!req.is('application/json')) {
        // An empty body is fine only when the schema accepts an empty object.
        if (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding']) throw problems.unsupportedMediaType('application/json');
        req.body = {};
        return next();
      }
      parseJson(req, res, next);
    }, async (req, res) => {
      // Express 5 gives req.query as a getter; validate a copy so coercion and defaults stick.
      const params = { ...req.params };
      const query = { ...(req.query as Record<string, unknown>) };
      // Strings nothing downstream can store are refused here, for every route, before any schema.
      const unstorable = [...unstorableStrings(params, 'path'), ...unstorableStrings(query, 'query'), ...(validateBody ? unstorableStrings(req.body, 'body') : [])];
      if (unstorable.length) throw problems.invalidRequest(unstorable);
      const errors: FieldError[] = [...validateParams(params), ...validateQuery(query)];
      if (validateBody) errors.push(...validateBody(req.body));
      if (errors.length) throw problems.invalidRequest(errors);
      const result = await handler({
        params: params as Static<P>, query: query as Static<Q>, body: req.body as Static<B>, auth: req.auth, req, res,
      });
      if (res.headersSent) return;
      const status = spec.status ?? 200;
      if (status === 204) res.status(204).end();
      else res.status(status).json(result);
    });
  }

  /** The methods the routes declared so far take on `path` (OPTIONS always), or none when no route has that path. */
  private allowed(path: string): string[] {
    this.matchers ??= this.operations.map(({ spec }) => ({ matches: match(spec.path, { decode: false }), method: spec.method.toUpperCase() }));
    const methods = new Set(this.matchers.filter((route) => route.matches(path)).map((route) => route.method));
    if (!methods.size) return [];
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods, 'OPTIONS'];
  }

  /** OPTIONS on any path of the API: 204 with `Allow`, every method of every route pattern the path matches. Mount before the routers. */
  options(): RequestHandler {
    return (req, res, next) => {
      const allowed = req.method === 'OPTIONS' ? this.allowed(req.path) : [];
      if (!allowed.length) return next();
      res.setHeader('Allow', allowed.join(', ')).status(204).end();
    };
  }

  /** A method no route declares on a path some route does: 405 with `Allow`, as HTTP says. Mount after the routers. */
  methodNotAllowed(): RequestHandler {
    return (req, res, next) => {
      const allowed = this.allowed(req.path);
      if (!allowed.length) return next();
      res.setHeader('Allow', allowed.join(', '));
      throw problems.methodNotAllowed(req.method, req.path);
    };
  }

  /** The OpenAPI 3.1 document of every route declared so far. */
  openApiDocument(info: { title: string; version: string; description?: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const { spec } of this.operations) {
      const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      paths[path] ??= {};
      paths[path][spec.method] = operation(spec);
    }
    return {
      openapi: '3.1.0',
      info,
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      paths,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'konstruktor_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Required with the session cookie on POST, PUT, PATCH and DELETE' },
        },
        schemas: { Problem: ProblemSchema },
      },
    };
  }
}

function checkAccess(access: Access, auth: AuthContext | undefined): void {
  if (access === 'public') return;
  if (!auth) throw problems.unauthenticated();
  if (access === 'authenticated') return;
  if (!access.some((role) => auth.user.roles.includes(role))) {
    throw problems.forbidden(`This needs one of the roles: ${access.join(', ')}`);
  }
}

const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), in: Type.String(), message: Type.String() }))),
});

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request (problem+json names the fields)',
  401: 'No session',
  403: 'Wrong role, terms not accepted, or missing CSRF token',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'Content cannot be processed',
  429: 'Too many attempts',
};

function operation(spec: RouteSpec<TSchema, TSchema, TSchema>): Record<string, unknown> {
  const parameters = [
    ...Object.entries((spec.params?.properties ?? {}) as Record<string, TSchema>).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...Object.entries((spec.query?.properties ?? {}) as Record<string, TSchema>).map(([name, schema]) => ({
      name, in: 'query', required: ((spec.query?.required ?? []) as string[]).includes(name), schema,
    })),
  ];
  const status = spec.status ?? 200;
  const responses: Record<string, unknown> = {
    [status]: spec.responseType
      ? { description: 'Done', content: { [spec.responseType]: { schema: { type: 'string' } } } }
      : status === 204 || !spec.response
        ? { description: 'Done' }
        : { description: 'Done', content: { 'application/json': { schema: spec.response } } },
  };
  if (spec.links) (responses[status] as Record<string, unknown>).links = spec.links;
  const errorStatuses = new Set([400, ...(spec.access === 'public' ? [] : [401]), ...(Array.isArray(spec.access) ? [403] : []), ...(spec.errors ?? [])]);
  if (spec.body) { errorStatuses.add(413); errorStatuses.add(415); }
  for (const code of [...errorStatuses].sort()) {
    responses[code] = { description: STATUS_TEXT[code] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  return {
    summary: spec.summary,
    tags: [spec.tag],
    operationId: operationId(spec.method, spec.path),
    // A change needs the CSRF header beside the session cookie; a read needs the cookie alone.
    ...(spec.access === 'public' ? { security: [] } : {
      security: [{ session: [], ...(UNSAFE_METHODS.has(spec.method) ? { csrf: [] } : {}) }], 'x-roles': spec.access === 'authenticated' ? 'any' : spec.access,
    }),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
    // Raw bytes have no schema: any content of the media type.
    ...(spec.requestType ? { requestBody: { required: true, content: { [spec.requestType]: {} } } } : {}),
    responses,
  };
}
