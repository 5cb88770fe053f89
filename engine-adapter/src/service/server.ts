import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmbeddedEngine, type EmbeddedEngine } from '../embedded/index.js';
import { engineApi } from './app.js';
import type { EngineServiceConfig } from './config.js';
import { lead, type Leadership } from './leadership.js';

/** The version this engine reports in its topology: the Camunda API level it speaks. */
export const API_VERSION = '8.8.0-konstruktor';

export interface EngineService {
  url: string;
  /** Resolves once this process leads (at once without a PostgreSQL: nothing to share). */
  leading: Promise<void>;
  /** The engine, once leading. */
  readonly engine: EmbeddedEngine;
  close(): Promise<void>;
}

export interface EngineServiceHooks {
  /** The lease was lost while leading (the default stops serving; `npm run engine` exits). */
  onLeadershipLost?: (reason: Error) => void;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, ...(status === 503 ? { 'retry-after': '1' } : {}) }).end(JSON.stringify(body));
}

/**
 * Serves the v2 API. With a PostgreSQL, several processes may serve one database: one leads
 * (leadership.ts), the others answer 503 UNAVAILABLE until they take over, so a load balancer or
 * a retrying client reaches the leader. `/health` says the process is up, `/ready` whether it leads.
 */
export async function startEngineService(config: EngineServiceConfig, hooks: EngineServiceHooks = {}): Promise<EngineService> {
  const closing = new AbortController();
  const server = createServer();
  let api: Handler | undefined;
  let engine: EmbeddedEngine | undefined;
  let leadership: Leadership | undefined;

  const standby: Handler = (req, res) => {
    json(res, 503, {
      type: 'about:blank', title: 'UNAVAILABLE', status: 503, instance: (req.url ?? '').split('?')[0],
      detail: 'This engine process is on standby: another one leads. Try again (a load balancer sends you to the leader).',
    }, 'application/problem+json');
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/health') return json(res, 200, { status: 'UP', role: api ? 'leader' : 'standby' });
    if (path === '/ready') return api ? json(res, 200, { status: 'UP', role: 'leader' }) : json(res, 503, { status: 'STANDBY', role: 'standby' });
    (api ?? standby)(req, res);
  });
  // Workers keep connections open between long polls; don't let Node close them under a client.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;

  const stopServing = (reason: Error) => {
    api = undefined;
    void engine?.close().catch(() => undefined);
    (hooks.onLeadershipLost ?? (() => undefined))(reason);
  };

  const becomeLeader = async () => {
    if (config.databaseUrl) leadership = await lead(config.databaseUrl, stopServing, closing.signal);
    engine = await createEmbeddedEngine(config.databaseUrl
      ? { databaseUrl: config.databaseUrl, ...(leadership ? { epoch: leadership.epoch } : {}) }
      : { dataDir: config.dataDir });
    const app = engineApi({
      engine, auth: config.auth, testProfile: config.testProfile, maxInFlight: config.maxInFlight, bodyLimit: config.bodyLimit,
      version: API_VERSION, host: config.host, port: () => port, closing: closing.signal,
    });
    api = app as unknown as Handler;
  };

  const leading = becomeLeader();
  leading.catch(() => undefined); // a standby closed before it led
  // Without a shared database there is nothing to wait for: serve once the engine is loaded.
  if (!config.databaseUrl) await leading;

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    leading,
    get engine() {
      if (!engine) throw new Error('this engine process does not lead (yet)');
      return engine;
    },
    async close() {
      closing.abort();
      api = undefined;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await engine?.close();
      await leadership?.release();
    },
  };
}
