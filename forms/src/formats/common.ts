/** International formats: e-mail, phone, IBAN, dates and times, URI, UUID, document reference (ajv-formats where it has them). */
import { fullFormats } from 'ajv-formats/dist/formats';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
// The core function with the min metadata passed in: the same check as the default export, without its per-call argument shuffling.
import { isValidPhoneNumber } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

const emailPattern = fullFormats.email as RegExp;
type FormatCheck = { validate: (value: string) => boolean };
const dateFormat = fullFormats.date as FormatCheck;
const dateTimeFormat = fullFormats['date-time'] as FormatCheck;
const timeFormat = fullFormats.time as FormatCheck;
const uriFormat = fullFormats.uri as (value: string) => boolean;
const uuidPattern = fullFormats.uuid as RegExp;

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}

/** A phone number in international form (`+370 612 34567`), checked against the country's numbering plan. */
export function isPhone(value: string): boolean {
  return value.length <= 32 && value.startsWith('+') && isValidPhoneNumber(value, metadata);
}

/** An IBAN with a valid country length and check digits; spaces between groups are allowed. */
export function isIban(value: string): boolean {
  if (value.length > 64) return false;
  const electronic = electronicFormatIBAN(value);
  return electronic !== null && isValidIBAN(electronic);
}

/** A calendar date `YYYY-MM-DD` that exists (form-js date pickers store this form). */
export function isDate(value: string): boolean {
  return dateFormat.validate(value);
}

/** RFC 3339 date and time with an offset (`2024-05-01T10:00:00+03:00`). */
export function isDateTime(value: string): boolean {
  return dateTimeFormat.validate(value);
}

/** RFC 3339 time with an offset (`10:00:00Z`). */
export function isTime(value: string): boolean {
  return timeFormat.validate(value);
}

export function isUri(value: string): boolean {
  return value.length <= 2048 && uriFormat(value);
}

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A reference to a stored document (its id, a UUID). The file itself never travels in form data. */
export function isDocumentReference(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
