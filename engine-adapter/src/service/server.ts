import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmbeddedEngine, type EmbeddedEngine } from '../embedded/index.js';
import { engineApi } from './app.js';
import type { EngineServiceConfig } from './config.js';

/** The version this engine reports in its topology: the Camunda API level it speaks. */
export const API_VERSION = '8.8.0-konstruktor';

export interface EngineService {
  url: string;
  engine: EmbeddedEngine;
  close(): Promise<void>;
}

/** Opens the engine's store and serves the v2 API until closed. */
export async function startEngineService(config: EngineServiceConfig): Promise<EngineService> {
  const engine = await createEmbeddedEngine(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  const closing = new AbortController();
  const server: Server = createServer();
  const app = engineApi({
    engine, auth: config.auth, testProfile: config.testProfile, maxInFlight: config.maxInFlight, bodyLimit: config.bodyLimit,
    version: API_VERSION, host: config.host, port: () => (server.address() as AddressInfo | null)?.port ?? config.port, closing: closing.signal,
  });
  server.on('request', app);
  // Workers keep connections open between long polls; don't let Node close them under a client.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    engine,
    async close() {
      closing.abort();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await engine.close();
    },
  };
}
