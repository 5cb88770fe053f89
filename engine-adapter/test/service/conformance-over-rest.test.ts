/**
 * The conformance suite through the Camunda 8 REST API: our engine service on loopback, reached
 * by the Zeebe adapter, which speaks to it with the official client
 * (@camunda8/orchestration-cluster-api) exactly as it would to a licensed cluster, with the
 * client checking every request and answer against its schemas of Camunda's specification.
 */
import { afterAll, beforeAll } from 'vitest';
import { engineServiceConfigFromEnv, startEngineService, type EngineService } from '../../src/service/index.js';
import { ZeebeEngine } from '../../src/zeebe/index.js';
import { conformanceSuite } from '../conformance-suite.js';

let service: EngineService;
let engine: ZeebeEngine;

beforeAll(async () => {
  service = await startEngineService(engineServiceConfigFromEnv({
    ENGINE_BASIC_AUTH: 'conformance:a-long-test-password', PORT: '0', ENGINE_PROFILE: 'test',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: 'memory' }),
  }));
  await service.leading;
  engine = new ZeebeEngine({
    restAddress: service.url, managementAddress: service.url, basic: { username: 'conformance', password: 'a-long-test-password' },
    validation: 'strict', // every answer is checked against the client's schemas of Camunda's API
  });
});

afterAll(async () => {
  await engine?.close();
  await service?.close();
});

conformanceSuite('conformance over the REST API of the engine service', () => engine, { knownAs: 'embedded', timeoutMs: 60_000 });
