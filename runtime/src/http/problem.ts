/**
 * Errors as RFC 9457 problem details. Throw an HttpProblem anywhere in a handler; the error
 * middleware (error-handler.ts) turns it into an `application/problem+json` response.
 */
export interface FieldError {
  /** JSON Pointer to the offending value inside `in`, e.g. `/data/email` or `/onBehalfOf`. */
  path: string;
  in: 'body' | 'query' | 'path';
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  body(instance?: string): ProblemBody {
    return {
      type: `urn:konstruktor:problem:${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

export const problems = {
  invalidRequest: (errors: FieldError[]) =>
    new HttpProblem(400, 'invalid-request', 'The request is not valid', errors.map((e) => `${e.in} ${e.path || '/'}: ${e.message}`).join('; '), { errors }),
  malformedJson: (detail: string) => new HttpProblem(400, 'malformed-json', 'The request body is not valid JSON', detail),
  unauthenticated: () => new HttpProblem(401, 'unauthenticated', 'Log in first', 'This endpoint needs a session; POST /api/session to log in'),
  forbidden: (detail: string) => new HttpProblem(403, 'forbidden', 'Not allowed', detail),
  termsNotAccepted: (version: number) =>
    new HttpProblem(403, 'terms-not-accepted', 'Accept the terms of use first', `Terms of use version ${version} must be accepted (POST /api/me/terms/${version}/accept) before ordering services`, { termsVersion: version }),
  csrf: () => new HttpProblem(403, 'csrf-token-invalid', 'Missing or wrong CSRF token', 'Send the csrfToken from POST /api/session or GET /api/me in the X-CSRF-Token header'),
  notFound: (what: string, id: string) => new HttpProblem(404, 'not-found', `No such ${what}`, `${what} "${id}" does not exist or is not yours to see`),
  methodNotAllowed: (method: string, path: string) => new HttpProblem(405, 'method-not-allowed', 'Method not allowed', `${path} does not take ${method} (the Allow header lists what it takes)`),
  conflict: (detail: string) => new HttpProblem(409, 'conflict', 'Conflicts with the current state', detail),
  payloadTooLarge: (limit: string) => new HttpProblem(413, 'payload-too-large', 'The request body is too large', `The limit for this endpoint is ${limit}`),
  unsupportedMediaType: (expected: string) => new HttpProblem(415, 'unsupported-media-type', 'Unsupported content type', `Send the body as ${expected}`),
  unprocessable: (detail: string, errors: FieldError[] = []) =>
    new HttpProblem(422, 'unprocessable', 'The content cannot be processed', detail, errors.length ? { errors } : {}),
  /** `retryAfter` (seconds) is also sent as the Retry-After header. */
  tooManyRequests: (retryAfterSeconds: number) =>
    new HttpProblem(429, 'too-many-requests', 'Too many attempts', `Try again in ${retryAfterSeconds} s`, { retryAfter: retryAfterSeconds }),
};
