/**
 * Every sandbox on loopback, for `npm start`, tests and demos: one call starts them all and
 * returns their handles and the connector secrets that point the connectors at them. Each
 * sandbox area adds its own start here (one field on the result, one line in close).
 */
import { createTestPki, type TestPki } from './pki/index.js';
import { startRegisters, type SandboxRegisters } from './registers/index.js';
import { startSandboxBank, type SandboxBank } from './bank/index.js';

export interface SandboxOptions {
  /** The test CA the sandboxes' certificates come from; a fresh in-memory one when absent. */
  pki?: TestPki;
  host?: string;
}

export interface Sandboxes {
  pki: TestPki;
  registers: SandboxRegisters;
  /** Payments: the runtime reaches it through sandboxBankEnv(bank) (PAYMENT_BANK_*). */
  bank: SandboxBank;
  /** Secrets for the built-in connectors, merged from every sandbox. */
  connectorSecrets: Record<string, string>;
  close(): Promise<void>;
}

export async function startSandboxes(options: SandboxOptions = {}): Promise<Sandboxes> {
  const pki = options.pki ?? (await createTestPki());
  const registers = await startRegisters({ pki, host: options.host });
  const bank = await startSandboxBank();
  return {
    pki,
    registers,
    bank,
    connectorSecrets: { ...registers.connectorSecrets },
    async close() {
      await registers.close();
      await bank.close();
    },
  };
}
