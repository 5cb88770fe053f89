/**
 * The engines the bench compares: the embedded engine in-process on PGlite (a temp folder) and on
 * a PostgreSQL server (a fresh database, dropped afterwards); our engine service as a process of
 * its own, reached over the Camunda 8 REST API by the official Node client (as a licensed cluster
 * would be); and a licensed Camunda 8 cluster when one is named.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { EngineAdapter } from '../src/contract.js';
import { createEmbeddedEngine } from '../src/embedded/index.js';
import { ZeebeEngine, zeebeOptionsFromEnv } from '../src/zeebe/index.js';

export interface Target {
  /** Column label, e.g. "embedded / PGlite". */
  label: string;
  embedded: boolean;
  kind: 'embedded' | 'rest' | 'cluster';
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

/** A fresh database on the server for one bench target (Operaton's too): its name, its URL, and how to drop it. */
export async function freshDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: URL; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url, drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const pgliteTarget: Target = {
  label: 'embedded / PGlite',
  embedded: true,
  kind: 'embedded',
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
    kind: 'embedded',
    async open() {
      const database = await freshDatabase(serverUrl, 'konstruktor_engine_bench');
      const steps: (() => Promise<unknown>)[] = [() => database.drop()];
      try {
        const engine = await createEmbeddedEngine({ databaseUrl: database.url.toString() });
        steps.push(() => engine.close());
        return { engine, close: () => undo(steps) };
      } catch (error) {
        await undo(steps);
        throw error;
      }
    },
  };
}

const SERVICE_MAIN = fileURLToPath(new URL('../src/service/main.ts', import.meta.url));

/** `npm run engine` as a child process (on a fresh PostgreSQL database when there is a server, else PGlite), and the REST adapter. */
function restTarget(serverUrl: string | undefined): Target {
  return {
    label: `engine service over REST / ${serverUrl ? 'PostgreSQL' : 'PGlite'}`,
    embedded: false,
    kind: 'rest',
    async open() {
      const steps: (() => Promise<unknown>)[] = [];
      try {
        const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', ENGINE_BASIC_AUTH: 'bench:a-long-bench-password' };
        if (serverUrl) {
          const database = await freshDatabase(serverUrl, 'konstruktor_engine_bench');
          steps.push(() => database.drop());
          env.DATABASE_URL = database.url.toString();
        } else {
          const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'konstruktor-engine-bench-'));
          steps.push(() => fs.rm(dataDir, { recursive: true, force: true }));
          env.DATA_DIR = dataDir;
        }
        const child = spawn(process.execPath, ['--import', 'tsx', SERVICE_MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
        steps.push(() => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }));
        const address = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const found = /API at (http:\/\/[^/\s]+)\/v2/.exec(out);
            if (found && (!serverUrl || out.includes('engine: leading'))) resolve(found[1]!);
          });
          child.once('exit', (code) => reject(new Error(`the engine service ended (${code}): ${out}`)));
        });
        const engine = new ZeebeEngine({ restAddress: address, basic: { username: 'bench', password: 'a-long-bench-password' } });
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
  label: 'Camunda 8 cluster',
  embedded: false,
  kind: 'cluster',
  async open() {
    const engine = new ZeebeEngine(zeebeOptionsFromEnv());
    return { engine, close: () => engine.close() };
  },
};

export interface TargetChoice {
  targets: Target[];
  /** The PostgreSQL server Operaton runs on, when chosen (BENCH_TARGETS has operaton) and given. */
  operatonServer?: string;
  /** Why a target is not run, and how to run it. */
  skipped: string[];
}

/** Every target the environment allows; BENCH_TARGETS (e.g. "pglite,zeebe") narrows the choice for quick trials. */
export function chooseTargets(env: NodeJS.ProcessEnv = process.env): TargetChoice {
  const wanted = new Set((env.BENCH_TARGETS ?? 'pglite,postgres,rest,operaton,zeebe').split(',').map((name) => name.trim().toLowerCase()));
  const targets: Target[] = [];
  const skipped: string[] = [];
  if (wanted.has('pglite')) targets.push(pgliteTarget);
  const serverUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  if (!wanted.has('postgres')) skipped.push('embedded / PostgreSQL not chosen in BENCH_TARGETS');
  else if (serverUrl) targets.push(postgresTarget(serverUrl));
  else skipped.push('embedded / PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server whose user may CREATE DATABASE');
  if (wanted.has('rest')) targets.push(restTarget(serverUrl || undefined));
  else skipped.push('engine service over REST not chosen in BENCH_TARGETS');
  if (!wanted.has('zeebe')) skipped.push('Zeebe not chosen in BENCH_TARGETS');
  else if (env.ZEEBE_REST_ADDRESS) targets.push(zeebeTarget);
  else skipped.push('Zeebe skipped: ZEEBE_REST_ADDRESS is not set (a licensed Camunda 8 cluster; the project never downloads the broker)');
  let operatonServer: string | undefined;
  if (!wanted.has('operaton')) skipped.push('Operaton not chosen in BENCH_TARGETS');
  else if (serverUrl) operatonServer = serverUrl;
  else skipped.push('Operaton skipped: it runs on the PostgreSQL server of BENCH_DATABASE_URL (or DATABASE_URL)');
  return { targets, skipped, ...(operatonServer ? { operatonServer } : {}) };
}
