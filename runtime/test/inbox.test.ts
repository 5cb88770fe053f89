import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, startTestRuntime, type TestRuntime } from './support/harness.js';

describe('citizen portal inbox (My messages)', () => {
  let t: TestRuntime;
  beforeAll(async () => { t = await startTestRuntime(); });
  afterAll(() => t?.close());

  const send = (recipientPersonalCode: string, subject: string, idempotencyKey?: string) =>
    t.runtime.services.portalInbox.send({ recipientPersonalCode, subject, body: `${subject}: body`, locale: 'lt', idempotencyKey });

  it('shows a citizen only the messages addressed to his personal code, newest first, and counts the unread', async () => {
    const first = await send('38501010013', 'Prašymas gautas');
    const second = await send('38501010013', 'Sprendimas priimtas');
    await send('010190-10036', 'Ievas ziņa');
    const jonas = await citizen(t);
    const response = await jonas.get('/api/me/messages');
    expect(response.status).toBe(200);
    expect(response.body.items.map((m: { id: string }) => m.id)).toEqual([second.id, first.id]);
    expect(response.body).toMatchObject({ total: 2, unread: 2 });
    expect(response.body.items[0]).toMatchObject({ subject: 'Sprendimas priimtas', locale: 'lt', readAt: null });
    const ieva = await citizen(t, 'citizen2');
    expect((await ieva.get('/api/me/messages')).body.items.map((m: { subject: string }) => m.subject)).toEqual(['Ievas ziņa']);
  });

  it('marks a message read once, and refuses to touch another citizen\'s message', async () => {
    const message = await send('38501010013', 'Mokėjimas');
    const jonas = await citizen(t);
    const ieva = await citizen(t, 'citizen2');
    const before = await t.snapshot();
    expect((await ieva.post(`/api/me/messages/${message.id}/read`)).status).toBe(404);
    expect(await t.snapshot()).toEqual(before);
    const read = await jonas.post(`/api/me/messages/${message.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await jonas.post(`/api/me/messages/${message.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await jonas.get('/api/me/messages?unread=true');
    expect(unread.body.items.map((m: { id: string }) => m.id)).not.toContain(message.id);
  });

  it('is for citizens only: anonymous 401, an official 403, a bad id 400', async () => {
    expect((await t.anonymous().get('/api/me/messages')).status).toBe(401);
    expect((await (await t.as('official')).get('/api/me/messages')).status).toBe(403);
    const jonas = await citizen(t);
    expect((await jonas.post('/api/me/messages/not-a-uuid/read')).status).toBe(400);
    expect((await jonas.get('/api/me/messages?limit=1000')).status).toBe(400);
  });

  it('keeps one message per idempotency key, and audits each message once', async () => {
    const a = await send('38501010013', 'Tik vienas', 'job-abc');
    const b = await send('38501010013', 'Tik vienas', 'job-abc');
    expect(b.id).toBe(a.id);
    const audited = await t.runtime.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'inbox.message.sent' AND object_id = $1`, [a.id]);
    expect(audited[0].n).toBe(1);
  });
});
