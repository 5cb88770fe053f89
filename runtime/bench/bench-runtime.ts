import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServerDatabase } from '../test/support/test-database.js';
import { loadConfig } from '../src/config.js';
import { startRuntime, type Runtime } from '../src/runtime.js';
import { seedDemo } from '../src/demo/seed.js';
import { insertBulkApplications, type BulkSpec } from './bulk-data.js';
import { acceptTerms, login, publishBenchService, type Session } from './http-session.js';

export type DatabaseKind = 'PGlite' | 'PostgreSQL';

export interface Target {
  database: DatabaseKind;
  /** Server to create the bench database on (PostgreSQL only). */
  serverUrl?: string;
}

/** A runtime listening on loopback, filled with data, and a citizen session to drive it with. */
export interface BenchRuntime {
  database: DatabaseKind;
  runtime: Runtime;
  citizen: Session;
  serviceCode: string;
  applications: number;
  /** The demo accounts' password, for a bench that logs in as another of them. */
  password: string;
  close(): Promise<void>;
}

export const BENCH_SERVICE = 'bench-outdoor-trading';

/** Undo steps run newest first, whether the bench finished or failed half-way through setup. */
class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>): void {
    this.steps.unshift(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.splice(0)) await step().catch((error: unknown) => console.error('bench cleanup failed:', error));
  }
}

async function startOn(target: Target, cleanup: Cleanup): Promise<Runtime> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'konstruktor-bench-'));
  cleanup.add(() => fs.rm(dataDir, { recursive: true, force: true }));
  let databaseUrl: string | undefined;
  if (target.serverUrl) {
    const database = await createServerDatabase(target.serverUrl, 'konstruktor_bench');
    cleanup.add(() => database.drop());
    databaseUrl = database.url;
  }
  // Built from scratch, not from process.env, so a DATABASE_URL in the shell cannot leak into the PGlite run.
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', EXAMPLES_DIR: 'none', DATABASE_URL: databaseUrl });
  const runtime = await startRuntime(config);
  cleanup.add(() => runtime.close());
  return runtime;
}

/** Starts the runtime on the target database and brings it to the state the load needs. */
export async function prepareRuntime(target: Target, bulk: Omit<BulkSpec, 'serviceCode' | 'benchCitizen' | 'official'>): Promise<BenchRuntime> {
  const cleanup = new Cleanup();
  try {
    const runtime = await startOn(target, cleanup);
    const password = randomBytes(12).toString('base64url');
    await seedDemo(runtime.database.dataSource, password);
    const analyst = await login(runtime.url, 'analyst', password);
    await publishBenchService(runtime.url, analyst, BENCH_SERVICE);
    const citizen = await login(runtime.url, 'citizen', password);
    await acceptTerms(runtime.url, citizen);
    const applications = await insertBulkApplications(runtime.database.dataSource, {
      ...bulk, serviceCode: BENCH_SERVICE, benchCitizen: 'citizen', official: 'official',
    });
    return { database: target.database, runtime, citizen, serviceCode: BENCH_SERVICE, applications, password, close: () => cleanup.run() };
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}
