import { DateTime, Duration } from 'luxon';
import type { Variables } from '../../contract.js';
import type { TimerDefinition } from '../model/types.js';
import { evaluate, type Evaluation } from './expressions.js';

export interface TimerSchedule {
  dueDate: number;
  /** Repetitions left after this one (-1: forever). */
  repetitions: number;
  interval: number | null;
}

function durationMs(text: string): number | undefined {
  const duration = Duration.fromISO(text);
  return duration.isValid ? duration.toMillis() : undefined;
}

function dateMs(text: string): number | undefined {
  // Zeebe also writes zone ids after '@' (2026-11-21T10:00:00@Europe/Vilnius).
  const [local, zone] = text.split('@');
  const date = DateTime.fromISO(local!, zone ? { zone } : { setZone: true });
  return date.isValid ? date.toMillis() : undefined;
}

/**
 * When a timer fires: durations (PT10S) from now, dates (ISO 8601) as given, cycles
 * (R3/PT10S, R/PT1M, R2/<start>/PT1H) from now or their start. FEEL results are accepted too.
 */
export function scheduleTimer(timer: TimerDefinition, context: Variables, now: number): Evaluation<TimerSchedule> {
  const evaluated = evaluate(timer.expression, context);
  if (!evaluated.ok) return evaluated;
  const text = String(evaluated.value ?? '').trim();
  const invalid = (what: string): Evaluation<TimerSchedule> => ({ ok: false, message: `Invalid timer ${what} '${text}' (from '${timer.expression}')` });
  if (timer.kind === 'duration') {
    const ms = durationMs(text);
    return ms === undefined ? invalid('duration') : { ok: true, value: { dueDate: now + ms, repetitions: 0, interval: null } };
  }
  if (timer.kind === 'date') {
    const ms = dateMs(text);
    return ms === undefined ? invalid('date') : { ok: true, value: { dueDate: ms, repetitions: 0, interval: null } };
  }
  const parts = text.split('/');
  const match = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!match || parts.length < 2 || parts.length > 3) return invalid('cycle');
  const interval = durationMs(parts.at(-1)!);
  const start = parts.length === 3 ? dateMs(parts[1]!) : now;
  if (interval === undefined || start === undefined || interval <= 0) return invalid('cycle');
  const total = match[1] === '' ? -1 : Number(match[1]);
  if (total === 0) return invalid('cycle');
  return { ok: true, value: { dueDate: parts.length === 3 ? start : now + interval, repetitions: total === -1 ? -1 : total - 1, interval } };
}
