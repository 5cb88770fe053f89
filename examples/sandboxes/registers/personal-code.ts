/**
 * Lithuanian and Latvian personal codes as the sandbox population register checks them:
 * LT `GYYMMDDNNNC` (G = century and sex, C = mod-11 check digit) and LV `DDMMYY-CNNNZ`
 * (C = century, Z = check digit) or the birth-date-free LV form `32XXXX-XXXXX` issued since 2017.
 */

export type Country = 'LT' | 'LV';

export interface ParsedPersonalCode {
  country: Country;
  /** ISO date, when the code carries one. */
  birthDate?: string;
  sex?: 'M' | 'F';
}

const LT_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const LT_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];
const LV_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function weighted(digits: number[], weights: number[]): number {
  return digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0);
}

/** The check digit of the first ten digits of an LT personal code. */
export function ltCheckDigit(first10: string): number {
  const digits = [...first10].map(Number);
  const first = weighted(digits, LT_WEIGHTS_1) % 11;
  if (first !== 10) return first;
  const second = weighted(digits, LT_WEIGHTS_2) % 11;
  return second === 10 ? 0 : second;
}

/** The check digit of the first ten digits of an LV personal code (10 means no valid code exists). */
export function lvCheckDigit(first10: string): number {
  return (1101 - weighted([...first10].map(Number), LV_WEIGHTS)) % 11;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Parses a personal code; null when it is malformed (wrong shape, impossible date or wrong check digit). */
export function parsePersonalCode(code: string): ParsedPersonalCode | null {
  const lt = /^([1-6])(\d{2})(\d{2})(\d{2})\d{3}(\d)$/.exec(code);
  if (lt) {
    const [, g, yy, mm, dd, check] = lt as unknown as [string, string, string, string, string, string];
    const century = 1800 + Math.floor((Number(g) - 1) / 2) * 100;
    const birthDate = isoDate(century + Number(yy), Number(mm), Number(dd));
    if (!birthDate || ltCheckDigit(code.slice(0, 10)) !== Number(check)) return null;
    return { country: 'LT', birthDate, sex: Number(g) % 2 === 1 ? 'M' : 'F' };
  }
  const lvNew = /^32\d{4}-\d{5}$/.exec(code);
  if (lvNew) return { country: 'LV' };
  const lv = /^(\d{2})(\d{2})(\d{2})-([012])\d{3}(\d)$/.exec(code);
  if (lv) {
    const [, dd, mm, yy, c, check] = lv as unknown as [string, string, string, string, string, string];
    const birthDate = isoDate(1800 + Number(c) * 100 + Number(yy), Number(mm), Number(dd));
    const digits = code.replace('-', '');
    if (!birthDate || lvCheckDigit(digits.slice(0, 10)) !== Number(check)) return null;
    return { country: 'LV', birthDate };
  }
  return null;
}
