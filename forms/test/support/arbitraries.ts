/** fast-check arbitraries for valid values of every Konstruktor format. */
import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import type { FormatName } from '@konstruktor/forms';
import { formats, isEmail, isLatvianPersonalCode, isLithuanianCompanyCode, isLithuanianPersonalCode, isPhone } from '@konstruktor/forms';

const digits = (length: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((list) => list.join(''));

/** The one check digit that makes `stem + digit` pass `check`, if any. */
function completeWithCheckDigit(stem: string, check: (value: string) => boolean): string | null {
  for (let digit = 0; digit <= 9; digit++) if (check(stem + digit)) return stem + digit;
  return null;
}

const isoDate = (minYear: number, maxYear: number): fc.Arbitrary<string> =>
  fc.date({ min: new Date(Date.UTC(minYear, 0, 1)), max: new Date(Date.UTC(maxYear, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

const ltPersonalCode = fc
  .tuple(fc.integer({ min: 3, max: 6 }), isoDate(1900, 2099), digits(3))
  .map(([gender, date, serial]) => {
    const year = Number(date.slice(0, 4));
    const g = year >= 2000 ? (gender % 2 === 1 ? 5 : 6) : gender % 2 === 1 ? 3 : 4;
    return completeWithCheckDigit(`${g}${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${serial}`, isLithuanianPersonalCode);
  })
  .filter((code): code is string => code !== null);

const lvPersonalCode = fc.oneof(
  fc.tuple(isoDate(1900, 2099), digits(3)).map(([date, serial]) => {
    const century = date.startsWith('19') ? '1' : '2';
    const stem = `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}-${century}${serial}`;
    return completeWithCheckDigit(stem, isLatvianPersonalCode);
  }).filter((code): code is string => code !== null),
  fc.tuple(digits(4), digits(5)).map(([a, b]) => `32${a}-${b}`),
);

const ltCompanyCode = digits(8).map((stem) => completeWithCheckDigit(stem, isLithuanianCompanyCode)).filter((code): code is string => code !== null);

const lvCompanyCode = fc
  .tuple(fc.constantFrom('4', '5', '9'), digits(9))
  .map(([first, rest]) => completeWithCheckDigit(first + rest, formats['lv-company-code']))
  .filter((code): code is string => code !== null);

export const validFormatValue: Record<FormatName, fc.Arbitrary<string>> = {
  email: fc.emailAddress().filter(isEmail),
  phone: fc.oneof(digits(7).map((d) => `+3706${d}`), digits(7).map((d) => `+3712${d}`)).filter(isPhone),
  iban: digits(16).map((bban) => composeIBAN({ countryCode: 'LT', bban })!),
  date: isoDate(1900, 2100),
  'date-time': fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((date) => date.toISOString()),
  time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([h, m, s]) => `${[h, m, s].map((n) => String(n).padStart(2, '0')).join(':')}Z`),
  uri: fc.webUrl(),
  uuid: fc.uuid(),
  document: fc.uuid(),
  'postal-code-lt': digits(5).map((d) => `LT-${d}`),
  'postal-code-lv': digits(4).map((d) => `LV-${d}`),
  'lt-personal-code': ltPersonalCode,
  'lv-personal-code': lvPersonalCode,
  'lt-company-code': ltCompanyCode,
  'lv-company-code': lvCompanyCode,
};

/** A valid value with one character changed, dropped or added: mostly invalid, sometimes not. */
export function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, fc.nat(), fc.constantFrom('replace', 'drop', 'add'), fc.constantFrom('0', '7', 'x', '-', ' ', 'Ž')).map(([value, at, how, char]) => {
    const i = at % Math.max(value.length, 1);
    if (how === 'drop') return value.slice(0, i) + value.slice(i + 1);
    if (how === 'add') return value.slice(0, i) + char + value.slice(i);
    return value.slice(0, i) + char + value.slice(i + 1);
  });
}

/** Any JSON value, small. */
export const anyJson = fc.jsonValue({ maxDepth: 2 });
