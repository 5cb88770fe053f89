/**
 * One life of the crash test: the embedded engine on PGlite in a folder, 3 job workers, and a
 * log line appended (synchronously) for every job completion the engine acknowledged. The
 * parent kills this process with SIGKILL at random moments and starts it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { EmbeddedEngine, PgStore, poolClient, ENGINE_SCHEMA } from '../../../src/embedded/index.js';
import pg from 'pg';

const dir = process.env.CRASH_DIR!;
const INSTANCES = Number(process.env.CRASH_INSTANCES ?? 200);
const TYPES = ['a', 'b', 'c'];
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">
  <bpmn:process id="crash" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="a" />
    ${TYPES.map((t, i) => `<bpmn:serviceTask id="${t}"><bpmn:extensionElements><zeebe:taskDefinition type="${t}" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f${i + 1}" sourceRef="${t}" targetRef="${TYPES[i + 1] ?? 'end'}" />`).join('\n')}
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const pglite = await PGlite.create(path.join(dir, 'pgdata'));
const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 });
await server.start();
// PGlite has one session: one connection, so transactions never interleave.
const pool = new pg.Pool({ connectionString: `postgres://postgres@${server.getServerConn()}/postgres`, max: 1 });
await pool.query(ENGINE_SCHEMA);
const engine = await EmbeddedEngine.start(new PgStore(poolClient(pool)));
const acks = path.join(dir, 'acks.log');
const executions = path.join(dir, 'executions.log');

await engine.deploy([{ name: 'crash.bpmn', content: BPMN }]);
const marker = path.join(dir, 'created');
if (!fs.existsSync(marker)) {
  await Promise.all(Array.from({ length: INSTANCES }, (_, i) => engine.createInstance({ processId: 'crash', variables: { n: i } })));
  fs.writeFileSync(marker, 'yes');
}
process.stdout.write('ready\n');

for (;;) {
  let worked = 0;
  await Promise.all(TYPES.map(async (type) => {
    const jobs = await engine.activateJobs({ type, worker: `w-${process.pid}`, maxJobs: 20, timeout: 1000 });
    worked += jobs.length;
    await Promise.all(jobs.map(async (job) => {
      fs.appendFileSync(executions, `${job.elementInstanceKey}\n`);
      await engine.completeJob(job.key, { [`${type}By`]: process.pid });
      fs.appendFileSync(acks, `${job.elementInstanceKey} ${job.instanceKey} ${type}\n`);
    }));
  }));
  if (!worked) {
    const states = await Promise.all((await pool.query(`SELECT key FROM engine_record WHERE kind = 'instances'`)).rows.map((r) => engine.instance(r.key as string)));
    if (states.length === INSTANCES && states.every((s) => s?.state === 'COMPLETED')) {
      // The engine's own history: how often each element of each instance completed.
      const completions = new Map<string, number>();
      for (const state of states) {
        for (const element of await engine.elementInstances(state!.instanceKey)) {
          if (element.state === 'COMPLETED') completions.set(`${element.elementId}`, (completions.get(element.elementId) ?? 0) + 1);
        }
      }
      process.stdout.write(`done ${JSON.stringify({ completed: states.length, completions: Object.fromEntries(completions) })}\n`);
      await engine.close();
      await pool.end();
      await server.stop();
      await pglite.close();
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
