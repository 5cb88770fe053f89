import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections; undefined = as fast as the server answers. */
  rate?: number;
}

export interface Measurement {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Responses outside 2xx, per status code. */
  non2xx: Record<string, number>;
  /** Connection errors and timeouts: requests that got no response at all. */
  failures: number;
  /**
   * CPU time of the main thread per request: the runtime's event loop, and PGlite when embedded
   * (it runs on that thread), not the load generator's worker. Unlike latency it hardly changes
   * when other work competes for the CPUs, and 1000 / it is the most one event loop can serve.
   */
  cpuMsPerRequest: number;
}

/**
 * CPU milliseconds the main thread has used, from /proc (Linux, 10 ms ticks); elsewhere the
 * whole process's, which then also counts the load generator.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}

export const errorCount = (m: Measurement): number => m.failures + Object.values(m.non2xx).reduce((sum, n) => sum + n, 0);

/** Drives one endpoint with autocannon and boils its result down to what the report prints. */
export async function runLoad(spec: LoadSpec): Promise<Measurement> {
  const cpuBefore = mainThreadCpuMs();
  const result = await autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    // `[<id>]` in the body becomes a fresh id per request, so orders are not all identical.
    idReplacement: spec.body?.includes('[<id>]') ?? false,
    connections: spec.connections,
    duration: spec.seconds,
    overallRate: spec.rate,
    // autocannon 9's coordinated-omission correction takes ceil(1 / rate) = 1 ms as the expected
    // interval (not 1000 / rate ms), so it adds a ramp of fake samples 1 ms apart below every
    // response, which drags the percentiles down. Raw latencies stay honest because the report also
    // shows the rate actually achieved: a server too slow for the rate falls short of it.
    ignoreCoordinatedOmission: spec.rate !== undefined,
    // The load generator runs in a worker thread so it does not share the event loop of the
    // in-process runtime it measures.
    workers: 1,
  });
  const non2xx: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) non2xx[code] = stats.count ?? 0;
  }
  const cpuMs = mainThreadCpuMs() - cpuBefore;
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requests,
    reqPerSec: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx,
    failures: result.errors, // autocannon counts timeouts among the errors
    cpuMsPerRequest: requests ? cpuMs / requests : 0,
  };
}
