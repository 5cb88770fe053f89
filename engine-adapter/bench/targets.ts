/**
 * The engines the bench compares: the embedded engine on PGlite (a temp folder) and on a
 * PostgreSQL server (a fresh database, dropped afterwards), and a Zeebe broker.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EngineAdapter } from '../src/contract.js';
import { createEmbeddedEngine } from '../src/embedded/index.js';
import { ZeebeEngine, zeebeOptionsFromEnv } from '../src/zeebe/index.js';

export interface Target {
  /** Column label, e.g. "embedded / PGlite". */
  label: string;
  embedded: boolean;
  open(): Promise<OpenTarget>;
}

export interface OpenTarget {
  engine: EngineAdapter;
  close(): Promise<void>;
}

/** Undo steps, newest first, whether the target was used or failed half-way. */
async function undo(steps: (() => Promise<unknown>)[]): Promise<void> {
  for (const step of steps.reverse()) await step().catch((error: unknown) => console.error('bench cleanup failed:', error));
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const pgliteTarget: Target = {
  label: 'embedded / PGlite',
  embedded: true,
  async open() {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'konstruktor-engine-bench-'));
    const steps: (() => Promise<unknown>)[] = [() => fs.rm(dataDir, { recursive: true, force: true })];
    try {
      const engine = await createEmbeddedEngine({ dataDir });
      steps.push(() => engine.close());
      return { engine, close: () => undo(steps) };
    } catch (error) {
      await undo(steps);
      throw error;
    }
  },
};

function postgresTarget(serverUrl: string): Target {
  return {
    label: 'embedded / PostgreSQL',
    embedded: true,
    async open() {
      const name = `konstruktor_engine_bench_${randomBytes(6).toString('hex')}`;
      await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
      const steps: (() => Promise<unknown>)[] = [() => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)];
      try {
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        const engine = await createEmbeddedEngine({ databaseUrl: url.toString() });
        steps.push(() => engine.close());
        return { engine, close: () => undo(steps) };
      } catch (error) {
        await undo(steps);
        throw error;
      }
    },
  };
}

const zeebeTarget: Target = {
  label: 'Zeebe 1 broker',
  embedded: false,
  async open() {
    const engine = new ZeebeEngine(zeebeOptionsFromEnv());
    return { engine, close: () => engine.close() };
  },
};

export interface TargetChoice {
  targets: Target[];
  /** Why a target is not run, and how to run it. */
  skipped: string[];
}

/** Every target the environment allows; BENCH_TARGETS (e.g. "pglite,zeebe") narrows the choice for quick trials. */
export function chooseTargets(env: NodeJS.ProcessEnv = process.env): TargetChoice {
  const wanted = new Set((env.BENCH_TARGETS ?? 'pglite,postgres,zeebe').split(',').map((name) => name.trim().toLowerCase()));
  const targets: Target[] = [];
  const skipped: string[] = [];
  if (wanted.has('pglite')) targets.push(pgliteTarget);
  const serverUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  if (!wanted.has('postgres')) skipped.push('embedded / PostgreSQL not chosen in BENCH_TARGETS');
  else if (serverUrl) targets.push(postgresTarget(serverUrl));
  else skipped.push('embedded / PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server whose user may CREATE DATABASE');
  if (!wanted.has('zeebe')) skipped.push('Zeebe not chosen in BENCH_TARGETS');
  else if (env.ZEEBE_REST_ADDRESS) targets.push(zeebeTarget);
  else skipped.push('Zeebe skipped: ZEEBE_REST_ADDRESS is not set (a licensed Camunda 8 cluster; the project never downloads the broker)');
  return { targets, skipped };
}
