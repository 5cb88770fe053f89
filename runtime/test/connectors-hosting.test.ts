import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpConnector, inboxConnector, serviceTaskBpmn } from '@konstruktor/connectors';
import { runtimePlatformServices } from '../src/connectors/platform-services.js';
import { citizen, publishProcessService, startTestRuntime, type TestRuntime } from './support/harness.js';
import { eventually } from './support/eventually.js';

describe('built-in connectors hosted by the runtime', () => {
  let t: TestRuntime;
  const suffix = `${process.pid}-${Date.now()}`;
  const token = `hosted-token-${suffix}`;
  let api: http.Server;
  let apiUrl: string;
  const seenAuth: (string | undefined)[] = [];
  beforeAll(async () => {
    // The runtime reads connector secrets from CONNECTOR_SECRET_* variables.
    process.env.CONNECTOR_SECRET_HOSTED_API_TOKEN = token;
    api = http.createServer((req, res) => {
      seenAuth.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ permitNo: 'KA-17' }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    t = await startTestRuntime();
  });
  afterAll(async () => {
    delete process.env.CONNECTOR_SECRET_HOSTED_API_TOKEN;
    await new Promise((resolve) => api.close(resolve));
    await t?.close();
  });

  it('runs a published service\'s connector task in-process: the order puts a message in the citizen\'s inbox', async () => {
    const processId = `notify-${suffix}`;
    const code = `notify-${suffix}`.slice(0, 60);
    const bpmn = serviceTaskBpmn({
      processId, type: inboxConnector.id, headers: { resultVariable: 'notified' },
      inputs: {
        recipientPersonalCode: '=applicant.personalCode', locale: '="lt"', template: 'application-received',
        data: '={ applicantName: applicant.name, serviceName: "Leidimas prekiauti", applicationId: applicationId, agencyName: "Kauno miesto savivaldybė" }',
      },
    });
    await publishProcessService(t, { code, processId, bpmn, title: 'Notified permit' });

    const jonas = await citizen(t);
    const order = await jonas.post('/api/applications', { service: code, data: {} });
    expect(order.status).toBe(201);
    const message = await eventually(async () => (await jonas.get('/api/me/messages')).body.items.find((m: { applicationId: string }) => m.applicationId === order.body.id), 'the inbox message');
    expect(message).toMatchObject({ subject: 'Jūsų prašymas „Leidimas prekiauti“ gautas', locale: 'lt', readAt: null });
    expect(message.body).toContain('Sveiki, Jonas Jonaitis,');
    expect(message.body).toContain(`(Nr. ${order.body.id})`);
    await eventually(async () => (await jonas.get(`/api/applications/${order.body.id}`)).body.status === 'completed', 'the application completed');
    const ieva = await citizen(t, 'citizen2');
    expect((await ieva.get('/api/me/messages')).body.items.some((m: { applicationId: string }) => m.applicationId === order.body.id)).toBe(false);
  });

  it('calls a REST API with a secret from CONNECTOR_SECRET_*; the secret reaches the API, never the runtime\'s logs or the engine', async () => {
    const processId = `rest-${suffix}`;
    const code = `rest-${suffix}`.slice(0, 60);
    const bpmn = serviceTaskBpmn({
      processId, type: httpConnector.id, headers: { resultExpression: '={ permitNo: body.permitNo }' },
      inputs: { method: 'GET', url: `="${apiUrl}/permits/" + applicationId`, 'authentication.type': 'bearer', 'authentication.token': '{{secrets.HOSTED_API_TOKEN}}' },
    });
    await publishProcessService(t, { code, processId, bpmn, title: 'REST service' });
    const jonas = await citizen(t);
    const order = await jonas.post('/api/applications', { service: code, data: {} });
    expect(order.status).toBe(201);
    await eventually(async () => (await jonas.get(`/api/applications/${order.body.id}`)).body.status === 'completed', 'the application completed');
    expect(seenAuth).toContain(`Bearer ${token}`);
    const [row] = await t.runtime.database.dataSource.query('SELECT process_instance_key FROM application WHERE id = $1', [order.body.id]);
    const variables = await t.runtime.engine.variables(row.process_instance_key);
    expect(variables.find((v) => v.name === 'permitNo')?.value).toBe('KA-17');
    const logs = t.logs.join('');
    expect(logs).toContain('HTTP response');
    expect(logs).not.toContain(token);
    expect(JSON.stringify(variables)).not.toContain(token);
  });

  it('gives connectors the runtime\'s documents (owned by the application\'s applicant) and audit trail', async () => {
    const jonas = await citizen(t);
    const [service] = (await t.runtime.database.dataSource.query(`SELECT code FROM service WHERE code LIKE 'notify-%' LIMIT 1`)) as { code: string }[];
    const order = await jonas.post('/api/applications', { service: service!.code, data: {} });
    const platform = runtimePlatformServices(t.runtime.services, t.runtime.engine);
    const content = new TextEncoder().encode('%PDF-1.7 sprendimas');
    const stored = await platform.documents.store({ filename: 'sprendimas.pdf', mediaType: 'application/pdf', content, applicationId: order.body.id });
    expect(stored).toMatchObject({ filename: 'sprendimas.pdf', size: content.length });
    const read = await platform.documents.read(stored.documentId);
    expect(new TextDecoder().decode(read.content)).toBe('%PDF-1.7 sprendimas');
    const [owner] = await t.runtime.database.dataSource.query('SELECT u.username FROM document d JOIN app_user u ON u.id = d.owner_id WHERE d.id = $1', [stored.documentId]);
    expect(owner.username).toBe('citizen');
    await expect(platform.documents.store({ filename: 'x.pdf', mediaType: 'application/pdf', content })).rejects.toThrow(/applicationId is required/);

    await platform.audit.record({ action: 'register.person.read', objectType: 'person', objectId: '38501010019', actor: '38501010019', details: { purpose: 'test' } });
    const [event] = await t.runtime.database.dataSource.query(`SELECT details FROM audit_event WHERE action = 'register.person.read' ORDER BY seq DESC LIMIT 1`);
    expect(event.details).toEqual({ purpose: 'test', actor: '38501010019' });
  });

  it('offers analysts and developers the element templates of every built-in connector; not citizens', async () => {
    const analyst = await t.as('analyst');
    const response = await analyst.get('/api/connectors/templates?locale=lt');
    expect(response.status).toBe(200);
    const inbox = response.body.items.find((item: { id: string }) => item.id === inboxConnector.id);
    expect(inbox).toMatchObject({ name: 'Pranešimas portalo dėžutėje', appliesTo: ['bpmn:Task'], elementType: { value: 'bpmn:ServiceTask' } });
    expect(response.body.items.some((item: { id: string }) => item.id === 'konstruktor:http:request')).toBe(true);
    expect((await (await t.as('developer')).get('/api/connectors/templates')).status).toBe(200);
    expect((await (await citizen(t)).get('/api/connectors/templates')).status).toBe(403);
    expect((await analyst.get('/api/connectors/templates?locale=de')).status).toBe(400);
  });
});
