import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEvent } from './audit-event.entity.js';

/** Hash of the chain before its first event. */
export const GENESIS_HASH = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 of a value's canonical JSON (RFC 8785): equal values give equal digests. */
export function digest(value: unknown): string {
  return sha256(canonicalize(value) ?? 'null');
}

/** The hash of one event: its own fields and the hash of the event before it. */
export function eventHash(event: Omit<AuditEvent, 'hash'> & { hash?: string }): string {
  const { prevHash, hash: _stored, ...fields } = event;
  return sha256(`${prevHash}\n${canonicalize({ ...fields, at: fields.at.toISOString() })}`);
}

/** The fields of an event the database numbers: all but its place in the chain. */
export type UnnumberedEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;

/**
 * The canonical JSON eventHash() hashes, without its closing `,"seq":"N"}`: "seq" sorts after
 * every other field, so the database's audit_append() completes it once it has numbered the event.
 */
export function canonicalWithoutSeq(event: UnnumberedEvent): string {
  return canonicalize({ ...event, at: event.at.toISOString() })!.slice(0, -1);
}

export interface ChainProblem {
  seq: string;
  problem: string;
}

/**
 * Checks events given in seq order, continuing from `previous` (the last event of the batch
 * before, if any). An edited row no longer matches its hash; a deleted row leaves a gap in seq
 * and a prevHash that points at nothing.
 */
export function verifyChainSegment(events: AuditEvent[], previous: { seq: bigint; hash: string }): { problems: ChainProblem[]; last: { seq: bigint; hash: string } } {
  const problems: ChainProblem[] = [];
  let last = previous;
  for (const event of events) {
    const seq = BigInt(event.seq);
    if (seq !== last.seq + 1n) problems.push({ seq: event.seq, problem: `follows seq ${last.seq}: ${seq - last.seq - 1n} event(s) missing before it` });
    if (event.prevHash !== last.hash) problems.push({ seq: event.seq, problem: 'prevHash does not match the hash of the event before it' });
    if (eventHash(event) !== event.hash) problems.push({ seq: event.seq, problem: 'content was changed after it was written (hash mismatch)' });
    last = { seq, hash: event.hash };
  }
  return { problems, last };
}
