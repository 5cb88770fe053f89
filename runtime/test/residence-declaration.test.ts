/**
 * The demo service examples/services/residence-declaration, imported as `npm start` imports it,
 * ordered by the demo citizen and driven to its end against the real sandboxes `npm start`
 * runs: population register (mutual TLS), official's task, the fee asked for after the approval
 * (a postpayment, announced in the portal inbox) and paid at the bank (hosted page, signed
 * webhook), decision PDF, portal inbox message and an e-mail into the sandbox mailbox.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleServiceDir } from '@konstruktor/examples';
import { importExamplePackages } from '../src/demo/seed.js';
import { startDemoSandboxes, type DemoSandboxes } from '../src/demo/sandboxes.js';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

const PACKAGE = exampleServiceDir('residence-declaration');
const PDFTOTEXT = '/usr/bin/pdftotext';

describe('residence declaration, the demo service, end to end on the sandboxes', () => {
  let t: TestRuntime;
  let sandboxes: DemoSandboxes;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'residence-'));
    sandboxes = await startDemoSandboxes({ dataDir: 'memory', logger: pino({ level: 'silent' }) });
    t = await startTestRuntime({}, sandboxes.env);
    expect(await importExamplePackages(t.runtime.services, PACKAGE, t.runtime.logger)).toEqual(['residence-declaration@1.3.1']);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await sandboxes?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('looks the citizen up, waits for the official, asks for the fee once approved, issues the decision PDF when it is paid and tells the citizen', async () => {
    const jonas = await citizen(t);
    const form = await jonas.get('/api/services/residence-declaration/form');
    expect(form.status).toBe(200);

    const bad = await jonas.post('/api/applications', { service: 'residence-declaration', data: { newAddress: { street: 'Laisvės al. 10-3', city: 'Kaunas', postalCode: '44240' }, movedOn: '2026-11-01', email: 'jonas@example.lt' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('/data/newAddress/postalCode');

    // Ordered in Lithuanian: the decision, the inbox message and the e-mail come in Lithuanian.
    const order = await jonas.request('POST', '/api/applications', { service: 'residence-declaration', data: {
      newAddress: { street: 'Laisvės al. 10-3', city: 'Kaunas', postalCode: 'LT-44240' }, movedOn: '2026-11-01', email: 'jonas@example.lt',
    } }, { headers: { 'accept-language': 'lt' } });
    expect(order.status).toBe(201);
    const id = order.body.id as string;

    // The register answered and the official has the declaration; nothing is asked for before the decision.
    const official = await t.as('official');
    const task = await eventually(async () => (await official.get('/api/tasks')).body.items.find((i: { applicationId: string }) => i.applicationId === id), 'the official\'s task');
    // It is the declarations group's, named and due as the process says; an official of permits alone does not see it.
    expect(task).toMatchObject({ candidateGroups: ['declarations'], name: { lt: 'Patikrinti deklaraciją', lv: 'Pārbaudīt deklarāciju', en: 'Check the declaration' }, dueAt: expect.any(String) });
    expect(new Date(task.dueAt).getTime() - new Date(task.createdAt).getTime()).toBeGreaterThan(2 * 24 * 3600_000);
    expect((await (await t.as('official2')).get('/api/tasks')).body.items.map((i: { applicationId: string }) => i.applicationId)).not.toContain(id);
    expect((await jonas.get(`/api/applications/${id}/payments`)).body.items).toEqual([]);
    expect((await jonas.get(`/api/applications/${id}`)).body.payment).toBeNull();
    expect((await official.post(`/api/tasks/${task.id}/claim`)).status).toBe(200);
    // The task's form asks for a decision (approve or reject, a reason with a refusal) and nothing else.
    const refused = await official.post(`/api/tasks/${task.id}/complete`, { variables: { checked: true } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/variables/checked', '/variables/decision']));
    expect((await official.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'reject' } })).status).toBe(422);
    expect((await official.post(`/api/tasks/${task.id}/complete`, { variables: { decision: 'approve' } })).status).toBe(200);

    // Approved: the fee is asked for (the payer's name comes from the register); nothing is issued until it is paid.
    const payment = await eventually(async () => (await jonas.get(`/api/applications/${id}/payments`)).body.items?.find((p: { redirectUrl: string | null }) => p.redirectUrl), 'the payment order');
    expect(payment).toMatchObject({ kind: 'postpayment', amountCents: 250, currency: 'EUR', payable: true });
    const waiting = (await jonas.get(`/api/applications/${id}`)).body;
    expect(waiting).toMatchObject({ status: 'approved', payment: { id: payment.id, payable: true } });
    expect(waiting.progress.map((s: { step: string; state: string }) => `${s.step}:${s.state}`))
      .toEqual(['submitted:done', 'data-checked:done', 'under-review:done', 'decision:done', 'payment-received:current', 'result-delivered:next']);
    expect(waiting.steps.some((s: { elementId: string }) => s.elementId === 'decisionPdf')).toBe(false);
    // The inbox says so, in Lithuanian, with the amount and the payment reference.
    const feeDue = await eventually(async () => ((await jonas.get('/api/me/messages')).body.items as { subject: string; body: string; applicationId: string }[]).find((m) => m.applicationId === id), 'the message asking for the fee');
    expect(feeDue.subject).toBe('Deklaracija priimta: sumokėkite rinkliavą');
    expect(feeDue.body).toContain('sumokėsite 2,50 Eur rinkliavą');
    expect(feeDue.body).toContain(payment.reference);
    expect(feeDue.body).toContain('Kauno miesto savivaldybės administracija');
    const paid = await fetch(payment.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
    expect(paid.status).toBe(303);

    const done = await eventually(async () => {
      const response = await jonas.get(`/api/applications/${id}`);
      return response.body.status === 'approved' && response.body.steps.some((s: { elementId: string; state: string }) => s.elementId === 'declared' && s.state === 'COMPLETED') && response.body;
    }, 'the application to be approved and its process to end');
    expect(done.steps.filter((s: { state: string }) => s.state === 'COMPLETED').map((s: { elementId: string }) => s.elementId))
      .toEqual(expect.arrayContaining(['lookUpPerson', 'review', 'chargeFee', 'tellFeeDue', 'feePaid', 'accepted', 'decisionPdf', 'sealDecision', 'tellInInbox', 'tellByEmail', 'declared']));

    const [row] = await t.runtime.database.dataSource.query('SELECT process_instance_key FROM application WHERE id = $1', [id]);
    const variables = Object.fromEntries((await t.runtime.engine.variables(row.process_instance_key)).map((v) => [v.name, v.value]));
    expect(variables.person).toMatchObject({ personalCode: '38501010013', givenName: 'Jonas', familyName: 'Jonaitis' });
    expect(variables.payment).toMatchObject({ status: 'paid', kind: 'postpayment', amountCents: 250 });

    // The decision PDF, downloaded by the citizen, read back.
    const decision = variables.decisionDocument as { documentId: string };
    const pdf = await fetch(`${t.url}/api/documents/${decision.documentId}`, { headers: { cookie: (jonas as unknown as { cookie: string }).cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync(PDFTOTEXT) || process.env.CI === 'true') {
      const file = path.join(dir, 'deklaracija.pdf');
      await writeFile(file, bytes);
      const text = (await promisify(execFile)(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'])).stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Jonas Jonaitis');
      expect(text).toContain('Antakalnio g. 5-10, Vilnius'); // the previous address, from the register
      expect(text).toContain('Laisvės al. 10-3, LT-44240 Kaunas');
      expect(text).toContain('2,50 Eur');
    }

    const subject = 'Priimtas sprendimas dėl prašymo „Gyvenamosios vietos deklaravimas“';
    const inbox = (await jonas.get('/api/me/messages')).body.items as { subject: string; applicationId: string }[];
    expect(inbox.filter((m) => m.applicationId === id).map((m) => m.subject)).toEqual([subject, feeDue.subject]);

    const mailbox = sandboxes.urls.find(([name]) => name === 'mailbox')![1];
    const mails = await (await fetch(`${mailbox}mails.json`)).json() as { to: string[]; subject: string; text: string }[];
    expect(mails).toEqual([expect.objectContaining({ to: ['jonas@example.lt'], subject })]);
    expect(await (await fetch(mailbox)).text()).toContain(subject);

    // No connector secret (client key, bank API key, webhook secret) reached the logs.
    const secrets = Object.entries(sandboxes.env).filter(([name]) => /KEY|SECRET_.*CERT|WEBHOOK/.test(name)).map(([, value]) => value);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(t.logs.join('')).not.toContain(secret.split('\n')[1] ?? secret);
  }, 180_000);
});
