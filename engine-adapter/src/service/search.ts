import { invalidArgument } from './problem.js';
import type { Body } from './request.js';

/**
 * The v2 search request: `filter` (exact values or the advanced operators $eq, $neq, $in,
 * $exists), `sort` (fields of the result items) and `page` (offset or cursor), applied to the
 * result items themselves so that what is filtered is exactly what is answered.
 */
export interface SearchResult<T> {
  items: T[];
  page: { totalItems: number; startCursor?: string; endCursor?: string };
}

const DEFAULT_LIMIT = 100;
const MOST = 10_000;

type Item = Record<string, unknown>;

export function search<T extends Item>(body: Body, all: T[], filterable: readonly string[]): SearchResult<T> {
  const filtered = all.filter(matcher(body.filter, filterable));
  const sorted = sortItems(filtered, body.sort);
  const { from, limit } = pageOf(body.page);
  const items = sorted.slice(from, from + limit);
  return {
    items,
    page: {
      totalItems: sorted.length,
      ...(items.length ? { startCursor: cursor(from), endCursor: cursor(from + items.length) } : {}),
    },
  };
}

function cursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function offsetOf(text: unknown, name: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(String(text), 'base64').toString()) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  } catch {
    // falls through to the error below
  }
  throw invalidArgument(`The page's ${name} cursor '${String(text)}' is not one this engine gave.`);
}

function pageOf(page: unknown): { from: number; limit: number } {
  if (page === undefined || page === null) return { from: 0, limit: DEFAULT_LIMIT };
  if (typeof page !== 'object' || Array.isArray(page)) throw invalidArgument('The page must be an object.');
  const p = page as Record<string, unknown>;
  const limit = p.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > MOST) {
    throw invalidArgument(`The page limit must be an integer from 1 to ${MOST}.`);
  }
  if (p.after !== undefined) return { from: offsetOf(p.after, 'after'), limit };
  if (p.before !== undefined) {
    const end = offsetOf(p.before, 'before');
    return { from: Math.max(0, end - limit), limit: Math.min(limit, end) };
  }
  const from = p.from ?? 0;
  if (typeof from !== 'number' || !Number.isSafeInteger(from) || from < 0) throw invalidArgument('The page from must be an integer of zero or more.');
  return { from, limit };
}

function matcher(filter: unknown, filterable: readonly string[]): (item: Item) => boolean {
  if (filter === undefined || filter === null) return () => true;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw invalidArgument('The filter must be an object.');
  // Clients send unused fields as null or empty lists (the Java client does): no condition.
  const set = Object.entries(filter as Record<string, unknown>).filter(([, c]) => c !== null && c !== undefined && !(Array.isArray(c) && c.length === 0));
  const tests = set.map(([field, condition]) => {
    if (!filterable.includes(field)) throw invalidArgument(`Filtering by '${field}' is not supported by this engine.`);
    return fieldTest(field, condition);
  });
  return (item) => tests.every((test) => test(item));
}

const same = (a: unknown, b: unknown): boolean => (Array.isArray(a) ? a.some((v) => same(v, b)) : String(a) === String(b));

function fieldTest(field: string, condition: unknown): (item: Item) => boolean {
  if (condition === null || typeof condition !== 'object') return (item) => item[field] !== undefined && same(item[field], condition);
  if (Array.isArray(condition)) throw invalidArgument(`The filter on '${field}' must be a value or an object of operators.`);
  const operators = Object.entries(condition as Record<string, unknown>).filter(([, o]) => o !== null && o !== undefined && !(Array.isArray(o) && o.length === 0));
  const tests = operators.map(([operator, operand]): ((v: unknown) => boolean) => {
    switch (operator) {
      case '$eq': return (v) => v !== undefined && same(v, operand);
      case '$neq': return (v) => v === undefined || !same(v, operand);
      case '$exists': return (v) => (v !== undefined && v !== null) === Boolean(operand);
      case '$in':
        if (!Array.isArray(operand)) throw invalidArgument(`$in on '${field}' needs a list.`);
        return (v) => v !== undefined && operand.some((o) => same(v, o));
      default: throw invalidArgument(`The filter operator '${operator}' on '${field}' is not supported by this engine.`);
    }
  });
  return (item) => tests.every((test) => test(item[field]));
}

function sortItems<T extends Item>(items: T[], sort: unknown): T[] {
  if (sort === undefined || sort === null) return items;
  if (!Array.isArray(sort)) throw invalidArgument('The sort must be a list of { field, order }.');
  const keys = sort.map((s) => {
    const { field, order = 'ASC' } = (s ?? {}) as { field?: unknown; order?: unknown };
    if (typeof field !== 'string') throw invalidArgument('Each sort entry needs a field.');
    if (order !== 'ASC' && order !== 'DESC' && order !== 'asc' && order !== 'desc') throw invalidArgument(`The sort order of '${field}' must be ASC or DESC.`);
    return { field, sign: String(order).toUpperCase() === 'DESC' ? -1 : 1 };
  });
  return [...items].sort((a, b) => {
    for (const { field, sign } of keys) {
      const c = compare(a[field], b[field]);
      if (c) return c * sign;
    }
    return 0;
  });
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  const numeric = /^\d+$/;
  if (typeof a === 'string' && typeof b === 'string' && numeric.test(a) && numeric.test(b)) {
    return a.length - b.length || (a < b ? -1 : 1);
  }
  return String(a) < String(b) ? -1 : 1;
}
