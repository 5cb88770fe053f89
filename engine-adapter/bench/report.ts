/** The bench's table and the comparison with the targets of the issue (reported, not asserted). */
import type { DriveResult } from './drive.js';

export interface Row {
  label: string;
  embedded: boolean;
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

export const TARGETS = { postgresPerSecond: 1000, timesZeebe: 10, bytesPerWaiting: 2048 };

export const perSecond = (r: DriveResult) => (r.done / r.elapsedMs) * 1000;
const kib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : (bytes / 1024).toFixed(2));
const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0));

function cells(row: Row): string[] {
  const t = row.throughput;
  const status = t.timedOut ? ' (timed out)' : '';
  return [
    row.label, `${t.started}`, `${t.done}${status}`, `${row.inFlight}`, perSecond(t).toFixed(0), ms(t.p50Ms), ms(t.p99Ms),
    t.cpuMsPerInstance.toFixed(2), kib(row.keptPerCompleted), row.waiting ? `${kib(row.perWaiting)} (n=${row.waiting})` : 'n/a',
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

/** Throughput of each embedded target over Zeebe's. */
export function ratios(rows: Row[]): string[] {
  const zeebe = rows.find((r) => !r.embedded && !r.failure && r.throughput.done > 0);
  const embedded = rows.filter((r) => r.embedded && !r.failure);
  if (!zeebe || !embedded.length) return [`embedded/Zeebe throughput: n/a (${zeebe ? 'no embedded engine' : 'Zeebe not'} run)`];
  return embedded.map((r) =>
    `${r.label} / Zeebe throughput: ${perSecond(r.throughput).toFixed(0)} / ${perSecond(zeebe.throughput).toFixed(0)} inst/s = ×${(perSecond(r.throughput) / perSecond(zeebe.throughput)).toFixed(1)}`);
}

/** The issue's targets against what was measured; "n/a" when the run lacks what a target needs. */
export function targetLines(rows: Row[]): string[] {
  const postgres = rows.find((r) => r.label.includes('PostgreSQL') && !r.failure);
  const zeebe = rows.find((r) => !r.embedded && !r.failure && r.throughput.done > 0);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines: string[] = [];
  if (postgres) {
    const rate = perSecond(postgres.throughput);
    lines.push(`embedded on PostgreSQL >= ${TARGETS.postgresPerSecond} completed inst/s: ${rate.toFixed(0)} — ${verdict(rate >= TARGETS.postgresPerSecond)}`);
    if (zeebe) {
      const times = rate / perSecond(zeebe.throughput);
      lines.push(`embedded on PostgreSQL >= ${TARGETS.timesZeebe}× one Zeebe broker: ×${times.toFixed(1)} — ${verdict(times >= TARGETS.timesZeebe)}`);
    } else lines.push(`embedded on PostgreSQL >= ${TARGETS.timesZeebe}× one Zeebe broker: n/a (Zeebe not run)`);
  } else lines.push('embedded on PostgreSQL targets: n/a (PostgreSQL not run)');
  for (const row of rows.filter((r) => r.embedded && r.perWaiting !== undefined)) {
    lines.push(`${row.label} <= ${TARGETS.bytesPerWaiting / 1024} KiB per waiting instance: ${kib(row.perWaiting)} KiB — ${verdict(row.perWaiting! <= TARGETS.bytesPerWaiting)}`);
  }
  return lines;
}
