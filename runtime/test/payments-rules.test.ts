import { describe, expect, it } from 'vitest';
import { canMove } from '../src/payments/status.js';
import { invoiceReference, isCreditorReference, inGroupsOfFour, randomCreditorReference } from '../src/payments/reference.js';
import { paymentProvidersFromEnv } from '../src/payments/payments-config.js';
import type { PaymentStatus } from '../src/payments/payment-order.entity.js';

describe('payment order rules', () => {
  it('status moves forward only; failed stays open so that a late capture still marks it paid', () => {
    const moves: [PaymentStatus, PaymentStatus, boolean][] = [
      ['created', 'pending', true], ['pending', 'paid', true], ['created', 'paid', true], ['pending', 'failed', true],
      ['failed', 'paid', true], ['failed', 'pending', true], ['pending', 'expired', true], ['created', 'cancelled', true],
      ['paid', 'pending', false], ['paid', 'failed', false], ['paid', 'cancelled', false], ['expired', 'paid', false],
      ['cancelled', 'paid', false], ['pending', 'created', false], ['paid', 'paid', false],
    ];
    for (const [from, to, allowed] of moves) expect([from, to, canMove(from, to)]).toEqual([from, to, allowed]);
  });

  it('references are ISO 11649 creditor references embedding the service number and the case, printed in groups of four', () => {
    expect(isCreditorReference('RF18539007547034')).toBe(true);
    expect(isCreditorReference('RF19539007547034')).toBe(false);
    // Seed 004's example: service 9999, case 9999 7654.
    const first = invoiceReference(9999, '7654', 1);
    expect(first).toMatch(/^RF\d{2}9999765401$/);
    expect(isCreditorReference(first)).toBe(true);
    expect(invoiceReference(9999, '7654', 2)).not.toBe(first);
    expect(isCreditorReference(invoiceReference(999999, '1234567890123', 99))).toBe(true);
    expect(() => invoiceReference(999999, '12345678901234', 1)).toThrow(/do not fit/);
    expect(inGroupsOfFour('RF291001765401')).toBe('RF29 1001 7654 01');
    expect(isCreditorReference('RF291001765401')).toBe(true);
    const random = Array.from({ length: 200 }, () => randomCreditorReference());
    for (const reference of random) expect(isCreditorReference(reference)).toBe(true);
    expect(new Set(random).size).toBe(random.length);
  });

  it('the bank link comes from PAYMENT_BANK_* variables; a half configuration is refused naming the variable', () => {
    expect(paymentProvidersFromEnv({}, 'https://portal.example')).toEqual([]);
    expect(() => paymentProvidersFromEnv({ PAYMENT_BANK_URL: 'https://bank.example', PAYMENT_BANK_API_KEY: 'k' }, 'https://portal.example')).toThrow('PAYMENT_BANK_WEBHOOK_SECRET is not');
    expect(() => paymentProvidersFromEnv({ PAYMENT_BANK_URL: 'ftp://bank.example', PAYMENT_BANK_API_KEY: 'k', PAYMENT_BANK_WEBHOOK_SECRET: 's' }, 'https://portal.example')).toThrow('PAYMENT_BANK_URL must be an http(s) URL');
    const [provider] = paymentProvidersFromEnv({ PAYMENT_BANK_URL: 'https://bank.example/', PAYMENT_BANK_API_KEY: 'k', PAYMENT_BANK_WEBHOOK_SECRET: 's' }, 'https://portal.example');
    expect(provider!.name).toBe('bank');
    expect(() => paymentProvidersFromEnv({ PAYMENT_BANK_URL: 'https://bank.example', PAYMENT_BANK_API_KEY: 'k', PAYMENT_BANK_WEBHOOK_SECRET: 's', PAYMENT_BANK_TIMEOUT_MS: '5s' }, 'https://portal.example'))
      .toThrow('PAYMENT_BANK_TIMEOUT_MS must be a whole number of milliseconds, got "5s"');
  });
});
