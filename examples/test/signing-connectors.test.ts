import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import {
  memoryPlatformServices, runConnectors, serviceTaskBpmn, signingConnectors, SIGNING_SECRETS, verifyDocument, waitFor,
  type ConnectorLogger, type ConnectorWorkerHandle,
} from '@konstruktor/connectors';
import { createTestPki, startOcspResponder, startTimestampAuthority, type OcspResponder, type TestPki } from '@konstruktor/examples';

const logs: string[] = [];
const logger: ConnectorLogger = {
  debug: (m, d) => logs.push(`${m} ${JSON.stringify(d ?? {})}`),
  info: (m, d) => logs.push(`${m} ${JSON.stringify(d ?? {})}`),
  warn: (m, d) => logs.push(`${m} ${JSON.stringify(d ?? {})}`),
  error: (m, d) => logs.push(`${m} ${JSON.stringify(d ?? {})}`),
};

let pki: TestPki;
let ocsp: OcspResponder;
let tsa: Awaited<ReturnType<typeof startTimestampAuthority>>;
let engine: EngineAdapter;
let services: ReturnType<typeof memoryPlatformServices>;
let worker: ConnectorWorkerHandle;
let secrets: Record<string, string>;

beforeAll(async () => {
  pki = await createTestPki();
  ocsp = await startOcspResponder({ pki });
  tsa = await startTimestampAuthority({ pki });
  const seal = await pki.issue({ subject: 'Kauno miesto savivaldybė', usage: 'signing' });
  secrets = { [SIGNING_SECRETS.key]: seal.keyPem, [SIGNING_SECRETS.certificate]: seal.chainPem, [SIGNING_SECRETS.tsaUrl]: tsa.url, [SIGNING_SECRETS.trustedCa]: pki.caCertPem };
  engine = await createEmbeddedEngine();
  services = memoryPlatformServices(engine);
  worker = runConnectors({ engine, connectors: signingConnectors, services, secrets, logger, pollIntervalMs: { min: 10, max: 50 } });
});
afterAll(async () => {
  await worker?.close();
  await engine?.close();
  await ocsp?.close();
  await tsa?.close();
});

/** Runs one connector as the only service task of a process; returns its `result` variable or the caught error code. */
async function runTask(type: string, variables: Record<string, unknown>, inputs: Record<string, string>, catchErrorCode?: string) {
  const processId = `sign${Math.random().toString(36).slice(2, 8)}`;
  await engine.deploy([{ name: `${processId}.bpmn`, content: serviceTaskBpmn({ processId, type, retries: 1, inputs, headers: { resultVariable: 'result' }, ...(catchErrorCode ? { catchErrorCode } : {}) }) }]);
  const { instanceKey } = await engine.createInstance({ processId, variables: { applicationId: '7d1c1f0e-4a8b-4b8e-9a57-2f7d2a0c9e11', ...variables } });
  worker.wake();
  await waitFor(async () => (await engine.instance(instanceKey))?.state === 'COMPLETED', 45_000, 'the instance to complete');
  const values = Object.fromEntries((await engine.variables(instanceKey)).filter((v) => v.scopeKey === instanceKey).map((v) => [v.name, v.value]));
  return values as { result?: Record<string, any>; caughtErrorCode?: string };
}

async function storePdf(filename = 'sprendimas.pdf') {
  const document = await PDFDocument.create();
  document.addPage();
  return services.documents.store({ filename, mediaType: 'application/pdf', content: await document.save() });
}

describe('signing connectors on the embedded engine', () => {
  it('signs a stored PDF as PAdES B-T and stores the signed copy with the application', async () => {
    const original = await storePdf();
    const { result } = await runTask('konstruktor:signing:pades', { doc: original.documentId }, { documentId: '=doc', reason: 'Sprendimas priimtas' });
    expect(result).toMatchObject({ filename: 'sprendimas-signed.pdf', mediaType: 'application/pdf' });
    const stored = services.stored.get(result!.documentId)!;
    expect(stored.applicationId).toBe('7d1c1f0e-4a8b-4b8e-9a57-2f7d2a0c9e11');
    const report = await verifyDocument(stored.content, { trustedPem: pki.caCertPem });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]).toMatchObject({ level: 'B-T', signer: 'Kauno miesto savivaldybė' });
    expect(logs.join('\n')).not.toContain(secrets[SIGNING_SECRETS.key]!.split('\n')[1]!);
  });

  it('builds a signed ASiC-E container from stored documents, and the verify connector accepts it', async () => {
    const first = await storePdf('prasymas.pdf');
    const second = await services.documents.store({ filename: 'prasymas.pdf', mediaType: 'text/plain', content: new TextEncoder().encode('priedas') });
    const { result } = await runTask('konstruktor:signing:asice', { ids: [first.documentId, second.documentId] }, { documentIds: '=ids', filename: 'byla', level: 'B-B' });
    expect(result).toMatchObject({ filename: 'byla.asice', mediaType: 'application/vnd.etsi.asic-e+zip' });
    const verified = await runTask('konstruktor:signing:verify', { doc: result!.documentId }, { documentId: '=doc' });
    expect(verified.result).toMatchObject({ valid: true, problems: [], signatures: [{ format: 'XAdES', level: 'B-B', valid: true, reasons: [] }] });
  });

  it('the verify connector reports a tampered document as invalid, with reasons', async () => {
    const original = await storePdf();
    const { result } = await runTask('konstruktor:signing:pades', { doc: original.documentId }, { documentId: '=doc', level: 'B-B' });
    const signed = Buffer.from(services.stored.get(result!.documentId)!.content);
    signed[signed.indexOf('Signed with Konstruktor')] = 0x58;
    const tampered = await services.documents.store({ filename: 'x.pdf', mediaType: 'application/pdf', content: new Uint8Array(signed) });
    const verified = await runTask('konstruktor:signing:verify', { doc: tampered.documentId }, { documentId: '=doc' });
    expect(verified.result!.valid).toBe(false);
    expect(verified.result!.signatures[0].reasons.join()).toMatch(/integrity: the document was modified after signing/);
  });

  it('a document that is not a PDF ends as the NOT_A_PDF BPMN error', async () => {
    const text = await services.documents.store({ filename: 'a.txt', mediaType: 'text/plain', content: new TextEncoder().encode('hello') });
    const { caughtErrorCode } = await runTask('konstruktor:signing:pades', { doc: text.documentId }, { documentId: '=doc' }, 'NOT_A_PDF');
    expect(caughtErrorCode).toBe('NOT_A_PDF');
  });
});
