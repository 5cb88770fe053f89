import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRuntime, type BenchRuntime } from '../bench/bench-runtime.js';
import { orderBody, smokeTest } from '../bench/http-session.js';

// npm run bench:api is not run by CI; this keeps its set-up and its order valid as the API changes.
// Its runtime is always PGlite and embedded (the bench builds its own settings), so the stages on a
// PostgreSQL server or Zeebe would only repeat it.
describe.skipIf(process.env.DATABASE_URL || process.env.ENGINE === 'zeebe')('the API bench can still run', () => {
  let bench: BenchRuntime;
  beforeAll(async () => {
    bench = await prepareRuntime({ database: 'PGlite' }, { total: 40, forBenchCitizen: 5, syntheticCitizens: 5 });
  }, 120_000);
  afterAll(() => bench?.close());

  it('orders the bench service and lists the order among the citizen\'s bulk-inserted ones', async () => {
    const { visible } = await smokeTest(bench.runtime.url, bench.citizen, orderBody(bench.serviceCode));
    expect(bench.applications).toBe(40);
    expect(visible).toBe(6);
  });
});
