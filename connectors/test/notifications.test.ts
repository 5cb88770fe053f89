import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createEmbeddedEngine, type EngineAdapter } from '@konstruktor/engine-adapter';
import {
  emailConnector, inboxConnector, memoryPlatformServices, renderMessage, runConnectors, serviceTaskBpmn, waitFor,
  type ConnectorContext, type ConnectorLogger, type ConnectorWorkerHandle,
} from '../src/index.js';

interface Mail { from: string; to: string[]; headers: Record<string, string>; text: string; user?: string }

/** Enough MIME decoding for nodemailer's single-part text messages: encoded words and QP/base64 bodies. */
function parseMail(raw: string): Omit<Mail, 'from' | 'to' | 'user'> {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  const words = (value: string) => value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));
  for (const key of Object.keys(headers)) headers[key] = words(headers[key]!);
  const body = rest.join('\r\n\r\n');
  const encoding = headers['content-transfer-encoding'];
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
      : body;
  return { headers, text: text.replace(/\r\n/g, '\n').trimEnd() };
}

let smtp: SMTPServer;
let mails: Mail[];
let smtpUrl: string;
const SMTP_PASSWORD = 'smtp-Pa55-4b7e9d';

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, authOptional: false, logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'agency' && auth.password === SMTP_PASSWORD) return callback(null, { user: 'agency' });
      callback(new Error('invalid credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string, ...parseMail(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://agency:${SMTP_PASSWORD}@127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

let engine: EngineAdapter;
let services: ReturnType<typeof memoryPlatformServices>;
let worker: ConnectorWorkerHandle;
let logs: string[];

beforeEach(async () => {
  mails = [];
  logs = [];
  engine = await createEmbeddedEngine();
  services = memoryPlatformServices(engine);
  const logger = Object.fromEntries(['debug', 'info', 'warn', 'error'].map((level) => [level, (message: string, details?: unknown) => logs.push(JSON.stringify({ level, message, details }))])) as unknown as ConnectorLogger;
  worker = runConnectors({ engine, connectors: [emailConnector, inboxConnector], services, secrets: { SMTP_URL: smtpUrl }, logger, pollIntervalMs: { min: 10, max: 50 } });
});
afterEach(async () => {
  await worker.close();
  await engine.close();
});

async function run(type: string, inputs: Record<string, string>, variables: Record<string, unknown>, retries = 3) {
  const processId = `n${Math.random().toString(36).slice(2, 8)}`;
  await engine.deploy([{ name: `${processId}.bpmn`, content: serviceTaskBpmn({ processId, type, inputs, retries, headers: { resultVariable: 'sent' } }) }]);
  return (await engine.createInstance({ processId, variables })).instanceKey;
}
const completed = (instanceKey: string) => waitFor(async () => {
  const incident = (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0];
  if (incident) throw new Error(`incident: ${incident.errorMessage}`);
  return (await engine.instance(instanceKey))?.state === 'COMPLETED';
}, 10_000, 'instance completed');

const applicant = { firstName: 'Jonas', lastName: 'Žemaitis', email: 'jonas@example.lt', personalCode: '39001010000', language: 'lt' };
const messageData = '={ applicantName: applicant.firstName + " " + applicant.lastName, serviceName: serviceName, applicationId: applicationId, agencyName: "Registrų centras" }';

describe('e-mail connector', () => {
  it('sends a built-in template in the applicant\'s language with Lithuanian diacritics, authenticated by the SMTP_URL secret', async () => {
    const instanceKey = await run(emailConnector.id, { to: '=applicant.email', locale: '=applicant.language', template: 'application-received', data: messageData },
      { applicant, serviceName: 'Gimimo registravimas', applicationId: 'A-2026-17' });
    await completed(instanceKey);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ to: ['jonas@example.lt'], from: 'no-reply@konstruktor.local', user: 'agency' });
    expect(mail!.headers.subject).toBe('Jūsų prašymas „Gimimo registravimas“ gautas');
    expect(mail!.headers['content-language']).toBe('lt');
    expect(mail!.text).toContain('Sveiki, Jonas Žemaitis,');
    expect(mail!.text).toContain('(Nr. A-2026-17)');
    expect(mail!.text).toContain('Registrų centras');
    expect(logs.join('\n')).not.toContain(SMTP_PASSWORD);
  });

  it('writes Latvian and English from the same template, and an analyst\'s own texts per language', async () => {
    await completed(await run(emailConnector.id, { to: '="anna@example.lv"', locale: '="lv"', template: 'decision-ready', data: messageData },
      { applicant: { ...applicant, firstName: 'Anna', lastName: 'Bērziņa' }, serviceName: 'Dzimšanas reģistrācija', applicationId: 'LV-9' }));
    await completed(await run(emailConnector.id, {
      to: '="a@example.eu"', locale: '="en"', subject: '={ lt: "Labas", en: "Hello {{name}}" }', body: '={ lt: "Tekstas", en: "Your case {{case.no}} is open." }', data: '={ name: "Alex", case: { no: 7 } }',
    }, {}));
    expect(mails[0]!.headers.subject).toBe('Pieņemts lēmums par pieteikumu “Dzimšanas reģistrācija”');
    expect(mails[0]!.text).toContain('Labdien, Anna Bērziņa!');
    expect(mails[1]!.headers.subject).toBe('Hello Alex');
    expect(mails[1]!.text).toBe('Your case 7 is open.');
  });

  it('sends once per job: a second run of the same job returns the first result and the Message-ID is derived from the job', async () => {
    const context = { idempotencyKey: 'job-key-1234', secrets: { SMTP_URL: smtpUrl }, logger: { debug() {}, info() {}, warn() {}, error() {} }, signal: new AbortController().signal } as unknown as ConnectorContext;
    const input = { to: 'ona@example.lt', template: 'payment-requested', locale: 'lt' as const, data: { applicantName: 'Ona', amount: '12.50', reference: 'RF18539007547034', dueDate: '2026-12-01', agencyName: 'VMI', serviceName: 'Leidimas' } };
    const first = await emailConnector.handler(input, context);
    const second = await emailConnector.handler(input, context);
    expect(second).toEqual(first);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.headers['message-id']).toBe('<job-key-1234@konstruktor>');
    expect(mails[0]!.text).toContain('mokėtina suma: 12.50 EUR');
  });

  it('raises an incident naming the placeholder without a value, without retrying and without sending', async () => {
    const instanceKey = await run(emailConnector.id, { to: '="x@example.lt"', template: 'application-received', data: '={ applicantName: "X" }' }, {});
    const incident = await waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0]);
    expect(incident.errorMessage).toBe('input.subject: placeholder {{serviceName}} has no value in input.data');
    expect(mails).toHaveLength(0);
  });

  it('refuses an invalid address naming the field', async () => {
    const instanceKey = await run(emailConnector.id, { to: '="not an address"', template: 'application-received' }, {});
    const incident = await waitFor(async () => (await engine.incidents({ instanceKey, state: 'ACTIVE' }))[0]);
    expect(incident.errorMessage).toContain('input.to: must match format "email"');
  });
});

describe('portal inbox connector', () => {
  it('puts one message in the recipient\'s inbox for the application, in his language', async () => {
    const instanceKey = await run(inboxConnector.id, { recipientPersonalCode: '=applicant.personalCode', locale: '="lt"', template: 'decision-ready', data: messageData },
      { applicant, serviceName: 'Gimimo registravimas', applicationId: 'A-1' });
    await completed(instanceKey);
    expect(services.messages).toHaveLength(1);
    expect(services.messages[0]).toMatchObject({ recipientPersonalCode: '39001010000', applicationId: 'A-1', locale: 'lt', subject: 'Priimtas sprendimas dėl prašymo „Gimimo registravimas“' });
    expect(services.messages[0]!.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('message templates', () => {
  it('every built-in template has all three languages filled', () => {
    const data = { applicantName: 'A', serviceName: 'S', applicationId: '1', agencyName: 'G', amount: '1', reference: 'R', dueDate: 'D' };
    for (const template of ['application-received', 'decision-ready', 'payment-requested']) {
      const texts = (['lt', 'lv', 'en'] as const).map((locale) => renderMessage({ template, locale, data }));
      expect(new Set(texts.map((t) => t.subject)).size).toBe(3);
    }
  });
});
