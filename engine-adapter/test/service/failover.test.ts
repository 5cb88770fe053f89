/**
 * High availability: two engine service processes on one PostgreSQL, one leading, one on standby.
 * With 200 instances in flight and a job worker at work, the leader is killed with SIGKILL several
 * times (each killed process is started again as the new standby). The standby must lead within
 * 10 s each time; in the end every instance completed once, its job completed once. The worker
 * reaches the leader as a load balancer would: on a refused connection or a standby's 503 it
 * asks the other process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/service/main.ts', import.meta.url));
const INSTANCES = 200;
const KILLS = Number(process.env.FAILOVER_KILLS ?? 3);
const AUTH = `Basic ${Buffer.from('ha:a-long-test-password').toString('base64')}`;
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="https://konstruktor.example/ha">
  <bpmn:process id="ha" isExecutable="true">
    <bpmn:startEvent id="start"/><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step"/>
    <bpmn:serviceTask id="step"><bpmn:extensionElements><zeebe:taskDefinition type="ha-step"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end"/><bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;

interface Node { child: ChildProcess; url: string }

describe.skipIf(!process.env.DATABASE_URL)('engine failover on PostgreSQL', () => {
  const database = `konstruktor_failover_${process.pid}`;
  let url: string;
  const nodes: Node[] = [];

  async function startNode(): Promise<Node> {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, DATABASE_URL: url, PORT: '0', ENGINE_BASIC_AUTH: 'ha:a-long-test-password' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /API at (http:\/\/[^/\s]+)\/v2/.exec(out);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`engine exited with ${code}: ${out}`)));
    });
    const node = { child, url: address };
    nodes.push(node);
    return node;
  }

  async function isLeader(node: Node): Promise<boolean> {
    try {
      return (await fetch(`${node.url}/ready`)).status === 200;
    } catch {
      return false;
    }
  }

  async function leader(timeoutMs = 15_000): Promise<Node> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const node of nodes) if (node.child.exitCode === null && (await isLeader(node))) return node;
      if (Date.now() > deadline) throw new Error('no engine process leads');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A request to whichever process leads, again on another one if the connection fails or the process is on standby. */
  async function call(path: string, body: unknown): Promise<{ status: number; body: any }> {
    for (let attempt = 0; ; attempt++) {
      const node = await leader(30_000);
      try {
        const response = await fetch(`${node.url}${path}`, {
          method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body),
        });
        if (response.status !== 503) {
          const text = await response.text();
          return { status: response.status, body: text ? JSON.parse(text) : null };
        }
      } catch {
        // the process died under the request: ask the next leader
      }
      if (attempt > 200) throw new Error(`${path}: no answer`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${database}`;
    url = u.toString();
    await startNode();
    await startNode();
  }, 60_000);

  afterAll(async () => {
    for (const node of nodes) node.child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it(`keeps one leader through ${KILLS} kills of it; every instance and job completes exactly once`, async () => {
    const first = await leader();
    const form = new FormData();
    form.append('resources', new Blob([BPMN]), 'ha.bpmn');
    expect((await fetch(`${first.url}/v2/deployments`, { method: 'POST', body: form, headers: { authorization: AUTH } })).status).toBe(200);

    // Instances are created with a business key: a create retried after a failover starts nothing new.
    const creating = (async () => {
      for (let i = 0; i < INSTANCES; i++) {
        const created = await call('/v2/process-instances', { processDefinitionId: 'ha', variables: { n: i }, tags: [`businessKey:ha-${i}`] });
        expect(created.status).toBe(200);
      }
    })();

    const handled = new Map<number, number>();
    let completions = 0;
    let done = false;
    const working = (async () => {
      while (!done) {
        const { status, body } = await call('/v2/jobs/activation', { type: 'ha-step', worker: 'ha-worker', maxJobsToActivate: 20, timeout: 3000, requestTimeout: 500 });
        if (status !== 200) continue;
        for (const job of body.jobs as { jobKey: string; variables: { n: number } }[]) {
          handled.set(job.variables.n, (handled.get(job.variables.n) ?? 0) + 1);
          const completed = await call(`/v2/jobs/${job.jobKey}/completion`, { variables: { handled: true } });
          // 404: completed before the crash (the answer was lost with the process), or its lease ran out and it is worked again.
          if (completed.status === 204) completions++;
        }
      }
    })();

    const takeovers: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const victim = await leader();
      const killedAt = Date.now();
      victim.child.kill('SIGKILL');
      await new Promise((resolve) => victim.child.once('exit', resolve));
      const next = await leader(20_000);
      takeovers.push(Date.now() - killedAt);
      expect(next).not.toBe(victim);
      nodes.splice(nodes.indexOf(victim), 1);
      await startNode(); // the killed one comes back, as the standby
    }

    await creating;
    const deadline = Date.now() + 120_000;
    let finished = 0;
    while (Date.now() < deadline) {
      const { body } = await call('/v2/process-instances/search', { filter: { processDefinitionId: 'ha', state: 'COMPLETED' }, page: { limit: 1 } });
      finished = body.page.totalItems as number;
      if (finished === INSTANCES) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    done = true;
    await working;

    const all = await call('/v2/process-instances/search', { filter: { processDefinitionId: 'ha' }, page: { limit: 1000 } });
    const keys = (all.body.items as { tags: string[] }[]).map((i) => i.tags[0]);
    const steps = await Promise.all((all.body.items as { processInstanceKey: string }[]).map(async (i) => {
      const found = await call('/v2/element-instances/search', { filter: { processInstanceKey: i.processInstanceKey, elementId: 'step', state: 'COMPLETED' } });
      return found.body.page.totalItems as number;
    }));
    const handledTwice = [...handled.values()].filter((n) => n > 1).length;
    process.stdout.write(`failover: ${KILLS} kills, takeover ${takeovers.join(', ')} ms; ${finished}/${INSTANCES} instances completed, ${keys.length} instances in all, `
      + `${steps.filter((n) => n === 1).length} steps completed once, ${completions} completions accepted, ${handledTwice} jobs handed to the worker again after a lost answer or lease\n`);
    expect(takeovers.every((ms) => ms < 10_000)).toBe(true);
    expect(finished).toBe(INSTANCES);
    expect(new Set(keys).size).toBe(INSTANCES);
    expect(keys).toHaveLength(INSTANCES);
    expect(steps.every((n) => n === 1)).toBe(true);
    expect(completions).toBeLessThanOrEqual(INSTANCES);
  }, 300_000);
});
