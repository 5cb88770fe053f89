/** The bench's table and the comparison with the targets of the issue (reported, not asserted). */
import type { DriveResult } from './drive.js';

export interface Row {
  label: string;
  embedded: boolean;
  /** What kind of engine the row measures (the targets below compare kinds). */
  kind?: 'embedded' | 'rest' | 'cluster' | 'operaton';
  inFlight: number;
  throughput: DriveResult;
  /** Instances checked COMPLETED afterwards (a sample), e.g. "20/20". */
  checked: string;
  /** Heap kept per completed instance (history stays in memory), bytes. */
  keptPerCompleted?: number;
  /** Heap per instance waiting at the message catch, bytes, and how many waited. */
  perWaiting?: number;
  waiting?: number;
  /** Set when the target could not be run at all. */
  failure?: string;
}

export const TARGETS = { postgresPerSecond: 1900, restJobsPerSecond: 1000, timesOperaton: 10, bytesPerWaiting: 2048 };

/** Jobs of one instance of the reference process (register, check, issue). */
const JOBS_PER_INSTANCE = 3;

export const perSecond = (r: DriveResult) => (r.done / r.elapsedMs) * 1000;
const kib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : (bytes / 1024).toFixed(2));
const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0));

function cells(row: Row): string[] {
  const t = row.throughput;
  const status = t.timedOut ? ' (timed out)' : '';
  return [
    row.label, `${t.started}`, `${t.done}${status}`, `${row.inFlight}`, perSecond(t).toFixed(0), ms(t.p50Ms), ms(t.p99Ms),
    Number.isNaN(t.cpuMsPerInstance) ? 'n/a' : t.cpuMsPerInstance.toFixed(2), kib(row.keptPerCompleted), row.waiting ? `${kib(row.perWaiting)} (n=${row.waiting})` : 'n/a',
    row.checked, `${t.errors.length}${t.retries ? ` (+${t.retries} retried)` : ''}`,
  ];
}

export function resultsTable(rows: Row[]): string {
  const header = ['engine / store', 'started', 'completed', 'in flight', 'inst/s', 'p50 ms', 'p99 ms', 'CPU ms/inst', 'KiB kept/completed', 'KiB/waiting inst', 'checked', 'errors'];
  const body = rows.filter((r) => !r.failure).map(cells);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Every row's throughput against the embedded engine on PostgreSQL (or the first row). */
export function ratios(rows: Row[]): string[] {
  const ran = rows.filter((r) => !r.failure && r.throughput.done > 0);
  const base = ran.find((r) => r.embedded && r.label.includes('PostgreSQL')) ?? ran[0];
  if (!base || ran.length < 2) return ['ratios: n/a (fewer than two engines ran)'];
  return ran.filter((r) => r !== base).map((r) =>
    `${base.label} / ${r.label}: ${perSecond(base.throughput).toFixed(0)} / ${perSecond(r.throughput).toFixed(0)} inst/s = ×${(perSecond(base.throughput) / perSecond(r.throughput)).toFixed(1)}`);
}

/** The issue's targets against what was measured; "n/a" when the run lacks what a target needs. */
export function targetLines(rows: Row[]): string[] {
  const ran = rows.filter((r) => !r.failure && r.throughput.done > 0);
  const postgres = ran.find((r) => r.embedded && r.label.includes('PostgreSQL'));
  const rest = ran.filter((r) => r.kind === 'rest');
  const operaton = ran.find((r) => r.kind === 'operaton');
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines: string[] = [];
  if (postgres) {
    const rate = perSecond(postgres.throughput);
    lines.push(`in-process on PostgreSQL >= ${TARGETS.postgresPerSecond} completed inst/s: ${rate.toFixed(0)} — ${verdict(rate >= TARGETS.postgresPerSecond)}`);
    if (operaton) {
      const times = rate / perSecond(operaton.throughput);
      lines.push(`in-process on PostgreSQL >= ${TARGETS.timesOperaton}× Operaton: ×${times.toFixed(1)} — ${verdict(times >= TARGETS.timesOperaton)}`);
    } else lines.push(`in-process on PostgreSQL >= ${TARGETS.timesOperaton}× Operaton: n/a (Operaton not run: needs mvn, a JDK and a PostgreSQL server)`);
  } else lines.push('in-process on PostgreSQL targets: n/a (PostgreSQL not run)');
  for (const row of rest) {
    const jobs = perSecond(row.throughput) * JOBS_PER_INSTANCE;
    lines.push(`${row.label} >= ${TARGETS.restJobsPerSecond} jobs/s with official-client workers: ${jobs.toFixed(0)} — ${verdict(jobs >= TARGETS.restJobsPerSecond)}`);
  }
  if (!rest.length) lines.push(`engine service over REST >= ${TARGETS.restJobsPerSecond} jobs/s: n/a (not run)`);
  for (const row of rows.filter((r) => r.embedded && r.perWaiting !== undefined)) {
    lines.push(`${row.label} <= ${TARGETS.bytesPerWaiting / 1024} KiB per waiting instance: ${kib(row.perWaiting)} KiB — ${verdict(row.perWaiting! <= TARGETS.bytesPerWaiting)}`);
  }
  return lines;
}
