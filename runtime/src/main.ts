import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError } from './db/database.js';
import { createLogger, startRuntime } from './runtime.js';
import { DEMO_USERS, demoPassword, importExamplePackages, seedDemo } from './demo/seed.js';
import { DESIGNER_APP } from '@konstruktor/designer';
import { ensureWebBuild, PORTAL, type WebApp } from './web/web-build.js';
import { sandboxesEnabled, startDemoSandboxes, type DemoSandboxes } from './demo/sandboxes.js';
import { oidcRedirectUri } from './accounts/oidc-router.js';

/** Builds each stale app in turn, saying what it built; a failure is reported, not thrown. */
async function buildWebApps(apps: WebApp[], signal: AbortSignal): Promise<void> {
  for (const app of apps) {
    if (signal.aborted) return;
    await ensureWebBuild(app, { signal }).then(
      (result) => { if (result === 'built') console.log(`The ${app.name} was built into ${path.relative(process.cwd(), app.dist)}`); },
      (error: unknown) => { if (!signal.aborted) console.error(`The ${app.name} could not be built: ${(error as Error).message}`); },
    );
  }
}

/** `npm start`: the whole product on one machine, with demo data. */
async function main(): Promise<void> {
  const config = loadConfig();
  // A fresh clone has no built portal or designer: build them (one after the other, each a
  // CPU-bound Vite run) while the runtime starts, rather than serve nothing. A failed build
  // leaves the API running and that app's pages say it is not built; a runtime that cannot
  // start stops the builds, so a wrong DATABASE_URL still fails fast.
  const stopBuilds = new AbortController();
  const builds = buildWebApps([PORTAL, DESIGNER_APP], stopBuilds.signal);
  // The sandboxes' settings reach the connectors and payments through startRuntime's env; they win
  // over the environment's so a demo never mixes a real bank address with a sandbox key. The eID
  // gateway is the other way round: started only when OIDC_ISSUER names no real one, and handed
  // to the runtime in memory (its client secret is in no environment and no printout).
  const logger = createLogger(config);
  const started = (async () => {
    const sandboxes: DemoSandboxes | undefined = sandboxesEnabled()
      ? await startDemoSandboxes({ dataDir: config.dataDir, logger, eidRedirectUri: config.oidc ? undefined : oidcRedirectUri(config.publicUrl) })
      : undefined;
    const runtime = await startRuntime({ ...config, oidc: config.oidc ?? sandboxes?.oidc }, { logger, env: { ...process.env, ...sandboxes?.env } }).catch(async (error: unknown) => {
      await sandboxes?.close();
      throw error;
    });
    return { sandboxes, runtime };
  })();
  const { sandboxes, runtime } = await started.catch(async (error: unknown) => {
    stopBuilds.abort();
    await builds;
    throw error;
  });
  await builds;
  const lines = [`Konstruktor runtime ${runtime.url}  (database: ${runtime.database.description})`];
  if (config.demo.seed) {
    const password = await demoPassword(config.demo.password, config.dataDir);
    await seedDemo(runtime.database.dataSource, password);
    const imported = config.examplesDir ? await importExamplePackages(runtime.services, config.examplesDir, runtime.logger) : [];
    lines.push(
      `  citizen portal   ${runtime.url}/`,
      `  designer         ${runtime.url}/designer/  (log in as analyst with the demo password)`,
      `  workspace        ${runtime.url}/workspace/  (officials: log in as official, official2 or supervisor)`,
      `  API description  ${runtime.url}/api/openapi.json`,
      `  catalogue        ${runtime.url}/api/services`,
      `  health           ${runtime.url}/health/ready`,
      `  demo logins      ${DEMO_USERS.map((u) => u.username).join(', ')}`,
      `  demo password    ${password}${config.demo.password ? '  (from DEMO_PASSWORD)' : ''}`,
      `  log in with      curl -c jar -H 'content-type: application/json' -d '{"username":"citizen","password":"${password}"}' ${runtime.url}/api/session`,
    );
    if (imported.length) lines.push(`  example services ${imported.join(', ')}`);
  }
  lines.push(sandboxes ? `  sandboxes (loopback; SANDBOXES=off leaves them out)\n${sandboxes.urls.map(([name, url]) => `    ${name.padEnd(20)} ${url}`).join('\n')}` : '  sandboxes        off');
  console.log(lines.join('\n'));
  // A signal may arrive twice (from the terminal's process group and relayed by tsx): the second
  // must not cut the first's graceful close short.
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await runtime.close();
      await sandboxes?.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`Konstruktor cannot start: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
