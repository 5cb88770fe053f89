/**
 * `npm start`'s sandboxes: the state registers (mutual TLS), the bank, the test CA's OCSP
 * responder and timestamping authority, a mail sink and an eID gateway, all on loopback, with
 * the settings that point the runtime's connectors, payments and eID login at them.
 * SANDBOXES=off leaves them out.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import { createTestPki, SANDBOX_RELYING_PARTY, sandboxBankEnv, startEidGateway, startSandboxes, startSigningSandboxes, type SandboxEidGateway } from '@konstruktor/examples';
import { MOBILE_SIGNATURE_ENV } from '../signing/personal-signing-settings.js';
import { ConfigError, type OidcConfig } from '../config.js';
import { startMailSink } from './mail-sink.js';

export interface DemoSandboxes {
  /** CONNECTOR_SECRET_* and PAYMENT_BANK_* settings for startRuntime's env. Secret: never print. */
  env: Record<string, string>;
  /** The runtime's OIDC settings for the sandbox eID gateway, when it was started. Holds its client secret: never print. */
  oidc: OidcConfig | undefined;
  /** Name and address of each sandbox, for the startup printout. */
  urls: [string, string][];
  close(): Promise<void>;
}

export function sandboxesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.SANDBOXES ?? 'on';
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`SANDBOXES must be on or off, got "${raw}"`);
  return raw === 'on';
}

/** The runtime's eID login through the sandbox gateway: plain HTTP is allowed, for this loopback issuer only. */
export function eidGatewayOidc(gateway: Pick<SandboxEidGateway, 'issuer' | 'client'>): OidcConfig {
  const { client } = gateway;
  return { issuer: gateway.issuer, clientId: client.id, clientSecret: client.secret, scope: client.scope, personalCodeClaim: client.personalCodeClaim, allowInsecureLoopback: true };
}

/**
 * Starts them; the test CA is kept under DATA_DIR/sandboxes/pki (in memory when DATA_DIR=memory).
 * The eID gateway only with `eidRedirectUri` (the runtime's OIDC callback), i.e. when no real one is configured.
 */
export async function startDemoSandboxes(options: { dataDir: string; logger: Logger; eidRedirectUri?: string }): Promise<DemoSandboxes> {
  const dir = options.dataDir === 'memory' ? undefined : path.join(options.dataDir, 'sandboxes', 'pki');
  const pki = await createTestPki(dir ? { dir } : {});
  // Signing first: its OCSP responder becomes the OCSP and CRL address of the certificates issued
  // after it. Kept on the same ports in `dir`, so the seal and `npm run connectors -- verify` agree.
  const signing = await startSigningSandboxes(dir ? { pki, dir } : { pki });
  const { ocsp, tsa, mobileSignature } = signing;
  const started: { close(): Promise<void> }[] = [signing];
  const close = async () => { await Promise.all(started.map((s) => s.close())); };
  try {
    const sandboxes = await startSandboxes({ pki });
    started.push(sandboxes);
    const mail = await startMailSink({ onMail: (m) => options.logger.info({ to: m.to, subject: m.subject }, 'sandbox mailbox received an e-mail') });
    started.push(mail);
    const eid = options.eidRedirectUri ? await startEidGateway({ redirectUris: [options.eidRedirectUri] }) : undefined;
    if (eid) started.push(eid);
    const secrets = { ...sandboxes.connectorSecrets, ...signing.connectorSecrets, SMTP_URL: mail.smtpUrl };
    return {
      env: {
        ...Object.fromEntries(Object.entries(secrets).map(([name, value]) => [`CONNECTOR_SECRET_${name}`, value])),
        ...sandboxBankEnv(sandboxes.bank),
        // Officials sign personally through the sandbox mobile-signature service, confirming on its phone page.
        ...(mobileSignature ? {
          [MOBILE_SIGNATURE_ENV.url]: mobileSignature.url,
          [MOBILE_SIGNATURE_ENV.relyingPartyUUID]: SANDBOX_RELYING_PARTY.relyingPartyUUID,
          [MOBILE_SIGNATURE_ENV.relyingPartyName]: SANDBOX_RELYING_PARTY.relyingPartyName,
        } : {}),
      },
      oidc: eid && eidGatewayOidc(eid),
      urls: [
        ['population register', sandboxes.registers.population.subsystemUrl],
        ['legal entities', sandboxes.registers.legalEntities.subsystemUrl],
        ['bank', sandboxes.bank.url],
        ['OCSP responder', ocsp.url],
        ['timestamping', tsa.url],
        ...(mobileSignature ? [['mobile signature', mobileSignature.url], ['signature phone', mobileSignature.phoneUrl]] as [string, string][] : []),
        ...(eid ? [['eID gateway', eid.issuer] as [string, string]] : []),
        ['mailbox', mail.url],
      ],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
