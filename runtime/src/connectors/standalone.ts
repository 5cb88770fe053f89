/**
 * The standalone connector worker (`npm run connectors -- worker`), for scale-out: the runtime's
 * connector host without its HTTP server. It takes the runtime's configuration (DATABASE_URL,
 * ENGINE=zeebe and ZEEBE_*, CONNECTOR_SECRET_*) and uses the runtime's services directly on
 * the shared PostgreSQL database (agency connectors from CONNECTOR_MODULES too), so documents, audit events and inbox messages land exactly
 * where the runtime's own would; no extra API or credentials are needed.
 */
import { runConnectors, secretsFromEnv } from '@konstruktor/connectors';
import { createServices } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { openEngine } from '../process/engine-host.js';
import { Outbox } from '../bridge/outbox.js';
import { paymentProvidersFromEnv } from '../payments/payments-config.js';
import { createLogger } from '../runtime.js';
import { pinoConnectorLogger } from './host.js';
import { allConnectors } from './modules.js';
import { runtimePlatformServices } from './platform-services.js';

export class WorkerConfigError extends Error {}

export async function startConnectorWorker(env: NodeJS.ProcessEnv = process.env): Promise<{ close(): Promise<void> }> {
  const config = loadConfig(env);
  if (config.engine !== 'zeebe') {
    // The embedded engine lives inside one runtime process; a second process cannot share its jobs.
    throw new WorkerConfigError('ENGINE: separate connector workers need ENGINE=zeebe; with the embedded engine the runtime runs the connectors itself (CONNECTORS=embedded)');
  }
  if (!config.databaseUrl) throw new WorkerConfigError('DATABASE_URL: the worker keeps documents, audit events and inbox messages in the runtime\'s PostgreSQL database');
  const connectors = await allConnectors(env);
  // The payment connector creates orders at the bank itself: the same PAYMENT_BANK_* as the runtime's.
  const paymentProviders = paymentProvidersFromEnv(env, config.publicUrl);
  const logger = createLogger(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const engine = await openEngine(config);
  // Commands the connectors' work asks for (a payment's message) go through the outbox; the runtime sends them.
  const outbox = await Outbox.open(database.dataSource, logger);
  const services = createServices(database.dataSource, config, { bridge: { engine, outbox }, logger, env, paymentProviders });
  const worker = runConnectors({
    engine, connectors, services: runtimePlatformServices(services, engine),
    secrets: secretsFromEnv(env), logger: pinoConnectorLogger(logger), workerName: `konstruktor-connectors-${process.pid}`,
  });
  logger.info({ connectors: connectors.map((c) => c.id), engine: engine.name }, 'connector worker started');
  return {
    async close() {
      await worker.close();
      await outbox.stop();
      await engine.close();
      await database.close();
    },
  };
}
