/** Latvian codes: personal code (personas kods), company registration number, postal code. */

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const PERSONAL_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const COMPANY_WEIGHTS = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6];

/**
 * Latvian personal code, with or without the hyphen:
 * - old format DDMMYY-CNNNN: birth date, century digit C (0: 1800s, 1: 1900s, 2: 2000s), serial,
 *   check digit (1101 - Σ digit·weight) mod 11 mod 10 with weights 1,6,3,7,9,10,5,8,4,2;
 * - new format (since 2017) 32XXXX-XXXXX: no birth date and no check digit.
 */
export function isLatvianPersonalCode(value: string): boolean {
  const match = /^(\d{6})-?(\d{5})$/.exec(value);
  if (!match) return false;
  const code = match[1]! + match[2]!;
  if (code.startsWith('32')) return true;
  const century = Number(code[6]);
  if (century > 2) return false;
  const year = 1800 + century * 100 + Number(code.slice(4, 6));
  if (!isRealDate(year, Number(code.slice(2, 4)), Number(code.slice(0, 2)))) return false;
  const sum = PERSONAL_WEIGHTS.reduce((total, weight, index) => total + weight * Number(code[index]), 0);
  return ((1101 - sum) % 11) % 10 === Number(code[10]);
}

/**
 * Latvian company registration number (Uzņēmumu reģistrs): 11 digits; Σ digit·weight over the
 * first ten with weights 9,1,4,8,3,10,2,5,7,6, plus the check digit, is 3 modulo 11.
 */
export function isLatvianCompanyCode(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const sum = COMPANY_WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return (sum + Number(value[10])) % 11 === 3;
}

/** Latvian postal code as written on letters: `LV-1234`. */
export function isLatvianPostalCode(value: string): boolean {
  return /^LV-\d{4}$/.test(value);
}
