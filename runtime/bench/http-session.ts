import { stringify } from 'yaml';

/** What a browser keeps after logging in: the session cookie and the CSRF token it must echo. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Headers of an authenticated request; the CSRF token is required on writes, harmless on reads. */
export function sessionHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
}

async function call(baseUrl: string, method: string, path: string, body: unknown, session?: Session): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: session ? sessionHeaders(session) : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function expectStatus(response: Response, expected: number, what: string): Promise<void> {
  if (response.status !== expected) throw new Error(`${what}: expected HTTP ${expected}, got ${response.status} ${await response.text()}`);
}

export async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await call(baseUrl, 'POST', '/api/session', { username, password });
  await expectStatus(response, 200, `login of ${username}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('konstruktor_session='))?.split(';')[0];
  if (!cookie) throw new Error(`login of ${username} set no session cookie`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A minimal valid service package, built here so the bench does not depend on test fixtures. */
function benchPackage(code: string) {
  const card = {
    code, version: '1.0.0',
    title: { lt: 'Leidimas prekiauti lauke', en: 'Outdoor trading permit' },
    summary: { en: 'Service published by the API benchmark' },
    provider: 'kaunas-city', legalBasis: 'Benchmark', audience: ['citizens'], price: 'free',
    interactivityLevel: 4, onlineOrder: true, dataStructure: 'data/application.schema.json',
  };
  // Every field the bench's order sends, so each order is validated field by field as a real one is.
  const schema = {
    type: 'object',
    required: ['place', 'purpose', 'from'],
    properties: {
      place: { type: 'string', maxLength: 200 }, purpose: { type: 'string', maxLength: 200 }, area: { type: 'number', minimum: 1 },
      from: { type: 'string', format: 'date' }, contactPhone: { type: 'string', format: 'phone' }, notes: { type: 'string', maxLength: 2000 },
    },
  };
  return { files: { 'service.yaml': stringify(card), 'data/application.schema.json': JSON.stringify(schema) } };
}

/** An order like the bench service's start form sends; `[<id>]` makes every request's data a little different. */
export function orderBody(serviceCode: string): string {
  return JSON.stringify({
    service: serviceCode,
    data: { place: 'Laisvės al. [<id>], Kaunas', purpose: 'Lauko kavinė', area: 24, from: '2026-06-01', contactPhone: '+37060000000', notes: 'Bench order.' },
  });
}

/** Imports and publishes the bench service as the analyst, through the API like a person would. */
export async function publishBenchService(baseUrl: string, analyst: Session, code: string): Promise<void> {
  await expectStatus(await call(baseUrl, 'POST', '/api/service-packages', benchPackage(code), analyst), 201, 'service package import');
  await expectStatus(await call(baseUrl, 'POST', `/api/services/${code}/versions/1.0.0/publish`, undefined, analyst), 200, 'service publish');
}

export async function acceptTerms(baseUrl: string, citizen: Session): Promise<void> {
  await expectStatus(await call(baseUrl, 'POST', '/api/me/terms/1/accept', undefined, citizen), 204, 'terms acceptance');
}

/** One request of each benchmarked kind, checked by hand before any load is applied. */
export async function smokeTest(baseUrl: string, citizen: Session, orderBody: string): Promise<{ visible: number }> {
  const created = await fetch(`${baseUrl}/api/applications`, { method: 'POST', headers: sessionHeaders(citizen), body: orderBody.replace('[<id>]', 'smoke') });
  await expectStatus(created, 201, 'smoke-test order');
  const listed = await call(baseUrl, 'GET', '/api/applications', undefined, citizen);
  await expectStatus(listed, 200, 'smoke-test "My orders"');
  const page = (await listed.json()) as { items: unknown[]; total: number };
  if (page.items.length === 0) throw new Error('smoke-test "My orders" returned no items');
  return { visible: page.total };
}
