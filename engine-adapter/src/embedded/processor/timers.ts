import type { Variables } from '../../contract.js';
import { evaluateDateTime, evaluateDuration, evaluateTimeCycle, intervalDueDate, nextCycleDueDate, type FeelResult, type Interval } from '../feel/index.js';
import type { TimerDefinition } from '../model/types.js';

export interface TimerSchedule {
  dueDate: number;
  /** Repetitions left after this one (-1: forever). */
  repetitions: number;
  /** For cycles: the interval that schedules the next occurrence. */
  interval: Interval | null;
}

/** When a timer fires, by Zeebe's rules for durations, dates and repeating intervals (calendar-aware). */
export function scheduleTimer(timer: TimerDefinition, context: Variables, now: number): FeelResult<TimerSchedule> {
  if (timer.kind === 'duration') {
    const duration = evaluateDuration(timer.expression, context);
    return duration.ok ? { ok: true, value: { dueDate: intervalDueDate(duration.value, now), repetitions: 0, interval: null } } : duration;
  }
  if (timer.kind === 'date') {
    const date = evaluateDateTime(timer.expression, context);
    return date.ok ? { ok: true, value: { dueDate: date.value.epochMs, repetitions: 0, interval: null } } : date;
  }
  const cycle = evaluateTimeCycle(timer.expression, context);
  if (!cycle.ok) return cycle;
  const { repetitions, interval } = cycle.value;
  return { ok: true, value: { dueDate: intervalDueDate(interval, now), repetitions: repetitions === -1 ? -1 : repetitions - 1, interval } };
}

/** The next occurrence of a cycle timer that fired at `dueDate`. */
export function nextOccurrence(timer: { dueDate: number; interval: Interval | null }, now: number): number {
  return nextCycleDueDate(timer.interval!, timer.dueDate, now);
}
