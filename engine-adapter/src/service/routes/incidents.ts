import { Router } from 'express';
import type { Incident } from '../../contract.js';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { notFound, route } from '../problem.js';
import { bodyOf, keyOf } from '../request.js';
import { search } from '../search.js';
import { incidentResult } from '../shapes.js';

const FILTERABLE = [
  'incidentKey', 'processInstanceKey', 'processDefinitionId', 'processDefinitionKey', 'elementId', 'elementInstanceKey', 'errorType',
  'state', 'jobKey', 'tenantId',
] as const;

export function incidentRoutes(engine: EmbeddedEngine): Router {
  const router = Router();
  const result = (i: Incident) => {
    const instance = engine.processInstance(i.instanceKey);
    return incidentResult(i, instance?.processId, instance?.processDefinitionKey);
  };

  router.post('/incidents/search', route(async (req, res) => {
    res.json(search(bodyOf(req), (await engine.incidents({})).map(result), FILTERABLE));
  }));

  router.get('/incidents/:key', route(async (req, res) => {
    const key = keyOf(req.params.key, 'incidentKey');
    const incident = (await engine.incidents({})).find((i) => i.key === key);
    if (!incident) throw notFound(`Incident with key '${key}' not found`);
    res.json(result(incident));
  }));

  router.post('/incidents/:key/resolution', route(async (req, res) => {
    await engine.resolveIncident(keyOf(req.params.key, 'incidentKey'));
    res.status(204).end();
  }));

  return router;
}
