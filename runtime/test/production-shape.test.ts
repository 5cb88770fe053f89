/**
 * The production shape on loopback, with the processes docker-compose.yml runs: PostgreSQL, two
 * engine processes (one leads), two runtime replicas, a connector worker, and Debian's nginx in
 * front of the runtimes and the engines (deploy/nginx/konstruktor.conf.template, rendered as the
 * official image renders it). An order goes end to end; then one runtime and the leading engine are
 * killed with SIGKILL and a second order still goes end to end through the same address.
 *
 * Runs when DATABASE_URL names a server and NGINX names nginx's binary (CI's production-shape stage).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGNER_APP } from '@konstruktor/designer';
import { ensureWebBuild, PORTAL } from '../src/web/web-build.js';
import { ApiClient } from './support/api-client.js';
import { eventually } from './support/eventually.js';
import { freePort } from './support/free-port.js';
import { publishProcessService, TEST_PASSWORD, type TestRuntime } from './support/harness.js';
import { createServerDatabase } from './support/test-database.js';

const NGINX = process.env.NGINX;
const ROOT = path.resolve(import.meta.dirname, '../..');
const ENGINE_SECRET = 'a-long-engine-password';

const BPMN = (processId: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="https://konstruktor.example/shape">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify"/>
    <bpmn:serviceTask id="notify">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="konstruktor:notifications:inbox" retries="3"/>
        <zeebe:ioMapping>
          <zeebe:input source="=applicant.personalCode" target="recipientPersonalCode"/><zeebe:input source="=&quot;en&quot;" target="locale"/>
          <zeebe:input source="application-received" target="template"/>
          <zeebe:input source="={ applicantName: applicant.name, serviceName: &quot;Shape permit&quot;, applicationId: applicationId, agencyName: &quot;Kaunas city&quot; }" target="data"/>
        </zeebe:ioMapping>
        <zeebe:taskHeaders><zeebe:header key="resultVariable" value="notified"/></zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="review"/>
    <bpmn:userTask id="review" name="Review"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="permits"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="done"/>
    <bpmn:endEvent id="done"/>
  </bpmn:process>
</bpmn:definitions>`;

interface Proc { name: string; child: ChildProcess; output: string[] }

/** deploy/nginx/konstruktor.conf.template with its ${NAMES} filled in, as envsubst does in nginx's image. */
function renderNginxTemplate(values: Record<string, string>): string {
  const template = fs.readFileSync(path.join(ROOT, 'deploy/nginx/konstruktor.conf.template'), 'utf8');
  return template.replace(/\$\{([A-Z_]+)\}/g, (all, name: string) => values[name] ?? all);
}

describe.skipIf(!process.env.DATABASE_URL || !NGINX)('the production shape on loopback', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-shape-'));
  const procs: Proc[] = [];
  let databaseUrl: string;
  let engineLb: number;
  let portal: number;
  const engines: { proc: Proc; port: number }[] = [];
  const runtimes: { proc: Proc; port: number }[] = [];

  function start(name: string, args: string[], env: Record<string, string>): Proc {
    const child = spawn(args[0]!, args.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = { name, child, output: [] as string[] };
    child.stdout!.on('data', (chunk: Buffer) => proc.output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => proc.output.push(chunk.toString()));
    procs.push(proc);
    return proc;
  }

  async function up(url: string, proc: Proc, what: string): Promise<void> {
    await eventually(async () => {
      if (proc.child.exitCode !== null) throw new Error(`${proc.name} ended: ${proc.output.join('').slice(-2000)}`);
      return (await fetch(url).catch(() => null))?.ok === true;
    }, what, 120_000);
  }

  const engineEnv = () => ({ DATABASE_URL: databaseUrl, HOST: '127.0.0.1', ENGINE_BASIC_AUTH: `runtime:${ENGINE_SECRET}` });
  const runtimeEnv = (port: number) => ({
    PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DATA_DIR: path.join(work, `runtime-${port}`), LOG_LEVEL: 'warn',
    SEED_DEMO: 'true', DEMO_PASSWORD: TEST_PASSWORD, EXAMPLES_DIR: 'none', SANDBOXES: 'off', CONNECTORS: 'external',
    ENGINE: 'zeebe', ZEEBE_REST_ADDRESS: `http://127.0.0.1:${engineLb}`, ZEEBE_BASIC_AUTH_USERNAME: 'runtime', ZEEBE_BASIC_AUTH_PASSWORD: ENGINE_SECRET,
    PUBLIC_URL: `http://127.0.0.1:${portal}`, TRUST_PROXY_HOPS: '1',
  });

  async function startEngine(): Promise<void> {
    const port = await freePort();
    engines.push({ proc: start(`engine ${port}`, [process.execPath, '--import', 'tsx', 'engine-adapter/src/service/main.ts'], { ...engineEnv(), PORT: String(port) }), port });
  }

  async function leadingEngine(): Promise<{ proc: Proc; port: number }> {
    return eventually(async () => {
      for (const engine of engines) {
        if (engine.proc.child.exitCode === null && (await fetch(`http://127.0.0.1:${engine.port}/ready`).catch(() => null))?.status === 200) return engine;
      }
      return false;
    }, 'an engine to lead', 30_000) as Promise<{ proc: Proc; port: number }>;
  }

  beforeAll(async () => {
    // Built once here: two replicas starting on stale apps would build them twice at once.
    await ensureWebBuild(PORTAL);
    await ensureWebBuild(DESIGNER_APP);
    database = await createServerDatabase(process.env.DATABASE_URL!, 'konstruktor_shape');
    databaseUrl = database.url;

    [engineLb, portal] = [await freePort(), await freePort()];
    await startEngine();
    await startEngine();
    await leadingEngine();

    const [r1, r2] = [await freePort(), await freePort()];
    fs.writeFileSync(path.join(work, 'konstruktor.conf'), renderNginxTemplate({
      ENGINE_LISTEN: `127.0.0.1:${engineLb}`, PORTAL_LISTEN: `127.0.0.1:${portal}`,
      ENGINE_SERVERS: engines.map((e) => `server 127.0.0.1:${e.port} max_fails=0;`).join(' '),
      RUNTIME_SERVERS: `server 127.0.0.1:${r1} max_fails=0; server 127.0.0.1:${r2} max_fails=0;`,
    }));
    for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(work, dir));
    fs.writeFileSync(path.join(work, 'nginx.conf'), `daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  include ${work}/konstruktor.conf;
}
`);
    start('nginx', [NGINX!, '-e', `${work}/error.log`, '-p', work, '-c', `${work}/nginx.conf`], {});

    // The first replica seeds the demo accounts; the second starts once it has.
    runtimes.push({ proc: start('runtime 1', [process.execPath, '--import', 'tsx', 'runtime/src/main.ts'], runtimeEnv(r1)), port: r1 });
    await up(`http://127.0.0.1:${r1}/health/ready`, runtimes[0]!.proc, 'runtime 1');
    runtimes.push({ proc: start('runtime 2', [process.execPath, '--import', 'tsx', 'runtime/src/main.ts'], runtimeEnv(r2)), port: r2 });
    await up(`http://127.0.0.1:${r2}/health/ready`, runtimes[1]!.proc, 'runtime 2');
    const worker = start('worker', [process.execPath, '--import', 'tsx', 'runtime/src/cli/connectors.ts', 'worker'], { ...runtimeEnv(0), LOG_LEVEL: 'info' });
    await eventually(async () => worker.output.join('').includes('connector worker started') || (worker.child.exitCode !== null && Promise.reject(new Error(worker.output.join('')))), 'the worker', 120_000);
    await up(`http://127.0.0.1:${portal}/health/ready`, procs.find((p) => p.name === 'nginx')!, 'the portal through nginx');
  }, 300_000);

  afterAll(async () => {
    for (const proc of procs) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('serves an order end to end, and another after one runtime and the leading engine are killed', async () => {
    const base = `http://127.0.0.1:${portal}`;
    const as = (username: string) => new ApiClient(base).login(username, TEST_PASSWORD);
    const code = `shape-${process.pid}`;
    await publishProcessService({ as } as unknown as TestRuntime, { code, processId: `shape-${process.pid}`, bpmn: BPMN(`shape-${process.pid}`), title: 'Shape permit' });

    const jonas = await as('citizen');
    expect((await jonas.post('/api/me/terms/1/accept')).status).toBe(204);
    const official = await as('official');

    async function orderEndToEnd(label: string): Promise<string> {
      const order = await jonas.post('/api/applications', { service: code, data: {} });
      expect(order.status, `${label}: ${JSON.stringify(order.body)}`).toBe(201);
      const id = order.body.id as string;
      // The worker's connector job: a message in the citizen's inbox.
      await eventually(async () => (await jonas.get('/api/me/messages')).body.items.some((m: { applicationId: string }) => m.applicationId === id), `${label}: the inbox message`, 90_000);
      const task = await eventually(async () => ((await official.get('/api/tasks?limit=100')).body.items as { id: string; applicationId: string }[]).find((t) => t.applicationId === id), `${label}: the review task`, 90_000);
      expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
      expect((await official.post(`/api/tasks/${task.id}/complete`, { variables: {} })).status).toBe(200);
      await eventually(async () => (await jonas.get(`/api/applications/${id}`)).body.status === 'completed', `${label}: the order completed`, 90_000);
      return id;
    }

    const first = await orderEndToEnd('before the kills');

    const victimRuntime = runtimes[0]!.proc;
    victimRuntime.child.kill('SIGKILL');
    const leader = await leadingEngine();
    leader.proc.child.kill('SIGKILL');
    await new Promise((resolve) => leader.proc.child.once('exit', resolve));
    const next = await leadingEngine();
    expect(next).not.toBe(leader);

    const second = await orderEndToEnd('after the kills');
    expect(second).not.toBe(first);
    // Both orders have exactly one process instance each.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(`SELECT data->>'businessKey' AS key, count(*)::int AS n FROM engine_record WHERE kind = 'instances' AND data->>'businessKey' = ANY($1) GROUP BY 1`,
      [[`application:${first}`, `application:${second}`]]);
    await db.end();
    expect(rows.map((r) => r.n)).toEqual([1, 1]);
  }, 400_000);
});
