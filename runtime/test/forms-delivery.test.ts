import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBrowserValidation, type FormSchema, type StructureCheckFactory } from '@konstruktor/forms';
import type { ApiClient } from './support/api-client.js';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { publishFormService, VALID_ANSWERS } from './forms-fixture.js';

describe('the start form served to the portal', () => {
  let t: TestRuntime;
  let service: string;
  let jonas: ApiClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishFormService(t);
    jonas = await citizen(t);
  });
  afterAll(() => t?.close());

  it('gives the form in the language asked for, with its pages, structure and viewer strings', async () => {
    const lt = await jonas.get(`/api/services/${service}/form?lang=lt`);
    expect(lt.status).toBe(200);
    expect(lt.body).toMatchObject({ service, version: '1.0.0', locale: 'lt', validator: `/api/services/${service}/form/validator.js` });
    expect(lt.body.pages.map((p: { label: string }) => p.label)).toEqual(['Pareiškėjas', 'Prekyba']);
    expect(JSON.stringify(lt.body.pages[1].schema)).toContain('Prekybos vieta');
    expect(lt.body.structure.properties.plan).toEqual({ type: 'string', format: 'document' });
    expect(lt.body.viewerTranslations['Add new']).toBe('Pridėti');

    const lv = await t.anonymous().request('GET', `/api/services/${service}/form`, undefined, { headers: { 'accept-language': 'lv-LV,lv;q=0.9' } });
    expect(lv.body.locale).toBe('lv');
    expect(lv.body.pages[0].label).toBe('Iesniedzējs');
    const en = await t.anonymous().get(`/api/services/${service}/form?lang=en`);
    expect(en.body.pages[0].label).toBe('Applicant');
    expect(en.body.viewerTranslations).toBeUndefined();
    expect((await t.anonymous().get(`/api/services/${service}/form?lang=de`)).status).toBe(400);
    expect((await t.anonymous().get('/api/services/no-such-service/form')).status).toBe(404);
  });

  it("prefills fields from the citizen's profile with their source, and nothing for anyone else", async () => {
    const mine = await jonas.get(`/api/services/${service}/form?lang=lt`);
    expect(mine.body.prefill).toEqual({
      'applicant.givenName': { value: 'Jonas', source: 'profile.givenName' },
      'applicant.familyName': { value: 'Jonaitis', source: 'profile.familyName' },
      'applicant.personalCode': { value: '38501010013', source: 'profile.personalCode' },
    });
    expect((await (await citizen(t, 'citizen2')).get(`/api/services/${service}/form`)).body.prefill['applicant.familyName']).toEqual({ value: 'Bērziņa', source: 'profile.familyName' });
    expect((await t.anonymous().get(`/api/services/${service}/form`)).body.prefill).toEqual({});
  });

  it('serves the browser validator as a cacheable ES module that judges data as the server does', async () => {
    const response = await fetch(`${t.url}/api/services/${service}/form/validator.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const source = await response.text();
    expect(await revalidated(`${t.url}/api/services/${service}/form/validator.js`, etag)).toBe(304);

    const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { default: StructureCheckFactory };
    const form = (await t.anonymous().get(`/api/services/${service}/form?lang=en`)).body.form as FormSchema;
    const browser = loadBrowserValidation(module.default, form);
    const invalid = { ...VALID_ANSWERS, place: 7, hasHelpers: true, extra: 'x' };
    const inBrowser = browser.validate(invalid, { locale: 'en' }).errors.map((e) => ({ path: `/data${e.path}`, message: e.message }));
    const onServer = await jonas.post('/api/applications', { service, data: invalid });
    expect(onServer.status).toBe(422);
    expect(onServer.body.errors.map((e: { path: string; message: string }) => ({ path: e.path, message: e.message }))).toEqual(inBrowser);
    expect(inBrowser.map((e) => e.path)).toEqual(expect.arrayContaining(['/data/place', '/data/helpers', '/data/extra']));
    expect(browser.validate(VALID_ANSWERS).valid).toBe(true);
  });
});

/** Status of a conditional GET as a browser cache sends it (fetch would add Cache-Control: no-cache). */
function revalidated(url: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'if-none-match': etag } }, (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject);
  });
}
