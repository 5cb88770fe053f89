import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpProblem, problems } from './problem.js';
import { JsonShapeRefused } from './input-limits.js';
import { problemTitle } from './problem-texts.js';
import { requestLanguage } from './request-language.js';

/** Body-parser errors carry a `type`; translate the ones a client can fix. */
function fromBodyParser(error: { type?: string; message?: string; limit?: number }): HttpProblem | undefined {
  if (error instanceof JsonShapeRefused) return error.problem;
  switch (error.type) {
    case 'entity.parse.failed': return problems.malformedJson(error.message ?? 'unparseable');
    case 'entity.too.large': return problems.payloadTooLarge(`${error.limit} bytes`);
    case 'encoding.unsupported':
    case 'charset.unsupported': return problems.unsupportedMediaType('UTF-8 application/json');
    case 'request.aborted': return new HttpProblem(400, 'request-aborted', 'The request was aborted');
    default: return undefined;
  }
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new HttpProblem(404, 'no-such-endpoint', 'No such endpoint', `${req.method} ${req.path} is not part of this API (see /api/openapi.json)`);
};

/** Every error leaves as application/problem+json, titled in the request's language; unexpected ones are logged, not shown. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const problem = error instanceof HttpProblem ? error : fromBodyParser(error);
  if (!problem) req.log.error({ err: error }, 'unhandled error');
  const body = (problem ?? new HttpProblem(500, 'internal', 'Internal error', `Quote request id ${String(req.id)} to support`)).body(req.originalUrl);
  if (res.headersSent) return;
  const lang = requestLanguage(req);
  body.title = problemTitle(body.type.slice('urn:konstruktor:problem:'.length), lang, body.title);
  res.setHeader('Content-Language', lang);
  if (body.status === 429 || body.status === 503) res.setHeader('Retry-After', String(typeof body.retryAfter === 'number' ? body.retryAfter : 60));
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
};
