import { describe, expect, it } from 'vitest';
import {
  formats,
  isDate,
  isDocumentReference,
  isEmail,
  isIban,
  isLatvianCompanyCode,
  isLatvianPersonalCode,
  isLatvianPostalCode,
  isLithuanianCompanyCode,
  isLithuanianPersonalCode,
  isLithuanianPostalCode,
  isPhone,
} from '@konstruktor/forms';

describe('Lithuanian personal code', () => {
  it('accepts codes whose check digit needs the first weight round or the second', () => {
    expect(isLithuanianPersonalCode('33309240064')).toBe(true); // second round (first gives 10)
    expect(isLithuanianPersonalCode('39001010000')).toBe(true); // first round: 33 mod 11 = 0
    expect(isLithuanianPersonalCode('50001010006')).toBe(true);
  });
  it('refuses a wrong check digit, an impossible birth date, a wrong century digit or length', () => {
    expect(isLithuanianPersonalCode('33309240065')).toBe(false);
    expect(isLithuanianPersonalCode('39002300000')).toBe(false); // 30 February
    expect(isLithuanianPersonalCode('73309240064')).toBe(false);
    expect(isLithuanianPersonalCode('3330924006')).toBe(false);
    expect(isLithuanianPersonalCode('3330924006a')).toBe(false);
  });
});

describe('Lithuanian company code', () => {
  it('accepts registered codes', () => {
    expect(isLithuanianCompanyCode('188710061')).toBe(true);
    expect(isLithuanianCompanyCode('121215434')).toBe(true);
  });
  it('refuses a wrong check digit or length', () => {
    expect(isLithuanianCompanyCode('188710062')).toBe(false);
    expect(isLithuanianCompanyCode('18871006')).toBe(false);
  });
});

describe('Latvian personal code', () => {
  it('accepts the old format with its check digit, with or without the hyphen, and the new format', () => {
    expect(isLatvianPersonalCode('120345-12345')).toBe(true);
    expect(isLatvianPersonalCode('12034512345')).toBe(true);
    expect(isLatvianPersonalCode('321234-56789')).toBe(true);
  });
  it('refuses a wrong check digit, an impossible date, an unknown century or a wrong length', () => {
    expect(isLatvianPersonalCode('120345-12346')).toBe(false);
    expect(isLatvianPersonalCode('310245-12345')).toBe(false);
    expect(isLatvianPersonalCode('120345-32345')).toBe(false);
    expect(isLatvianPersonalCode('120345-1234')).toBe(false);
  });
});

describe('Latvian company registration number', () => {
  it('accepts registered numbers', () => {
    expect(isLatvianCompanyCode('40003052786')).toBe(true);
    expect(isLatvianCompanyCode('40003000642')).toBe(true);
  });
  it('refuses a wrong check digit or length', () => {
    expect(isLatvianCompanyCode('40003052787')).toBe(false);
    expect(isLatvianCompanyCode('4000305278')).toBe(false);
  });
});

describe('international formats', () => {
  it('checks IBANs by country length and check digits', () => {
    expect(isIban('LT121000011101001000')).toBe(true);
    expect(isIban('LV80 BANK 0000 4351 9500 1')).toBe(true);
    expect(isIban('LT121000011101001001')).toBe(false);
    expect(isIban('LT12100001110100100')).toBe(false);
  });
  it('checks phone numbers in international form against the numbering plan', () => {
    expect(isPhone('+37061234567')).toBe(true);
    expect(isPhone('+371 2123 4567')).toBe(true);
    expect(isPhone('861234567')).toBe(false);
    expect(isPhone('+3706123')).toBe(false);
  });
  it('checks postal codes of Lithuania and Latvia', () => {
    expect(isLithuanianPostalCode('LT-01100')).toBe(true);
    expect(isLithuanianPostalCode('LT-1100')).toBe(false);
    expect(isLithuanianPostalCode('01100')).toBe(false);
    expect(isLatvianPostalCode('LV-1010')).toBe(true);
    expect(isLatvianPostalCode('LV-10101')).toBe(false);
  });
  it('checks e-mail addresses, real calendar dates and document references', () => {
    expect(isEmail('jonas@example.lt')).toBe(true);
    expect(isEmail('jonas@')).toBe(false);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDocumentReference('0b9f6c1e-3f57-4c1a-9a43-6f2b9e1d2c3a')).toBe(true);
    expect(isDocumentReference('../etc/passwd')).toBe(false);
  });
  it('checks the standard formats taken from ajv-formats', () => {
    expect(formats['date-time']('2024-05-01T10:00:00+03:00')).toBe(true);
    expect(formats['date-time']('2024-05-01 10:00')).toBe(false);
    expect(formats.time('10:00:00Z')).toBe(true);
    expect(formats.time('25:00:00Z')).toBe(false);
    expect(formats.uri('https://www.epaslaugos.lt/')).toBe(true);
    expect(formats.uri('not a uri')).toBe(false);
    expect(formats.uuid('0b9f6c1e-3f57-4c1a-9a43-6f2b9e1d2c3a')).toBe(true);
    expect(formats.uuid('0b9f6c1e')).toBe(false);
  });
  it('exposes every checker in the format map the validators use', () => {
    expect(Object.keys(formats).sort()).toEqual(
      ['date', 'date-time', 'time', 'uri', 'uuid', 'document', 'email', 'iban', 'lt-company-code', 'lt-personal-code', 'lv-company-code', 'lv-personal-code', 'phone', 'postal-code-lt', 'postal-code-lv'].sort(),
    );
    expect(formats['lt-personal-code']('33309240064')).toBe(true);
  });
});
