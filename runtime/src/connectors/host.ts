/**
 * Embedded mode: every built-in connector runs in the runtime's process as a job worker on the
 * runtime's engine (with the agency's, CONNECTOR_MODULES). CONNECTORS=external turns this off when separate worker processes
 * (`npm run connectors -- worker`) do the work.
 */
import { runConnectors, secretsFromEnv, type ConnectorLogger, type ConnectorWorkerHandle } from '@konstruktor/connectors';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import type { Logger } from 'pino';
import type { Services } from '../services.js';
import { allConnectors } from './modules.js';
import { runtimePlatformServices } from './platform-services.js';

export type ConnectorsMode = 'embedded' | 'external';

export function connectorsMode(env: NodeJS.ProcessEnv = process.env): ConnectorsMode {
  const mode = env.CONNECTORS ?? 'embedded';
  if (mode !== 'embedded' && mode !== 'external') throw new Error(`CONNECTORS: expected embedded or external, got ${mode}`);
  return mode;
}

/** Connector log lines go to the runtime's pino logger (the worker has already redacted secrets). */
export function pinoConnectorLogger(logger: Logger): ConnectorLogger {
  const child = logger.child({ component: 'connectors' });
  return {
    debug: (message, details) => child.debug(details ?? {}, message),
    info: (message, details) => child.info(details ?? {}, message),
    warn: (message, details) => child.warn(details ?? {}, message),
    error: (message, details) => child.error(details ?? {}, message),
  };
}

/** Built-in connectors and those of CONNECTOR_MODULES, as job workers on the runtime's engine. */
export async function hostConnectors(options: { engine: EngineAdapter; services: Services; logger: Logger; env?: NodeJS.ProcessEnv }): Promise<ConnectorWorkerHandle | null> {
  if (connectorsMode(options.env) === 'external') return null;
  return runConnectors({
    engine: options.engine, connectors: await allConnectors(options.env), services: runtimePlatformServices(options.services, options.engine),
    secrets: secretsFromEnv(options.env), logger: pinoConnectorLogger(options.logger), workerName: `konstruktor-runtime-${process.pid}`,
  });
}
