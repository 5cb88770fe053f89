/**
 * The runtime's JSON API with the session cookie; errors carry the problem document (RFC 9457).
 * Paths, parameters and answers are typed by the runtime's OpenAPI document (api-schema.d.ts,
 * written by `npm run api:types`).
 */
import createClient, { type ClientPathsWithMethod, type MethodResponse, type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema.js';

export interface ProblemDocument {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { in?: string; path?: string; message: string }[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token (from POST /api/session or GET /api/me): the runtime wants it on every change. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token on every change; an error answer thrown as ApiError with its problem document. */
const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
  },
  async onResponse({ response }) {
    if (response.ok) return;
    const text = await response.text();
    throw new ApiError({ status: response.status, ...(text ? JSON.parse(text) as object : {}) });
  },
};

export const api = createClient<paths>({ headers: { accept: 'application/json, application/problem+json' } });
api.use(session);

/** The answer of a call; an error answer never gets here, the middleware throws it. */
export async function ok<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

/** What `path` answers to `method` (its success's JSON). */
export type Answer<Method extends 'get' | 'post' | 'put', Path extends ClientPathsWithMethod<typeof api, Method>> = MethodResponse<typeof api, Method, Path>;
