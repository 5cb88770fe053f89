/**
 * FEEL values as Zeebe stores and reads them. Results become the JSON that Zeebe writes into
 * variables (temporal values as strings), and timer properties accept ISO 8601 text the way
 * Zeebe's Interval / RepeatingInterval / ZonedDateTime.parse read it.
 *
 * Zeebe resolves local (zone-less) date-times in the broker's system zone; this engine's system
 * zone is UTC.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { DateTime, Duration } from 'luxon';

/**
 * A FEEL result as a JSON variable value, recursively: dates "2026-11-21", local times
 * "10:15" / "10:15:30" (Java's LocalTime.toString, as Zeebe writes them), zoned times
 * "10:15:00+01:00" / "10:15:00@Europe/Paris", date-times "2026-11-21T10:15:00",
 * "2026-11-21T10:15:00Z", "2026-11-21T10:15:00+02:00[Europe/Vilnius]", durations "P1DT2H",
 * "P1Y2M". Functions and ranges have no JSON form: null, as in Zeebe.
 */
export function toVariableValue(value: unknown): unknown {
  return convert(value, 'variable');
}

/** The same for FEEL's `to json()`, which (unlike variables) always writes a local time's seconds. */
export function toJsonValue(value: unknown): unknown {
  return convert(value, 'json');
}

type Style = 'variable' | 'json';

function convert(value: unknown, style: Style): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => convert(item, style));
  if (value instanceof FeelDate) return value.toString();
  if (value instanceof FeelTime) return formatTime(value, style);
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelDuration) return value.toString();
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, convert(entry, style)]));
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

interface TimeFields { hour: number; minute: number; second: number; millisecond: number; microsecond: number; nanosecond: number }

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO_LOCAL_TIME: seconds always, fraction with as many digits as it needs. */
function isoLocalTime(t: TimeFields): string {
  const nanos = t.millisecond * 1e6 + t.microsecond * 1e3 + t.nanosecond;
  const fraction = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction}`;
}

/** Java's LocalTime.toString: "10:15" without seconds when they are zero, fractions in groups of 3. */
function javaLocalTime(t: TimeFields): string {
  const nanos = t.millisecond * 1e6 + t.microsecond * 1e3 + t.nanosecond;
  if (t.second === 0 && nanos === 0) return `${pad(t.hour)}:${pad(t.minute)}`;
  const digits = nanos === 0 ? 0 : nanos % 1e6 === 0 ? 3 : nanos % 1e3 === 0 ? 6 : 9;
  const fraction = digits === 0 ? '' : `.${pad(nanos, 9).slice(0, digits)}`;
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction}`;
}

/** feelin keeps `Z` as the zone "UTC"; offsets as "+01:00"; anything else is a region id. */
function isOffsetZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Z' || /^[+-]\d{2}:\d{2}(:\d{2})?$/.test(zone);
}

function offsetId(offset: string): string {
  return offset === 'UTC' || offset === 'Z' || /^[+-]00:00(:00)?$/.test(offset) ? 'Z' : offset;
}

function formatTime(time: FeelTime, style: Style): string {
  if (time.zone === null) return style === 'json' ? isoLocalTime(time.value) : javaLocalTime(time.value);
  return isOffsetZone(time.zone) ? `${isoLocalTime(time.value)}${offsetId(time.zone)}` : `${isoLocalTime(time.value)}@${time.zone}`;
}

/** ISO_LOCAL_DATE_TIME, or ISO_ZONED_DATE_TIME with the offset and a [region] when there is one. */
function formatDateTime(dateTime: FeelDateTime): string {
  const local = `${dateTime.value.toPlainDate().toString()}T${isoLocalTime(dateTime.value)}`;
  if (dateTime.zone === null) return local;
  const offset = offsetId(dateTime.value.toZonedDateTime(dateTime.zone).offset);
  return isOffsetZone(dateTime.zone) ? `${local}${offset}` : `${local}${offset}[${dateTime.zone}]`;
}

/** A point in time: epoch milliseconds and the text Zeebe would show for it. */
export interface DateTimeValue { epochMs: number; text: string }

export function dateTimeValue(dateTime: FeelDateTime): DateTimeValue {
  return { epochMs: dateTime.value.toZonedDateTime(dateTime.zone ?? 'UTC').epochMilliseconds, text: formatDateTime(dateTime) };
}

const ZONED_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)(?:\[([^\]]+)\])?$/;

/**
 * Java's ZonedDateTime.parse, which Zeebe uses for timeDate strings: an offset is required
 * ("2026-11-21T10:00:00Z", "...+01:00", "...+01:00[Europe/Berlin]"); a local date-time is not a
 * valid time date.
 */
export function parseZonedDateTime(text: string): DateTimeValue | undefined {
  const match = ZONED_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, local, offset, zone] = match;
  const parsed = DateTime.fromISO(`${local}${offset}`, { setZone: true });
  if (!parsed.isValid || (zone !== undefined && !parsed.setZone(zone).isValid)) return undefined;
  return { epochMs: parsed.toMillis(), text };
}

const ISO_DURATION =
  /^([-+]?)P(?:([-+]?\d+)Y)?(?:([-+]?\d+)M)?(?:([-+]?\d+)W)?(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{1,9}))?S)?)?$/i;

/** An ISO 8601 duration as Java's Period / Duration parse it (no empty "P" or "PT"). */
export function parseIsoDuration(text: string): Duration | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match || /T$/i.test(text)) return undefined;
  const [, sign, years, months, weeks, days, hours, minutes, seconds, fraction] = match;
  if ([years, months, weeks, days, hours, minutes, seconds].every((part) => part === undefined)) return undefined;
  const factor = sign === '-' ? -1 : 1;
  const n = (part: string | undefined): number => factor * Number(part ?? 0);
  const secondsSign = seconds?.startsWith('-') ? -1 : 1;
  const milliseconds = fraction === undefined ? 0 : secondsSign * Math.trunc(Number(`0.${fraction}`) * 1000);
  return Duration.fromObject({
    years: n(years), months: n(months), weeks: n(weeks), days: n(days),
    hours: n(hours), minutes: n(minutes), seconds: n(seconds), milliseconds: factor * milliseconds,
  });
}

/** Adds an ISO 8601 duration to an instant, calendar-aware for months and years (in UTC). */
export function addDuration(epochMs: number, duration: string): number {
  const parsed = parseIsoDuration(duration);
  if (!parsed) throw new Error(`Invalid ISO 8601 duration '${duration}'`);
  return DateTime.fromMillis(epochMs, { zone: 'utc' }).plus(parsed).toMillis();
}

/** Zeebe's Interval: a duration, optionally anchored at a start ("<date-time>/<duration>"). */
export interface Interval { duration: string; start: number | null }

/** Zeebe's Interval.parse: `[<zoned date-time>/]<duration>`. */
export function parseInterval(text: string): Interval | undefined {
  const slash = text.lastIndexOf('/');
  const start = slash > 0 ? parseZonedDateTime(text.slice(0, slash)) : null;
  const duration = text.slice(slash + 1);
  if (start === undefined || !parseIsoDuration(duration)) return undefined;
  return { duration, start: start?.epochMs ?? null };
}

/** A repeating interval `R<n>/<interval>`; repetitions -1 repeat forever (`R/...`). */
export interface TimeCycle { repetitions: number; interval: Interval }

/** Zeebe's RepeatingInterval.parse. */
export function parseTimeCycle(text: string): TimeCycle | undefined {
  const slash = text.indexOf('/');
  if (!text.startsWith('R') || slash === -1) return undefined;
  const count = text.slice(1, slash);
  if (count !== '' && !/^[-+]?\d+$/.test(count)) return undefined;
  const interval = parseInterval(text.slice(slash + 1));
  return interval && { repetitions: count === '' ? -1 : Number(count), interval };
}

/** Zeebe's Interval.toEpochMilli: a future start is the due date, a past start fires now, else now + duration. */
export function intervalDueDate(interval: Interval, now: number): number {
  if (interval.start !== null) return Math.max(interval.start, now);
  return addDuration(now, interval.duration);
}

/**
 * The next occurrence of a cycle that fired at `lastDueDate`. As in Zeebe, an occurrence that is
 * already overdue (missed cycles) is re-anchored on now instead of firing again at once.
 */
export function nextCycleDueDate(interval: Interval, lastDueDate: number, now: number): number {
  const natural = addDuration(lastDueDate, interval.duration);
  return natural > now ? natural : addDuration(now, interval.duration);
}
