import { Router } from 'express';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { invalidArgument, route } from '../problem.js';
import { bodyOf, keyOf, variablesOf } from '../request.js';
import { search } from '../search.js';
import { elementInstanceResult } from '../shapes.js';

const FILTERABLE = [
  'elementInstanceKey', 'processInstanceKey', 'processDefinitionId', 'processDefinitionKey', 'elementId', 'type', 'state',
  'hasIncident', 'incidentKey', 'tenantId',
] as const;

/** Element instances are read per process instance: the search needs processInstanceKey. */
export function elementInstanceRoutes(engine: EmbeddedEngine): Router {
  const router = Router();

  router.post('/element-instances/search', route(async (req, res) => {
    const body = bodyOf(req);
    const filter = (body.filter ?? {}) as Record<string, unknown>;
    if (typeof filter.processInstanceKey !== 'string' && typeof filter.processInstanceKey !== 'number') {
      throw invalidArgument('This engine searches element instances of one process instance: filter by processInstanceKey.');
    }
    const instanceKey = keyOf(filter.processInstanceKey, 'processInstanceKey');
    const instance = engine.processInstance(instanceKey);
    if (!instance) {
      res.json({ items: [], page: { totalItems: 0 } });
      return;
    }
    const incidents = new Map((await engine.incidents({ instanceKey, state: 'ACTIVE' })).map((i) => [i.elementInstanceKey, i.key]));
    const elements = (await engine.elementInstances(instanceKey)).map((e) => elementInstanceResult(e, instance, incidents.get(e.key)));
    res.json(search(body, elements, FILTERABLE));
  }));

  router.put('/element-instances/:key/variables', route(async (req, res) => {
    const body = bodyOf(req);
    const variables = variablesOf(body);
    if (!variables) throw invalidArgument('No variables provided.');
    if (body.local !== undefined && typeof body.local !== 'boolean') throw invalidArgument('The provided local must be true or false.');
    await engine.setVariables(keyOf(req.params.key, 'elementInstanceKey'), variables, { local: body.local === true });
    res.status(204).end();
  }));

  return router;
}
