import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { entities, migrations } from './entities.js';
import { pino, type Logger } from 'pino';
import { Notifications } from './notifications.js';
import { PreparingClient } from './prepared-statements.js';

export interface Database {
  dataSource: DataSource;
  /** LISTEN/NOTIFY on this database, between the runtime's replicas. */
  notifications: Notifications;
  /** `embedded PGlite (<dir>)` or the server URL without its password, for logs. */
  description: string;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** The URL with its password replaced, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Pool size against a PostgreSQL server. */
  poolSize?: number;
  /** Where the notification connection reports trouble. */
  logger?: Logger;
}

/**
 * Connects (to DATABASE_URL, or to an embedded PGlite under dataDir), then runs pending
 * migrations. An unreachable server or bad credentials fail within seconds with a message that
 * says which server and why.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(options.dataDir);
    url = embedded.url;
  }
  const description = embedded ? `embedded PGlite (${options.dataDir})` : `PostgreSQL ${redactUrl(url)}`;
  // PGlite has one session: its pooled connection listens. A server gets a connection for it alone (below).
  const logger = options.logger ?? pino({ level: 'warn' });
  const listening = embedded ? Notifications.forPoolClients(PreparingClient, logger) : undefined;
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    connectTimeoutMS: 5000,
    // PGlite serves one session: a second pooled connection would interleave transactions.
    poolSize: embedded ? 1 : (options.poolSize ?? 10),
    extra: { idleTimeoutMillis: 30_000, Client: listening?.Client ?? PreparingClient },
  });
  let notifications = listening?.notifications;
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    notifications ??= Notifications.forServer(url, logger);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`cannot open the database at ${description}: ${reason}`, { cause: error });
  }
  let closing: Promise<void> | undefined;
  return {
    dataSource,
    description,
    notifications,
    close() {
      closing ??= (async () => {
        await notifications.close();
        await dataSource.destroy();
        await embedded?.stop();
      })();
      return closing;
    },
  };
}
