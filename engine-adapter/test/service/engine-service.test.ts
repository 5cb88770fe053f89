/**
 * The engine service as a caller of its REST API meets it: who may call, what bad requests are
 * answered with (Camunda's problem details, nothing changed), long-polling job activation, and
 * backpressure.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineServiceConfigFromEnv, startEngineService, type EngineService } from '../../src/service/index.js';

const USER = 'worker';
const PASSWORD = 'a-long-test-password';
const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

const bpmn = (id: string, type: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-${id}" targetNamespace="https://konstruktor.example/test">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start"/><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/><bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;

/** A tiny OpenID provider on loopback: discovery and a JWKS, and tokens signed with its key. */
async function startIssuer(): Promise<{ issuer: string; token: (claims: { aud: string; iss?: string }) => Promise<string>; close: () => Promise<void> }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
    else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    token: ({ aud, iss = issuer }) => new SignJWT({ sub: 'connector-worker' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(iss).setAudience(aud).setIssuedAt().setExpirationTime('5m').sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let service: EngineService;
let issuer: Awaited<ReturnType<typeof startIssuer>>;

async function call(path: string, init: RequestInit & { json?: unknown } = {}, auth: string | null = basic): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (auth) headers.authorization = auth;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${service.url}${path}`, { ...init, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function deploy(id: string, type: string): Promise<void> {
  const form = new FormData();
  form.append('resources', new Blob([bpmn(id, type)]), `${id}.bpmn`);
  const response = await fetch(`${service.url}/v2/deployments`, { method: 'POST', body: form, headers: { authorization: basic } });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  issuer = await startIssuer();
  service = await startEngineService(engineServiceConfigFromEnv({
    ENGINE_BASIC_AUTH: `${USER}:${PASSWORD},second:another-password`, ENGINE_OIDC_ISSUER: issuer.issuer, ENGINE_OIDC_AUDIENCE: 'konstruktor-engine',
    PORT: '0', DATA_DIR: 'memory', ENGINE_MAX_IN_FLIGHT: '4',
  }));
  await service.leading;
});

afterAll(async () => {
  await service?.close();
  await issuer?.close();
});

describe('who may call the engine', () => {
  it('answers a known user and refuses anyone else with 401 and the schemes it accepts', async () => {
    expect((await call('/v2/topology')).status).toBe(200);
    expect((await call('/v2/topology', {}, `Basic ${Buffer.from('second:another-password').toString('base64')}`)).status).toBe(200);
    const anonymous = await call('/v2/topology', {}, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(anonymous.body).toMatchObject({ title: 'UNAUTHORIZED', status: 401, instance: '/v2/topology' });
    expect(anonymous.headers.get('www-authenticate')).toMatch(/Basic realm=.*Bearer/);
    const wrong = await call('/v2/topology', {}, `Basic ${Buffer.from(`${USER}:not-the-password`).toString('base64')}`);
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('The user name or password is wrong');
  });

  it('takes a bearer token from its issuer for its audience, and no other', async () => {
    const good = await call('/v2/topology', {}, `Bearer ${await issuer.token({ aud: 'konstruktor-engine' })}`);
    expect(good.status).toBe(200);
    expect(good.body.brokers[0].partitions[0]).toMatchObject({ partitionId: 1, role: 'leader', health: 'healthy' });
    const otherAudience = await call('/v2/topology', {}, `Bearer ${await issuer.token({ aud: 'someone-else' })}`);
    expect(otherAudience.status).toBe(401);
    expect(otherAudience.body.detail).toMatch(/aud/);
    const otherIssuer = await call('/v2/topology', {}, `Bearer ${await issuer.token({ aud: 'konstruktor-engine', iss: 'http://127.0.0.1:1/' })}`);
    expect(otherIssuer.status).toBe(401);
    expect((await call('/v2/topology', {}, 'Bearer not-a-token')).status).toBe(401);
  });

  it('refuses to start without a way to authenticate, or anonymous off loopback', () => {
    expect(() => engineServiceConfigFromEnv({})).toThrow(/ENGINE_BASIC_AUTH/);
    expect(() => engineServiceConfigFromEnv({ ENGINE_ALLOW_ANONYMOUS: 'true', HOST: '0.0.0.0' })).toThrow(/loopback/);
    expect(() => engineServiceConfigFromEnv({ ENGINE_BASIC_AUTH: 'no-password' })).toThrow(/user:password/);
  });
});

describe('bad requests', () => {
  it('answers each with a problem naming what is wrong, and changes nothing', async () => {
    const before = await call('/v2/process-instances/search', { method: 'POST', json: {} });
    const cases: [string, RequestInit & { json?: unknown }, number, string, RegExp][] = [
      ['/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'no-such-process' } }, 404, 'NOT_FOUND', /no-such-process/],
      ['/v2/process-instances', { method: 'POST', json: {} }, 400, 'INVALID_ARGUMENT', /processDefinitionId/],
      ['/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'x', startInstructions: [{ elementId: 'a' }] } }, 400, 'INVALID_ARGUMENT', /startInstructions is not supported/],
      ['/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'x', tenantId: 'other' } }, 400, 'INVALID_ARGUMENT', /multi-tenancy is disabled/],
      ['/v2/process-instances', { method: 'POST', body: '{"processDefinitionId":', headers: { 'content-type': 'application/json' } }, 400, 'INVALID_ARGUMENT', /not valid JSON/],
      ['/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'x', variables: 'a=1' } }, 400, 'INVALID_ARGUMENT', /variables must be a JSON object/],
      ['/v2/jobs/2251799813685999/completion', { method: 'POST', json: {} }, 404, 'NOT_FOUND', /job with key '2251799813685999'/],
      ['/v2/jobs/not-a-key/completion', { method: 'POST', json: {} }, 400, 'INVALID_ARGUMENT', /not a valid key/],
      ['/v2/jobs/activation', { method: 'POST', json: { type: 'x', timeout: 1000 } }, 400, 'INVALID_ARGUMENT', /maxJobsToActivate/],
      ['/v2/user-tasks/2251799813685999/completion', { method: 'POST', json: {} }, 404, 'NOT_FOUND', /2251799813685999/],
      ['/v2/incidents/search', { method: 'POST', json: { filter: { color: 'red' } } }, 400, 'INVALID_ARGUMENT', /'color'/],
      ['/v2/incidents/search', { method: 'POST', json: { page: { limit: 0 } } }, 400, 'INVALID_ARGUMENT', /limit/],
      ['/v2/signals/broadcast', { method: 'POST', json: { signalName: 's' } }, 404, 'NOT_FOUND', /not served by this engine/],
      ['/v2/clock', { method: 'PUT', json: { timestamp: 0 } }, 404, 'NOT_FOUND', /not served/],
      ['/v2/deployments', { method: 'POST', json: { resources: [] } }, 400, 'INVALID_ARGUMENT', /multipart/],
    ];
    for (const [path, init, status, title, detail] of cases) {
      const answer = await call(path, init);
      expect({ path, status: answer.status, title: answer.body?.title }).toEqual({ path, status, title });
      expect(answer.body.detail).toMatch(detail);
    }
    const huge = await call('/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'x', variables: { blob: 'x'.repeat(5 * 1024 * 1024) } } });
    expect(huge.status).toBe(413);
    expect(huge.body.title).toBe('PAYLOAD_TOO_LARGE');
    const after = await call('/v2/process-instances/search', { method: 'POST', json: {} });
    expect(after.body.page.totalItems).toBe(before.body.page.totalItems);
  });

  it('refuses a deployment of malformed BPMN with its reason, and deploys nothing', async () => {
    const form = new FormData();
    form.append('resources', new Blob(['<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"']), 'broken.bpmn');
    const response = await fetch(`${service.url}/v2/deployments`, { method: 'POST', body: form, headers: { authorization: basic } });
    const problem = await response.json() as { title: string; detail: string };
    expect(response.status).toBe(400);
    expect(problem.title).toBe('INVALID_ARGUMENT');
    expect(problem.detail).toMatch(/broken\.bpmn/);
  });

  it('refuses a job completed twice and a message id published twice', async () => {
    await deploy('twice', 'twice-work');
    const created = await call('/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'twice' } });
    expect(created.status).toBe(200);
    const { body } = await call('/v2/jobs/activation', { method: 'POST', json: { type: 'twice-work', maxJobsToActivate: 1, timeout: 60_000, worker: 'w' } });
    const jobKey = body.jobs[0].jobKey as string;
    expect((await call(`/v2/jobs/${jobKey}/completion`, { method: 'POST', json: { variables: { done: true } } })).status).toBe(204);
    const again = await call(`/v2/jobs/${jobKey}/completion`, { method: 'POST', json: {} });
    expect(again.status).toBe(404);
    expect(again.body.title).toBe('NOT_FOUND');

    const message = { name: 'paid', correlationKey: 'order-1', timeToLive: 60_000, messageId: 'payment-1' };
    expect((await call('/v2/messages/publication', { method: 'POST', json: message })).status).toBe(200);
    const duplicate = await call('/v2/messages/publication', { method: 'POST', json: message });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ title: 'ALREADY_EXISTS' });
    expect(duplicate.body.detail).toMatch(/payment-1/);
  });
});

describe('messages and leases', () => {
  const WAITING = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-waiting" targetNamespace="https://konstruktor.example/test">
  <bpmn:message id="paid" name="order-paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="waiting" isExecutable="true">
    <bpmn:startEvent id="start"/><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="paid"/></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/><bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;

  it('correlates a message to the instance waiting for it, and answers NOT_FOUND when none waits', async () => {
    const form = new FormData();
    form.append('resources', new Blob([WAITING]), 'waiting.bpmn');
    expect((await fetch(`${service.url}/v2/deployments`, { method: 'POST', body: form, headers: { authorization: basic } })).status).toBe(200);
    const created = await call('/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'waiting', variables: { orderId: 'o-1' } } });
    const correlated = await call('/v2/messages/correlation', { method: 'POST', json: { name: 'order-paid', correlationKey: 'o-1', variables: { paid: true } } });
    expect(correlated.status).toBe(200);
    expect(correlated.body).toMatchObject({ processInstanceKey: created.body.processInstanceKey, tenantId: '<default>' });
    expect(correlated.body.messageKey).toMatch(/^\d+$/);
    const instance = await call(`/v2/process-instances/${created.body.processInstanceKey as string}`);
    expect(instance.body.state).toBe('COMPLETED');
    // Each variable found by search can be read again by its key.
    const waiting = await call('/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'waiting', variables: { orderId: 'o-2', amount: 15.5 } } });
    const found = await call('/v2/variables/search', { method: 'POST', json: { filter: { processInstanceKey: waiting.body.processInstanceKey } } });
    const amount = (found.body.items as { name: string; variableKey: string }[]).find((v) => v.name === 'amount')!;
    const read = await call(`/v2/variables/${amount.variableKey}`);
    expect(read.body).toMatchObject({ name: 'amount', value: '15.5', processInstanceKey: waiting.body.processInstanceKey });
    expect((await call(`/v2/variables/${amount.variableKey.slice(0, -6)}000099`)).status).toBe(404);
    const nobody = await call('/v2/messages/correlation', { method: 'POST', json: { name: 'order-paid', correlationKey: 'o-1' } });
    expect(nobody.status).toBe(404);
    expect(nobody.body.detail).toMatch(/order-paid.*o-1/);
  });

  it('takes a completion from a worker whose lease ran out while the job was not completed; a second completion is NOT_FOUND', async () => {
    await deploy('leased', 'leased-work');
    await call('/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'leased' } });
    const first = await call('/v2/jobs/activation', { method: 'POST', json: { type: 'leased-work', maxJobsToActivate: 1, timeout: 200, worker: 'slow', requestTimeout: -1 } });
    const jobKey = first.body.jobs[0].jobKey as string;
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The lease is over: another worker gets the same job.
    const second = await call('/v2/jobs/activation', { method: 'POST', json: { type: 'leased-work', maxJobsToActivate: 1, timeout: 60_000, worker: 'fast', requestTimeout: -1 } });
    expect(second.body.jobs.map((j: { jobKey: string }) => j.jobKey)).toEqual([jobKey]);
    // As on a broker, the job is completed by whichever worker completes it first.
    expect((await call(`/v2/jobs/${jobKey}/completion`, { method: 'POST', json: {} })).status).toBe(204);
    const late = await call(`/v2/jobs/${jobKey}/completion`, { method: 'POST', json: {} });
    expect(late.status).toBe(404);
    expect(late.body.title).toBe('NOT_FOUND');
  });
});

describe('job activation', () => {
  it('long-polls: a waiting request gets the job as soon as it exists', async () => {
    await deploy('polled', 'polled-work');
    const waiting = call('/v2/jobs/activation', { method: 'POST', json: { type: 'polled-work', maxJobsToActivate: 5, timeout: 30_000, worker: 'w', requestTimeout: 20_000 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const created = await call('/v2/process-instances', { method: 'POST', json: { processDefinitionId: 'polled', variables: { n: 7 } } });
    const { status, body } = await waiting;
    expect(status).toBe(200);
    expect(body.jobs).toHaveLength(1);
    expect(body.jobs[0]).toMatchObject({ type: 'polled-work', processInstanceKey: created.body.processInstanceKey, variables: { n: 7 }, worker: 'w', retries: 3 });
  });

  it('answers an empty list when nothing comes within requestTimeout, and at once with a negative one', async () => {
    const empty = await call('/v2/jobs/activation', { method: 'POST', json: { type: 'nothing', maxJobsToActivate: 1, timeout: 1000, requestTimeout: 300 } });
    expect(empty).toMatchObject({ status: 200, body: { jobs: [] } });
    const immediate = await call('/v2/jobs/activation', { method: 'POST', json: { type: 'nothing', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 } });
    expect(immediate).toMatchObject({ status: 200, body: { jobs: [] } });
  });
});

describe('backpressure', () => {
  it('answers RESOURCE_EXHAUSTED with Retry-After while as many requests are in flight as allowed, and takes requests again after', async () => {
    // Four deployments whose bodies are still arriving hold the four places (ENGINE_MAX_IN_FLIGHT=4).
    const { port } = new URL(service.url);
    const held = Array.from({ length: 4 }, () => {
      const req = request({ host: '127.0.0.1', port, path: '/v2/deployments', method: 'POST', headers: { authorization: basic, 'content-type': 'multipart/form-data; boundary=x' } });
      req.on('error', () => undefined);
      req.write('--x\r\n');
      return req;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await call('/v2/process-instances/search', { method: 'POST', json: {} });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ title: 'RESOURCE_EXHAUSTED', status: 429 });
    expect(refused.headers.get('retry-after')).toBe('1');
    for (const req of held) req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await call('/v2/process-instances/search', { method: 'POST', json: {} })).status).toBe(200);
  });
});
