import { DURATION_PATTERN } from './schema.js';

const PARTS = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?)$/;
const pattern = new RegExp(DURATION_PATTERN);

/**
 * An ISO 8601 duration in milliseconds: PnW or PnDTnHnMnS. Years and months are refused
 * because their length depends on the calendar (a timer of P1M is not always 30 days).
 */
export function durationToMs(text: string): number {
  const match = pattern.test(text) ? PARTS.exec(text) : null;
  if (!match || text === 'P' || text.endsWith('T')) throw new Error(`'${text}' is not an ISO 8601 duration such as PT30S, PT1H or P2D (years and months are not allowed)`);
  const [, weeks, days, hours, minutes, seconds] = match;
  const n = (value: string | undefined) => (value ? Number(value) : 0);
  return Math.round(((((n(weeks) * 7 + n(days)) * 24 + n(hours)) * 60 + n(minutes)) * 60 + n(seconds)) * 1000);
}

/** Expect timeouts may also be given in milliseconds. */
export function timeoutToMs(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === 'number' ? value : durationToMs(value);
}
