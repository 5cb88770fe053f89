import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError } from './db/database.js';
import { startRuntime } from './runtime.js';
import { DEMO_USERS, demoPassword, importExamplePackages, seedDemo } from './demo/seed.js';

/** `npm start`: the whole product on one machine, with demo data. */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await startRuntime(config);
  const lines = [`Konstruktor runtime ${runtime.url}  (database: ${runtime.database.description})`];
  if (config.demo.seed) {
    const password = await demoPassword(config.demo.password, config.dataDir);
    await seedDemo(runtime.database.dataSource, password);
    const imported = config.examplesDir ? await importExamplePackages(runtime.services, config.examplesDir, runtime.logger) : [];
    lines.push(
      `  API description  ${runtime.url}/api/openapi.json`,
      `  catalogue        ${runtime.url}/api/services`,
      `  health           ${runtime.url}/health/ready`,
      `  demo logins      ${DEMO_USERS.map((u) => u.username).join(', ')}`,
      `  demo password    ${password}${config.demo.password ? '  (from DEMO_PASSWORD)' : ''}`,
      `  log in with      curl -c jar -H 'content-type: application/json' -d '{"username":"citizen","password":"${password}"}' ${runtime.url}/api/session`,
    );
    if (imported.length) lines.push(`  example services ${imported.join(', ')}`);
  }
  console.log(lines.join('\n'));
  const stop = async () => {
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`Konstruktor cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
