import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EServiceApplication } from '../src/designer/eservice-application.js';
import { eServiceApplicationPdf } from '../src/designer/eservice-application-pdf.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
// Without poppler-utils the text cannot be read back; CI installs it and must not skip.
const haveTool = existsSync(PDFTOTEXT) || process.env.CI === 'true';

const application: EServiceApplication = {
  code: 'pet-permit', version: '1.2.0',
  title: { lt: 'Leidimas laikyti šunį daugiabutyje', en: 'Permit to keep a dog in a block of flats' },
  summary: { lt: 'Gyventojas prašo leidimo; savivaldybė įvertina ir išduoda sprendimą.' },
  provider: { code: 'kaunas-city', name: { lt: 'Kauno miesto savivaldybė' } },
  legalBasis: 'Gyvūnų gerovės ir apsaugos įstatymas, 7 str.',
  audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true, lifeEvents: ['Gyvūnų laikymas'], retention: { application: 'P5Y' },
  dataProviders: [{ connector: 'konstruktor:registers:population', title: 'Gyventojų registras', settings: {}, elements: ['lookUpPerson'], fields: ['person.givenName', 'person.familyName'] }],
  platformServices: [{ connector: 'konstruktor:documents:generate-pdf', title: 'Document: generate PDF', category: 'Documents', elements: ['decisionPdf'] }],
  steps: [{ elementId: 'start', name: 'Prašymas pateiktas', type: 'bpmn:StartEvent' }, { elementId: 'review', name: 'Peržiūra', type: 'bpmn:UserTask' }],
  documents: ['documents/sprendimas.json'],
};

describe.runIf(haveTool)('PDF of the e-service application', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'eservice-application-pdf-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('reads back with its values, Lithuanian letters intact, and the English page footer', async () => {
    const file = path.join(dir, 'application.pdf');
    await writeFile(file, await eServiceApplicationPdf(application));
    const text = (await promisify(execFile)(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
    for (const expected of [
      'E-service application', 'Leidimas laikyti šunį daugiabutyje (pet-permit 1.2.0)', 'Provider: Kauno miesto savivaldybė (kaunas-city)',
      'Legal basis: Gyvūnų gerovės ir apsaugos įstatymas, 7 str.', 'Gyventojų registras (konstruktor:registers:population)',
      'Fields: person.givenName, person.familyName', '2. Peržiūra — bpmn:UserTask (review)', 'documents/sprendimas.json', 'Page 1 of 1',
    ]) expect(text).toContain(expected);
  });
});
