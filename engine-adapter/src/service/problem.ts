import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { EngineError } from '../contract.js';

/**
 * Errors as Camunda's REST API gives them: RFC 9457 problem details whose title is the broker's
 * rejection type (NOT_FOUND, INVALID_ARGUMENT, INVALID_STATE, ALREADY_EXISTS, …).
 */
export class Problem extends Error {
  constructor(readonly status: number, readonly title: string, detail: string) {
    super(detail);
  }
}

const STATUS_OF: Record<EngineError['code'], number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  ALREADY_EXISTS: 409,
  UNAVAILABLE: 503,
};

export const invalidArgument = (detail: string) => new Problem(400, 'INVALID_ARGUMENT', detail);
export const notFound = (detail: string) => new Problem(404, 'NOT_FOUND', detail);

export function sendProblem(req: Request, res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json({
    type: 'about:blank', title: problem.title, status: problem.status, detail: problem.message, instance: req.originalUrl.split('?')[0],
  });
}

/** The one error handler: engine rejections keep their code, body-parser errors become 400/413, the rest 500 without internals. */
export function problemHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  // The caller went away while its body was arriving: no one to answer.
  if (req.socket.destroyed) return;
  if (error instanceof Problem) return sendProblem(req, res, error);
  if (error instanceof EngineError) return sendProblem(req, res, new Problem(STATUS_OF[error.code], error.code, error.message));
  const status = (error as { status?: number; type?: string }).status;
  if (status === 413) return sendProblem(req, res, new Problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than this engine accepts'));
  if (status === 400) return sendProblem(req, res, invalidArgument(`The request body is not valid JSON: ${(error as Error).message}`));
  console.error('engine service: unexpected error', error);
  sendProblem(req, res, new Problem(500, 'INTERNAL', 'The engine could not answer this request'));
}

/** An async route whose rejection reaches the error handler. */
export function route(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    handler(req, res).catch(next);
  };
}
