import { errorCount, type Measurement } from './load.js';
import type { DatabaseKind } from './bench-runtime.js';

export type Mode = 'rate' | 'max';

export interface Row {
  database: DatabaseKind | 'baseline';
  endpoint: string;
  mode: Mode;
  measurement: Measurement;
}

export interface Targets {
  rate: number;
  p99Ms: number;
}

/** A fixed-rate run counts as meeting the target only if it also sustained (95% of) the rate. */
function verdict(row: Row, targets: Targets): string {
  if (row.mode === 'max') return '';
  const m = row.measurement;
  if (m.reqPerSec < targets.rate * 0.95) return `NO (rate not held: ${m.reqPerSec.toFixed(0)}/s)`;
  return m.p99 < targets.p99Ms ? 'yes' : 'NO';
}

function errorsCell(m: Measurement): string {
  const total = errorCount(m);
  if (!total) return '0';
  const codes = Object.entries(m.non2xx).map(([code, n]) => `${n}×${code}`);
  if (m.failures) codes.push(`${m.failures}×no response`);
  return `${total} (${codes.join(', ')})`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function resultsTable(rows: Row[], targets: Targets): string {
  const header = ['database', 'endpoint', 'mode', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'errors', `p99 < ${targets.p99Ms} ms @ ${targets.rate}/s`];
  return table(header, rows.map((row) => [
    row.database, row.endpoint, row.mode === 'rate' ? `${targets.rate} req/s` : 'max',
    row.measurement.reqPerSec.toFixed(1), String(row.measurement.p50), String(row.measurement.p99), row.measurement.cpuMsPerRequest.toFixed(1),
    errorsCell(row.measurement), verdict(row, targets),
  ]));
}

/** PostgreSQL max throughput over PGlite's, per endpoint; empty when either was not run. */
export function throughputRatios(rows: Row[]): string[] {
  const max = (database: DatabaseKind, endpoint: string) => rows.find((r) => r.database === database && r.endpoint === endpoint && r.mode === 'max');
  return [...new Set(rows.map((r) => r.endpoint))].flatMap((endpoint) => {
    const postgres = max('PostgreSQL', endpoint);
    const pglite = max('PGlite', endpoint);
    if (!postgres || !pglite) return [];
    const ratio = postgres.measurement.reqPerSec / pglite.measurement.reqPerSec;
    return [`${endpoint}: PostgreSQL/PGlite max throughput = ${postgres.measurement.reqPerSec.toFixed(0)} / ${pglite.measurement.reqPerSec.toFixed(0)} req/s = ×${ratio.toFixed(2)}`];
  });
}
