import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { PNG, publishFormService, VALID_ANSWERS } from './forms-fixture.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
// Without poppler-utils the text cannot be read back; CI installs it and must not skip.
const haveTool = existsSync(PDFTOTEXT) || process.env.CI === 'true';

describe.runIf(haveTool)('PDF of the submitted answers', () => {
  let t: TestRuntime;
  let service: string;
  let jonas: ApiClient;
  let applicationId: string;
  let plan: { id: string; sha256: string };
  let dir: string;

  /** Downloads the PDF with the client's session and returns its text as pdftotext reads it. */
  async function pdfText(client: ApiClient, query = ''): Promise<{ status: number; type: string | null; text: string }> {
    const response = await fetch(`${t.url}/api/applications/${applicationId}/answers.pdf${query}`, { headers: { cookie: (client as unknown as { cookie: string }).cookie } });
    if (response.status !== 200) return { status: response.status, type: response.headers.get('content-type'), text: '' };
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const { stdout } = await promisify(execFile)(PDFTOTEXT, ['-enc', 'UTF-8', file, '-']);
    return { status: 200, type: response.headers.get('content-type'), text: stdout.replace(/\s+/g, ' ') };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'answers-pdf-'));
    t = await startTestRuntime();
    service = await publishFormService(t);
    jonas = await citizen(t);
    plan = (await jonas.request('POST', `/api/documents?filename=${encodeURIComponent('Prekyvietės planas.png')}`, undefined, { raw: PNG, headers: { 'content-type': 'image/png' } })).body;
    const data = {
      ...VALID_ANSWERS, applicant: { ...VALID_ANSWERS.applicant, givenName: 'Ąžuolas Čėsna', familyName: 'Šiaučiūnas' },
      place: 'Rotušės a. 1, Kaunas (ąčęėįšųūž), Ģertrūdes iela (āčēģīķļņšūž)', hasHelpers: true, helpers: [{ name: 'Īrisa Ķēniņa' }, { name: 'Žygimantas Ūsas' }], plan: plan.id, firstDay: '2026-06-01',
    };
    const submitted = await jonas.post('/api/applications', { service, data });
    if (submitted.status !== 201) throw new Error(JSON.stringify(submitted.body));
    applicationId = submitted.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the answers under the form labels in Lithuanian, diacritics intact, repeating groups as entries, files by name and checksum', async () => {
    const { status, type, text } = await pdfText(jonas, '?lang=lt');
    expect(status).toBe(200);
    expect(type).toBe('application/pdf');
    expect(text).toContain('Pateikti atsakymai');
    expect(text).toContain('Vardas: Ąžuolas Čėsna');
    expect(text).toContain('Pavardė: Šiaučiūnas');
    expect(text).toContain('Prekybos vieta: Rotušės a. 1, Kaunas (ąčęėįšųūž), Ģertrūdes iela (āčēģīķļņšūž)');
    expect(text).toContain('Turėsiu padėjėjų: Taip');
    expect(text).toMatch(/Padėjėjai Įrašas 1 Padėjėjas: Īrisa Ķēniņa Įrašas 2 Padėjėjas: Žygimantas Ūsas/);
    expect(text).toContain(`Prekyvietės planas: Prekyvietės planas.png (SHA-256 ${plan.sha256.slice(0, 20)}`);
    expect(text).toContain('Pirmoji prekybos diena: 2026-06-01');
    expect(text).toContain('Puslapis 1 iš 1');
  });

  it('speaks Latvian and English when asked, the page footer too', async () => {
    const lv = (await pdfText(jonas, '?lang=lv')).text;
    expect(lv).toContain('Iesniegtās atbildes');
    expect(lv).toContain('Tirdzniecības vieta: Rotušės a. 1');
    expect(lv).toContain('Lapa 1 no 1');
    const en = (await pdfText(jonas, '?lang=en')).text;
    expect(en).toContain('Trading place: Rotušės a. 1');
    expect(en).toContain('Page 1 of 1');
  });

  it("is for the applicant and the provider agency's officials only", async () => {
    expect((await pdfText(await t.as('official'))).status).toBe(200);
    expect((await pdfText(await citizen(t, 'citizen2'))).status).toBe(404);
    expect((await t.anonymous().get(`/api/applications/${applicationId}/answers.pdf`)).status).toBe(401);
    expect((await (await t.as('analyst')).get(`/api/applications/${applicationId}/answers.pdf`)).status).toBe(403);
  });
});
