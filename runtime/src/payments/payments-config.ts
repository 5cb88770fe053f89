import { ConfigError } from '../config.js';
import { bankLinkProvider } from './bank-link-provider.js';
import type { PaymentProvider } from './provider.js';

/** Payment settings that are missing or malformed; the message names the variable. */
export class PaymentsConfigError extends ConfigError {}

/**
 * The bank link from the environment: PAYMENT_BANK_URL, PAYMENT_BANK_API_KEY,
 * PAYMENT_BANK_WEBHOOK_SECRET and optionally PAYMENT_BANK_NAME (the webhook path segment,
 * default `bank`) and PAYMENT_BANK_TIMEOUT_MS (how long a bank may take to answer, default 10 s). None set: no provider, and creating a payment order fails naming the setting.
 */
export function paymentProvidersFromEnv(env: NodeJS.ProcessEnv, publicUrl: string): PaymentProvider[] {
  if (!env.PAYMENT_BANK_URL) return [];
  if (!URL.canParse(env.PAYMENT_BANK_URL) || !/^https?:$/.test(new URL(env.PAYMENT_BANK_URL).protocol)) {
    throw new PaymentsConfigError(`PAYMENT_BANK_URL must be an http(s) URL, got "${env.PAYMENT_BANK_URL}"`);
  }
  const missing = ['PAYMENT_BANK_API_KEY', 'PAYMENT_BANK_WEBHOOK_SECRET'].filter((name) => !env[name]);
  if (missing.length) throw new PaymentsConfigError(`PAYMENT_BANK_URL is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not`);
  const name = env.PAYMENT_BANK_NAME || 'bank';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name)) throw new PaymentsConfigError(`PAYMENT_BANK_NAME must be lower-case letters, digits and dashes, got "${name}"`);
  const timeout = env.PAYMENT_BANK_TIMEOUT_MS;
  if (timeout !== undefined && timeout !== '' && !/^[1-9][0-9]{0,6}$/.test(timeout)) {
    throw new PaymentsConfigError(`PAYMENT_BANK_TIMEOUT_MS must be a whole number of milliseconds, got "${timeout}"`);
  }
  return [bankLinkProvider({
    name, url: env.PAYMENT_BANK_URL.replace(/\/$/, ''), apiKey: env.PAYMENT_BANK_API_KEY!, webhookSecret: env.PAYMENT_BANK_WEBHOOK_SECRET!,
    notificationUrl: `${publicUrl}/api/payments/webhooks/${name}`,
    ...(timeout ? { timeoutMs: Number(timeout) } : {}),
  })];
}
