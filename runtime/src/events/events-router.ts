import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import type { Api } from '../http/api.js';
import { problems } from '../http/problem.js';
import { Uuid } from '../common/schemas.js';
import type { Applications } from '../applications/applications.js';
import type { RepresentedEntities } from '../acting-for/represented-entities.js';
import { liveTaskKeys } from '../tasks/inbox-query.js';
import type { LiveEvent, LiveEvents } from './live-events.js';

/** A comment line this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects a dropped stream. */
const RETRY_MS = 3000;

/** An event as the stream writes it; made once however many streams it goes to. */
const frames = new WeakMap<LiveEvent, string>();
function frame(event: LiveEvent): string {
  let text = frames.get(event);
  if (text === undefined) frames.set(event, (text = `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(event.data)}\n\n`));
  return text;
}

/** GET /api/events: changes to what the user may see, pushed as server-sent events. */
export function eventsRouter({ api, liveEvents, applications, representedEntities }: { api: Api; liveEvents: LiveEvents; applications: Applications; representedEntities: RepresentedEntities }): Router {
  const router = Router();
  api.route(router, {
    method: 'get', path: '/api/events', tag: 'events', access: ['citizen', 'official'],
    summary: 'Changes as they happen (text/event-stream): `application` events (a new step or status of an application: applicationId, number, status, step, at) '
      + "for a citizen's own applications and those of entities he represents, and for an official's agency; `task` events (taskId, applicationId, state, assigneeId, revision) "
      + "for the officials whose inbox the task is or was in (its candidate groups and users, its assignee; a supervisor: all the agency's); `message` events (messageId, applicationId, subject, createdAt, read, unread: the count not read) "
      + "for a citizen when a message to him arrives or is marked read. `application` narrows the stream to one application (404 when it is not yours to see). "
      + 'Each event has an id: reconnecting with Last-Event-ID gives what was missed in the last 24 hours. A comment line every 15 s keeps the stream open through proxies.',
    query: Type.Object({ application: Type.Optional(Uuid) }, { additionalProperties: false }),
    responseType: 'text/event-stream', errors: [404],
  }, async ({ query, auth, req, res }) => {
    const lastEventId = req.get('last-event-id') ?? null;
    if (lastEventId !== null && (!/^\d{1,19}$/.test(lastEventId) || BigInt(lastEventId) > BigInt(await liveEvents.newestId()))) {
      throw problems.invalidRequest([{ in: 'body', path: '', message: 'the Last-Event-ID header is not the id of an event this server sent' }]);
    }
    const user = auth.user;
    if (query.application) await applications.visible(user, query.application);
    const citizen = user.roles.includes('citizen');
    const official = user.roles.includes('official') && user.agencyId !== null;
    const viewer = {
      userId: user.id, citizen, entities: citizen ? await representedEntities.visibleCodes(user) : [],
      agencyId: official ? user.agencyId : null, audience: official ? liveTaskKeys(user) : [], supervisor: official && user.roles.includes('supervisor'), applicationId: query.application ?? null,
    };

    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: pass events on at once
    });
    res.flushHeaders();
    res.write(`retry: ${RETRY_MS}\n\n`);
    const close = await liveEvents.open(viewer, lastEventId, (event) => { res.write(frame(event)); });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    await new Promise<void>((resolve) => {
      req.on('close', resolve);
      res.on('close', resolve);
    });
    clearInterval(heartbeat);
    close();
    res.end();
  });
  return router;
}
