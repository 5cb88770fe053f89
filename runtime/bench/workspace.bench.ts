/**
 * npm run bench:workspace — the officials' inbox with BENCH_TASKS (TASKS; 100,000) open tasks
 * of one agency across 20 services and 50 candidate groups, written straight in SQL. Measured
 * over HTTP as an official in three of the groups: the first page, a search, the overdue view
 * and the counts (BENCH_REQUESTS each, 200, one after another: p50 and p99; goal p99 < 100 ms),
 * and claim-to-visible: official A claims a task and official B's GET /api/events stream hears
 * of it (time from sending the claim to the event arriving; median of BENCH_CLAIMS, 20); and the
 * inbox page in Chromium: from navigation to the first page of tasks on screen (BENCH_RENDERS, 7
 * runs, a fresh browser context each; median, min and max).
 * PGlite, and PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL names a server.
 */
import os from 'node:os';
import { EventSource } from 'eventsource';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/browser/support/chromium.js';
import { ensureWebBuild } from '../src/web/web-build.js';
import type { DataSource } from 'typeorm';
import { prepareRuntime, type BenchRuntime, type Target } from './bench-runtime.js';
import { login, publishBenchService, sessionHeaders, type Session } from './http-session.js';

const envInt = (names: string[], fallback: number) => {
  const given = names.map((n) => process.env[n]).find((v) => v !== undefined);
  const value = Number(given ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${names.join(' or ')} must be a positive whole number`);
  return value;
};
const TASKS = envInt(['BENCH_TASKS', 'TASKS'], 100_000);
const REQUESTS = envInt(['BENCH_REQUESTS'], 200);
const CLAIMS = envInt(['BENCH_CLAIMS'], 20);
const RENDERS = envInt(['BENCH_RENDERS'], 7);
const SERVICES = 20;
const GROUPS = 50;
/** Official A's and B's groups: a few of the fifty. */
const OFFICIAL_GROUPS = ['group-01', 'group-02', 'group-03'];
const GOAL_P99_MS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const serviceCode = (i: number) => `bench-inbox-${String(i).padStart(2, '0')}`;

/**
 * The agency's queue: tasks over 20 services and 50 groups (every 20th for anyone), a fifth of
 * them in some official's hands, due from 5 days ago to 35 days ahead, priorities 0..100, applicants
 * named from common Lithuanian names. The live-event trigger is off while they are written (no
 * browser is told of a bulk load); the audience trigger stays on.
 */
async function seedTasks(db: DataSource, agencyId: string, count: number): Promise<void> {
  await db.query(`INSERT INTO app_user (username, display_name, roles, agency_id, groups)
    SELECT format('bench-official-%s', lpad(n::text, 2, '0')), format('Bench Official %s', n), ARRAY['official'], $1::uuid, ARRAY[format('group-%s', lpad(n::text, 2, '0'))]
      FROM generate_series(0, ${GROUPS - 1}) n`, [agencyId]);
  await db.query('ALTER TABLE task DISABLE TRIGGER task_live');
  try {
    await db.query(`WITH officials AS (SELECT array_agg(id ORDER BY username) AS ids FROM app_user WHERE username LIKE 'bench-official-%'),
        services AS (SELECT array_agg(code ORDER BY code) AS codes, (array_agg(title ORDER BY code))[1] AS title FROM service WHERE code LIKE 'bench-inbox-%')
      INSERT INTO task (agency_id, kind, name, candidate_groups, assignee_id, state, due_at, created_at, priority, service_code, service_title, case_code, applicant_name)
      SELECT $1::uuid, 'review', '{"lt":"Išnagrinėti prašymą","lv":"Izskatīt pieteikumu","en":"Review the application"}'::jsonb,
             CASE WHEN g % 20 = 0 THEN '{}'::text[] ELSE ARRAY[format('group-%s', lpad((g % ${GROUPS})::text, 2, '0'))] END,
             CASE WHEN g % 5 = 0 THEN o.ids[1 + g % ${GROUPS}] END,
             'open', now() + ((g % 40) - 5) * interval '1 day' + (g % 24) * interval '1 hour', now() - (g % 2000) * interval '1 hour',
             (g * 37) % 101, s.codes[1 + g % ${SERVICES}], s.title, format('%s %s', 1001 + g % ${SERVICES}, 10000 + g),
             (ARRAY['Jonas', 'Ona', 'Petras', 'Rūta', 'Tomas', 'Eglė', 'Mindaugas', 'Asta', 'Darius', 'Laura'])[1 + g % 10] || ' '
               || (ARRAY['Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Vasiliauskas', 'Žukauskas', 'Butkus', 'Paulauskas', 'Urbonas', 'Kavaliauskas', 'Navickas', 'Ramanauskas'])[1 + (g / 10) % 12]
        FROM generate_series(1, $2::int) g CROSS JOIN officials o CROSS JOIN services s`, [agencyId, count]);
  } finally {
    await db.query('ALTER TABLE task ENABLE TRIGGER task_live');
  }
  await db.query('ANALYZE app_user, task');
}

async function timed(url: string, session: Session, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: sessionHeaders(session) });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Official A claims; B's stream hears of it: milliseconds from sending each claim to its event. */
async function claimToVisible(bench: BenchRuntime, a: Session, b: Session): Promise<number[]> {
  const url = bench.runtime.url;
  const [{ id: officialA }] = (await bench.runtime.database.dataSource.query(`SELECT id FROM app_user WHERE username = 'official'`)) as [{ id: string }];
  const tasks = (await bench.runtime.database.dataSource.query(`SELECT id FROM task WHERE state = 'open' AND assignee_id IS NULL AND candidate_groups && $1::text[] ORDER BY id LIMIT $2`,
    [OFFICIAL_GROUPS, CLAIMS])) as { id: string }[];
  const arrived = new Map<string, (at: number) => void>();
  const source = new EventSource(`${url}/api/events`, { fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie: b.cookie } }) });
  source.addEventListener('task', (message) => {
    const data = JSON.parse(message.data) as { taskId: string; assigneeId: string | null };
    if (data.assigneeId === officialA) arrived.get(data.taskId)?.(performance.now());
  });
  await new Promise<void>((resolve, reject) => { source.onopen = () => resolve(); source.onerror = (e) => reject(new Error(`the stream did not open: ${String(e.message)}`)); });
  try {
    const latencies: number[] = [];
    for (const { id } of tasks) {
      const heard = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event for task ${id} in 10 s`)), 10_000);
        arrived.set(id, (at) => { clearTimeout(timer); resolve(at); });
      });
      const sent = performance.now();
      const response = await fetch(`${url}/api/tasks/${id}/claim`, { method: 'POST', headers: sessionHeaders(a) });
      if (response.status !== 200) throw new Error(`claim answered ${response.status}: ${await response.text()}`);
      latencies.push((await heard) - sent);
    }
    return latencies.sort((x, y) => x - y);
  } finally {
    source.close();
  }
}

/** The inbox page in Chromium as official A: milliseconds from navigation to the first page of tasks on screen, a fresh context each run. */
async function inboxRender(url: string, session: Session): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let run = 0; run <= RENDERS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const split = session.cookie.indexOf('=');
      await context.addCookies([{ name: session.cookie.slice(0, split), value: session.cookie.slice(split + 1), url }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${url}/workspace/?lang=en`);
      await page.getByTestId('task-row').nth(19).waitFor();
      // The first run warms the server's caches and the browser's compiled bundle: not counted.
      if (run > 0) times.push(performance.now() - started);
      await context.close();
    }
    return times.sort((a, b) => a - b);
  } finally {
    await browser.close();
  }
}

async function measure(target: Target): Promise<string[]> {
  const seedStarted = performance.now();
  const bench = await prepareRuntime(target, { total: 1, forBenchCitizen: 1, syntheticCitizens: 1 });
  try {
    const url = bench.runtime.url;
    const db = bench.runtime.database.dataSource;
    const analyst = await login(url, 'analyst', bench.password);
    for (let i = 0; i < SERVICES; i += 1) await publishBenchService(url, analyst, serviceCode(i));
    const [{ agencyId }] = (await db.query(`SELECT provider_agency_id AS "agencyId" FROM service WHERE code = $1`, [serviceCode(0)])) as [{ agencyId: string }];
    await seedTasks(db, agencyId, TASKS);
    await db.query(`UPDATE app_user SET groups = $1 WHERE username IN ('official', 'official2')`, [OFFICIAL_GROUPS]);
    const [a, b] = [await login(url, 'official', bench.password), await login(url, 'official2', bench.password)];
    const [{ open, visible }] = (await db.query(`SELECT count(*)::int AS open, count(*) FILTER (WHERE audience && $1::text[])::int AS visible FROM task WHERE state = 'open'`,
      [['*', ...OFFICIAL_GROUPS.map((g) => `g:${g}`)]])) as [{ open: number; visible: number }];
    const seeded = `${target.database}: ${open} open tasks (${visible} visible to official A), seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`;

    const rows: string[] = [];
    for (const [label, path] of [
      ['first page', '/api/tasks'],
      ['search "kazl"', '/api/tasks?q=kazl'],
      ['overdue view', '/api/tasks?view=overdue&sort=-priority'],
      ['counts', '/api/tasks/counts'],
    ] as const) {
      const times = await timed(url, a, path);
      const p99 = percentile(times, 99);
      rows.push([target.database.padEnd(10), label.padEnd(22), String(times.length).padStart(8), `${percentile(times, 50).toFixed(1)} ms`.padStart(10),
        `${p99.toFixed(1)} ms`.padStart(10), p99 < GOAL_P99_MS ? 'met' : 'NOT met'].join('  '));
    }
    const renders = await inboxRender(url, a);
    rows.push([target.database.padEnd(10), 'inbox page on screen'.padEnd(22), String(renders.length).padStart(8), `${percentile(renders, 50).toFixed(1)} ms`.padStart(10),
      `${renders.at(-1)!.toFixed(1)} ms`.padStart(10), `(Chromium, median; max in p99 column; min ${renders[0]!.toFixed(1)} ms)`].join('  '));
    const claims = await claimToVisible(bench, a, b);
    rows.push([target.database.padEnd(10), 'claim to visible (B)'.padEnd(22), String(claims.length).padStart(8), `${percentile(claims, 50).toFixed(1)} ms`.padStart(10),
      `${claims.at(-1)!.toFixed(1)} ms`.padStart(10), '(median; max in p99 column)'].join('  '));
    return [seeded, ...rows];
  } finally {
    await bench.close();
  }
}

const targets: Target[] = [{ database: 'PGlite' }];
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (serverUrl) targets.push({ database: 'PostgreSQL', serverUrl });
console.log(`bench:workspace on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${TASKS} open tasks, ${SERVICES} services, ${GROUPS} groups; goal p99 < ${GOAL_P99_MS} ms`);
await ensureWebBuild();
const results: string[] = [];
for (const target of targets) {
  const [seeded, ...rows] = await measure(target);
  console.log(seeded);
  results.push(...rows);
}
console.log(`\n${['database'.padEnd(10), 'query'.padEnd(22), 'requests'.padStart(8), 'p50'.padStart(10), 'p99'.padStart(10), 'goal'].join('  ')}`);
for (const row of results) console.log(row);
if (!serverUrl) console.log('PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server whose user may CREATE DATABASE');
