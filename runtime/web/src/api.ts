/**
 * The runtime's JSON API as the portal uses it: same-origin cookie session plus the CSRF header.
 * Paths, parameters and answers are typed by the runtime's OpenAPI document (api-schema.d.ts,
 * written by `npm run api:types`).
 */
import createClient, { type ClientPathsWithMethod, type MethodResponse, type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema.js';

export interface FieldError { path: string; message: string }

/** A problem answer: its title (in the page's language: the runtime reads the lang cookie) as the message, the developer's detail beside it. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly errors: FieldError[] = [], readonly detail?: string) {
    super(message);
  }
}

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's CSRF token on every change; an error answer thrown as ApiError with its problem document's detail. */
const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
  },
  async onResponse({ response }) {
    if (response.ok) return;
    const problem = (response.headers.get('content-type') ?? '').includes('json')
      ? (await response.json() as { title?: string; detail?: string; errors?: FieldError[] })
      : {};
    throw new ApiError(response.status, problem.title ?? `HTTP ${response.status}`, problem.errors ?? [], problem.detail);
  },
};

export const api = createClient<paths>({ headers: { accept: 'application/json' } });
api.use(session);

/** The answer of a call; an error answer never gets here, the middleware throws it. */
export async function ok<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

/** What `path` answers to `method` (its success's JSON). */
export type Answer<Method extends 'get' | 'post' | 'put', Path extends ClientPathsWithMethod<typeof api, Method>> = MethodResponse<typeof api, Method, Path>;

export type Me = Answer<'get', '/api/me'>;
export type CatalogueResult = Answer<'get', '/api/services'>;
export type ServiceCard = CatalogueResult['items'][number];
export type ServiceDetail = Answer<'get', '/api/services/{code}'>;
export type ApplicationSummary = Answer<'get', '/api/applications'>['items'][number];
export type ApplicationDetail = Answer<'get', '/api/applications/{id}'>;
export type DocumentRef = Answer<'post', '/api/documents'>;
