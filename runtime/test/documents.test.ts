import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, createUser, startTestRuntime, type TestRuntime } from './support/harness.js';
import { PDF, PNG, publishFormService, VALID_ANSWERS } from './forms-fixture.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('uploads stored as documents', () => {
  let t: TestRuntime;
  let service: string;
  let jonas: ApiClient;
  const upload = (client: ApiClient, query: string, content: Buffer | string, type: string) =>
    client.request('POST', `/api/documents?${query}`, undefined, { raw: content, headers: { 'content-type': type } });
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishFormService(t);
    jonas = await citizen(t);
  });
  afterAll(() => t?.close());

  /** Expects a problem with `status` naming the trouble, and no table changed. */
  async function refused(query: string, content: Buffer | string, type: string, status: number, detail: RegExp) {
    const before = await t.snapshot();
    const response = await upload(jonas, query, content, type);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.detail).toMatch(detail);
    expect(await t.snapshot()).toEqual(before);
  }

  it('stores a file with its checksum and gives it back byte for byte to its owner', async () => {
    const stored = await upload(jonas, 'filename=Planas%20%C5%BEem%C4%97lapis.pdf', PDF, 'application/pdf');
    expect(stored.status).toBe(201);
    expect(stored.body).toEqual({ id: expect.any(String), filename: 'Planas žemėlapis.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) });
    const response = await fetch(`${t.url}/api/documents/${stored.body.id}`, { headers: { cookie: cookieOf(jonas) } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Planas%20%C5%BEem%C4%97lapis.pdf");
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(PDF).digest('base64')}:`);
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await (await citizen(t, 'citizen2')).get(`/api/documents/${stored.body.id}`)).status).toBe(404);
  });

  it('refuses files lying about their type, naming the problem, and stores nothing', async () => {
    await refused('filename=plan.pdf', PNG, 'application/pdf', 422, /declared as application\/pdf, but its content is image\/png/);
    await refused('filename=photo.png', '<html><script>alert(1)</script></html>', 'image/png', 422, /declared as image\/png, but its content is not a file of any accepted type/);
    await refused('filename=plan.png', PDF, 'application/pdf', 422, /whose files end in \.pdf/);
    await refused('filename=page.html', '<html></html>', 'text/html', 415, /"text\/html" is not accepted here/);
    await refused('filename=empty.pdf', '', 'application/pdf', 400, /has no content/);
  });

  it("holds uploads to the form field's limits, else to the platform's", async () => {
    // The plan field takes PDF or PNG up to 100 kB.
    const big = Buffer.concat([PNG, Buffer.alloc(150 * 1024)]);
    await refused(`filename=plan.png&service=${service}&field=plan`, big, 'image/png', 413, /102400 bytes/);
    const jpeg = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=', 'base64');
    await refused(`filename=photo.jpg&service=${service}&field=plan`, jpeg, 'image/jpeg', 415, /send one of: application\/pdf, image\/png/);
    expect((await upload(jonas, 'filename=photo.jpg', jpeg, 'image/jpeg')).status).toBe(201);
    expect((await upload(jonas, `filename=plan.png&service=${service}&field=plan`, big.subarray(0, 90 * 1024), 'image/png')).status).toBe(201);
    await refused('filename=huge.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), 'application/pdf', 413, /limit/);
    await refused('filename=..%2F..%2Fetc%2Fpasswd', PDF, 'application/pdf', 400, /filename/);
    await refused(`filename=plan.png&service=${service}&field=place`, PNG, 'image/png', 422, /"place" is not a file field/);
    await refused(`filename=plan.png&field=plan`, PNG, 'image/png', 400, /service/);
  });

  it('becomes part of the application on submit: officials of the provider agency may then read it, others may not', async () => {
    const stored = await upload(jonas, `filename=plan.png&service=${service}&field=plan`, PNG, 'image/png');
    const official = await t.as('official');
    expect((await official.get(`/api/documents/${stored.body.id}`)).status).toBe(404);
    const submitted = await jonas.post('/api/applications', { service, data: { ...VALID_ANSWERS, plan: stored.body.id } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await jonas.get(`/api/applications/${submitted.body.id}`)).body.data.plan).toBe(stored.body.id);
    expect((await official.get(`/api/documents/${stored.body.id}`)).status).toBe(200);
    await createUser(t, { username: 'official-riga', roles: ['official'], agency: 'lv-vsaa' });
    expect((await (await t.as('official-riga')).get(`/api/documents/${stored.body.id}`)).status).toBe(404);
  });

  it("refuses another citizen's upload in the form data, and stores nothing", async () => {
    const ieva = await citizen(t, 'citizen2');
    const hers = await upload(ieva, 'filename=plan.png', PNG, 'image/png');
    const before = await t.snapshot();
    const response = await jonas.post('/api/applications', { service, data: { ...VALID_ANSWERS, plan: hers.body.id } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ in: 'body', path: '/data/plan', message: 'is not a file you uploaded for this form' }]);
    expect(await t.snapshot()).toEqual(before);
  });

  it('purges uploads never submitted once their time is up, and keeps attached ones', async () => {
    const stale = await upload(jonas, 'filename=stale.png', PNG, 'image/png');
    const fresh = await upload(jonas, 'filename=fresh.png', PNG, 'image/png');
    const db = t.runtime.database.dataSource;
    const [{ hours }] = await db.query(`SELECT extract(epoch FROM purge_after - created_at) / 3600 AS hours FROM document WHERE id = $1`, [fresh.body.id]);
    expect(Number(hours)).toBeCloseTo(24, 0);
    await db.query(`UPDATE document SET purge_after = now() - interval '1 second' WHERE id = $1 OR application_id IS NOT NULL`, [stale.body.id]);
    await t.runtime.services.documents.purgeUnattached();
    expect((await jonas.get(`/api/documents/${stale.body.id}`)).status).toBe(404);
    expect((await jonas.get(`/api/documents/${fresh.body.id}`)).status).toBe(200);
    const [{ attached }] = await db.query('SELECT count(*)::int AS attached FROM document WHERE application_id IS NOT NULL');
    expect(attached).toBeGreaterThan(0);
  });

  it('needs the citizen role to upload and a session to download', async () => {
    expect((await upload(await t.as('official'), 'filename=plan.png', PNG, 'image/png')).status).toBe(403);
    expect((await upload(t.anonymous(), 'filename=plan.png', PNG, 'image/png')).status).toBe(401);
    const stored = await upload(jonas, 'filename=plan.png', PNG, 'image/png');
    expect((await t.anonymous().get(`/api/documents/${stored.body.id}`)).status).toBe(401);
    expect((await jonas.request('POST', '/api/documents?filename=plan.png', undefined, { raw: PNG, headers: { 'content-type': 'image/png' }, csrf: false })).status).toBe(403);
  });
});

/** The session cookie of a client, for a plain fetch that reads the raw bytes (ApiClient reads bodies as text). */
function cookieOf(client: ApiClient): string {
  return (client as unknown as { cookie: string }).cookie;
}
