/**
 * npm run bench:engine — the reference citizen service (engine-adapter/bench/reference-process.ts)
 * side by side on: the embedded engine in-process (PGlite; PostgreSQL when BENCH_DATABASE_URL or
 * DATABASE_URL is set), our engine service over REST with the official Node client's workers,
 * Operaton on the same PostgreSQL (bench/operaton.ts), and a licensed Camunda 8 cluster when
 * ZEEBE_REST_ADDRESS names one: completed instances per second,
 * latency from order to completion, and, for the embedded engine, heap per instance.
 * Targets of the issue are reported, not asserted. Exits non-zero only if commands failed.
 *
 * Knobs: BENCH_INSTANCES (embedded, 5000), BENCH_ZEEBE_INSTANCES (over REST, Operaton, cluster: 1000), BENCH_WAITING (5000),
 * BENCH_IN_FLIGHT (200), BENCH_TIME_LIMIT_SECONDS (per phase, 240), BENCH_TARGETS (pglite,postgres,rest,operaton,zeebe).
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { EngineAdapter } from '../src/contract.js';
import { drive, type DriveOptions, type DriveResult } from './drive.js';
import { heapAfterGc } from './memory.js';
import { referenceProcess, type ReferenceProcess } from './reference-process.js';
import { ratios, resultsTable, targetLines, type Row } from './report.js';
import { benchOperaton } from './operaton.js';
import { chooseTargets, type Target } from './targets.js';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

const SETTINGS = {
  // Thousands: a run of a few seconds is at the mercy of whatever else the machine does.
  embeddedInstances: envInt('BENCH_INSTANCES', 5000),
  // One broker on these 2 cores is much slower: fewer instances keep its run within minutes.
  zeebeInstances: envInt('BENCH_ZEEBE_INSTANCES', 1000),
  waiting: envInt('BENCH_WAITING', 5000),
  // Enough to JIT the hot paths and open connections; Zeebe's warm-up takes long on a busy machine.
  warmup: { embedded: 200, zeebe: 50 },
  inFlight: envInt('BENCH_IN_FLIGHT', 200),
  timeLimitMs: envInt('BENCH_TIME_LIMIT_SECONDS', 240) * 1000,
};

/** Same workers for every engine; Zeebe's workers poll less eagerly (each poll is an HTTP request). */
function driveOptions(target: Target, instances: number, goal: DriveOptions['goal']): DriveOptions {
  return {
    instances, goal, inFlight: Math.min(SETTINGS.inFlight, instances), timeLimitMs: SETTINGS.timeLimitMs,
    batch: 32, workersPerType: 2, idleMs: target.embedded ? 2 : 10, messageTtlMs: 30_000,
  };
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

/** A few instances, spread over the run, must really be COMPLETED (Zeebe's history lags: poll a while). */
async function checkCompleted(engine: EngineAdapter, keys: string[]): Promise<string> {
  const deadline = Date.now() + 15_000;
  let completed = 0;
  for (const key of keys) {
    for (;;) {
      const info = await engine.instance(key).catch(() => null);
      if (info?.state === 'COMPLETED') {
        completed += 1;
        break;
      }
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return `${completed}/${keys.length}`;
}

function describe(phase: string, result: DriveResult): string {
  const rate = (result.done / result.elapsedMs) * 1000;
  return `  ${phase}: ${result.done}/${result.started} in ${(result.elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(0)}/s)`
    + `${result.timedOut ? ', TIMED OUT' : ''}${result.errors.length ? `, ${result.errors.length} errors: ${result.errors.slice(0, 3).join('; ')}` : ''}`
    + `${result.retries ? `, retried: ${result.retryReasons.join('; ')}` : ''}`;
}

/**
 * Warm-up (JIT, connections; not counted), the throughput run, then for the embedded engine the
 * heap: kept per completed instance, and per instance left waiting at the payment message.
 */
async function benchTarget(target: Target, reference: ReferenceProcess, run: string): Promise<Row> {
  const instances = target.embedded ? SETTINGS.embeddedInstances : SETTINGS.zeebeInstances;
  console.log(`\n${target.label}: ${instances} instances, ${Math.min(SETTINGS.inFlight, instances)} in flight (load average ${loadAverage()})`);
  const { engine, close } = await target.open();
  try {
    await engine.deploy([reference.resource]);
    console.log(describe('warm-up', await drive(engine, reference, driveOptions(target, target.embedded ? SETTINGS.warmup.embedded : SETTINGS.warmup.zeebe, 'complete'), `${run}-w`)));
    const before = target.embedded ? await heapAfterGc() : 0;
    const throughput = await drive(engine, reference, driveOptions(target, instances, 'complete'), `${run}-t`);
    console.log(describe('throughput', throughput));
    const row: Row = { label: target.label, embedded: target.embedded, kind: target.kind, inFlight: Math.min(SETTINGS.inFlight, instances), throughput, checked: await checkCompleted(engine, throughput.sample) };
    if (!target.embedded) return row;

    const afterCompleted = await heapAfterGc();
    row.keptPerCompleted = (afterCompleted - before) / Math.max(throughput.done, 1);
    const waiting = await drive(engine, reference, driveOptions(target, SETTINGS.waiting, 'wait-at-message'), `${run}-m`);
    console.log(describe('waiting at the message', waiting));
    row.perWaiting = ((await heapAfterGc()) - afterCompleted) / Math.max(waiting.done, 1);
    row.waiting = waiting.done;
    row.throughput.errors.push(...waiting.errors);
    return row;
  } finally {
    await close();
  }
}

async function main(): Promise<number> {
  console.log(`Konstruktor engine bench — Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverage()}`);
  if (os.loadavg()[0]! > os.cpus().length / 2) console.log('  note: the machine is already busy; expect pessimistic figures');
  const run = randomUUID().slice(0, 8);
  const reference = referenceProcess(run);
  const { targets, skipped, operatonServer } = chooseTargets();
  const rows: Row[] = [];
  for (const target of targets) {
    try {
      rows.push(await benchTarget(target, reference, run));
    } catch (error) {
      console.error(`${target.label} failed:`, error);
      rows.push({ label: target.label, embedded: target.embedded, kind: target.kind, inFlight: 0, failure: String(error), checked: '-', throughput: {} as DriveResult });
    }
  }

  if (operatonServer) {
    console.log(`\nOperaton 1.0 / PostgreSQL: ${SETTINGS.zeebeInstances} instances, ${SETTINGS.inFlight} in flight (load average ${loadAverage()})`);
    try {
      rows.push(await benchOperaton(operatonServer, SETTINGS.zeebeInstances, SETTINGS.inFlight));
    } catch (error) {
      console.error('Operaton failed:', error);
      rows.push({ label: 'Operaton 1.0 / PostgreSQL', embedded: false, kind: 'operaton', inFlight: 0, failure: String(error), checked: '-', throughput: {} as DriveResult });
    }
  }

  console.log(`\nResults (load average at end ${loadAverage()}; process: 3 service tasks, gateway, user task, message catch)\n`);
  console.log(resultsTable(rows));
  console.log('\ninst/s: instances completed per second, first order to last completion; p50/p99: order -> completed.'
    + '\nCPU ms/inst: CPU of this process (engine, store client, workers; for Zeebe only the client side) per instance.'
    + '\nKiB kept/completed: heap still used after GC per completed instance (history in memory);'
    + '\nKiB/waiting inst: heap after GC per instance waiting at the message catch (after 2 jobs, gateway, user task).'
    + '\nchecked: sampled instances whose state the engine reports COMPLETED afterwards.\n');
  for (const line of ratios(rows)) console.log(line);
  console.log('\nTargets of the issue (reported, not asserted):');
  for (const line of targetLines(rows)) console.log(`  ${line}`);
  for (const line of skipped) console.log(line);

  const failed = rows.filter((r) => r.failure || r.throughput.errors.length || r.throughput.timedOut);
  if (failed.length) {
    console.error(`\n!!! ${failed.map((r) => r.label).join(', ')}: failures or time-outs — those figures are not valid !!!`);
    for (const row of failed) for (const error of (row.throughput.errors ?? []).slice(0, 5)) console.error(`  - ${row.label}: ${error}`);
    return 1;
  }
  return 0;
}

// Explicit exit: database pools may keep handles open briefly.
main().then((code) => process.exit(code), (error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
