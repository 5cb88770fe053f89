import { Router } from 'express';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { invalidArgument, route } from '../problem.js';
import { bodyOf } from '../request.js';

/**
 * The engine clock, served only in the test profile: Camunda's PUT /clock (pin) and
 * POST /clock/reset, and Zeebe's actuator POST /actuator/clock/add that moves it forward.
 */
export function clockRoutes(engine: EmbeddedEngine): Router {
  const router = Router();
  router.put('/clock', route(async (req, res) => {
    const timestamp = bodyOf(req).timestamp;
    if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) {
      throw invalidArgument('The clock is pinned to a timestamp in epoch milliseconds.');
    }
    await engine.setClock(timestamp);
    res.status(204).end();
  }));
  router.post('/clock/reset', route(async (_req, res) => {
    await engine.setClock(null);
    res.status(204).end();
  }));
  return router;
}

export function actuatorClockRoutes(engine: EmbeddedEngine): Router {
  const router = Router();
  router.post('/actuator/clock/add', route(async (req, res) => {
    const offset = bodyOf(req).offsetMilli;
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) throw invalidArgument('offsetMilli must be zero or more milliseconds.');
    await engine.advanceTime(offset);
    res.json({ epochMilli: engine.clock.now(), instant: new Date(engine.clock.now()).toISOString() });
  }));
  return router;
}
