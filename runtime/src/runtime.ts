import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino, type Logger } from 'pino';
import type { RuntimeConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { createApp, createServices, type AppOptions } from './app.js';
import type { Services } from './services.js';
import { oidcRouter } from './accounts/oidc-router.js';
import type { EngineAdapter } from '@konstruktor/engine-adapter';
import { engineReadiness, openEngine } from './process/engine-host.js';
import { Outbox } from './bridge/outbox.js';
import { sendCommand } from './bridge/engine-commands.js';
import { EngineProjection } from './bridge/engine-projection.js';
import { orderProjector } from './process/order-projection.js';
import { LiveEvents } from './events/live-events.js';
import type { ConnectorWorkerHandle } from '@konstruktor/connectors';
import { hostConnectors } from './connectors/host.js';
import { paymentProvidersFromEnv } from './payments/payments-config.js';
import { platformSealFromEnv, type PlatformSeal } from './receipts/platform-seal.js';
import { ReceiptSealer } from './receipts/receipt-sealer.js';

export interface Runtime {
  url: string;
  server: Server;
  database: Database;
  services: Services;
  engine: EngineAdapter;
  /** Commands to the engine, written with the changes that ask for them. */
  outbox: Outbox;
  /** Orders and the officials' inbox, kept from the engine's feed. */
  orders: EngineProjection;
  /** Changes pushed to the browsers connected here. */
  liveEvents: LiveEvents;
  /** The built-in connectors' job worker, when they run in this process (CONNECTORS=embedded, the default). */
  connectors: ConnectorWorkerHandle | null;
  logger: Logger;
  close(): Promise<void>;
}

/** Secrets that may pass through a log call; pino replaces them before writing. */
export const LOG_REDACTIONS = ['password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token', 'csrfToken', '*.csrfToken', 'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

export function createLogger(config: Pick<RuntimeConfig, 'logLevel'>, destination?: NodeJS.WritableStream): Logger {
  return pino({ level: config.logLevel, redact: { paths: LOG_REDACTIONS, censor: '[redacted]' } }, destination ?? process.stdout);
}

/**
 * Opens the database (running migrations), wires the services and listens. `env` is where the connector host (CONNECTOR_SECRET_*, CONNECTORS) and payments (PAYMENT_BANK_*)
 * read their settings; process.env when absent (`npm start` passes the sandboxes' settings here).
 */
export async function startRuntime(config: RuntimeConfig, options: {
  logger?: Logger; extraRouters?: AppOptions['extraRouters']; env?: NodeJS.ProcessEnv;
  /** An engine this runtime uses but does not own (replicas sharing one engine); else it opens its own from the config. */
  engine?: EngineAdapter;
} = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config);
  const env = options.env ?? process.env;
  const paymentProviders = paymentProvidersFromEnv(env, config.publicUrl);
  // Read before anything opens: a seal that cannot be read stops the start here.
  const seal = platformSealFromEnv(env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const engine = options.engine ?? await openEngine(config).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const closeEngine = () => (options.engine ? Promise.resolve() : engine.close());
  const outbox = await Outbox.open(database.dataSource, logger).catch(async (error: unknown) => {
    await closeEngine();
    await database.close();
    throw error;
  });
  const services = createServices(database.dataSource, config, { bridge: { engine, outbox }, logger, env, paymentProviders });
  const orders = new EngineProjection('orders', engine, database.dataSource, [orderProjector(services.tasks, services.informationRequests)], logger);
  const liveEvents = new LiveEvents(database.dataSource, database.notifications, logger);
  const stopBridge = async () => {
    await liveEvents.stop();
    await outbox.stop();
    await orders.stop();
  };
  const connectors = await (async () => {
    await liveEvents.start();
    await outbox.startDispatching((command) => sendCommand(engine, command), database.notifications);
    await orders.start();
    return hostConnectors({ engine, services, logger, env });
  })().catch(async (error: unknown) => {
    await stopBridge();
    await closeEngine();
    await database.close();
    throw error;
  });
  const reconciler = services.payments.start({ logger, reconcileEveryMs: 30_000 });
  const receiptSealer = await startReceiptSealer(seal, database, services, logger);
  const app = createApp({
    config, services, logger, env, liveEvents, readiness: [engineReadiness(engine)],
    extraRouters: [...(config.oidc ? [(api: Parameters<typeof oidcRouter>[0]['api']) => oidcRouter({ api, config, oidc: config.oidc!, services, logger })] : []), ...(options.extraRouters ?? [])],
  });
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands a listen error (EADDRINUSE…) to this callback rather than throwing.
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const purge = setInterval(() => {
    services.sessions.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'session purge failed'));
    services.loginThrottle.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'login throttle purge failed'));
    services.idempotencyKeys.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'idempotency key purge failed'));
    liveEvents.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'live event purge failed'));
    // Drafts past their retention; uploads never submitted (documents.ts says how long they wait).
    services.drafts.purgeExpired().then(() => services.documents.purgeUnattached()).catch((err: unknown) => logger.warn({ err }, 'draft and upload purge failed'));
  }, 10 * 60_000).unref();
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    server, database, services, engine, outbox, orders, liveEvents, connectors, logger,
    close() {
      closing ??= (async () => {
        clearInterval(purge);
        await stopBridge();
        await connectors?.close();
        await reconciler.stop();
        await receiptSealer?.stop();
        await services.personalSignatures.stop();
        await services.testRuns.closeAll();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await closeEngine();
        await database.close();
      })();
      return closing;
    },
  };
}

/**
 * Seals submission receipts in this process with the platform's seal (CONNECTOR_SECRET_SIGNING_*).
 * Without one, receipts are recorded and wait unsealed: said once, at start.
 */
async function startReceiptSealer(seal: PlatformSeal | null, database: Database, services: Services, logger: Logger): Promise<ReceiptSealer | null> {
  if (!seal) {
    logger.warn('submission receipts are recorded but not sealed: no platform seal (CONNECTOR_SECRET_SIGNING_KEY and CONNECTOR_SECRET_SIGNING_CERT)');
    return null;
  }
  const sealer = new ReceiptSealer(database.dataSource, { seal, forms: services.forms, documents: services.documents, audit: services.audit, logger });
  await sealer.start(database.notifications);
  return sealer;
}
