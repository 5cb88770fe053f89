import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError, type EngineRecord, type EngineRecordBatch } from '../../src/contract.js';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../src/embedded/index.js';
import { PERMIT_BPMN as BPMN } from './permit-bpmn.js';



const PGLITE_TIMEOUT = 240_000;

/** Collects what a subscription delivers; `until` waits for a record that matches. */
function collector() {
  const batches: EngineRecordBatch[] = [];
  const waiters: { match: (r: EngineRecord) => boolean; resolve: () => void }[] = [];
  const records = () => batches.flatMap((b) => b.records);
  return {
    batches,
    records,
    listener: (batch: EngineRecordBatch) => {
      batches.push(batch);
      for (const w of [...waiters]) if (batch.records.some(w.match)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    },
    until: (match: (r: EngineRecord) => boolean) => (records().some(match) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ match, resolve }))),
  };
}

const describeRecord = (r: EngineRecord): string => {
  switch (r.valueType) {
    case 'PROCESS_INSTANCE': return `instance ${r.value.state}`;
    case 'ELEMENT_INSTANCE': return `${r.value.elementId} ${r.value.state}`;
    case 'JOB': return `job ${r.value.type} ${r.value.state}`;
    case 'USER_TASK': return `task ${r.value.elementId} ${r.value.state}`;
    case 'INCIDENT': return `incident ${r.value.errorType}`;
    case 'VARIABLE': return `variables ${Object.keys(r.value.variables).join(',')}`;
  }
};

describe('the embedded engine feed', () => {
  let engine: EmbeddedEngine | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function runToTask(businessKey: string) {
    await engine!.deploy([{ name: 'permit.bpmn', content: BPMN }]);
    const { instanceKey } = await engine!.createInstance({ processId: 'permit', businessKey, variables: { applicant: 'LT-1' } });
    const [job] = await engine!.activateJobs({ type: 'register', worker: 'w', maxJobs: 1, timeout: 10_000 });
    await engine!.completeJob(job!.key, { registered: true });
    return instanceKey;
  }

  /** Completes the review, then the approval. */
  async function finishTasks(instanceKey: string) {
    for (const elementId of ['review', 'approve']) {
      const [task] = await engine!.userTasks({ instanceKey, elementId, state: 'CREATED' });
      await engine!.completeUserTask(task!.key, { decision: 'ok' });
    }
  }

  it('reports what each commit changed, in order, from the instance to its end', async () => {
    engine = await createEmbeddedEngine();
    const seen = collector();
    const subscription = engine.subscribe(null, seen.listener);
    const instanceKey = await runToTask('application:1');
    await seen.until((r) => r.valueType === 'USER_TASK' && r.value.state === 'CREATED');
    await finishTasks(instanceKey);
    await seen.until((r) => r.valueType === 'PROCESS_INSTANCE' && r.value.state === 'COMPLETED');
    await subscription.close();

    const created = seen.records().find((r) => r.valueType === 'PROCESS_INSTANCE');
    expect(created?.value).toMatchObject({ instanceKey, processId: 'permit', businessKey: 'application:1', state: 'ACTIVE' });
    const story = seen.records().map(describeRecord);
    expect(story).toContain('job register ACTIVATABLE');
    expect(story).toContain('job register ENDED');
    expect(story).toContain('task review CREATED');
    expect(story).toContain('task review COMPLETED');
    expect(story.indexOf('task review CREATED')).toBeLessThan(story.indexOf('task review COMPLETED'));
    expect(story.at(-1 - [...story].reverse().findIndex((s) => s.startsWith('instance')))).toBe('instance COMPLETED');
    expect(seen.records().find((r) => r.valueType === 'USER_TASK')?.value).toMatchObject({ candidateGroups: ['clerks'], instanceKey });
    const positions = seen.batches.map((b) => BigInt(b.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('starts one instance for a business key, however often it is asked', async () => {
    engine = await createEmbeddedEngine();
    await engine.deploy([{ name: 'permit.bpmn', content: BPMN }]);
    const first = await engine.createInstance({ processId: 'permit', businessKey: 'application:7' });
    const again = await engine.createInstance({ processId: 'permit', businessKey: 'application:7' });
    const other = await engine.createInstance({ processId: 'permit', businessKey: 'application:8' });
    expect(again).toEqual(first);
    expect(other.instanceKey).not.toBe(first.instanceKey);
    expect((await engine.activateJobs({ type: 'register', worker: 'w', maxJobs: 10, timeout: 10_000 })).length).toBe(2);
  });

  it('gives a batch again to a listener that threw, and goes on after it', async () => {
    engine = await createEmbeddedEngine();
    const delivered: string[] = [];
    let failures = 0;
    const subscription = engine.subscribe(null, (batch) => {
      if (failures < 1 && batch.records.some((r) => r.valueType === 'USER_TASK')) {
        failures += 1;
        throw new Error('projection down');
      }
      delivered.push(batch.position);
    });
    await runToTask('application:2');
    await engine.createInstance({ processId: 'permit', businessKey: 'application:3' });
    await expect.poll(() => delivered.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await subscription.close();
    expect(failures).toBe(1);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.map(BigInt)).toEqual([...delivered.map(BigInt)].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('refuses a position that is not one', async () => {
    engine = await createEmbeddedEngine();
    expect(() => engine!.subscribe('abc', () => undefined)).toThrow(EngineError);
    expect(() => engine!.subscribe('-1', () => undefined)).toThrow(/not a feed position/);
  });

  it('resumes after a restart from the position a reader kept, with nothing missed or repeated (PGlite)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-feed-'));
    dirs.push(dataDir);
    engine = await createEmbeddedEngine({ dataDir });
    const before = collector();
    const first = engine.subscribe(null, before.listener);
    const instanceKey = await runToTask('application:4');
    // Past ten batches, so the store must give them back in numeric order ('10' sorts before '9' as text).
    for (let i = 0; i < 12; i += 1) await engine.createInstance({ processId: 'permit', businessKey: `application:extra-${i}` });
    await before.until((r) => r.valueType === 'USER_TASK');
    await first.close();
    const kept = before.batches.at(-1)!.position;
    await engine.close();

    engine = await createEmbeddedEngine({ dataDir });
    await finishTasks(instanceKey);
    const after = collector();
    const second = engine.subscribe(kept, after.listener);
    await after.until((r) => r.valueType === 'PROCESS_INSTANCE' && r.value.state === 'COMPLETED');
    await second.close();
    expect(BigInt(after.batches[0]!.position)).toBeGreaterThan(BigInt(kept));
    expect(after.records().map(describeRecord)).toContain('task review COMPLETED');
    expect(after.records().map(describeRecord)).not.toContain('task review CREATED');

    // A reader from the start reads the whole story back from the store.
    const all = collector();
    const third = engine.subscribe(null, all.listener);
    await all.until((r) => r.valueType === 'PROCESS_INSTANCE' && r.value.state === 'COMPLETED');
    await third.close();
    expect(all.batches.map((b) => b.position)).toEqual([...before.batches, ...after.batches].map((b) => b.position));
    expect(all.batches.length).toBeGreaterThan(12);
    expect(all.batches.map((b) => BigInt(b.position))).toEqual(all.batches.map((b) => BigInt(b.position)).sort((a, b) => (a < b ? -1 : 1)));
  }, PGLITE_TIMEOUT);
});
