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
const service = await startEngineService(config, {
  // A leader that lost its lease stops at once; a supervisor restarts it as a standby.
  onLeadershipLost: (reason) => {
    console.error(`engine: lost the lead (${reason.message}); stopping`);
    process.exit(3);
  },
});
const store = config.databaseUrl ? 'PostgreSQL' : config.dataDir === 'memory' ? 'memory' : `PGlite in ${config.dataDir}`;
process.stdout.write(`engine: Camunda 8 REST API at ${service.url}/v2 (${store}${config.testProfile ? ', test profile' : ''})\n`);
if (config.databaseUrl) {
  process.stdout.write('engine: on standby until it leads\n');
  service.leading.then(() => process.stdout.write('engine: leading\n'), (error: Error) => {
    console.error(`engine: could not take the lead: ${error.message}`);
    process.exit(1);
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void service.close().then(() => process.exit(0), () => process.exit(1));
  });
}
