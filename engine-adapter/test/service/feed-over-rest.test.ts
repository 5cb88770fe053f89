/**
 * The engine's feed reached over REST (the service's /v2/konstruktor/records, read by the REST
 * adapter's subscribe): the same batches, in the same order, as a subscriber in the engine's own
 * process gets; resumable from a position; a listener that throws gets its batch again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EngineRecordBatch } from '../../src/contract.js';
import { engineServiceConfigFromEnv, startEngineService, type EngineService } from '../../src/service/index.js';
import { ZeebeEngine } from '../../src/zeebe/index.js';
import { PERMIT_BPMN } from '../embedded/permit-bpmn.js';

let service: EngineService;
let remote: ZeebeEngine;

beforeAll(async () => {
  service = await startEngineService(engineServiceConfigFromEnv({ ENGINE_BASIC_AUTH: 'runtime:a-long-test-password', PORT: '0', DATA_DIR: 'memory' }));
  await service.leading;
  remote = new ZeebeEngine({ restAddress: service.url, basic: { username: 'runtime', password: 'a-long-test-password' } });
});

afterAll(async () => {
  await remote?.close();
  await service?.close();
});

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('delivers what the engine committed, as an in-process subscriber sees it, and resumes after a position', async () => {
  const local: EngineRecordBatch[] = [];
  const overRest: EngineRecordBatch[] = [];
  const inProcess = service.engine.subscribe(null, (batch) => { local.push(batch); });
  const subscription = remote.subscribe(null, (batch) => { overRest.push(batch); });

  await remote.deploy([{ name: 'permit.bpmn', content: PERMIT_BPMN }]);
  const { instanceKey } = await remote.createInstance({ processId: 'permit', businessKey: 'application:7' });
  const [job] = await remote.activateJobs({ type: 'register', worker: 'w', maxJobs: 1, timeout: 60_000 });
  await remote.completeJob(job!.key, { registered: true });

  await until(() => local.length > 0 && overRest.length === local.length && overRest.at(-1)!.position === local.at(-1)!.position);
  expect(overRest).toEqual(local);
  const records = overRest.flatMap((b) => b.records);
  expect(records).toContainEqual(expect.objectContaining({ valueType: 'PROCESS_INSTANCE', value: expect.objectContaining({ instanceKey, businessKey: 'application:7' }) }));
  expect(records).toContainEqual(expect.objectContaining({ valueType: 'USER_TASK', value: expect.objectContaining({ elementId: 'review', state: 'CREATED' }) }));
  await subscription.close();

  // From a kept position: only what came after it.
  const resumed: EngineRecordBatch[] = [];
  const from = overRest[0]!.position;
  const again = remote.subscribe(from, (batch) => { resumed.push(batch); });
  await until(() => resumed.length === overRest.length - 1);
  expect(resumed.map((b) => b.position)).toEqual(overRest.slice(1).map((b) => b.position));
  await again.close();
  await inProcess.close();
});

it('gives a batch again to a listener that threw, and goes on after it', async () => {
  const seen: string[] = [];
  let failures = 0;
  const subscription = remote.subscribe(null, (batch) => {
    if (failures === 0 && seen.length === 1) {
      failures++;
      throw new Error('the projection could not write');
    }
    seen.push(batch.position);
  });
  await until(() => seen.length >= 3);
  expect(failures).toBe(1);
  expect(new Set(seen).size).toBe(seen.length);
  await subscription.close();
});

it('refuses a position that is not one', () => {
  expect(() => remote.subscribe('yesterday', () => undefined)).toThrow(/not a feed position/);
});
