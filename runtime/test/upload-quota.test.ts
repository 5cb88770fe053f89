import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, startTestRuntime, type TestRuntime } from './support/harness.js';
import { PDF, PNG } from './forms-fixture.js';

describe('upload quotas', () => {
  let t: TestRuntime;
  const upload = (client: ApiClient, filename: string, content: Buffer, type: string) =>
    client.request('POST', `/api/documents?filename=${filename}`, undefined, { raw: content, headers: { 'content-type': type } });

  beforeAll(async () => {
    t = await startTestRuntime({ uploadQuota: { perDay: 4, unattachedBytes: Math.floor(PDF.length * 2.5) } });
  });
  afterAll(() => t?.close());

  it('refuses more bytes waiting unsubmitted than the limit with a 413 naming it, and stores nothing', async () => {
    const jonas = await citizen(t);
    expect((await upload(jonas, 'a.pdf', PDF, 'application/pdf')).status).toBe(201);
    expect((await upload(jonas, 'b.pdf', PDF, 'application/pdf')).status).toBe(201);
    const before = await t.snapshot();
    const refused = await upload(jonas, 'c.pdf', PDF, 'application/pdf');
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ type: 'urn:konstruktor:problem:upload-quota', limit: Math.floor(PDF.length * 2.5) });
    expect(refused.body.detail).toContain('Files not yet submitted with an application may take');
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses more files a day than the limit with a 429 that says when to try again; other people are not affected', async () => {
    const ona = await citizen(t, 'citizen2');
    for (let i = 0; i < 4; i++) expect((await upload(ona, `p${i}.png`, PNG, 'image/png')).status).toBe(201);
    const before = await t.snapshot();
    const refused = await upload(ona, 'p5.png', PNG, 'image/png');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ type: 'urn:konstruktor:problem:upload-quota', limit: 4 });
    expect(refused.body.detail).toContain('You may upload 4 files a day');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBe(refused.body.retryAfter);
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(await t.snapshot()).toEqual(before);
    await createUser(t, { username: 'ieva', roles: ['citizen'], personalCode: '49001010011' });
    expect((await upload(await citizen(t, 'ieva'), 'x.png', PNG, 'image/png')).status).toBe(201);
  });
});
