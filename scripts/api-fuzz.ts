/**
 * `npm run fuzz:api`: Schemathesis, an independent property-based tester, against the runtime's
 * API as its own OpenAPI document describes it, once per role with a real session and CSRF
 * token: all phases (examples, coverage, fuzzing, stateful), all checks. Starts the runtime as
 * `npm start` does (embedded PGlite, or DATABASE_URL), without sandboxes.
 *
 *   npm run fuzz:api -- --schemathesis PATH [--seed N] [--max-time SECONDS] [--roles a,b] [--report-dir DIR]
 *
 * Prints per role the operations tested, the test cases generated and the failures by kind, and
 * exits 1 when any role found a failure. The seed is printed; the same seed replays the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONFIG = path.join(ROOT, 'scripts', 'api-fuzz.toml');
const ROLES = ['anonymous', 'citizen', 'official', 'supervisor', 'analyst', 'developer', 'administrator'] as const;
const PASSWORD = 'fuzz-demo-password';

const { values: args } = parseArgs({
  options: {
    schemathesis: { type: 'string', default: 'schemathesis' },
    seed: { type: 'string' },
    'max-time': { type: 'string', default: '30' },
    roles: { type: 'string', default: ROLES.join(',') },
    'report-dir': { type: 'string', default: path.join(ROOT, '.ci', 'artifacts', 'schemathesis') },
  },
});
const seed = Number(args.seed ?? randomInt(1, 2 ** 31));
const reportDir = path.resolve(args['report-dir']);

/** The runtime as `npm start` runs it, on a free port and its own data folder; resolves with its URL. */
async function startRuntime(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-fuzz-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/src/main.ts'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    // Every request comes from this one address: only the accounts are throttled, as their own tests show the address limit.
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SANDBOXES: 'off', DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', LOGIN_ADDRESS_FREE_FAILURES: '1000000' },
  });
  const log = fs.createWriteStream(path.join(reportDir, 'runtime.log'));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      const found = /Konstruktor runtime (http:\/\/\S+)/.exec(seen);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the runtime exited (${code}) before it listened; see ${path.join(reportDir, 'runtime.log')}`)));
  });
  return { url, child, dataDir };
}

/** A session as the role's demo user: the cookie's value and the CSRF token. */
async function logIn(url: string, username: string): Promise<{ session: string; csrf: string }> {
  const attempt = () => fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  let response = await attempt();
  // The fuzzer may have guessed at this account's password: wait as told, once.
  if (response.status === 429) {
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
    response = await attempt();
  }
  if (response.status !== 200) throw new Error(`${username} could not log in: ${response.status} ${await response.text()}`);
  const session = /konstruktor_session=([^;]+)/.exec(response.headers.getSetCookie().join('; '))![1]!;
  const { csrfToken: csrf, terms } = await response.json() as { csrfToken: string; terms: { currentVersion: number | null; accepted: boolean } };
  // Terms of use accepted, as a person does once: else every order is a 403 and nothing behind it is reached.
  if (terms.currentVersion !== null && !terms.accepted) {
    await fetch(`${url}/api/me/terms/${terms.currentVersion}/accept`, { method: 'POST', headers: { cookie: `konstruktor_session=${session}`, 'x-csrf-token': csrf } });
  }
  return { session, csrf };
}

/** The checked-in configuration, with the role's credentials for the two security schemes. */
function roleConfig(role: string, credentials?: { session: string; csrf: string }): string {
  const file = path.join(reportDir, role, 'schemathesis.toml');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const auth = credentials ? `\n[auth.openapi.session]\napi_key = "${credentials.session}"\n\n[auth.openapi.csrf]\napi_key = "${credentials.csrf}"\n` : '';
  fs.writeFileSync(file, `${fs.readFileSync(CONFIG, 'utf8')}${auth}`);
  return file;
}

interface RoleResult { role: string; exit: number; operations: string; cases: string; failures: string[] }

function runSchemathesis(url: string, role: string, config: string): Promise<RoleResult> {
  const dir = path.join(reportDir, role);
  const child = spawn(args.schemathesis, [
    '--config-file', config, '--no-color', 'run', `${url}/api/openapi.json`, '--url', url,
    '--phases', 'examples,coverage,fuzzing,stateful', '--checks', 'all',
    '--max-time', args['max-time'], '--seed', String(seed), '--workers', '1',
    '--report', 'junit,ndjson', '--report-dir', dir,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += String(chunk); });
  child.stderr!.on('data', (chunk: Buffer) => { output += String(chunk); });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      fs.writeFileSync(path.join(dir, 'output.txt'), output);
      const tested = /Tested: (\d+)/.exec(output)?.[1] ?? '?';
      const selected = /Selected: (\d+\/\d+)/.exec(output)?.[1] ?? '?';
      const cases = /(\d+) generated/.exec(output)?.[1] ?? '?';
      const failures = [...output.matchAll(/❌ (ST\d+ [^:\n]+: \d+)/g)].map((m) => m[1]!);
      resolve({ role, exit: code ?? 1, operations: `${tested} tested of ${selected} selected`, cases, failures });
      if (code !== 0) console.log(output.slice(output.indexOf('FAILURES') >= 0 ? output.indexOf('FAILURES') : Math.max(0, output.length - 4000)));
    });
  });
}

fs.mkdirSync(reportDir, { recursive: true });
console.log(`Schemathesis seed ${seed} (--seed ${seed} replays it), ${args['max-time']} s per role, reports in ${reportDir}`);
const runtime = await startRuntime();
const results: RoleResult[] = [];
try {
  for (const role of args.roles.split(',')) {
    const username = role === 'anonymous' ? undefined : role;
    const credentials = username ? await logIn(runtime.url, username) : undefined;
    results.push(await runSchemathesis(runtime.url, role, roleConfig(role, credentials)));
  }
} finally {
  try { process.kill(-runtime.child.pid!, 'SIGTERM'); } catch { /* gone already */ }
  await new Promise((resolve) => { runtime.child.once('exit', resolve); setTimeout(resolve, 10_000); });
  fs.rmSync(runtime.dataDir, { recursive: true, force: true });
}
console.log('\nrole            operations                     test cases  failures');
for (const r of results) console.log(`${r.role.padEnd(15)} ${r.operations.padEnd(30)} ${r.cases.padStart(10)}  ${r.failures.join('; ') || (r.exit === 0 ? 'none' : `exit ${r.exit}`)}`);
process.exitCode = results.every((r) => r.exit === 0) ? 0 : 1;
