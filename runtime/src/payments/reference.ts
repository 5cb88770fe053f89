import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 97-10 of an alphanumeric string, letters counted as 10..35. */
function mod97(text: string): number {
  let rest = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char).toString();
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** True when `reference` is a well-formed ISO 11649 creditor reference (RFkk + 1-21 characters). */
export function isCreditorReference(reference: string): boolean {
  return /^RF\d{2}[0-9A-Z]{1,21}$/.test(reference) && mod97(reference.slice(4) + reference.slice(0, 4)) === 1;
}

/**
 * A new ISO 11649 creditor reference embedding the case (application number) so that a bank
 * statement line can be matched to it by eye; random characters make it unique.
 */
export function newCreditorReference(caseNumber = ''): string {
  const prefix = caseNumber.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 13);
  let body = prefix;
  while (body.length < prefix.length + 8) body += ALPHABET[randomInt(ALPHABET.length)];
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}
