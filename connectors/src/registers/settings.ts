/**
 * Where the register connectors find their registers: host configuration handed over as
 * connector secrets (the certificate key is a real secret; addresses and the client id travel
 * the same way so one secret store configures a deployment).
 */
import type { XRoadClientSettings } from './xroad-client.js';
import { checkSettings } from './xroad-client.js';

export const REGISTER_SECRETS = {
  /** Konstruktor's consumer subsystem, `INSTANCE/CLASS/MEMBER/SUBSYSTEM`. */
  client: 'XROAD_CLIENT',
  /** PEM certificate chain presented for mutual TLS. */
  clientCert: 'XROAD_CLIENT_CERT',
  /** PEM private key of that certificate. */
  clientKey: 'XROAD_CLIENT_KEY',
  /** PEM certificate of the CA the registers' server certificates chain to. */
  trustedCa: 'XROAD_TRUSTED_CA',
  /** `https://security-server/r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM` of the population register. */
  populationRegister: 'POPULATION_REGISTER_URL',
  /** The same for the legal entities register. */
  legalEntitiesRegister: 'LEGAL_ENTITIES_REGISTER_URL',
} as const;

export type RegisterKind = 'populationRegister' | 'legalEntitiesRegister';

/** The secrets a connector of this register declares. */
export function registerSecretNames(register: RegisterKind): string[] {
  const { client, clientCert, clientKey, trustedCa } = REGISTER_SECRETS;
  return [client, clientCert, clientKey, trustedCa, REGISTER_SECRETS[register]];
}

/** Client settings from the connector's secrets; a missing or wrong one is named in the error. */
export function registerSettings(secrets: Record<string, string>, register: RegisterKind): XRoadClientSettings {
  const missing = registerSecretNames(register).filter((name) => !secrets[name]);
  const urlName = REGISTER_SECRETS[register];
  const url = secrets[urlName] ?? '';
  const needsTls = url.startsWith('https:');
  const required = needsTls ? missing : missing.filter((name) => name === urlName || name === REGISTER_SECRETS.client);
  if (required.length > 0) throw new Error(`register connector is not configured: secret ${required.join(', ')} missing`);
  const settings: XRoadClientSettings = {
    subsystemUrl: url,
    client: secrets[REGISTER_SECRETS.client] ?? '',
    tls: needsTls
      ? { cert: secrets[REGISTER_SECRETS.clientCert] ?? '', key: secrets[REGISTER_SECRETS.clientKey] ?? '', ca: secrets[REGISTER_SECRETS.trustedCa] ?? '' }
      : undefined,
  };
  checkSettings(settings, { subsystemUrl: urlName, client: REGISTER_SECRETS.client });
  return settings;
}
