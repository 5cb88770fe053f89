import { Router } from 'express';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { invalidArgument, notFound, route } from '../problem.js';
import { bodyOf, checkTenant, keyOf, optionalInteger, optionalString, refuseUnsupported, variablesOf } from '../request.js';
import { search } from '../search.js';
import { businessKeyOf } from '../../rest-api.js';
import { processInstanceResult } from '../shapes.js';

const FILTERABLE = [
  'processInstanceKey', 'processDefinitionId', 'processDefinitionKey', 'processDefinitionVersion', 'state', 'hasIncident',
  'parentProcessInstanceKey', 'parentElementInstanceKey', 'tenantId', 'tags',
] as const;

export function processInstanceRoutes(engine: EmbeddedEngine): Router {
  const router = Router();

  router.post('/process-instances', route(async (req, res) => {
    const body = bodyOf(req);
    checkTenant(body);
    refuseUnsupported(body, ['startInstructions', 'runtimeInstructions', 'awaitCompletion', 'fetchVariables', 'operationReference']);
    let processId = optionalString(body, 'processDefinitionId');
    let version = optionalInteger(body, 'processDefinitionVersion', -1);
    if (body.processDefinitionKey !== undefined && body.processDefinitionKey !== null) {
      const key = keyOf(body.processDefinitionKey, 'processDefinitionKey');
      const definition = engine.processDefinitions().find((d) => d.key === key);
      if (!definition) throw notFound(`Expected to find process definition with key '${key}', but none found`);
      ({ processId, version } = { processId: definition.processId, version: definition.version });
    }
    if (!processId) throw invalidArgument('At least one of [processDefinitionId, processDefinitionKey] is required.');
    const variables = variablesOf(body) ?? {};
    // The business key the REST adapter sends as a tag: one instance per key, as in-process.
    const businessKey = businessKeyOf(body.tags) ?? undefined;
    const created = await engine.createInstance({
      processId, ...(version !== undefined && version !== -1 ? { version } : {}), variables, ...(businessKey !== undefined ? { businessKey } : {}),
    });
    res.json({
      processInstanceKey: created.instanceKey, processDefinitionKey: created.processDefinitionKey, processDefinitionId: created.processId,
      processDefinitionVersion: created.version, tenantId: '<default>', variables: {}, tags: Array.isArray(body.tags) ? body.tags : [],
    });
  }));

  router.post('/process-instances/:key/cancellation', route(async (req, res) => {
    await engine.cancelInstance(keyOf(req.params.key, 'processInstanceKey'));
    res.status(204).end();
  }));

  router.post('/process-instances/search', route(async (req, res) => {
    const body = bodyOf(req);
    const withIncident = new Set((await engine.incidents({ state: 'ACTIVE' })).map((i) => i.instanceKey));
    // One instance asked for by key (what the REST adapter's instance() does): no scan of them all.
    const byKey = (body.filter as { processInstanceKey?: unknown } | undefined)?.processInstanceKey;
    const candidates = typeof byKey === 'string' ? [engine.processInstance(keyOf(byKey, 'processInstanceKey'))].filter((i) => i !== undefined) : engine.processInstances();
    res.json(search(body, candidates.map((i) => processInstanceResult(i, withIncident.has(i.instanceKey))), FILTERABLE));
  }));

  router.get('/process-instances/:key', route(async (req, res) => {
    const key = keyOf(req.params.key, 'processInstanceKey');
    const found = engine.processInstance(key);
    if (!found) throw notFound(`Process instance with key '${key}' not found`);
    const incidents = await engine.incidents({ instanceKey: key, state: 'ACTIVE' });
    res.json(processInstanceResult(found, incidents.length > 0));
  }));

  return router;
}
