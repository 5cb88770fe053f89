/** Lithuanian codes: personal code (asmens kodas), company code (juridinio asmens kodas), postal code. */

/** The check digit of Lithuanian personal and company codes: weights 1..9,1 then 3..9,1,2,3 (mod 11). */
function lithuanianCheckDigit(digits: readonly number[]): number {
  const round = (start: number): number =>
    digits.reduce((sum, digit, index) => sum + digit * (((start - 1 + index) % 9) + 1), 0) % 11;
  const first = round(1);
  if (first !== 10) return first;
  const second = round(3);
  return second === 10 ? 0 : second;
}

function toDigits(value: string): number[] {
  return [...value].map(Number);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Lithuanian personal code: 11 digits GYYMMDDNNNC. G is century and gender (1,2: 1800s; 3,4:
 * 1900s; 5,6: 2000s), then the birth date, a serial number and the check digit. Codes starting
 * with 9 are issued when the birth date is unknown; only their check digit is verified.
 */
export function isLithuanianPersonalCode(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = toDigits(value);
  const g = digits[0]!;
  if (g !== 9) {
    if (g < 1 || g > 6) return false;
    const year = 1800 + Math.floor((g - 1) / 2) * 100 + Number(value.slice(1, 3));
    if (!isRealDate(year, Number(value.slice(3, 5)), Number(value.slice(5, 7)))) return false;
  }
  return lithuanianCheckDigit(digits.slice(0, 10)) === digits[10];
}

/** Lithuanian company code (Registrų centras): 9 digits, check digit as in the personal code. */
export function isLithuanianCompanyCode(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = toDigits(value);
  return lithuanianCheckDigit(digits.slice(0, 8)) === digits[8];
}

/** Lithuanian postal code as written on letters: `LT-12345`. */
export function isLithuanianPostalCode(value: string): boolean {
  return /^LT-\d{5}$/.test(value);
}
