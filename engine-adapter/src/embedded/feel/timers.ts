/**
 * Timer properties as Zeebe reads them: each accepts a FEEL temporal value or ISO 8601 text,
 * static (`PT10S`) or computed (`=duration("PT10S")`, `="PT" + string(n) + "S"`).
 * - timeDate: a date-time, or text with an offset (Java's ZonedDateTime.parse).
 * - timeDuration: a duration, or text `[<start>/]<duration>` (Zeebe's Interval.parse).
 * - timeCycle: text only (`R3/PT10S`, `R/PT1M`, `R2/<start>/PT1H`; `=cycle(duration("PT1M"))`
 *   gives such text). Zeebe also takes cron expressions here; this engine does not yet.
 */
import { FeelDateTime, FeelDuration } from 'feelin';
import { evaluateProperty, failure, resultType, type FeelOptions, type FeelResult } from './feel.js';
import {
  dateTimeValue, parseInterval, parseTimeCycle, parseZonedDateTime, type DateTimeValue, type Interval, type TimeCycle,
} from './temporal.js';

type Variables = Record<string, unknown>;

const oneOf = (expression: string, types: string[], value: unknown, warnings: string[]) =>
  failure(`Expected result of the expression '${expression}' to be one of '[${types.join(', ')}]', but was '${resultType(value)}'.`, warnings);

/** A timeDate (or a user task's due date): DATE_TIME or STRING, like Zeebe. A local date-time is taken as UTC. */
export function evaluateDateTime(value: string, context: Variables, options: FeelOptions = {}): FeelResult<DateTimeValue> {
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  if (result.value instanceof FeelDateTime) return { ok: true, value: dateTimeValue(result.value) };
  if (typeof result.value !== 'string') return oneOf(result.expression, ['DATE_TIME', 'STRING'], result.value, result.warnings);
  const parsed = parseZonedDateTime(result.value);
  return parsed ? { ok: true, value: parsed }
    : failure(`Invalid date-time format '${result.value}' for expression '${result.expression}'.`, result.warnings);
}

/** A timeDuration: DURATION, PERIOD or STRING, like Zeebe. */
export function evaluateDuration(value: string, context: Variables, options: FeelOptions = {}): FeelResult<Interval> {
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  if (result.value instanceof FeelDuration) return { ok: true, value: { duration: result.value.toString(), start: null } };
  if (typeof result.value !== 'string') return oneOf(result.expression, ['DURATION', 'PERIOD', 'STRING'], result.value, result.warnings);
  const parsed = parseInterval(result.value);
  return parsed ? { ok: true, value: parsed }
    : failure(`Invalid duration format '${result.value}' for expression '${result.expression}'.`, result.warnings);
}

/** A timeCycle: must be a STRING (Zeebe evaluates it as one), then a repeating interval. */
export function evaluateTimeCycle(value: string, context: Variables, options: FeelOptions = {}): FeelResult<TimeCycle> {
  const result = evaluateProperty(value, context, options);
  if (!result.ok) return result;
  if (typeof result.value !== 'string') {
    return failure(`Expected result of the expression '${result.expression}' to be 'STRING', but was '${resultType(result.value)}'.`, result.warnings);
  }
  if (!result.value.startsWith('R')) {
    return failure(`Invalid time cycle '${result.value}' for expression '${result.expression}': cron expressions are not supported, use a repeating interval like 'R/PT1H'.`, result.warnings);
  }
  const parsed = parseTimeCycle(result.value);
  return parsed ? { ok: true, value: parsed }
    : failure(`Invalid time cycle '${result.value}' for expression '${result.expression}'.`, result.warnings);
}
