import { Router } from 'express';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { invalidArgument, notFound, route } from '../problem.js';
import { bodyOf, keyOf } from '../request.js';
import { search } from '../search.js';
import type { VariableRecord } from '../../contract.js';
import { scopeOfVariableKey, variableResult } from '../shapes.js';

const FILTERABLE = ['variableKey', 'name', 'scopeKey', 'processInstanceKey', 'tenantId', 'isTruncated'] as const;

/** Variables are read per process instance: the search needs processInstanceKey. */
export function variableRoutes(engine: EmbeddedEngine): Router {
  const router = Router();
  const of = async (instanceKey: string) => numbered(await engine.variables(instanceKey)).map(([v, index]) => variableResult(v, instanceKey, index));

  router.post('/variables/search', route(async (req, res) => {
    const body = bodyOf(req);
    const filter = (body.filter ?? {}) as Record<string, unknown>;
    if (filter.processInstanceKey === undefined) {
      throw invalidArgument('This engine searches the variables of one process instance: filter by processInstanceKey.');
    }
    res.json(search(body, await of(keyOf(filter.processInstanceKey, 'processInstanceKey')), FILTERABLE));
  }));

  router.get('/variables/:key', route(async (req, res) => {
    const key = String(req.params.key);
    if (!/^\d{7,25}$/.test(key)) throw invalidArgument(`The provided variableKey '${key}' is not a valid key.`);
    const { scopeKey, index } = scopeOfVariableKey(key);
    const instanceKey = engine.variableScopeInstance(scopeKey);
    const found = instanceKey && numbered(await engine.variables(instanceKey, scopeKey)).find(([, i]) => i === index);
    if (!instanceKey || !found) throw notFound(`Variable with key '${key}' not found`);
    const { isTruncated: _t, ...variable } = variableResult(found[0], instanceKey, index);
    res.json(variable);
  }));

  return router;
}

/** Each variable with its place in its scope (the engine lists a scope's variables in the order they were created). */
function numbered(variables: VariableRecord[]): [VariableRecord, number][] {
  const next = new Map<string, number>();
  return variables.map((v) => {
    const index = next.get(v.scopeKey) ?? 0;
    next.set(v.scopeKey, index + 1);
    return [v, index];
  });
}
