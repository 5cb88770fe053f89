/**
 * The citizen's view of an order in the e-account, on the residence declaration example driven
 * against the sandboxes `npm start` runs: the progress steps as the order moves, the documents
 * with their signatures verified (a forged one shown invalid), the messages with their order,
 * documents, unread count and live events, and the e-mail preferences the e-mail connector honours.
 */
import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSource } from 'eventsource';
import { exampleServiceDir } from '@konstruktor/examples';
import { importExamplePackages } from '../src/demo/seed.js';
import { startDemoSandboxes, type DemoSandboxes } from '../src/demo/sandboxes.js';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';
import type { ApiClient } from './support/api-client.js';

interface Step { step: string; state: string; at?: string; deadline?: string; detail?: string }
interface Doc { id: string; title: string; filename: string; kind: string; decision: boolean; size: number | null; mediaType: string; href: string; signature: null | { valid: boolean; signer: string | null; signedAt: string | null; level: string | null; reason: string | null } }
interface Message { id: string; applicationId: string | null; subject: string; caseCode: string | null; documents: { id: string; href: string }[]; readAt: string | null }

/** The `message` events of a citizen's stream. */
function messageEvents(client: ApiClient): { source: EventSource; received: Record<string, unknown>[]; opened: Promise<void> } {
  const source = client.eventSource();
  const received: Record<string, unknown>[] = [];
  source.addEventListener('message', (event: MessageEvent) => received.push(JSON.parse(event.data as string) as Record<string, unknown>));
  const opened = new Promise<void>((resolve, reject) => { source.onopen = () => resolve(); source.onerror = () => reject(new Error('the stream failed')); });
  return { source, received, opened };
}

/** A 1×1 PNG, as a plan of the stall. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const states = (progress: Step[]) => Object.fromEntries(progress.map((s) => [s.step, s.state]));

describe("the citizen's e-account on the residence declaration example", () => {
  let t: TestRuntime;
  let sandboxes: DemoSandboxes;
  let jonas: ApiClient;
  let ieva: ApiClient;
  let id: string;
  let stream: ReturnType<typeof messageEvents>;

  beforeAll(async () => {
    sandboxes = await startDemoSandboxes({ dataDir: 'memory', logger: pino({ level: 'silent' }) });
    t = await startTestRuntime({}, sandboxes.env);
    for (const example of ['residence-declaration', 'street-trading-permit']) await importExamplePackages(t.runtime.services, exampleServiceDir(example), t.runtime.logger);
    jonas = await citizen(t);
    ieva = await citizen(t, 'citizen2');
  }, 120_000);
  afterAll(async () => {
    stream?.source.close();
    await t?.close();
    await sandboxes?.close();
  });

  it('keeps e-mail preferences per kind, refusing what is not one', async () => {
    expect((await jonas.get('/api/me/notification-preferences')).body).toEqual({ email: { 'status-changed': true, 'information-requested': true, decision: true, payment: true } });
    const before = await t.snapshot();
    for (const bad of [{ email: { decision: 'off' } }, { email: { newsletter: false } }, { push: {} }]) {
      expect((await jonas.put('/api/me/notification-preferences', bad)).status).toBe(400);
    }
    expect(await t.snapshot()).toEqual(before);
    const set = await jonas.put('/api/me/notification-preferences', { email: { decision: false } });
    expect(set.status).toBe(200);
    expect(set.body.email).toEqual({ 'status-changed': true, 'information-requested': true, decision: false, payment: true });
    expect((await jonas.get('/api/me/notification-preferences')).body.email.decision).toBe(false);
    // Another person's choice is his own.
    expect((await ieva.get('/api/me/notification-preferences')).body.email.decision).toBe(true);
  });

  it('shows the steps as the order moves: register checked, under review, the decision, the fee asked for after it and paid, then the result delivered', async () => {
    stream = messageEvents(jonas);
    await stream.opened;
    const order = await jonas.post('/api/applications', { service: 'residence-declaration', data: {
      newAddress: { street: 'Laisvės al. 10-3', city: 'Kaunas', postalCode: 'LT-44240' }, movedOn: '2026-11-01', email: 'jonas@example.lt',
    } });
    expect(order.status).toBe(201);
    id = order.body.id;
    const first = (await jonas.get(`/api/applications/${id}`)).body;
    expect(first.progress[0]).toMatchObject({ step: 'submitted', state: 'done', at: first.submittedAt });
    // The fee is a postpayment: asked for after the decision, before the result.
    expect(first.progress.map((s: Step) => s.step)).toEqual(['submitted', 'data-checked', 'under-review', 'decision', 'payment-received', 'result-delivered']);

    const official = await t.as('official');
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === id), "the official's task");
    const inReview = (await jonas.get(`/api/applications/${id}`)).body.progress as Step[];
    expect(states(inReview)).toMatchObject({ submitted: 'done', 'data-checked': 'done', 'under-review': 'current', decision: 'next', 'payment-received': 'next', 'result-delivered': 'next' });
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    expect((await official.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'approve' } })).status).toBe(200);

    const payment = await eventually(async () => (await jonas.get(`/api/applications/${id}/payments`)).body.items?.find((p: { redirectUrl: string | null }) => p.redirectUrl), 'the payment order');
    const waiting = (await jonas.get(`/api/applications/${id}`)).body.progress as Step[];
    expect(states(waiting)).toMatchObject({ 'under-review': 'done', decision: 'done', 'payment-received': 'current', 'result-delivered': 'next' });
    expect(waiting.find((s) => s.step === 'decision')).toMatchObject({ detail: 'approved' });
    expect((await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(303);

    const done = await eventually(async () => {
      const body = (await jonas.get(`/api/applications/${id}`)).body;
      return body.steps.some((s: { elementId: string; state: string }) => s.elementId === 'declared' && s.state === 'COMPLETED') && body;
    }, 'the process to end');
    expect(states(done.progress)).toEqual({ submitted: 'done', 'data-checked': 'done', 'under-review': 'done', decision: 'done', 'payment-received': 'done', 'result-delivered': 'done' });
    expect(done.progress.find((s: Step) => s.step === 'payment-received')).toMatchObject({ detail: 'paid' });
    expect(done.progress.find((s: Step) => s.step === 'decision')).toMatchObject({ detail: 'approved' });
    // Every step done has its time, those of the order's own timeline in the order they happened. (A step
    // read from the engine's history carries the engine's clock, which the tests over REST share and move.)
    expect(done.progress.every((s: Step) => !!s.at)).toBe(true);
    const at = (step: string) => done.progress.find((s: Step) => s.step === step).at as string;
    expect([at('submitted'), at('decision'), at('payment-received')]).toEqual([at('submitted'), at('decision'), at('payment-received')].sort());
  }, 180_000);

  it("lists the order's documents: the sealed decision verified valid in place of its draft, the receipt, the invoice; nobody else's", async () => {
    const documents = await eventually(async () => {
      const items = (await jonas.get(`/api/applications/${id}/documents?lang=en`)).body.items as Doc[];
      return items.some((d) => d.kind === 'receipt') && items;
    }, 'the sealed receipt');
    const decision = documents.find((d) => d.decision)!;
    expect(decision).toMatchObject({ kind: 'result', title: 'Decision', mediaType: 'application/pdf', href: `/api/documents/${decision.id}` });
    expect(decision.signature).toMatchObject({ valid: true, level: 'PAdES B-T', reason: null });
    expect(decision.signature!.signer).toBeTruthy();
    expect(Date.parse(decision.signature!.signedAt!)).toBeGreaterThan(0);
    // The unsigned draft is not offered: only the sealed copy.
    expect(documents.filter((d) => d.kind === 'result')).toHaveLength(1);
    expect(documents.find((d) => d.kind === 'receipt')).toMatchObject({ title: 'Submission receipt', signature: { valid: true } });
    expect(documents.find((d) => d.kind === 'invoice')).toMatchObject({ mediaType: 'application/pdf', size: null, signature: null });
    for (const document of documents) expect((await jonas.request('GET', document.href)).status).toBe(200);
    // Kept with the document after the first read.
    const [row] = await t.runtime.database.dataSource.query('SELECT signature FROM document WHERE id = $1', [decision.id]);
    expect(row.signature).toMatchObject({ valid: true, level: 'PAdES B-T' });

    expect((await ieva.get(`/api/applications/${id}/documents`)).status).toBe(404);
    expect((await ieva.request('GET', decision.href)).status).toBe(404);
    expect((await t.anonymous().get(`/api/applications/${id}/documents`)).status).toBe(401);
    // The provider agency's official sees them too.
    expect((await (await t.as('official')).get(`/api/applications/${id}/documents`)).status).toBe(200);
  });

  it('tells the citizen in the portal (linked to the order and its decision, counted, live) and, with decision e-mails off, sends no e-mail', async () => {
    const application = (await jonas.get(`/api/applications/${id}`)).body;
    const decisionId = ((await jonas.get(`/api/applications/${id}/documents`)).body.items as Doc[]).find((d) => d.decision)!.id;
    const messages = (await jonas.get('/api/me/messages')).body;
    const message = (messages.items as Message[]).find((m) => m.applicationId === id)!;
    expect(message).toMatchObject({ caseCode: application.caseCode, readAt: null });
    expect(message.documents.map((d) => d.id)).toContain(decisionId);
    const unread = (await jonas.get('/api/me/messages/unread-count')).body.unread as number;
    expect(unread).toBe(messages.unread);
    expect(unread).toBeGreaterThanOrEqual(1);
    await eventually(async () => stream.received.find((e) => e.messageId === message.id), 'the live event of the message');
    expect(stream.received.find((e) => e.messageId === message.id)).toMatchObject({ applicationId: id, subject: message.subject, read: false, unread });

    // Another citizen neither sees nor marks it, nor hears of it.
    expect(((await ieva.get('/api/me/messages')).body.items as Message[]).some((m) => m.id === message.id)).toBe(false);
    expect((await ieva.post(`/api/me/messages/${message.id}/read`)).status).toBe(404);

    expect((await jonas.post(`/api/me/messages/${message.id}/read`)).status).toBe(200);
    expect((await jonas.get('/api/me/messages/unread-count')).body.unread).toBe(unread - 1);
    await eventually(async () => stream.received.find((e) => e.messageId === message.id && e.read === true), 'the live event of the reading');

    // The e-mail step ran, and sent nothing: decision e-mails are off.
    const [row] = await t.runtime.database.dataSource.query('SELECT process_instance_key FROM application WHERE id = $1', [id]);
    const variables = Object.fromEntries((await t.runtime.engine.variables(row.process_instance_key)).map((v) => [v.name, v.value]));
    expect(variables.emailSent).toMatchObject({ messageId: null, accepted: [], skipped: 'turned-off-by-recipient' });
    const mailbox = sandboxes.urls.find(([name]) => name === 'mailbox')![1];
    const mails = await (await fetch(`${mailbox}mails.json`)).json() as { to: string[] }[];
    expect(mails.filter((m) => m.to.includes('jonas@example.lt'))).toEqual([]);
  });

  it('shows a request for more information with its 14-day deadline, and a withdrawal closing the course', async () => {
    const form = await jonas.get('/api/services/street-trading-permit/form');
    const upload = await jonas.request('POST', '/api/documents?filename=plan.png&service=street-trading-permit&field=plan', undefined, { raw: PNG, headers: { 'content-type': 'image/png' } });
    expect(upload.status).toBe(201);
    const order = await jonas.post('/api/applications', { service: 'street-trading-permit', data: {
      ...form.body.data, tradingAs: 'person', place: 'Rotušės a. 1', from: '2026-05-01', to: '2026-05-31', goods: 'Gėlės ir medus', plan: upload.body.id,
    } });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const permit = order.body.id as string;
    // The applicant's upload is listed as his, without a signature to verify.
    const uploads = ((await jonas.get(`/api/applications/${permit}/documents`)).body.items as Doc[]).filter((d) => d.kind === 'upload');
    expect(uploads).toEqual([expect.objectContaining({ id: upload.body.id, filename: 'plan.png', title: 'plan.png', mediaType: 'image/png', size: PNG.length, signature: null })]);
    expect((await ieva.get(`/api/applications/${permit}/documents`)).status).toBe(404);
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${permit}/payments`)).body.items?.find((p: { redirectUrl: string | null }) => p.redirectUrl), 'the payment order');
    expect((await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })).status).toBe(303);
    const official = await t.as('official');
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === permit), "the official's task");
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    const asked = await official.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'request-information', informationRequest: { message: 'Pridėkite prekyvietės planą.', fields: ['plan'] } } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);

    const waiting = await eventually(async () => {
      const progress = (await jonas.get(`/api/applications/${permit}`)).body.progress as Step[];
      return progress.some((s) => s.step === 'information-requested' && s.state === 'current') && progress;
    }, 'the request for information');
    // A person trading for himself: the register check of a company is passed over.
    expect(states(waiting)).toEqual({
      submitted: 'done', 'data-checked': 'skipped', 'payment-received': 'done', 'under-review': 'done', 'information-requested': 'current', decision: 'next', 'result-delivered': 'next',
    });
    const request = waiting.find((s) => s.step === 'information-requested')!;
    expect(request.detail).toBe('waiting');
    expect(Date.parse(request.deadline!) - Date.parse(request.at!)).toBe(14 * 86_400_000);
    // The same deadline as the request itself tells.
    expect((await jonas.get(`/api/applications/${permit}/information-request`)).body.request?.deadline).toBe(request.deadline);

    expect((await jonas.post(`/api/applications/${permit}/withdraw`)).status).toBe(202);
    const withdrawn = await eventually(async () => {
      const body = (await jonas.get(`/api/applications/${permit}`)).body;
      return body.status === 'cancelled' && body.progress as Step[];
    }, 'the withdrawal');
    expect(withdrawn.map((s) => `${s.step}:${s.state}`)).toEqual([
      'submitted:done', 'data-checked:skipped', 'payment-received:done', 'under-review:done', 'information-requested:skipped', 'decision:skipped', 'result-delivered:skipped', 'withdrawn:done',
    ]);
    expect(withdrawn.find((s) => s.step === 'information-requested')!.detail).toBe('unanswered');
  }, 180_000);

  it('shows a forged signature as not valid, with the reason in the language asked for', async () => {
    const db = t.runtime.database.dataSource;
    const decision = ((await jonas.get(`/api/applications/${id}/documents`)).body.items as Doc[]).find((d) => d.decision)!;
    const [stored] = await db.query('SELECT content FROM document WHERE id = $1', [decision.id]) as { content: Buffer }[];
    const content = stored!.content;
    const [, signedLength] = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)/.exec(content.toString('latin1'))!.slice(1).map(Number) as [number, number];
    const forged = Buffer.from(content);
    forged[Math.floor(signedLength / 2)]! ^= 0x01; // one byte of the signed content
    // Whoever changed it also fixed the stored checksum: only the signature can tell (the verdict kept was on other bytes).
    await db.query('UPDATE document SET content = $2, sha256 = $3 WHERE id = $1', [decision.id, forged, createHash('sha256').update(forged).digest('hex')]);
    const lt = ((await jonas.get(`/api/applications/${id}/documents?lang=lt`)).body.items as Doc[]).find((d) => d.id === decision.id)!;
    expect(lt.signature).toMatchObject({ valid: false, reason: 'Dokumentas pakeistas po pasirašymo.' });
    const lv = ((await jonas.get(`/api/applications/${id}/documents?lang=lv`)).body.items as Doc[]).find((d) => d.id === decision.id)!;
    expect(lv.signature).toMatchObject({ valid: false, reason: 'Dokuments ir mainīts pēc parakstīšanas.' });

    // Bytes changed behind the checksum's back, read for the first time: not the document that was signed either.
    await db.query('UPDATE document SET content = $2, signature = NULL WHERE id = $1', [decision.id, content]);
    const damaged = ((await jonas.get(`/api/applications/${id}/documents?lang=en`)).body.items as Doc[]).find((d) => d.id === decision.id)!;
    expect(damaged.signature).toMatchObject({ valid: false, reason: 'The document is damaged or carries no valid signature.' });
  });
});
