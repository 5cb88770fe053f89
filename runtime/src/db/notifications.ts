import pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';

export type NotificationHandler = (payload: string) => void;

/** How long to wait before listening again after the listening connection was lost. */
const RECONNECT_AFTER_MS = 1000;

/**
 * PostgreSQL's LISTEN/NOTIFY between the runtime's replicas. A notification sent inside a
 * transaction (`notify(manager, …)`) reaches the listeners only if and when it commits, on
 * every replica. Against a server one connection of its own listens; against the embedded
 * PGlite, which has one session, the pool's connection listens itself (everything runs in this
 * one process then).
 */
export class Notifications {
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private readonly listening = new Set<pg.ClientBase>();
  private dedicated: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(private readonly logger: Logger, private readonly serverUrl?: string) {}

  /** Listens on a connection of its own to the server at `url`, opened at the first `listen`. */
  static forServer(url: string, logger: Logger): Notifications {
    return new Notifications(logger, url);
  }

  /**
   * Listens on every connection a pool opens with the client class this returns (PGlite: its
   * only one). Give the class to the pool as its `Client`.
   */
  static forPoolClients(Client: typeof pg.Client, logger: Logger): { notifications: Notifications; Client: typeof pg.Client } {
    const notifications = new Notifications(logger);
    const Listening = class extends Client {
      constructor(config?: string | pg.ClientConfig) {
        super(config);
        this.once('connect', () => notifications.attach(this));
        this.once('end', () => notifications.listening.delete(this));
      }
    };
    return { notifications, Client: Listening };
  }

  /** Sends `payload` on `channel` when the transaction of `manager` commits. */
  static async notify(manager: EntityManager, channel: string, payload = ''): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async listen(channel: string, handler: NotificationHandler): Promise<() => void> {
    if (this.serverUrl && !this.dedicated) await (this.connecting ??= this.connect(this.serverUrl).finally(() => { this.connecting = undefined; }));
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      this.handlers.set(channel, (handlers = new Set()));
      await Promise.all([...this.listening].map((client) => client.query(`LISTEN "${channel}"`)));
    }
    handlers.add(handler);
    return () => handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    await this.connecting?.catch(() => undefined);
    await this.dedicated?.end().catch(() => undefined);
  }

  private attach(client: pg.ClientBase): void {
    this.listening.add(client);
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (err) {
          this.logger.error({ err, channel: message.channel }, 'a notification handler failed');
        }
      }
    });
    for (const channel of this.handlers.keys()) void client.query(`LISTEN "${channel}"`).catch(() => undefined);
  }

  private async connect(url: string): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: url, application_name: 'konstruktor-listen' });
    client.on('error', (err) => {
      this.logger.warn({ err: { message: err.message } }, 'the notification connection was lost; listening again');
      this.listening.delete(client);
      if (!this.closed) this.reconnect = setTimeout(() => void this.connect(url).catch(() => undefined), RECONNECT_AFTER_MS);
    });
    await client.connect();
    this.dedicated = client;
    // What was sent while nobody listened is gone: listeners with a backlog (the outbox) also poll.
    this.attach(client);
  }
}
