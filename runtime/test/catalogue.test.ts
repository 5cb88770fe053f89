import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicePackage } from './support/fixtures.js';
import { citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';

describe('catalogue', () => {
  let t: TestRuntime;
  let permit: string;
  let benefit: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    permit = await publishService(t, { title: { lt: 'Leidimas prekiauti', en: 'Trading permit' }, audience: ['businesses'], lifeEvents: ['starting-a-business'] });
    benefit = await publishService(t, { title: { lv: 'Bērna kopšanas pabalsts', en: 'Childcare benefit' }, audience: ['citizens'], lifeEvents: ['birth-of-a-child'], price: { amount: '0.00', currency: 'EUR' } });
  });
  afterAll(() => t?.close());

  const codes = async (query: string) => (await t.anonymous().get(`/api/services${query}`)).body.items.map((s: { code: string }) => s.code);

  it('filters published services by audience, provider, life event and text in any language', async () => {
    expect(await codes('?audience=businesses')).toEqual([permit]);
    expect(await codes('?lifeEvent=birth-of-a-child')).toEqual([benefit]);
    expect(await codes('?q=kopšanas')).toEqual([benefit]);
    expect(await codes('?q=PREKIAUTI')).toEqual([permit]);
    expect((await codes('?provider=kaunas-city')).sort()).toEqual([benefit, permit].sort());
    expect(await codes('?provider=lv-vsaa')).toEqual([]);
    const page = await t.anonymous().get('/api/services?limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 2, items: [expect.any(Object)] });
  });

  it('shows the card with its provider', async () => {
    const card = (await t.anonymous().get(`/api/services/${benefit}`)).body;
    expect(card).toMatchObject({ code: benefit, provider: { code: 'kaunas-city' }, interactivityLevel: 4, onlineOrder: true, published: true, price: { amount: '0.00', currency: 'EUR' } });
    expect(card.versions).toBeUndefined();
  });

  it('imports a package zipped with its folder, and refuses the same version twice', async () => {
    const pkg = servicePackage();
    const zip = zipSync({ [`${pkg.code}/service.yaml`]: strToU8(stringify(pkg.card)), [`${pkg.code}/data/application.schema.json`]: strToU8('{"type":"object"}') });
    const analyst = await t.as('analyst');
    const imported = await analyst.post('/api/service-packages', { zip: Buffer.from(zip).toString('base64') });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ code: pkg.code, version: '1.0.0', state: 'draft', checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const files = (await analyst.get(`/api/services/${pkg.code}/versions/1.0.0`)).body.files;
    expect(Object.keys(files).sort()).toEqual(['data/application.schema.json', 'service.yaml']);
    const again = await analyst.post('/api/service-packages', { zip: Buffer.from(zip).toString('base64') });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('already has version 1.0.0');
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({ 'service.yaml': new Uint8Array(6 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const response = await (await t.as('analyst')).post('/api/service-packages', { zip: Buffer.from(bomb).toString('base64') });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('/zip');
  });

  it('refuses orders for services that cannot be ordered online', async () => {
    const offline = await publishService(t, { onlineOrder: false, interactivityLevel: 1 });
    const response = await (await citizen(t)).post('/api/applications', { service: offline, data: {} });
    expect(response.status).toBe(409);
  });
});

describe('terms of use', () => {
  let t: TestRuntime;
  beforeAll(async () => { t = await startTestRuntime(); });
  afterAll(() => t?.close());

  it('asks again when a new version comes into effect', async () => {
    const service = await publishService(t);
    const jonas = await citizen(t);
    expect((await jonas.post('/api/applications', { service, data: {} })).status).toBe(201);
    await t.runtime.database.dataSource.query(`INSERT INTO terms_of_use (version, title, body, effective_from) VALUES (2, '{"en":"Terms"}', '{"en":"New terms"}', now())`);
    expect((await t.anonymous().get('/api/terms/current')).body).toMatchObject({ version: 2, body: { en: 'New terms' } });
    expect((await jonas.get('/api/me')).body.terms).toEqual({ currentVersion: 2, accepted: false });
    const refused = await jonas.post('/api/applications', { service, data: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.termsVersion).toBe(2);
    expect((await jonas.post('/api/me/terms/1/accept')).status).toBe(409);
    expect((await jonas.post('/api/me/terms/7/accept')).status).toBe(404);
    expect((await jonas.post('/api/me/terms/2/accept')).status).toBe(204);
    expect((await jonas.post('/api/applications', { service, data: {} })).status).toBe(201);
  });
});

describe('documents', () => {
  let t: TestRuntime;
  beforeAll(async () => { t = await startTestRuntime(); });
  afterAll(() => t?.close());

  it('keeps file bytes with their checksum and refuses to serve altered content', async () => {
    const { documents, db } = t.runtime.services;
    const [owner] = await db.query(`SELECT id FROM app_user WHERE username = 'citizen'`);
    const stored = await documents.store(db.manager, { applicationId: null, ownerId: owner.id, filename: 'sprendimas.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.7 sprendimas') });
    expect(stored).toMatchObject({ size: 19, sha256: createHash('sha256').update('%PDF-1.7 sprendimas').digest('hex') });
    expect((await documents.read(stored.id))!.content.toString()).toBe('%PDF-1.7 sprendimas');
    await db.query(`UPDATE document SET content = 'forged'::bytea WHERE id = $1`, [stored.id]);
    await expect(documents.read(stored.id)).rejects.toThrow(/does not match its checksum/);
  });
});
