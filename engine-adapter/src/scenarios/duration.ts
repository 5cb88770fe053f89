import { parseIsoDuration } from '../embedded/feel/temporal.js';
import { DURATION_PATTERN } from './schema.js';

const pattern = new RegExp(DURATION_PATTERN);

/**
 * An ISO 8601 duration in milliseconds: PnW or PnDTnHnMnS, read by the engine's one duration
 * parser (feel/temporal.ts). Years and months are refused because their length depends on the
 * calendar (a timer of P1M is not always 30 days).
 */
export function durationToMs(text: string): number {
  const duration = pattern.test(text) ? parseIsoDuration(text) : undefined;
  if (!duration) throw new Error(`'${text}' is not an ISO 8601 duration such as PT30S, PT1H or P2D (years and months are not allowed)`);
  return Math.round(duration.as('milliseconds'));
}

/** Expect timeouts may also be given in milliseconds. */
export function timeoutToMs(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === 'number' ? value : durationToMs(value);
}
