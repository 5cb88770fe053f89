import { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { loadConfig, type RuntimeConfig } from '../../src/config.js';
import { createLogger, startRuntime, type Runtime } from '../../src/runtime.js';
import { seedDemo } from '../../src/demo/seed.js';
import { ApiClient } from './api-client.js';
import { createTestDatabase } from './test-database.js';
import { servicePackage } from './fixtures.js';
import { AgencyEntity } from '../../src/accounts/agency.entity.js';
import { UserEntity, type User } from '../../src/accounts/user.entity.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import type { Role } from '../../src/common/schemas.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestRuntime {
  runtime: Runtime;
  url: string;
  /** The test's own database on the DATABASE_URL server; undefined on PGlite. */
  databaseUrl: string | undefined;
  /** Everything the runtime logged, for asserting that no secret leaks. */
  logs: string[];
  anonymous(): ApiClient;
  as(username: string): Promise<ApiClient>;
  /** Row counts of every table plus the audit head: equal snapshots mean nothing changed. */
  snapshot(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A real runtime on a loopback port, with a fresh database (PGlite, or a new database on the
 * DATABASE_URL server), the demo agencies and users seeded, all logs captured.
 */
export async function startTestRuntime(overrides: Partial<RuntimeConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestRuntime> {
  const database = await createTestDatabase();
  const config: RuntimeConfig = {
    // CI runs the suites again on Zeebe with ENGINE=zeebe (and its ZEEBE_* settings).
    ...loadConfig({ PORT: '0', DATA_DIR: 'memory', LOG_LEVEL: 'info', EXAMPLES_DIR: 'none', ENGINE: process.env.ENGINE, ...env }),
    databaseUrl: database.url,
    ...overrides,
  };
  const logs: string[] = [];
  const sink = new Writable({ write(chunk, _encoding, done) { logs.push(String(chunk)); done(); } });
  // `env` also reaches the connector host and payments (CONNECTOR_SECRET_*, PAYMENT_BANK_*).
  const runtime = await startRuntime(config, { logger: createLogger(config, sink), env: { ...process.env, ...env } });
  await seedDemo(runtime.database.dataSource, TEST_PASSWORD);
  const url = runtime.url;
  return {
    runtime,
    url,
    databaseUrl: database.url,
    logs,
    anonymous: () => new ApiClient(url),
    as: (username) => new ApiClient(url).login(username, TEST_PASSWORD),
    async snapshot() {
      const tables = (await runtime.database.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name`,
      )) as { table_name: string }[];
      const counts: Record<string, string> = {};
      for (const { table_name } of tables) {
        const [row] = (await runtime.database.dataSource.query(`SELECT count(*)::text AS n FROM "${table_name}"`)) as { n: string }[];
        counts[table_name] = row!.n;
      }
      const [head] = (await runtime.database.dataSource.query('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1')) as { hash: string }[];
      counts.auditHead = head?.hash ?? '';
      return counts;
    },
    async close() {
      await runtime.close();
      await database.drop();
    },
  };
}

/** Imports and publishes a service package as the demo analyst; returns the service code. */
export async function publishService(t: TestRuntime, overrides: Record<string, unknown> = {}): Promise<string> {
  const analyst = await t.as('analyst');
  const pkg = servicePackage(overrides);
  const imported = await analyst.post('/api/service-packages', pkg.upload);
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const published = await analyst.post(`/api/services/${pkg.code}/versions/${pkg.version}/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return pkg.code;
}

/** Imports and publishes, as an analyst, a service whose package is a card and one process. */
export async function publishProcessService(
  t: TestRuntime,
  { code, processId, bpmn, title = 'Test service', price = 'free' }: { code: string; processId: string; bpmn: string; title?: string; price?: unknown },
): Promise<void> {
  const card = { code, version: '1.0.0', title: { en: title }, provider: 'kaunas-city', audience: ['citizens'], price, interactivityLevel: 4, onlineOrder: true, process: { file: 'process.bpmn', processId } };
  const analyst = await t.as('analyst');
  const imported = await analyst.post('/api/service-packages', { files: { 'service.yaml': stringify(card), 'process.bpmn': bpmn } });
  if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const published = await analyst.post(`/api/services/${code}/versions/1.0.0/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
}

/** A citizen session that has accepted the current terms of use. */
export async function citizen(t: TestRuntime, username = 'citizen'): Promise<ApiClient> {
  const client = await t.as(username);
  const accepted = await client.post('/api/me/terms/1/accept');
  if (accepted.status !== 204) throw new Error(`terms not accepted: ${JSON.stringify(accepted.body)}`);
  return client;
}

/** Adds an account beside the demo ones (e.g. an official of another agency). */
export async function createUser(t: TestRuntime, spec: { username: string; roles: Role[]; agency?: string; groups?: string[]; personalCode?: string }): Promise<User> {
  const db = t.runtime.database.dataSource;
  const agency = spec.agency ? await db.getRepository(AgencyEntity).findOneByOrFail({ code: spec.agency }) : null;
  return db.getRepository(UserEntity).save({
    username: spec.username, displayName: spec.username, email: null, personalCode: spec.personalCode ?? null, oidcSubject: null,
    passwordHash: await hashPassword(TEST_PASSWORD), roles: spec.roles, agencyId: agency?.id ?? null, groups: spec.groups ?? [], disabledAt: null,
  });
}
