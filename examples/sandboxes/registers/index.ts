/**
 * The sandbox state registers on loopback, over mutual TLS with certificates from the test PKI,
 * and the connector secrets that point Konstruktor's register connectors at them.
 */
import { REGISTER_SECRETS } from '@konstruktor/connectors';
import type { TestPki } from '../pki/index.js';
import { startLegalEntitiesRegister } from './legal-entities/register.js';
import { startPopulationRegister } from './population/register.js';
import type { XRoadServer } from './xroad-server.js';

export { parsePersonalCode, ltCheckDigit, lvCheckDigit, type ParsedPersonalCode } from './personal-code.js';
export { startPopulationRegister, loadPeople, POPULATION_REGISTER_PROVIDER, type PersonRecord } from './population/register.js';
export { startLegalEntitiesRegister, loadCompanies, LEGAL_ENTITIES_REGISTER_PROVIDER, type CompanyRecord } from './legal-entities/register.js';
export { startXRoadServer, requestHash, type XRoadServer, type XRoadServerOptions, type XRoadLogEntry, type DownMode, type RegisterServerOptions } from './xroad-server.js';

/** Konstruktor's consumer subsystem in the sandbox X-Road instance. */
export const KONSTRUKTOR_XROAD_CLIENT = 'LT-TEST/GOV/188603472/KONSTRUKTOR';

export interface SandboxRegisters {
  population: XRoadServer;
  legalEntities: XRoadServer;
  /** Secrets for the register connectors: addresses, client id, client certificate and key, trusted CA. */
  connectorSecrets: Record<string, string>;
  close(): Promise<void>;
}

export async function startRegisters(options: { pki: TestPki; host?: string }): Promise<SandboxRegisters> {
  const { pki } = options;
  const host = options.host ?? '127.0.0.1';
  const server = await pki.issue({ subject: 'CN=registers.sandbox.konstruktor, O=Sandbox state registers, C=LT', usage: 'tls-server', ipAddresses: [host] });
  const memberCode = KONSTRUKTOR_XROAD_CLIENT.split('/')[2];
  // 2.5.4.5 is serialNumber: X-Road member certificates carry the member code there (the name parser knows no SERIALNUMBER keyword).
  const client = await pki.issue({ subject: `CN=KONSTRUKTOR, O=Konstruktor platform, 2.5.4.5=${memberCode}, C=LT`, usage: 'tls-client' });
  const common = { host, allowedClients: [KONSTRUKTOR_XROAD_CLIENT], tls: { cert: server.chainPem, key: server.keyPem, ca: pki.caCertPem } };
  const population = await startPopulationRegister(common);
  const legalEntities = await startLegalEntitiesRegister(common).catch(async (error: unknown) => {
    await population.close();
    throw error;
  });
  return {
    population,
    legalEntities,
    connectorSecrets: {
      [REGISTER_SECRETS.client]: KONSTRUKTOR_XROAD_CLIENT,
      [REGISTER_SECRETS.clientCert]: client.chainPem,
      [REGISTER_SECRETS.clientKey]: client.keyPem,
      [REGISTER_SECRETS.trustedCa]: pki.caCertPem,
      [REGISTER_SECRETS.populationRegister]: population.subsystemUrl,
      [REGISTER_SECRETS.legalEntitiesRegister]: legalEntities.subsystemUrl,
    },
    async close() {
      await Promise.all([population.close(), legalEntities.close()]);
    },
  };
}
