import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { HttpProblem, problems } from './problem.js';

/** How long a key holds its first result (the IETF httpapi draft leaves it to the server; 24 h). */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A key as the draft writes it (a structured-field string, quoted) or bare: printable ASCII, 1-255 characters. */
const KEY = /^"?([\x21\x23-\x5b\x5d-\x7e]{1,255})"?$/;

/** One use of an Idempotency-Key: the key, and a fingerprint of the request it came with. */
export interface IdempotentRequest {
  key: string;
  fingerprint: string;
}

/** The request's Idempotency-Key (400 when it is malformed), with the fingerprint of `body`; null without the header. */
export function idempotentRequest(req: Request, body: unknown): IdempotentRequest | null {
  const header = req.get('idempotency-key');
  if (header === undefined) return null;
  const match = KEY.exec(header.trim());
  if (!match) {
    throw problems.invalidRequest([{ in: 'body', path: '', message: 'the Idempotency-Key header must be 1-255 printable ASCII characters (no quotes or backslashes inside)' }]);
  }
  return { key: match[1]!, fingerprint: createHash('sha256').update(canonicalize(body) ?? '').digest('hex') };
}

/** The same key was used with another request. */
export const keyReused = () => new HttpProblem(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different request',
  'Send a new Idempotency-Key for a new request; the same key with the same body returns the first result');

/**
 * The first result of each Idempotency-Key a user sent, for 24 hours. The result is stored in
 * the transaction that made it, so a key holds a result exactly when its change happened.
 */
export class IdempotencyKeys {
  constructor(private readonly db: DataSource) {}

  /** The stored result for the key, if it was used; 422 if it was used with another request. */
  async find<T>(userId: string, request: IdempotentRequest): Promise<T | null> {
    const [row] = (await this.db.query(`SELECT fingerprint, response FROM idempotency_key
      WHERE user_id = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`, [userId, request.key, IDEMPOTENCY_TTL_HOURS])) as { fingerprint: string; response: T }[];
    if (!row) return null;
    if (row.fingerprint !== request.fingerprint) throw keyReused();
    return row.response;
  }

  /** Stores the result in the caller's transaction; a concurrent first use of the key makes it fail (unique violation). */
  async record(manager: EntityManager, userId: string, request: IdempotentRequest, response: unknown): Promise<void> {
    // An expired use of the key makes room for this one.
    await manager.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND created_at <= now() - make_interval(hours => $3)`, [userId, request.key, IDEMPOTENCY_TTL_HOURS]);
    await manager.query('INSERT INTO idempotency_key (user_id, key, fingerprint, response) VALUES ($1, $2, $3, $4)', [userId, request.key, request.fingerprint, JSON.stringify(response)]);
  }

  async purgeExpired(): Promise<void> {
    await this.db.query('DELETE FROM idempotency_key WHERE created_at <= now() - make_interval(hours => $1)', [IDEMPOTENCY_TTL_HOURS]);
  }
}
