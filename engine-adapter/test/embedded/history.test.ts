import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../src/embedded/index.js';
import { PERMIT_BPMN as BPMN } from './permit-bpmn.js';



/** A fresh PGlite folder takes its initdb: half a minute when the shared machine is loaded. */
const PGLITE_TIMEOUT = 240_000;

/** Finished element instances and user tasks leave the engine's memory; their history comes from the store. */
describe('embedded engine history', () => {
  let engine: EmbeddedEngine | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await engine?.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  const timeline = async (instanceKey: string) => (await engine!.elementInstances(instanceKey)).map((e) => `${e.elementId}:${e.state}`);

  async function toSecondTask(): Promise<string> {
    await engine!.deploy([{ name: 'permit.bpmn', content: BPMN }]);
    const { instanceKey } = await engine!.createInstance({ processId: 'permit', variables: { applicant: 'LT-1' } });
    const [job] = await engine!.activateJobs({ type: 'register', worker: 'w', maxJobs: 1, timeout: 10_000 });
    await engine!.completeJob(job!.key, { registered: true });
    const [review] = await engine!.userTasks({ instanceKey, state: 'CREATED' });
    await engine!.completeUserTask(review!.key, { decision: 'ok' });
    return instanceKey;
  }

  for (const store of ['PGlite', 'memory'] as const) {
    it(`shows finished steps and tasks in creation order (${store})`, async () => {
      const dataDir = store === 'PGlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-history-')) : 'memory';
      if (store === 'PGlite') dirs.push(dataDir);
      engine = await createEmbeddedEngine({ dataDir });
      const instanceKey = await toSecondTask();
      expect(await timeline(instanceKey)).toEqual(['permit:ACTIVE', 'start:COMPLETED', 'register:COMPLETED', 'review:COMPLETED', 'approve:ACTIVE']);
      expect((await engine.userTasks({ instanceKey })).map((t) => `${t.elementId}:${t.state}`)).toEqual(['review:COMPLETED', 'approve:CREATED']);
      expect((await engine.userTasks({ state: 'COMPLETED', candidateGroup: 'clerks' })).map((t) => t.instanceKey)).toEqual([instanceKey]);
      expect(await engine.userTasks({ state: 'CREATED', elementId: 'review' })).toEqual([]);
    }, PGLITE_TIMEOUT);
  }

  it('keeps the history across a restart and gives new keys above every old one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-history-'));
    dirs.push(dataDir);
    engine = await createEmbeddedEngine({ dataDir });
    const instanceKey = await toSecondTask();
    const before = await timeline(instanceKey);
    const keys = (await engine.elementInstances(instanceKey)).map((e) => BigInt(e.key));
    await engine.close();

    engine = await createEmbeddedEngine({ dataDir });
    expect(await timeline(instanceKey)).toEqual(before);
    const [approve] = await engine.userTasks({ instanceKey, state: 'CREATED' });
    expect(approve).toMatchObject({ elementId: 'approve' });
    await engine.completeUserTask(approve!.key);
    expect(await engine.instance(instanceKey)).toMatchObject({ state: 'COMPLETED' });
    const after = await engine.elementInstances(instanceKey);
    expect(after.map((e) => `${e.elementId}:${e.state}`)).toEqual(['permit:COMPLETED', 'start:COMPLETED', 'register:COMPLETED', 'review:COMPLETED', 'approve:COMPLETED', 'end:COMPLETED']);
    expect(BigInt(after.at(-1)!.key) > keys.reduce((a, b) => (a > b ? a : b))).toBe(true);
    expect(Object.fromEntries((await engine.variables(instanceKey)).map((v) => [v.name, v.value]))).toEqual({ applicant: 'LT-1', registered: true, decision: 'ok' });
  }, PGLITE_TIMEOUT);
});
