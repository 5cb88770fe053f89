import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** ISO 11649: RF, two check digits, at most 21 characters. */
const MAX_BODY = 21;

/** ISO 7064 MOD 97-10 of an alphanumeric string, letters counted as 10..35. */
function mod97(text: string): number {
  let rest = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char).toString();
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** `body` with RF and its check digits in front. */
function creditorReference(body: string): string {
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** True when `reference` is a well-formed ISO 11649 creditor reference (RFkk + 1-21 characters). */
export function isCreditorReference(reference: string): boolean {
  return /^RF\d{2}[0-9A-Z]{1,21}$/.test(reference) && mod97(reference.slice(4) + reference.slice(0, 4)) === 1;
}

/**
 * The reference of a case's `invoice`-th payment order (1, 2 …): the service number, the
 * application's number and the invoice's own two digits, so a bank statement line names the
 * service and the case (PSPP: a reference "ietvers pakalpojuma koda datus"), e.g. service 1001,
 * case 7654, first invoice: RF29 1001 7654 01. Unique, as the application number is; the
 * invoice digits tell a case's invoices apart.
 */
export function invoiceReference(serviceNumber: number, applicationNumber: string, invoice: number): string {
  if (!Number.isInteger(serviceNumber) || serviceNumber < 1) throw new RangeError(`service number ${serviceNumber} is not a positive whole number`);
  if (!/^[1-9]\d*$/.test(applicationNumber)) throw new RangeError(`application number "${applicationNumber}" is not a positive whole number`);
  if (!Number.isInteger(invoice) || invoice < 1 || invoice > 99) throw new RangeError(`a case has invoices 1-99, not ${invoice}`);
  const body = `${serviceNumber}${applicationNumber}${String(invoice).padStart(2, '0')}`;
  if (body.length > MAX_BODY) throw new RangeError(`service ${serviceNumber} and case ${applicationNumber} do not fit in a creditor reference`);
  return creditorReference(body);
}

/** A reference for an order that belongs to no application: random characters make it unique. */
export function randomCreditorReference(): string {
  let body = '';
  while (body.length < 12) body += ALPHABET[randomInt(ALPHABET.length)];
  return creditorReference(body);
}

/** A reference or an IBAN as invoices and banks print them: in groups of four (RF29 1001 7654 01). */
export function inGroupsOfFour(text: string): string {
  return text.replace(/(.{4})(?=.)/g, '$1 ');
}
