/**
 * npm run bench:api — latency and throughput of ordering a service (POST /api/applications) and
 * of the citizen's "My orders" (GET /api/applications), on embedded PGlite and on PostgreSQL,
 * with 100,000 applications in the table. Target (reported, not asserted): p99 < 50 ms at
 * 200 req/s on PostgreSQL. PostgreSQL runs when BENCH_DATABASE_URL or DATABASE_URL names a
 * server where the user may create databases. Exits non-zero only if a request failed.
 *
 * Knobs for quick trials: BENCH_ROWS, BENCH_RATE_SECONDS, BENCH_MAX_SECONDS, BENCH_TARGETS (pglite,postgres).
 */
import os from 'node:os';
import { prepareRuntime, type BenchRuntime, type Target } from './bench-runtime.js';
import { orderBody, sessionHeaders, smokeTest } from './http-session.js';
import { errorCount, runLoad, type LoadSpec } from './load.js';
import { startBaselineServer } from './baseline.js';
import { resultsTable, throughputRatios, type Row } from './report.js';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

const SETTINGS = {
  rows: envInt('BENCH_ROWS', 100_000),
  forBenchCitizen: 100,
  syntheticCitizens: 1000,
  rate: 200,
  p99Ms: 50,
  rateSeconds: envInt('BENCH_RATE_SECONDS', 20),
  maxSeconds: envInt('BENCH_MAX_SECONDS', 10),
  warmupSeconds: 3,
  // autocannon keeps one request in flight per connection, so 10 connections can hold 200 req/s
  // exactly while latency stays under 50 ms (10 / 200 s): missing the rate means missing the target.
  connections: 10,
};

interface Endpoint {
  name: string;
  spec: Pick<LoadSpec, 'url' | 'method' | 'headers' | 'body'>;
}

/**
 * "My orders" first: every POST adds to the citizen's own list, and the list should be measured
 * at the ~100 orders the scenario specifies, not at whatever the POST runs left behind.
 */
function endpoints(bench: BenchRuntime): Endpoint[] {
  const headers = sessionHeaders(bench.citizen);
  return [
    { name: 'GET /api/applications', spec: { url: `${bench.runtime.url}/api/applications`, method: 'GET', headers } },
    { name: 'POST /api/applications', spec: { url: `${bench.runtime.url}/api/applications`, method: 'POST', headers, body: orderBody(bench.serviceCode) } },
  ];
}

/** Warm-up (JIT, pools, caches; counted for errors only), fixed rate, then unlimited. */
async function measureEndpoint(bench: BenchRuntime, endpoint: Endpoint, warmupErrors: string[]): Promise<Row[]> {
  const label = `${bench.database} ${endpoint.name}`;
  const rated = { ...endpoint.spec, connections: SETTINGS.connections, rate: SETTINGS.rate };
  const warmup = await runLoad({ ...rated, seconds: SETTINGS.warmupSeconds });
  if (errorCount(warmup)) warmupErrors.push(`${label} warm-up: ${errorCount(warmup)} errors ${JSON.stringify(warmup.non2xx)}`);
  console.log(`  ${label}: ${SETTINGS.rate} req/s for ${SETTINGS.rateSeconds} s…`);
  const rate = await runLoad({ ...rated, seconds: SETTINGS.rateSeconds });
  console.log(`  ${label}: unlimited for ${SETTINGS.maxSeconds} s…`);
  const max = await runLoad({ ...endpoint.spec, connections: SETTINGS.connections, seconds: SETTINGS.maxSeconds });
  return [
    { database: bench.database, endpoint: endpoint.name, mode: 'rate', measurement: rate },
    { database: bench.database, endpoint: endpoint.name, mode: 'max', measurement: max },
  ];
}

/** The same load on a server that does no work: what the machine alone costs. */
async function measureBaseline(): Promise<Row[]> {
  const server = await startBaselineServer();
  try {
    const spec = { url: server.url, method: 'GET' as const, headers: {}, connections: SETTINGS.connections };
    const rate = await runLoad({ ...spec, rate: SETTINGS.rate, seconds: 5 });
    const max = await runLoad({ ...spec, seconds: 5 });
    return [
      { database: 'baseline', endpoint: 'GET bare node:http', mode: 'rate', measurement: rate },
      { database: 'baseline', endpoint: 'GET bare node:http', mode: 'max', measurement: max },
    ];
  } finally {
    await server.close();
  }
}

async function benchTarget(target: Target, warmupErrors: string[]): Promise<Row[]> {
  const started = Date.now();
  console.log(`\n${target.database}: starting the runtime and inserting ${SETTINGS.rows.toLocaleString('en')} applications…`);
  const bench = await prepareRuntime(target, { total: SETTINGS.rows, forBenchCitizen: SETTINGS.forBenchCitizen, syntheticCitizens: SETTINGS.syntheticCitizens });
  try {
    const { visible } = await smokeTest(bench.runtime.url, bench.citizen, orderBody(bench.serviceCode));
    console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${bench.applications.toLocaleString('en')} applications, ${visible} of them the citizen's; load average ${loadAverage()}`);
    const rows: Row[] = [];
    for (const endpoint of endpoints(bench)) rows.push(...(await measureEndpoint(bench, endpoint, warmupErrors)));
    return rows;
  } finally {
    await bench.close();
  }
}

/** The databases BENCH_TARGETS names (both by default). */
function wantedDatabases(): Set<'pglite' | 'postgres'> {
  const names = (process.env.BENCH_TARGETS || 'pglite,postgres').split(',').map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => name !== 'pglite' && name !== 'postgres');
  if (unknown.length) throw new Error(`BENCH_TARGETS takes pglite and postgres, not "${unknown.join(', ')}"`);
  return new Set(names as ('pglite' | 'postgres')[]);
}

function postgresTarget(): Target | undefined {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  return serverUrl ? { database: 'PostgreSQL', serverUrl } : undefined;
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

async function main(): Promise<number> {
  console.log(`Konstruktor API bench — Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverage()}`);
  // Server, load generator and database share these CPUs: other work on the machine shows in every figure.
  if (os.loadavg()[0]! > os.cpus().length / 2) console.log('  note: the machine is already busy; expect pessimistic figures');
  const wanted = wantedDatabases();
  const postgres = wanted.has('postgres') ? postgresTarget() : undefined;
  const targets: Target[] = [...(wanted.has('pglite') ? [{ database: 'PGlite' as const }] : []), ...(postgres ? [postgres] : [])];
  const rows: Row[] = await measureBaseline();
  const warmupErrors: string[] = [];
  for (const target of targets) rows.push(...(await benchTarget(target, warmupErrors)));

  console.log(`\nResults (${SETTINGS.rows.toLocaleString('en')} applications; ${SETTINGS.connections} connections; fixed rate ${SETTINGS.rateSeconds} s, max ${SETTINGS.maxSeconds} s; load average at end ${loadAverage()})\n`);
  console.log(resultsTable(rows, { rate: SETTINGS.rate, p99Ms: SETTINGS.p99Ms }));
  console.log('\nCPU ms/req: CPU time of the runtime\'s event-loop thread per request (embedded PGlite runs on it; the'
    + '\n  PostgreSQL server and the load generator do not). 1000 / it is the most one event loop can serve per second.'
    + '\nThe fixed rate is autocannon\'s: each connection sends its share of each second\'s requests back to'
    + `\n  back, so requests arrive in bursts of up to ${SETTINGS.connections} at once.`
    + '\nbaseline: a bare node:http server on the same machine, the floor under every figure.\n');
  for (const line of throughputRatios(rows)) console.log(line);
  if (wanted.has('postgres') && !postgres) {
    console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server whose user may CREATE DATABASE, e.g.\n'
      + '  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:api');
  }

  const failed = rows.filter((row) => errorCount(row.measurement) > 0).map((row) => `${row.database} ${row.endpoint} ${row.mode}`);
  if (failed.length || warmupErrors.length) {
    console.error(`\n!!! THE BENCH HAD FAILED REQUESTS — its figures are not valid !!!\n${[...failed, ...warmupErrors].map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

// Explicit exit: autocannon's workers and the database drivers may keep handles open briefly.
main().then((code) => process.exit(code), (error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
