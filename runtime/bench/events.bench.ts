/**
 * npm run bench:events — how soon a browser hears of a change: with BENCH_STREAMS (1,000) open
 * streams on GET /api/events, each order a citizen submits is a status change every stream may
 * see; the figure is the time from sending the order to the event arriving on each stream (the
 * browser-like `eventsource` client, in a process of its own), p50 and p99 over every
 * stream and order. Goal (reported,
 * not asserted): p99 < 250 ms. PGlite, and PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL
 * names a server. Knobs: BENCH_STREAMS, BENCH_CHANGES (200), BENCH_CHANGE_RATE (per second, 20).
 */
import os from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { prepareRuntime, type Target } from './bench-runtime.js';
import { orderBody, sessionHeaders, type Session } from './http-session.js';

const envInt = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
};
const STREAMS = envInt('BENCH_STREAMS', 1000);
const CHANGES = envInt('BENCH_CHANGES', 200);
const RATE = envInt('BENCH_CHANGE_RATE', 20);
const GOAL_P99_MS = 250;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The streams, opened in a process of their own: the bench's browsers. */
function startListeners(url: string, session: Session, onArrivals: (arrivals: [string, number][]) => void): Promise<{ close(): Promise<void> }> {
  const worker = fork(fileURLToPath(new URL('./event-listeners.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_LISTEN_URL: url, BENCH_LISTEN_COOKIE: session.cookie, BENCH_STREAMS: String(STREAMS) },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code) reject(new Error(`the listeners ended with ${code}`)); });
    worker.on('message', (message: { opened?: number; arrivals?: [string, number][] }) => {
      if (message.arrivals) onArrivals(message.arrivals);
      if (message.opened !== undefined) {
        resolve({
          close: () => new Promise<void>((done) => {
            worker.on('message', (m: { closed?: boolean }) => { if (m.closed) { worker.kill(); done(); } });
            worker.send({ close: true });
          }),
        });
      }
    });
  });
}

async function measure(target: Target): Promise<string> {
  const bench = await prepareRuntime(target, { total: 1000, forBenchCitizen: 100, syntheticCitizens: 100 });
  let listeners: { close(): Promise<void> } | undefined;
  try {
    const arrivals = new Map<string, number[]>();
    const url = bench.runtime.url;
    listeners = await startListeners(url, bench.citizen, (batch) => {
      for (const [id, at] of batch) {
        const list = arrivals.get(id) ?? [];
        list.push(at);
        arrivals.set(id, list);
      }
    });
    const connected = bench.runtime.liveEvents.connected;
    const sent = new Map<string, number>();
    const headers = { ...sessionHeaders(bench.citizen) };
    const body = orderBody(bench.serviceCode);
    const started = performance.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < CHANGES; i += 1) {
      const due = started + (i * 1000) / RATE;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const at = performance.timeOrigin + performance.now();
      posts.push(fetch(`${url}/api/applications`, { method: 'POST', headers, body }).then(async (response) => {
        if (response.status !== 201) throw new Error(`order answered ${response.status}: ${await response.text()}`);
        sent.set(((await response.json()) as { id: string }).id, at);
      }));
    }
    await Promise.all(posts);
    const deadline = performance.now() + 30_000;
    while ([...sent.keys()].some((id) => (arrivals.get(id)?.length ?? 0) < STREAMS) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const latencies: number[] = [];
    let missing = 0;
    for (const [id, at] of sent) {
      const got = arrivals.get(id) ?? [];
      missing += STREAMS - got.length;
      for (const arrived of got) latencies.push(arrived - at);
    }
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    return `${target.database.padEnd(10)} streams ${String(connected).padStart(5)}  changes ${CHANGES} at ${RATE}/s  events ${latencies.length}  missing ${missing}  `
      + `p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${latencies.at(-1)!.toFixed(1)} ms  goal p99 < ${GOAL_P99_MS} ms: ${p99 < GOAL_P99_MS && missing === 0 ? 'met' : 'NOT met'}`;
  } finally {
    await listeners?.close();
    await bench.close();
  }
}

const targets: Target[] = [{ database: 'PGlite' }];
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (serverUrl) targets.push({ database: 'PostgreSQL', serverUrl });
console.log(`bench:events on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const target of targets) console.log(await measure(target));
if (!serverUrl) console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server whose user may CREATE DATABASE');
