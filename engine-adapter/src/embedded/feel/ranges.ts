/**
 * The FEEL range functions feelin leaves unimplemented (it throws "not implemented" for them):
 * overlaps before / after, finishes, finished by, during, starts, started by, coincides.
 * Formulas from the DMN 1.3 spec (10.3.4.7); comparisons go through feelin itself so numbers,
 * strings and temporal values compare exactly as in the rest of the expression.
 */
import { evaluate, isRange, type FeelRange } from 'feelin';

const compare = (operator: '<' | '=', a: unknown, b: unknown): boolean =>
  a !== null && b !== null && evaluate(`a ${operator} b`, { a, b }).value === true;
const lt = (a: unknown, b: unknown): boolean => compare('<', a, b);
const eq = (a: unknown, b: unknown): boolean => compare('=', a, b);

const startIncluded = (r: FeelRange): boolean => r['start included'];
const endIncluded = (r: FeelRange): boolean => r['end included'];

function overlapsBefore(r1: FeelRange, r2: FeelRange): boolean {
  return (lt(r1.start, r2.start) || (eq(r1.start, r2.start) && startIncluded(r1) && !startIncluded(r2)))
    && (lt(r2.start, r1.end) || (eq(r1.end, r2.start) && endIncluded(r1) && startIncluded(r2)))
    && (lt(r1.end, r2.end) || (eq(r1.end, r2.end) && (!endIncluded(r1) || endIncluded(r2))));
}

function pointFinishes(point: unknown, range: FeelRange): boolean {
  return endIncluded(range) && eq(range.end, point);
}

function rangeFinishes(r1: FeelRange, r2: FeelRange): boolean {
  return endIncluded(r1) === endIncluded(r2) && eq(r1.end, r2.end)
    && (lt(r2.start, r1.start) || (eq(r1.start, r2.start) && (!startIncluded(r1) || startIncluded(r2))));
}

function pointDuring(point: unknown, range: FeelRange): boolean {
  return (lt(range.start, point) && lt(point, range.end))
    || (eq(range.start, point) && startIncluded(range))
    || (eq(range.end, point) && endIncluded(range));
}

/** includes(r1, r2): r2 lies within r1. */
function rangeIncludes(r1: FeelRange, r2: FeelRange): boolean {
  return (lt(r1.start, r2.start) || (eq(r1.start, r2.start) && (startIncluded(r1) || !startIncluded(r2))))
    && (lt(r2.end, r1.end) || (eq(r1.end, r2.end) && (endIncluded(r1) || !endIncluded(r2))));
}

function pointStarts(point: unknown, range: FeelRange): boolean {
  return startIncluded(range) && eq(range.start, point);
}

function rangeStarts(r1: FeelRange, r2: FeelRange): boolean {
  return eq(r1.start, r2.start) && startIncluded(r1) === startIncluded(r2)
    && (lt(r1.end, r2.end) || (eq(r1.end, r2.end) && (!endIncluded(r1) || endIncluded(r2))));
}

function rangeCoincides(r1: FeelRange, r2: FeelRange): boolean {
  return eq(r1.start, r2.start) && startIncluded(r1) === startIncluded(r2)
    && eq(r1.end, r2.end) && endIncluded(r1) === endIncluded(r2);
}

type Overloads = {
  points?: (a: unknown, b: unknown) => boolean;
  pointRange?: (point: unknown, range: FeelRange) => boolean;
  rangePoint?: (range: FeelRange, point: unknown) => boolean;
  ranges?: (r1: FeelRange, r2: FeelRange) => boolean;
};

/**
 * Picks the overload by which arguments are ranges; no matching overload (or null) gives null.
 * Named calls may use either overload's parameter names (`finishes(range1: a, range2: b)`), so
 * the function takes both pairs and uses whichever was given.
 */
function overloaded(overloads: Overloads) {
  return (first: unknown, second: unknown, otherFirst?: unknown, otherSecond?: unknown): boolean | null => {
    const a = first ?? otherFirst;
    const b = second ?? otherSecond;
    if (a === null || a === undefined || b === null || b === undefined) return null;
    if (isRange(a) && isRange(b)) return overloads.ranges?.(a, b) ?? null;
    if (isRange(a)) return overloads.rangePoint?.(a, b) ?? null;
    if (isRange(b)) return overloads.pointRange?.(a, b) ?? null;
    return overloads.points?.(a, b) ?? null;
  };
}

const RANGES = ['range1', 'range2'];

/** Parameter names as Camunda documents them, first overload first. */
export const rangeFunctions = {
  'overlaps before': { params: RANGES, body: overloaded({ ranges: overlapsBefore }) },
  'overlaps after': { params: RANGES, body: overloaded({ ranges: (r1, r2) => overlapsBefore(r2, r1) }) },
  finishes: { params: ['point', 'range', ...RANGES], body: overloaded({ pointRange: pointFinishes, ranges: rangeFinishes }) },
  'finished by': {
    params: ['range', 'point', ...RANGES],
    body: overloaded({ rangePoint: (range, point) => pointFinishes(point, range), ranges: (r1, r2) => rangeFinishes(r2, r1) }),
  },
  during: { params: ['point', 'range', ...RANGES], body: overloaded({ pointRange: pointDuring, ranges: (r1, r2) => rangeIncludes(r2, r1) }) },
  starts: { params: ['point', 'range', ...RANGES], body: overloaded({ pointRange: pointStarts, ranges: rangeStarts }) },
  'started by': {
    params: ['range', 'point', ...RANGES],
    body: overloaded({ rangePoint: (range, point) => pointStarts(point, range), ranges: (r1, r2) => rangeStarts(r2, r1) }),
  },
  coincides: { params: ['point1', 'point2', ...RANGES], body: overloaded({ points: eq, ranges: rangeCoincides }) },
} satisfies Record<string, { params: string[]; body: (...args: unknown[]) => boolean | null }>;
