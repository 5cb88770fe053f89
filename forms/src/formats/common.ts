/** International formats: e-mail, phone, IBAN, calendar date, document reference. */
import { fullFormats } from 'ajv-formats/dist/formats';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js';

const emailPattern = fullFormats.email as RegExp;
const dateFormat = fullFormats.date as { validate: (value: string) => boolean };

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}

/** A phone number in international form (`+370 612 34567`), checked against the country's numbering plan. */
export function isPhone(value: string): boolean {
  return value.length <= 32 && value.startsWith('+') && isValidPhoneNumber(value);
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

/** A reference to a stored document (its id, a UUID). The file itself never travels in form data. */
export function isDocumentReference(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
