import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle, type LoginThrottleSettings } from '../src/accounts/login-throttle.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { createTestDatabase } from './support/test-database.js';

const SETTINGS: LoginThrottleSettings = {
  account: { free: 5, maxDelaySeconds: 900 },
  address: { free: 20, maxDelaySeconds: 60 },
  windowSeconds: 900,
};

describe('login throttling', () => {
  let testDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let dataDir: string;
  let clock = Date.parse('2026-12-07T09:00:00Z');
  const throttle = () => new LoginThrottle(database.dataSource, SETTINGS, () => clock);
  const seconds = (n: number) => { clock += n * 1000; };

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'konstruktor-throttle-'));
    database = await openDatabase({ databaseUrl: testDatabase.url, dataDir });
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets an account fail five times, then makes each further try wait 1 s, 2 s, 4 s … up to the longest wait', async () => {
    const t = throttle();
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      const wait = await t.wait('Ona', '192.0.2.1');
      waits.push(wait);
      seconds(wait);
      await t.failed('ona', `192.0.2.${i}`);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    expect(await t.wait('ONA ', '198.51.100.7')).toBe(900);
    // The same address may still try other accounts.
    expect(await t.wait('jonas', '192.0.2.1')).toBe(0);
    // A success clears the account's count.
    seconds(900);
    await t.succeeded('Ona');
    await t.failed('ona', '192.0.2.1');
    expect(await t.wait('ona', '192.0.2.1')).toBe(0);
  });

  it('slows an address that fails on many accounts, briefly and never for longer than its longest wait; other addresses are not slowed', async () => {
    const t = throttle();
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      const wait = await t.wait(`user${i}`, '203.0.113.9');
      waits.push(wait);
      seconds(wait);
      await t.failed(`user${i}`, '203.0.113.9');
    }
    expect(waits.slice(0, 21)).toEqual(Array(21).fill(0));
    expect(waits.slice(21)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await t.wait('someone', '203.0.113.10')).toBe(0);
    // A successful login on some account does not clear the address.
    await t.succeeded('user29');
    expect(await t.wait('someone', '203.0.113.9')).toBe(60);
    // After a quiet window the count starts again.
    seconds(SETTINGS.windowSeconds);
    expect(await t.wait('someone', '203.0.113.9')).toBe(0);
    await t.failed('someone', '203.0.113.9');
    expect(await t.wait('someone', '203.0.113.9')).toBe(0);
  });

  it('keeps its counts in the database: another replica, or the runtime after a restart, sees them', async () => {
    const first = throttle();
    for (let i = 0; i < 6; i++) await first.failed('petras', '192.0.2.200');
    expect(await throttle().wait('petras', '192.0.2.77')).toBe(1);
    await first.purgeExpired();
    expect(await throttle().wait('petras', '192.0.2.77')).toBe(1);
    seconds(SETTINGS.windowSeconds);
    await throttle().purgeExpired();
    expect(await database.dataSource.query(`SELECT count(*)::int AS n FROM login_throttle WHERE key = 'petras'`)).toEqual([{ n: 0 }]);
  });
});
