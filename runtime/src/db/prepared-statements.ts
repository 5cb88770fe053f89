import pg from 'pg';

/** Statements one connection prepares, at most: SQL built with varying IN lists must not grow it without end. */
const MOST_PER_CONNECTION = 500;

/**
 * A pg client that prepares each statement with parameters the first time this connection
 * runs it, so PostgreSQL parses and plans it once per connection instead of on every run:
 * for the API's short statements that was most of the database's CPU time.
 */
export class PreparingClient extends pg.Client {
  private readonly names = new Map<string, string>();

  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      let name = this.names.get(text);
      if (!name && this.names.size < MOST_PER_CONNECTION) this.names.set(text, (name = `k${this.names.size}`));
      if (name) return (super.query as (...a: unknown[]) => never)({ name, text, values }, callback);
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
