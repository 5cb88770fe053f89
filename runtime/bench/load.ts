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
   * CPU time of this whole process (runtime, PGlite when embedded, load generator) per request:
   * unlike latency it hardly changes when other work on the machine competes for the CPUs.
   */
  cpuMsPerRequest: number;
}

export const errorCount = (m: Measurement): number => m.failures + Object.values(m.non2xx).reduce((sum, n) => sum + n, 0);

/** Drives one endpoint with autocannon and boils its result down to what the report prints. */
export async function runLoad(spec: LoadSpec): Promise<Measurement> {
  const cpuBefore = process.cpuUsage();
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
    // autocannon's correction assumes an interval of ceil(1000/rate) ms but computes ceil(1/rate),
    // i.e. 1 ms, and then back-fills every response with a ramp of fake 1-ms-step samples, which
    // drags p50 down. Raw latencies are honest here because the report also shows the rate
    // actually achieved: a server too slow for the rate shows up as req/s below the target.
    ignoreCoordinatedOmission: spec.rate !== undefined,
    // The load generator runs in a worker thread so it does not share the event loop of the
    // in-process runtime it measures.
    workers: 1,
  });
  const non2xx: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) non2xx[code] = stats.count ?? 0;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requests,
    reqPerSec: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx,
    failures: result.errors, // autocannon counts timeouts among the errors
    cpuMsPerRequest: requests ? (cpu.user + cpu.system) / 1000 / requests : 0,
  };
}
