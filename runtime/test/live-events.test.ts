/**
 * GET /api/events: a browser is told of changes to what it may see, as they commit, and never
 * of anyone else's; a reconnect with Last-Event-ID gives what it missed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventSource } from 'eventsource';
import { citizen, publishService, startTestRuntime, type TestRuntime } from './support/harness.js';
import type { ApiClient } from './support/api-client.js';

interface Received { id: string; type: string; data: Record<string, unknown> }

/** Opens a stream and keeps what arrives; `next` waits for an event that matches. */
function watch(client: ApiClient, path = '/api/events', headers: Record<string, string> = {}) {
  const received: Received[] = [];
  const source = client.eventSource(path, headers);
  const waiters: { match: (e: Received) => boolean; resolve: (e: Received) => void }[] = [];
  const take = (type: string) => (message: MessageEvent) => {
    const event = { id: message.lastEventId, type, data: JSON.parse(message.data as string) as Record<string, unknown> };
    received.push(event);
    for (const w of [...waiters]) if (w.match(event)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(event); }
  };
  source.addEventListener('application', take('application'));
  source.addEventListener('task', take('task'));
  const opened = new Promise<void>((resolve, reject) => { source.onopen = () => resolve(); source.onerror = (e) => reject(new Error(`stream failed: ${String((e as { message?: string }).message)}`)); });
  return {
    source, received, opened,
    next: (match: (e: Received) => boolean, timeoutMs = 10_000) => {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise<Received>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(received)}`)), timeoutMs);
        waiters.push({ match, resolve: (e) => { clearTimeout(timer); resolve(e); } });
      });
    },
  };
}

describe('live events', () => {
  let t: TestRuntime;
  let service: string;
  const open: EventSource[] = [];
  const streams = (...watched: ReturnType<typeof watch>[]) => { open.push(...watched.map((w) => w.source)); return Promise.all(watched.map((w) => w.opened)); };

  beforeAll(async () => {
    t = await startTestRuntime();
    service = await publishService(t);
  }, 120_000);
  afterEach(() => { for (const source of open.splice(0)) source.close(); });
  afterAll(() => t?.close());

  it('tells the applicant and the agency of each step, and nobody else', async () => {
    const jonas = await citizen(t);
    const other = await citizen(t, 'citizen2');
    const official = await t.as('official');
    const mine = watch(jonas);
    const theirs = watch(other);
    const agency = watch(official);
    await streams(mine, theirs, agency);

    const order = await jonas.post('/api/applications', { service, data: { place: 'Vilniaus g. 1' } });
    expect(order.status).toBe(201);
    const submitted = await mine.next((e) => e.data.applicationId === order.body.id && e.data.step === 'submitted');
    expect(submitted).toMatchObject({ type: 'application', data: { status: 'submitted', number: order.body.number } });
    const task = await agency.next((e) => e.type === 'task' && e.data.applicationId === order.body.id);
    expect(task.data.state).toBe('open');

    expect((await official.post(`/api/tasks/${task.data.taskId as string}/claim`)).status).toBe(200);
    await mine.next((e) => e.data.applicationId === order.body.id && e.data.status === 'in-review');
    await agency.next((e) => e.type === 'task' && e.data.taskId === task.data.taskId && e.data.assigneeId !== null);
    expect(mine.received.every((e) => e.type === 'application')).toBe(true);
    expect(theirs.received.filter((e) => e.data.applicationId === order.body.id)).toEqual([]);
  });

  it('gives a reconnecting browser what it missed after its Last-Event-ID, and only that', async () => {
    const jonas = await citizen(t);
    const first = await jonas.post('/api/applications', { service, data: { place: 'first' } });
    const before = watch(jonas);
    await streams(before);
    const second = await jonas.post('/api/applications', { service, data: { place: 'second' } });
    const seen = await before.next((e) => e.data.applicationId === second.body.id);
    before.source.close();
    const third = await jonas.post('/api/applications', { service, data: { place: 'third' } });

    const again = watch(jonas, '/api/events', { 'last-event-id': seen.id });
    await streams(again);
    await again.next((e) => e.data.applicationId === third.body.id);
    expect(again.received.map((e) => e.data.applicationId)).not.toContain(first.body.id);
    expect(again.received.every((e) => BigInt(e.id) > BigInt(seen.id))).toBe(true);
    expect(again.received.filter((e) => e.data.applicationId === third.body.id && e.data.step === 'submitted')).toHaveLength(1);
  });

  it('narrows a stream to one application, and refuses another person\'s', async () => {
    const jonas = await citizen(t);
    const other = await citizen(t, 'citizen2');
    const order = await jonas.post('/api/applications', { service, data: { place: 'one' } });
    const response = await other.request('GET', `/api/events?application=${order.body.id}`);
    expect(response.status).toBe(404);
    const one = watch(jonas, `/api/events?application=${order.body.id}`);
    await streams(one);
    const elsewhere = await jonas.post('/api/applications', { service, data: { place: 'another' } });
    const official = await t.as('official');
    const tasks = (await official.get('/api/tasks')).body.items as { id: string; applicationId: string }[];
    await official.post(`/api/tasks/${tasks.find((task) => task.applicationId === order.body.id)!.id}/claim`);
    await one.next((e) => e.data.status === 'in-review');
    expect(one.received.some((e) => e.data.applicationId === elsewhere.body.id)).toBe(false);
  });

  it('refuses a forged Last-Event-ID, a stream without a session, and the wrong role', async () => {
    const jonas = await citizen(t);
    for (const forged of ['99999999999', 'abc', '-1', '1e5']) {
      const response = await jonas.request('GET', '/api/events', undefined, { headers: { 'last-event-id': forged } });
      expect(response.status).toBe(400);
      expect(response.body.detail).toContain('Last-Event-ID');
    }
    expect((await t.anonymous().request('GET', '/api/events')).status).toBe(401);
    expect((await (await t.as('analyst')).request('GET', '/api/events')).status).toBe(403);
  });
});
