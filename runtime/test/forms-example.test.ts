import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsistency, type FormSchema, type StructureSchema } from '@konstruktor/forms';
import { exampleServiceDir } from '@konstruktor/examples';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';

const PACKAGE = exampleServiceDir('street-trading-permit');

async function packageFiles(dir: string, prefix = ''): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, await packageFiles(path.join(dir, entry.name), relative));
    else files[relative] = await readFile(path.join(dir, entry.name), 'utf8');
  }
  return files;
}

const ORDER = {
  contact: { givenName: 'Jonas', familyName: 'Jonaitis', email: 'jonas@example.lt' },
  tradingAs: 'person', place: 'Rotušės a. 1', from: '2026-05-01', to: '2026-05-31', goods: 'Gėlės ir medus',
};

describe('the street trading permit example is a form-based service', () => {
  let t: TestRuntime;
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await packageFiles(PACKAGE);
    t = await startTestRuntime();
    const analyst = await t.as('analyst');
    expect((await analyst.post('/api/service-packages', { files })).status).toBe(201);
    expect((await analyst.post('/api/services/street-trading-permit/versions/1.3.2/publish')).status).toBe(200);
  });
  afterAll(() => t?.close());

  it('has a start form consistent with its data structure', () => {
    const structure = JSON.parse(files['data/application.schema.json']!) as StructureSchema;
    const form = JSON.parse(files['forms/application.form']!) as FormSchema;
    expect(checkConsistency(structure, form).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('opens with the values from the profile in the contact group, and an order built on them is taken', async () => {
    const jonas = await citizen(t);
    const form = await jonas.get('/api/services/street-trading-permit/form?lang=en');
    expect(form.body.data).toEqual({ contact: { givenName: 'Jonas', familyName: 'Jonaitis', email: 'jonas@example.lt' } });
    const { contact: _typed, ...rest } = ORDER;
    const ordered = await jonas.post('/api/applications', { service: 'street-trading-permit', data: { ...form.body.data, ...rest } });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    // The dotted names as top-level keys (what the portal sent) are fields the form does not have.
    const flat = Object.fromEntries(Object.entries(form.body.prefill as Record<string, { value: string }>).map(([key, { value }]) => [key, value]));
    const refused = await jonas.post('/api/applications', { service: 'street-trading-permit', data: { ...flat, ...rest } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual({ in: 'body', path: '/data/contact.email', message: 'This field is not part of the form.' });
  });

  it('takes an order of a natural person (no company code asked) and refuses a company without one', async () => {
    const jonas = await citizen(t);
    const form = await jonas.get('/api/services/street-trading-permit/form?lang=lt');
    expect(form.body.pages.length).toBeGreaterThan(1);
    expect(form.body.prefill['contact.email']).toEqual({ value: 'jonas@example.lt', source: 'profile.email' });
    const ordered = await jonas.post('/api/applications', { service: 'street-trading-permit', data: { ...ORDER, companyCode: '123' } });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(201);
    expect((await jonas.get(`/api/applications/${ordered.body.id}`)).body.data).toEqual(ORDER);
    const company = await jonas.request('POST', '/api/applications', { service: 'street-trading-permit', data: { ...ORDER, tradingAs: 'company' } }, { headers: { 'accept-language': 'lt' } });
    expect(company.status).toBe(422);
    expect(company.body.errors).toContainEqual({ in: 'body', path: '/data/companyCode', message: 'Šis laukas privalomas.' });
  });
});
