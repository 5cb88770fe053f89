import { Router } from 'express';
import type { UserTask } from '../../contract.js';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { OPEN_USER_TASK_STATES } from '../../rest-api.js';
import { invalidArgument, notFound, Problem, route } from '../problem.js';
import { bodyOf, keyOf, optionalString, variablesOf } from '../request.js';
import { search } from '../search.js';
import { userTaskResult } from '../shapes.js';

const FILTERABLE = [
  'userTaskKey', 'state', 'assignee', 'elementId', 'candidateGroup', 'candidateUser', 'processDefinitionId', 'processDefinitionKey',
  'processInstanceKey', 'elementInstanceKey', 'tenantId',
] as const;

export function userTaskRoutes(engine: EmbeddedEngine): Router {
  const router = Router();
  const result = (t: UserTask) => {
    const item = userTaskResult(t, engine.processInstance(t.instanceKey));
    // candidateGroup / candidateUser filter on the lists.
    return { ...item, candidateGroup: t.candidateGroups, candidateUser: t.candidateUsers };
  };
  const strip = ({ candidateGroup: _g, candidateUser: _u, ...item }: ReturnType<typeof result>) => item;

  router.post('/user-tasks/search', route(async (req, res) => {
    const body = bodyOf(req);
    const filter = (body.filter ?? {}) as Record<string, unknown>;
    // The instance narrows what is read from the history; everything else is filtered on the results.
    const instanceKey = typeof filter.processInstanceKey === 'string' ? filter.processInstanceKey : undefined;
    // Only open tasks wanted: those are in memory, no history needs reading.
    const state = filter.state as { $in?: unknown; $eq?: unknown } | string | undefined;
    const openOnly = state === 'CREATED' || (typeof state === 'object' && state !== null
      && ((state.$eq === 'CREATED') || (Array.isArray(state.$in) && state.$in.length > 0 && state.$in.every((s) => OPEN_USER_TASK_STATES.includes(String(s))))));
    const tasks = await engine.userTasks({ ...(instanceKey ? { instanceKey } : {}), ...(openOnly ? { state: 'CREATED' as const } : {}) });
    const found = search(body, tasks.map(result), FILTERABLE);
    res.json({ ...found, items: found.items.map(strip) });
  }));

  router.get('/user-tasks/:key', route(async (req, res) => {
    const key = keyOf(req.params.key, 'userTaskKey');
    const task = (await engine.userTasks({})).find((t) => t.key === key);
    if (!task) throw notFound(`User task with key '${key}' not found`);
    res.json(strip(result(task)));
  }));

  router.post('/user-tasks/:key/assignment', route(async (req, res) => {
    const body = bodyOf(req);
    const assignee = optionalString(body, 'assignee');
    if (!assignee) throw invalidArgument('No assignee provided.');
    const key = keyOf(req.params.key, 'userTaskKey');
    if (body.allowOverride === false) {
      // Reassigning is the default; refused only when the caller says so, as Camunda documents.
      const task = (await engine.userTasks({ state: 'CREATED' })).find((t) => t.key === key);
      if (task?.assignee) throw new Problem(409, 'INVALID_STATE', `Expected to assign user task with key '${key}', but it is already assigned to '${task.assignee}'`);
    }
    await engine.assignUserTask(key, assignee);
    res.status(204).end();
  }));

  router.delete('/user-tasks/:key/assignee', route(async (req, res) => {
    await engine.assignUserTask(keyOf(req.params.key, 'userTaskKey'), null);
    res.status(204).end();
  }));

  router.post('/user-tasks/:key/completion', route(async (req, res) => {
    const body = bodyOf(req);
    await engine.completeUserTask(keyOf(req.params.key, 'userTaskKey'), variablesOf(body));
    res.status(204).end();
  }));

  return router;
}
