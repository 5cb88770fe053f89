import { formatDay, type Lang } from '../../ui/index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A value a register answered, as a sentence writes it: yes or no in the reader's language, a
 * day as his language writes dates, a list comma-separated (an entry with fields as those
 * fields), and nothing ("—") for no value or an empty list.
 */
export function registerValue(value: unknown, lang: Lang, words: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return DAY.test(value) ? formatDay(value, lang) : value;
  if (Array.isArray(value)) return value.length ? value.map((item) => registerValue(item, lang, words)).join(', ') : '—';
  if (typeof value === 'object') {
    const parts = Object.values(value).filter((v) => v !== null && v !== undefined && v !== '').map((v) => registerValue(v, lang, words));
    return parts.length ? `(${parts.join(', ')})` : '—';
  }
  return String(value);
}
