/** Lithuanian codes: personal code (asmens kodas), company code (juridinio asmens kodas), postal code. */

/**
 * The check digit of Lithuanian personal and company codes over the first `length` digits:
 * weights 1..9,1,… (mod 11); a remainder of 10 retries with weights 3..9,1,2,3; 10 again gives 0.
 */
function lithuanianCheckDigit(code: string, length: number): number {
  let first = 0;
  let second = 0;
  for (let index = 0; index < length; index++) {
    const digit = code.charCodeAt(index) - 48;
    first += digit * ((index % 9) + 1);
    second += digit * (((index + 2) % 9) + 1);
  }
  if (first % 11 !== 10) return first % 11;
  return second % 11 === 10 ? 0 : second % 11;
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
  const g = value.charCodeAt(0) - 48;
  if (g !== 9) {
    if (g < 1 || g > 6) return false;
    const year = 1800 + Math.floor((g - 1) / 2) * 100 + Number(value.slice(1, 3));
    if (!isRealDate(year, Number(value.slice(3, 5)), Number(value.slice(5, 7)))) return false;
  }
  return lithuanianCheckDigit(value, 10) === value.charCodeAt(10) - 48;
}

/** Lithuanian company code (Registrų centras): 9 digits, check digit as in the personal code. */
export function isLithuanianCompanyCode(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return lithuanianCheckDigit(value, 8) === value.charCodeAt(8) - 48;
}

/** Lithuanian postal code as written on letters: `LT-12345`. */
export function isLithuanianPostalCode(value: string): boolean {
  return /^LT-\d{5}$/.test(value);
}
