import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { parse, stringify } from 'yaml';
import { citizen, createUser, startTestRuntime, type TestRuntime } from './support/harness.js';

describe('designer: drafts (list, create, files, copy, zip) and who may touch them', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
    await createUser(t, { username: 'developer-kaunas', roles: ['developer'], agency: 'kaunas-city' });
    await createUser(t, { username: 'analyst-other', roles: ['analyst'], agency: 'lv-vsaa' });
  });
  afterAll(async () => t?.close());

  test('an analyst creates a service with a starter package that a check finds clean', async () => {
    const analyst = await t.as('analyst');
    const created = await analyst.post('/api/designer/services', { code: 'dog-licence', title: 'Dog licence' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code: 'dog-licence', version: '0.1.0', state: 'draft' });

    const version = await analyst.get('/api/services/dog-licence/versions/0.1.0');
    const files = version.body.files as Record<string, { content: string }>;
    expect(Object.keys(files).sort()).toEqual(['data/application.schema.json', 'forms/application.form', 'process.bpmn', 'service.yaml']);
    expect(parse(files['service.yaml']!.content)).toMatchObject({
      code: 'dog-licence', version: '0.1.0', provider: 'kaunas-city', audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true,
      process: { file: 'process.bpmn', processId: 'dog-licence' }, startForm: 'forms/application.form', dataStructure: 'data/application.schema.json',
    });
    expect(files['process.bpmn']!.content).toContain('bpmndi:BPMNShape');
    expect(JSON.parse(files['data/application.schema.json']!.content)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} });

    const check = await analyst.post('/api/designer/services/dog-licence/versions/0.1.0/check');
    expect(check.status).toBe(200);
    expect(check.body.problems.filter((p: any) => p.severity === 'error')).toEqual([]);
    expect(check.body.ok).toBe(true);

    const list = await analyst.get('/api/designer/services');
    expect(list.body.items.find((s: any) => s.code === 'dog-licence')).toMatchObject({ provider: 'kaunas-city', versions: [{ version: '0.1.0', state: 'draft' }] });

    expect((await analyst.post('/api/designer/services', { code: 'dog-licence', title: 'Again' })).status).toBe(409);
    const bad = await analyst.post('/api/designer/services', { code: 'Dog Licence', title: 'x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('/code');
  });

  test('files are saved only to drafts, keeping code and version; copy and zip', async () => {
    const analyst = await t.as('analyst');
    const files = (await analyst.get('/api/services/dog-licence/versions/0.1.0')).body.files as Record<string, { content: string }>;
    const upload = Object.fromEntries(Object.entries(files).map(([path, f]) => [path, f.content]));
    const card = parse(upload['service.yaml']!);

    const before = await t.snapshot();
    const renamed = await analyst.put('/api/designer/services/dog-licence/versions/0.1.0/files', { files: { ...upload, 'service.yaml': stringify({ ...card, code: 'cat-licence' }) } });
    expect(renamed.status).toBe(422);
    expect(renamed.body.errors[0].path).toBe('/files/service.yaml/code');
    const bumped = await analyst.put('/api/designer/services/dog-licence/versions/0.1.0/files', { files: { ...upload, 'service.yaml': stringify({ ...card, version: '0.2.0' }) } });
    expect(bumped.status).toBe(422);
    expect(bumped.body.errors[0].path).toBe('/files/service.yaml/version');
    const missing = await analyst.put('/api/designer/services/dog-licence/versions/0.1.0/files', { files: { 'service.yaml': upload['service.yaml'] } });
    expect(missing.status).toBe(422);
    expect(await t.snapshot()).toEqual(before);

    const oldChecksum = (await analyst.get('/api/services/dog-licence/versions/0.1.0')).body.checksum;
    const saved = await analyst.put('/api/designer/services/dog-licence/versions/0.1.0/files', { files: { ...upload, 'service.yaml': stringify({ ...card, legalBasis: 'Law on dogs, art. 5' }) } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = (await analyst.get('/api/services/dog-licence/versions/0.1.0')).body;
    expect(after.checksum).toBe(saved.body.checksum);
    expect(after.checksum).not.toBe(oldChecksum);
    expect(after.card.legalBasis).toBe('Law on dogs, art. 5');
    const audit = await t.runtime.database.dataSource.query(`SELECT action FROM audit_event WHERE object_id = 'dog-licence' ORDER BY seq`);
    expect(audit.map((r: any) => r.action)).toEqual(['service-version.imported', 'service-version.files-saved']);

    const copy = await analyst.post('/api/designer/services/dog-licence/versions/0.1.0/copy', { version: '0.2.0' });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    const copied = (await analyst.get('/api/services/dog-licence/versions/0.2.0')).body;
    expect(copied.card).toMatchObject({ version: '0.2.0', legalBasis: 'Law on dogs, art. 5' });
    expect((await analyst.post('/api/designer/services/dog-licence/versions/0.1.0/copy', { version: '0.2.0' })).status).toBe(409);

    const zip = await fetch(`${t.url}/api/designer/services/dog-licence/versions/0.2.0/package.zip`, { headers: { cookie: (analyst as any).cookie } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-disposition')).toContain('attachment');
    const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(['data/application.schema.json', 'forms/application.form', 'process.bpmn', 'service.yaml']);
    expect(parse(strFromU8(entries['service.yaml']!)).version).toBe('0.2.0');

    // Published versions are frozen.
    expect((await analyst.post('/api/services/dog-licence/versions/0.1.0/publish')).status).toBe(200);
    const frozen = await analyst.put('/api/designer/services/dog-licence/versions/0.1.0/files', { files: upload });
    expect(frozen.status).toBe(409);
    expect(frozen.body.detail).toContain('published');
  });

  test('developers read, only analysts write; another agency sees nothing; citizens are refused; big bodies are refused', async () => {
    const developer = await t.as('developer-kaunas');
    expect((await developer.get('/api/designer/services')).body.items.map((s: any) => s.code)).toContain('dog-licence');
    expect((await developer.post('/api/designer/services/dog-licence/versions/0.2.0/check')).status).toBe(200);
    expect((await developer.post('/api/designer/services', { code: 'dev-made', title: 'x' })).status).toBe(403);
    expect((await developer.post('/api/designer/services/dog-licence/versions/0.2.0/copy', { version: '0.3.0' })).status).toBe(403);

    const other = await t.as('analyst-other');
    expect((await other.get('/api/designer/services')).body.items).toEqual([]);
    expect((await other.post('/api/designer/services/dog-licence/versions/0.2.0/check')).status).toBe(404);
    expect((await other.get('/api/designer/services/dog-licence/versions/0.2.0/package.zip')).status).toBe(404);
    expect((await other.post('/api/designer/services/dog-licence/versions/0.2.0/copy', { version: '0.9.0' })).status).toBe(404);
    expect((await other.post('/api/designer/test-runs', { code: 'dog-licence', version: '0.2.0', connectors: 'manual' })).status).toBe(404);

    const person = await citizen(t);
    expect((await person.get('/api/designer/services')).status).toBe(403);
    expect((await person.post('/api/designer/services', { code: 'x-service', title: 'x' })).status).toBe(403);
    expect((await t.anonymous().get('/api/designer/services')).status).toBe(401);

    const analyst = await t.as('analyst');
    const huge = await analyst.put('/api/designer/services/dog-licence/versions/0.2.0/files', { files: { 'service.yaml': 'x'.repeat(9 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });
});
