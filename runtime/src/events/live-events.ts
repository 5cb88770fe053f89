import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Notifications } from '../db/notifications.js';

/** The NOTIFY channel the live_event triggers send each new event's id on. */
export const LIVE_CHANNEL = 'konstruktor_live';
/** How far back a reconnecting browser is given what it missed. */
const REPLAY_HOURS = 24;
const REPLAY_MOST = 1000;

/** One event for browsers: a new step of an application, a change of a task, or a citizen's message arriving or read. */
export interface LiveEvent {
  id: string;
  kind: 'application' | 'task' | 'message';
  applicationId: string | null;
  applicantId: string | null;
  onBehalfOf: string | null;
  agencyId: string | null;
  /** A task's: the keys of those whose inbox it is or was in (see `Viewer.audience`). */
  audience: string[] | null;
  data: Record<string, unknown>;
}

/**
 * Who is watching, and what of theirs: a citizen sees his own applications and those of the
 * entities he represents, and his messages; an official his agency's applications and the tasks his inbox shows.
 * `applicationId` narrows the stream to one application.
 */
export interface Viewer {
  userId: string;
  citizen: boolean;
  entities: string[];
  /** Set for officials. */
  agencyId: string | null;
  /** An official's task keys: a task's event reaches him when its audience names one (as the inbox's does, and his hands'). */
  audience: string[];
  /** A supervisor: every task of his agency. */
  supervisor: boolean;
  applicationId: string | null;
}

export function visibleTo(event: LiveEvent, viewer: Viewer): boolean {
  if (viewer.applicationId && event.applicationId !== viewer.applicationId) return false;
  // A message is its recipient's alone, whoever else may see the order it is about.
  if (event.kind === 'message') return viewer.citizen && event.applicantId === viewer.userId;
  if (viewer.citizen && event.kind === 'application') {
    if (event.onBehalfOf === null ? event.applicantId === viewer.userId : viewer.entities.includes(event.onBehalfOf)) return true;
  }
  if (viewer.agencyId && event.agencyId === viewer.agencyId) {
    return event.kind === 'application' || viewer.supervisor || !!event.audience?.some((key) => viewer.audience.includes(key));
  }
  return false;
}

/** The same rule as `visibleTo`, as SQL on live_event `e` ($1 user, $2 citizen?, $3 entities, $4 agency, $5 task keys, $6 application, $8 supervisor?). */
const VISIBLE = `
  ($6::uuid IS NULL OR e.application_id = $6::uuid) AND (
    ($2 AND e.kind = 'application' AND ((e.on_behalf_of IS NULL AND e.applicant_id = $1) OR e.on_behalf_of = ANY($3::text[])))
    OR ($2 AND e.kind = 'message' AND e.applicant_id = $1)
    OR ($4::uuid IS NOT NULL AND e.kind <> 'message' AND e.agency_id = $4::uuid
        AND (e.kind = 'application' OR $8::boolean OR e.audience && $5::text[])))`;

const COLUMNS = `e.id::text AS id, e.kind, e.application_id AS "applicationId", e.applicant_id AS "applicantId", e.on_behalf_of AS "onBehalfOf",
  e.agency_id AS "agencyId", e.audience, e.data`;

export type LiveEventSink = (event: LiveEvent) => void;

/**
 * Fans live events out to the browsers connected to this replica. Whichever replica committed
 * a change, PostgreSQL tells every replica its event id (LISTEN/NOTIFY, after the commit);
 * each replica reads those events once and hands each to the streams allowed to see it.
 */
export class LiveEvents {
  private readonly streams = new Set<{ viewer: Viewer; sink: LiveEventSink }>();
  private pending: string[] = [];
  private reading: Promise<void> | undefined;
  private stopListening: (() => void) | undefined;

  constructor(private readonly db: DataSource, private readonly notifications: Notifications, private readonly logger: Logger) {}

  async start(): Promise<void> {
    this.stopListening = await this.notifications.listen(LIVE_CHANNEL, (id) => {
      if (!/^\d{1,19}$/.test(id)) return;
      this.pending.push(id);
      this.reading ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.deliverPending()).finally(() => { this.reading = undefined; });
    });
  }

  async stop(): Promise<void> {
    this.stopListening?.();
    await this.reading;
    this.streams.clear();
  }

  /** Streams connected to this replica. */
  get connected(): number {
    return this.streams.size;
  }

  /** The newest event id, to refuse a Last-Event-ID from the future (forged). */
  async newestId(): Promise<string> {
    const [row] = (await this.db.query('SELECT coalesce(max(id), 0)::text AS id FROM live_event')) as { id: string }[];
    return row!.id;
  }

  /**
   * Registers a stream: first what it missed after `lastEventId` (kept 24 hours), then every
   * new event it may see. Events committed while the missed ones are read arrive once.
   */
  async open(viewer: Viewer, lastEventId: string | null, sink: LiveEventSink): Promise<() => void> {
    const stream = { viewer, sink };
    const held: LiveEvent[] = [];
    // Hold new events until the replay is out, so the order is missed-then-new without a gap.
    const holding = { viewer, sink: (event: LiveEvent) => held.push(event) };
    this.streams.add(holding);
    let replayed: LiveEvent[] = [];
    try {
      if (lastEventId !== null) {
        replayed = (await this.db.query(`SELECT ${COLUMNS} FROM live_event e
            WHERE e.id > $7 AND e.at > now() - make_interval(hours => ${REPLAY_HOURS}) AND ${VISIBLE} ORDER BY e.id LIMIT ${REPLAY_MOST}`,
          [viewer.userId, viewer.citizen, viewer.entities, viewer.agencyId, viewer.audience, viewer.applicationId, lastEventId, viewer.supervisor])) as LiveEvent[];
      }
    } finally {
      this.streams.delete(holding);
    }
    const sent = new Set<string>();
    for (const event of [...replayed, ...held]) {
      if (sent.has(event.id)) continue;
      sent.add(event.id);
      sink(event);
    }
    this.streams.add(stream);
    return () => { this.streams.delete(stream); };
  }

  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM live_event WHERE at < now() - make_interval(hours => ${REPLAY_HOURS})`);
  }

  private async deliverPending(): Promise<void> {
    while (this.pending.length) {
      const ids = this.pending.splice(0, 1000);
      if (!this.streams.size) continue; // nobody here to tell
      try {
        const events = (await this.db.query(`SELECT ${COLUMNS} FROM live_event e WHERE e.id = ANY($1::bigint[]) ORDER BY e.id`, [ids])) as LiveEvent[];
        for (const event of events) {
          for (const { viewer, sink } of this.streams) if (visibleTo(event, viewer)) sink(event);
        }
      } catch (err) {
        this.logger.warn({ err: { message: (err as Error).message }, events: ids.length }, 'live events could not be read; the browsers get them when they reconnect');
      }
    }
  }
}
