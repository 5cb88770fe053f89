/** Sandbox bank: payment API, hosted payment page, signed webhooks and failure switches, on loopback. */
export * from './protocol.js';
export * from './bank.js';
