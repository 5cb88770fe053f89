/**
 * Operaton (the open Camunda 7 line, Maven Central) on the same PostgreSQL server with the same
 * reference process in its own dialect (bench/operaton/: external tasks, a user task, a message
 * catch), driven the same way: the open peer agencies pick instead. Built with Maven on first use;
 * needs `mvn` and a JDK 17+.
 */
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Row } from './report.js';
import { freshDatabase } from './targets.js';

const PROJECT = fileURLToPath(new URL('./operaton/', import.meta.url));

export async function benchOperaton(serverUrl: string, instances: number, inFlight: number): Promise<Row> {
  await promisify(execFile)('mvn', ['-q', '-B', '-f', `${PROJECT}pom.xml`, 'package', 'dependency:copy-dependencies'], { maxBuffer: 64 * 1024 * 1024 });
  const database = await freshDatabase(serverUrl, 'konstruktor_operaton_bench');
  try {
    const { url } = database;
    const env = {
      ...process.env, BENCH_INSTANCES: String(instances), BENCH_IN_FLIGHT: String(inFlight),
      OPERATON_JDBC_URL: `jdbc:postgresql://${url.hostname}:${url.port || 5432}/${database.name}`,
      OPERATON_JDBC_USER: decodeURIComponent(url.username), OPERATON_JDBC_PASSWORD: decodeURIComponent(url.password),
    };
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('java', ['-cp', 'target/classes:target/dependency/*', 'konstruktor.OperatonBench'], { cwd: PROJECT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
      child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`Operaton bench exited ${code}: ${err.slice(-2000)}`))));
    });
    const line = output.trim().split('\n').reverse().find((l) => l.startsWith('{'));
    if (!line) throw new Error(`Operaton bench printed no result: ${output.slice(-500)}`);
    const r = JSON.parse(line) as { started: number; done: number; elapsedMs: number; p50Ms: number; p99Ms: number; errors: number };
    return {
      label: 'Operaton 1.0 / PostgreSQL', embedded: false, kind: 'operaton', inFlight, checked: `${r.done}/${r.started}`,
      throughput: {
        started: r.started, done: r.done, elapsedMs: r.elapsedMs, p50Ms: r.p50Ms, p99Ms: r.p99Ms, cpuMsPerInstance: Number.NaN,
        timedOut: r.done < r.started, errors: r.errors ? [`${r.errors} commands failed after 5 tries`] : [], retries: 0, retryReasons: [], sample: [],
      },
    };
  } finally {
    await database.drop();
  }
}
