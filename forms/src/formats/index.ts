/**
 * Every string format a Konstruktor data structure may name in `format`, as plain functions.
 * The server's ajv and the browser's standalone validator both take them from this one map.
 */
import { isDate, isDateTime, isDocumentReference, isEmail, isIban, isPhone, isTime, isUri, isUuid } from './common.js';
import { isLatvianCompanyCode, isLatvianPersonalCode, isLatvianPostalCode } from './latvia.js';
import { isLithuanianCompanyCode, isLithuanianPersonalCode, isLithuanianPostalCode } from './lithuania.js';

export * from './common.js';
export * from './latvia.js';
export * from './lithuania.js';

export const formats = {
  email: isEmail,
  phone: isPhone,
  iban: isIban,
  date: isDate,
  'date-time': isDateTime,
  time: isTime,
  uri: isUri,
  uuid: isUuid,
  document: isDocumentReference,
  'postal-code-lt': isLithuanianPostalCode,
  'postal-code-lv': isLatvianPostalCode,
  'lt-personal-code': isLithuanianPersonalCode,
  'lv-personal-code': isLatvianPersonalCode,
  'lt-company-code': isLithuanianCompanyCode,
  'lv-company-code': isLatvianCompanyCode,
} satisfies Record<string, (value: string) => boolean>;

export type FormatName = keyof typeof formats;

export function isFormatName(name: unknown): name is FormatName {
  return typeof name === 'string' && Object.hasOwn(formats, name);
}
