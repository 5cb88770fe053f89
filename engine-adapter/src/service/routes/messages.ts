import { Router } from 'express';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { route } from '../problem.js';
import { bodyOf, checkTenant, optionalInteger, optionalString, requiredString, variablesOf } from '../request.js';

/**
 * POST /messages/publication: a buffered message with a time to live and an optional id refused
 * twice. POST /messages/correlation: to one waiting instance (or a new one) now, or NOT_FOUND.
 */
export function messageRoutes(engine: EmbeddedEngine): Router {
  const router = Router();
  router.post('/messages/publication', route(async (req, res) => {
    const body = bodyOf(req);
    checkTenant(body);
    const name = requiredString(body, 'name');
    const correlationKey = optionalString(body, 'correlationKey') ?? '';
    const timeToLive = optionalInteger(body, 'timeToLive', 0) ?? 0;
    const messageId = optionalString(body, 'messageId');
    const published = await engine.publishMessage({
      name, correlationKey, timeToLive, variables: variablesOf(body) ?? {}, ...(messageId ? { messageId } : {}),
    });
    res.json({ messageKey: published.messageKey, tenantId: '<default>' });
  }));
  router.post('/messages/correlation', route(async (req, res) => {
    const body = bodyOf(req);
    checkTenant(body);
    const name = requiredString(body, 'name');
    const correlationKey = optionalString(body, 'correlationKey') ?? '';
    const correlated = await engine.correlateMessage({ name, correlationKey, variables: variablesOf(body) ?? {} });
    res.json({ ...correlated, tenantId: '<default>' });
  }));
  return router;
}
