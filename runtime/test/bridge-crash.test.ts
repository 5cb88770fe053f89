/**
 * The process bridge survives kill -9 at any moment: a runtime takes orders, task completions
 * and payment webhooks while it is killed again and again (BRIDGE_CRASH_KILLS times: 200 on
 * PostgreSQL and 20 on PGlite in CI, 5 in a plain `npm test`), on PGlite or on the DATABASE_URL server. After the last restart every
 * stored order has exactly one engine instance, every task completed here was completed once in
 * the engine, and every paid order's message was taken exactly once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxBankEnv, startSandboxBank, type SandboxBank } from '@konstruktor/examples';
import { createTestDatabase } from './support/test-database.js';
import { freePort } from './support/free-port.js';

const CHILD = path.join(import.meta.dirname, 'crash', 'bridge-crash-child.ts');
const KILLS = Number(process.env.BRIDGE_CRASH_KILLS ?? 5);

describe('the process bridge across kill -9', () => {
  let bank: SandboxBank;
  let dir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let port: number;
  beforeAll(async () => {
    bank = await startSandboxBank();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-bridge-crash-'));
    database = await createTestDatabase();
    port = await freePort();
  });
  afterAll(async () => {
    await bank?.close();
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /**
   * One life of the child: killed `kill.afterMs` after it started (or after it said it was
   * ready, with `kill.afterReady`), or run to its end.
   */
  function life(env: Record<string, string>, kill?: { afterMs: number; afterReady: boolean }): Promise<{ output: string; killed: boolean }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
        env: { ...process.env, ...sandboxBankEnv(bank, 'bank'), ...env, CRASH_DIR: dir, CRASH_PORT: String(port), ...(database.url ? { DATABASE_URL: database.url } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let errors = '';
      let timer: NodeJS.Timeout | undefined;
      const killLater = () => { timer ??= setTimeout(() => child.kill('SIGKILL'), kill!.afterMs); };
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (kill?.afterReady && output.includes('ready')) killLater();
      });
      child.stderr.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
      if (kill && !kill.afterReady) killLater();
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (signal === 'SIGKILL') resolve({ output, killed: true });
        else if (code === 0) resolve({ output, killed: false });
        // The error's first line is what a CI summary shows: the child's last words on stderr.
        else reject(new Error(`the runtime exited with ${code}: ${errors.trim().split('\n').at(-1) ?? ''}\n${output.slice(-3000)}\n${errors.slice(-3000)}`));
      });
    });
  }

  it(`keeps every order, task and payment exactly once across ${KILLS} kills (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    let kills = 0;
    let lives = 0;
    while (kills < KILLS) {
      // Mostly while it works; one life in five somewhere in its start-up.
      const afterReady = Math.random() < 0.8;
      const { killed } = await life({}, { afterReady, afterMs: Math.floor(Math.random() * (afterReady ? 2500 : 3000)) });
      lives += 1;
      if (killed) kills += 1;
    }
    const { output } = await life({ CRASH_FINAL: '1' });
    const counts = JSON.parse(/done (.*)/.exec(output)![1]!) as Record<string, unknown>;
    // The counts, for the CI log and the closing note.
    console.error(`bridge crash test: ${kills} kills in ${lives} lives; ${JSON.stringify(counts)}`);
    expect(counts.orders).toBeGreaterThan(0);
    expect(counts).toMatchObject({
      ordersCompleted: counts.orders, ordersWithOneInstance: counts.orders, ordersWithoutInstance: 0, businessKeysWithTwoInstances: 0, instancesWithoutOrder: 0,
      tasksCompleted: counts.orders, tasksCompletedInEngine: counts.orders, tasksCompletedHereNotInEngine: 0,
      paidOrders: counts.orders, paymentMessagesTaken: counts.orders, instancesPaidTwice: 0,
    });
  }, 3 * 3600_000);
});
