import { Router } from 'express';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { invalidArgument, route } from '../problem.js';

const MOST_BATCHES = 500;
const LONGEST_WAIT_MS = 30_000;

/**
 * GET /v2/konstruktor/records — Konstruktor's extension to the API (a cluster has no such route):
 * the engine's feed by page, so that a runtime on another machine keeps its projections as an
 * in-process one does. `after` is the last position the caller handled (none: from the oldest kept
 * batch); with nothing newer the request waits up to `waitMs` for the next commit.
 */
export function recordRoutes(engine: EmbeddedEngine, closing: AbortSignal): Router {
  const router = Router();
  router.get('/konstruktor/records', route(async (req, res) => {
    const after = typeof req.query.after === 'string' && req.query.after !== '' ? req.query.after : null;
    const limit = number(req.query.limit, 'limit', 1, MOST_BATCHES, 100);
    const waitMs = number(req.query.waitMs, 'waitMs', 0, LONGEST_WAIT_MS, 0);
    const deadline = Date.now() + waitMs;
    let batches = await engine.readFeed(after, limit);
    let gone = false;
    res.on('close', () => { gone = true; });
    while (!batches.length && Date.now() < deadline && !gone && !closing.aborted) {
      await engine.nextCommit(deadline - Date.now());
      batches = await engine.readFeed(after, limit);
    }
    if (!gone) res.json({ batches });
  }));
  return router;
}

function number(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw invalidArgument(`${name} must be an integer from ${min} to ${max}.`);
  return n;
}
