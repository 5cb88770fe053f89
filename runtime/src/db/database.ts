import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { entities, migrations } from './entities.js';
import { PreparingClient } from './prepared-statements.js';

export interface Database {
  dataSource: DataSource;
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
    extra: { idleTimeoutMillis: 30_000, Client: PreparingClient },
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
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
    close() {
      closing ??= (async () => {
        await dataSource.destroy();
        await embedded?.stop();
      })();
      return closing;
    },
  };
}
