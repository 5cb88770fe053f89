import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/*
 * Hand-written SQL for the statements every request runs, where building the query with
 * TypeORM's query builder cost more CPU than the database took to run it. The entities'
 * metadata still names the tables and columns, so the SQL follows the mapping.
 */

/** Runs SQL with `:name` parameters, as the query builder takes them. */
export async function namedQuery<Row>(db: DataSource | EntityManager, sql: string, parameters: Record<string, unknown>): Promise<Row[]> {
  const driver = 'driver' in db ? db.driver : db.connection.driver;
  const [text, values] = driver.escapeQueryWithParameters(sql, parameters);
  return (await db.query(text, values)) as Row[];
}

/**
 * `alias.column AS "property", …` for every column of an entity: the rows then come back in the
 * entity's shape (the pg driver parses dates, arrays and jsonb as TypeORM does).
 */
export function entityColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  return selectList(db.getMetadata(entity), alias);
}

const selectList = (metadata: EntityMetadata, alias: string) =>
  metadata.columns.map((column) => `${alias}.${column.databaseName} AS "${column.propertyName}"`).join(', ');

/** INSERT statements by entity and set of given properties: each is written once. */
const inserts = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * Inserts one row with the given properties (the rest take their column defaults) and returns
 * the whole row as the entity, in one round trip.
 */
export async function insertRow<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, values: Partial<T>): Promise<T> {
  const { sql, parameters } = insertStatement(manager, entity, values);
  const [row] = (await manager.query(sql, parameters)) as T[];
  return row!;
}

/**
 * The `INSERT … RETURNING` statement insertRow runs ($1… for the given properties), for a caller
 * that makes it part of a larger statement.
 */
export function insertStatement<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, values: Partial<T>): { sql: string; parameters: unknown[] } {
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => values[column.propertyName] !== undefined);
  const key = columns.map((column) => column.propertyName).join();
  let byColumns = inserts.get(metadata);
  if (!byColumns) inserts.set(metadata, (byColumns = new Map()));
  let sql = byColumns.get(key);
  if (!sql) {
    sql = `INSERT INTO ${metadata.tablePath} AS t (${columns.map((column) => column.databaseName).join(', ')})
           VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${selectList(metadata, 't')}`;
    byColumns.set(key, sql);
  }
  // pg would send a JS array as a PostgreSQL array; a jsonb column needs it as JSON.
  const parameters = columns.map((column) => {
    const value: unknown = values[column.propertyName];
    return (column.type === 'jsonb' || column.type === 'json') && value !== null ? JSON.stringify(value) : value;
  });
  return { sql, parameters };
}
