import { Router } from 'express';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { invalidArgument, route } from '../problem.js';
import { bodyOf, checkTenant, keyOf, optionalInteger, optionalString, refuseUnsupported, requiredInteger, requiredString, variablesOf } from '../request.js';
import { activatedJob } from '../shapes.js';

/** A long poll with requestTimeout 0 waits this long, as the gateway's default does. */
const DEFAULT_LONG_POLL_MS = 10_000;
const LONGEST_POLL_MS = 300_000;
/** Retry back-offs and lease ends make jobs activatable without a commit: look again at least this often. */
const RECHECK_MS = 500;

export function jobRoutes(engine: EmbeddedEngine, closing: AbortSignal): Router {
  const router = Router();

  router.post('/jobs/activation', route(async (req, res) => {
    const body = bodyOf(req);
    checkTenant(body);
    const type = requiredString(body, 'type');
    const worker = optionalString(body, 'worker') ?? '';
    const maxJobs = requiredInteger(body, 'maxJobsToActivate', 1);
    const timeout = requiredInteger(body, 'timeout', 1);
    const fetchVariable = body.fetchVariable;
    if (fetchVariable !== undefined && fetchVariable !== null && (!Array.isArray(fetchVariable) || fetchVariable.some((v) => typeof v !== 'string'))) {
      throw invalidArgument('The provided fetchVariable must be a list of variable names.');
    }
    const requestTimeout = optionalInteger(body, 'requestTimeout') ?? 0;
    const waitMs = requestTimeout < 0 ? 0 : Math.min(requestTimeout === 0 ? DEFAULT_LONG_POLL_MS : requestTimeout, LONGEST_POLL_MS);

    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const deadline = Date.now() + waitMs;
    // An empty fetchVariable means every variable, as on a broker (the Java client always sends the list).
    const fetchVariables = Array.isArray(fetchVariable) && fetchVariable.length ? (fetchVariable as string[]) : undefined;
    const request = { type, worker, maxJobs, timeout, ...(fetchVariables ? { fetchVariables } : {}) };
    let jobs = await engine.activateJobs(request);
    // Long polling: wait for a commit (new jobs, failed ones) and try again, until the deadline.
    while (!jobs.length && Date.now() < deadline && !gone.signal.aborted && !closing.aborted) {
      await engine.nextCommit(Math.min(RECHECK_MS, deadline - Date.now()));
      // A client that went away gets nothing activated for it (its jobs would wait out their lease).
      if (gone.signal.aborted) return;
      jobs = await engine.activateJobs(request);
    }
    if (gone.signal.aborted && jobs.length) {
      // Activated for a client that left: give them back at once.
      await Promise.all(jobs.map((j) => engine.failJob(j.key, { retries: j.retries, errorMessage: 'the activating request was closed' }).catch(() => undefined)));
      return;
    }
    res.json({ jobs: jobs.map((j) => activatedJob(j, worker, engine.processInstance(j.instanceKey) ?? { processDefinitionKey: '-1', version: -1 })) });
  }));

  router.post('/jobs/:key/completion', route(async (req, res) => {
    const body = bodyOf(req);
    refuseUnsupported(body, ['result']);
    await engine.completeJob(keyOf(req.params.key, 'jobKey'), variablesOf(body));
    res.status(204).end();
  }));

  router.post('/jobs/:key/failure', route(async (req, res) => {
    const body = bodyOf(req);
    const jobKey = keyOf(req.params.key, 'jobKey');
    const retries = optionalInteger(body, 'retries', 0) ?? 0;
    const retryBackOff = optionalInteger(body, 'retryBackOff', 0);
    const errorMessage = optionalString(body, 'errorMessage');
    const variables = variablesOf(body);
    await engine.failJob(jobKey, {
      retries, ...(retryBackOff !== undefined ? { retryBackOff } : {}), ...(errorMessage !== undefined ? { errorMessage } : {}),
      ...(variables ? { variables } : {}),
    });
    res.status(204).end();
  }));

  router.post('/jobs/:key/error', route(async (req, res) => {
    const body = bodyOf(req);
    const jobKey = keyOf(req.params.key, 'jobKey');
    const errorCode = requiredString(body, 'errorCode');
    const errorMessage = optionalString(body, 'errorMessage');
    const variables = variablesOf(body);
    await engine.throwError(jobKey, { errorCode, ...(errorMessage !== undefined ? { errorMessage } : {}), ...(variables ? { variables } : {}) });
    res.status(204).end();
  }));

  router.patch('/jobs/:key', route(async (req, res) => {
    const body = bodyOf(req);
    const jobKey = keyOf(req.params.key, 'jobKey');
    const changeset = body.changeset;
    if (!changeset || typeof changeset !== 'object' || Array.isArray(changeset)) throw invalidArgument('No changeset provided.');
    const change = changeset as Record<string, unknown>;
    refuseUnsupported(change, ['timeout']);
    const retries = optionalInteger(change, 'retries', 0);
    if (retries === undefined) throw invalidArgument('At least one of [retries, timeout] is required.');
    await engine.updateJobRetries(jobKey, retries);
    res.status(204).end();
  }));

  return router;
}
