import { describe, expect, it } from 'vitest';
import { canMove } from '../src/payments/status.js';
import { isCreditorReference, newCreditorReference } from '../src/payments/reference.js';
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

  it('references are ISO 11649 creditor references embedding the case number, and unique', () => {
    expect(isCreditorReference('RF18539007547034')).toBe(true);
    expect(isCreditorReference('RF19539007547034')).toBe(false);
    const references = Array.from({ length: 200 }, () => newCreditorReference('KNS-2026-000042'));
    for (const reference of references) {
      expect(isCreditorReference(reference)).toBe(true);
      expect(reference.slice(4)).toMatch(/^KNS2026000042[0-9A-Z]{8}$/);
    }
    expect(new Set(references).size).toBe(references.length);
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
