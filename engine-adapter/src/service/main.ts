/** `npm run engine`: the engine service, configured from the environment. */
import { ConfigError, engineServiceConfigFromEnv } from './config.js';
import { startEngineService } from './server.js';

let config;
try {
  config = engineServiceConfigFromEnv();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`engine: ${error.message}`);
  process.exit(2);
}
const service = await startEngineService(config);
const store = config.databaseUrl ? 'PostgreSQL' : config.dataDir === 'memory' ? 'memory' : `PGlite in ${config.dataDir}`;
process.stdout.write(`engine: Camunda 8 REST API at ${service.url}/v2 (${store}${config.testProfile ? ', test profile' : ''})\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void service.close().then(() => process.exit(0), () => process.exit(1));
  });
}
