/**
 * The connector worker: polls the engine for jobs of each connector's type and runs them.
 * One code path for both engines (EngineAdapter), for the runtime's in-process hosting and
 * for the standalone `npm run connectors -- worker` process.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { durationToMs, type EngineAdapter, type Job } from '@konstruktor/engine-adapter';
import { ConnectorError, NonRetryableError, type ConnectorContext, type ConnectorDefinition, type ConnectorLogger, type PlatformServices } from './contract.js';
import { defaultLogger, redactingLogger } from './logger.js';
import { createRedactor } from './redact.js';
import { errorFromExpression, resultVariables } from './result.js';
import { lookupSecret, resolveSecretReferences, SecretReferenceError, type SecretSource } from './secrets.js';
import { validateInput } from './validate.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a worker runs definitions of any input/output type
export type AnyConnector = ConnectorDefinition<any, any>;

export interface RunConnectorsOptions {
  engine: EngineAdapter;
  connectors: AnyConnector[];
  services: PlatformServices;
  secrets?: SecretSource;
  logger?: ConnectorLogger;
  /** Worker name shown by the engine; default `konstruktor-connectors-<pid>`. */
  workerName?: string;
  /** Jobs activated per connector and poll. */
  maxJobs?: number;
  /** Idle polling: starts at `min` ms after an empty poll and doubles up to `max`. */
  pollIntervalMs?: { min: number; max: number };
  /** Retry back-off after a failure: `initial` ms doubled per attempt, at most `max`. */
  retryBackOffMs?: { initial: number; max: number };
}

export interface ConnectorWorkerHandle {
  /** Stops polling, waits for the jobs in hand, then resolves. */
  close(): Promise<void>;
  /** Polls right away (e.g. after an instance was started) instead of waiting for the idle back-off. */
  wake(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;

/** Same for every attempt of one job, different for every job: a provider may deduplicate on it. */
export function idempotencyKeyOf(job: Pick<Job, 'key' | 'instanceKey' | 'elementInstanceKey' | 'type' | 'processId' | 'elementId'>): string {
  return createHash('sha256').update([job.type, job.processId, job.elementId, job.instanceKey, job.elementInstanceKey, job.key].join('\n')).digest('hex').slice(0, 32);
}

/** `PT30S`, `PT1M30S`, `P1D` (the `retryBackoff` task header of Camunda's connector templates) in ms; undefined if not such a duration. */
export function durationMs(iso: string): number | undefined {
  try {
    return durationToMs(iso.trim());
  } catch {
    return undefined;
  }
}

/** Back-off before the next attempt: the job had `retries` left out of the connector's configured number. */
export function retryBackOff(definition: AnyConnector, retriesLeft: number, options: { initial: number; max: number }): number {
  const attempt = Math.max(0, (definition.retries ?? DEFAULT_RETRIES) - retriesLeft);
  return Math.min(options.max, options.initial * 2 ** attempt);
}

export function runConnectors(options: RunConnectorsOptions): ConnectorWorkerHandle {
  const { engine, services } = options;
  const sink = options.logger ?? defaultLogger();
  const worker = options.workerName ?? `konstruktor-connectors-${process.pid}`;
  const maxJobs = options.maxJobs ?? 8;
  const poll = options.pollIntervalMs ?? { min: 50, max: 1_000 };
  const backOff = options.retryBackOffMs ?? { initial: 1_000, max: 60_000 };
  const ids = new Set<string>();
  for (const connector of options.connectors) {
    if (ids.has(connector.id)) throw new Error(`runConnectors: connector ${connector.id} is given twice`);
    ids.add(connector.id);
  }
  const workerLog = redactingLogger(sink, [], { worker });
  const inFlight = new Set<Promise<void>>();
  let closed = false;
  let wakeUp: (() => void) | null = null;
  let idleMs = poll.min;

  async function runJob(definition: AnyConnector, job: Job): Promise<void> {
    const headers = job.customHeaders ?? {};
    const secretValues = new Set<string>();
    for (const name of definition.secrets ?? []) {
      const value = lookupSecret(options.secrets, name);
      if (value !== undefined) secretValues.add(value);
    }
    const secrets = Object.fromEntries((definition.secrets ?? []).flatMap((name) => {
      const value = lookupSecret(options.secrets, name);
      return value === undefined ? [] : [[name, value]];
    }));
    const { applicationId, ...variables } = job.variables;
    let input: unknown;
    let unresolved: string | undefined;
    try {
      input = resolveSecretReferences(variables, options.secrets, secretValues);
    } catch (error) {
      if (!(error instanceof SecretReferenceError)) throw error;
      unresolved = error.message;
    }
    // Created once every secret value the job may carry is known.
    const logger = redactingLogger(sink, secretValues, { connector: definition.id, jobKey: job.key, instanceKey: job.instanceKey, elementId: job.elementId });
    if (unresolved) return fail(unresolved, 0);
    const checked = validateInput(definition.inputSchema, input);
    if (!checked.ok) return fail(createRedactor(secretValues).text(checked.message), 0);

    const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    const context: ConnectorContext = {
      idempotencyKey: idempotencyKeyOf(job), jobKey: job.key, instanceKey: job.instanceKey, processId: job.processId, elementId: job.elementId,
      applicationId: typeof applicationId === 'string' ? applicationId : undefined,
      secrets, logger, signal: controller.signal, services,
    };
    let output: Record<string, unknown>;
    try {
      const aborted = new Promise<never>((_resolve, reject) => {
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
      });
      output = (await Promise.race([definition.handler(checked.value, context), aborted])) ?? {};
    } catch (error) {
      return handleError(error);
    } finally {
      clearTimeout(timer);
    }

    let result: Record<string, unknown>;
    try {
      const mapped = errorFromExpression(headers, output);
      if (mapped) return throwBpmnError(mapped.code, mapped.message, mapped.variables);
      result = resultVariables(output, headers);
    } catch (error) {
      return fail(`result mapping failed: ${(error as Error).message}`, 0);
    }
    // An engine that cannot take the completion now lets the lease run out: the job comes back, same idempotency key.
    await engine.completeJob(job.key, result);
    logger.info('job completed');

    async function handleError(error: unknown): Promise<void> {
      const redact = createRedactor(secretValues);
      const code = error instanceof ConnectorError ? error.code : (error as { code?: unknown })?.code;
      const message = redact.text(error instanceof Error ? error.message : String(error));
      const variables = error instanceof ConnectorError ? error.variables : {};
      let mapped;
      try {
        mapped = errorFromExpression(headers, { error: { code: code === undefined ? null : String(code), message, variables } });
      } catch (expressionError) {
        return fail(`error mapping failed: ${(expressionError as Error).message}`, 0);
      }
      if (mapped) return throwBpmnError(mapped.code, mapped.message, mapped.variables);
      if (error instanceof ConnectorError) return throwBpmnError(error.code, message, redact.value(variables) as Record<string, unknown>);
      return fail(message, error instanceof NonRetryableError ? 0 : Math.max(0, job.retries - 1));
    }

    async function throwBpmnError(code: string, message: string, errorVariables: Record<string, unknown>): Promise<void> {
      logger.warn('job ended with a BPMN error', { errorCode: code, errorMessage: message });
      await engine.throwError(job.key, { errorCode: code, errorMessage: message, variables: errorVariables });
    }

    async function fail(message: string, retries: number): Promise<void> {
      const configured = headers.retryBackoff ? durationMs(headers.retryBackoff) : undefined;
      const wait = retries > 0 ? (configured ?? retryBackOff(definition, retries + 1, backOff)) : 0;
      logger.error('job failed', { errorMessage: message, retriesLeft: retries, retryBackOffMs: wait });
      await engine.failJob(job.key, { retries, errorMessage: message, retryBackOff: wait || undefined });
    }
  }

  function fetchVariablesOf(definition: AnyConnector): string[] | undefined {
    const properties = definition.inputSchema.properties;
    if (!properties || typeof properties !== 'object') return undefined;
    return [...Object.keys(properties), 'applicationId'];
  }

  async function pollOnce(): Promise<number> {
    let activated = 0;
    for (const definition of options.connectors) {
      if (closed) break;
      const jobs = await engine.activateJobs({
        type: definition.id, worker, maxJobs,
        timeout: (definition.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 10_000,
        fetchVariables: fetchVariablesOf(definition),
      });
      activated += jobs.length;
      for (const job of jobs) {
        const running = runJob(definition, job)
          .catch((error: unknown) => workerLog.error('could not report a job to the engine', { jobKey: job.key, errorMessage: (error as Error).message }))
          .finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
    }
    return activated;
  }

  const loop = (async () => {
    while (!closed) {
      let activated = 0;
      try {
        activated = await pollOnce();
        if (inFlight.size >= maxJobs * options.connectors.length) await Promise.race(inFlight);
      } catch (error) {
        workerLog.warn('polling the engine failed', { errorMessage: (error as Error).message });
      }
      if (activated > 0) {
        idleMs = poll.min;
        continue;
      }
      const woken = new Promise<void>((resolve) => { wakeUp = resolve; });
      await Promise.race([sleep(idleMs), woken]);
      wakeUp = null;
      idleMs = Math.min(poll.max, idleMs * 2);
    }
  })();

  return {
    wake() {
      idleMs = poll.min;
      wakeUp?.();
    },
    async close() {
      if (!closed) {
        closed = true;
        wakeUp?.();
      }
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
