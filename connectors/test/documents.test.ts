import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import {
  fillTemplate, generateDocument, memoryPlatformServices, parseTemplate, renderPdf, runConnectors, serviceTaskBpmn, waitFor,
  type ConnectorLogger, type ConnectorWorkerHandle,
} from '../src/index.js';

const run = promisify(execFile);
const templates = path.join(import.meta.dirname, '..', 'src', 'documents', 'templates');
const template = (name: string) => JSON.parse(readFileSync(path.join(templates, name), 'utf8')) as Record<string, unknown>;
// Poppler's pdftotext reads the text back as a PDF reader would; CI must have it (it is installed there).
const havePoppler = existsSync('/usr/bin/pdftotext') || process.env.CI === 'true';

let dir: string;
const packageFiles: Record<string, string> = { 'documents/permit.json': readFileSync(path.join(templates, 'permit-lv.json'), 'utf8') };
async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']);
  const { stdout: info } = await run('pdfinfo', [file]);
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

const quiet: ConnectorLogger = { debug() {}, info() {}, warn() {}, error() {} };

describe.skipIf(!havePoppler)('PDF documents from templates', () => {
  let engine: EngineAdapter;
  let services: ReturnType<typeof memoryPlatformServices>;
  let worker: ConnectorWorkerHandle;

  beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'konstruktor-documents-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });
  beforeEach(async () => {
    engine = await createEmbeddedEngine();
    // The service package of the application, as the runtime would read it (runtime/src/package-files).
    services = { ...memoryPlatformServices(engine), servicePackage: { readText: async (_applicationId: string, file: string) => packageFiles[file] ?? null } };
    worker = runConnectors({ engine, connectors: [generateDocument], services, logger: quiet, pollIntervalMs: { min: 10, max: 50 } });
  });
  afterEach(async () => {
    await worker.close();
    await engine.close();
  });

  /** Runs the connector in a one-task process on the embedded engine; returns the instance key. */
  async function generate(variables: Record<string, unknown>, catchErrorCode?: string) {
    const processId = `doc${Math.random().toString(36).slice(2, 8)}`;
    await engine.deploy([{ name: `${processId}.bpmn`, content: serviceTaskBpmn({
      processId, type: generateDocument.id, retries: 1,
      inputs: { template: '=documentTemplate', data: '=documentData', filename: '=documentName' },
      headers: { resultVariable: 'document' },
      ...(catchErrorCode ? { catchErrorCode } : {}),
    }) }]);
    const { instanceKey } = await engine.createInstance({ processId, variables: { applicationId: '0b6f0a8e-51f4-4f57-9d7b-3f1f4d0f2a11', ...variables } });
    await waitFor(async () => (await engine.instance(instanceKey))?.state === 'COMPLETED', 20_000, 'the instance to complete');
    const values = Object.fromEntries((await engine.variables(instanceKey)).filter((v) => v.scopeKey === instanceKey).map((v) => [v.name, v.value]));
    return values;
  }

  it('a Lithuanian decision: diacritics and the filled data read back from the PDF, stored with the application', async () => {
    const values = await generate({
      documentTemplate: template('decision-lt.json'),
      documentName: 'sprendimas.pdf',
      documentData: {
        agency: { name: 'Kauno miesto savivaldybės administracija' },
        applicant: { name: 'Jūratė Žemaitienė-Čiurlionė', personalCode: '48501010015' },
        application: { number: 'KNS-2026-000042', place: 'Laisvės alėja 53, Kaunas' },
        decision: { date: '2026-11-21T10:00:00Z' },
        fee: 1550,
        goods: [{ name: 'Ąžuolo medaus stiklainiai', quantity: 40 }, { name: 'Šilko skarelės, įvairios', quantity: 25 }, { name: 'Ėriukų vilnos pirštinės', quantity: 12 }, { name: 'Kęstučio bitynų medaus korys', quantity: 6 }],
      },
    });
    const document = values.document as { documentId: string; filename: string; mediaType: string; pages: number };
    expect(document).toMatchObject({ filename: 'sprendimas.pdf', mediaType: 'application/pdf', pages: 1 });
    const stored = services.stored.get(document.documentId)!;
    expect(stored.applicationId).toBe('0b6f0a8e-51f4-4f57-9d7b-3f1f4d0f2a11');
    const { text, pages } = await pdfText(stored.content);
    expect(pages).toBe(1);
    for (const letter of 'ąčęėįšųūž') expect(text).toContain(letter);
    for (const filled of ['SPRENDIMAS DĖL LEIDIMO PREKIAUTI VIEŠOJE VIETOJE', 'Nr. KNS-2026-000042', 'Jūratė Žemaitienė-Čiurlionė', '48501010015', 'Laisvės alėja 53, Kaunas', '2026-11-21', '15,50 Eur', 'Ąžuolo medaus stiklainiai', 'Šilko skarelės, įvairios', 'Ėriukų vilnos pirštinės', 'Kęstučio bitynų medaus korys', 'Puslapis 1 iš 1']) {
      expect(text).toContain(filled);
    }
    expect(text).not.toContain('{{');
  });

  it('a Latvian permit: ā ē ģ ī ķ ļ ņ read back from the PDF', async () => {
    const values = await generate({
      documentTemplate: template('permit-lv.json'),
      documentName: 'atlauja.pdf',
      documentData: {
        agency: { name: 'Rīgas valstspilsētas pašvaldība' },
        applicant: { name: 'Ģirts Ķēniņš-Ļaudona', personalCode: '010190-10002' },
        permit: { number: 'RIG-77', place: 'Ikšķiles tirgus, Ķeģu iela 4', validUntil: '2027-06-30' },
        fee: 2000,
      },
    });
    const { text } = await pdfText(services.stored.get((values.document as { documentId: string }).documentId)!.content);
    for (const letter of 'āēģīķļņš') expect(text).toContain(letter);
    for (const filled of ['ATĻAUJA IELU TIRDZNIECĪBAI Nr. RIG-77', 'Ģirts Ķēniņš-Ļaudona', 'Ikšķiles tirgus, Ķeģu iela 4', '2027-06-30', '20,00 EUR', 'Lapa 1 no 1']) expect(text).toContain(filled);
  });

  it('a contract with annexes: a written annex and a stored PDF appended after its title page', async () => {
    const order = await renderPdf(fillTemplate(parseTemplate({ language: 'lt', title: 'Užsakymo forma Nr. 7', body: [{ paragraph: 'Užsakoma paslauga: elektroninių paslaugų kūrimas.' }] }), {}));
    const attached = await services.documents.store({ filename: 'uzsakymas.pdf', mediaType: 'application/pdf', content: order.pdf });
    const values = await generate({
      documentTemplate: template('contract-lt.json'),
      documentName: 'sutartis.pdf',
      documentData: {
        contract: { number: 'S-2026/15' },
        provider: { name: 'Informacinės visuomenės plėtros komitetas', signatory: 'Ąžuolas Petraitis' },
        agency: { name: 'Kauno miesto savivaldybė', signatory: 'Rūta Šalčiūtė' },
        service: { title: 'Elektroninių paslaugų konstruktorius' },
        sla: [{ name: 'Prieinamumas darbo valandomis', value: '99,0 %' }, { name: 'Prieinamumas kitu laiku', value: '97,0 %' }],
        attachments: { order: attached.documentId },
      },
    });
    const document = values.document as { documentId: string; pages: number };
    expect(document.pages).toBe(4);
    const { text, pages } = await pdfText(services.stored.get(document.documentId)!.content);
    expect(pages).toBe(4);
    const order_ = ['PASLAUGŲ TEIKIMO SUTARTIS Nr. S-2026/15', 'Rūta Šalčiūtė', '1 priedas', 'Paslaugos lygio reikalavimai', 'Prieinamumas darbo valandomis', '99,0 %',
      '2 priedas', 'Gavėjo pateikti dokumentai', 'Užsakymo forma Nr. 7'];
    const positions = order_.map((needle) => text.indexOf(needle));
    expect(positions.every((p) => p >= 0), `missing: ${order_.filter((_, i) => positions[i]! < 0).join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The platform numbers its own pages out of all of them; the appended PDF keeps its own footer.
    expect(text).toContain('Puslapis 3 iš 4');
    expect(text).not.toContain('Puslapis 4 iš 4');
  });

  it('a template named by its path in the service package', async () => {
    const values = await generate({
      documentTemplate: 'documents/permit.json', documentName: 'atlauja.pdf',
      documentData: { agency: { name: 'Rīga' }, applicant: { name: 'Ģirts Ķēniņš', personalCode: '1' }, permit: { number: 'P-1', place: 'Rīga', validUntil: '2027-01-01' }, fee: 100 },
    });
    const { text } = await pdfText(services.stored.get((values.document as { documentId: string }).documentId)!.content);
    expect(text).toContain('ATĻAUJA IELU TIRDZNIECĪBAI Nr. P-1');
    const missing = await generate({ documentTemplate: 'documents/none.json', documentName: 'x.pdf', documentData: {} }, 'DOCUMENT_TEMPLATE_INVALID');
    expect(missing.caughtErrorCode).toBe('DOCUMENT_TEMPLATE_INVALID');
  });

  it('a placeholder without data is a BPMN error naming it, and nothing is stored', async () => {
    const values = await generate({
      documentTemplate: template('permit-lv.json'), documentName: 'atlauja.pdf',
      documentData: { agency: { name: 'Rīga' }, applicant: { name: 'Ģirts', personalCode: '1' }, permit: { number: '1', place: 'Rīga' }, fee: 100 },
    }, 'DOCUMENT_DATA_MISSING');
    expect(values.caughtErrorCode).toBe('DOCUMENT_DATA_MISSING');
    expect(services.stored.size).toBe(0);
  });

  it('a malformed template is refused naming the place', () => {
    expect(() => parseTemplate({ language: 'lt', title: 'x', body: [{ table: { columns: [{ title: 'A' }], rows: 'items' } }] })).toThrow('template body[0].table.columns[0].field: must be a text');
    expect(() => parseTemplate({ language: 'ru', title: 'x', body: [] })).toThrow('template language: must be lt, lv or en');
    expect(() => fillTemplate(parseTemplate({ language: 'lt', title: '{{a}}', body: [] }), {})).toThrow('{{a}} in title has no value');
  });
});
